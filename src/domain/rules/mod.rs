//! The rules of clinical spec §5: from the plan, the check-ins and the session reports, decide
//! a day. Deterministic, no clock: the date is passed in. Every change from the plan as written
//! carries a reason the person can read.
//!
//! The engine replays the history in date order. Session lights (R3) move each exercise's dose
//! (R4–R6) from the plan's starting point; then the day's own answers and recent pattern set the
//! status (R0–R2, R6–R8), and the physio's limits are applied last, so they always win.

use chrono::NaiveDate;
use serde::Serialize;

use super::catalog::{Catalog, Dose, MovementBias};
use super::checkin::{CheckIn, Day, FlagTier, LegTrend, MorningAfter, PainKind, SessionReport};
use super::circuit::Circuit;
use super::plan::{Plan, Presentation, RuleSettings};

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

/// One exercise as prescribed for the day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prescribed {
    pub exercise_id: String,
    pub block: usize,
    pub step: u8,
    pub sets: u32,
    pub dose: Dose,
    pub per_side: bool,
}

/// The day's decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayDecision {
    pub date: NaiveDate,
    pub status: Status,
    /// The light of the most recent session before this date (`None` before there is one).
    pub light: Option<Light>,
    pub referral: Referral,
    /// Empty when the status is rest, paused or stopped.
    pub exercises: Vec<Prescribed>,
    pub reasons: Vec<String>,
}

/// R3: the light of a session, from the report and the next morning's answer (if known yet).
pub fn session_light(
    report: &SessionReport,
    next_morning: Option<MorningAfter>,
    rules: &RuleSettings,
) -> Light {
    if report.worst_pain > rules.amber_max_pain
        || report.sharp_or_shooting
        || next_morning == Some(MorningAfter::WorseNotSettled)
    {
        Light::Red
    } else if report.worst_pain > rules.green_max_pain
        || next_morning == Some(MorningAfter::WorseButSettled)
    {
        Light::Amber
    } else {
        Light::Green
    }
}

/// The dose state of one exercise slot as the history moves it.
#[derive(Clone, Debug)]
struct Slot {
    exercise_id: String,
    name: String,
    block: usize,
    step: u8,
    sets: u32,
    dose: Dose,
    per_side: bool,
    bias: MovementBias,
    /// Warm-up and mobility (a one-step ladder): the dose stays as the plan wrote it.
    mobility: bool,
    greens: u32,
    last_progress: Option<NaiveDate>,
    /// The last automatic change, for the reasons list.
    last_change: Option<String>,
    /// Why the slot is no longer prescribed (Ache: extension after an amber).
    dropped: Option<String>,
}

/// A past session with its light.
struct Lit<'a> {
    date: NaiveDate,
    report: &'a SessionReport,
    light: Light,
}

