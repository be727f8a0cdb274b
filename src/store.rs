//! The app's files: settings, session records and the in-progress snapshot.
//!
//! Every file is RON with a schema version, written atomically (temporary file in the same
//! folder, flushed, then renamed over the old one). A file that cannot be read is renamed aside
//! (`NAME.unreadable`, `NAME.unreadable-2`, …), never overwritten, and the caller gets a
//! [`Notice`] to show the person.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use thiserror::Error;

use crate::data_file::{self, DataFileError};
use crate::days_file::DaysFile;
use crate::domain::catalog::Catalog;
use crate::domain::checkin::Day;
use crate::domain::plan::Plan;
use crate::domain::record::{InProgressSession, SessionRecord};
use crate::plan_file::{self, CheckedPlan};
use crate::settings::Settings;

const SETTINGS_FILE: &str = "settings.ron";
const IN_PROGRESS_FILE: &str = "in-progress.ron";
const SESSIONS_DIR: &str = "sessions";
const PLAN_FILE: &str = "plan.ron";
const HISTORY_FILE: &str = "history.ron";

/// Something the person should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub kind: NoticeKind,
}

/// Whether a notice reports a problem (drawn as a warning) or just confirms something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Problem,
    Info,
}

impl Notice {
    pub fn problem(text: String) -> Self {
        Self {
            text,
            kind: NoticeKind::Problem,
        }
    }

    pub fn info(text: String) -> Self {
        Self {
            text,
            kind: NoticeKind::Info,
        }
    }
}

/// A file could not be written.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("could not create the data folder {path}: {reason}")]
    CreateDir {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error("could not write {path}: {reason}")]
    Write {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error("could not remove {path}: {reason}")]
    Remove {
        path: PathBuf,
        reason: std::io::Error,
    },
    #[error("could not encode {what}: {reason}")]
    Encode { what: String, reason: ron::Error },
}

