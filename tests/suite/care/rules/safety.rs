//! Red flags (clinical spec §4, R0 and R1): an emergency sign stops and a current sign pauses
//! until a clearance that names it; a background risk factor pauses once and makes a routine
//! referral urgent; a plan whose clinician screened them does not pause.

use strongback::domain::care::checkin::{CheckIn, Day, RedFlag};
use strongback::domain::care::rules::{Referral, Status};

use super::{
    cleared, daily_check_ins, day, decide_on, flagged, mcgill_plan, session_day, small_plan,
};
use crate::common::check_in;

/// A check-in that gave this red flag and went on to answer back pain 3.
fn flagged_with_pain(n: u32, flag: RedFlag) -> Day {
    let check = CheckIn {
        red_flags: vec![flag],
        ..check_in(3)
    };
    day(n, Some(check), None)
}

#[test]
fn r0_emergency_flag_stops_until_cleared() {
    let p = small_plan("NotSet", "");
    let mut days = vec![flagged_with_pain(1, RedFlag::SaddleNumbness)];
    let d = decide_on(&p, &days, 1);
    assert_eq!(
        (d.status, d.referral),
        (Status::Stopped, Referral::Emergency)
    );
    assert!(d.exercises.is_empty());
    assert!(d.reasons[0].contains("emergency"));
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("Alex Morgan, 01632 960 123")),
        "clinician contact shown"
    );
    days.push(day(2, Some(check_in(2)), None));
    assert_eq!(
        decide_on(&p, &days, 2).status,
        Status::Stopped,
        "a calm check-in does not lift it"
    );
    days.push(cleared(3, &[]));
    assert_eq!(decide_on(&p, &days, 3).status, Status::Train);
    assert_eq!(decide_on(&p, &days, 4).status, Status::Train);
}

#[test]
fn r1_urgent_flag_pauses_until_cleared_and_emergency_wins() {
    let p = small_plan("NotSet", "");
    let days = vec![flagged_with_pain(1, RedFlag::FeverOrUnwell)];
    let d = decide_on(&p, &days, 1);
    assert_eq!((d.status, d.referral), (Status::Paused, Referral::Urgent));
    let mut both = check_in(3);
    both.red_flags = vec![RedFlag::FeverOrUnwell, RedFlag::UrineChange];
    let d = decide_on(&p, &[day(1, Some(both), None)], 1);
    assert_eq!(d.status, Status::Stopped);
    for flag in RedFlag::ALL {
        let d = decide_on(&p, &[flagged_with_pain(1, flag)], 1);
        assert!(
            matches!(d.status, Status::Stopped | Status::Paused),
            "{flag:?}"
        );
    }
}

#[test]
fn new_emergency_items_stop_and_say_go_now() {
    let p = mcgill_plan("");
    let d = decide_on(&p, &[flagged(1, &[RedFlag::WidespreadNumbness], false)], 1);
    assert_eq!(
        (d.status, d.referral),
        (Status::Stopped, Referral::Emergency)
    );
    assert!(d.reasons[0].contains("now"));
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("numbness or weakness in many places"))
    );
}

#[test]
fn a_background_risk_factor_pauses_once_and_then_makes_a_routine_referral_urgent() {
    let p = mcgill_plan("");
    let mut days = vec![flagged(1, &[RedFlag::CancerHistory], true)];
    let d = decide_on(&p, &days, 1);
    assert_eq!(d.status, Status::Paused);
    assert!(
        d.reasons.iter().any(|r| r.contains("a history of cancer")),
        "the pause names the answer: {:?}",
        d.reasons
    );
    days.push(cleared(2, &[RedFlag::CancerHistory]));
    // Daily check-ins do not ask it again: training goes on.
    days.extend(daily_check_ins(3..=20, 2));
    assert_eq!(decide_on(&p, &days, 20).status, Status::Train);
    // Three reds in two weeks: routine, raised to urgent by the factor on record.
    days.extend([21, 24, 27].map(|n| session_day(n, 7)));
    let d = decide_on(&p, &days, 30);
    assert_eq!(d.referral, Referral::Urgent, "{:?}", d.reasons);
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("within the next few days"))
    );
}

#[test]
fn a_clearance_covers_the_answers_it_names_as_they_stood() {
    let p = mcgill_plan("");
    let mut days = vec![flagged(1, &[RedFlag::MidBackPain], false)];
    days.push(cleared(2, &[RedFlag::MidBackPain]));
    assert_eq!(decide_on(&p, &days, 2).status, Status::Train);
    // Reported again (new or worse) after the clearance: it pauses again.
    days.push(flagged(5, &[RedFlag::MidBackPain], false));
    let d = decide_on(&p, &days, 5);
    assert_eq!(d.status, Status::Paused);
    assert_eq!(d.red_flags, vec![RedFlag::MidBackPain]);
    // A clearance naming another answer does not lift it.
    days.push(cleared(6, &[RedFlag::RecentTrauma]));
    assert_eq!(decide_on(&p, &days, 6).status, Status::Paused);
}

#[test]
fn a_sign_reported_on_the_date_of_its_clearance_is_not_lifted_by_it() {
    let p = mcgill_plan("");
    // In the app the person clears the stop first and then checks in: the check-in's answer
    // is new or worse since the clearance, whatever order the file lists them in.
    let mut days = vec![
        flagged(1, &[RedFlag::SevereLegWeakness], false),
        cleared(2, &[RedFlag::SevereLegWeakness]),
        flagged(2, &[RedFlag::SevereLegWeakness], false),
        day(3, Some(check_in(2)), None),
    ];
    for n in [2, 3] {
        let d = decide_on(&p, &days, n);
        assert_eq!(d.status, Status::Stopped, "day {n}: {:?}", d.reasons);
        assert_eq!(d.red_flags, vec![RedFlag::SevereLegWeakness]);
    }
    days.swap(1, 2);
    assert_eq!(decide_on(&p, &days, 3).status, Status::Stopped);
    // A clearance on a later date covers it as it stood.
    days.push(cleared(4, &[RedFlag::SevereLegWeakness]));
    assert_eq!(decide_on(&p, &days, 4).status, Status::Train);
    // A clearance naming an answer that only that date's check-in gave was made after it
    // (the intake's "yes", cleared at once): it lifts it.
    let intake = vec![
        flagged(1, &[RedFlag::CancerHistory], true),
        cleared(1, &[RedFlag::CancerHistory]),
    ];
    assert_eq!(decide_on(&p, &intake, 1).status, Status::Train);
    // A clearance with a calm check-in on its date lifts what was reported before.
    let calm = vec![
        flagged(1, &[RedFlag::MidBackPain], false),
        cleared(2, &[RedFlag::MidBackPain]),
        day(2, Some(check_in(2)), None),
    ];
    assert_eq!(decide_on(&p, &calm, 2).status, Status::Train);
}

#[test]
fn a_plan_whose_clinician_screened_risk_factors_or_signs_does_not_pause_for_them() {
    let p = mcgill_plan(
        "risk_factors_screened: true, start_date: Some(\"2026-12-01\"), screened_signs: [MidBackPain],",
    );
    let days = vec![flagged(
        1,
        &[RedFlag::AgeAtOnset, RedFlag::MidBackPain],
        true,
    )];
    let d = decide_on(&p, &days, 1);
    assert_eq!(d.status, Status::Train, "{:?}", d.reasons);
    // A sign reported after the plan's date still pauses.
    let mut later = days.clone();
    later.push(flagged(3, &[RedFlag::MidBackPain], false));
    assert_eq!(decide_on(&p, &later, 3).status, Status::Paused);
}
