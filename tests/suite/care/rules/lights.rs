//! Session lights (R3): where green, amber and red begin, the morning-after answer, and how
//! the sessions of one date count.

use strongback::domain::care::checkin::{Day, MorningAfter, SessionReport};
use strongback::domain::care::rules::{Light, Status, session_light};

use super::{date, day, decide_on, mcgill_plan, session_day, small_plan};
use crate::common::{catalog, check_in, report};

#[test]
fn r3_light_boundaries() {
    let rules = small_plan("NotSet", "").plan.rules;
    let light = |pain, sharp, morning| {
        let mut r = report(pain);
        r.sharp_or_shooting = sharp;
        session_light(&r, None, morning, &rules)
    };
    assert_eq!(light(3, false, None), Light::Green);
    assert_eq!(light(4, false, None), Light::Amber);
    // green_rise: up to amber_max_pain, at most 1 above that day's check-in back pain is green.
    let with_usual = |pain, usual| session_light(&report(pain), Some(usual), None, &rules);
    assert_eq!(with_usual(5, 4), Light::Green, "usual pain 4, session 5");
    assert_eq!(with_usual(5, 3), Light::Amber, "2 above the day's pain");
    assert_eq!(with_usual(6, 6), Light::Red, "never above amber_max_pain");
    assert_eq!(with_usual(3, 0), Light::Green, "green_max_pain still green");
    assert_eq!(light(5, false, None), Light::Amber);
    assert_eq!(light(6, false, None), Light::Red);
    assert_eq!(light(2, true, None), Light::Red, "sharp or shooting pain");
    assert_eq!(light(2, false, Some(MorningAfter::Same)), Light::Green);
    assert_eq!(light(2, false, Some(MorningAfter::Better)), Light::Green);
    assert_eq!(
        light(2, false, Some(MorningAfter::WorseButSettled)),
        Light::Amber
    );
    assert_eq!(
        light(2, false, Some(MorningAfter::WorseNotSettled)),
        Light::Red
    );
    // The next morning's answer comes from the next check-in.
    let p = small_plan("NotSet", "");
    let mut next = check_in(2);
    next.morning_after = Some(MorningAfter::WorseButSettled);
    let days = vec![session_day(1, 2), day(2, Some(next), None)];
    assert_eq!(decide_on(&p, &days, 3).light, Some(Light::Amber));
}

#[test]
fn two_sessions_on_one_date_each_keep_their_report_and_both_count() {
    let p = mcgill_plan("");
    let t = |h: u32| {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-12-01T{h:02}:00:00+01:00"))
            .expect("time")
    };
    let mut day_one = Day {
        check_in: Some(check_in(2)),
        ..Day::on(date(1))
    };
    day_one.keep_report(SessionReport {
        started_at: Some(t(8)),
        ..report(7)
    });
    day_one.keep_report(SessionReport {
        started_at: Some(t(18)),
        ..report(1)
    });
    // Answering again for the morning session replaces its own report only.
    day_one.keep_report(SessionReport {
        started_at: Some(t(8)),
        ..report(6)
    });
    assert_eq!(day_one.sessions.len(), 2);
    assert_eq!(day_one.sessions[0].worst_pain, 6);
    assert_eq!(day_one.sessions[1].worst_pain, 1);
    let d = decide_on(&p, &[day_one], 2);
    assert_eq!(d.status, Status::Rest, "the red morning session counts");
}

#[test]
fn a_red_session_earlier_today_makes_the_rest_of_today_a_rest_day() {
    let p = mcgill_plan("");
    let before = decide_on(&p, &[day(1, Some(check_in(2)), None)], 1);
    assert_eq!(before.status, Status::Train);
    let red = vec![session_day(1, 7)];
    let d = decide_on(&p, &red, 1);
    assert_eq!(d.status, Status::Rest, "{:?}", d.reasons);
    assert!(d.exercises.is_empty());
    assert!(d.reasons[0].contains("today was red"), "{:?}", d.reasons);
    // What that session was prescribed is still there.
    let morning = strongback::domain::care::rules::decide_before_sessions(
        &p.plan,
        &p.circuit,
        &catalog(),
        &red,
        date(1),
    );
    assert_eq!(morning, before);
    // Sharp pain makes a session red too.
    let mut sharp = report(2);
    sharp.sharp_or_shooting = true;
    let sharp_day = vec![day(1, Some(check_in(2)), Some(sharp))];
    assert_eq!(decide_on(&p, &sharp_day, 1).status, Status::Rest);
    // 48 hours: the next day too, the day after that not.
    assert_eq!(decide_on(&p, &red, 2).status, Status::Rest);
    assert_ne!(decide_on(&p, &red, 3).status, Status::Rest);
    // A green or an amber session earlier today changes nothing today.
    for worst in [1, 4] {
        let d = decide_on(&p, &[session_day(1, worst)], 1);
        assert_eq!(d.status, Status::Train);
        assert_eq!(
            d.exercises, before.exercises,
            "after a session of {worst}/10"
        );
    }
    // A second session after a red one had nothing prescribed: it never counts toward R4.
    let mut twice = red.clone();
    twice[0].sessions.push(report(1));
    assert_eq!(decide_on(&p, &twice, 1).status, Status::Rest);
}
