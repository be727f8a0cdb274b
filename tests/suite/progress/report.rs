//! The clinician report and the CSV export, on generated histories.

use strongback::domain::care::checkin::{Clearance, Day, RedFlag};
use strongback::domain::progress::adherence::AdherenceRecords;
use strongback::report::clinician::{ReportInput, report_html};
use strongback::report::csv_export::{COLUMNS, sessions_csv};
use strongback::store::bundled::Assets;

use crate::common::{assets, generated, parse_date};

fn history(
    days: u32,
) -> (
    Assets,
    Vec<strongback::domain::session::record::SessionRecord>,
    Vec<Day>,
) {
    let (sessions, days) = generated(parse_date("2026-09-01"), days, 2);
    (assets(), sessions, days)
}

#[test]
fn csv_has_the_documented_columns_and_one_row_per_set_and_side() {
    let (_, sessions, mut days) = history(14);
    // The first day's check-in ended on a red flag: its pain is blank, never 0.
    let first = days[0].check_in.as_mut().expect("check-in");
    first.red_flags = vec![RedFlag::FeverOrUnwell];
    (first.back_pain, first.leg_pain) = (None, None);
    let text = sessions_csv(&sessions, &days).expect("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, COLUMNS);
    let docs = std::fs::read_to_string("docs/csv-format.md").expect("documented");
    for column in COLUMNS {
        assert!(
            docs.contains(&format!("`{column}`")),
            "{column} is documented"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let sets: usize = sessions
        .iter()
        .flat_map(|s| &s.exercises)
        .map(|e| e.sets.len())
        .sum();
    assert_eq!(rows.len(), sets);
    let side_plank: Vec<_> = rows.iter().filter(|r| &r[6] == "side_plank").collect();
    assert!(
        side_plank.iter().any(|r| &r[12] == "left") && side_plank.iter().any(|r| &r[12] == "right")
    );
    let first = &rows[0];
    assert_eq!(&first[0], "2026-09-01");
    assert_eq!(&first[1], "2026-09-01T07:30:00+01:00");
    assert_eq!(&first[6], "cat_camel");
    assert_eq!(&first[13], "paced_reps");
    assert_eq!(&first[14], "6x4s");
    assert!(["true", "false"].contains(&&first[16]));
    assert_eq!((&first[17], &first[18]), ("", ""), "not answered: blank");
    assert!(
        first[19].parse::<u8>().is_ok(),
        "the session's own worst pain"
    );
    let later = rows
        .iter()
        .find(|r| &r[0] == "2026-09-03")
        .expect("a later session");
    assert!(later[17].parse::<u8>().is_ok(), "answered: a number");
}

#[test]
fn csv_quotes_text_with_commas() {
    let (_, mut sessions, days) = history(2);
    sessions[0].program = "Core, hips and \"glutes\"".into();
    let text = sessions_csv(&sessions, &days).expect("csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().expect("row").expect("valid");
    assert_eq!(&row[3], "Core, hips and \"glutes\"");
}

#[test]
fn report_shows_plan_adherence_progression_pain_and_events() {
    let (assets, sessions, mut days) = history(56);
    let flagged = days[3].check_in.as_mut().expect("check-in");
    flagged.red_flags = vec![RedFlag::FeverOrUnwell];
    (flagged.back_pain, flagged.leg_pain) = (None, None);
    days[5].clearance = Some(Clearance {
        covers: Vec::new(),
        note: "Dr Patel".into(),
    });
    let records = AdherenceRecords::gather(
        &assets.plan,
        &assets.catalog,
        &sessions,
        &days,
        parse_date("2026-10-26"),
    );
    // The red flag and the clearance from the days; a referral as the rules would list it.
    let mut events = strongback::report::events::care_events(
        &assets.plan.plan,
        &assets.plan.circuit,
        &assets.catalog,
        &days,
        parse_date("2026-09-01"),
        parse_date("2026-10-26"),
    );
    events.push(strongback::report::events::CareEvent {
        date: parse_date("2026-09-05"),
        kind: strongback::report::events::EventKind::Referral(
            strongback::domain::care::rules::Referral::Routine,
        ),
        text: "3 red sessions in the last 14 days: please book an appointment with a clinician."
            .into(),
        closed_on: None,
    });
    let html = report_html(&ReportInput {
        plan: &assets.plan.plan,
        sessions: &sessions,
        days: &days,
        from: parse_date("2026-09-01"),
        to: parse_date("2026-10-26"),
        records: &records,
        events: &events,
    });
    for expected in [
        "<td><b>Plan</b></td><td>Back-care circuit</td>",
        "<td><b>Period</b></td><td>1 Sep 2026 to 26 Oct 2026 (8 weeks)</td>",
        "<h2>Summary</h2>",
        "the plan asks for 3 a week",
        "Each exercise at the start and the end of the period",
        "Front plank",
        "Weekly mean pain",
        "meaningful",
        "Session lights: green",
        "red flag (urgent)",
        "stated that a clinician cleared them to exercise (Dr Patel)",
        "5 Sep 2026: routine referral: 3 red sessions in the last 14 days",
        "How the figures are counted",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    assert!(html.matches("<svg").count() >= 2, "charts, inline");
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<link"));
    // Every other day for 8 weeks (3 or 4 a week), some ended early: within the plan, 22 + 2 × ½
    // of 24; every session day is counted, 4 of them beyond the plan.
    assert!(
        html.contains(
            "<b>Adherence: 96 %</b>: 25 completed, 3 partial and 0 missed of 24 planned (4 of them extra: beyond the plan, so they do not raise adherence)"
        ),
        "adherence: {}",
        html.split("<b>Adherence: ").nth(1).unwrap_or_default().split(';').next().unwrap_or_default()
    );
    // The red flag's check-in has no pain: a gap, said in words.
    assert!(html.contains("1 check-in ended on a red flag before the pain questions"));
}

#[test]
fn the_period_limits_what_the_report_counts() {
    let (assets, sessions, days) = history(56);
    let records = AdherenceRecords::gather(
        &assets.plan,
        &assets.catalog,
        &sessions,
        &days,
        parse_date("2026-09-07"),
    );
    let html = report_html(&ReportInput {
        plan: &assets.plan.plan,
        sessions: &sessions,
        days: &days,
        from: parse_date("2026-09-01"),
        to: parse_date("2026-09-07"),
        events: &[],
        records: &records,
    });
    // Tuesday 1 to Monday 7 September 2026, sessions on the 1st, 3rd, 5th and 7th: Tue–Sun
    // plans 3 (6 days of 7 × 3 = 2.6) and all were done; Monday alone plans none, but the
    // session done on it counts as planned (the generator ended that one early).
    let figures = html
        .split("<b>Adherence: ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_default();
    assert_eq!(
        figures, "88 %</b>: 3 completed, 1 partial and 0 missed of 4 planned",
        "one week only"
    );
}

#[test]
fn an_empty_history_gives_a_report_that_says_so() {
    let assets = assets();
    let records = AdherenceRecords::gather(
        &assets.plan,
        &assets.catalog,
        &[],
        &[],
        parse_date("2026-09-30"),
    );
    let html = report_html(&ReportInput {
        plan: &assets.plan.plan,
        sessions: &[],
        days: &[],
        from: parse_date("2026-09-01"),
        to: parse_date("2026-09-30"),
        events: &[],
        records: &records,
    });
    assert!(
        html.contains("No sessions or check-ins were recorded between 1 Sep 2026 and 30 Sep 2026.")
    );
    assert!(html.ends_with("</html>\n"));
}

#[test]
fn report_command_writes_html_and_csv_from_a_data_folder() {
    let (assets, sessions, days) = history(20);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = strongback::store::Store::open(dir.path()).expect("store");
    for s in &sessions {
        store.save_session(s).expect("save");
    }
    store.save_history(&days).expect("save");
    let out = dir.path().join("report.html");
    let csv_path = dir.path().join("sessions.csv");
    let code = strongback::cli::run_command(
        &strongback::cli::Command::Report {
            out: Some(out.clone()),
            csv: Some(csv_path.clone()),
            weeks_csv: Some(dir.path().join("weeks.csv")),
            events_csv: Some(dir.path().join("events.csv")),
            activities_csv: None,
            from: Some(parse_date("2026-09-01")),
            to: Some(parse_date("2026-09-30")),
            force: false,
        },
        None,
        Some(dir.path()),
    )
    .expect("runs");
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&out)
            .expect("html")
            .contains("<h2>Summary</h2>")
    );
    let rows = std::fs::read_to_string(&csv_path)
        .expect("csv")
        .lines()
        .count();
    let sets: usize = sessions
        .iter()
        .flat_map(|s| &s.exercises)
        .map(|e| e.sets.len())
        .sum();
    assert_eq!(rows, sets + 1);
    let events = std::fs::read_to_string(dir.path().join("events.csv")).expect("events csv");
    assert_eq!(events.lines().next(), Some("date,kind,what,closed_on"));
    // The weeks CSV sums to the report's figures for the same period.
    let html = std::fs::read_to_string(&out).expect("html");
    let weeks = std::fs::read_to_string(dir.path().join("weeks.csv")).expect("weeks csv");
    let mut reader = csv::Reader::from_reader(weeks.as_bytes());
    let mut sums = [0u32; 5];
    for row in reader.records() {
        let row = row.expect("row");
        for (sum, cell) in sums.iter_mut().zip(row.iter().skip(2)) {
            *sum += cell.parse::<u32>().expect("a count");
        }
    }
    let [planned, completed, partial, missed, _extra] = sums;
    assert!(
        html.contains(&format!(
            "{completed} completed, {partial} partial and {missed} missed of {planned} planned"
        )),
        "weeks CSV {sums:?} and the report agree"
    );
    drop(assets);
}

/// `report` only reads: it may run while the app has the folder open, so an unreadable file is
/// reported and left where it is, not renamed.
#[test]
fn the_report_command_changes_nothing_in_the_data_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("history.ron"), "not ron at all").expect("write");
    let out = dir.path().join("report.html");
    let code = strongback::cli::run_command(
        &strongback::cli::Command::Report {
            out: Some(out.clone()),
            csv: None,
            weeks_csv: None,
            events_csv: None,
            activities_csv: None,
            from: None,
            to: Some(parse_date("2026-09-30")),
            force: false,
        },
        None,
        Some(dir.path()),
    )
    .expect("runs");
    assert_eq!(code, 1, "written, but incomplete: not a success");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("history.ron")).expect("left in place"),
        "not ron at all"
    );
    assert!(!dir.path().join("history.ron.unreadable").exists());
}

