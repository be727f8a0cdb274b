//! Past session records. Home needs of them only when each started and how it ended (the
//! week's figures and the streak) and the newest few in full (the last session, the last
//! change of dose), so at start-up those are read on a background thread and the full records
//! stay on disk: years of sessions never sit in memory while a session is played. History,
//! a session's detail and the reports read every record the first time they need them, and
//! the app lets them go when a session starts.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use crate::domain::session::record::{SessionRecord, SessionSummary};
use crate::store::{LoadProblem, Store};

/// How many of the newest full records are kept: enough to find the last change of dose
/// without reading the rest.
const RECENT_KEPT: usize = 20;

/// What the background read brings: every summary, the newest full records, the problems.
type Loaded = (Vec<SessionSummary>, Vec<SessionRecord>, Vec<LoadProblem>);

/// Session records: summaries of all of them, the newest in full, and all in full while
/// History or a report needs them.
pub struct SessionArchive {
    loading: Option<Receiver<Loaded>>,
    /// Lets the background read begin ([`Self::begin_reading`]); `None` once it has.
    go: Option<Sender<()>>,
    /// When every known session started and how it ended, oldest first.
    summaries: Vec<SessionSummary>,
    /// The newest full records (at most [`RECENT_KEPT`]), oldest first.
    recent: Vec<SessionRecord>,
    /// Every full record, oldest first, while History or a report needs them.
    all: Option<Vec<SessionRecord>>,
    /// The background load ended without its records: the list is not all there.
    incomplete: bool,
}

impl SessionArchive {
    /// Read the newest record now and the summaries on a background thread, once
    /// `wait_for_history` says the history is read (so that the two do not compete for the
    /// processor while today's decision waits for the history). Problems found with the newest
    /// one come back with it; the rest arrive with the background read.
    pub fn open(store: &Store, wait_for_history: Receiver<()>) -> (Self, Vec<LoadProblem>) {
        let (latest, problems) = store.load_latest_session();
        let (go, wait_for_go) = mpsc::channel();
        let mut archive = Self {
            loading: None,
            go: Some(go),
            summaries: latest.iter().map(SessionRecord::summary).collect(),
            recent: latest.into_iter().collect(),
            all: None,
            incomplete: false,
        };
        let (sender, receiver) = mpsc::channel();
        let background = store.clone();
        let spawned = std::thread::Builder::new()
            .name("sessions".to_owned())
            .spawn(move || {
                // Ends when the history's reader drops its end, read or not.
                let _ = wait_for_history.recv();
                // Then waits to be let go: not while the window is being set up, and never
                // when the archive is dropped first.
                if wait_for_go.recv().is_ok() {
                    let _ = sender.send(read_summaries(&background));
                }
            });
        match spawned {
            Ok(_) => {
                archive.loading = Some(receiver);
                (archive, problems)
            }
            // No thread: read them now (slower to start, nothing lost).
            Err(_) => {
                archive.go = None;
                let mut all_problems = archive.merge(read_summaries(store));
                all_problems.extend(problems);
                (archive, all_problems)
            }
        }
    }

    /// Every full record once [`Self::read_all`] has run (until [`Self::let_go_of_all`]);
    /// otherwise the newest ones. Oldest first.
    pub fn known(&self) -> &[SessionRecord] {
        self.all.as_deref().unwrap_or(&self.recent)
    }

    /// When every known session started and how it ended, oldest first.
    pub fn summaries(&self) -> &[SessionSummary] {
        &self.summaries
    }

    /// The newest full records, oldest first.
    pub fn recent(&self) -> &[SessionRecord] {
        &self.recent
    }

    /// The newest record known.
    pub fn latest(&self) -> Option<&SessionRecord> {
        self.recent.last()
    }

    /// Whether the background read of the summaries is done.
    pub fn is_loaded(&self) -> bool {
        self.loading.is_none()
    }

    /// Take the background read if it has arrived; returns the problems found in it.
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

    /// Let the background read begin (once the first screen is drawn: the records compete
    /// for the processor with setting up the window). Waiting for it begins it too.
    pub fn begin_reading(&mut self) {
        if let Some(go) = self.go.take() {
            let _ = go.send(());
        }
    }

    /// Wait for the background read (beginning it if need be); returns its problems.
    pub fn wait(&mut self) -> Vec<LoadProblem> {
        self.begin_reading();
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

    /// Read every full record, for History, a session's detail or a report (once: they stay
    /// until [`Self::let_go_of_all`]). Waits for the background read first, so that a file
    /// set aside is reported once. Returns the problems found.
    pub fn read_all(&mut self, store: &Store) -> Vec<LoadProblem> {
        let mut problems = self.wait();
        if self.all.is_none() {
            let (mut records, found) = store.load_sessions();
            problems.extend(found);
            // Records saved or kept since may not be on disk (a save that failed is kept
            // elsewhere): keep every one known.
            for record in &self.recent {
                if !records.contains(record) {
                    records.push(record.clone());
                }
            }
            records.sort_by_key(|r| r.started_at);
            self.all = Some(records);
        }
        problems
    }

    /// Let go of the full records (a session is starting: they are read again when needed).
    pub fn let_go_of_all(&mut self) {
        self.all = None;
    }

    /// Whether the past sessions could not all be read (said once: the flag is cleared).
    pub fn take_incomplete(&mut self) -> bool {
        std::mem::take(&mut self.incomplete)
    }

    /// A record just saved.
    pub fn add(&mut self, record: SessionRecord) {
        if self.recent.contains(&record) {
            return;
        }
        let summary = record.summary();
        if !self.summaries.contains(&summary) {
            self.summaries.push(summary);
            self.summaries.sort_by_key(|s| s.started_at);
        }
        if let Some(all) = &mut self.all {
            all.push(record.clone());
            all.sort_by_key(|r| r.started_at);
        }
        self.recent.push(record);
        self.recent.sort_by_key(|r| r.started_at);
        keep_newest(&mut self.recent);
    }

    fn merge(&mut self, (mut summaries, mut recent, problems): Loaded) -> Vec<LoadProblem> {
        self.loading = None;
        // Records known before the read finished (the newest, or saved since) may or may not
        // be in it, depending on when the folder was listed.
        for record in self.recent.drain(..) {
            let summary = record.summary();
            if !summaries.contains(&summary) {
                summaries.push(summary);
            }
            if !recent.contains(&record) {
                recent.push(record);
            }
        }
        summaries.sort_by_key(|s| s.started_at);
        recent.sort_by_key(|r| r.started_at);
        keep_newest(&mut recent);
        self.summaries = summaries;
        self.recent = recent;
        // The newest record was read at start-up; if it was unreadable it was set aside then,
        // so the background read no longer sees it and reports nothing twice.
        problems
    }
}

/// Every session's summary and the newest full records, reading one file at a time.
fn read_summaries(store: &Store) -> Loaded {
    let mut summaries = Vec::new();
    let mut recent: Vec<SessionRecord> = Vec::new();
    let problems = store.read_sessions(|record| {
        summaries.push(record.summary());
        recent.push(record);
        if recent.len() > 2 * RECENT_KEPT {
            recent.sort_by_key(|r| r.started_at);
            keep_newest(&mut recent);
        }
    });
    summaries.sort_by_key(|s| s.started_at);
    recent.sort_by_key(|r| r.started_at);
    keep_newest(&mut recent);
    (summaries, recent, problems)
}

/// Drop all but the newest [`RECENT_KEPT`] of records sorted oldest first.
fn keep_newest(records: &mut Vec<SessionRecord>) {
    let excess = records.len().saturating_sub(RECENT_KEPT);
    records.drain(..excess);
}