/// The data folder.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// Use `dir` (created if missing).
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        for path in [dir.to_path_buf(), dir.join(SESSIONS_DIR)] {
            std::fs::create_dir_all(&path).map_err(|reason| StoreError::CreateDir {
                path: path.clone(),
                reason,
            })?;
        }
        Ok(Store {
            dir: dir.to_path_buf(),
        })
    }

    /// The per-user data folder (XDG on Linux), if the system has one.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "strongback").map(|d| d.data_dir().to_path_buf())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Settings, or defaults (with a notice) when the file is missing or unreadable.
    pub fn load_settings(&self) -> (Settings, Option<Notice>) {
        let path = self.dir.join(SETTINGS_FILE);
        match self.read_or_set_aside::<Settings>(&path, Settings::SCHEMA_VERSION) {
            Ok(Some(settings)) => (settings.sanitized(), None),
            Ok(None) => (Settings::default(), None),
            Err(notice) => (Settings::default(), Some(notice)),
        }
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.write_ron(&self.dir.join(SETTINGS_FILE), settings, "settings")
    }

    /// Save a finished session under `sessions/`, named by its start time.
    pub fn save_session(&self, record: &SessionRecord) -> Result<PathBuf, StoreError> {
        let stem = record.started_at.format("%Y-%m-%dT%H-%M-%S").to_string();
        let sessions = self.dir.join(SESSIONS_DIR);
        let mut path = sessions.join(format!("{stem}.ron"));
        let mut n = 2;
        while path.exists() {
            path = sessions.join(format!("{stem}-{n}.ron"));
            n += 1;
        }
        self.write_ron(&path, record, "session record")?;
        Ok(path)
    }

    /// All readable session records, oldest first; unreadable ones are set aside with a notice.
    pub fn load_sessions(&self) -> (Vec<SessionRecord>, Vec<Notice>) {
        let mut records = Vec::new();
        let mut notices = Vec::new();
        let sessions = self.dir.join(SESSIONS_DIR);
        let Ok(entries) = std::fs::read_dir(&sessions) else {
            return (records, notices);
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
            .collect();
        paths.sort();
        for path in paths {
            match self.read_or_set_aside::<SessionRecord>(&path, SessionRecord::SCHEMA_VERSION) {
                Ok(Some(record)) => records.push(record),
                Ok(None) => {}
                Err(notice) => notices.push(notice),
            }
        }
        records.sort_by_key(|r| r.started_at);
        (records, notices)
    }

    /// The plan the person accepted, if any. One that no longer passes the checks is set aside.
    pub fn load_plan(&self, catalog: &Catalog) -> (Option<CheckedPlan>, Option<Notice>) {
        let path = self.dir.join(PLAN_FILE);
        if !path.exists() {
            return (None, None);
        }
        match plan_file::read_plan(&path, catalog) {
            Ok(checked) => (Some(checked), None),
            Err(problems) => {
                let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
                let kept = match set_aside(&path) {
                    Ok(kept) => format!("It was kept as {}.", kept.display()),
                    Err(err) => {
                        format!("It could not be moved aside ({err}) and will not be overwritten.")
                    }
                };
                let text = format!(
                    "Your saved plan could not be used, so the built-in plan is shown. {kept}\n{}",
                    problems.join("\n")
                );
                log::warn!("{text}");
                (None, Some(Notice::problem(text)))
            }
        }
    }

    /// The person's check-ins, session reports and clearances (empty if there are none yet;
    /// an unreadable file is set aside with a notice and never overwritten).
    pub fn load_history(&self) -> (Vec<Day>, Option<Notice>) {
        let path = self.dir.join(HISTORY_FILE);
        match self.read_or_set_aside::<DaysFile>(&path, DaysFile::SCHEMA_VERSION) {
            Ok(Some(file)) => (file.days, None),
            Ok(None) => (Vec::new(), None),
            Err(notice) => (Vec::new(), Some(notice)),
        }
    }

    pub fn save_history(&self, days: &[Day]) -> Result<(), StoreError> {
        let file = DaysFile {
            schema_version: DaysFile::SCHEMA_VERSION,
            days: days.to_vec(),
        };
        self.write_ron(&self.dir.join(HISTORY_FILE), &file, "check-in history")
    }

    /// Keep `plan` as the person's plan.
    pub fn save_plan(&self, plan: &Plan) -> Result<(), StoreError> {
        let text = plan_file::plan_to_text(plan).map_err(|reason| StoreError::Encode {
            what: "plan".to_owned(),
            reason,
        })?;
        write_atomically(&self.dir.join(PLAN_FILE), text.as_bytes())
    }

    pub fn save_in_progress(&self, snapshot: &InProgressSession) -> Result<(), StoreError> {
        self.write_ron(
            &self.dir.join(IN_PROGRESS_FILE),
            snapshot,
            "unfinished session",
        )
    }

    /// The snapshot of a session that was interrupted, if any.
    pub fn load_in_progress(&self) -> (Option<InProgressSession>, Option<Notice>) {
        let path = self.dir.join(IN_PROGRESS_FILE);
        match self.read_or_set_aside(&path, InProgressSession::SCHEMA_VERSION) {
            Ok(found) => (found, None),
            Err(notice) => (None, Some(notice)),
        }
    }

    pub fn clear_in_progress(&self) -> Result<(), StoreError> {
        let path = self.dir.join(IN_PROGRESS_FILE);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(reason) => Err(StoreError::Remove { path, reason }),
        }
    }

    /// `Ok(None)` if the file does not exist; `Err(notice)` if it exists but cannot be used,
    /// in which case it has been renamed aside.
    fn read_or_set_aside<T: serde::de::DeserializeOwned>(
        &self,
        path: &Path,
        current_version: u32,
    ) -> Result<Option<T>, Notice> {
        if !path.exists() {
            return Ok(None);
        }
        let name = path.display().to_string();
        let result: Result<T, DataFileError> =
            data_file::read_versioned(path, current_version, data_file::no_older_versions(&name));
        match result {
            Ok(value) => Ok(Some(value)),
            Err(err) => {
                let text = match set_aside(path) {
                    Ok(kept) => format!(
                        "{err}\nThe file was kept as {} and left untouched; nothing else was changed.",
                        kept.display()
                    ),
                    Err(move_err) => format!(
                        "{err}\nIt could not be moved aside ({move_err}); it will not be overwritten."
                    ),
                };
                log::warn!("{text}");
                Err(Notice::problem(text))
            }
        }
    }

    fn write_ron<T: Serialize>(
        &self,
        path: &Path,
        value: &T,
        what: &str,
    ) -> Result<(), StoreError> {
        let text = data_file::to_ron(value).map_err(|reason| StoreError::Encode {
            what: what.to_owned(),
            reason,
        })?;
        write_atomically(path, text.as_bytes())
    }
}

/// Write `plan` as a plan file at `path` (atomically, readable by others); it passes `validate`.
pub fn export_plan(plan: &Plan, path: &Path) -> Result<(), StoreError> {
    let text = plan_file::plan_to_text(plan).map_err(|reason| StoreError::Encode {
        what: "plan".to_owned(),
        reason,
    })?;
    write_shared(path, text.as_bytes())
}

/// Who may read a file the app writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Readers {
    /// Health data in the data folder: the person only (0600 on Unix).
    Owner,
    /// Exports and handouts meant to be shared: readable by others (0644 on Unix).
    Everyone,
}

/// Write the person's own data to `path` so that a crash leaves either the old file or the new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_file(path, bytes, Readers::Owner)
}

/// Write a file meant to be handed over (a plan export, a handout), atomically.
pub fn write_shared(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_file(path, bytes, Readers::Everyone)
}

fn write_file(path: &Path, bytes: &[u8], readers: Readers) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let err = |reason| StoreError::Write {
        path: path.to_path_buf(),
        reason,
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
    #[cfg(unix)]
    if readers == Readers::Everyone {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(err)?;
    }
    #[cfg(not(unix))]
    let _ = readers;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Rename an unreadable file to the first free `NAME.unreadable[-N]`.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            ".unreadable".to_owned()
        } else {
            format!(".unreadable-{n}")
        };
        let target = path.with_file_name(format!("{file_name}{suffix}"));
        if !target.exists() {
            std::fs::rename(path, &target)?;
            return Ok(target);
        }
        n += 1;
    }
}
