//! Doses and how the rules change them (clinical spec §5): the dose an exercise has reached
//! (its *base*), the reductions the history and today's answers ask for, and the one
//! principle over all of them: a rule that adds caution never raises anything.
//!
//! Every rule that adds caution is a [`Caution`] on the exercise, and the day's dose is worked
//! out from all of them at once ([`prescribe`]): the lowest ladder step any of them gives wins,
//! with that step's own dose kind; then each reduction (half the volume, a shorter hold, fewer
//! sets) is worked out at that final step, on its own, and each dimension takes the lowest
//! value any of them gives. Nothing stacks, and a reduction is never lost because another
//! rule moved the exercise to a step of another dose kind.

use chrono::NaiveDate;

use crate::domain::plan::catalog::{Catalog, Dose, Floors, MovementBias};
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::{Plan, RuleSettings};

/// One exercise's prescription: ladder step, sets and the dose of each set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Rx {
    pub step: u8,
    pub sets: u32,
    pub dose: Dose,
}

/// An automatic change to a slot, and the date of the session that caused it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Change {
    MovedUp(NaiveDate),
    SetDropped(NaiveDate),
    SteppedDown(NaiveDate),
    Halved(NaiveDate),
    SetRestored(NaiveDate),
    HalvingEnded(NaiveDate),
}

impl Change {
    pub(super) fn describe(self, rules: &RuleSettings) -> String {
        let on = |date: chrono::NaiveDate| crate::domain::dates::short_date(date);
        match self {
            Change::MovedUp(date) => format!(
                "moved up after {} green sessions of it in a row, the last on {}",
                rules.greens_to_progress,
                on(date)
            ),
            Change::SetDropped(date) => format!(
                "one set fewer after {} amber (or red) sessions in a row, the last on {}; it comes back after {} green sessions",
                rules.ambers_to_drop_set,
                on(date),
                rules.greens_to_progress
            ),
            Change::SteppedDown(date) => format!(
                "one step down after the red session on {}; it climbs back as sessions go well",
                on(date)
            ),
            Change::Halved(date) => format!(
                "half the volume after the red session on {}, until {} green sessions in a row",
                on(date),
                rules.greens_to_progress
            ),
            Change::SetRestored(date) => {
                format!("a dropped set came back after the session on {}", on(date))
            }
            Change::HalvingEnded(date) => {
                format!("back to the full volume after the session on {}", on(date))
            }
        }
    }
}

/// The dose state of one exercise slot as the history moves it.
#[derive(Clone, Debug)]
pub(super) struct Slot {
    pub exercise_id: String,
    pub name: String,
    pub block: usize,
    pub per_side: bool,
    pub bias: MovementBias,
    /// Warm-up, mobility and stretches (a one-step ladder): the dose stays as the plan wrote it.
    pub mobility: bool,
    /// McGill-style: holds capped at `max_mcgill_hold_secs` whatever else says.
    pub mcgill: bool,
    /// The dose reached: moved up by R4, down by R6's step down. Sets are the plan's.
    pub base: Rx,
    /// R5: sets dropped after ambers, returned after greens.
    pub sets_dropped: u32,
    /// R6 at step 1: half the volume until greens end it.
    pub halved: bool,
    /// R4: green sessions in a row of this exercise at its full dose.
    pub greens: u32,
    /// R5/R6 recovery: green sessions in a row in which it was prescribed.
    pub recovery_greens: u32,
    /// The date the last increase (a progression, a set restored, a halving ended) took
    /// effect: the next one waits `min_days_between_progressions` from it (R4's "at most one
    /// increase per 7 days"; a step down or a dropped set is not an increase).
    pub last_increase: Option<NaiveDate>,
    /// The last green session in which it was prescribed: an increase it earned is dated by it.
    pub last_green: Option<NaiveDate>,
    /// The last automatic change, for the reasons list.
    pub last_change: Option<Change>,
    /// An increase the physio's session-length limit held back, on this date.
    pub held_back: Option<NaiveDate>,
    /// A step down to a hold (dead bug and ball curl hold at step 1) was shortened so that the
    /// session stays within the physio's limit: the base's hold is the top the limit allows.
    pub fitted: bool,
    /// Why the slot is no longer prescribed (Ache: extension after an amber).
    pub dropped: Option<String>,
}

