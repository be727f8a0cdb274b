//! The rules of clinical spec §5: from the plan, the check-ins and the session reports, decide
//! a day. Deterministic, no clock: the date is passed in. Every change from the plan as written
//! carries a reason the person can read.
//!
//! The engine replays the history in date order. Session lights (R3) move each exercise's dose
//! (R4–R6) from the plan's starting point; then the day's own answers and recent pattern set the
//! status (R0–R2, R6–R8), and the physio's limits are applied last, so they always win.

use chrono::NaiveDate;
use serde::Serialize;

mod doses;
mod every_date;
mod fold;
mod leg_follow;
mod lights;
mod limits;
mod presentation;
mod referrals;
mod replay;
mod safety;

pub use every_date::{
    decisions_for, for_each_decision, for_each_decision_before_sessions, referrals_raised,
};

use crate::domain::care::checkin::{Day, LegTrend, RedFlag, flag_list};
use crate::domain::plan::catalog::{Catalog, Dose};
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::{Plan, Presentation};

use doses::{Caution, DaySlot, initial_slots};
use fold::Fold;
use limits::{apply_limits, changes_from_plan, longest_fitting_hold};
use presentation::{SpasmDay, nerve_day, spasm_day};
use referrals::{clinician_contact, routine_referral};
use safety::{nerve_warning_day, red_flag_stop};

pub use leg_follow::OpenLegWarning;
pub use lights::session_light;
pub use presentation::effective_presentation;
pub use referrals::RaisedReferral;

/// What today is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Train,
    Gentle,
    Deload,
    Rest,
    Paused,
    Stopped,
}

/// Who to see, and how soon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Referral {
    None,
    Routine,
    Urgent,
    Emergency,
}

/// How a session went (R3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Light {
    Green,
    Amber,
    Red,
}

impl Light {
    /// "green", "amber", "red".
    pub fn name(self) -> &'static str {
        match self {
            Light::Green => "green",
            Light::Amber => "amber",
            Light::Red => "red",
        }
    }

    /// What the light means under these settings, in a line the person can read.
    pub fn meaning(self, rules: &crate::domain::plan::RuleSettings) -> String {
        match self {
            Light::Green => format!(
                "green: worst pain {} or less (or up to {} and no more than {} above your pain \
                 before), nothing sharp, and no worse the next day",
                rules.green_max_pain, rules.amber_max_pain, rules.green_rise
            ),
            Light::Amber => format!(
                "amber: worst pain up to {}, or worse the next day but back to usual within a day",
                rules.amber_max_pain
            ),
            Light::Red => format!(
                "red: worst pain {} or more, sharp or shooting pain worse than usual, or still \
                 worse the next day",
                rules.amber_max_pain.saturating_add(1)
            ),
        }
    }
}

/// One exercise as prescribed for the day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prescribed {
    pub exercise_id: String,
    pub block: usize,
    pub step: u8,
    pub sets: u32,
    pub dose: Dose,
    pub per_side: bool,
    /// At its full current dose: no rule reduced it today (R4 counts only such sessions).
    pub full_dose: bool,
}

/// The day's decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayDecision {
    pub date: NaiveDate,
    pub status: Status,
    /// The light of the most recent session before this date (`None` before there is one).
    pub light: Option<Light>,
    pub referral: Referral,
    /// The red-flag answers that stop or pause training until a clearance covers them.
    pub red_flags: Vec<RedFlag>,
    /// Empty when the status is rest, paused or stopped.
    pub exercises: Vec<Prescribed>,
    pub reasons: Vec<String>,
}

/// Decide `today` from everything recorded up to it. `days` may be in any order and may hold
/// later dates; they are ignored. Sessions reported on `today` count only as far as R6 goes:
/// a red one makes the rest of the date a rest day; the doses stay those of the morning (a
/// green or amber session moves them from the next date). Call it again after a session
/// report is saved.
pub fn decide(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    today: NaiveDate,
) -> DayDecision {
    let mut fold = Fold::new(plan, circuit, catalog, days);
    fold.advance_to(today);
    decide_folded(&fold)
}

