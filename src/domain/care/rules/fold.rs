//! The history folded day by day, in date order, into what the rules need to decide a date.
//!
//! Deciding one date folds the days up to it; replaying a whole history (`simulate`, the
//! report's referral events) folds each day once and decides every date on the way, so the
//! work grows with the history's length, not its square. Everything a decision reads is kept
//! so that a date is decided from recent windows (the last two weeks of check-ins, the reds
//! of the deload window) and from running totals, never by scanning the whole history again.
//!
//! A session's light needs the next check-in's morning-after answer. Sessions followed by a
//! check-in are "settled": their light is final and they are applied once to `settled`. The
//! sessions since the last check-in are lit on the session alone and applied to `speculative`
//! (a copy of `settled` moved on by them) until a check-in settles them.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use chrono::NaiveDate;

use super::leg_follow::LegFollow;
use super::lights::session_light;
use super::referrals::{Cause, RaisedReferral, ReferralEvidence, WeekBlock};
use super::replay::{Context, Lit, PrescribedSlot, SlotReplay};
use super::{Light, presentation};
use crate::domain::care::checkin::{
    CheckIn, Day, FlagKind, FlagTier, MorningAfter, PainKind, RedFlag, SessionReport,
};
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::{Plan, Presentation};

/// A session with its light.
#[derive(Clone)]
pub(super) struct LitSession<'a> {
    pub date: NaiveDate,
    pub report: &'a SessionReport,
    /// That day's check-in back pain, for R3's `green_rise`.
    pub day_back_pain: Option<u8>,
    pub light: Light,
    /// What the rules prescribed that day.
    pub prescribed: Rc<[PrescribedSlot]>,
}

impl<'a> LitSession<'a> {
    fn lit(&self) -> Lit<'a> {
        Lit {
            date: self.date,
            report: self.report,
            light: self.light,
            prescribed: Rc::clone(&self.prescribed),
        }
    }
}

/// R2: what a check-in warns of.
/// A session of the date being folded: its report, that day's check-in back pain, and the
/// morning-after answer of a later check-in on the same date, if there is one.
struct TodaySession<'a> {
    report: &'a SessionReport,
    day_back_pain: Option<u8>,
    morning: Option<Option<MorningAfter>>,
    prescribed: Rc<[PrescribedSlot]>,
}

/// The history up to a date, as the rules see it.
pub(super) struct Fold<'a> {
    pub plan: &'a Plan,
    pub circuit: &'a Circuit,
    pub catalog: &'a Catalog,
    /// All days, sorted by date (stable, so same-date entries keep their order).
    days: Vec<&'a Day>,
    /// The next day to fold.
    next: usize,
    /// The date folded up to (inclusive).
    date: Option<NaiveDate>,
    /// The latest "which describes your pain best" answer.
    pain_kind: Option<PainKind>,
    /// The presentation `settled` was built with (it decides the ache rule).
    built_for: Presentation,
    /// Red-flag answers not yet covered by a clearance, with the date each was reported.
    pub uncleared: BTreeMap<RedFlag, NaiveDate>,
    /// Background risk factors on record (they make a routine referral urgent).
    pub factors_on_record: BTreeSet<RedFlag>,
    /// The plan's screened signs have been applied as a clearance.
    plan_screening_applied: bool,
    /// The check-in of the last day entry dated `date`.
    pub today_check_in: Option<&'a CheckIn>,
    settled: SlotReplay,
    settled_lits: Vec<LitSession<'a>>,
    /// `settled_greens[i]` is the number of greens among `settled_lits[..i]`.
    settled_greens: Vec<usize>,
    last_settled_red: Option<NaiveDate>,
    /// The last date's prescription, shared by the dates that prescribe the same (most do:
    /// it names the exercises, not their doses), so years of sessions hold few copies.
    last_prescribed: Rc<[PrescribedSlot]>,
    /// Sessions before `date` with no check-in after them yet.
    unsettled: Vec<LitSession<'a>>,
    speculative: SlotReplay,
    /// Sessions dated `date` (left out of its own doses; a red one makes the rest of the date
    /// a rest day), with the morning-after answer of a later check-in on the same date, if
    /// there is one.
    today_sessions: Vec<TodaySession<'a>>,
    check_ins: Vec<(NaiveDate, &'a CheckIn)>,
    /// Dates of check-ins with pain at the spasm gentle-day level.
    gentle_dates: Vec<NaiveDate>,
    /// 7-day blocks of check-ins from the first one (after the last "seen a clinician").
    weeks: Vec<WeekBlock>,
    /// The first check-in the weeks count from.
    weeks_origin: Option<NaiveDate>,
    /// The last date the person stated they had seen a clinician: R7 counts only what came
    /// after it.
    pub seen_clinician_on: Option<NaiveDate>,
    /// The routine referral raised on earlier dates and not yet closed by a statement: one
    /// reason of each kind it was raised for, with the date it was first raised for it.
    pub open_referral: Vec<(Cause, NaiveDate, String)>,
    /// Every referral raised on the dates folded before today, oldest first, closed when
    /// the person said they had seen a clinician: what the report and its CSV list.
    pub referral_log: Vec<RaisedReferral>,
    /// R2: leg-symptom warnings and whether they are still there.
    pub leg: LegFollow,
    /// Decide each date as it stood before its own sessions (what the person was shown
    /// before training): a red session that day does not make it a rest day.
    pub before_todays_sessions: bool,
}