/// Decide `today` from everything recorded up to it. `days` may be in any order and may hold
/// later dates; they are ignored.
pub fn decide(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    today: NaiveDate,
) -> DayDecision {
    let rules = &plan.rules;
    let mut days: Vec<&Day> = days.iter().filter(|d| d.date <= today).collect();
    days.sort_by_key(|d| d.date);
    let presentation = effective_presentation(plan, &days);
    let today_check_in = days
        .iter()
        .rev()
        .find(|d| d.date == today)
        .and_then(|d| d.check_in.as_ref());

    // Sessions before today, each lit by the next morning's answer: one backward pass finds
    // the next check-in after every day, so this stays linear in the history's length.
    let mut next_morning_after: Vec<Option<MorningAfter>> = vec![None; days.len()];
    let mut next_check_in: Option<&CheckIn> = None;
    for (i, day) in days.iter().enumerate().rev() {
        next_morning_after[i] = next_check_in.and_then(|c| c.morning_after);
        if let Some(check_in) = &day.check_in {
            next_check_in = Some(check_in);
        }
    }
    let lit: Vec<Lit<'_>> = days
        .iter()
        .zip(&next_morning_after)
        .filter(|(d, _)| d.date < today)
        .filter_map(|(d, next)| d.session.as_ref().map(|s| (d.date, s, *next)))
        .map(|(date, report, next_morning)| Lit {
            date,
            report,
            light: session_light(report, next_morning, rules),
        })
        .collect();
    let light = lit.last().map(|l| l.light);
    let mut reasons = Vec::new();
    let mut referral = Referral::None;
    let contact = clinician_contact(plan);
    let decision = |status, referral, exercises, reasons| DayDecision {
        date: today,
        status,
        light,
        referral,
        exercises,
        reasons,
    };

    // R0, R1: red flags stop or pause until a clinician has cleared the person.
    if let Some(tier) = uncleared_flag(&days) {
        let (status, referral, text) = match tier {
            FlagTier::Emergency => (
                Status::Stopped,
                Referral::Emergency,
                "Your answers suggest a problem that needs emergency care today. Stop exercising and go to an emergency department or call emergency services now.",
            ),
            FlagTier::Urgent => (
                Status::Paused,
                Referral::Urgent,
                "Your answers suggest you should see a doctor in the next few days. Training is paused until a clinician has checked you.",
            ),
        };
        let mut reasons = vec![text.to_owned()];
        reasons.push("Training starts again once you confirm that a clinician has assessed you and cleared you to exercise.".to_owned());
        if let Some(contact) = &contact {
            reasons.push(format!("Your clinician: {contact}."));
        }
        return decision(status, referral, Vec::new(), reasons);
    }

    // Replay the sessions: R4 progress, R5 amber, R6 red step-down, R8 ache extension drop.
    let mut slots = initial_slots(circuit, catalog);
    let mut amber_run = 0;
    for session in &lit {
        match session.light {
            Light::Green => {
                amber_run = 0;
                for slot in slots
                    .iter_mut()
                    .filter(|s| s.dropped.is_none() && !s.mobility)
                {
                    if !session.report.completed(&slot.exercise_id) {
                        slot.greens = 0;
                        continue;
                    }
                    slot.greens += 1;
                    let waited = slot.last_progress.is_none_or(|last| {
                        (session.date - last).num_days()
                            >= i64::from(rules.min_days_between_progressions)
                    });
                    if slot.greens >= u32::from(rules.greens_to_progress) && waited {
                        if progress(slot, plan, catalog) {
                            slot.last_progress = Some(session.date);
                            slot.last_change = Some(format!(
                                "moved up after {} green sessions in a row, the last on {}",
                                rules.greens_to_progress, session.date
                            ));
                        }
                        slot.greens = 0;
                    }
                }
            }
            Light::Amber => {
                amber_run += 1;
                for slot in &mut slots {
                    slot.greens = 0;
                }
                if amber_run >= u32::from(rules.ambers_to_drop_set) {
                    amber_run = 0;
                    for slot in slots.iter_mut().filter(|s| s.sets > 1) {
                        slot.sets -= 1;
                        slot.last_change = Some(format!(
                            "one set fewer after {} amber sessions in a row, the last on {}",
                            rules.ambers_to_drop_set, session.date
                        ));
                    }
                }
                if presentation == Presentation::Ache {
                    for slot in slots
                        .iter_mut()
                        .filter(|s| s.bias == MovementBias::Extension && s.dropped.is_none())
                    {
                        slot.dropped = Some(format!(
                            "{} is left out: it bends the back backwards and the session of {} was amber.",
                            slot.name, session.date
                        ));
                    }
                }
            }
            Light::Red => {
                amber_run = 0;
                for slot in slots.iter_mut().filter(|s| !s.mobility) {
                    slot.greens = 0;
                    step_down(slot, catalog, HalveAtStepOne::Yes);
                    slot.last_change =
                        Some(format!("eased after the red session on {}", session.date));
                }
            }
        }
    }
    let mut exercises_changed = Vec::new();
    for (slot, start) in slots.iter().zip(initial_slots(circuit, catalog)) {
        if slot.dropped.is_none()
            && (slot.step, slot.sets, slot.dose) != (start.step, start.sets, start.dose)
        {
            exercises_changed.push(format!(
                "{}: step {}, {} × {} (the plan starts at step {}, {} × {}): {}.",
                slot.name,
                slot.step,
                slot.sets,
                slot.dose.describe(),
                start.step,
                start.sets,
                start.dose.describe(),
                slot.last_change
                    .as_deref()
                    .unwrap_or("changed by the rules")
            ));
        }
    }
    reasons.extend(exercises_changed);
    reasons.extend(slots.iter().filter_map(|s| s.dropped.clone()));
    slots.retain(|s| s.dropped.is_none());

    // R7: patterns that call for a routine referral.
    let reds: Vec<NaiveDate> = lit
        .iter()
        .filter(|l| l.light == Light::Red)
        .map(|l| l.date)
        .collect();
    let reds_within = |window_days: u32| {
        reds.iter()
            .filter(|d| (today - **d).num_days() <= i64::from(window_days))
            .count()
    };
    if reds_within(rules.referral_window_days) >= usize::from(rules.reds_for_referral) {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "{} red sessions in the last {} days: please book an appointment with a clinician.",
            reds_within(rules.referral_window_days),
            rules.referral_window_days
        ));
    }
    if let Some((previous, current)) = weekly_means(&days, today)
        && current - previous >= f64::from(rules.weekly_pain_rise_for_referral)
    {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "Your average back pain rose from {previous:.1} to {current:.1} over the last week: please book an appointment with a clinician."
        ));
    }
    if let Some((baseline, current)) = improvement_check(&days, today, rules) {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "After {} weeks your average back pain went from {baseline:.1} to {current:.1}, less than a {}-point improvement: please book an appointment with a clinician.",
            rules.weeks_to_expect_improvement, rules.meaningful_pain_change
        ));
    }

    // R2 follow-up: a nerve warning still there at a check-in at least 48 h after it began.
    if let Some(started) = nerve_warning_since(&days, today)
        && (today - started).num_hours() >= i64::from(rules.nerve_recheck_hours)
    {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "The leg symptoms reported since {started} are still there: please book an appointment with a clinician."
        ));
    }
    if referral != Referral::None
        && let Some(contact) = &contact
    {
        reasons.push(format!("Your clinician: {contact}."));
    }

    // R6: no session within 48 h of a red one.
    if let Some(last_red) = reds.last()
        && (today - *last_red).num_hours() < i64::from(rules.rest_hours_after_red)
    {
        reasons.insert(
            0,
            format!(
                "Rest day: your session on {last_red} was red, so the next one is at least {} hours later.",
                rules.rest_hours_after_red
            ),
        );
        return decision(Status::Rest, referral, Vec::new(), reasons);
    }

    let mut status = Status::Train;

    // R8 spasm: a gentle day while pain is high, short holds until two greens.
    if presentation == Presentation::Spasm
        && let Some(check_in) = today_check_in
    {
        if check_in.back_pain >= rules.spasm_gentle_day_pain
            || check_in.back_pain > rules.spasm_short_holds_pain
        {
            status = Status::Gentle;
            reasons.insert(
                0,
                format!(
                    "Gentle day: with muscle spasm and back pain of {}/10, today is walking, gentle movement and stretches only.",
                    check_in.back_pain
                ),
            );
            slots = gentle_slots(plan, catalog);
        } else if spasm_settling(&days, &lit, today, rules) {
            reasons.push(format!(
                "Short holds (at most {} s, step {} at most) while the spasm settles; the full plan returns after {} green sessions.",
                rules.spasm_short_hold_secs, rules.spasm_max_step, rules.greens_to_progress
            ));
            for slot in &mut slots {
                cap_step(slot, rules.spasm_max_step, catalog);
                if let Dose::Hold { hold_secs } = &mut slot.dose {
                    *hold_secs = (*hold_secs).min(rules.spasm_short_hold_secs);
                }
            }
        }
    }

    // R6 deload: two reds within a week → a week at half volume, ladder at most step 2.
    if status == Status::Train
        && let Some(deload_from) = deload_start(&reds, rules)
        && (today - deload_from).num_days() < 7
    {
        status = Status::Deload;
        reasons.insert(
            0,
            format!(
                "Deload week until {}: two red sessions within {} days, so half the volume and step 2 at most.",
                deload_from + chrono::Duration::days(7),
                rules.deload_window_days
            ),
        );
        for slot in slots.iter_mut().filter(|s| !s.mobility) {
            cap_step(slot, 2, catalog);
            halve_volume(slot);
        }
    }

    // R8 nerve: never flexion; press-ups only while symptoms come back toward the back.
    if presentation == Presentation::Nerve {
        let centralising = today_check_in.and_then(|c| c.leg_trend) == Some(LegTrend::Closer);
        slots.retain(|slot| {
            if slot.bias == MovementBias::Flexion {
                reasons.push(format!("{} is left out: it bends the spine forward, which is avoided with nerve-related leg pain.", slot.name));
                return false;
            }
            if slot.exercise_id == "press_up" && !centralising {
                reasons.push(format!("{} is left out today: it is only used while leg symptoms are easing toward the back.", slot.name));
                return false;
            }
            true
        });
    }

    // R2: a nerve warning today → no flexion, everything else one step down.
    if today_check_in.is_some_and(CheckIn::nerve_warning) && status != Status::Gentle {
        reasons.insert(0, "Your leg symptoms have spread or you noticed new numbness or weakness: today leaves out forward-bending exercises and takes every other exercise one step down. If it is still there in 48 hours, see a clinician.".to_owned());
        slots.retain(|s| s.bias != MovementBias::Flexion);
        for slot in slots.iter_mut().filter(|s| !s.mobility) {
            step_down(slot, catalog, HalveAtStepOne::No);
        }
    }

    // Physio limits win.
    slots.retain(|slot| {
        let excluded = plan.limits.excluded_exercises.contains(&slot.exercise_id);
        if excluded {
            reasons.push(format!(
                "{} is left out: your physio excluded it.",
                slot.name
            ));
        }
        !excluded
    });
    for slot in &mut slots {
        if let Some(&max) = plan.limits.max_steps.get(&slot.exercise_id) {
            cap_step(slot, max, catalog);
        }
    }

    let exercises = slots
        .iter()
        .map(|s| Prescribed {
            exercise_id: s.exercise_id.clone(),
            block: s.block,
            step: s.step,
            sets: s.sets,
            dose: s.dose,
            per_side: s.per_side,
        })
        .collect();
    decision(status, referral, exercises, reasons)
}

