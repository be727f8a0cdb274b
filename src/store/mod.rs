//! The app's files: settings, session records and the in-progress snapshot.
//!
//! Every file is RON with a schema version, written atomically (temporary file in the same
//! folder, flushed, then renamed over the old one). A file that cannot be read is renamed aside
//! (`NAME.unreadable`, `NAME.unreadable-2`, …), never overwritten, and the caller gets a
//! [`LoadProblem`] to show the person.

mod atomic_write;
pub mod bundled;
pub mod days_file;
mod load_problem;
mod lock;
pub mod plan_file;
pub mod reminder_log;
pub mod rescue;
pub mod ron_file;
pub mod ron_spans;
pub mod settings_file;

use std::path::{Path, PathBuf};

use serde::Serialize;
use thiserror::Error;

use atomic_write::set_aside;
pub use atomic_write::{Readers, write_atomically, write_new, write_shared};
pub use load_problem::{LoadProblem, StoredFile};
pub use lock::DataFolderLock;

use days_file::DaysFile;
use ron_file::DataFileError;
use settings_file::Settings;

use crate::domain::care::checkin::Day;
use crate::domain::plan::Plan;
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::session::record::{InProgressSession, SessionRecord};

const SETTINGS_FILE: &str = "settings.ron";
const IN_PROGRESS_FILE: &str = "in-progress.ron";
const SESSIONS_DIR: &str = "sessions";
const PLAN_FILE: &str = "plan.ron";
/// The plan editor's work in progress: a plan file that may not pass the checks yet.
const PLAN_DRAFT_FILE: &str = "plan-draft.ron";
const HISTORY_FILE: &str = "history.ron";

/// The file name of a session record: its start time.
fn session_stem(record: &SessionRecord) -> String {
    record.started_at.format("%Y-%m-%dT%H-%M-%S").to_string()
}

/// Create a folder (and its parents) readable by the person only.
fn create_private_dir(path: &Path) -> Result<(), StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder
        .create(path)
        .map_err(|reason| StoreError::CreateDir {
            path: path.to_path_buf(),
            reason,
        })
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
    #[error(
        "Strongback is already open on the data folder {dir}; close the other window first (or use --data-dir for another folder)"
    )]
    InUse { dir: PathBuf },
    #[error("could not encode {what}: {reason}")]
    Encode { what: String, reason: ron::Error },
}

/// The data folder.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    /// Only read: unreadable files are reported but not moved aside (another process, the
    /// app, may own the folder).
    read_only: bool,
    /// Opening it made the folder private (it was open to other users).
    made_private: bool,
}

