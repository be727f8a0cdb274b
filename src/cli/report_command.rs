//! `strongback report --out FILE.html [--csv FILE.csv] [--weeks-csv F] [--events-csv F] [--activities-csv F] [--from] [--to]`: the clinician report
//! and CSV from a data folder, built by the same code as the app's Report… button.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::progress::adherence::AdherenceRecords;
use crate::domain::progress::figures::session_date;
use crate::report::clinician::{ReportSource, clinician_report, report_period};
use crate::report::csv_export::{activities_csv, events_csv, sessions_csv, weeks_csv};
use crate::report::events::care_events;
use crate::store::bundled::Assets;
use crate::store::write_shared;

/// What to write, and for which dates.
pub struct ReportRequest<'a> {
    pub out: Option<&'a Path>,
    pub csv: Option<&'a Path>,
    pub weeks_csv: Option<&'a Path>,
    pub events_csv: Option<&'a Path>,
    pub activities_csv: Option<&'a Path>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Replace files that exist.
    pub force: bool,
}

/// Write the report and/or the CSV; returns the exit code.
pub fn run(request: &ReportRequest<'_>, data_dir: &Path, assets: &Assets) -> anyhow::Result<u8> {
    for path in request
        .out
        .iter()
        .chain(&request.csv)
        .chain(&request.weeks_csv)
        .chain(&request.events_csv)
        .chain(&request.activities_csv)
    {
        if super::refuse_to_replace(path, request.force) {
            return Ok(1);
        }
    }
    if let (Some(from), Some(to)) = (request.from, request.to)
        && from > to
    {
        anyhow::bail!("--from {from} is after --to {to}: the period is empty; swap them");
    }
    // Only read: the app may have the folder open, and nothing here is changed.
    let store = super::existing_data_folder(data_dir)?;
    let (sessions, session_problems) = store.load_sessions();
    let (days, history_problem) = store.load_history();
    let (saved_plan, plan_problem) = store.load_plan(&assets.catalog);
    for problem in session_problems
        .iter()
        .chain(&history_problem)
        .chain(&plan_problem)
    {
        for line in problem.lines() {
            super::terminal::warn(&line);
        }
    }
    if session_problems
        .iter()
        .any(|p| p.file == crate::store::StoredFile::SessionsFolder)
    {
        // A report of "0 sessions" would be false: write nothing.
        return Ok(1);
    }
    let plan = saved_plan.unwrap_or_else(|| assets.plan.clone());
    let unreadable: Vec<String> = session_problems
        .iter()
        .chain(&history_problem)
        .map(ToString::to_string)
        .collect();
    let source = ReportSource {
        plan: &plan,
        catalog: &assets.catalog,
        sessions: &sessions,
        days: &days,
        unreadable: &unreadable,
    };
    let today = chrono::Local::now().date_naive();
    let (from, to) = report_period(&source, request.from, request.to.unwrap_or(today));
    if let Some(path) = request.csv {
        let in_range: Vec<_> = sessions
            .iter()
            .filter(|s| (from..=to).contains(&session_date(s)))
            .cloned()
            .collect();
        write_csv(path, &sessions_csv(&in_range, &days)?, "rows")?;
    }
    if let Some(path) = request.weeks_csv {
        let records = AdherenceRecords::gather(&plan, &assets.catalog, &sessions, &days, to);
        write_csv(path, &weeks_csv(&records.tally(from, to))?, "weeks")?;
    }
    if let Some(path) = request.events_csv {
        let events = care_events(&plan.plan, &plan.circuit, &assets.catalog, &days, from, to);
        write_shared(path, events_csv(&events)?.as_bytes())?;
        super::terminal::say(&format!(
            "{}: {} rows written",
            path.display(),
            events.len()
        ))?;
    }
    if let Some(path) = request.activities_csv {
        let log = crate::domain::care::checkin::activity_log(&days).within(from, to);
        write_csv(path, &activities_csv(&log)?, "rows")?;
    }
    if let Some(path) = request.out {
        write_shared(path, clinician_report(&source, from, to).as_bytes())?;
        super::terminal::say(&format!(
            "{}: report written ({from} to {to})",
            path.display()
        ))?;
    }
    // Written, but incomplete: said above, at the top of the report, and in the exit code.
    Ok(if unreadable.is_empty() { 0 } else { 1 })
}

/// Write a CSV and say how many `what` (rows after the header) it holds.
fn write_csv(path: &Path, text: &str, what: &str) -> anyhow::Result<()> {
    write_shared(path, text.as_bytes())?;
    super::terminal::say(&format!(
        "{}: {} {what} written",
        path.display(),
        text.lines().count().saturating_sub(1)
    ))?;
    Ok(())
}
