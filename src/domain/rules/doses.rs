//! R4–R6: how each exercise's dose moves: progression after greens, a set fewer after
//! ambers, a step down after a red, the deload week; and the caps that hold it back.

use chrono::NaiveDate;

use super::Light;
use super::lights::Lit;
use crate::domain::catalog::{Catalog, Dose, MovementBias};
use crate::domain::circuit::Circuit;
use crate::domain::plan::{Plan, Presentation, RuleSettings};

/// An automatic change to a slot, and the date of the session that caused it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Change {
    MovedUp(NaiveDate),
    SetDropped(NaiveDate),
    Eased(NaiveDate),
}

impl Change {
    fn describe(self, rules: &RuleSettings) -> String {
        match self {
            Change::MovedUp(date) => format!(
                "moved up after {} green sessions in a row, the last on {date}",
                rules.greens_to_progress
            ),
            Change::SetDropped(date) => format!(
                "one set fewer after {} amber sessions in a row, the last on {date}",
                rules.ambers_to_drop_set
            ),
            Change::Eased(date) => format!("eased after the red session on {date}"),
        }
    }
}

/// The dose state of one exercise slot as the history moves it.
#[derive(Clone, Debug)]
pub(super) struct Slot {
    pub(super) exercise_id: String,
    pub(super) name: String,
    pub(super) block: usize,
    pub(super) step: u8,
    pub(super) sets: u32,
    pub(super) dose: Dose,
    pub(super) per_side: bool,
    pub(super) bias: MovementBias,
    /// Warm-up and mobility (a one-step ladder): the dose stays as the plan wrote it.
    pub(super) mobility: bool,
    pub(super) greens: u32,
    pub(super) last_progress: Option<NaiveDate>,
    /// The last automatic change, for the reasons list.
    pub(super) last_change: Option<Change>,
    /// Why the slot is no longer prescribed (Ache: extension after an amber).
    pub(super) dropped: Option<String>,
}

