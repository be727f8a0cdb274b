//! `rescue.ron`: what could not be saved when the app was closed (finished sessions, and the
//! answers of the dates `history.ron` does not hold), written when the close is asked for,
//! whatever the person answers, so that the next start can save it. It is small (a session
//! record is a few kilobytes), so it may fit where a ten-year `history.ron` did not.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{LoadProblem, Store, StoreError, StoredFile, ron_file};
use crate::domain::care::checkin::Day;
use crate::domain::session::record::SessionRecord;

const RESCUE_FILE: &str = "rescue.ron";

/// What the app could not save when it was closed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rescue {
    pub schema_version: u32,
    /// When the app wrote it.
    pub written_at: DateTime<FixedOffset>,
    /// Finished sessions whose record is not in `sessions/`.
    pub sessions: Vec<SessionRecord>,
    /// The dates whose answers `history.ron` does not hold, each as it stood in the app.
    pub days: Vec<Day>,
    /// `history.ron` as it was on disk then: if it has changed since, it was saved after
    /// this was written, and these days are older than it (they are not used).
    pub history_stamp: Option<FileStamp>,
}

/// A file's size and modification time, to tell whether it was written since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub bytes: u64,
    pub modified_secs: u64,
    pub modified_nanos: u32,
}

impl Rescue {
    pub const SCHEMA_VERSION: u32 = 1;

    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty() && self.days.is_empty()
    }
}

impl Store {
    /// Write `rescue.ron` (atomically, like every file here).
    pub fn save_rescue(&self, rescue: &Rescue) -> Result<(), StoreError> {
        self.write_ron(
            &self.dir.join(RESCUE_FILE),
            rescue,
            "what could not be saved",
        )
    }

    /// `rescue.ron`, if the last run left one; a file that cannot be read is kept aside and
    /// said, like every other.
    pub fn load_rescue(&self) -> (Option<Rescue>, Option<LoadProblem>) {
        let path = self.dir.join(RESCUE_FILE);
        let name = path.display().to_string();
        match self.read_migrating_or_set_aside::<Rescue>(
            &path,
            Rescue::SCHEMA_VERSION,
            StoredFile::Rescue,
            ron_file::no_older_versions(&name),
            |rescue| {
                let dated_ok = rescue
                    .days
                    .iter()
                    .all(|d| crate::domain::dates::supported(d.date))
                    && rescue
                        .sessions
                        .iter()
                        .all(|s| crate::domain::dates::supported(s.started_at.date_naive()));
                (!dated_ok).then(|| "it holds dates no record can have".to_owned())
            },
        ) {
            Ok(found) => (found, None),
            Err(problem) => (None, Some(problem)),
        }
    }

    /// `history.ron`'s size and modification time, if it exists.
    pub fn history_stamp(&self) -> Option<FileStamp> {
        let metadata = std::fs::metadata(self.dir.join(super::HISTORY_FILE)).ok()?;
        let modified = metadata
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some(FileStamp {
            bytes: metadata.len(),
            modified_secs: modified.as_secs(),
            modified_nanos: modified.subsec_nanos(),
        })
    }

    /// Whether this session's record is in `sessions/` already.
    pub fn has_session(&self, record: &SessionRecord) -> bool {
        self.has_session_started_at(record.started_at)
    }

    /// Remove `rescue.ron` once everything in it is saved.
    pub fn clear_rescue(&self) -> Result<(), StoreError> {
        let path = self.dir.join(RESCUE_FILE);
        match std::fs::remove_file(&path) {
            Ok(()) => super::atomic_write::sync_dir(&path),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(reason) => Err(StoreError::Remove { path, reason }),
        }
    }
}
