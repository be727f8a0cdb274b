//! Check-ins, after-session answers and clearances, and today's decision from the rules.
//!
//! The decision is cached: it is recomputed only when the history, the plan or the date
//! changes, never on every frame, and the player screen never asks for it.

use crate::domain::care::activities::{ActivityAnswers, ActivityPlan, GlobalChange};
use std::time::Duration;

use chrono::NaiveDate;

use crate::domain::care::answers::{CheckInAnswers, CheckInMode};
use crate::domain::care::checkin::{Clearance, ClinicianSeen, Day};
use crate::domain::care::clock::clock_behind;
use crate::domain::care::rules::{
    DayDecision, Status, decide, decide_before_sessions, open_leg_warning, todays_circuit,
};
use crate::domain::plan::Presentation;
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::timeline::Timeline;
use crate::domain::progress::dose_changes::last_dose_change;
use crate::ui::checkin_screen::CheckInDraft;
use crate::ui::home_screen::HomeProgress;

use super::StrongbackApp;
use super::day_book::DayBook;
use super::screens::Screen;

/// Today's decision and what follows from it, for one date and one version of the data.
pub(super) struct TodayCache {
    date: NaiveDate,
    pub decision: Option<DayDecision>,
    /// Today's circuit: the plan as the rules adjusted it.
    pub circuit: Circuit,
    pub planned_total_secs: u64,
    pub checked_in_today: bool,
    /// This week, the streak and the last change of dose, for home.
    pub progress: HomeProgress,
    /// How many session records `progress` counted: records still loading, or a session
    /// just saved, make it stale.
    sessions_counted: usize,
}

impl TodayCache {
    pub fn is_for(&self, date: NaiveDate) -> bool {
        self.date == date
    }
}

/// The care part's state: the days on record, today's decision and the clinician dialogs.
pub(super) struct CareState {
    /// Check-ins, session reports and clearances, by date (large ones load in the background).
    pub day_book: DayBook,
    /// Today's decision and circuit, recomputed only when the history, plan or date changes.
    pub today_cache: Option<TodayCache>,
    /// The note typed into the clearance dialog, while it is open.
    pub clearance_note: Option<String>,
    /// The "seen a clinician" dialog is open.
    pub asking_seen_clinician: bool,
    /// The dates whose answers `history.ron` does not hold (its last save failed): kept in
    /// memory until "Try again" works, and in `rescue.ron` when the window closes.
    pub unsaved_dates: std::collections::BTreeSet<NaiveDate>,
    /// The date the clock was last found in order with the records, or confirmed by the
    /// person when it was behind them.
    pub clock_checked_on: Option<NaiveDate>,
}

impl CareState {
    pub fn new(day_book: DayBook) -> Self {
        Self {
            day_book,
            today_cache: None,
            clearance_note: None,
            asking_seen_clinician: false,
            unsaved_dates: std::collections::BTreeSet::new(),
            clock_checked_on: None,
        }
    }
}

impl StrongbackApp {
    /// Today's cached decision and circuit, rebuilt when the date has changed or the history
    /// or plan changed since (they clear the cache).
    pub(super) fn today_cache(&mut self) -> Option<&TodayCache> {
        let today = self.today();
        let sessions = self.past_sessions.summaries().len();
        let loaded = self.past_sessions.is_loaded();
        if self.care.today_cache.as_ref().is_none_or(|cache| {
            cache.date != today || (loaded && cache.sessions_counted != sessions)
        }) {
            self.care.today_cache = self.build_today_cache(today);
        }
        self.care.today_cache.as_ref()
    }

    fn build_today_cache(&self, today: NaiveDate) -> Option<TodayCache> {
        // Never decide from a history that is still being read.
        if !self.care.day_book.is_loaded() {
            return None;
        }
        let (plan, assets) = (self.plans.in_use.as_ref()?, self.assets.as_ref()?);
        let decision = self.decision_on(today);
        let circuit = match &decision {
            Some(decision) => todays_circuit(&plan.circuit, decision, &assets.catalog),
            None => plan.circuit.clone(),
        };
        let planned_total_secs = Timeline::build(&circuit).planned_total_secs();
        // Counted once every record is in (a partial count would be wrong, and recounting as
        // each batch arrives would cost a frame each time).
        let progress = if self.past_sessions.is_loaded() {
            let records = self.adherence_records();
            let this_week = records.this_week();
            HomeProgress {
                counted: true,
                week_headline: this_week.week_headline(
                    this_week
                        .weeks
                        .last()
                        .map_or(plan.plan.sessions_per_week, |w| w.target),
                ),
                done_today: records.done.get(&today).copied(),
                streak_weeks: records.streak_weeks(),
                last_change: last_dose_change(self.past_sessions.recent()).map(|c| c.sentence()),
            }
        } else {
            HomeProgress::default()
        };
        Some(TodayCache {
            date: today,
            decision,
            circuit,
            planned_total_secs,
            checked_in_today: self.checked_in_on(today),
            progress,
            sessions_counted: if self.past_sessions.is_loaded() {
                self.past_sessions.summaries().len()
            } else {
                usize::MAX
            },
        })
    }