/// The decision for `today` as it stood before that date's sessions: what they were
/// prescribed (for a past session's detail). [`decide`] gives the decision as it stands after
/// them: a red session earlier that date makes the rest of it a rest day.
pub fn decide_before_sessions(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    today: NaiveDate,
) -> DayDecision {
    let before: Vec<Day> = days
        .iter()
        .map(|d| {
            if d.date == today {
                Day {
                    session: None,
                    sessions: Vec::new(),
                    ..d.clone()
                }
            } else {
                d.clone()
            }
        })
        .collect();
    decide(plan, circuit, catalog, &before, today)
}

/// The leg-symptom warning still open when `today`'s check-in begins (today's own check-in
/// left out, so changing today's answers asks the same questions): the check-in asks whether
/// the numbness or weakness reported then is still there.
pub fn open_leg_warning(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    today: NaiveDate,
) -> Option<OpenLegWarning> {
    let before: Vec<Day> = days
        .iter()
        .filter(|d| d.date <= today)
        .map(|d| {
            if d.date == today {
                Day {
                    check_in: None,
                    ..d.clone()
                }
            } else {
                d.clone()
            }
        })
        .collect();
    let mut fold = Fold::new(plan, circuit, catalog, &before);
    fold.advance_to(today);
    fold.leg.open()
}

/// The decision for every date in a days file, in date order, from the same engine as the app.
/// The history is folded once, so this grows with its length, not its square.
pub fn replay(
    plan: &crate::domain::plan::checks::CheckedPlan,
    catalog: &Catalog,
    days: &[Day],
) -> Vec<DayDecision> {
    let mut dates: Vec<_> = days.iter().map(|d| d.date).collect();
    dates.sort();
    dates.dedup();
    decisions_for(&plan.plan, &plan.circuit, catalog, days, &dates)
}

/// Decide the date a history is folded up to, in the order the rules apply.
fn decide_folded(fold: &Fold<'_>) -> DayDecision {
    decide_folded_for(fold, Wanted::Everything)
}

/// What the fold needs of a past date with sessions: the exercises prescribed that day, and
/// not the referral or the reasons (which change no dose), once for every such date.
fn exercises_folded(fold: &Fold<'_>) -> Vec<Prescribed> {
    decide_folded_for(fold, Wanted::ExercisesOnly).exercises
}

/// How much of a decision to work out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Everything,
    /// The status and exercises; the referral is left at none and the reasons incomplete.
    ExercisesOnly,
}

fn decide_folded_for(fold: &Fold<'_>, wanted: Wanted) -> DayDecision {
    let (plan, circuit, catalog) = (fold.plan, fold.circuit, fold.catalog);
    let rules = &plan.rules;
    let today = fold.today();
    let light = fold.light();
    let contact = clinician_contact(plan);
    let red_flags: Vec<RedFlag> = fold.uncleared.keys().copied().collect();
    let decision = |status, referral, exercises, reasons| DayDecision {
        date: today,
        status,
        light,
        referral,
        red_flags: red_flags.clone(),
        exercises,
        reasons,
    };

    // R0, R1: red flags stop or pause until a clinician has cleared the person.
    if let Some(tier) = fold.uncleared_tier() {
        let (status, referral, mut reasons) = red_flag_stop(tier, &red_flags, contact.as_deref());
        if wanted == Wanted::Everything {
            // An open referral stays in view while paused: the same visit can see to it.
            let mut referral_reasons = Vec::new();
            referral_for_today(fold, None, &mut referral_reasons);
            reasons.extend(referral_reasons);
        }
        return decision(status, referral, Vec::new(), reasons);
    }

    let (mut day, mut reasons) = doses_from_history(fold);
    // What the history made of each exercise, before today's own rules; the reasons for the
    // changes are written at the end, so they state the dose actually prescribed.
    let from_history = (wanted == Wanted::Everything).then(|| day.clone());

    let referral = match wanted {
        Wanted::Everything => referral_for_today(fold, contact.as_deref(), &mut reasons),
        Wanted::ExercisesOnly => Referral::None,
    };

    if let Some(rest) = rest_after_red(fold) {
        reasons.insert(0, rest);
        return decision(Status::Rest, referral, Vec::new(), reasons);
    }

    let status = todays_rules(fold, &mut day, &mut reasons);
    physio_limits(fold, status, &mut day, &mut reasons);
    if let Some(from_history) = from_history {
        reasons.extend(changes_from_plan(
            &day,
            &from_history,
            &initial_slots(circuit, catalog, rules),
            rules,
        ));
    }

    decision(status, referral, prescribed(&day), reasons)
}