impl<'a> Fold<'a> {
    pub fn new(
        plan: &'a Plan,
        circuit: &'a Circuit,
        catalog: &'a Catalog,
        days: &'a [Day],
    ) -> Self {
        let mut sorted: Vec<&Day> = days.iter().collect();
        sorted.sort_by_key(|d| d.date);
        let settled = SlotReplay::new(circuit, catalog, plan);
        Self {
            plan,
            circuit,
            catalog,
            days: sorted,
            next: 0,
            date: None,
            pain_kind: None,
            built_for: presentation::of(plan, None),
            uncleared: BTreeMap::new(),
            factors_on_record: BTreeSet::new(),
            plan_screening_applied: false,
            today_check_in: None,
            speculative: settled.clone(),
            settled,
            settled_lits: Vec::new(),
            settled_greens: vec![0],
            last_settled_red: None,
            last_prescribed: Rc::from(Vec::new()),
            unsettled: Vec::new(),
            today_sessions: Vec::new(),
            check_ins: Vec::new(),
            gentle_dates: Vec::new(),
            weeks: Vec::new(),
            weeks_origin: None,
            seen_clinician_on: None,
            open_referral: Vec::new(),
            referral_log: Vec::new(),
            leg: LegFollow::default(),
            before_todays_sessions: false,
        }
    }

    /// Fold every day up to and including `today` (which must not be before an earlier call's).
    pub fn advance_to(&mut self, today: NaiveDate) {
        while let Some(&day) = self.days.get(self.next) {
            if day.date > today {
                break;
            }
            // All entries of one date together, so their order in the file does not matter.
            let end = self.days[self.next..]
                .iter()
                .position(|d| d.date != day.date)
                .map_or(self.days.len(), |n| self.next + n);
            if self.date != Some(day.date) {
                self.start_date(day.date);
            }
            self.fold_date(self.next, end);
            self.next = end;
        }
        if self.date != Some(today) {
            self.start_date(today);
        }
    }

    /// The date decided: the one folded up to.
    pub fn today(&self) -> NaiveDate {
        self.date.unwrap_or_default()
    }

    /// The presentation for today.
    pub fn presentation(&self) -> Presentation {
        presentation::of(self.plan, self.pain_kind)
    }

    /// The slots as every session before today moved them, with the increases they earned
    /// that the week between increases allows by today.
    pub fn slots(&self) -> SlotReplay {
        let mut slots = self.speculative.clone();
        slots.catch_up(self.today(), self.context());
        slots
    }

    /// The deload week today falls in, as the date it began.
    pub fn deload_on_today(&self) -> Option<NaiveDate> {
        self.speculative.deload_on(self.today())
    }

    /// The light of the most recent session before today.
    pub fn light(&self) -> Option<Light> {
        self.unsettled
            .last()
            .or(self.settled_lits.last())
            .map(|l| l.light)
    }

    /// The most recent red session before today.
    pub fn last_red(&self) -> Option<NaiveDate> {
        self.unsettled
            .iter()
            .rev()
            .find(|l| l.light == Light::Red)
            .map(|l| l.date)
            .or(self.last_settled_red)
    }