    /// The history or the plan changed: today's decision must be made again.
    pub(super) fn forget_todays_decision(&mut self) {
        self.care.today_cache = None;
    }

    /// The rules' decision for any date, from the history up to it.
    pub(super) fn decision_on(&self, date: NaiveDate) -> Option<DayDecision> {
        if !self.care.day_book.is_loaded() {
            return None;
        }
        let (plan, assets) = (self.plans.in_use.as_ref()?, self.assets.as_ref()?);
        if let Some(early) = self.care.day_book.early_decision(&plan.plan, date) {
            return Some(early.clone());
        }
        Some(decide(
            &plan.plan,
            &plan.circuit,
            &assets.catalog,
            self.care.day_book.days(),
            date,
        ))
    }

    /// What the rules prescribed on `date` before its sessions: what a past session was
    /// given (a red session makes the rest of its own date a rest day afterwards).
    pub(super) fn decision_before_sessions_on(&self, date: NaiveDate) -> Option<DayDecision> {
        if !self.care.day_book.is_loaded() {
            return None;
        }
        let (plan, assets) = (self.plans.in_use.as_ref()?, self.assets.as_ref()?);
        Some(decide_before_sessions(
            &plan.plan,
            &plan.circuit,
            &assets.catalog,
            self.care.day_book.days(),
            date,
        ))
    }

    fn checked_in_on(&self, date: NaiveDate) -> bool {
        self.care
            .day_book
            .days()
            .iter()
            .any(|d| d.date == date && d.check_in.is_some())
    }

    /// Change the day `date` (added if missing), then save the history and forget the
    /// cached decision. Waits for a history still loading, so nothing is ever written over it.
    /// Change the entry for `date` and save the history; whether it is on disk.
    fn change_day(&mut self, date: NaiveDate, change: impl FnOnce(&mut Day)) -> bool {
        self.wait_for_history();
        let Some(days) = self.care.day_book.days_mut() else {
            self.notices.problem(
                "Your answers could not be saved: history.ron could not be read or moved aside, \
                 and it is never written over. Move it out of the data folder, then restart \
                 Strongback."
                    .to_owned(),
            );
            return false;
        };
        let index = match days.iter().position(|d| d.date == date) {
            Some(index) => index,
            None => {
                days.push(Day::on(date));
                days.sort_by_key(|d| d.date);
                days.iter().position(|d| d.date == date).unwrap_or(0)
            }
        };
        if let Some(day) = days.get_mut(index) {
            change(day);
        }
        self.care.unsaved_dates.insert(date);
        self.forget_todays_decision();
        self.save_days()
    }

    /// Write the days to `history.ron`; whether they are on disk. A failure keeps them in
    /// memory for "Try again", as one notice however often it happens.
    pub(super) fn save_days(&mut self) -> bool {
        match self.store.save_history(self.care.day_book.days()) {
            Ok(()) => {
                self.care.unsaved_dates.clear();
                self.notices.resolved("answers");
                true
            }
            Err(err) => {
                self.notices
                    .repeated_problem("answers", format!("Your answers could not be saved: {err}"));
                false
            }
        }
    }

    /// "Try again" for answers kept in memory; says so when they are saved.
    pub(super) fn retry_saving_days(&mut self) {
        if self.care.unsaved_dates.is_empty() {
            return;
        }
        if self.save_days() {
            if let Screen::Summary(summary) = &mut self.screen
                && summary.answers_waiting
            {
                summary.answers_waiting = false;
                summary.answers_saved = true;
            }
            self.notices.info("Your answers are saved now.".to_owned());
        }
    }