#[test]
fn the_report_command_refuses_a_data_folder_that_does_not_exist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-folder");
    let out = dir.path().join("report.html");
    let err = strongback::cli::run_command(
        &strongback::cli::Command::Report {
            out: Some(out.clone()),
            csv: None,
            weeks_csv: None,
            events_csv: None,
            activities_csv: None,
            from: None,
            to: None,
            force: false,
        },
        None,
        Some(&missing),
    )
    .expect_err("refused");
    assert!(err.to_string().contains("no data folder here"), "{err}");
    assert!(!out.exists(), "no empty report written");
    assert!(!missing.exists(), "nothing created");
}

#[cfg(unix)]
#[test]
fn report_output_goes_only_to_a_regular_file_even_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    crate::common::with_history(&data);
    let target = dir.path().join("precious.txt");
    std::fs::write(&target, "keep me").expect("target");
    let link = dir.path().join("report.html");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let folder = dir.path().join("a-folder");
    std::fs::create_dir(&folder).expect("folder");
    for out in [&link, &folder] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_strongback"))
            .arg("report")
            .arg("--data-dir")
            .arg(&data)
            .arg("--force")
            .arg("--out")
            .arg(out)
            .output()
            .expect("the command runs");
        assert!(!output.status.success(), "{}: refused", out.display());
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("not a regular file"), "{said}");
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("still there")
            .file_type()
            .is_symlink(),
        "the link is not replaced"
    );
    assert_eq!(std::fs::read_to_string(&target).expect("target"), "keep me");
    assert!(folder.is_dir());
}

