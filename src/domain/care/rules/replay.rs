//! R4–R6 over the history: every session, with its light, moves each exercise's dose — up
//! after greens of that exercise at its full dose, a set fewer after ambers, a step down (or
//! half the volume at step 1) after a red, and back again after greens; the deload week's
//! life cycle is kept here too.

use std::rc::Rc;

use chrono::NaiveDate;

use super::Light;
use super::doses::{Change, Rx, Slot, initial_slots, progressed, stepped_down};
use super::limits::longest_fitting_hold;
use crate::domain::care::checkin::SessionReport;
use crate::domain::plan::catalog::{Catalog, Dose, MovementBias};
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::timeline::Timeline;
use crate::domain::plan::{Plan, Presentation};

/// One exercise as the rules prescribed it on a session's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PrescribedSlot {
    pub exercise_id: String,
    pub block: usize,
    /// At its full current dose: nothing (R2, R5, R6's halving, R8, a deload) reduced it.
    pub full_dose: bool,
}

/// A past session with its light and what was prescribed that day.
#[derive(Clone)]
pub(super) struct Lit<'a> {
    pub date: NaiveDate,
    pub report: &'a SessionReport,
    pub light: Light,
    pub prescribed: Rc<[PrescribedSlot]>,
}

impl Lit<'_> {
    fn prescribed(&self, slot: &Slot) -> Option<&PrescribedSlot> {
        self.prescribed
            .iter()
            .find(|p| p.exercise_id == slot.exercise_id && p.block == slot.block)
    }
}

/// What the plan, the circuit and the catalog give every replayed session.
#[derive(Clone, Copy)]
pub(super) struct Context<'a> {
    pub plan: &'a Plan,
    pub circuit: &'a Circuit,
    pub catalog: &'a Catalog,
    pub presentation: Presentation,
}

/// Every slot's state as the sessions so far have moved it, one session at a time.
#[derive(Clone, Debug)]
pub(super) struct SlotReplay {
    pub slots: Vec<Slot>,
    /// Amber (or red) sessions in a row (R5).
    amber_run: u32,
    /// The second red of the current deload week (R6).
    deload_from: Option<NaiveDate>,
    /// Reds not yet used for a deload (a red counts toward one deload only).
    unused_reds: Vec<NaiveDate>,
}

impl SlotReplay {
    pub fn new(circuit: &Circuit, catalog: &Catalog, plan: &Plan) -> Self {
        Self {
            slots: initial_slots(circuit, catalog, &plan.rules),
            amber_run: 0,
            deload_from: None,
            unused_reds: Vec::new(),
        }
    }

    /// The deload week `date` falls in, as the date it began.
    pub fn deload_on(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.deload_from
            .filter(|from| (0..7).contains(&(date - *from).num_days()))
    }

    /// Move the slots on by one session and its light.
    pub fn apply(&mut self, session: &Lit<'_>, context: Context<'_>) {
        // What the days before it allowed was prescribed that day.
        self.catch_up(session.date, context);
        match session.light {
            Light::Green => self.green(session, context),
            Light::Amber => {
                self.not_green(session, context);
                self.leave_out_extension(session, context);
            }
            Light::Red => {
                self.not_green(session, context);
                self.red(session, context);
                self.leave_out_extension(session, context);
            }
        }
    }

    fn green(&mut self, session: &Lit<'_>, context: Context<'_>) {
        self.amber_run = 0;
        for index in 0..self.slots.len() {
            let slot = &self.slots[index];
            if slot.dropped.is_some() || slot.mobility {
                continue;
            }
            // Not prescribed that day: the session neither counts nor breaks its runs.
            let Some(prescribed) = session.prescribed(slot) else {
                continue;
            };
            let full_dose = prescribed.full_dose;
            let completed = session.report.completed(&slot.exercise_id);
            let slot = &mut self.slots[index];
            slot.last_green = Some(session.date);
            if slot.reduced_by_history() {
                // R5/R6 recovery: greens in which it was prescribed, at whatever dose.
                slot.recovery_greens += 1;
            } else if full_dose {
                // R4: greens of it at its full dose, completed.
                slot.greens = if completed { slot.greens + 1 } else { 0 };
            }
            self.increase_if_due(index, session.date, context);
        }
    }