impl Store {
    /// Use `dir` (created if missing).
    /// Folders it creates are private (0700 on Unix), and so is `sessions/`. A `sessions/`
    /// that cannot be made is not an error here: loading reports it, and saving says so.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        create_private_dir(dir)?;
        let _ = create_private_dir(&dir.join(SESSIONS_DIR));
        // On Windows the per-user data folder (%APPDATA%) is private already: only the
        // person, the system and administrators may open it, and folders made in it inherit
        // that. Nothing to change there.
        #[cfg_attr(not(unix), expect(unused_mut))]
        let mut made_private = false;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            // Folders made by older versions, or by the log before the store, were 0755.
            for folder in [dir.to_path_buf(), dir.join(SESSIONS_DIR)] {
                let open_to_others =
                    std::fs::metadata(&folder).is_ok_and(|m| m.permissions().mode() & 0o077 != 0);
                if open_to_others
                    && std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700))
                        .is_ok()
                {
                    made_private = true;
                }
            }
        }
        Ok(Store {
            dir: dir.to_path_buf(),
            read_only: false,
            made_private,
        })
    }

    /// Whether opening the folder had to make it private (it was open to other users).
    pub fn was_made_private(&self) -> bool {
        self.made_private
    }

    /// Read an existing data folder without changing anything in it (for `strongback report`,
    /// which may run while the app has the folder open).
    pub fn open_read_only(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
            read_only: true,
            made_private: false,
        }
    }

    /// Set `path` aside, unless this store only reads.
    fn set_aside(&self, path: &Path) -> std::io::Result<PathBuf> {
        if self.read_only {
            return Err(std::io::Error::other("left in place: only read"));
        }
        set_aside(path)
    }

    /// Remove temporary files a crash left behind in the data folder and `sessions/`; call
    /// only while holding [`Self::lock`]. Returns how many were removed.
    pub fn remove_stale_temp_files(&self) -> usize {
        let mut removed = 0;
        for dir in [self.dir.clone(), self.dir.join(SESSIONS_DIR)] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name().to_string_lossy().into_owned();
                let is_file = entry.file_type().is_ok_and(|t| t.is_file());
                if is_file
                    && atomic_write::is_temp_file_name(&name)
                    && std::fs::remove_file(entry.path()).is_ok()
                {
                    removed += 1;
                }
            }
        }
        removed
    }

    /// The per-user data folder (XDG on Linux), if the system has one.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "strongback").map(|d| d.data_dir().to_path_buf())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Settings, or defaults (with a notice) when the file is missing or unreadable.
    pub fn load_settings(&self) -> (Settings, Option<LoadProblem>) {
        let path = self.dir.join(SETTINGS_FILE);
        match self.read_or_set_aside::<Settings>(
            &path,
            Settings::SCHEMA_VERSION,
            StoredFile::Settings,
            |_| None,
        ) {
            Ok(Some(settings)) => (settings.sanitized(), None),
            Ok(None) => (Settings::default(), None),
            Err(problem) => (Settings::default(), Some(problem)),
        }
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.write_ron(&self.dir.join(SETTINGS_FILE), settings, "settings")
    }

    /// Save a finished session under `sessions/`, named by its start time.
    /// Never replaces a file: a second session in the same second gets `-2`, `-3`…; the
    /// folder is flushed after the rename, so the record survives a power loss.
    pub fn save_session(&self, record: &SessionRecord) -> Result<PathBuf, StoreError> {
        let stem = session_stem(record);
        let sessions = self.dir.join(SESSIONS_DIR);
        let text = ron_file::to_ron(record).map_err(|reason| StoreError::Encode {
            what: "session record".to_owned(),
            reason,
        })?;
        for n in 1..1000 {
            let path = if n == 1 {
                sessions.join(format!("{stem}.ron"))
            } else {
                sessions.join(format!("{stem}-{n}.ron"))
            };
            if atomic_write::write_new(&path, text.as_bytes())? {
                return Ok(path);
            }
        }
        Err(StoreError::Write {
            path: sessions.join(format!("{stem}.ron")),
            reason: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        })
    }

    /// Whether the session a snapshot belongs to was already saved (a crash came between
    /// saving it and removing the snapshot).
    fn session_saved(&self, snapshot: &InProgressSession) -> bool {
        self.has_session_started_at(snapshot.started_at)
    }

    /// Whether a readable session record that started at `started_at` is in the folder.
    fn has_session_started_at(&self, started_at: chrono::DateTime<chrono::FixedOffset>) -> bool {
        let stem = started_at.format("%Y-%m-%dT%H-%M-%S").to_string();
        self.session_paths()
            .iter()
            .filter(|p| {
                p.file_stem()
                    .is_some_and(|s| s.to_string_lossy().starts_with(&stem))
            })
            .any(|p| {
                ron_file::read_versioned::<SessionRecord>(
                    p,
                    ron_file::MAX_OWN_FILE_BYTES,
                    SessionRecord::SCHEMA_VERSION,
                    ron_file::no_older_versions(&p.display().to_string()),
                )
                .is_ok_and(|r| r.started_at == started_at)
            })
    }

    /// The session files, by name (which is the start time), oldest first; empty when there
    /// is no sessions folder yet.
    fn try_session_paths(&self) -> std::io::Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(self.dir.join(SESSIONS_DIR)) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(err),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
            .collect();
        paths.sort();
        Ok(paths)
    }

    fn session_paths(&self) -> Vec<PathBuf> {
        self.try_session_paths().unwrap_or_default()
    }

    /// The problem when the sessions folder itself cannot be listed.
    fn sessions_folder_problem(&self, err: std::io::Error) -> LoadProblem {
        let folder = self.dir.join(SESSIONS_DIR);
        LoadProblem {
            file: StoredFile::SessionsFolder,
            problems: DataFileError::new(
                &folder.display().to_string(),
                format!("cannot read: {err}"),
            )
            .into(),
            kept: Ok(folder),
        }
    }

    /// All readable session records, oldest first; unreadable ones are set aside and reported.
    pub fn load_sessions(&self) -> (Vec<SessionRecord>, Vec<LoadProblem>) {
        let mut records = Vec::new();
        let problems = self.read_sessions(|record| records.push(record));
        records.sort_by_key(|r| r.started_at);
        (records, problems)
    }

    /// Hand each readable session record to `each`, one at a time (in file-name order, which
    /// is start order for the app's own files), so a caller that keeps only part of each never
    /// holds them all; returns the problems with the others.
    pub fn read_sessions(&self, mut each: impl FnMut(SessionRecord)) -> Vec<LoadProblem> {
        let mut problems = Vec::new();
        let paths = match self.try_session_paths() {
            Ok(paths) => paths,
            Err(err) => return vec![self.sessions_folder_problem(err)],
        };
        for path in paths {
            match self.read_or_set_aside::<SessionRecord>(
                &path,
                SessionRecord::SCHEMA_VERSION,
                StoredFile::Session,
                record_problem,
            ) {
                Ok(Some(record)) => each(record),
                Ok(None) => {}
                Err(problem) => problems.push(problem),
            }
        }
        problems
    }

    /// The newest readable session record, reading only as many files as it takes (from the
    /// newest); unreadable ones on the way are set aside and reported.
    pub fn load_latest_session(&self) -> (Option<SessionRecord>, Vec<LoadProblem>) {
        let mut problems = Vec::new();
        let paths = match self.try_session_paths() {
            Ok(paths) => paths,
            Err(err) => return (None, vec![self.sessions_folder_problem(err)]),
        };
        for path in paths.iter().rev() {
            match self.read_or_set_aside::<SessionRecord>(
                path,
                SessionRecord::SCHEMA_VERSION,
                StoredFile::Session,
                record_problem,
            ) {
                Ok(Some(record)) => return (Some(record), problems),
                Ok(None) => {}
                Err(problem) => problems.push(problem),
            }
        }
        (None, problems)
    }

    /// Whether the folder holds any session or check-in of someone's.
    pub fn holds_records(&self) -> bool {
        !self.session_paths().is_empty() || self.dir.join(HISTORY_FILE).exists()
    }

    /// The plan the person accepted, if any. One that no longer passes the checks is set aside.
    pub fn load_plan(&self, catalog: &Catalog) -> (Option<CheckedPlan>, Option<LoadProblem>) {
        let path = self.dir.join(PLAN_FILE);
        if !path.exists() {
            return (None, None);
        }
        match plan_file::read_plan(&path, catalog) {
            Ok(checked) => (Some(checked), None),
            Err(problems) => (
                None,
                Some(LoadProblem {
                    file: StoredFile::Plan,
                    problems,
                    kept: self.set_aside(&path),
                }),
            ),
        }
    }

    /// The person's check-ins, session reports and clearances (empty if there are none yet;
    /// an unreadable file is set aside with a notice and never overwritten).
    pub fn load_history(&self) -> (Vec<Day>, Option<LoadProblem>) {
        let path = self.dir.join(HISTORY_FILE);
        match self.read_migrating_or_set_aside::<DaysFile>(
            &path,
            DaysFile::SCHEMA_VERSION,
            StoredFile::History,
            days_file::migrate_days,
            |file| {
                file.first_problem()
                    .map(|(field, message)| format!("{field}: {message}"))
            },
        ) {
            Ok(Some(file)) => (file.upgraded().days, None),
            Ok(None) => (Vec::new(), None),
            Err(problem) => (Vec::new(), Some(problem)),
        }
    }

    /// The size of `history.ron`, if it exists.
    pub fn history_file_bytes(&self) -> Option<u64> {
        std::fs::metadata(self.dir.join(HISTORY_FILE))
            .ok()
            .map(|m| m.len())
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

    /// Keep the plan editor's draft (it may not pass the checks yet).
    pub fn save_plan_draft(&self, plan: &Plan) -> Result<(), StoreError> {
        let text = plan_file::plan_to_text(plan).map_err(|reason| StoreError::Encode {
            what: "plan draft".to_owned(),
            reason,
        })?;
        write_atomically(&self.dir.join(PLAN_DRAFT_FILE), text.as_bytes())
    }

    /// Whether the plan editor has a draft kept here.
    pub fn has_plan_draft(&self) -> bool {
        self.dir.join(PLAN_DRAFT_FILE).exists()
    }

    /// The plan editor's draft, if one is kept. One that cannot be read is set aside.
    pub fn load_plan_draft(&self) -> (Option<Plan>, Option<LoadProblem>) {
        let path = self.dir.join(PLAN_DRAFT_FILE);
        let Ok(text) = std::fs::read_to_string(&path) else {
            return (None, None);
        };
        let file = path.display().to_string();
        match ron_file::parse_ron::<Plan>(&file, &text) {
            Ok(plan) => (Some(plan), None),
            Err(error) => (
                None,
                Some(LoadProblem {
                    file: StoredFile::PlanDraft,
                    problems: error.into(),
                    kept: self.set_aside(&path),
                }),
            ),
        }
    }

    /// The draft is done with (saved to a file and installed, or discarded).
    pub fn remove_plan_draft(&self) -> Result<(), StoreError> {
        let path = self.dir.join(PLAN_DRAFT_FILE);
        match std::fs::remove_file(&path) {
            Ok(()) => atomic_write::sync_dir(&path),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(reason) => Err(StoreError::Remove { path, reason }),
        }
    }

    pub fn save_in_progress(&self, snapshot: &InProgressSession) -> Result<(), StoreError> {
        self.write_ron(
            &self.dir.join(IN_PROGRESS_FILE),
            snapshot,
            "unfinished session",
        )
    }

    /// The snapshot of a session that was interrupted, if any.
    pub fn load_in_progress(&self) -> (Option<InProgressSession>, Option<LoadProblem>) {
        let path = self.dir.join(IN_PROGRESS_FILE);
        let name = path.display().to_string();
        // Version 1 lacks only `elapsed_in_phase_secs`, which defaults to the phase's start.
        let migrate = |text: &str, version: u32| match version {
            1 => Ok(text.to_owned()),
            _ => ron_file::no_older_versions(&name)(text, version),
        };
        match self.read_migrating_or_set_aside::<InProgressSession>(
            &path,
            InProgressSession::SCHEMA_VERSION,
            StoredFile::InProgress,
            migrate,
            |snapshot| {
                let usable = snapshot.circuit.within_plan_ranges()
                    && crate::domain::dates::supported(snapshot.started_at.date_naive());
                (!usable).then(|| {
                    "the session in it has counts, times or dates no plan allows (it was edited or damaged)"
                        .to_owned()
                })
            },
        ) {
            Ok(Some(snapshot)) if self.session_saved(&snapshot) => {
                // Saved already; only the snapshot's removal was lost. Offering it again
                // would make a duplicate.
                let _ = self.clear_in_progress();
                (None, None)
            }
            Ok(found) => (found, None),
            Err(problem) => (None, Some(problem)),
        }
    }

    pub fn clear_in_progress(&self) -> Result<(), StoreError> {
        let path = self.dir.join(IN_PROGRESS_FILE);
        match std::fs::remove_file(&path) {
            Ok(()) => atomic_write::sync_dir(&path),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(reason) => Err(StoreError::Remove { path, reason }),
        }
    }

    /// `Ok(None)` if the file does not exist; `Err` if it exists but cannot be read, or
    /// `check` finds a value it cannot use (its message), in which case it has been renamed
    /// aside (or left alone when even that failed, or this store only reads).
    fn read_or_set_aside<T: serde::de::DeserializeOwned>(
        &self,
        path: &Path,
        current_version: u32,
        file: StoredFile,
        check: impl FnOnce(&T) -> Option<String>,
    ) -> Result<Option<T>, LoadProblem> {
        let name = path.display().to_string();
        let migrate = ron_file::no_older_versions(&name);
        self.read_migrating_or_set_aside(path, current_version, file, migrate, check)
    }

    /// As [`Self::read_or_set_aside`], for a file with older versions `migrate` brings up.
    fn read_migrating_or_set_aside<T: serde::de::DeserializeOwned>(
        &self,
        path: &Path,
        current_version: u32,
        file: StoredFile,
        migrate: impl FnOnce(&str, u32) -> Result<String, DataFileError>,
        check: impl FnOnce(&T) -> Option<String>,
    ) -> Result<Option<T>, LoadProblem> {
        // A link that leads nowhere (or to itself) is a file that cannot be read, not a
        // missing one: it is reported, never read as "no records".
        if std::fs::symlink_metadata(path).is_err() {
            return Ok(None);
        }
        let name = path.display().to_string();
        let read: Result<T, DataFileError> =
            ron_file::read_versioned(path, ron_file::MAX_OWN_FILE_BYTES, current_version, migrate)
                .and_then(|value| match check(&value) {
                    None => Ok(value),
                    Some(message) => Err(DataFileError::new(&name, message)),
                });
        read.map(Some).map_err(|err| LoadProblem {
            file,
            problems: err.into(),
            kept: self.set_aside(path),
        })
    }

    fn write_ron<T: Serialize>(
        &self,
        path: &Path,
        value: &T,
        what: &str,
    ) -> Result<(), StoreError> {
        let text = ron_file::to_ron(value).map_err(|reason| StoreError::Encode {
            what: what.to_owned(),
            reason,
        })?;
        write_atomically(path, text.as_bytes())
    }
}

/// Why a session record read back cannot be used: a date outside the supported years.
fn record_problem(record: &SessionRecord) -> Option<String> {
    let date = record.started_at.date_naive();
    (!crate::domain::dates::supported(date)).then(|| {
        format!(
            "started_at: {}",
            crate::domain::dates::unsupported_message(date)
        )
    })
}

/// Write `plan` as a plan file at `path` (atomically, readable by others); it passes `validate`.
pub fn export_plan(plan: &Plan, path: &Path) -> Result<(), StoreError> {
    let text = plan_file::plan_to_text(plan).map_err(|reason| StoreError::Encode {
        what: "plan".to_owned(),
        reason,
    })?;
    write_shared(path, text.as_bytes())
}
