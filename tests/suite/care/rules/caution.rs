//! Caution never raises anything: a leg warning, an amber, a red or a red flag added to a
//! history never gives any exercise a higher step, a higher dose or more sets (property tests
//! over random histories).

use proptest::prelude::*;
use strongback::domain::care::checkin::{LegTrend, MorningAfter, RedFlag};
use strongback::domain::care::rules::{Prescribed, decide, replay};
use strongback::domain::plan::catalog::Dose;

use super::{
    arb_flag_history, arb_leg_history, cleared, date, either_plan, presentation_values,
    presentations, small_plan,
};
use crate::common::{beside_source, catalog, report};

/// Whether no part of the dose is higher, when the two doses are of the same kind (`None`
/// when they are not: a hold at one step where another counts reps).
fn dose_at_or_below(before: Dose, after: Dose) -> Option<bool> {
    match (before, after) {
        (Dose::Hold { hold_secs: b }, Dose::Hold { hold_secs: a }) => Some(a <= b),
        (Dose::Reps { reps: b }, Dose::Reps { reps: a }) => Some(a <= b),
        (
            Dose::Paced {
                reps: b,
                secs_per_rep: bs,
                ..
            },
            Dose::Paced {
                reps: a,
                secs_per_rep: as_,
                ..
            },
        ) => Some(a <= b && as_ <= bs),
        _ => None,
    }
}

/// `after` is not raised above `before` (clinical spec v2): a lower step, or at the same step
/// no more sets and no dimension of the dose higher.
fn not_raised(before: &Prescribed, after: &Prescribed) -> bool {
    if after.step != before.step {
        return after.step < before.step;
    }
    after.sets <= before.sets && dose_at_or_below(before.dose, after.dose) == Some(true)
}

/// Stricter than `not_raised`, for a warning on the day itself: step, sets and each part of
/// the dose all at or below, even at a lower step (a dose of another kind only at a lower
/// step).
fn nowhere_above(before: &Prescribed, after: &Prescribed) -> bool {
    let dose_ok = dose_at_or_below(before.dose, after.dose).unwrap_or(after.step < before.step);
    after.step <= before.step && after.sets <= before.sets && dose_ok
}

proptest! {
    #![proptest_config(beside_source(ProptestConfig::with_cases(96)))]

    /// Caution never raises anything: a leg-symptom warning added to a day's check-in never
    /// gives any exercise a higher step, dose or more sets that day, whatever else the day's
    /// rules (spasm short holds, deload, limits) already did.
    #[test]
    fn a_nerve_warning_never_raises_any_exercise(
        days in arb_flag_history(),
        presentation in presentation_values(),
        which in 0usize..84,
    ) {
        let p = small_plan(presentation, "");
        let catalog = catalog();
        let with_check_ins: Vec<usize> = (0..days.len()).filter(|i| days[*i].check_in.is_some()).collect();
        prop_assume!(!with_check_ins.is_empty());
        let index = with_check_ins[which % with_check_ins.len()];
        let mut warned = days.clone();
        if let Some(check_in) = &mut warned[index].check_in {
            check_in.new_numbness = true;
        }
        let today = days[index].date;
        let before = decide(&p.plan, &p.circuit, &catalog, &days, today);
        let after = decide(&p.plan, &p.circuit, &catalog, &warned, today);
        for exercise in &after.exercises {
            if let Some(was) = before.exercises.iter().find(|e| e.exercise_id == exercise.exercise_id) {
                prop_assert!(
                    nowhere_above(was, exercise),
                    "{} went from {:?} to {:?} on {}", exercise.exercise_id, was, exercise, today
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(beside_source(ProptestConfig::with_cases(48)))]

    /// Adding an amber, a red, a leg warning (new numbness, or the leg further down) or a red
    /// flag (cleared the next day) to one day never raises any exercise's step, dose or sets
    /// on any later day.
    #[test]
    fn more_caution_in_a_history_never_raises_a_later_day(
        days in arb_leg_history(),
        presentation in presentations(),
        with_floor_work in any::<bool>(),
        at in 0usize..60,
        kind in 0u8..5,
    ) {
        let p = either_plan(with_floor_work, presentation);
        let mut cautious = days.clone();
        let at = at % days.len();
        match kind {
            // An amber: the morning after the day's session was worse, settled within a day.
            0 => {
                if cautious[at].sessions.is_empty() || at + 1 >= cautious.len() {
                    return Ok(());
                }
                if let Some(c) = cautious[at + 1].check_in.as_mut() {
                    if c.morning_after == Some(MorningAfter::WorseNotSettled) {
                        return Ok(());
                    }
                    c.morning_after = Some(MorningAfter::WorseButSettled);
                }
            }
            1 => cautious[at].sessions = vec![report(7)],
            2 => if let Some(c) = cautious[at].check_in.as_mut() { c.new_numbness = true; },
            3 => if let Some(c) = cautious[at].check_in.as_mut() { c.leg_trend = Some(LegTrend::Further); },
            // A red flag the base histories never give, cleared (by name) the next day.
            _ => {
                if let Some(c) = cautious[at].check_in.as_mut() {
                    c.red_flags.push(RedFlag::RecentTrauma);
                }
                let next = u32::try_from(at).unwrap_or(0) + 2;
                cautious.push(cleared(next, &[RedFlag::RecentTrauma]));
            }
        }
        let plain = replay(&p, &catalog(), &days);
        let careful = replay(&p, &catalog(), &cautious);
        for (a, b) in plain.iter().zip(&careful) {
            prop_assert_eq!(a.date, b.date);
            if a.date <= date(u32::try_from(at).unwrap_or(0) + 1) {
                continue;
            }
            for after in &b.exercises {
                if let Some(before) = a.exercises.iter().find(|e| e.exercise_id == after.exercise_id && e.block == after.block) {
                    prop_assert!(
                        not_raised(before, after),
                        "{} on {}: {:?} → {:?}", after.exercise_id, b.date, before, after
                    );
                }
            }
        }
    }
}
