//! `reminder.ron`: the date the last training reminder was sent, so `strongback remind`
//! sends at most one a day however often it runs (a timer catching up after sleep, a second
//! run by hand).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{LoadProblem, Store, StoreError, StoredFile};

const REMINDER_FILE: &str = "reminder.ron";

/// What `strongback remind` remembers between runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderLog {
    pub schema_version: u32,
    /// The date of the last reminder sent.
    pub last_sent: Option<NaiveDate>,
}

impl ReminderLog {
    pub const SCHEMA_VERSION: u32 = 1;
}

impl Store {
    /// The reminder log (empty when there is none). A file that cannot be read is kept aside
    /// and said, like every other; then no reminder is known to have been sent.
    pub fn load_reminder_log(&self) -> (ReminderLog, Option<LoadProblem>) {
        let path = self.dir.join(REMINDER_FILE);
        match self.read_or_set_aside::<ReminderLog>(
            &path,
            ReminderLog::SCHEMA_VERSION,
            StoredFile::ReminderLog,
            |log| {
                log.last_sent
                    .is_some_and(|d| !crate::domain::dates::supported(d))
                    .then(|| "its date is not one a record can have".to_owned())
            },
        ) {
            Ok(found) => (found.unwrap_or_default(), None),
            Err(problem) => (ReminderLog::default(), Some(problem)),
        }
    }

    /// Remember that today's reminder was sent.
    pub fn record_reminder_sent(&self, date: NaiveDate) -> Result<(), StoreError> {
        let log = ReminderLog {
            schema_version: ReminderLog::SCHEMA_VERSION,
            last_sent: Some(date),
        };
        self.write_ron(&self.dir.join(REMINDER_FILE), &log, "reminder log")
    }
}