    /// Every increase earned by greens before `date` and held back only by the week between
    /// increases takes effect on the first day that week allows: a set dropped after ambers
    /// comes back after two greens even when no session follows them.
    pub fn catch_up(&mut self, date: NaiveDate, context: Context<'_>) {
        for index in 0..self.slots.len() {
            let slot = &self.slots[index];
            if slot.dropped.is_some() || slot.mobility {
                continue;
            }
            self.increase_if_due(index, date, context);
        }
    }

    /// R4 and the R5/R6 recovery: the one increase its greens have earned, if the week since
    /// the last increase has passed by `date` (it takes effect on the first day it may).
    fn increase_if_due(&mut self, index: usize, date: NaiveDate, context: Context<'_>) {
        let rules = &context.plan.rules;
        let needed = u32::from(rules.greens_to_progress);
        let slot = &self.slots[index];
        let recovering = slot.reduced_by_history();
        let earned = if recovering {
            slot.recovery_greens >= needed
        } else {
            slot.greens >= needed
        };
        let Some(earned_on) = slot.last_green.filter(|_| earned) else {
            return;
        };
        let gap = chrono::Duration::days(i64::from(rules.min_days_between_progressions));
        let effective = match slot.last_increase {
            Some(last) if date < last + gap => return,
            Some(last) => earned_on.max(last + gap),
            None => earned_on,
        };
        let mut moved = slot.clone();
        let change = if recovering {
            // The halving ends first, then dropped sets return one at a time: a history with
            // more caution is never restored ahead of one with less.
            moved.recovery_greens = 0;
            if moved.halved {
                moved.halved = false;
                Change::HalvingEnded(earned_on)
            } else {
                moved.sets_dropped -= 1;
                Change::SetRestored(earned_on)
            }
        } else {
            self.slots[index].greens = 0;
            moved.greens = 0;
            let Some(rx) = progressed(&moved, context.plan, context.catalog) else {
                return;
            };
            moved.base = rx;
            moved.fitted = false;
            Change::MovedUp(earned_on)
        };
        if self.fits(index, &moved, context) {
            moved.last_increase = Some(effective);
            moved.last_change = Some(change);
            moved.held_back = None;
            self.slots[index] = moved;
        } else {
            self.slots[index].held_back = Some(earned_on);
        }
    }

    /// An amber or a red: every run breaks, and (R5) enough of them in a row drop a set.
    /// A red counts toward the run as an amber would: it is never milder than one.
    fn not_green(&mut self, session: &Lit<'_>, context: Context<'_>) {
        for slot in &mut self.slots {
            slot.greens = 0;
            slot.recovery_greens = 0;
        }
        self.amber_run += 1;
        if self.amber_run < u32::from(context.plan.rules.ambers_to_drop_set.max(1)) {
            return;
        }
        self.amber_run = 0;
        for slot in self.slots.iter_mut().filter(|s| !s.mobility) {
            if slot.base.sets.saturating_sub(slot.sets_dropped) > 1 {
                slot.sets_dropped += 1;
                slot.last_change = Some(Change::SetDropped(session.date));
            }
        }
    }