/// R4–R6 and R8 (ache): the doses the sessions so far moved, and why any exercise was dropped.
fn doses_from_history(fold: &Fold<'_>) -> (Vec<DaySlot>, Vec<String>) {
    let rules = &fold.plan.rules;
    let replay = fold.slots();
    let floors = fold.catalog.floors;
    let reasons: Vec<String> = replay
        .slots
        .iter()
        .filter_map(|s| s.dropped.clone())
        .collect();
    let day: Vec<DaySlot> = replay
        .slots
        .iter()
        .filter(|s| s.dropped.is_none())
        .map(|slot| DaySlot::from_history(slot, rules, floors))
        .collect();
    (day, reasons)
}

/// R7 and the R2 follow-up: the referral the patterns and open referrals call for, with reasons.
fn referral_for_today(
    fold: &Fold<'_>,
    contact: Option<&str>,
    reasons: &mut Vec<String>,
) -> Referral {
    let (mut referral, mut raised) = routine_referral(&fold.referral_evidence());
    // A referral raised earlier stays until the person says they have seen a clinician, with
    // every kind of reason it was raised for, dated and worded as when it was first raised
    // (as the report lists it); a cause raised for the first time today follows.
    for (cause, since, reason) in &fold.open_referral {
        raised.retain(|(today, _)| today != cause);
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "On {}: {reason} This stays until you tell the app that you have seen a clinician.",
            crate::domain::dates::short_date(*since)
        ));
    }
    reasons.extend(raised.into_iter().map(|(_, reason)| reason));
    // §4: a background risk factor on record makes a routine referral urgent.
    if referral == Referral::Routine && !fold.factors_on_record.is_empty() {
        let factors: Vec<RedFlag> = fold.factors_on_record.iter().copied().collect();
        referral = Referral::Urgent;
        reasons.push(format!(
            "Because your record shows {}, please see a clinician within the next few days rather than weeks.",
            flag_list(&factors)
        ));
    }
    if referral != Referral::None
        && let Some(contact) = contact
    {
        reasons.push(format!("Your clinician: {contact}."));
    }
    referral
}

/// R6: the reason for a rest day, when a red session was within 48 h (or earlier today).
fn rest_after_red(fold: &Fold<'_>) -> Option<String> {
    let rules = &fold.plan.rules;
    if fold.red_earlier_today() {
        return Some(format!(
            "Rest for the rest of today: your session today was red, so the next one is at least {} hours later. An easy walk is fine: staying active helps.",
            rules.rest_hours_after_red
        ));
    }
    if let Some(last_red) = fold.last_red()
        && (fold.today() - last_red).num_hours() < i64::from(rules.rest_hours_after_red)
    {
        return Some(format!(
            "Rest day: your session on {} was red, so the next one is at least {} hours later. An easy walk is fine: staying active helps.",
            crate::domain::dates::short_date(last_red),
            rules.rest_hours_after_red
        ));
    }
    None
}