#[cfg(unix)]
#[test]
fn a_cut_off_or_dangling_history_is_named_at_the_top_of_the_report_and_in_the_exit_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    crate::common::with_history(&data);
    let history = data.join("history.ron");
    let text = std::fs::read_to_string(&history).expect("history");
    let out = dir.path().join("report.html");
    let report = |label: &str| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_strongback"))
            .arg("report")
            .arg("--data-dir")
            .arg(&data)
            .arg("--force")
            .arg("--out")
            .arg(&out)
            .output()
            .expect("the command runs");
        assert!(!output.status.success(), "{label}: not exit 0");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("history.ron"), "{label}: {said}");
        assert!(
            !said.contains("\\n"),
            "{label}: a line each, no literal \\n: {said}"
        );
        let page = std::fs::read_to_string(&out).expect("the report is written");
        assert!(
            page.contains("This report is incomplete: some records could not be read."),
            "{label}"
        );
        assert!(page.contains("history.ron"), "{label}: the file is named");
    };
    std::fs::write(&history, &text[..text.len() / 2]).expect("cut off");
    report("cut off");
    std::fs::remove_file(&history).expect("removed");
    std::os::unix::fs::symlink(dir.path().join("nowhere.ron"), &history).expect("dangling");
    report("dangling link");
    std::fs::remove_file(&history).expect("removed");
    std::os::unix::fs::symlink(&history, &history).expect("a loop");
    report("a link to itself");
}

