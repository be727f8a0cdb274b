//! `strongback reminders [--on HH:MM [--days mon,wed,fri] | --off]`: the training reminder
//! without the window (what Reminders… does): the setting, then the timer or task that sends
//! it. With neither, says how it is set.

use std::io::Write;
use std::path::Path;

use chrono::Weekday;

use crate::domain::care::reminder::{ReminderDays, ReminderSetting};
use crate::platform::reminder_timer::{Availability, for_this_computer};
use crate::store::{Store, StoreError};

/// What was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReminderChange {
    /// Say how it is set.
    Show,
    On {
        hour: u8,
        minute: u8,
        days: Vec<Weekday>,
    },
    Off,
}

/// `18:30` → (18, 30).
pub fn parse_time(text: &str) -> Result<(u8, u8), String> {
    let bad = || format!("`{text}` is not a time like 18:30");
    let (hour, minute) = text.split_once(':').ok_or_else(bad)?;
    let hour: u8 = hour.trim().parse().map_err(|_| bad())?;
    let minute: u8 = minute.trim().parse().map_err(|_| bad())?;
    if hour > 23 || minute > 59 {
        return Err(bad());
    }
    Ok((hour, minute))
}

/// `mon` (or `monday`) → Monday.
pub fn parse_weekday(text: &str) -> Result<Weekday, String> {
    text.trim()
        .parse::<Weekday>()
        .map_err(|_| format!("`{text}` is not a weekday (mon, tue, wed, thu, fri, sat, sun)"))
}

/// Run `reminders`; returns the exit code.
pub fn run(data_dir: &Path, change: &ReminderChange, out: &mut impl Write) -> anyhow::Result<u8> {
    let store = Store::open(data_dir)?;
    let (settings, problem) = store.load_settings();
    if let Some(problem) = problem {
        for line in problem.lines() {
            super::terminal::warn(&line);
        }
        anyhow::bail!("the settings could not be read; nothing was changed");
    }
    let scheduler = for_this_computer(data_dir);
    let setting = match change {
        ReminderChange::Show => {
            let said = if settings.reminder.on {
                format!(
                    "Reminder: {} on {}.",
                    settings.reminder.time_label(),
                    settings.reminder.days_label()
                )
            } else {
                "Reminders are off.".to_owned()
            };
            writeln!(out, "{said}")?;
            match scheduler.availability() {
                Availability::Ready(how) => writeln!(out, "{how}")?,
                Availability::Unavailable(why) => writeln!(out, "{why}")?,
            }
            return Ok(0);
        }
        ReminderChange::On { hour, minute, days } => ReminderSetting {
            on: true,
            hour: *hour,
            minute: *minute,
            days: if days.is_empty() {
                ReminderDays::AsThePlanAsks
            } else {
                ReminderDays::Weekdays(days.clone())
            },
        }
        .sanitized(),
        ReminderChange::Off => ReminderSetting {
            on: false,
            ..settings.reminder.clone()
        },
    };
    // The window keeps its own settings while it is open: change them there.
    let _lock = match store.lock() {
        Err(StoreError::InUse { .. }) => anyhow::bail!(
            "Strongback is open on this data folder: set the reminder there (Reminders…), or \
             close it first"
        ),
        other => other?,
    };
    let mut settings = settings;
    settings.reminder = setting.clone();
    settings.reminder_asked = true;
    store.save_settings(&settings)?;
    let mut scheduler = scheduler;
    match scheduler.apply(&setting) {
        Ok(done) => {
            writeln!(out, "{done}")?;
            Ok(0)
        }
        Err(err) => {
            super::terminal::warn(&format!(
                "strongback: the choice is saved, but the reminder could not be set: {err}"
            ));
            Ok(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_weekdays_are_read_and_checked() {
        assert_eq!(parse_time("18:30"), Ok((18, 30)));
        assert_eq!(parse_time("7:05"), Ok((7, 5)));
        assert!(parse_time("24:00").is_err());
        assert!(parse_time("18h30").is_err());
        assert_eq!(parse_weekday("mon"), Ok(Weekday::Mon));
        assert_eq!(parse_weekday("Thursday"), Ok(Weekday::Thu));
        assert!(parse_weekday("someday").is_err());
    }
}
