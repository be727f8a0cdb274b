//! Past session records, read in the background so the first frame never waits for years of
//! files. Home needs only the newest record, which is read at once; the history screen, the
//! session detail and the reports wait for the rest the first time they need it.

use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::domain::session::record::SessionRecord;
use crate::store::{LoadProblem, Store};

/// Session records: still loading, or all here.
pub struct SessionArchive {
    loading: Option<Receiver<(Vec<SessionRecord>, Vec<LoadProblem>)>>,
    /// Everything known so far, oldest first: all records once loaded; before that, the
    /// newest one read at start-up and any saved since.
    records: Vec<SessionRecord>,
    /// The background load ended without its records: the list is not all there.
    incomplete: bool,
}

impl SessionArchive {
    /// Read the newest record now and the rest on a background thread. Problems found with
    /// the newest one come back with it; the rest arrive with the full load.
    pub fn open(store: &Store) -> (Self, Vec<LoadProblem>) {
        let (latest, problems) = store.load_latest_session();
        let (sender, receiver) = mpsc::channel();
        let background = store.clone();
        let spawned = std::thread::Builder::new()
            .name("sessions".to_owned())
            .spawn(move || {
                let _ = sender.send(background.load_sessions());
            });
        match spawned {
            Ok(_) => (
                Self {
                    loading: Some(receiver),
                    records: latest.into_iter().collect(),
                    incomplete: false,
                },
                problems,
            ),
            // No thread: read them all now (slower to start, nothing lost).
            Err(_) => {
                let (records, mut all_problems) = store.load_sessions();
                all_problems.extend(problems);
                (
                    Self {
                        loading: None,
                        records,
                        incomplete: false,
                    },
                    all_problems,
                )
            }
        }
    }

    /// Everything known so far, oldest first (see [`Self::is_loaded`]).
    pub fn known(&self) -> &[SessionRecord] {
        &self.records
    }

    /// The newest record known.
    pub fn latest(&self) -> Option<&SessionRecord> {
        self.records.last()
    }

    pub fn is_loaded(&self) -> bool {
        self.loading.is_none()
    }

    /// Take the full load if it has arrived; returns the problems found in it.
    pub fn poll(&mut self) -> Vec<LoadProblem> {
        let Some(receiver) = &self.loading else {
            return Vec::new();
        };
        match receiver.try_recv() {
            Ok(loaded) => self.merge(loaded),
            Err(TryRecvError::Empty) => Vec::new(),
            Err(TryRecvError::Disconnected) => {
                self.loading = None;
                self.incomplete = true;
                Vec::new()
            }
        }
    }

    /// Wait for the full load (the first time the history is opened); returns its problems.
    pub fn wait(&mut self) -> Vec<LoadProblem> {
        let Some(receiver) = &self.loading else {
            return Vec::new();
        };
        match receiver.recv() {
            Ok(loaded) => self.merge(loaded),
            Err(_) => {
                self.loading = None;
                self.incomplete = true;
                Vec::new()
            }
        }
    }

    /// Whether the past sessions could not all be read (said once: the flag is cleared).
    pub fn take_incomplete(&mut self) -> bool {
        std::mem::take(&mut self.incomplete)
    }

    /// A record just saved.
    pub fn add(&mut self, record: SessionRecord) {
        if !self.records.contains(&record) {
            self.records.push(record);
            self.records.sort_by_key(|r| r.started_at);
        }
    }

    fn merge(
        &mut self,
        (mut loaded, problems): (Vec<SessionRecord>, Vec<LoadProblem>),
    ) -> Vec<LoadProblem> {
        self.loading = None;
        // Records known before the load finished (the newest, or saved since) may or may not
        // be in it, depending on when the folder was listed.
        for record in self.records.drain(..) {
            if !loaded.contains(&record) {
                loaded.push(record);
            }
        }
        loaded.sort_by_key(|r| r.started_at);
        self.records = loaded;
        // The newest record was read at start-up; if it was unreadable it was set aside then,
        // so the background load no longer sees it and reports nothing twice.
        problems
    }
}