#[test]
fn a_report_period_that_ends_before_it_starts_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = strongback::cli::run_command(
        &strongback::cli::Command::Report {
            out: Some(dir.path().join("report.html")),
            csv: None,
            weeks_csv: None,
            events_csv: None,
            activities_csv: None,
            from: Some(parse_date("2026-12-01")),
            to: Some(parse_date("2026-01-01")),
            force: false,
        },
        None,
        Some(dir.path()),
    )
    .expect_err("refused");
    assert!(err.to_string().contains("is after --to"), "{err}");
    assert!(!dir.path().join("report.html").exists());
}

/// The report's dose chart labels the step each exercise starts at and marks every change of
/// step, so a move to a harder step at a shorter hold reads as a step, not a fall.
#[test]
fn dose_charts_mark_the_starting_step_and_every_step_change() {
    let (sessions, days) = generated(parse_date("2025-11-01"), 365, 2);
    let assets = assets();
    let source = strongback::report::clinician::ReportSource {
        plan: &assets.plan,
        catalog: &assets.catalog,
        sessions: &sessions,
        days: &days,
        unreadable: &[],
    };
    let html = strongback::report::clinician::clinician_report(
        &source,
        parse_date("2025-11-01"),
        parse_date("2026-10-31"),
    );
    let doses = html.split("Dose over time").nth(1).expect("dose charts");
    let plank = doses
        .split("<svg")
        .find(|svg| svg.contains("Front plank"))
        .expect("the front plank's chart");
    let series: Vec<_> = strongback::domain::progress::figures::dose_series(&sessions, "plank");
    let changes = series.iter().filter(|p| p.step_changed).count();
    assert!(changes >= 2, "a year climbs the ladder: {changes}");
    assert_eq!(
        plank.matches(r##"stroke="#b07d00""##).count(),
        1 + changes,
        "a line where it starts and at each change"
    );
    assert!(plank.contains(&format!(">step {}</text>", series[0].step)));
    for change in series.iter().filter(|p| p.step_changed) {
        assert!(
            plank.contains(&format!(">step {}</text>", change.step)),
            "step {} labelled",
            change.step
        );
    }
}

/// Dead bug holds at step 1 and counts reps above it: its chart says both units and labels
/// each step with its own, so 45 s then 8 reps never reads as a fall from 45 to 8.
#[test]
fn a_dose_chart_that_changes_from_holds_to_reps_says_so() {
    let (sessions, _) = generated(parse_date("2025-11-01"), 365, 2);
    let series = strongback::domain::progress::figures::dose_series(&sessions, "dead_bug");
    let units: std::collections::BTreeSet<&str> = series.iter().map(|p| p.unit).collect();
    assert_eq!(units.len(), 2, "holds at step 1, reps above: {units:?}");
    assert_eq!(
        strongback::domain::progress::figures::dose_axis_title(&series),
        "seconds or reps"
    );
    let labels = strongback::domain::progress::figures::step_labels(&series);
    for (point, label) in &labels {
        let unit = if point.unit == "s" { "hold" } else { "reps" };
        assert_eq!(*label, format!("step {}, {unit}", point.step));
    }
    assert!(labels.iter().any(|(_, l)| l.ends_with("hold")));
    assert!(labels.iter().any(|(_, l)| l.ends_with("reps")));
}
