//! What start-up reads, and in which order: begun before the window's graphics are set up.

use chrono::NaiveDate;

use super::day_book::DayBook;
use super::session_archive::SessionArchive;
use crate::domain::care::rules::decide;
use crate::domain::plan::checks::CheckedPlan;
use crate::store::bundled::Assets;
use crate::store::{LoadProblem, Store};

/// What the app reads at start-up, begun as early as possible: `history.ron` first (today's
/// decision waits for it), then the older session records (only History and the reports wait
/// for those), one after the other so that they do not compete for the processor.
pub struct StartupLoad {
    /// The person's accepted plan, if any (the built-in one is used otherwise).
    pub(super) saved_plan: (Option<CheckedPlan>, Option<LoadProblem>),
    pub(super) day_book: (DayBook, Option<LoadProblem>),
    pub(super) sessions: (SessionArchive, Vec<LoadProblem>),
}

impl StartupLoad {
    /// Start reading: the plan and a small history now; a large history in the background,
    /// deciding `today` from it by the plan in use as soon as it is read; then the session
    /// records. `assets` is `None` when the bundled files could not be read.
    pub fn begin(store: &Store, assets: Option<&Assets>, today: NaiveDate) -> Self {
        let saved_plan = match assets {
            Some(assets) => store.load_plan(&assets.catalog),
            None => (None, None),
        };
        let decide_early = assets.map(|assets| {
            let plan = saved_plan.0.clone().unwrap_or_else(|| assets.plan.clone());
            let catalog = assets.catalog.clone();
            let decide: super::day_book::DecideEarly = Box::new(move |days| {
                let decision = decide(&plan.plan, &plan.circuit, &catalog, days, today);
                super::day_book::EarlyDecision {
                    plan: plan.plan,
                    date: today,
                    decision,
                }
            });
            decide
        });
        let (history_read, wait_for_history) = std::sync::mpsc::channel::<()>();
        let day_book = DayBook::open(store, history_read, decide_early);
        let sessions = SessionArchive::open(store, wait_for_history);
        Self {
            saved_plan,
            day_book,
            sessions,
        }
    }
}
