//! The physio's limits and the reasons that report today's changes from the plan: excluded
//! exercises, top steps and McGill caps (applied last, so they always win), the longest hold
//! that keeps a session within its length limit, and one reason per changed exercise.

use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::{Plan, RuleSettings};

use super::doses::{Caution, DaySlot, Slot};

/// The longest hold from `current` down to the lower of `floor` and `current` with which
/// `fits` holds, rounded down to a whole `round_to` where that stays above the floor; the
/// floor when none fits (a floor only stops a reduction). `fits` must be monotone: a shorter
/// hold never makes the session longer.
pub(super) fn longest_fitting_hold(
    current: u32,
    floor: u32,
    round_to: u32,
    mut fits: impl FnMut(u32) -> bool,
) -> u32 {
    let lowest = floor.min(current);
    if fits(current) {
        return current;
    }
    if !fits(lowest) {
        return lowest;
    }
    // fits(low) and !fits(high)
    let (mut low, mut high) = (lowest, current);
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if fits(mid) {
            low = mid;
        } else {
            high = mid;
        }
    }
    let rounded = if round_to > 0 {
        low - low % round_to
    } else {
        low
    };
    if rounded >= lowest { rounded } else { low }
}

/// One reason per exercise prescribed today at a dose other than the plan's, stating today's
/// dose (after every rule and limit) and what changed it: the history, today's rules, or both.
pub(super) fn changes_from_plan(
    today: &[DaySlot],
    from_history: &[DaySlot],
    start: &[Slot],
    rules: &RuleSettings,
) -> Vec<String> {
    let find = |slots: &[DaySlot], slot: &Slot| {
        slots
            .iter()
            .find(|s| s.slot.exercise_id == slot.exercise_id && s.slot.block == slot.block)
            .map(|s| s.rx)
    };
    today
        .iter()
        .filter(|d| !d.gentle)
        .filter_map(|day| {
            let start = start
                .iter()
                .find(|s| s.exercise_id == day.slot.exercise_id && s.block == day.slot.block)?
                .base;
            if day.rx == start {
                return None;
            }
            let history = find(from_history, &day.slot);
            let by_history = history.filter(|h| *h != start).map(|_| {
                day.slot.last_change.map_or_else(
                    || "changed by the rules".to_owned(),
                    |change| change.describe(rules),
                )
            });
            let by_today = history.is_none_or(|h| h != day.rx);
            let cause = match (by_history, by_today) {
                (Some(history), true) => format!("{history}, then lowered by today's rules above"),
                (Some(history), false) => history,
                (None, _) => "lowered by today's rules above".to_owned(),
            };
            Some(format!(
                "{}: today step {}, {} (the plan starts at step {}, {}): {cause}.",
                day.slot.name,
                day.rx.step,
                day.rx.dose.describe_sets(day.rx.sets),
                start.step,
                start.dose.describe_sets(start.sets),
            ))
        })
        .collect()
}

/// The physio's limits, applied last so they always win: excluded exercises and top steps.
pub(super) fn apply_limits(
    day: &mut Vec<DaySlot>,
    reasons: &mut Vec<String>,
    plan: &Plan,
    catalog: &Catalog,
) {
    day.retain(|d| {
        let excluded = plan.limits.excluded_exercises.contains(&d.slot.exercise_id);
        if excluded {
            reasons.push(format!(
                "{} is left out: your physio excluded it.",
                d.slot.name
            ));
        }
        !excluded
    });
    for d in day.iter_mut() {
        if let Some(&max) = plan.limits.max_steps.get(&d.slot.exercise_id) {
            d.add(Caution::MaxStep(max), catalog, &plan.rules);
        }
        // McGill-style holds never above the cap, whatever a plan or the catalog says.
        if d.slot.mcgill {
            d.add(
                Caution::MaxHold(plan.rules.max_mcgill_hold_secs),
                catalog,
                &plan.rules,
            );
        }
    }
}

/// R4's McGill cap: where it holds a McGill-style exercise below the hold its plan asks for,
/// the day says so, with the dose prescribed.
pub(super) fn mcgill_reasons(
    day: &[DaySlot],
    reasons: &mut Vec<String>,
    circuit: &crate::domain::plan::circuit::Circuit,
    rules: &RuleSettings,
) {
    let cap = rules.max_mcgill_hold_secs;
    for d in day.iter().filter(|d| d.slot.mcgill) {
        let asked = circuit
            .blocks
            .get(d.slot.block)
            .and_then(|b| b.items.iter().find(|i| i.exercise_id == d.slot.exercise_id))
            .and_then(|i| i.dose.hold_secs());
        if let Some(asked) = asked.filter(|&asked| asked > cap) {
            reasons.push(format!(
                "{}: holds capped at {cap} s, McGill-style (the plan asks for {asked} s); today step {}, {}.",
                d.slot.name,
                d.rx.step,
                d.rx.dose.describe_sets(d.rx.sets),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_fitting_hold_rounds_down_and_stops_at_the_floor() {
        // Fits up to 37 s: 35 s, a whole 5 s.
        assert_eq!(longest_fitting_hold(45, 5, 5, |h| h <= 37), 35);
        // Fits as it is: unchanged.
        assert_eq!(longest_fitting_hold(45, 5, 5, |_| true), 45);
        // Nothing fits: the floor, never below it.
        assert_eq!(longest_fitting_hold(45, 5, 5, |_| false), 5);
        // Below the floor already: never raised.
        assert_eq!(longest_fitting_hold(3, 5, 5, |_| false), 3);
        // Rounding would pass below the floor: the exact value.
        assert_eq!(longest_fitting_hold(45, 6, 5, |h| h <= 8), 8);
    }
}
