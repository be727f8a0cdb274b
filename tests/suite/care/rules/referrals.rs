//! Referrals (R7): three reds in two weeks, a weekly rise in pain, no improvement or a leg
//! still disabling after six weeks; a referral stays, with every reason it was raised for,
//! until the person has seen a clinician.

use strongback::domain::care::checkin::{Day, LegExtent, LegTrend};
use strongback::domain::care::rules::Referral;

use super::{
    daily_check_ins, date, day, decide_on, leg_check_in, mcgill_plan, seen_clinician, session_day,
    small_plan,
};
use crate::common::{catalog, check_in};

#[test]
fn r7_three_reds_in_fourteen_days_refer() {
    let p = small_plan("NotSet", "");
    let days = vec![session_day(1, 6), session_day(6, 6), session_day(12, 6)];
    let d = decide_on(&p, &days, 14);
    assert_eq!(d.referral, Referral::Routine);
    assert!(d.reasons.iter().any(|r| r.contains("3 red sessions")));
    let spread = vec![session_day(1, 6), session_day(9, 6), session_day(18, 6)];
    assert_eq!(decide_on(&p, &spread, 20).referral, Referral::None);
}

#[test]
fn r7_weekly_mean_rise_of_two_refers() {
    let p = small_plan("NotSet", "");
    let mut days: Vec<Day> = daily_check_ins(1..=7, 2);
    days.extend(daily_check_ins(8..=14, 4));
    let d = decide_on(&p, &days, 14);
    assert_eq!(d.referral, Referral::Routine);
    assert!(d.reasons.iter().any(|r| r.contains("rose from 2.0 to 4.0")));
    let mut small: Vec<Day> = daily_check_ins(1..=7, 2);
    small.extend(daily_check_ins(8..=14, 3));
    assert_eq!(decide_on(&p, &small, 14).referral, Referral::None);
}

#[test]
fn r7_no_meaningful_improvement_after_six_weeks_refers() {
    let p = small_plan("NotSet", "");
    let flat: Vec<Day> = daily_check_ins(1..=43, 5);
    assert_eq!(decide_on(&p, &flat, 43).referral, Referral::Routine);
    assert_eq!(
        decide_on(&p, &flat, 30).referral,
        Referral::None,
        "not before six weeks"
    );
    let better: Vec<Day> = (1..=43)
        .map(|n| day(n, Some(check_in(if n <= 7 { 6 } else { 3 })), None))
        .collect();
    assert_eq!(decide_on(&p, &better, 43).referral, Referral::None);
}

#[test]
fn r7_weeks_are_7_day_blocks_and_a_week_with_one_answer_does_not_count() {
    let p = small_plan("NotSet", "");
    // Week 1: 2, 2; week 2: a single 6 (not counted); week 3: 4, 4.
    let days = vec![
        day(1, Some(check_in(2)), None),
        day(3, Some(check_in(2)), None),
        day(10, Some(check_in(6)), None),
        day(15, Some(check_in(4)), None),
        day(17, Some(check_in(4)), None),
    ];
    let d = decide_on(&p, &days, 10);
    assert_eq!(d.referral, Referral::None, "one answer is not a week");
    let d = decide_on(&p, &days, 17);
    assert_eq!(
        d.referral,
        Referral::Routine,
        "2.0 then 4.0 across the counted weeks"
    );
    assert!(
        d.reasons.iter().any(|r| r.contains("rose from 2.0 to 4.0")),
        "{:?}",
        d.reasons
    );
}

#[test]
fn r7_a_single_counted_week_is_not_compared_with_itself() {
    let p = small_plan("NotSet", "");
    // Daily check-ins in the first week only, then one a week: only week 1 counts.
    let mut days: Vec<Day> = daily_check_ins(1..=7, 5);
    days.extend((2..=7).map(|w| day(w * 7 + 1, Some(check_in(1)), None)));
    assert_eq!(decide_on(&p, &days, 50).referral, Referral::None);
}

#[test]
fn r7_no_improvement_refers_only_from_a_baseline_of_three() {
    let p = small_plan("NotSet", "");
    let low: Vec<Day> = daily_check_ins(1..=43, 2);
    assert_eq!(
        decide_on(&p, &low, 43).referral,
        Referral::None,
        "starting at 2/10 there is no 2-point improvement to expect"
    );
    let three: Vec<Day> = daily_check_ins(1..=43, 3);
    assert_eq!(decide_on(&p, &three, 43).referral, Referral::Routine);
}

