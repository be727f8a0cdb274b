//! The person's check-ins, after-session answers and clearances (`history.ron`). A small file
//! is read before the first frame; a large one (years of daily use) on a background thread, so
//! the window opens at once. Until it is here, nothing is decided from it and nothing is
//! written to it: home says it is reading, and Start waits.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use chrono::NaiveDate;

use crate::domain::care::checkin::Day;
use crate::domain::care::rules::DayDecision;
use crate::domain::plan::Plan;
use crate::store::{LoadProblem, Store};

/// Files up to this size are read before the first frame (about six months of daily use).
const READ_AT_ONCE_BYTES: u64 = 256 * 1024;

/// A decision made on the reading thread as soon as the history is read, so that home does
/// not wait for the rules after the file: the plan and date it was made for, and the decision.
pub struct EarlyDecision {
    pub plan: Plan,
    pub date: NaiveDate,
    pub decision: DayDecision,
}

/// What decides today from the days just read (on the reading thread).
pub type DecideEarly = Box<dyn FnOnce(&[Day]) -> EarlyDecision + Send>;

type Loaded = (Vec<Day>, Option<LoadProblem>, Option<EarlyDecision>);

/// The history, loaded or on its way.
pub struct DayBook {
    days: Vec<Day>,
    loading: Option<Receiver<Loaded>>,
    /// The file on disk may hold days that are not here (the load failed, or an unreadable
    /// file could not be moved aside): then nothing may be written over it.
    writable: bool,
    /// Made from the days as they arrived; dropped as soon as they can change.
    early_decision: Option<EarlyDecision>,
}

impl DayBook {
    /// Read the history now if it is small, or start reading it in the background.
    /// `read` is dropped once the history is read (or could not be): what waits for it on
    /// the other end may start then.
    /// A large history is decided from by `decide_early` on the same thread, before `read`
    /// is dropped.
    pub fn open(
        store: &Store,
        read: Sender<()>,
        decide_early: Option<DecideEarly>,
    ) -> (Self, Option<LoadProblem>) {
        let large = store
            .history_file_bytes()
            .is_some_and(|bytes| bytes > READ_AT_ONCE_BYTES);
        if large {
            let (sender, receiver) = mpsc::channel();
            let background = store.clone();
            let spawned = std::thread::Builder::new()
                .name("history".to_owned())
                .spawn(move || {
                    let (days, problem) = background.load_history();
                    let early = match (&problem, decide_early) {
                        (None, Some(decide)) => Some(decide(&days)),
                        _ => None,
                    };
                    let _ = sender.send((days, problem, early));
                    drop(read);
                });
            if spawned.is_ok() {
                let book = Self {
                    days: Vec::new(),
                    loading: Some(receiver),
                    writable: true,
                    early_decision: None,
                };
                return (book, None);
            }
        }
        let (days, problem) = store.load_history();
        let writable = problem.as_ref().is_none_or(|p| p.kept.is_ok());
        (
            Self {
                days,
                loading: None,
                writable,
                early_decision: None,
            },
            problem,
        )
    }

    pub fn is_loaded(&self) -> bool {
        self.loading.is_none()
    }

    /// The days, oldest first; empty until loaded (see [`Self::is_loaded`]).
    pub fn days(&self) -> &[Day] {
        &self.days
    }

    /// Take the history if it has arrived. `Some` once, when it does, with any problem.
    pub fn poll(&mut self) -> Option<Option<LoadProblem>> {
        let receiver = self.loading.as_ref()?;
        match receiver.try_recv() {
            Ok((days, problem, early)) => {
                self.writable = problem.as_ref().is_none_or(|p| p.kept.is_ok());
                self.arrived(days);
                self.early_decision = early;
                Some(problem)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.writable = false;
                self.arrived(Vec::new());
                Some(None)
            }
        }
    }

    /// Wait for the history (before anything is written to it); returns any problem.
    pub fn wait(&mut self) -> Option<LoadProblem> {
        let receiver = self.loading.as_ref()?;
        match receiver.recv() {
            Ok((days, problem, early)) => {
                self.writable = problem.as_ref().is_none_or(|p| p.kept.is_ok());
                self.arrived(days);
                self.early_decision = early;
                problem
            }
            Err(_) => {
                self.writable = false;
                self.arrived(Vec::new());
                None
            }
        }
    }

    /// The days to change: only once loaded (callers [`Self::wait`] first), and never when
    /// the file on disk could hold days that did not load.
    pub fn days_mut(&mut self) -> Option<&mut Vec<Day>> {
        self.early_decision = None;
        (self.is_loaded() && self.writable).then_some(&mut self.days)
    }

    /// The decision made as the days arrived, if it was made for this plan and date and the
    /// days have not changed since.
    pub fn early_decision(&self, plan: &Plan, date: NaiveDate) -> Option<&DayDecision> {
        self.early_decision
            .as_ref()
            .filter(|early| early.date == date && early.plan == *plan)
            .map(|early| &early.decision)
    }

    fn arrived(&mut self, days: Vec<Day>) {
        self.loading = None;
        self.days = days;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::bundled::Assets;

    #[test]
    fn a_decision_made_as_the_days_arrive_is_used_only_for_its_plan_and_date_and_unchanged_days() {
        let Ok(assets) = Assets::embedded() else {
            panic!("the bundled assets load");
        };
        let Some(start) = NaiveDate::from_ymd_opt(2025, 1, 1) else {
            panic!("a date");
        };
        let (_, days) = crate::domain::progress::demo::generate_history(
            &assets.plan,
            &assets.catalog,
            start,
            900,
            1,
        );
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store = Store::open(dir.path()).expect("a data folder");
        store.save_history(&days).expect("saved");
        assert!(store.history_file_bytes().unwrap_or(0) > READ_AT_ONCE_BYTES);
        let today = start + chrono::Duration::days(900);
        let plan = assets.plan.clone();
        let catalog = assets.catalog.clone();
        let decide_early: DecideEarly = Box::new(move |days| EarlyDecision {
            decision: crate::domain::care::rules::decide(
                &plan.plan,
                &plan.circuit,
                &catalog,
                days,
                today,
            ),
            plan: plan.plan,
            date: today,
        });
        let (sender, _receiver) = mpsc::channel();
        let (mut book, problem) = DayBook::open(&store, sender, Some(decide_early));
        assert!(problem.is_none());
        assert!(book.wait().is_none());
        let plan = &assets.plan.plan;
        assert!(book.early_decision(plan, today).is_some());
        assert!(
            book.early_decision(plan, today + chrono::Duration::days(1))
                .is_none()
        );
        let mut other_plan = plan.clone();
        other_plan.sessions_per_week += 1;
        assert!(book.early_decision(&other_plan, today).is_none());
        // The days may change once they can be written: the early decision is gone.
        assert!(book.days_mut().is_some());
        assert!(book.early_decision(plan, today).is_none());
    }
}
