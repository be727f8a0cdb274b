//! Leg warnings (R2): the leg further down (by any of three tests), new numbness or new
//! weakness leave out flexion and the hamstring stretch and step down one, and the 48-hour
//! follow-up refers.

use strongback::domain::care::checkin::{Day, LegExtent, LegTrend};
use strongback::domain::care::rules::{Referral, Status};

use super::{date, day, decide_on, exercise, leg_check_in, mcgill_plan, small_plan};
use crate::common::{built_in_plan, catalog, check_in};

#[test]
fn r2_nerve_warning_drops_flexion_steps_down_and_refers_after_48_hours() {
    let p = small_plan("NotSet", "");
    let mut warn = check_in(3);
    warn.leg_trend = Some(LegTrend::Further);
    let mut days = vec![day(1, Some(warn.clone()), None)];
    let d = decide_on(&p, &days, 1);
    assert!(exercise(&d, "knee_to_chest").is_none(), "flexion left out");
    assert_eq!(
        exercise(&d, "plank").map(|e| e.step),
        Some(1),
        "one step down"
    );
    assert_eq!(exercise(&d, "cat_camel").map(|e| e.step), Some(1));
    assert_eq!(d.referral, Referral::None);
    days.push(day(2, Some(warn.clone()), None));
    assert_eq!(
        decide_on(&p, &days, 2).referral,
        Referral::None,
        "24 h is not yet 48 h"
    );
    days.push(day(3, Some(warn.clone()), None));
    let d = decide_on(&p, &days, 3);
    assert_eq!(d.referral, Referral::Routine);
    assert!(d.reasons.iter().any(|r| r.contains("since 1 Dec 2026")));
    // New numbness counts as a warning too; a clear check-in ends the run.
    let mut numb = check_in(3);
    numb.new_numbness = true;
    days.push(day(4, Some(check_in(2)), None));
    days.push(day(5, Some(numb), None));
    let d = decide_on(&p, &days, 5);
    assert!(exercise(&d, "knee_to_chest").is_none());
    assert_eq!(
        d.referral,
        Referral::Routine,
        "the referral of day 3 stays until a clinician is seen"
    );
    assert!(d.reasons.iter().any(|r| r.starts_with("On 3 Dec 2026")));
}

#[test]
fn r2_the_leg_is_further_down_by_any_of_three_tests() {
    let p = small_plan("NotSet", "");
    let warned = |days: &[Day], n: u32| {
        let d = decide_on(&p, days, n);
        exercise(&d, "knee_to_chest").is_none() && exercise(&d, "plank").map(|e| e.step) == Some(1)
    };
    // Said "the same", but the pain now reaches the foot where it reached the thigh.
    let days = vec![
        day(1, Some(leg_check_in(3, 3, LegExtent::Thigh, None)), None),
        day(
            2,
            Some(leg_check_in(3, 3, LegExtent::Foot, Some(LegTrend::Same))),
            None,
        ),
    ];
    assert!(!warned(&days, 1));
    assert!(
        warned(&days, 2),
        "more distal than the last check-in with leg pain"
    );
    // Below the knee, after a check-in with no leg pain at all.
    let days = vec![
        day(1, Some(check_in(3)), None),
        day(
            2,
            Some(leg_check_in(3, 2, LegExtent::BelowKnee, None)),
            None,
        ),
    ];
    assert!(warned(&days, 2), "below the knee after none");
    // Still at the thigh: no warning.
    let days = vec![
        day(1, Some(leg_check_in(3, 3, LegExtent::Thigh, None)), None),
        day(
            2,
            Some(leg_check_in(3, 4, LegExtent::Thigh, Some(LegTrend::Same))),
            None,
        ),
    ];
    assert!(!warned(&days, 2));
}

#[test]
fn r2_new_weakness_warns_and_refers_the_same_day() {
    let p = small_plan("NotSet", "");
    let mut weak = check_in(3);
    weak.new_weakness = true;
    let d = decide_on(&p, &[day(1, Some(weak), None)], 1);
    assert!(exercise(&d, "knee_to_chest").is_none());
    assert_eq!(d.referral, Referral::Routine);
    assert!(
        d.reasons.iter().any(|r| r.contains("New weakness")),
        "{:?}",
        d.reasons
    );
    let mut numb = check_in(3);
    numb.new_numbness = true;
    let d = decide_on(&p, &[day(1, Some(numb), None)], 1);
    assert!(
        exercise(&d, "knee_to_chest").is_none(),
        "numbness warns too"
    );
    assert_eq!(
        d.referral,
        Referral::None,
        "but does not refer on its own day"
    );
}

#[test]
fn r2_a_warning_day_has_no_hamstring_stretch() {
    let p = built_in_plan();
    let plain = decide_on(&p, &[day(1, Some(check_in(3)), None)], 1);
    assert!(exercise(&plain, "hamstring_stretch").is_some());
    let mut numb = check_in(3);
    numb.new_numbness = true;
    let warned = decide_on(&p, &[day(1, Some(numb), None)], 1);
    assert!(exercise(&warned, "hamstring_stretch").is_none());
    assert!(exercise(&warned, "hip_flexor_stretch").is_some());
}

