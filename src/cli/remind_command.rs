//! `strongback remind [--print]`: post today's training reminder if one is due (what the
//! reminder timer runs each day at the chosen time). The decision is
//! `domain::care::reminder::decide_reminder`, from the data folder, the plan and the date.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use chrono::{Datelike as _, NaiveDateTime, Timelike as _};

use crate::domain::care::reminder::{Reminder, ReminderFacts, ReminderSetting, decide_reminder};
use crate::domain::care::rules::decide;
use crate::domain::progress::figures::session_date;
use crate::domain::session::record::SessionOutcome;
use crate::platform::notification::{self, Outcome};
use crate::store::bundled::Assets;
use crate::store::{Store, StoreError};

/// How long a posted reminder waits to be clicked before the command ends (the notification
/// stays on the desktop; clicking it later does nothing).
const WAIT_FOR_CLICK: Duration = Duration::from_secs(2 * 60 * 60);

/// The setting and what the decision needs, read from the data folder at `now` (local).
/// Settings that cannot be read are an error: whether the person wants a reminder is unknown.
pub fn reminder_facts(
    data_dir: &Path,
    assets: &Assets,
    now: NaiveDateTime,
) -> anyhow::Result<(ReminderSetting, ReminderFacts)> {
    let today = now.date();
    let store = super::existing_data_folder(data_dir)?;
    let (settings, settings_problem) = store.load_settings();
    let (days, history_problem) = store.load_history();
    let (saved_plan, plan_problem) = store.load_plan(&assets.catalog);
    let (sessions, session_problems) = store.load_sessions();
    // The log is this command's own file: one it cannot read is moved aside (and said), so
    // a damaged log never stops every reminder after it.
    let (log, log_problem) = Store::open(data_dir)?.load_reminder_log();
    for problem in settings_problem
        .iter()
        .chain(&history_problem)
        .chain(&plan_problem)
        .chain(&session_problems)
        .chain(&log_problem)
    {
        for line in problem.lines() {
            super::terminal::warn(&line);
        }
    }
    if settings_problem.is_some() {
        anyhow::bail!(
            "the settings could not be read, so whether you want a reminder is not known; \
             nothing was sent (open Strongback and set Reminders… again)"
        );
    }
    let plan = saved_plan.unwrap_or_else(|| assets.plan.clone());
    let decision = decide(&plan.plan, &plan.circuit, &assets.catalog, &days, today);
    let monday = today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()));
    // A session with not one set done is kept, but not a session done.
    let trained_on = sessions
        .iter()
        .filter(|s| s.outcome != SessionOutcome::NothingDone)
        .map(session_date)
        .filter(|d| *d >= monday && *d <= today)
        .collect();
    let app_open = matches!(store.lock(), Err(StoreError::InUse { .. }));
    let facts = ReminderFacts {
        today,
        days: settings.reminder.days.clone(),
        sessions_per_week: plan.plan.sessions_per_week,
        trained_on,
        status: decision.status,
        referral: decision.referral,
        app_open,
        sent_today: log.last_sent == Some(today),
        minutes_now: now.hour() * 60 + now.minute(),
        due_at_minutes: u32::from(settings.reminder.hour) * 60
            + u32::from(settings.reminder.minute),
    };
    // A reminder log that could not be moved aside is not written over (nothing is sent,
    // so nothing needs remembering).
    if log_problem.as_ref().is_some_and(|p| p.kept.is_err()) {
        anyhow::bail!(
            "{}: cannot be read or moved aside; nothing was sent",
            data_dir.join("reminder.ron").display()
        );
    }
    Ok((settings.reminder, facts))
}

/// Run `remind`; returns the exit code (0 whether or not a reminder was due).
pub fn run(
    data_dir: &Path,
    assets: &Assets,
    now: NaiveDateTime,
    print: bool,
    out: &mut impl Write,
) -> anyhow::Result<u8> {
    let (setting, facts) = reminder_facts(data_dir, assets, now)?;
    let today = now.date();
    if !setting.on {
        writeln!(
            out,
            "Reminders are off (turn them on under Reminders… on Strongback's home screen)."
        )?;
        return Ok(0);
    }
    let (title, body) = match decide_reminder(&facts) {
        Reminder::None(quiet) => {
            writeln!(out, "No reminder today: {}.", quiet.describe())?;
            return Ok(0);
        }
        Reminder::Post { title, body } => (title, body),
    };
    if print {
        writeln!(out, "{title}\n{body}")?;
        return Ok(0);
    }
    let posted = notification::post(&title, &body).map_err(|err| {
        anyhow::anyhow!("the reminder could not be shown: {err} (is a desktop session running?)")
    })?;
    // Shown: remembered at once, so no other run today sends it again, whatever happens
    // while this one waits for a click (a logout, a second run).
    Store::open(data_dir)?.record_reminder_sent(today)?;
    writeln!(out, "Reminder sent: {title}")?;
    out.flush()?;
    if posted.wait(WAIT_FOR_CLICK) == Outcome::Opened {
        open_the_app(data_dir);
    }
    Ok(0)
}

/// Clicked: open the app on the same data folder, as its own process.
fn open_the_app(data_dir: &Path) {
    let started = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("--data-dir")
            .arg(data_dir)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
    });
    if let Err(err) = started {
        super::terminal::warn(&format!("strongback: the app could not be opened: {err}"));
    }
}