/// R8 spasm, R6 deload, R8 nerve and R2 nerve warning on today's doses; the day's status.
fn todays_rules(fold: &Fold<'_>, day: &mut Vec<DaySlot>, reasons: &mut Vec<String>) -> Status {
    let (catalog, rules) = (fold.catalog, &fold.plan.rules);
    let presentation = fold.presentation();
    let today_check_in = fold.today_check_in;
    let mut status = Status::Train;
    // R8 spasm: a gentle day while pain is high, short holds until two greens.
    if presentation == Presentation::Spasm
        && let Some(check_in) = today_check_in
    {
        status = spasm_day(
            day,
            reasons,
            SpasmDay {
                check_in,
                plan: fold.plan,
                catalog: fold.catalog,
                settling: fold.spasm_settling(),
            },
        );
    }
    // R6 deload: a week at half the volume and step 2 at most, from the second of two reds.
    if status == Status::Train
        && let Some(deload_from) = fold.deload_on_today()
    {
        status = Status::Deload;
        reasons.insert(
            0,
            format!(
                "Deload week until {}: two red sessions within {} days, so half the volume and step 2 at most.",
                crate::domain::dates::short_date(deload_from + chrono::Duration::days(7)),
                rules.deload_window_days
            ),
        );
        for d in day.iter_mut().filter(|d| !d.slot.mobility) {
            d.add(Caution::MaxStep(2), catalog, rules);
            d.add(Caution::HalfVolume, catalog, rules);
        }
    }
    // R8 nerve: never flexion; press-ups only while symptoms come back toward the back.
    if presentation == Presentation::Nerve {
        let centralising = today_check_in.and_then(|c| c.leg_trend) == Some(LegTrend::Closer);
        nerve_day(day, reasons, centralising);
    }
    // R2: a nerve warning today, on every day with a session (a gentle day too): no flexion,
    // no hamstring stretch, everything else one step down.
    if fold.leg.today_warning.any() {
        nerve_warning_day(day, reasons, catalog, rules);
    }
    status
}

/// Physio limits win: applied last, the McGill cap and the session length, with reasons.
fn physio_limits(
    fold: &Fold<'_>,
    status: Status,
    day: &mut Vec<DaySlot>,
    reasons: &mut Vec<String>,
) {
    let (plan, circuit, catalog) = (fold.plan, fold.circuit, fold.catalog);
    let rules = &plan.rules;
    apply_limits(day, reasons, plan, catalog);
    limits::mcgill_reasons(day, reasons, circuit, rules);
    if status != Status::Gentle {
        fit_session(day, reasons, fold);
    }
    for d in day.iter().filter(|d| d.slot.held_back.is_some()) {
        if let Some(max) = plan.limits.max_session_minutes {
            reasons.push(format!(
                "{} stays at {}: moving it up would make the session longer than the {max} minutes your physio set.",
                d.slot.name,
                d.rx.dose.describe_sets(d.rx.sets)
            ));
        }
    }
    if let Some(max) = plan.limits.max_session_minutes {
        for d in day.iter().filter(|d| d.slot.fitted) {
            reasons.push(format!(
                "{}: holds of at most {} at step {}, so that the session stays within the {max} minutes your physio set.",
                d.slot.name,
                d.slot.base.dose.describe(),
                d.slot.base.step,
            ));
        }
    }
}

/// Today's exercises as the decision lists them.
fn prescribed(day: &[DaySlot]) -> Vec<Prescribed> {
    day.iter()
        .map(|d| Prescribed {
            exercise_id: d.slot.exercise_id.clone(),
            block: d.slot.block,
            step: d.rx.step,
            sets: d.rx.sets,
            dose: d.rx.dose,
            per_side: d.slot.per_side,
            full_dose: d.full_dose(),
        })
        .collect()
}

/// The planned length of a day's session as the player will run it.
fn day_secs(fold: &Fold<'_>, day: &[DaySlot]) -> u64 {
    let decision = DayDecision {
        date: fold.today(),
        status: Status::Train,
        light: None,
        referral: Referral::None,
        red_flags: Vec::new(),
        exercises: prescribed(day),
        reasons: Vec::new(),
    };
    let circuit = todays_circuit(fold.circuit, &decision, fold.catalog);
    crate::domain::plan::timeline::Timeline::build(&circuit).planned_total_secs()
}