    /// R6: a step down (at step 1, half the volume) for every exercise with a ladder, and
    /// the deload week after two reds within its window.
    fn red(&mut self, session: &Lit<'_>, context: Context<'_>) {
        let rules = &context.plan.rules;
        let mut now_holds = Vec::new();
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if slot.mobility {
                continue;
            }
            match stepped_down(slot, context.catalog, rules) {
                Some(rx) => {
                    let is_hold = |dose: Dose| matches!(dose, Dose::Hold { .. });
                    if is_hold(rx.dose) && !is_hold(slot.base.dose) {
                        now_holds.push(index);
                    }
                    slot.base = rx;
                    slot.fitted = false;
                    slot.last_change = Some(Change::SteppedDown(session.date));
                }
                None => {
                    slot.halved = true;
                    slot.last_change = Some(Change::Halved(session.date));
                }
            }
        }
        self.fit_new_holds(&now_holds, context);
        if self.deload_on(session.date).is_some() {
            // A red during the week starts it again.
            self.deload_from = Some(session.date);
            return;
        }
        let window = i64::from(rules.deload_window_days);
        self.unused_reds.push(session.date);
        self.unused_reds
            .retain(|red| (session.date - *red).num_days() <= window);
        if self.unused_reds.len() >= usize::from(rules.reds_for_deload.max(1)) {
            self.deload_from = Some(session.date);
            self.unused_reds.clear();
        }
    }

    /// R8 ache: extension exercises are left out after an amber or red session that had one.
    fn leave_out_extension(&mut self, session: &Lit<'_>, context: Context<'_>) {
        if context.presentation != Presentation::Ache {
            return;
        }
        for index in 0..self.slots.len() {
            let slot = &self.slots[index];
            if slot.bias != MovementBias::Extension
                || slot.dropped.is_some()
                || session.prescribed(slot).is_none()
            {
                continue;
            }
            let reason = format!(
                "{} is left out: it bends the back backwards and the session of {} that included it was {}.",
                slot.name,
                crate::domain::dates::short_date(session.date),
                if session.light == Light::Red {
                    "red"
                } else {
                    "amber"
                }
            );
            self.slots[index].dropped = Some(reason);
        }
    }

    /// A step down that turned reps into a hold (dead bug and ball curl hold at step 1) must
    /// not take the session past the physio's length: those holds are shortened, the latest in
    /// the session first, never below the lower of the floor and the hold. The shortened hold
    /// is the top of that step for this plan (R4 moves on to the next step from it).
    fn fit_new_holds(&mut self, now_holds: &[usize], context: Context<'_>) {
        let Some(max_minutes) = context.plan.limits.max_session_minutes else {
            return;
        };
        let limit = u64::from(max_minutes) * 60;
        let (rules, floors) = (&context.plan.rules, context.catalog.floors);
        let secs = |slots: &[Slot]| {
            session_secs(context.circuit, slots, |s| s.after_history(rules, floors))
        };
        for &index in now_holds.iter().rev() {
            if secs(&self.slots) <= limit {
                return;
            }
            let Dose::Hold { hold_secs } = self.slots[index].base.dose else {
                continue;
            };
            let mut trial = self.slots.clone();
            let held = longest_fitting_hold(
                hold_secs,
                floors.hold_secs,
                rules.progress_hold_secs,
                |secs_tried| {
                    trial[index].base.dose = Dose::Hold {
                        hold_secs: secs_tried,
                    };
                    secs(&trial) <= limit
                },
            );
            let slot = &mut self.slots[index];
            slot.base.dose = Dose::Hold { hold_secs: held };
            slot.fitted = held < hold_secs;
        }
    }

    /// Whether the session, with slot `index` changed to `changed`, stays within the physio's
    /// longest session (every exercise at its full dose, as the player would run it).
    fn fits(&self, index: usize, changed: &Slot, context: Context<'_>) -> bool {
        let Some(max_minutes) = context.plan.limits.max_session_minutes else {
            return true;
        };
        let mut slots = self.slots.clone();
        slots[index] = changed.clone();
        let rx_of = |slot: &Slot| slot.after_history(&context.plan.rules, context.catalog.floors);
        session_secs(context.circuit, &slots, rx_of) <= u64::from(max_minutes) * 60
    }
}

/// The planned length of the circuit with each slot at the prescription `rx_of` gives it
/// (slots left out are left out).
pub(super) fn session_secs(circuit: &Circuit, slots: &[Slot], rx_of: impl Fn(&Slot) -> Rx) -> u64 {
    let mut circuit = circuit.clone();
    for (index, block) in circuit.blocks.iter_mut().enumerate() {
        block.items.retain_mut(|item| {
            let Some(slot) = slots
                .iter()
                .find(|s| s.block == index && s.exercise_id == item.exercise_id)
            else {
                return false;
            };
            if slot.dropped.is_some() {
                return false;
            }
            let rx = rx_of(slot);
            item.step = rx.step;
            item.sets = rx.sets;
            item.dose = rx.dose;
            true
        });
    }
    Timeline::build(&circuit).planned_total_secs()
}