impl Slot {
    fn new(
        exercise_id: &str,
        name: &str,
        block: usize,
        base: Rx,
        catalog: &Catalog,
        rules: &RuleSettings,
    ) -> Slot {
        let exercise = catalog.get(exercise_id);
        let mcgill = exercise.is_some_and(|e| e.mcgill_style);
        let mut base = base;
        if mcgill {
            base = cap_hold(base, rules.max_mcgill_hold_secs);
        }
        Slot {
            exercise_id: exercise_id.to_owned(),
            name: name.to_owned(),
            block,
            per_side: exercise.is_some_and(|e| e.per_side),
            bias: exercise.map_or(MovementBias::Neutral, |e| e.bias),
            mobility: exercise.is_none_or(|e| e.ladder.len() <= 1),
            mcgill,
            base,
            sets_dropped: 0,
            halved: false,
            greens: 0,
            recovery_greens: 0,
            last_increase: None,
            last_green: None,
            last_change: None,
            held_back: None,
            fitted: false,
            dropped: None,
        }
    }

    /// What the history leaves of the base: R5's dropped sets and R6's halving at step 1,
    /// the lower of the two.
    pub fn after_history(&self, rules: &RuleSettings, floors: Floors) -> Rx {
        reduced_at(self.base, &self.history_cautions(), rules, floors)
    }

    /// The reductions the history holds, as cautions on today's dose.
    pub fn history_cautions(&self) -> Vec<Caution> {
        let mut cautions = Vec::new();
        if self.sets_dropped > 0 {
            cautions.push(Caution::SetsDropped(self.sets_dropped));
        }
        if self.halved {
            cautions.push(Caution::HalfVolume);
        }
        cautions
    }

    /// Reductions the history still holds (a dropped set, a halving).
    pub fn reduced_by_history(&self) -> bool {
        self.sets_dropped > 0 || self.halved
    }
}

