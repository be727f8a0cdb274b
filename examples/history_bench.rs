//! Scale benchmark for issue 5: ten years of daily sessions (3,650) in a data folder.
//! Measures loading them, building the history screen's model (calendar, adherence, streak,
//! series), the report, and the history screen's frame time (egui_kittest, no GPU).
//!
//!     cargo run --release --example history_bench
//!
//! Pass `--write DIR` to only write the generated data folder (for screenshots).
use std::time::{Duration, Instant};
use strongback::ui::Destination;

use strongback::store::Store;
use strongback::store::bundled::Assets;

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        best = best.min(start.elapsed());
    }
    println!(
        "{label:<44} {:>9.1} ms (best of {runs})",
        best.as_secs_f64() * 1000.0
    );
    match last {
        Some(value) => value,
        None => f(),
    }
}

fn main() -> anyhow::Result<()> {
    let assets = Assets::embedded().map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let args: Vec<String> = std::env::args().collect();
    let write_only = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let start =
        chrono::NaiveDate::from_ymd_opt(2016, 11, 24).ok_or_else(|| anyhow::anyhow!("date"))?;
    let (sessions, days) = strongback::domain::progress::demo::generate_history(
        &assets.plan,
        &assets.catalog,
        start,
        3650,
        1,
    );
    let dir = tempfile::tempdir()?;
    let data_dir = write_only
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().to_path_buf());
    let store = Store::open(&data_dir)?;
    let written = Instant::now();
    for record in &sessions {
        store.save_session(record)?;
    }
    store.save_history(&days)?;
    println!(
        "generated and wrote {} sessions in {:.1} s",
        sessions.len(),
        written.elapsed().as_secs_f64()
    );
    if args.iter().any(|a| a == "--write") {
        return Ok(());
    }
    let bytes: u64 = std::fs::read_dir(data_dir.join("sessions"))?
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!("session files on disk: {:.1} MB", bytes as f64 / 1e6);

    let (loaded, _) = time("load 3,650 session files", 3, || store.load_sessions());
    let (history, notice) = time("load history.ron (3,650 days)", 3, || store.load_history());
    assert_eq!(loaded.len(), 3650);
    assert_eq!(history.len(), 3650, "history loads: {notice:?}");
    let today = start + chrono::Duration::days(3649);
    let plan = &assets.plan.plan;
    let records = time(
        "gather adherence records (rules decide every date)",
        3,
        || {
            strongback::domain::progress::adherence::AdherenceRecords::gather(
                &assets.plan,
                &assets.catalog,
                &loaded,
                &history,
                today,
            )
        },
    );
    time("build history screen model (all charts)", 5, || {
        strongback::ui::history_screen::HistoryModel::build(&loaded, &history, plan, &records)
    });
    time("clinician report, 10 years (HTML + SVG)", 3, || {
        strongback::report::clinician::report_html(&strongback::report::clinician::ReportInput {
            plan,
            sessions: &loaded,
            days: &history,
            from: start,
            to: today,
            events: &[],
            records: &records,
        })
    });
    time("CSV of every set and side", 3, || {
        strongback::report::csv_export::sessions_csv(&loaded, &history)
    })?;

    // Frame time of the history screen, drawn by the real app (no GPU: layout and tessellation).
    let clock = strongback::platform::clock::ManualClock::new(
        today
            .and_hms_opt(18, 0, 0)
            .map(|t| t.and_utc().fixed_offset())
            .ok_or_else(|| anyhow::anyhow!("time"))?,
    );
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1100.0, 720.0))
        .build_eframe(|_cc| {
            strongback::StrongbackApp::new(strongback::AppDeps {
                clock: Box::new(clock.clone()),
                audio: Box::new(strongback::platform::sound::SilentAudio),
                store: store.clone(),
                assets: Ok(assets.clone()),
            })
        });
    let opened = Instant::now();
    harness
        .state_mut()
        .apply(strongback::ui::Action::Go(Destination::History));
    harness.run();
    println!(
        "{:<44} {:>9.1} ms",
        "open the history screen (model + first frames)",
        opened.elapsed().as_secs_f64() * 1000.0
    );
    let frames = 60;
    let start_frames = Instant::now();
    for _ in 0..frames {
        harness.step();
    }
    println!(
        "{:<44} {:>9.2} ms",
        "history screen frame (mean of 60)",
        start_frames.elapsed().as_secs_f64() * 1000.0 / f64::from(frames)
    );
    Ok(())
}