    /// A check-in draft with the questions the plan and the history call for: the background
    /// risk factors at the intake and when the plan starts later than the last time they were
    /// asked (unless its clinician screened them), and the presentation question's
    /// confirmation when the plan leaves the presentation to the person.
    pub(super) fn check_in_draft(
        &self,
        mode: CheckInMode,
        ask_morning_after: bool,
    ) -> CheckInDraft {
        let mut answers = CheckInAnswers::new(mode, ask_morning_after);
        if let Some(plan) = &self.plans.in_use {
            let plan = &plan.plan;
            // Asked again for a plan that starts later than the last asking: counted from the
            // plan's start, or from the day it was accepted if that was earlier (so the days
            // before a later start do not ask every day).
            let counted_from = self.plan_began_on();
            let asked_for_this_plan = self.care.day_book.days().iter().any(|d| {
                d.check_in.as_ref().is_some_and(|c| c.risk_factors_asked)
                    && counted_from.is_none_or(|from| d.date >= from)
            });
            answers.risk_factors_screened = plan.risk_factors_screened;
            answers.ask_risk_factors = !plan.risk_factors_screened
                && (mode == CheckInMode::Intake || !asked_for_this_plan);
            answers.offer_presentation = plan.presentation == Presentation::NotSet;
        }
        if mode == CheckInMode::Daily
            && let (Some(plan), Some(assets)) = (&self.plans.in_use, &self.assets)
        {
            answers.open_leg_warning = open_leg_warning(
                &plan.plan,
                &plan.circuit,
                &assets.catalog,
                self.care.day_book.days(),
                self.today(),
            );
        }
        // The activities the person names and rates (clinical spec §6): named at the intake,
        // rated again every so many days and when a new plan begins.
        let activity_plan = match &self.plans.in_use {
            Some(plan) => ActivityPlan {
                every_days: plan.plan.rules.activity_rating_every_days,
                review_date: plan.plan.review_date,
                agreed: &plan.plan.activities,
                started_on: self.plan_began_on().or(self.plan_accepted_on()),
            },
            None => ActivityPlan::default(),
        };
        answers.activities = ActivityAnswers::for_check_in(
            &crate::domain::care::checkin::activity_log(self.care.day_book.days()),
            self.today(),
            activity_plan,
        );
        CheckInDraft::with(answers)
    }

    /// The plan in use's start date, or the day it was accepted if that was earlier (`None`
    /// for a plan without a start date).
    fn plan_began_on(&self) -> Option<chrono::NaiveDate> {
        let plan = &self.plans.in_use.as_ref()?.plan;
        match (plan.start_date, self.plan_accepted_on()) {
            (Some(start), Some(accepted)) => Some(start.min(accepted)),
            (start, _) => start,
        }
    }

    /// The day the latest plan was accepted, if one was.
    fn plan_accepted_on(&self) -> Option<chrono::NaiveDate> {
        self.care
            .day_book
            .days()
            .iter()
            .rev()
            .find(|d| {
                d.clinician_seen
                    .as_ref()
                    .is_some_and(|c| c.note == PLAN_ACCEPTED_NOTE)
            })
            .map(|d| d.date)
    }

    /// Whether the computer's date is earlier than the newest record and the person has not
    /// said today that it is right. Says so (from home, the check-in or Today; never over a
    /// session or the editor) the first time it finds it. Cheap once checked for the date.
    pub(super) fn look_at_clock(&mut self) -> bool {
        let today = self.today();
        if !self.care.day_book.is_loaded() || self.care.clock_checked_on == Some(today) {
            return false;
        }
        let newest_session = self
            .past_sessions
            .latest()
            .map(|record| record.started_at.date_naive());
        match clock_behind(today, self.care.day_book.days(), newest_session) {
            Some(behind) => {
                if matches!(
                    self.screen,
                    Screen::Home | Screen::CheckIn(_) | Screen::Today(_)
                ) {
                    log::warn!(
                        "the clock says {today}, earlier than the newest record ({})",
                        behind.newest
                    );
                    self.show(Screen::ClockBehind(behind));
                }
                true
            }
            None => {
                self.care.clock_checked_on = Some(today);
                false
            }
        }
    }

    /// "Today is …: carry on": the person says the computer's date is right.
    pub(super) fn confirm_date(&mut self) {
        self.care.clock_checked_on = Some(self.today());
        self.show(Screen::Home);
    }