pub(super) fn initial_slots(
    circuit: &Circuit,
    catalog: &Catalog,
    rules: &RuleSettings,
) -> Vec<Slot> {
    circuit
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(block, b)| {
            b.items.iter().map(move |item| {
                Slot::new(
                    &item.exercise_id,
                    &item.name,
                    block,
                    Rx {
                        step: item.step,
                        sets: item.sets,
                        dose: item.dose,
                    },
                    catalog,
                    rules,
                )
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
            let mut slot = Slot::new(
                &exercise.id,
                &exercise.name,
                0,
                Rx {
                    step: 1,
                    sets: 1,
                    dose: step.dose,
                },
                catalog,
                &plan.rules,
            );
            slot.mobility = true;
            Some(slot)
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

/// How many times a McGill-style pyramid climbs one rep per round within a ladder step
/// (clinical spec §5 R4: 5/3/1 → 6/4/2 → 7/5/3, then the next step).
pub(super) const MCGILL_PYRAMID_CLIMBS: u32 = 2;

/// The dose at the top of a ladder step's range: its starting dose plus
/// `dose_steps_per_ladder_step` increments (a McGill hold never above its cap, and a McGill
/// pyramid [`MCGILL_PYRAMID_CLIMBS`] reps above its start).
pub(super) fn top_of_step(bottom: Dose, mcgill: bool, rules: &RuleSettings) -> Dose {
    let steps = rules.dose_steps_per_ladder_step;
    let pyramid_steps = if mcgill { MCGILL_PYRAMID_CLIMBS } else { steps };
    let top = match bottom {
        Dose::Hold { hold_secs } => Dose::Hold {
            hold_secs: hold_secs + steps * rules.progress_hold_secs,
        },
        Dose::Reps { reps } => Dose::Reps {
            reps: reps + steps * rules.progress_reps,
        },
        Dose::Paced {
            reps,
            secs_per_rep,
            fewer_per_set,
        } => Dose::Paced {
            reps: reps + pyramid_steps,
            secs_per_rep,
            fewer_per_set,
        },
    };
    if mcgill {
        top.capped_hold(rules.max_mcgill_hold_secs)
    } else {
        top
    }
}

/// R4: the next dose step up, or `None` at the top of the step's range. McGill-style holds
/// never pass their cap: they climb the pyramid by a rep per set instead.
pub(super) fn dose_step_up(
    rx: Rx,
    bottom: Dose,
    mcgill: bool,
    rules: &RuleSettings,
) -> Option<Dose> {
    let top = top_of_step(bottom, mcgill, rules);
    let next = match rx.dose {
        Dose::Hold { hold_secs } => Dose::Hold {
            hold_secs: hold_secs + rules.progress_hold_secs,
        },
        Dose::Reps { reps } => Dose::Reps {
            reps: reps + rules.progress_reps,
        },
        Dose::Paced {
            reps,
            secs_per_rep,
            fewer_per_set,
        } => Dose::Paced {
            reps: reps + 1,
            secs_per_rep,
            fewer_per_set,
        },
    };
    let within = match (next, top) {
        (Dose::Hold { hold_secs: a }, Dose::Hold { hold_secs: b }) => a <= b,
        (Dose::Reps { reps: a }, Dose::Reps { reps: b }) => a <= b,
        (Dose::Paced { reps: a, .. }, Dose::Paced { reps: b, .. }) => a <= b,
        _ => false,
    };
    within.then_some(next)
}

/// R4: one dose step up; at the top of the step's range, the next step at the bottom of its
/// range (never above the physio's top step).
pub(super) fn progressed(slot: &Slot, plan: &Plan, catalog: &Catalog) -> Option<Rx> {
    let exercise = catalog.get(&slot.exercise_id)?;
    let rx = slot.base;
    let bottom = exercise.step(rx.step).map_or(rx.dose, |s| s.dose);
    // A hold shortened to fit the physio's session length is the top this step can reach.
    if !slot.fitted
        && let Some(dose) = dose_step_up(rx, bottom, slot.mcgill, &plan.rules)
    {
        return Some(Rx { dose, ..rx });
    }
    if rx.step >= allowed_top(plan, catalog, &slot.exercise_id) {
        return None;
    }
    let next = exercise.step(rx.step + 1)?;
    let dose = if slot.mcgill {
        next.dose.capped_hold(plan.rules.max_mcgill_hold_secs)
    } else {
        next.dose
    };
    Some(Rx {
        step: rx.step + 1,
        dose,
        ..rx
    })
}

/// `rx` at a lower ladder step, at the top of that step's range and never above the dose it
/// had: every rule that moves an exercise down the ladder (R2, R6, the deload's and the
/// spasm's step caps, the physio's top step) moves it the same way, so none can raise what
/// another lowered.
pub(super) fn at_lower_step(
    rx: Rx,
    step: u8,
    slot: &Slot,
    catalog: &Catalog,
    rules: &RuleSettings,
) -> Rx {
    match catalog.get(&slot.exercise_id).and_then(|e| e.step(step)) {
        Some(lower) if step < rx.step => Rx {
            step,
            dose: no_higher(top_of_step(lower.dose, slot.mcgill, rules), rx.dose),
            sets: rx.sets,
        },
        _ => rx,
    }
}

/// R6: one ladder step down (a new base the exercise climbs back from), or `None` at step 1.
pub(super) fn stepped_down(slot: &Slot, catalog: &Catalog, rules: &RuleSettings) -> Option<Rx> {
    let rx = slot.base;
    (rx.step > 1).then(|| at_lower_step(rx, rx.step - 1, slot, catalog, rules))
}

/// Holds (and a paced rep's hold) no longer than `max_secs`.
pub(super) fn cap_hold(rx: Rx, max_secs: u32) -> Rx {
    Rx {
        dose: rx.dose.capped_hold(max_secs),
        ..rx
    }
}

/// A lower step's dose that never raises anything: when both doses are of one kind, each
/// part takes the lower of the two; otherwise the lower step's own dose kind applies.
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
                fewer_per_set: fa,
            },
            Dose::Paced {
                reps: b,
                secs_per_rep: sb,
                fewer_per_set: fb,
            },
        ) => Dose::Paced {
            reps: a.min(b),
            secs_per_rep: sa.min(sb),
            // The smaller drop keeps later sets no bigger than either pyramid's first set.
            fewer_per_set: if a <= b { fa } else { fb },
        },
        (lower, _) => lower,
    }
}

