//! What could not be saved, kept through a close: written to `rescue.ron` when the window is
//! asked to close (by its button, Ctrl+Q or the desktop logging out) with work not on disk,
//! whatever the person then answers; saved at the next start.

use crate::domain::dates::long_date;
use crate::domain::session::record::SessionRecord;
use crate::store::Store;
use crate::store::rescue::Rescue;

use super::StrongbackApp;

/// Sessions from `rescue.ron` at start-up, before the interrupted-session snapshot is read (a
/// snapshot of a session saved here is then dropped as saved).
pub(super) struct RescuedSessions {
    pub saved: Vec<SessionRecord>,
    pub unsaved: Vec<SessionRecord>,
    pub problem: Option<String>,
}

/// Save the rescued sessions that are not in `sessions/` already.
pub(super) fn save_rescued_sessions(store: &Store, rescue: &Rescue) -> RescuedSessions {
    let mut rescued = RescuedSessions {
        saved: Vec::new(),
        unsaved: Vec::new(),
        problem: None,
    };
    for record in &rescue.sessions {
        if store.has_session(record) {
            continue;
        }
        match store.save_session(record) {
            Ok(_) => rescued.saved.push(record.clone()),
            Err(err) => {
                rescued.problem = Some(err.to_string());
                rescued.unsaved.push(record.clone());
            }
        }
    }
    rescued
}

impl StrongbackApp {
    /// Write what is not saved to `rescue.ron`; whether it is on disk.
    pub(super) fn write_rescue(&mut self) -> bool {
        let rescue = Rescue {
            schema_version: Rescue::SCHEMA_VERSION,
            written_at: self.clock.wall(),
            sessions: self.workout.unsaved_records.clone(),
            days: self
                .care
                .day_book
                .days()
                .iter()
                .filter(|d| self.care.unsaved_dates.contains(&d.date))
                .cloned()
                .collect(),
            history_stamp: self.store.history_stamp(),
        };
        if rescue.is_empty() {
            return false;
        }
        match self.store.save_rescue(&rescue) {
            Ok(()) => {
                log::info!(
                    "kept {} session(s) and {} day(s) in rescue.ron",
                    rescue.sessions.len(),
                    rescue.days.len()
                );
                true
            }
            Err(err) => {
                log::warn!("rescue.ron could not be written either: {err}");
                false
            }
        }
    }

    /// Once nothing is left unsaved, `rescue.ron` has served.
    pub(super) fn forget_rescue_if_all_saved(&mut self) {
        if !self.has_unsaved_work()
            && let Err(err) = self.store.clear_rescue()
        {
            log::warn!("{err}");
        }
        self.window.rescued = false;
    }

    /// At start-up: take in what the last run could not save. Its sessions were saved
    /// before the app was built ([`save_rescued_sessions`]); its answers go into the history
    /// now. Says what was recovered; anything still not saved stays for "Try again".
    pub(super) fn take_in_rescue(&mut self, rescue: Rescue, sessions: RescuedSessions) {
        for record in &sessions.saved {
            self.past_sessions.add(record.clone());
        }
        if !sessions.unsaved.is_empty() {
            self.workout.save_problem = sessions.problem;
            self.workout.unsaved_records.extend(sessions.unsaved);
        }
        let mut answers_saved = true;
        let mut rescue = rescue;
        if rescue.history_stamp != self.store.history_stamp() {
            // `history.ron` was saved after the copy was kept: its answers are newer.
            log::info!("rescue.ron's answers are older than history.ron; not used");
            rescue.days.clear();
        }
        if !rescue.days.is_empty() {
            self.wait_for_history();
            match self.care.day_book.days_mut() {
                Some(days) => {
                    for day in &rescue.days {
                        match days.iter_mut().find(|d| d.date == day.date) {
                            Some(known) => *known = day.clone(),
                            None => days.push(day.clone()),
                        }
                        self.care.unsaved_dates.insert(day.date);
                    }
                    days.sort_by_key(|d| d.date);
                    self.forget_todays_decision();
                    answers_saved = self.save_days();
                }
                None => answers_saved = false,
            }
        }
        let dates: Vec<String> = rescue.days.iter().map(|d| long_date(d.date)).collect();
        let what = match (sessions.saved.len(), dates.is_empty()) {
            (0, true) => None,
            (0, false) => Some(format!("your answers of {}", dates.join(", "))),
            (1, true) => Some("a finished session".to_owned()),
            (n, true) => Some(format!("{n} finished sessions")),
            (n, false) => Some(format!(
                "{n} finished session(s) and your answers of {}",
                dates.join(", ")
            )),
        };
        if let Some(what) = what.filter(|_| answers_saved) {
            self.notices.info(format!(
                "When Strongback was last closed, {what} could not be saved; a copy was kept, \
                 and it is saved now."
            ));
        }
        if !self.has_unsaved_work() {
            if let Err(err) = self.store.clear_rescue() {
                log::warn!("{err}");
            }
        } else {
            self.window.rescued = true;
        }
    }
}