/// Physio limits: the session length holds for the session as the player will run it. A rule
/// that moved an exercise today to a step of another dose kind can make it longer (dead bug
/// and ball curl hold at step 1); such holds are shortened, the latest in the session first,
/// never below the lower of the floor and the hold, with a reason. Should that not be
/// enough, the other holds are shortened the same way.
fn fit_session(day: &mut [DaySlot], reasons: &mut Vec<String>, fold: &Fold<'_>) {
    let (plan, catalog) = (fold.plan, fold.catalog);
    let Some(max_minutes) = plan.limits.max_session_minutes else {
        return;
    };
    let limit = u64::from(max_minutes) * 60;
    if day_secs(fold, day) <= limit {
        return;
    }
    let is_hold = |dose: Dose| matches!(dose, Dose::Hold { .. });
    let changed_kind =
        |d: &DaySlot| !d.slot.mobility && is_hold(d.rx.dose) && !is_hold(d.slot.base.dose);
    let any_hold = |d: &DaySlot| !d.slot.mobility && is_hold(d.rx.dose);
    for pass in [&changed_kind as &dyn Fn(&DaySlot) -> bool, &any_hold] {
        for index in (0..day.len()).rev() {
            if day_secs(fold, day) <= limit {
                return;
            }
            let Dose::Hold { hold_secs } = day[index].rx.dose else {
                continue;
            };
            if !pass(&day[index]) || day[index].fitted_today().is_some() {
                continue;
            }
            let mut trial = day.to_vec();
            let held = longest_fitting_hold(
                hold_secs,
                catalog.floors.hold_secs,
                plan.rules.progress_hold_secs,
                |secs| {
                    trial[index].rx.dose = Dose::Hold { hold_secs: secs };
                    day_secs(fold, &trial) <= limit
                },
            );
            if held < hold_secs {
                let d = &mut day[index];
                d.add(Caution::FitsSession(held), catalog, &plan.rules);
                reasons.push(format!(
                    "{}: holds of {} today, so that the session stays within the {max_minutes} minutes your physio set.",
                    d.slot.name,
                    d.rx.dose.describe()
                ));
            }
        }
    }
}

/// The circuit the player runs for a decision: the plan's blocks with today's exercises, doses
/// and sets (a gentle day is one block of its own).
pub fn todays_circuit(base: &Circuit, decision: &DayDecision, catalog: &Catalog) -> Circuit {
    let item_for = |p: &Prescribed| {
        let exercise = catalog.get(&p.exercise_id)?;
        let notes = base
            .blocks
            .iter()
            .flat_map(|b| &b.items)
            .find(|i| i.exercise_id == p.exercise_id)
            .map(|i| i.notes.clone())
            .unwrap_or_default();
        Some(crate::domain::plan::circuit::CircuitItem {
            exercise_id: exercise.id.clone(),
            name: exercise.name.clone(),
            step: p.step,
            step_name: exercise
                .step(p.step)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            cue: exercise
                .step(p.step)
                .map(|s| s.cue.clone())
                .unwrap_or_default(),
            top_step: exercise.top_step(),
            per_side: exercise.per_side,
            bias: exercise.bias,
            sets: p.sets,
            dose: p.dose,
            notes,
        })
    };
    let mut circuit = base.clone();
    if decision.status == Status::Gentle {
        circuit.blocks = vec![crate::domain::plan::circuit::CircuitBlock {
            name: "Gentle day".to_owned(),
            rounds: 1,
            rest_between_exercises_secs: Some(15),
            items: decision.exercises.iter().filter_map(item_for).collect(),
        }];
        return circuit;
    }
    for (index, block) in circuit.blocks.iter_mut().enumerate() {
        block.items = decision
            .exercises
            .iter()
            .filter(|p| p.block == index)
            .filter_map(item_for)
            .collect();
    }
    circuit.blocks.retain(|b| !b.items.is_empty());
    circuit
}
