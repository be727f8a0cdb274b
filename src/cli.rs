//! Command-line arguments and start-up: open the data folder, load assets, run the window.

use std::path::PathBuf;

use anyhow::{Context as _, anyhow};
use clap::{Parser, Subcommand};

use crate::app::{AppDeps, StrongbackApp};
use crate::assets::Assets;
use crate::audio::{AudioOutput, RodioAudio, SilentAudio};
use crate::clock::SystemClock;
use crate::domain::catalog::Catalog;
use crate::store::Store;

/// Strongback: guided back-care strength circuits with sound cues.
#[derive(Debug, Parser)]
#[command(name = "strongback", version, about)]
pub struct Cli {
    /// Where sessions and settings are kept (default: the per-user data folder).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Read the catalog and program from this folder instead of the built-in copies.
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,
    /// Run without sound.
    #[arg(long)]
    pub no_sound: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Things to do without opening the window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files: prints `FILE: ok`, or one `FILE:LINE:COL: message` line per problem.
    Validate {
        /// Plan files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Replay a days file through the rules and print each date's decision.
    Simulate {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// The days file (check-ins, sessions, clearances by date).
        #[arg(value_name = "DAYS")]
        days: PathBuf,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write the report for the clinician (HTML with charts) and/or every set as CSV.
    Report {
        /// Where to write the HTML report.
        #[arg(long, value_name = "FILE.html", required_unless_present = "csv")]
        out: Option<PathBuf>,
        /// Where to write every session as CSV, one row per set and side.
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<PathBuf>,
        /// First date to include (YYYY-MM-DD; default: the first record).
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Last date to include (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
    },
    /// Write a printable handout of a plan: one self-contained HTML page.
    Handout {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// Where to write the page.
        #[arg(long, value_name = "FILE.html")]
        out: PathBuf,
    },
}

/// Check each plan file, printing to `out`. Returns whether all were valid.
pub fn validate(files: &[PathBuf], catalog: &Catalog, out: &mut impl std::io::Write) -> bool {
    let mut all_ok = true;
    for file in files {
        let result = crate::plan_file::read_plan(file, catalog);
        let written = match result {
            Ok(_) => writeln!(out, "{}: ok", file.display()),
            Err(problems) => {
                all_ok = false;
                problems
                    .iter()
                    .try_for_each(|problem| writeln!(out, "{problem}"))
            }
        };
        if written.is_err() {
            return false;
        }
    }
    all_ok
}

/// Read a plan, or print its problems to standard error.
fn read_plan_or_report(
    path: &std::path::Path,
    catalog: &Catalog,
) -> Option<crate::plan_file::CheckedPlan> {
    match crate::plan_file::read_plan(path, catalog) {
        Ok(checked) => Some(checked),
        Err(problems) => {
            for problem in problems {
                eprintln!("{problem}");
            }
            None
        }
    }
}

/// Run a subcommand; returns the process exit code.
pub fn run_command(
    command: &Command,
    assets_dir: Option<&std::path::Path>,
    data_dir: Option<&std::path::Path>,
) -> anyhow::Result<u8> {
    let assets = match assets_dir {
        Some(dir) => Assets::from_dir(dir),
        None => Assets::embedded(),
    }
    .map_err(|problems| {
        anyhow!(
            "{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })?;
    match command {
        Command::Validate { files } => {
            let ok = validate(files, &assets.catalog, &mut std::io::stdout().lock());
            Ok(if ok { 0 } else { 1 })
        }
        Command::Simulate { plan, days, json } => {
            let Some(checked) = read_plan_or_report(plan, &assets.catalog) else {
                return Ok(1);
            };
            let days = match crate::days_file::read_days(days) {
                Ok(days) => days,
                Err(problem) => {
                    eprintln!("{problem}");
                    return Ok(1);
                }
            };
            let decisions = crate::days_file::replay(&checked, &assets.catalog, &days.days);
            if *json {
                for decision in &decisions {
                    println!("{}", crate::days_file::decision_json(decision));
                }
            } else {
                print!("{}", crate::days_file::decisions_table(&decisions));
            }
            Ok(0)
        }
        Command::Report { out, csv, from, to } => {
            let dir = match data_dir {
                Some(dir) => dir.to_path_buf(),
                None => Store::default_dir().ok_or_else(|| {
                    anyhow!("no per-user data folder was found; pass --data-dir DIR")
                })?,
            };
            let store = Store::open(&dir)?;
            let (sessions, session_notices) = store.load_sessions();
            let (days, history_notice) = store.load_history();
            let (saved_plan, plan_notice) = store.load_plan(&assets.catalog);
            for notice in session_notices
                .iter()
                .chain(&history_notice)
                .chain(&plan_notice)
            {
                eprintln!("{}", notice.text);
            }
            let plan = saved_plan.map_or(assets.plan, |p| p.plan);
            let today = chrono::Local::now().date_naive();
            let to = to.unwrap_or(today);
            let first = sessions
                .iter()
                .map(crate::domain::progress::session_date)
                .chain(days.iter().map(|d| d.date))
                .min();
            let from = from.or(first).unwrap_or(to);
            if let Some(path) = csv {
                let in_range: Vec<_> = sessions
                    .iter()
                    .filter(|s| {
                        let d = crate::domain::progress::session_date(s);
                        d >= from && d <= to
                    })
                    .cloned()
                    .collect();
                let text = crate::report::csv_export::sessions_csv(&in_range)?;
                crate::store::write_shared(path, text.as_bytes())?;
                println!(
                    "{}: {} rows written",
                    path.display(),
                    text.lines().count().saturating_sub(1)
                );
            }
            if let Some(path) = out {
                let circuit = crate::domain::program::Circuit::resolve(&plan, &assets.catalog)
                    .map_err(|problems| anyhow!("{}", problems.join("; ")))?;
                let referrals = crate::domain::rules::referral_events(
                    &plan,
                    &circuit,
                    &assets.catalog,
                    &days,
                    from,
                    to,
                );
                let html =
                    crate::report::clinician::report_html(&crate::report::clinician::ReportInput {
                        plan: &plan,
                        sessions: &sessions,
                        days: &days,
                        from,
                        to,
                        referrals: &referrals,
                    });
                crate::store::write_shared(path, html.as_bytes())?;
                println!("{}: report written ({from} to {to})", path.display());
            }
            Ok(0)
        }
        Command::Handout { plan, out } => {
            let Some(checked) = read_plan_or_report(plan, &assets.catalog) else {
                return Ok(1);
            };
            let html = crate::report::handout::handout_html(&checked, &assets.catalog);
            crate::store::write_shared(out, html.as_bytes())?;
            println!("{}: handout written", out.display());
            Ok(0)
        }
    }
}

/// Parse arguments and open the app window.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let data_dir = match cli.data_dir {
        Some(dir) => dir,
        None => Store::default_dir()
            .ok_or_else(|| anyhow!("no per-user data folder was found; pass --data-dir DIR"))?,
    };
    let store = Store::open(&data_dir)?;
    let assets = match &cli.assets {
        Some(dir) => Assets::from_dir(dir),
        None => Assets::embedded(),
    };
    if let Err(problems) = &assets {
        for problem in problems {
            eprintln!("{problem}");
        }
    }
    let no_sound = cli.no_sound;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Strongback")
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([720.0, 520.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Strongback",
        options,
        Box::new(move |cc| {
            let audio: Box<dyn AudioOutput> = if no_sound {
                Box::new(SilentAudio)
            } else {
                let ctx = cc.egui_ctx.clone();
                Box::new(RodioAudio::start_notifying(Box::new(move || {
                    ctx.request_repaint()
                })))
            };
            Ok(Box::new(StrongbackApp::new(AppDeps {
                clock: Box::new(SystemClock::new()),
                audio,
                store,
                assets,
            })))
        }),
    )
    .map_err(|err| anyhow!("{err}"))
    .context("Strongback could not open its window (is a graphical display available?)")
}
