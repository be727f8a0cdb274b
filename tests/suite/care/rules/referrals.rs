//! Referrals (R7): three reds in two weeks, a weekly rise in pain, no improvement or a leg
//! still disabling after six weeks; a referral stays, with every reason it was raised for,
//! until the person has seen a clinician.

use strongback::domain::care::checkin::{Day, LegExtent, LegTrend};
use strongback::domain::care::rules::Referral;

use chrono::NaiveDate;
use strongback::domain::care::checkin::RedFlag;
use strongback::domain::care::rules::{decide, referrals_raised};
use strongback::domain::plan::checks::CheckedPlan;
use strongback::report::clinician::{ReportSource, clinician_report};
use strongback::report::csv_export::events_csv;
use strongback::report::events::{CareEvent, EventKind, care_events};

use super::{
    cleared, daily_check_ins, date, day, decide_on, flagged, leg_check_in, mcgill_plan,
    seen_clinician, session_day, small_plan,
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
fn the_report_lists_each_referral_once_on_the_date_the_app_shows_it() {
    let p = small_plan("NotSet", "");
    let mut days = vec![session_day(1, 6), session_day(6, 6), session_day(12, 6)];
    days.extend(daily_check_ins(13..=16, 2));
    let raised = referrals_raised(&p.plan, &p.circuit, &catalog(), &days, date(1), date(16));
    assert_eq!(raised.len(), 1, "{raised:?}");
    // The third red's own date decides without it; the next date raises the referral.
    assert_eq!(raised[0].raised_on, date(13));
    assert_eq!(raised[0].level, Referral::Routine);
    assert!(raised[0].reason.contains("3 red sessions"));
    assert_eq!(raised[0].closed_on, None);
    let d = decide_on(&p, &days, 16);
    assert!(
        d.reasons
            .iter()
            .any(|r| r.starts_with("On 13 Dec 2026: 3 red sessions")),
        "{:?}",
        d.reasons
    );
}

/// The app's day (its open referral and its status), the report and the events CSV agree on
/// every item of `days` as of `today`: each referral with the same date and words, each red
/// flag, warning, clearance and "seen a clinician" with its date.
fn assert_one_truth(p: &CheckedPlan, days: &[Day], today: NaiveDate) -> Vec<CareEvent> {
    let catalog = catalog();
    let events = care_events(&p.plan, &p.circuit, &catalog, days, date(1), today);
    let report = clinician_report(
        &ReportSource {
            plan: p,
            catalog: &catalog,
            sessions: &[],
            days,
            unreadable: &[],
        },
        date(1),
        today,
    );
    let csv = events_csv(&events).expect("csv");
    let decision = decide(&p.plan, &p.circuit, &catalog, days, today);
    for event in &events {
        let short = event.date.format("%-d %b %Y").to_string();
        let escaped = strongback::report::html::escape(&event.text);
        assert!(
            report.contains(&format!("{short}: {}: {escaped}", event.kind.label())),
            "the report lacks {event:?}"
        );
        let row = csv
            .lines()
            .find(|line| line.starts_with(&format!("{},{}", event.date, event.kind.label())));
        assert!(row.is_some(), "the CSV lacks {event:?}:\n{csv}");
        if let EventKind::Referral(level) = event.kind {
            let open = event.closed_on.is_none();
            let shown = if event.date == today {
                event.text.clone()
            } else {
                format!("On {short}: {}", event.text)
            };
            assert_eq!(
                decision.reasons.iter().any(|r| r.starts_with(&shown)),
                open,
                "{event:?} in the app: {:?}",
                decision.reasons
            );
            if open {
                assert!(decision.referral >= level, "{:?}", decision.referral);
            }
            let closed = event.closed_on.map_or(String::new(), |d| d.to_string());
            assert!(
                row.is_some_and(|r| r.ends_with(&closed)),
                "closed_on in the CSV: {row:?}"
            );
        }
    }
    // The app raises nothing the report leaves out.
    let open_in_app = decision
        .reasons
        .iter()
        .filter(|r| r.contains("please book an appointment with a clinician"))
        .count();
    let open_in_report = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Referral(_)) && e.closed_on.is_none())
        .count();
    assert_eq!(open_in_app, open_in_report, "{:?}", decision.reasons);
    events
}