    /// Red sessions on or after `since` (and before today), oldest first.
    pub fn reds_since(&self, since: NaiveDate) -> Vec<NaiveDate> {
        let mut reds: Vec<NaiveDate> = self
            .unsettled
            .iter()
            .rev()
            .chain(self.settled_lits.iter().rev())
            .take_while(|l| l.date >= since)
            .filter(|l| l.light == Light::Red)
            .map(|l| l.date)
            .collect();
        reds.reverse();
        reds
    }

    /// Green sessions on or after `since` (and before today).
    pub fn greens_since(&self, since: NaiveDate) -> usize {
        let first = self.settled_lits.partition_point(|l| l.date < since);
        let settled = self.settled_greens[self.settled_lits.len()] - self.settled_greens[first];
        let unsettled = self
            .unsettled
            .iter()
            .filter(|l| l.date >= since && l.light == Light::Green)
            .count();
        settled + unsettled
    }

    /// The last check-in at the spasm gentle-day pain before today.
    pub fn last_gentle_before_today(&self) -> Option<NaiveDate> {
        let today = self.today();
        self.gentle_dates
            .iter()
            .rev()
            .find(|d| **d < today)
            .copied()
    }

    /// A new date begins: sessions of the previous one now count, and today has no entry yet.
    fn start_date(&mut self, date: NaiveDate) {
        let previous = self.date.unwrap_or(date);
        if self.date.is_some() {
            self.note_referral();
        }
        for session in std::mem::take(&mut self.today_sessions) {
            let (report, day_back_pain) = (session.report, session.day_back_pain);
            match session.morning {
                // A later check-in that day settled it (and everything before it).
                Some(morning) => self.settle(
                    LitSession {
                        date: previous,
                        report,
                        day_back_pain,
                        light: Light::Green,
                        prescribed: session.prescribed,
                    },
                    morning,
                ),
                None => {
                    let lit = LitSession {
                        date: previous,
                        report,
                        day_back_pain,
                        light: session_light(report, day_back_pain, None, &self.plan.rules),
                        prescribed: session.prescribed,
                    };
                    let context = self.context();
                    self.speculative.apply(&lit.lit(), context);
                    self.unsettled.push(lit);
                }
            }
        }
        self.today_check_in = None;
        self.leg.start_date();
        // The days in between had no entries, but a referral can still be raised on them (the
        // previous day's session now counts; six weeks may pass).
        if self.date.is_some() {
            let mut day = previous + chrono::Duration::days(1);
            while day < date {
                self.date = Some(day);
                self.note_referral();
                day += chrono::Duration::days(1);
            }
        }
        self.date = Some(date);
    }

    /// A referral raised on the day folded up to stays until the person has seen someone,
    /// with every kind of reason it was raised for.
    fn note_referral(&mut self) {
        let Some(date) = self.date else {
            return;
        };
        let (_, raised) = super::referrals::routine_referral(&self.referral_evidence());
        for (cause, reason) in raised {
            if !self.open_referral.iter().any(|(open, ..)| *open == cause) {
                self.referral_log
                    .push(RaisedReferral::new(date, &reason, &self.factors_on_record));
                self.open_referral.push((cause, date, reason));
            }
        }
    }