/// The lower of two prescriptions (clinical spec §5): the lowest step wins with its own dose
/// kind, then each dimension takes the lowest value either gives.
pub(super) fn lower_of(a: Rx, b: Rx) -> Rx {
    let (low, high) = if b.step < a.step { (b, a) } else { (a, b) };
    Rx {
        step: low.step,
        sets: a.sets.min(b.sets),
        dose: no_higher(low.dose, high.dose),
    }
}

/// Half the volume (clinical spec §5): reps or hold × `reduce_factor_percent`, rounded down;
/// a pyramid's rounds rounded up (7/5/3 → 4/3/2). A value never goes below the lower of its
/// floor and what it was; where the floor blocks the halving, one set fewer instead.
pub(super) fn half_volume(rx: Rx, rules: &RuleSettings, floors: Floors) -> Rx {
    let factor = rules.reduce_factor_percent.min(100);
    let reduce = |value: u32| value * factor / 100;
    let floored = |value: u32, reduced: u32, floor: u32| reduced.max(floor.min(value));
    let (dose, blocked) = match rx.dose {
        Dose::Hold { hold_secs } => {
            let reduced = reduce(hold_secs);
            let kept = floored(hold_secs, reduced, floors.hold_secs);
            (Dose::Hold { hold_secs: kept }, kept > reduced)
        }
        Dose::Reps { reps } => {
            let reduced = reduce(reps);
            let kept = floored(reps, reduced, floors.reps);
            (Dose::Reps { reps: kept }, kept > reduced)
        }
        Dose::Paced {
            reps,
            secs_per_rep,
            fewer_per_set,
        } if fewer_per_set > 0 => {
            // A pyramid: every round rounded up, so the drop between rounds halves too.
            let reduced = (reps * factor).div_ceil(100);
            let kept = floored(reps, reduced, floors.reps);
            (
                Dose::Paced {
                    reps: kept,
                    secs_per_rep,
                    fewer_per_set: (fewer_per_set * factor / 100).max(1),
                },
                kept > reduced,
            )
        }
        Dose::Paced {
            reps,
            secs_per_rep,
            fewer_per_set,
        } => {
            let reduced = reduce(reps);
            let kept = floored(reps, reduced, floors.reps);
            (
                Dose::Paced {
                    reps: kept,
                    secs_per_rep,
                    fewer_per_set,
                },
                kept > reduced,
            )
        }
    };
    let sets = if blocked {
        rx.sets.saturating_sub(1).max(floors.sets.min(rx.sets))
    } else {
        rx.sets
    };
    Rx {
        step: rx.step,
        sets,
        dose: no_higher(dose, rx.dose),
    }
}

/// Something a rule asks of an exercise today (or the history still holds): the day's dose
/// is worked out from the base and all of them together by [`prescribe`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Caution {
    /// A ladder step no higher than this (the deload, the spasm's short holds, the physio).
    MaxStep(u8),
    /// One ladder step below the dose reached (R2); at step 1, nothing.
    StepDown,
    /// Half the volume, at whatever step the day ends at (the deload, R6 at step 1).
    HalfVolume,
    /// Holds no longer than this (the spasm's short holds, the McGill cap).
    MaxHold(u32),
    /// Holds no longer than this, so that the session stays within the physio's length.
    FitsSession(u32),
    /// This many sets fewer (R5), never below the floor.
    SetsDropped(u32),
}