    /// Start: the day's check-in first (once a day), then the session the rules allow.
    pub(super) fn start_after_check_in(&mut self, now: Duration) {
        if !self.care.day_book.is_loaded() || self.look_at_clock() {
            return;
        }
        let today = self.today();
        if !self.checked_in_on(today) {
            // The morning-after question only at the first check-in after a session.
            let last_session = self
                .care
                .day_book
                .days()
                .iter()
                .filter(|d| d.date < today && d.reports().next().is_some())
                .map(|d| d.date)
                .max();
            let had_session = last_session.is_some_and(|session_date| {
                !self
                    .care
                    .day_book
                    .days()
                    .iter()
                    .any(|d| d.date > session_date && d.date < today && d.check_in.is_some())
            });
            self.show(Screen::CheckIn(Box::new(
                self.check_in_draft(CheckInMode::Daily, had_session),
            )));
            return;
        }
        let Some(cache) = self.today_cache() else {
            return;
        };
        let trainable = cache
            .decision
            .as_ref()
            .is_some_and(|d| matches!(d.status, Status::Train | Status::Gentle | Status::Deload));
        if trainable {
            let circuit = cache.circuit.clone();
            self.start_session(circuit, now);
        } else {
            self.show(Screen::Home);
        }
    }

    pub(super) fn submit_check_in(&mut self) {
        let Screen::CheckIn(draft) = &self.screen else {
            return;
        };
        let Some(check_in) = draft.answers.to_check_in() else {
            return;
        };
        let today = self.today();
        let answered = draft.clone();
        // A red flag ends the check-in: nothing else is recorded.
        let activities = (!check_in.ended_by_red_flag() && draft.answers.activities.asked())
            .then(|| draft.answers.activities.to_entry());
        self.change_day(today, |day| {
            day.check_in = Some(check_in);
            if let Some(entry) = activities {
                day.activities = entry;
            }
        });
        self.show(Screen::Home);
        // The decision comes before the session: a stop or pause shows on home in full; any
        // other day shows what the rules made of the answers, with Start as its own step.
        let stopped = self
            .today_cache()
            .and_then(|cache| cache.decision.as_ref())
            .is_some_and(|d| matches!(d.status, Status::Stopped | Status::Paused));
        if !stopped {
            self.show(Screen::Today(answered));
        }
    }

    /// From the Today screen back to the check-in, with the answers as given; saving it again
    /// replaces the day's check-in.
    pub(super) fn revise_check_in(&mut self) {
        if let Screen::Today(draft) = &self.screen {
            let mut draft = draft.clone();
            draft.page = crate::ui::checkin_screen::CheckInPage::Questions;
            if !draft.answers.flags_given().is_empty() {
                draft.page = crate::ui::checkin_screen::CheckInPage::RedFlags;
            }
            self.show(Screen::CheckIn(draft));
        }
    }

    pub(super) fn submit_session_report(&mut self) {
        let Screen::Summary(summary) = &mut self.screen else {
            return;
        };
        let Some(answers) = summary.answers.to_report() else {
            return;
        };
        let date = summary.record.started_at.date_naive();
        // "Saved" only once the answers are on disk; until then they wait in memory.
        let saved = self.change_day(date, |day| day.keep_report(answers));
        if let Screen::Summary(summary) = &mut self.screen {
            summary.answers_saved = saved;
            summary.answers_waiting = !saved;
        }
    }

    /// The person has seen a clinician (or accepted a new plan): an open referral ends.
    pub(super) fn record_seen_clinician(&mut self, note: String) {
        // (A plan accepted is recorded with PLAN_ACCEPTED_NOTE.)
        let today = self.today();
        self.change_day(today, |day| {
            day.clinician_seen = Some(ClinicianSeen { note });
        });
    }

    /// "Compared with when you started", answered on request: kept with today's date, and
    /// History shows it at once.
    pub(super) fn record_global_change(&mut self, answer: GlobalChange) {
        let today = self.today();
        let saved = self.change_day(today, |day| day.activities.global_change = Some(answer));
        if saved {
            self.notices.info(format!(
                "Saved: compared with when you started, your back is {}.",
                answer.label()
            ));
        }
        if matches!(self.screen, Screen::History(_)) {
            self.open_history();
        }
    }

    pub(super) fn confirm_clearance(&mut self) {
        let note = self.care.clearance_note.take().unwrap_or_default();
        let today = self.today();
        // It covers the answers that stopped or paused training, as they stand today.
        let covers = self
            .today_cache()
            .and_then(|cache| cache.decision.as_ref())
            .map(|d| d.red_flags.clone())
            .unwrap_or_default();
        self.change_day(today, |day| {
            day.clearance = Some(Clearance { note, covers })
        });
    }
}

/// The note of the "seen a clinician" entry that accepting a new plan records.
pub(super) const PLAN_ACCEPTED_NOTE: &str = "New plan accepted";