    /// Fold one date's entries (`days[from..to]`): the check-in, then clearances (which lift
    /// that check-in's red-flag answers only when they show they came after it), "seen a
    /// clinician", and the sessions, which come after that day's check-in.
    fn fold_date(&mut self, from: usize, to: usize) {
        let entries: Vec<&'a Day> = self.days[from..to].to_vec();
        let Some(date) = entries.first().map(|d| d.date) else {
            return;
        };
        // §4: a clearance covers the answers it names (all, for one that names none) as they
        // stood before it; an answer reported after it is never lifted by it. Neither a
        // check-in nor a clearance carries a time, so a check-in on the clearance's own date
        // counts as after it (the safer reading; in the app the person clears a stop first
        // and then checks in), unless the clearance itself shows that it came later: it names
        // an answer that this date's check-in gave and that was not waiting for a clearance
        // before this date, which it could only have known from that check-in.
        let pending_before: BTreeSet<RedFlag> = self.uncleared.keys().copied().collect();
        let reported_today: BTreeSet<RedFlag> = entries
            .iter()
            .filter_map(|d| d.check_in.as_ref())
            .flat_map(|c| c.red_flags.iter().copied())
            .collect();
        let mut day_back_pain = None;
        for check_in in entries.iter().filter_map(|d| d.check_in.as_ref()) {
            // The sessions before it take its morning-after answer.
            let morning = check_in.morning_after;
            for lit in std::mem::take(&mut self.unsettled) {
                self.settle(lit, morning);
            }
            self.note_flags(date, check_in);
            if let Some(back_pain) = check_in.back_pain {
                if back_pain >= self.plan.rules.spasm_gentle_day_pain {
                    self.gentle_dates.push(date);
                }
                self.leg
                    .follow(date, check_in, self.plan.rules.nerve_recheck_hours);
                self.count_week(date, check_in);
            }
            self.follow_presentation(check_in);
            self.check_ins.push((date, check_in));
            self.today_check_in = Some(check_in);
            day_back_pain = check_in.back_pain;
        }
        for clearance in entries.iter().filter_map(|d| d.clearance.as_ref()) {
            let after_check_in = clearance
                .covers
                .iter()
                .any(|flag| reported_today.contains(flag) && !pending_before.contains(flag));
            self.uncleared.retain(|flag, _| {
                let covered = clearance.covers.is_empty() || clearance.covers.contains(flag);
                !(covered && (after_check_in || !reported_today.contains(flag)))
            });
        }
        self.apply_plan_screening(date);
        if entries.iter().any(|d| d.clinician_seen.is_some()) {
            // R7 starts again from here: earlier evidence no longer refers.
            self.seen_clinician_on = Some(date);
            self.open_referral.clear();
            for raised in &mut self.referral_log {
                raised.closed_on.get_or_insert(date);
            }
            self.weeks.clear();
            self.weeks_origin = None;
            self.leg.seen_clinician();
        }
        let reports: Vec<&'a SessionReport> = entries.iter().flat_map(|d| d.reports()).collect();
        if reports.is_empty() {
            return;
        }
        // What the rules prescribed today, before today's sessions: R4 counts a session only
        // for the exercises it prescribed at their full dose.
        let today_prescribed: Vec<PrescribedSlot> = super::exercises_folded(self)
            .into_iter()
            .map(|p| PrescribedSlot {
                exercise_id: p.exercise_id,
                block: p.block,
                full_dose: p.full_dose,
            })
            .collect();
        if *self.last_prescribed != *today_prescribed {
            self.last_prescribed = Rc::from(today_prescribed);
        }
        let mut prescribed = Rc::clone(&self.last_prescribed);
        for report in reports {
            let red = session_light(report, day_back_pain, None, &self.plan.rules) == Light::Red;
            self.today_sessions.push(TodaySession {
                report,
                day_back_pain,
                morning: None,
                prescribed: Rc::clone(&prescribed),
            });
            if red {
                // R6: the rest of the date is a rest day; a later session had nothing
                // prescribed.
                prescribed = Rc::from(Vec::new());
            }
        }
    }

    /// A session earlier on the date decided that was red on its own report (R6: the rest of
    /// the date is a rest day). Green and amber sessions count from the next date.
    pub fn red_earlier_today(&self) -> bool {
        !self.before_todays_sessions
            && self.today_sessions.iter().any(|s| {
                session_light(s.report, s.day_back_pain, None, &self.plan.rules) == Light::Red
            })
    }

    /// §4: a check-in's red-flag answers wait for a clearance; background risk factors also
    /// stay on record (a plan whose clinician screened them does not pause for them).
    fn note_flags(&mut self, date: NaiveDate, check_in: &CheckIn) {
        if check_in.risk_factors_asked {
            // A new intake's answers replace the record.
            self.factors_on_record.clear();
        }
        for &flag in &check_in.red_flags {
            let factor = flag.kind() == FlagKind::RiskFactor;
            if factor {
                self.factors_on_record.insert(flag);
                if self.plan.risk_factors_screened {
                    continue;
                }
            }
            self.uncleared.entry(flag).or_insert(date);
        }
    }

    /// The plan's screened signs count as a clearance on its start date (or the first day
    /// folded, when it has none), covering what had been reported by then.
    fn apply_plan_screening(&mut self, date: NaiveDate) {
        if self.plan_screening_applied || self.plan.start_date.is_some_and(|start| date < start) {
            return;
        }
        self.plan_screening_applied = true;
        let screened = &self.plan.screened_signs;
        self.uncleared.retain(|flag, _| !screened.contains(flag));
    }