/// The dose for `base` under every caution (clinical spec §5's one principle): the lowest
/// step any of them gives wins, at the top of its range and never above `base` (so with that
/// step's own dose kind); then each reduction is worked out at that step on its own, and each
/// dimension takes the lowest value any of them gives. Adding a caution can only lower the
/// step, or at the same step lower a value.
pub(super) fn prescribe(
    base: Rx,
    cautions: &[Caution],
    slot: &Slot,
    catalog: &Catalog,
    rules: &RuleSettings,
) -> Rx {
    let step = cautions
        .iter()
        .fold(base.step, |step, caution| match caution {
            Caution::MaxStep(max) => step.min((*max).max(1)),
            Caution::StepDown => step.min(base.step.saturating_sub(1).max(1)),
            _ => step,
        });
    let at = at_lower_step(base, step, slot, catalog, rules);
    reduced_at(at, cautions, rules, catalog.floors)
}

/// The reductions of `cautions` worked out from `at` each on its own, the lowest value of
/// each dimension winning (the step moves are already in `at`).
fn reduced_at(at: Rx, cautions: &[Caution], rules: &RuleSettings, floors: Floors) -> Rx {
    cautions.iter().fold(at, |rx, caution| {
        let reduced = match *caution {
            Caution::HalfVolume => half_volume(at, rules, floors),
            Caution::MaxHold(secs) | Caution::FitsSession(secs) => cap_hold(at, secs),
            Caution::SetsDropped(n) => Rx {
                sets: at.sets.saturating_sub(n).max(floors.sets.min(at.sets)),
                ..at
            },
            Caution::MaxStep(_) | Caution::StepDown => at,
        };
        lower_of(rx, reduced)
    })
}

/// An exercise as prescribed today: its slot (the history's state), today's dose, and the
/// cautions it was worked out from.
#[derive(Clone, Debug)]
pub(super) struct DaySlot {
    pub slot: Slot,
    pub rx: Rx,
    /// Part of a gentle day (never a full dose for R4).
    pub gentle: bool,
    cautions: Vec<Caution>,
}

impl DaySlot {
    /// An exercise as the history left it, before today's rules.
    pub fn from_history(slot: &Slot, rules: &RuleSettings, floors: Floors) -> DaySlot {
        DaySlot {
            rx: slot.after_history(rules, floors),
            cautions: slot.history_cautions(),
            slot: slot.clone(),
            gentle: false,
        }
    }

    /// An exercise of a gentle day, at its own dose.
    pub fn gentle(slot: Slot) -> DaySlot {
        DaySlot {
            rx: slot.base,
            slot,
            gentle: true,
            cautions: Vec::new(),
        }
    }

    /// Add a rule's caution: today's dose is worked out again from the base and every
    /// caution so far (clinical spec §5's one principle), so it can only go down.
    pub fn add(&mut self, caution: Caution, catalog: &Catalog, rules: &RuleSettings) {
        self.cautions.push(caution);
        self.rx = prescribe(self.slot.base, &self.cautions, &self.slot, catalog, rules);
    }

    /// The hold a [`Caution::FitsSession`] shortened today's dose to, if one did.
    pub fn fitted_today(&self) -> Option<u32> {
        self.cautions.iter().find_map(|c| match c {
            Caution::FitsSession(secs) => Some(*secs),
            _ => None,
        })
    }

    /// Prescribed at its full current dose (clinical spec §5 R4): nothing reduced it.
    pub fn full_dose(&self) -> bool {
        !self.gentle && self.rx == self.slot.base
    }
}

#[cfg(test)]
#[path = "doses_tests.rs"]
mod tests;