/// The decision for every date in the file, in date order, from the same engine as the app.
pub fn replay(
    plan: &super::plan::CheckedPlan,
    catalog: &Catalog,
    days: &[Day],
) -> Vec<DayDecision> {
    let mut dates: Vec<_> = days.iter().map(|d| d.date).collect();
    dates.sort();
    dates.dedup();
    dates
        .into_iter()
        .map(|date| decide(&plan.plan, &plan.circuit, catalog, days, date))
        .collect()
}

/// The plan's presentation or, when the plan leaves it unset, the one the person's latest
/// answer suggests (clinical spec §3, question 8).
pub fn effective_presentation(plan: &Plan, days: &[&Day]) -> Presentation {
    if plan.presentation != Presentation::NotSet {
        return plan.presentation;
    }
    let answer = days
        .iter()
        .rev()
        .find_map(|d| d.check_in.as_ref().and_then(|c| c.pain_kind));
    match answer {
        Some(PainKind::SuddenLocking) => Presentation::Spasm,
        Some(PainKind::ShootingIntoLeg) => Presentation::Nerve,
        Some(PainKind::GeneralAche) => Presentation::Ache,
        Some(PainKind::NoPain) | None => Presentation::NotSet,
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
        Some(super::circuit::CircuitItem {
            exercise_id: exercise.id.clone(),
            name: exercise.name.clone(),
            step: p.step,
            step_name: exercise
                .step(p.step)
                .map(|s| s.name.clone())
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
        circuit.blocks = vec![super::circuit::CircuitBlock {
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

/// Each date from `from` to `to` (with a check-in) on which the referral level rose, with the
/// reason the rules gave: the referral events a clinician report lists.
pub fn referral_events(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, Referral, String)> {
    let mut dates: Vec<NaiveDate> = days
        .iter()
        .filter(|d| d.check_in.is_some() && d.date >= from && d.date <= to)
        .map(|d| d.date)
        .collect();
    dates.sort();
    dates.dedup();
    let mut events = Vec::new();
    let mut previous = Referral::None;
    for date in dates {
        let decision = decide(plan, circuit, catalog, days, date);
        if decision.referral > previous {
            let reason = decision
                .reasons
                .iter()
                .find(|r| {
                    r.contains("clinician") || r.contains("doctor") || r.contains("emergency")
                })
                .or(decision.reasons.first())
                .cloned()
                .unwrap_or_default();
            events.push((date, decision.referral, reason));
        }
        previous = decision.referral;
    }
    events
}

fn clinician_contact(plan: &Plan) -> Option<String> {
    plan.clinician.as_ref().map(|c| {
        if c.contact.is_empty() {
            c.name.clone()
        } else {
            format!("{}, {}", c.name, c.contact)
        }
    })
}

/// The most serious red flag reported since the last clearance, if any.
fn uncleared_flag(days: &[&Day]) -> Option<FlagTier> {
    let mut worst: Option<FlagTier> = None;
    for day in days {
        if let Some(tier) = day.check_in.as_ref().and_then(CheckIn::worst_flag) {
            worst = worst.max(Some(tier));
        }
        // A clearance on the same day comes after that day's check-in.
        if day.clearance.is_some() {
            worst = None;
        }
    }
    worst
}

fn initial_slots(circuit: &Circuit, catalog: &Catalog) -> Vec<Slot> {
    circuit
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(block, b)| {
            b.items.iter().map(move |item| Slot {
                mobility: catalog
                    .get(&item.exercise_id)
                    .is_none_or(|e| e.ladder.len() <= 1),
                last_change: None,
                exercise_id: item.exercise_id.clone(),
                name: item.name.clone(),
                block,
                step: item.step,
                sets: item.sets,
                dose: item.dose,
                per_side: item.per_side,
                bias: item.bias,
                greens: 0,
                last_progress: None,
                dropped: None,
            })
        })
        .collect()
}

/// The gentle-day set (R8): walking, gentle movement, stretches, clamshell, at step 1.
fn gentle_slots(plan: &Plan, catalog: &Catalog) -> Vec<Slot> {
    plan.rules
        .gentle_day_exercises
        .iter()
        .filter_map(|id| catalog.get(id))
        .filter_map(|exercise| {
            let step = exercise.step(1)?;
            Some(Slot {
                mobility: true,
                last_change: None,
                exercise_id: exercise.id.clone(),
                name: exercise.name.clone(),
                block: 0,
                step: 1,
                sets: 1,
                dose: step.dose,
                per_side: exercise.per_side,
                bias: exercise.bias,
                greens: 0,
                last_progress: None,
                dropped: None,
            })
        })
        .collect()
}

/// The highest step automatic changes may reach for an exercise.
fn allowed_top(plan: &Plan, catalog: &Catalog, id: &str) -> u8 {
    let top = catalog.get(id).map_or(1, |e| e.top_step());
    plan.limits
        .max_steps
        .get(id)
        .map_or(top, |&max| max.min(top))
}

/// R4: one dose step up; at the top of the step's range, the next step at the bottom of its
/// range. Returns whether anything changed.
fn progress(slot: &mut Slot, plan: &Plan, catalog: &Catalog) -> bool {
    let rules = &plan.rules;
    let Some(exercise) = catalog.get(&slot.exercise_id) else {
        return false;
    };
    let bottom = exercise.step(slot.step).map_or(slot.dose, |s| s.dose);
    let steps = rules.dose_steps_per_ladder_step;
    let next = match slot.dose {
        Dose::Hold { hold_secs } => {
            let top = dose_amount(bottom) + steps * rules.progress_hold_secs;
            (hold_secs + rules.progress_hold_secs <= top).then_some(Dose::Hold {
                hold_secs: hold_secs + rules.progress_hold_secs,
            })
        }
        Dose::Reps { reps } => {
            let top = dose_amount(bottom) + steps * rules.progress_reps;
            (reps + rules.progress_reps <= top).then_some(Dose::Reps {
                reps: reps + rules.progress_reps,
            })
        }
        // McGill-style repeated holds: the hold stays short; climb the pyramid by one rep.
        Dose::Paced { reps, secs_per_rep } => {
            let top = dose_amount(bottom) + steps;
            (reps < top).then_some(Dose::Paced {
                reps: reps + 1,
                secs_per_rep,
            })
        }
    };
    let before = (slot.step, slot.dose);
    match next {
        Some(dose) => slot.dose = dose,
        None if slot.step < allowed_top(plan, catalog, &slot.exercise_id) => {
            if let Some(step) = exercise.step(slot.step + 1) {
                slot.step += 1;
                slot.dose = step.dose;
            }
        }
        None => {}
    }
    // The physio's longest session is never exceeded by a progression.
    if let Some(max_minutes) = plan.limits.max_session_minutes
        && slot_minutes_grow_past(slot, before.1, max_minutes)
    {
        (slot.step, slot.dose) = before;
    }
    (slot.step, slot.dose) != before
}

/// A rough guard: a hold that grows by more than the limit allows. Session length is checked
/// on the whole circuit by `validate`; here one slot can only add its own increase.
fn slot_minutes_grow_past(slot: &Slot, before: Dose, max_minutes: u32) -> bool {
    let secs = |dose: Dose| dose.timed_secs().map_or(0, u64::from) * u64::from(slot.sets);
    secs(slot.dose).saturating_sub(secs(before)) > u64::from(max_minutes) * 60
}

fn dose_amount(dose: Dose) -> u32 {
    match dose {
        Dose::Hold { hold_secs } => hold_secs,
        Dose::Reps { reps } => reps,
        Dose::Paced { reps, .. } => reps,
    }
}

/// Whether stepping down from step 1 halves the volume (R6) or leaves it (R2).
#[derive(Clone, Copy, PartialEq, Eq)]
enum HalveAtStepOne {
    Yes,
    No,
}

/// One ladder step down, at the bottom of that step's range.
fn step_down(slot: &mut Slot, catalog: &Catalog, at_step_one: HalveAtStepOne) {
    let lower = catalog
        .get(&slot.exercise_id)
        .and_then(|e| e.step(slot.step.saturating_sub(1)));
    match lower {
        Some(step) if slot.step > 1 => {
            slot.step -= 1;
            slot.dose = step.dose;
        }
        _ if at_step_one == HalveAtStepOne::Yes => halve_volume(slot),
        _ => {}
    }
}

fn cap_step(slot: &mut Slot, max_step: u8, catalog: &Catalog) {
    if slot.step > max_step.max(1)
        && let Some(step) = catalog
            .get(&slot.exercise_id)
            .and_then(|e| e.step(max_step.max(1)))
    {
        slot.step = max_step.max(1);
        slot.dose = step.dose;
    }
}

/// Half the volume: half the sets, or with one set, half the dose.
fn halve_volume(slot: &mut Slot) {
    if slot.sets > 1 {
        slot.sets = slot.sets.div_ceil(2);
        return;
    }
    slot.dose = match slot.dose {
        Dose::Hold { hold_secs } => Dose::Hold {
            hold_secs: (hold_secs / 2).max(5),
        },
        Dose::Reps { reps } => Dose::Reps {
            reps: (reps / 2).max(1),
        },
        Dose::Paced { reps, secs_per_rep } => Dose::Paced {
            reps: (reps / 2).max(1),
            secs_per_rep,
        },
    };
}

/// When the current deload week began: the second of two reds within the deload window.
fn deload_start(reds: &[NaiveDate], rules: &RuleSettings) -> Option<NaiveDate> {
    let needed = usize::from(rules.reds_for_deload.max(1));
    reds.windows(needed)
        .filter(|w| (w[needed - 1] - w[0]).num_days() <= i64::from(rules.deload_window_days))
        .map(|w| w[needed - 1])
        .next_back()
}

/// Mean back pain of the last 7 days and of the 7 before, when both have check-ins.
fn weekly_means(days: &[&Day], today: NaiveDate) -> Option<(f64, f64)> {
    let mean_between = |from_days_ago: i64, to_days_ago: i64| {
        let pains: Vec<f64> = days
            .iter()
            .filter(|d| {
                let ago = (today - d.date).num_days();
                ago >= to_days_ago && ago < from_days_ago
            })
            .filter_map(|d| d.check_in.as_ref().map(|c| f64::from(c.back_pain)))
            .collect();
        (!pains.is_empty()).then(|| pains.iter().sum::<f64>() / pains.len() as f64)
    };
    Some((mean_between(14, 7)?, mean_between(7, 0)?))
}

/// R7: after the expected weeks, no meaningful fall in mean back pain from the first week.
fn improvement_check(days: &[&Day], today: NaiveDate, rules: &RuleSettings) -> Option<(f64, f64)> {
    let first = days.iter().find(|d| d.check_in.is_some())?.date;
    if (today - first).num_days() < i64::from(rules.weeks_to_expect_improvement) * 7 {
        return None;
    }
    let mean = |from: NaiveDate, to: NaiveDate| {
        let pains: Vec<f64> = days
            .iter()
            .filter(|d| d.date >= from && d.date < to)
            .filter_map(|d| d.check_in.as_ref().map(|c| f64::from(c.back_pain)))
            .collect();
        (!pains.is_empty()).then(|| pains.iter().sum::<f64>() / pains.len() as f64)
    };
    let week = chrono::Duration::days(7);
    let baseline = mean(first, first + week)?;
    let current = mean(
        today - week + chrono::Duration::days(1),
        today + chrono::Duration::days(1),
    )?;
    (baseline - current < f64::from(rules.meaningful_pain_change)).then_some((baseline, current))
}

/// The date of the first check-in of the current unbroken run of nerve warnings, if today's
/// check-in has one.
fn nerve_warning_since(days: &[&Day], today: NaiveDate) -> Option<NaiveDate> {
    let check_ins: Vec<(NaiveDate, &CheckIn)> = days
        .iter()
        .filter_map(|d| d.check_in.as_ref().map(|c| (d.date, c)))
        .collect();
    let (last_date, last) = check_ins.last()?;
    if *last_date != today || !last.nerve_warning() {
        return None;
    }
    check_ins
        .iter()
        .rev()
        .take_while(|(_, c)| c.nerve_warning())
        .last()
        .map(|(date, _)| *date)
}

/// Spasm: pain has come down from a gentle day, but fewer than the needed greens since.
fn spasm_settling(days: &[&Day], lit: &[Lit<'_>], today: NaiveDate, rules: &RuleSettings) -> bool {
    let last_gentle = days
        .iter()
        .filter(|d| d.date < today)
        .filter(|d| {
            d.check_in
                .as_ref()
                .is_some_and(|c| c.back_pain >= rules.spasm_gentle_day_pain)
        })
        .map(|d| d.date)
        .next_back();
    let Some(last_gentle) = last_gentle else {
        return false;
    };
    let greens_since = lit
        .iter()
        .filter(|l| l.date >= last_gentle && l.light == Light::Green)
        .count();
    greens_since < usize::from(rules.greens_to_progress)
}