    /// R8: the "which describes your pain best" answer sets a `NotSet` plan's presentation only
    /// when the person confirmed it, and never moves away from nerve while the leg hurts.
    fn follow_presentation(&mut self, check_in: &CheckIn) {
        let followed = presentation::followed_answer(self.plan, self.pain_kind, check_in);
        if followed != self.pain_kind {
            self.pain_kind = followed;
            self.rebuild_if_presentation_changed();
        }
    }

    /// The most serious red-flag answer not yet cleared.
    pub fn uncleared_tier(&self) -> Option<FlagTier> {
        self.uncleared.keys().map(|f| f.tier()).max()
    }

    fn context(&self) -> Context<'a> {
        Context {
            plan: self.plan,
            circuit: self.circuit,
            catalog: self.catalog,
            presentation: self.built_for,
        }
    }

    /// Add a check-in to its 7-day block.
    fn count_week(&mut self, date: NaiveDate, check_in: &CheckIn) {
        let origin = *self.weeks_origin.get_or_insert(date);
        let Ok(index) = usize::try_from((date - origin).num_days() / 7) else {
            return;
        };
        if self.weeks.len() <= index {
            self.weeks.resize(index + 1, WeekBlock::default());
        }
        let week = &mut self.weeks[index];
        week.back_pain_sum += u32::from(check_in.back_pain.unwrap_or(0));
        week.leg_pain_sum += u32::from(check_in.answered_leg_pain().unwrap_or(0));
        week.answers += 1;
    }

    /// What the referral rules read of the history up to the date folded to.
    pub fn referral_evidence(&self) -> ReferralEvidence<'_> {
        let rules = &self.plan.rules;
        let today = self.today();
        let window = chrono::Duration::days(i64::from(rules.referral_window_days));
        // Only reds after the last "I have seen a clinician" count.
        let since = match self.seen_clinician_on {
            Some(seen) => (today - window).max(seen + chrono::Duration::days(1)),
            None => today - window,
        };
        ReferralEvidence {
            rules,
            today,
            seen_clinician_on: self.seen_clinician_on,
            reds_in_window: self.reds_since(since).len(),
            weeks: &self.weeks,
            weeks_origin: self.weeks_origin,
            weakness_today: self.leg.today_warning.weakness,
            leg_symptoms_since: self.leg.symptoms_since,
        }
    }

    /// Spasm: pain has come down from a gentle day, but fewer than the needed greens since.
    pub fn spasm_settling(&self) -> bool {
        let Some(last_gentle) = self.last_gentle_before_today() else {
            return false;
        };
        self.greens_since(last_gentle) < usize::from(self.plan.rules.greens_to_progress)
    }

    /// A session's light is final: apply it to `settled` (and `speculative` follows).
    fn settle(&mut self, session: LitSession<'a>, morning: Option<MorningAfter>) {
        let lit = LitSession {
            light: session_light(
                session.report,
                session.day_back_pain,
                morning,
                &self.plan.rules,
            ),
            ..session
        };
        let context = self.context();
        self.settled.apply(&lit.lit(), context);
        if lit.light == Light::Red {
            self.last_settled_red = Some(lit.date);
        }
        let greens =
            self.settled_greens[self.settled_lits.len()] + usize::from(lit.light == Light::Green);
        self.settled_greens.push(greens);
        self.settled_lits.push(lit);
        self.speculative = self.settled.clone();
        for pending in &self.unsettled {
            self.speculative.apply(&pending.lit(), context);
        }
    }

    /// The ache rule depends on the presentation, which a `NotSet` plan takes from the latest
    /// answer: when that changes whether it applies, replay the sessions again.
    fn rebuild_if_presentation_changed(&mut self) {
        let now = self.presentation();
        if (now == Presentation::Ache) == (self.built_for == Presentation::Ache) {
            self.built_for = now;
            return;
        }
        self.built_for = now;
        let context = self.context();
        self.settled = SlotReplay::new(self.circuit, self.catalog, self.plan);
        for lit in &self.settled_lits {
            self.settled.apply(&lit.lit(), context);
        }
        self.speculative = self.settled.clone();
        for pending in &self.unsettled {
            self.speculative.apply(&pending.lit(), context);
        }
    }
}