fn kinds(events: &[CareEvent]) -> Vec<(u32, &'static str)> {
    events
        .iter()
        .map(|e| {
            let n = u32::try_from((e.date - date(1)).num_days() + 1).expect("day");
            (n, e.kind.label())
        })
        .collect()
}

#[test]
fn every_kind_of_item_has_one_date_in_the_app_the_report_and_the_csv() {
    let p = small_plan("NotSet", "");
    // Three reds, a leg warning with new weakness that stays, a clinician seen, then a
    // weekly rise that stays open.
    let mut days = vec![session_day(1, 7), session_day(4, 7), session_day(7, 7)];
    let mut weak = leg_check_in(2, 4, LegExtent::BelowKnee, Some(LegTrend::Further));
    weak.new_weakness = true;
    days.push(day(8, Some(weak), None));
    days.push(day(
        11,
        Some(leg_check_in(
            2,
            4,
            LegExtent::BelowKnee,
            Some(LegTrend::Same),
        )),
        None,
    ));
    days.push(seen_clinician(12));
    days.extend(daily_check_ins(13..=19, 2));
    days.extend(daily_check_ins(20..=26, 5));
    let events = assert_one_truth(&p, &days, date(26));
    let found = kinds(&events);
    for expected in [
        (8, "leg warning"),
        (8, "routine referral"),
        (12, "seen a clinician"),
        (21, "routine referral"),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
    let referrals = events
        .iter()
        .filter(|e| e.kind == EventKind::Referral(Referral::Routine))
        .collect::<Vec<_>>();
    assert!(referrals.iter().any(|e| e.text.contains("3 red sessions")));
    assert!(referrals.iter().any(|e| e.text.contains("New weakness")));
    assert!(
        referrals
            .iter()
            .any(|e| e.text.contains("leg symptoms reported since"))
    );
    assert!(
        referrals
            .iter()
            .any(|e| e.text.contains("rose from 2.0 to 5.0"))
    );
    assert!(
        referrals
            .iter()
            .filter(|e| e.date < date(12))
            .all(|e| e.closed_on == Some(date(12))),
        "{referrals:?}"
    );
    // And the same a day later, when today's referral has become an earlier date's.
    assert_one_truth(&p, &days, date(27));

    // Six weeks without improvement, with disabling leg pain, and a risk factor on record:
    // urgent; then emergency and urgent red flags and their clearances.
    let mut days: Vec<Day> = (1..=43)
        .map(|n| day(n, Some(leg_check_in(5, 6, LegExtent::Thigh, None)), None))
        .collect();
    days[0].check_in.as_mut().expect("check-in").red_flags = vec![RedFlag::CancerHistory];
    days[0]
        .check_in
        .as_mut()
        .expect("check-in")
        .risk_factors_asked = true;
    days.push(cleared(1, &[RedFlag::CancerHistory]));
    days.push(flagged(44, &[RedFlag::SaddleNumbness], false));
    days.push(cleared(45, &[]));
    days.push(flagged(46, &[RedFlag::FeverOrUnwell], false));
    let events = assert_one_truth(&p, &days, date(46));
    let found = kinds(&events);
    for expected in [
        (1, "red flag (urgent)"),
        (1, "clearance"),
        (44, "red flag (emergency)"),
        (45, "clearance"),
        (46, "red flag (urgent)"),
    ] {
        assert!(found.contains(&expected), "{expected:?} in {found:?}");
    }
    let texts: Vec<&str> = events
        .iter()
        .filter(|e| e.kind == EventKind::Referral(Referral::Urgent))
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("less than a 2-point")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("leg pain still averages")),
        "{texts:?}"
    );
}
