//! `strongback handout PLAN --out FILE.html [--calendar FILE.ics]`: a printable page of a
//! plan, and its training days as a calendar file to give with it.

use std::path::Path;

use crate::domain::care::reminder::spread_over_the_week;
use crate::domain::plan::catalog::Catalog;
use crate::report::calendar::plan_calendar;
use crate::report::handout::handout_html;
use crate::store::write_shared;

/// Write the handout (and the calendar file); returns the exit code.
pub fn run(
    plan: &Path,
    out: &Path,
    calendar: Option<&Path>,
    force: bool,
    catalog: &Catalog,
) -> anyhow::Result<u8> {
    if calendar == Some(out) {
        anyhow::bail!(
            "{}: given for both the handout and the calendar file; name two files",
            out.display()
        );
    }
    let Some(checked) = super::read_plan_or_report(plan, catalog) else {
        return Ok(1);
    };
    if std::iter::once(out)
        .chain(calendar)
        .any(|path| super::refuse_to_replace(path, force))
    {
        return Ok(1);
    }
    write_shared(out, handout_html(&checked, catalog).as_bytes())?;
    super::terminal::say(&format!("{}: handout written", out.display()))?;
    if let Some(calendar) = calendar {
        // The plan's sessions a week spread over the week, at 18:00 (the person can save
        // their own days and time from Reminders in the app).
        let now = chrono::Local::now();
        let text = plan_calendar(
            &checked,
            &spread_over_the_week(checked.plan.sessions_per_week),
            (18, 0),
            now.date_naive(),
            now.to_utc(),
        );
        write_shared(calendar, text.as_bytes())?;
        super::terminal::say(&format!("{}: calendar file written", calendar.display()))?;
    }
    Ok(0)
}
