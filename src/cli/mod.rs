//! The command line: arguments, one file per subcommand, and opening the window.

pub mod demo_data_command;
pub mod handout_command;
pub mod remind_command;
pub mod reminders_command;
pub mod report_command;
pub mod simulate_command;
pub mod terminal;
pub mod validate_command;
mod window;

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use clap::{Parser, Subcommand};

use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::checks::CheckedPlan;
use crate::store::Store;
use crate::store::bundled::Assets;
use crate::store::plan_file::read_plan;

pub use validate_command::validate;

/// Strongback: guided back-care strength circuits with sound cues.
#[derive(Debug, Parser)]
#[command(name = "strongback", version, about)]
pub struct Cli {
    /// Where sessions and settings are kept (default: the per-user data folder).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Read the catalog and program from this folder instead of the built-in copies.
    #[arg(long, value_name = "DIR", global = true)]
    pub assets: Option<PathBuf>,
    /// Run without sound.
    #[arg(long, global = true)]
    pub no_sound: bool,
    /// Open the window at this size, e.g. `800x600` (default 1100x720).
    #[arg(long, value_name = "WxH", value_parser = parse_window_size, global = true)]
    pub window_size: Option<[f32; 2]>,
    /// Open full screen (F11 toggles it in the app).
    #[arg(long, global = true)]
    pub full_screen: bool,
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
        #[arg(
            long,
            value_name = "FILE.html",
            required_unless_present_any = ["csv", "weeks_csv", "events_csv", "activities_csv"]
        )]
        out: Option<PathBuf>,
        /// Where to write every session as CSV, one row per set and side.
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<PathBuf>,
        /// Where to write the week-by-week figures (planned, completed, partial, missed,
        /// adherence) as CSV.
        #[arg(long, value_name = "FILE.csv")]
        weeks_csv: Option<PathBuf>,
        /// Where to write the red flags, warnings, referrals and clearances as CSV (the
        /// report's list, one row each).
        #[arg(long, value_name = "FILE.csv")]
        events_csv: Option<PathBuf>,
        /// Where to write the ratings of the activities the person named as CSV (one row per
        /// activity and date, with the date's mean).
        #[arg(long, value_name = "FILE.csv")]
        activities_csv: Option<PathBuf>,
        /// First date to include (YYYY-MM-DD; default: the first record).
        #[arg(long, value_name = "DATE", value_parser = supported_date)]
        from: Option<chrono::NaiveDate>,
        /// Last date to include (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE", value_parser = supported_date)]
        to: Option<chrono::NaiveDate>,
        /// Replace files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Write a printable handout of a plan: one self-contained HTML page.
    Handout {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
        /// Where to write the page.
        #[arg(long, value_name = "FILE.html")]
        out: PathBuf,
        /// Also write the plan's training days as a calendar file (.ics) to give with it.
        #[arg(long, value_name = "FILE.ics")]
        calendar: Option<PathBuf>,
        /// Replace the files if they already exist.
        #[arg(long)]
        force: bool,
    },
    /// Open the plan editor (on PLAN, or on a new plan): build a plan, see its projection,
    /// save it, print its handout.
    Edit {
        /// A plan file to edit (one that fails the checks opens too, to be fixed).
        #[arg(value_name = "PLAN")]
        plan: Option<PathBuf>,
    },
    /// Open a plan file from your clinician in the window: see what it would change, then
    /// choose whether to train from it (what "Open with Strongback" runs).
    Open {
        /// The plan file.
        #[arg(value_name = "PLAN")]
        plan: PathBuf,
    },
    /// Post today's training reminder if one is due (what the reminder timer runs): not on a
    /// day the plan leaves free, after a session, while the app is open, or twice a day; while
    /// training is stopped or paused it says to see a clinician.
    Remind {
        /// Print what it would say (or why nothing is due) without notifying.
        #[arg(long)]
        print: bool,
    },
    /// Set the training reminder without the window (what Reminders… does): on at a time
    /// (on the days the plan asks for, or the days given), or off. With neither, says how it
    /// is set.
    Reminders {
        /// Remind at this time of day, e.g. `18:30`.
        #[arg(long, value_name = "HH:MM", value_parser = reminders_command::parse_time, conflicts_with = "off")]
        on: Option<(u8, u8)>,
        /// Only on these weekdays, e.g. `mon,wed,fri` (default: the days the plan asks for).
        #[arg(long, value_name = "DAYS", value_delimiter = ',', value_parser = reminders_command::parse_weekday, requires = "on")]
        days: Vec<chrono::Weekday>,
        /// Turn the reminder off and remove its timer.
        #[arg(long)]
        off: bool,
    },
    /// Fill an empty data folder with a generated history (sessions, check-ins, reports)
    /// ending today, to see the app with months of progress.
    DemoData {
        /// The data folder to fill; open it with `strongback --data-dir DIR`.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// How many years of history (1 to 50).
        #[arg(long, value_name = "N", default_value_t = 1)]
        years: u32,
        /// A session every N days (1 = daily, 2 = every other day).
        #[arg(long, value_name = "N", default_value_t = 2)]
        every_days: u32,
    },
}

