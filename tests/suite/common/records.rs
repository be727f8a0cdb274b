//! What a person records, built in one place: check-ins, session reports and generated
//! histories.

use std::path::Path;

use chrono::NaiveDate;
use strongback::domain::care::checkin::{CheckIn, Day, SessionReport};
use strongback::domain::session::record::SessionRecord;

use super::{assets, morning, ymd};

/// A calm check-in: no red flag, this back pain, no leg pain, nothing new. Change what a test
/// needs with struct update syntax, `CheckIn { new_numbness: true, ..check_in(3) }`; a
/// check-in with nothing answered is `CheckIn::default()`.
pub fn check_in(back_pain: u8) -> CheckIn {
    CheckIn {
        back_pain: Some(back_pain),
        leg_pain: Some(0),
        ..CheckIn::default()
    }
}

/// A session report with this worst pain, no sharp or shooting pain, every exercise done.
pub fn report(worst_pain: u8) -> SessionReport {
    SessionReport {
        started_at: None,
        worst_pain,
        sharp_or_shooting: false,
        completed: Default::default(),
    }
}

/// A generated history of the built-in plan: `days` days from `start`, a session every
/// `every_days` days.
pub fn generated(start: NaiveDate, days: u32, every_days: u32) -> (Vec<SessionRecord>, Vec<Day>) {
    let assets = assets();
    strongback::domain::progress::demo::generate_history(
        &assets.plan,
        &assets.catalog,
        start,
        days,
        every_days,
    )
}

/// Check-ins and reports of about 20 months of daily use up to the day before the test's
/// "today": a `history.ron` large enough to be read in the background.
pub fn long_history() -> Vec<Day> {
    let (_, days) = generated(ymd(2025, 3, 1), 600, 1);
    days.into_iter()
        .filter(|d| d.date < morning().date_naive())
        .collect()
}

/// Sessions every other day from 20 October to 22 November 2026 (the test "today" is 24 Nov).
pub fn with_history(dir: &Path) -> usize {
    let (sessions, days) = generated(ymd(2026, 10, 20), 34, 2);
    let store = strongback::store::Store::open(dir).expect("store");
    for s in &sessions {
        store.save_session(s).expect("save");
    }
    store.save_history(&days).expect("save");
    sessions.len()
}