pub(super) fn initial_slots(circuit: &Circuit, catalog: &Catalog) -> Vec<Slot> {
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
pub(super) fn gentle_slots(plan: &Plan, catalog: &Catalog) -> Vec<Slot> {
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
pub(super) fn allowed_top(plan: &Plan, catalog: &Catalog, id: &str) -> u8 {
    let top = catalog.get(id).map_or(1, |e| e.top_step());
    plan.limits
        .max_steps
        .get(id)
        .map_or(top, |&max| max.min(top))
}

/// R4: one dose step up; at the top of the step's range, the next step at the bottom of its
/// range. Returns whether anything changed.
pub(super) fn progress(slot: &mut Slot, plan: &Plan, catalog: &Catalog) -> bool {
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
pub(super) fn slot_minutes_grow_past(slot: &Slot, before: Dose, max_minutes: u32) -> bool {
    let secs = |dose: Dose| dose.timed_secs().map_or(0, u64::from) * u64::from(slot.sets);
    secs(slot.dose).saturating_sub(secs(before)) > u64::from(max_minutes) * 60
}

pub(super) fn dose_amount(dose: Dose) -> u32 {
    match dose {
        Dose::Hold { hold_secs } => hold_secs,
        Dose::Reps { reps } => reps,
        Dose::Paced { reps, .. } => reps,
    }
}

/// Whether stepping down from step 1 halves the volume (R6) or leaves it (R2).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum HalveAtStepOne {
    Yes,
    No,
}

/// One ladder step down, at the bottom of that step's range.
pub(super) fn step_down(slot: &mut Slot, catalog: &Catalog, at_step_one: HalveAtStepOne) {
    let lower = catalog
        .get(&slot.exercise_id)
        .and_then(|e| e.step(slot.step.saturating_sub(1)));
    match lower {
        Some(step) if slot.step > 1 => {
            slot.step -= 1;
            slot.dose = no_higher(step.dose, slot.dose);
        }
        _ if at_step_one == HalveAtStepOne::Yes => halve_volume(slot),
        _ => {}
    }
}

pub(super) fn cap_step(slot: &mut Slot, max_step: u8, catalog: &Catalog) {
    if slot.step > max_step.max(1)
        && let Some(step) = catalog
            .get(&slot.exercise_id)
            .and_then(|e| e.step(max_step.max(1)))
    {
        slot.step = max_step.max(1);
        slot.dose = no_higher(step.dose, slot.dose);
    }
}

/// A lower step's dose that never raises anything (clinical spec §5: a rule that adds
/// caution never raises a value): when both doses are of one kind, each part takes the lower
/// of the two; otherwise the lower step's own dose kind applies.
pub(super) fn no_higher(lower_step: Dose, current: Dose) -> Dose {
    match (lower_step, current) {
        (Dose::Hold { hold_secs: a }, Dose::Hold { hold_secs: b }) => Dose::Hold {
            hold_secs: a.min(b),
        },
        (Dose::Reps { reps: a }, Dose::Reps { reps: b }) => Dose::Reps { reps: a.min(b) },
        (
            Dose::Paced {
                reps: a,
                secs_per_rep: sa,
            },
            Dose::Paced {
                reps: b,
                secs_per_rep: sb,
            },
        ) => Dose::Paced {
            reps: a.min(b),
            secs_per_rep: sa.min(sb),
        },
        (lower, _) => lower,
    }
}

/// Half the volume: half the sets, or with one set, half the dose.
pub(super) fn halve_volume(slot: &mut Slot) {
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
pub(super) fn deload_start(reds: &[NaiveDate], rules: &RuleSettings) -> Option<NaiveDate> {
    let needed = usize::from(rules.reds_for_deload.max(1));
    reds.windows(needed)
        .filter(|w| (w[needed - 1] - w[0]).num_days() <= i64::from(rules.deload_window_days))
        .map(|w| w[needed - 1])
        .next_back()
}

/// Every slot's state as the sessions so far have moved it, one session at a time (R4
/// progress after greens, R5 a set fewer after ambers, R6 a step down after a red, and R8
/// (ache) extension exercises dropped after an amber).
#[derive(Clone, Debug)]
pub(super) struct SlotReplay {
    pub(super) slots: Vec<Slot>,
    amber_run: u32,
}

impl SlotReplay {
    pub(super) fn new(circuit: &Circuit, catalog: &Catalog) -> Self {
        Self {
            slots: initial_slots(circuit, catalog),
            amber_run: 0,
        }
    }

    /// Move the slots on by one session and its light.
    pub(super) fn apply(
        &mut self,
        session: &Lit<'_>,
        plan: &Plan,
        catalog: &Catalog,
        presentation: Presentation,
    ) {
        let rules = &plan.rules;
        let slots = &mut self.slots;
        match session.light {
            Light::Green => {
                self.amber_run = 0;
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
                            slot.last_change = Some(Change::MovedUp(session.date));
                        }
                        slot.greens = 0;
                    }
                }
            }
            Light::Amber => {
                self.amber_run += 1;
                for slot in slots.iter_mut() {
                    slot.greens = 0;
                }
                if self.amber_run >= u32::from(rules.ambers_to_drop_set) {
                    self.amber_run = 0;
                    for slot in slots.iter_mut().filter(|s| s.sets > 1) {
                        slot.sets -= 1;
                        slot.last_change = Some(Change::SetDropped(session.date));
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
                self.amber_run = 0;
                for slot in slots.iter_mut().filter(|s| !s.mobility) {
                    slot.greens = 0;
                    step_down(slot, catalog, HalveAtStepOne::Yes);
                    slot.last_change = Some(Change::Eased(session.date));
                }
            }
        }
    }
}

/// One reason per exercise prescribed today at a dose other than the plan's, stating today's
/// dose (after every rule and limit) and what changed it: the history, today's rules, or both.
pub(super) fn changes_from_plan(
    today: &[Slot],
    from_history: &[Slot],
    start: &[Slot],
    rules: &RuleSettings,
) -> Vec<String> {
    let same = |a: &Slot, b: &Slot| (a.step, a.sets, a.dose) == (b.step, b.sets, b.dose);
    let find = |slots: &'_ [Slot], slot: &Slot| {
        slots
            .iter()
            .find(|s| s.exercise_id == slot.exercise_id && s.block == slot.block)
            .cloned()
    };
    today
        .iter()
        .filter_map(|slot| {
            let start = find(start, slot)?;
            if same(slot, &start) {
                return None;
            }
            let history = find(from_history, slot);
            let by_history = history.as_ref().filter(|h| !same(h, &start)).map(|h| {
                h.last_change.map_or_else(
                    || "changed by the rules".to_owned(),
                    |change| change.describe(rules),
                )
            });
            let by_today = history.as_ref().is_none_or(|h| !same(h, slot));
            let cause = match (by_history, by_today) {
                (Some(history), true) => format!("{history}, then lowered by today's rules above"),
                (Some(history), false) => history,
                (None, _) => "lowered by today's rules above".to_owned(),
            };
            Some(format!(
                "{}: today step {}, {} × {} (the plan starts at step {}, {} × {}): {cause}.",
                slot.name,
                slot.step,
                slot.sets,
                slot.dose.describe(),
                start.step,
                start.sets,
                start.dose.describe(),
            ))
        })
        .collect()
}

/// R6 deload: half the volume and step 2 at most, for every exercise with a ladder.
pub(super) fn deload(slots: &mut [Slot], catalog: &Catalog) {
    for slot in slots.iter_mut().filter(|s| !s.mobility) {
        cap_step(slot, 2, catalog);
        halve_volume(slot);
    }
}

/// The physio's limits, applied last so they always win: excluded exercises and top steps.
pub(super) fn apply_limits(
    slots: &mut Vec<Slot>,
    reasons: &mut Vec<String>,
    plan: &Plan,
    catalog: &Catalog,
) {
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
    for slot in slots.iter_mut() {
        if let Some(&max) = plan.limits.max_steps.get(&slot.exercise_id) {
            cap_step(slot, max, catalog);
        }
    }
}