impl Command {
    /// Whether the command opens the window (the others print and end).
    pub fn opens_window(&self) -> bool {
        matches!(self, Command::Edit { .. } | Command::Open { .. })
    }
}

/// A `YYYY-MM-DD` date within the years Strongback accepts.
fn supported_date(text: &str) -> Result<chrono::NaiveDate, String> {
    let date = text
        .parse::<chrono::NaiveDate>()
        .map_err(|err| format!("`{text}` is not a date written YYYY-MM-DD ({err})"))?;
    if crate::domain::dates::supported(date) {
        Ok(date)
    } else {
        Err(crate::domain::dates::unsupported_message(date))
    }
}

/// Read a plan, or print its problems to standard error.
fn read_plan_or_report(path: &Path, catalog: &Catalog) -> Option<CheckedPlan> {
    match read_plan(path, catalog) {
        Ok(checked) => Some(checked),
        Err(problems) => {
            for problem in &problems {
                terminal::warn(&problem.to_string());
            }
            None
        }
    }
}

/// Whether writing `path` must be refused: it exists and `--force` was not given (said on
/// standard error).
fn refuse_to_replace(path: &Path, force: bool) -> bool {
    let refuse = !force && path.exists();
    if refuse {
        terminal::warn(&format!(
            "{}: already exists; nothing was written (add --force to replace it)",
            path.display()
        ));
    }
    refuse
}

/// A data folder that must already exist, opened only to read (the app may have it open).
fn existing_data_folder(data_dir: &Path) -> anyhow::Result<Store> {
    if !data_dir.is_dir() {
        anyhow::bail!(
            "{}: no data folder here (pass --data-dir with the folder Strongback uses)",
            data_dir.display()
        );
    }
    Ok(Store::open_read_only(data_dir))
}

/// The data folder: the one given, or the per-user default.
fn data_dir_or_default(data_dir: Option<&Path>) -> anyhow::Result<PathBuf> {
    match data_dir {
        Some(dir) => Ok(dir.to_path_buf()),
        None => Store::default_dir()
            .ok_or_else(|| anyhow!("no per-user data folder was found; pass --data-dir DIR")),
    }
}