#[test]
fn r2_still_present_after_48_hours_refers_and_easing_toward_the_back_does_not() {
    let p = small_plan("NotSet", "");
    let start = vec![
        day(1, Some(leg_check_in(3, 3, LegExtent::Thigh, None)), None),
        day(
            2,
            Some(leg_check_in(3, 4, LegExtent::Foot, Some(LegTrend::Further))),
            None,
        ),
    ];
    // 48 h on, "the same": still present.
    let mut same = start.clone();
    same.push(day(
        4,
        Some(leg_check_in(3, 4, LegExtent::Foot, Some(LegTrend::Same))),
        None,
    ));
    let d = decide_on(&p, &same, 4);
    assert_eq!(d.referral, Referral::Routine);
    assert!(
        d.reasons.iter().any(|r| r.contains("since 2 Dec 2026")),
        "{:?}",
        d.reasons
    );
    // Eased back to the thigh with a "closer to the back" answer in between: gone.
    let mut eased = start.clone();
    eased.push(day(
        3,
        Some(leg_check_in(2, 2, LegExtent::Thigh, Some(LegTrend::Closer))),
        None,
    ));
    eased.push(day(
        4,
        Some(leg_check_in(2, 2, LegExtent::Buttock, None)),
        None,
    ));
    assert_eq!(decide_on(&p, &eased, 4).referral, Referral::None);
    // No leg pain at all 48 h on: gone.
    let mut clear = start;
    clear.push(day(4, Some(check_in(2)), None));
    assert_eq!(decide_on(&p, &clear, 4).referral, Referral::None);
}

#[test]
fn r2_a_new_kind_of_warning_after_the_old_one_cleared_starts_a_new_episode() {
    let p = small_plan("NotSet", "");
    let mut numb = check_in(3);
    numb.new_numbness = true;
    let days = vec![
        day(1, Some(numb), None),
        // The numbness has gone; the leg now reaches the foot.
        day(
            2,
            Some(leg_check_in(3, 3, LegExtent::Foot, Some(LegTrend::Further))),
            None,
        ),
        day(
            3,
            Some(leg_check_in(3, 3, LegExtent::Foot, Some(LegTrend::Same))),
            None,
        ),
    ];
    assert_eq!(
        decide_on(&p, &days, 3).referral,
        Referral::None,
        "the leg warning began on day 2: not yet 48 hours"
    );
    let mut later = days.clone();
    later.push(day(
        4,
        Some(leg_check_in(3, 3, LegExtent::Foot, Some(LegTrend::Same))),
        None,
    ));
    assert_eq!(decide_on(&p, &later, 4).referral, Referral::Routine);
}

#[test]
fn numbness_still_there_is_asked_as_still_there_and_refers_after_48_hours() {
    use strongback::domain::care::rules::{OpenLegWarning, open_leg_warning};
    let p = mcgill_plan("");
    let open_on =
        |days: &[Day], n: u32| open_leg_warning(&p.plan, &p.circuit, &catalog(), days, date(n));
    let mut numb = check_in(2);
    numb.new_numbness = true;
    let mut days = vec![day(1, Some(numb.clone()), None)];
    assert_eq!(open_on(&days, 1), None, "today's own check-in is left out");
    assert_eq!(
        open_on(&days, 2),
        Some(OpenLegWarning {
            since: date(1),
            numbness: true,
            weakness: false,
        })
    );
    // Day 2: "still there" (the same field, asked as still there): still open since day 1.
    days.push(day(2, Some(numb.clone()), None));
    assert_eq!(open_on(&days, 3).map(|o| o.since), Some(date(1)));
    // Day 3, 48 h on and still there: a routine referral.
    days.push(day(3, Some(numb.clone()), None));
    assert_eq!(decide_on(&p, &days, 3).referral, Referral::Routine);
    // Answering on day 4 that it is gone closes it: day 5 asks about new numbness again.
    days.push(day(4, Some(check_in(2)), None));
    assert_eq!(open_on(&days, 5), None);
    // A person whose numbness went on day 2 is never referred for it.
    let gone = vec![
        day(1, Some(numb.clone()), None),
        day(2, Some(check_in(2)), None),
        day(3, Some(check_in(2)), None),
    ];
    assert_eq!(decide_on(&p, &gone, 3).referral, Referral::None);
}

#[test]
fn a_nerve_warning_on_a_spasm_gentle_day_still_leaves_out_the_hamstring_stretch() {
    let p = mcgill_plan("presentation: Spasm,");
    let mut warning = leg_check_in(7, 4, LegExtent::Foot, Some(LegTrend::Further));
    warning.new_numbness = true;
    let mut days = vec![day(1, Some(warning.clone()), None)];
    let d = decide_on(&p, &days, 1);
    assert_eq!(d.status, Status::Gentle, "{:?}", d.reasons);
    assert!(
        d.exercises
            .iter()
            .all(|e| e.exercise_id != "hamstring_stretch"),
        "{:?}",
        d.exercises
    );
    assert!(d.exercises.iter().any(|e| e.exercise_id == "walk"));
    assert!(
        d.reasons.iter().any(|r| r.contains("hamstring stretch")),
        "the warning is shown: {:?}",
        d.reasons
    );
    // The episode is followed up like any other: still there 48 hours later, a referral.
    let still = leg_check_in(7, 4, LegExtent::Foot, Some(LegTrend::Same));
    days.push(day(3, Some(still), None));
    let d = decide_on(&p, &days, 3);
    assert_eq!(d.status, Status::Gentle);
    assert_eq!(d.referral, Referral::Routine, "{:?}", d.reasons);
}