#[test]
fn r7_leg_pain_still_disabling_after_six_weeks_refers() {
    let p = small_plan("NotSet", "");
    let with_leg = |leg_pain| {
        (1..=43)
            .map(|n| {
                // Back pain improving, so only the leg can refer.
                let mut c = check_in(if n <= 7 { 6 } else { 2 });
                c.leg_pain = Some(leg_pain);
                c.leg_extent = Some(LegExtent::Thigh);
                day(n, Some(c), None)
            })
            .collect::<Vec<_>>()
    };
    let d = decide_on(&p, &with_leg(5), 43);
    assert_eq!(d.referral, Referral::Routine);
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("leg pain still averages 5.0")),
        "{:?}",
        d.reasons
    );
    assert_eq!(decide_on(&p, &with_leg(4), 43).referral, Referral::None);
    assert_eq!(
        decide_on(&p, &with_leg(5), 30).referral,
        Referral::None,
        "not before six weeks"
    );
}

#[test]
fn r7_a_referral_stays_until_the_person_has_seen_a_clinician() {
    let p = small_plan("NotSet", "");
    let mut days = vec![session_day(1, 6), session_day(6, 6), session_day(12, 6)];
    assert_eq!(decide_on(&p, &days, 14).referral, Referral::Routine);
    // Weeks later the reds are out of the window, but nobody has been seen yet.
    days.extend((20..=22).map(|n| session_day(n, 2)));
    let d = decide_on(&p, &days, 30);
    assert_eq!(d.referral, Referral::Routine, "{:?}", d.reasons);
    assert!(
        d.reasons
            .iter()
            .any(|r| r.starts_with("On 13 Dec 2026: 3 red sessions")),
        "{:?}",
        d.reasons
    );
    // The person has seen a clinician: the referral ends, and the old reds no longer count.
    days.push(seen_clinician(31));
    assert_eq!(decide_on(&p, &days, 31).referral, Referral::None);
    assert_eq!(decide_on(&p, &days, 32).referral, Referral::None);
    // New evidence after it refers again.
    days.extend([session_day(33, 6), session_day(36, 6), session_day(39, 6)]);
    assert_eq!(decide_on(&p, &days, 41).referral, Referral::Routine);
}

#[test]
fn a_referral_stays_until_seen_even_while_pain_is_unchanged() {
    let p = mcgill_plan("");
    let mut days: Vec<Day> = daily_check_ins(1..=70, 5);
    assert_eq!(decide_on(&p, &days, 43).referral, Referral::Routine);
    assert_eq!(decide_on(&p, &days, 70).referral, Referral::Routine);
    days.push(seen_clinician(71));
    assert_eq!(decide_on(&p, &days, 71).referral, Referral::None);
    // Starting at 1–2/10 never triggers the six-week rule.
    let low: Vec<Day> = daily_check_ins(1..=70, 2);
    assert_eq!(decide_on(&p, &low, 70).referral, Referral::None);
}

#[test]
fn an_open_referral_keeps_every_reason_it_was_raised_for_until_seen() {
    let p = mcgill_plan("");
    let mut days = vec![
        day(1, Some(leg_check_in(2, 3, LegExtent::Thigh, None)), None),
        day(
            2,
            Some(leg_check_in(2, 3, LegExtent::BelowKnee, None)),
            None,
        ),
        day(
            4,
            Some(leg_check_in(
                2,
                3,
                LegExtent::BelowKnee,
                Some(LegTrend::Same),
            )),
            None,
        ),
        day(5, Some(check_in(2)), None),
    ];
    let d = decide_on(&p, &days, 5);
    assert_eq!(d.referral, Referral::Routine);
    let mut weak = check_in(2);
    weak.new_weakness = true;
    days.push(day(12, Some(weak), None));
    days.push(day(13, Some(check_in(2)), None));
    let d = decide_on(&p, &days, 13);
    assert_eq!(d.referral, Referral::Routine);
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("leg symptoms reported since")),
        "{:?}",
        d.reasons
    );
    assert!(
        d.reasons.iter().any(|r| r.contains("New weakness")),
        "{:?}",
        d.reasons
    );
    days.push(seen_clinician(14));
    let d = decide_on(&p, &days, 14);
    assert_eq!(d.referral, Referral::None, "{:?}", d.reasons);
}

#[test]
fn referral_events_list_each_rise_once_with_its_reason() {
    let p = small_plan("NotSet", "");
    let mut days = vec![session_day(1, 6), session_day(6, 6), session_day(12, 6)];
    days.extend(daily_check_ins(13..=16, 2));
    let events = strongback::domain::care::rules::referral_events(
        &p.plan,
        &p.circuit,
        &catalog(),
        &days,
        date(1),
        date(16),
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        events[0].0,
        date(13),
        "the first check-in after the third red"
    );
    assert_eq!(events[0].1, Referral::Routine);
    assert!(events[0].2.contains("3 red sessions"));
}