/// Run a subcommand; returns the process exit code.
pub fn run_command(
    command: &Command,
    assets_dir: Option<&Path>,
    data_dir: Option<&Path>,
) -> anyhow::Result<u8> {
    let assets = match assets_dir {
        Some(dir) => Assets::from_dir(dir),
        None => Assets::embedded(),
    }?;
    match command {
        Command::Validate { files } => {
            let ok = validate(files, &assets.catalog, &mut std::io::stdout().lock())?;
            Ok(if ok { 0 } else { 1 })
        }
        Command::Simulate { plan, days, json } => {
            Ok(simulate_command::run(plan, days, *json, &assets.catalog)?)
        }
        Command::Report {
            out,
            csv,
            weeks_csv,
            events_csv,
            activities_csv,
            from,
            to,
            force,
        } => report_command::run(
            &report_command::ReportRequest {
                out: out.as_deref(),
                csv: csv.as_deref(),
                weeks_csv: weeks_csv.as_deref(),
                events_csv: events_csv.as_deref(),
                activities_csv: activities_csv.as_deref(),
                from: *from,
                to: *to,
                force: *force,
            },
            &data_dir_or_default(data_dir)?,
            &assets,
        ),
        Command::Handout {
            plan,
            out,
            calendar,
            force,
        } => handout_command::run(plan, out, calendar.as_deref(), *force, &assets.catalog),
        Command::Reminders { on, days, off } => reminders_command::run(
            &data_dir_or_default(data_dir)?,
            &match (on, off) {
                (Some((hour, minute)), _) => reminders_command::ReminderChange::On {
                    hour: *hour,
                    minute: *minute,
                    days: days.clone(),
                },
                (None, true) => reminders_command::ReminderChange::Off,
                (None, false) => reminders_command::ReminderChange::Show,
            },
            &mut std::io::stdout().lock(),
        ),
        Command::Remind { print } => remind_command::run(
            &data_dir_or_default(data_dir)?,
            &assets,
            chrono::Local::now().naive_local(),
            *print,
            &mut std::io::stdout().lock(),
        ),
        Command::Edit { .. } | Command::Open { .. } => {
            anyhow::bail!("`edit` and `open` open the window: run them as `strongback edit [PLAN]`")
        }
        Command::DemoData {
            dir,
            years,
            every_days,
        } => demo_data_command::run(
            dir,
            demo_data_command::DemoRequest {
                years: *years,
                every_days: *every_days,
                today: chrono::Local::now().date_naive(),
            },
            &assets,
        ),
    }
}

/// Open the app window.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    window::run(window::WindowOptions {
        data_dir: data_dir_or_default(cli.data_dir.as_deref())?,
        assets_dir: cli.assets,
        no_sound: cli.no_sound,
        window_size: cli.window_size,
        full_screen: cli.full_screen,
        start: match cli.command {
            Some(Command::Edit { plan: Some(path) }) => {
                window::FirstScreen::Editor(crate::app::EditorStart::File(path))
            }
            Some(Command::Edit { plan: None }) => {
                window::FirstScreen::Editor(crate::app::EditorStart::New)
            }
            Some(Command::Open { plan }) => window::FirstScreen::PlanFile(plan),
            _ => window::FirstScreen::Home,
        },
    })
}

/// `800x600` → `[800.0, 600.0]`; sizes from 320 to 16384 pixels.
fn parse_window_size(text: &str) -> Result<[f32; 2], String> {
    let bad = || format!("`{text}` is not a window size like 800x600");
    let (width, height) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let side = |part: &str| -> Result<f32, String> {
        let pixels: u16 = part.trim().parse().map_err(|_| bad())?;
        if (320..=16384).contains(&pixels) {
            Ok(f32::from(pixels))
        } else {
            Err(format!("{pixels} pixels: a side must be from 320 to 16384"))
        }
    };
    Ok([side(width)?, side(height)?])
}

#[cfg(test)]
mod window_size_tests {
    use super::parse_window_size;

    #[test]
    fn window_sizes_are_read_and_checked() {
        assert_eq!(parse_window_size("800x600"), Ok([800.0, 600.0]));
        assert_eq!(parse_window_size("1920X1080"), Ok([1920.0, 1080.0]));
        assert!(parse_window_size("800").is_err());
        assert!(parse_window_size("10x10").is_err());
        assert!(parse_window_size("axb").is_err());
    }

    /// What Windows' "Open with Strongback" runs: `strongback.exe open "%1"`.
    #[test]
    fn open_takes_a_plan_file_and_opens_the_window() {
        use clap::Parser as _;
        let cli = super::Cli::try_parse_from([
            "strongback",
            "open",
            r"C:\Mes documents\Plan du kiné.ron",
        ])
        .expect("parses");
        let command = cli.command.expect("a command");
        assert!(command.opens_window());
        assert!(matches!(
            &command,
            super::Command::Open { plan } if plan.to_string_lossy().ends_with("Plan du kiné.ron")
        ));
        let validate =
            super::Cli::try_parse_from(["strongback", "validate", "plan.ron"]).expect("parses");
        assert!(!validate.command.expect("a command").opens_window());
        assert!(
            super::Cli::try_parse_from(["strongback", "open"]).is_err(),
            "a plan is needed"
        );
    }
}
