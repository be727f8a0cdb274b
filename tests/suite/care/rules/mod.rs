//! The rules of clinical spec §5, scenario by scenario, plus a property test over random
//! 12-week histories.

use chrono::NaiveDate;
use proptest::prelude::*;
use strongback::domain::care::checkin::{
    CheckIn, Clearance, Day, LegExtent, LegTrend, MorningAfter, RedFlag, SessionReport,
};
use strongback::domain::care::rules::{
    DayDecision, Light, Referral, Status, decide, session_light,
};
use strongback::domain::plan::catalog::{Catalog, Dose};
use strongback::domain::plan::checks::CheckedPlan;
use strongback::store::bundled::Assets;
use strongback::store::plan_file::check_plan_text;

fn catalog() -> Catalog {
    Assets::embedded().expect("assets").catalog
}

/// A small plan: plank (hold), bridge (reps, 2 sets), bird dog (paced), knee to chest
/// (flexion), superman (extension), cat-camel (mobility).
fn plan(presentation: &str, limits: &str) -> CheckedPlan {
    let text = format!(
        r#"(
    schema_version: 2,
    name: "Rules test",
    clinician: Some((name: "Alex Morgan", contact: "01632 960 123")),
    presentation: {presentation},
    blocks: [(name: "Circuit", rounds: 2, items: [
        (exercise: "cat_camel", step: 1),
        (exercise: "plank", step: 2),
        (exercise: "bridge", step: 2, sets: 2),
        (exercise: "bird_dog", step: 2),
        (exercise: "knee_to_chest", step: 2),
        (exercise: "superman", step: 1),
    ])],
)"#
    );
    let text = text.replace(
        &format!("presentation: {presentation},"),
        "presentation: NotSet,",
    );
    let mut checked =
        check_plan_text("rules-test.ron", &text, &catalog()).expect("test plan is valid");
    // Limits and presentation are set after the checks, so the engine is shown to enforce them
    // on its own (validate refuses a circuit that breaks its own limits, and forward-bending
    // exercises in a Nerve plan).
    checked.plan.limits = ron::from_str(&format!("({limits})")).expect("limits parse");
    checked.plan.presentation = ron::from_str(presentation).expect("presentation parses");
    checked
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("date") + chrono::Duration::days(i64::from(day) - 1)
}

fn check_in(back_pain: u8) -> CheckIn {
    CheckIn {
        red_flags: Vec::new(),
        risk_factors_asked: false,
        back_pain: Some(back_pain),
        leg_pain: Some(0),
        leg_extent: None,
        leg_trend: None,
        new_numbness: false,
        new_weakness: false,
        morning_after: None,
        pain_kind: None,
        confirms_presentation: false,
        function: None,
    }
}

fn report(worst_pain: u8) -> SessionReport {
    SessionReport {
        started_at: None,
        worst_pain,
        sharp_or_shooting: false,
        completed: Default::default(),
    }
}

fn day(n: u32, check: Option<CheckIn>, session: Option<SessionReport>) -> Day {
    Day {
        date: date(n),
        check_in: check,
        session: None,
        sessions: session.into_iter().collect(),
        clearance: None,
        clinician_seen: None,
    }
}

/// A session day with a calm check-in.
fn session_day(n: u32, worst_pain: u8) -> Day {
    day(n, Some(check_in(2)), Some(report(worst_pain)))
}

fn decide_on(plan: &CheckedPlan, days: &[Day], n: u32) -> DayDecision {
    decide(&plan.plan, &plan.circuit, &catalog(), days, date(n))
}

fn exercise<'a>(
    d: &'a DayDecision,
    id: &str,
) -> Option<&'a strongback::domain::care::rules::Prescribed> {
    d.exercises.iter().find(|e| e.exercise_id == id)
}

fn flagged(n: u32, flag: RedFlag) -> Day {
    let mut c = check_in(3);
    c.red_flags = vec![flag];
    day(n, Some(c), None)
}

#[test]
fn a_plain_day_follows_the_plan_with_no_reasons() {
    let p = plan("NotSet", "");
    let d = decide_on(&p, &[day(1, Some(check_in(2)), None)], 1);
    assert_eq!(d.status, Status::Train);
    assert_eq!(d.referral, Referral::None);
    assert_eq!(d.light, None);
    assert!(d.reasons.is_empty(), "{:?}", d.reasons);
    assert_eq!(d.exercises.len(), 6);
}

#[test]
fn r0_emergency_flag_stops_until_cleared() {
    let p = plan("NotSet", "");
    let mut days = vec![flagged(1, RedFlag::SaddleNumbness)];
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
    days.push(Day {
        clearance: Some(Clearance {
            covers: Vec::new(),
            note: "cleared".into(),
        }),
        clinician_seen: None,
        ..day(3, None, None)
    });
    assert_eq!(decide_on(&p, &days, 3).status, Status::Train);
    assert_eq!(decide_on(&p, &days, 4).status, Status::Train);
}

#[test]
fn r1_urgent_flag_pauses_until_cleared_and_emergency_wins() {
    let p = plan("NotSet", "");
    let days = vec![flagged(1, RedFlag::FeverOrUnwell)];
    let d = decide_on(&p, &days, 1);
    assert_eq!((d.status, d.referral), (Status::Paused, Referral::Urgent));
    let mut both = check_in(3);
    both.red_flags = vec![RedFlag::FeverOrUnwell, RedFlag::UrineChange];
    let d = decide_on(&p, &[day(1, Some(both), None)], 1);
    assert_eq!(d.status, Status::Stopped);
    for flag in RedFlag::ALL {
        let d = decide_on(&p, &[flagged(1, flag)], 1);
        assert!(
            matches!(d.status, Status::Stopped | Status::Paused),
            "{flag:?}"
        );
    }
}

#[test]
fn r2_nerve_warning_drops_flexion_steps_down_and_refers_after_48_hours() {
    let p = plan("NotSet", "");
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
    assert!(d.reasons.iter().any(|r| r.contains("since 2026-12-01")));
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
    assert!(d.reasons.iter().any(|r| r.starts_with("Since 2026-12-03")));
}

#[test]
fn r3_light_boundaries() {
    let rules = plan("NotSet", "").plan.rules;
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
    let p = plan("NotSet", "");
    let mut next = check_in(2);
    next.morning_after = Some(MorningAfter::WorseButSettled);
    let days = vec![session_day(1, 2), day(2, Some(next), None)];
    assert_eq!(decide_on(&p, &days, 3).light, Some(Light::Amber));
}

#[test]
fn r4_two_greens_progress_once_per_seven_days() {
    let p = plan("NotSet", "");
    let days = vec![session_day(1, 2), session_day(3, 2)];
    let d = decide_on(&p, &days, 5);
    assert_eq!(
        exercise(&d, "plank").map(|e| e.dose),
        Some(Dose::Hold { hold_secs: 25 }),
        "+5 s"
    );
    assert_eq!(
        exercise(&d, "bridge").map(|e| e.dose),
        Some(Dose::Reps { reps: 14 }),
        "+2 reps"
    );
    assert_eq!(
        exercise(&d, "bird_dog").map(|e| e.dose),
        Some(Dose::Paced {
            reps: 6,
            secs_per_rep: 7,
            fewer_per_set: 2
        }),
        "short holds climb the pyramid instead of getting longer"
    );
    assert_eq!(
        exercise(&d, "cat_camel").map(|e| e.dose),
        Some(Dose::Paced {
            reps: 6,
            secs_per_rep: 4,
            fewer_per_set: 0
        }),
        "mobility stays"
    );
    assert!(
        d.reasons
            .iter()
            .any(|r| r.starts_with("Front plank: today step 2, 25 s"))
    );
    // Two more greens within the same 7 days: no second progression.
    let days = vec![
        session_day(1, 2),
        session_day(3, 2),
        session_day(5, 2),
        session_day(6, 2),
    ];
    let d = decide_on(&p, &days, 7);
    assert_eq!(
        exercise(&d, "plank").map(|e| e.dose),
        Some(Dose::Hold { hold_secs: 25 })
    );
    // After 7 days the next green allows it.
    let mut days = days;
    days.push(session_day(10, 2));
    let d = decide_on(&p, &days, 11);
    assert_eq!(
        exercise(&d, "plank").map(|e| e.dose),
        Some(Dose::Hold { hold_secs: 30 })
    );
}

#[test]
fn r4_an_exercise_not_completed_does_not_progress() {
    let p = plan("NotSet", "");
    let mut missed = report(2);
    missed.completed.insert("plank".into(), false);
    let days = vec![session_day(1, 2), day(3, Some(check_in(2)), Some(missed))];
    let d = decide_on(&p, &days, 5);
    assert_eq!(
        exercise(&d, "plank").map(|e| e.dose),
        Some(Dose::Hold { hold_secs: 20 })
    );
    assert_eq!(
        exercise(&d, "bridge").map(|e| e.dose),
        Some(Dose::Reps { reps: 14 })
    );
}

#[test]
fn r4_top_of_range_moves_to_the_next_step_at_its_bottom() {
    let p = plan("NotSet", "");
    // Plank step 2 starts at 20 s; 3 dose steps of 5 s → top 35 s; then step 3 at its start.
    let mut days = Vec::new();
    for week in 0..5 {
        days.push(session_day(1 + week * 7, 2));
        days.push(session_day(3 + week * 7, 2));
    }
    let holds: Vec<_> = (0..5)
        .map(|week| {
            let d = decide_on(&p, &days, 4 + week * 7);
            exercise(&d, "plank").map(|e| (e.step, e.dose))
        })
        .collect();
    assert_eq!(
        holds,
        vec![
            Some((2, Dose::Hold { hold_secs: 25 })),
            Some((2, Dose::Hold { hold_secs: 30 })),
            Some((2, Dose::Hold { hold_secs: 35 })),
            Some((3, Dose::Hold { hold_secs: 20 })),
            Some((3, Dose::Hold { hold_secs: 25 })),
        ]
    );
}

#[test]
fn r5_two_ambers_in_a_row_drop_one_set_never_below_one() {
    let p = plan("NotSet", "");
    let d = decide_on(&p, &[session_day(1, 4)], 3);
    assert_eq!(
        exercise(&d, "bridge").map(|e| e.sets),
        Some(2),
        "one amber keeps the dose"
    );
    let d = decide_on(&p, &[session_day(1, 4), session_day(3, 5)], 5);
    assert_eq!(exercise(&d, "bridge").map(|e| e.sets), Some(1));
    assert_eq!(
        exercise(&d, "plank").map(|e| e.sets),
        Some(1),
        "already 1: stays 1"
    );
    let four: Vec<_> = [1, 3, 5, 7].iter().map(|&n| session_day(n, 4)).collect();
    assert_eq!(
        exercise(&decide_on(&p, &four, 9), "bridge").map(|e| e.sets),
        Some(1)
    );
}

#[test]
fn r6_red_means_48_hours_rest_then_one_step_down_or_half_at_step_one() {
    let p = plan("NotSet", "");
    let days = vec![session_day(1, 7)];
    let d = decide_on(&p, &days, 2);
    assert_eq!(d.status, Status::Rest);
    assert!(d.exercises.is_empty());
    assert!(d.reasons[0].contains("48 hours"));
    let d = decide_on(&p, &days, 3);
    assert_eq!(d.status, Status::Train);
    assert_eq!(
        exercise(&d, "plank").map(|e| (e.step, e.dose)),
        Some((1, Dose::Hold { hold_secs: 20 }))
    );
    // superman is at step 1: half the volume.
    assert_eq!(
        exercise(&d, "superman").map(|e| e.dose),
        Some(Dose::Reps { reps: 5 })
    );
}

#[test]
fn r6_two_reds_within_seven_days_start_a_deload_week() {
    let p = plan("NotSet", "");
    let days = vec![session_day(1, 6), session_day(4, 6)];
    let d = decide_on(&p, &days, 6);
    assert_eq!(d.status, Status::Deload);
    assert!(d.exercises.iter().all(|e| e.step <= 2));
    assert_eq!(
        exercise(&d, "bridge").map(|e| e.sets),
        Some(1),
        "half of 2 sets"
    );
    assert_eq!(decide_on(&p, &days, 10).status, Status::Deload);
    assert_eq!(
        decide_on(&p, &days, 11).status,
        Status::Train,
        "a week after the second red"
    );
}

#[test]
fn r7_three_reds_in_fourteen_days_refer() {
    let p = plan("NotSet", "");
    let days = vec![session_day(1, 6), session_day(6, 6), session_day(12, 6)];
    let d = decide_on(&p, &days, 14);
    assert_eq!(d.referral, Referral::Routine);
    assert!(d.reasons.iter().any(|r| r.contains("3 red sessions")));
    let spread = vec![session_day(1, 6), session_day(9, 6), session_day(18, 6)];
    assert_eq!(decide_on(&p, &spread, 20).referral, Referral::None);
}

#[test]
fn r7_weekly_mean_rise_of_two_refers() {
    let p = plan("NotSet", "");
    let mut days: Vec<Day> = (1..=7).map(|n| day(n, Some(check_in(2)), None)).collect();
    days.extend((8..=14).map(|n| day(n, Some(check_in(4)), None)));
    let d = decide_on(&p, &days, 14);
    assert_eq!(d.referral, Referral::Routine);
    assert!(d.reasons.iter().any(|r| r.contains("rose from 2.0 to 4.0")));
    let mut small: Vec<Day> = (1..=7).map(|n| day(n, Some(check_in(2)), None)).collect();
    small.extend((8..=14).map(|n| day(n, Some(check_in(3)), None)));
    assert_eq!(decide_on(&p, &small, 14).referral, Referral::None);
}

#[test]
fn r7_no_meaningful_improvement_after_six_weeks_refers() {
    let p = plan("NotSet", "");
    let flat: Vec<Day> = (1..=43).map(|n| day(n, Some(check_in(5)), None)).collect();
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
    let p = plan("NotSet", "");
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
fn r7_no_improvement_refers_only_from_a_baseline_of_three() {
    let p = plan("NotSet", "");
    let low: Vec<Day> = (1..=43).map(|n| day(n, Some(check_in(2)), None)).collect();
    assert_eq!(
        decide_on(&p, &low, 43).referral,
        Referral::None,
        "starting at 2/10 there is no 2-point improvement to expect"
    );
    let three: Vec<Day> = (1..=43).map(|n| day(n, Some(check_in(3)), None)).collect();
    assert_eq!(decide_on(&p, &three, 43).referral, Referral::Routine);
}

#[test]
fn r7_leg_pain_still_disabling_after_six_weeks_refers() {
    let p = plan("NotSet", "");
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
    let p = plan("NotSet", "");
    let mut days = vec![session_day(1, 6), session_day(6, 6), session_day(12, 6)];
    assert_eq!(decide_on(&p, &days, 14).referral, Referral::Routine);
    // Weeks later the reds are out of the window, but nobody has been seen yet.
    days.extend((20..=22).map(|n| day(n, Some(check_in(2)), Some(report(2)))));
    let d = decide_on(&p, &days, 30);
    assert_eq!(d.referral, Referral::Routine, "{:?}", d.reasons);
    assert!(
        d.reasons
            .iter()
            .any(|r| r.starts_with("Since 2026-12-13: 3 red sessions")),
        "{:?}",
        d.reasons
    );
    // The person has seen a clinician: the referral ends, and the old reds no longer count.
    days.push(Day {
        date: date(31),
        check_in: None,
        session: None,
        sessions: Vec::new(),
        clearance: None,
        clinician_seen: Some(strongback::domain::care::checkin::ClinicianSeen {
            note: "Saw my GP".to_owned(),
        }),
    });
    assert_eq!(decide_on(&p, &days, 31).referral, Referral::None);
    assert_eq!(decide_on(&p, &days, 32).referral, Referral::None);
    // New evidence after it refers again.
    days.extend([session_day(33, 6), session_day(36, 6), session_day(39, 6)]);
    assert_eq!(decide_on(&p, &days, 41).referral, Referral::Routine);
}

#[test]
fn r8_spasm_gentle_day_then_short_holds_then_full_plan() {
    let p = plan("Spasm", "");
    let mut days = vec![day(1, Some(check_in(7)), None)];
    let d = decide_on(&p, &days, 1);
    assert_eq!(d.status, Status::Gentle);
    let ids: Vec<_> = d.exercises.iter().map(|e| e.exercise_id.as_str()).collect();
    assert!(ids.contains(&"walk") && ids.contains(&"clamshell") && ids.contains(&"cat_camel"));
    assert!(!ids.contains(&"plank"));
    days.push(day(2, Some(check_in(4)), Some(report(2))));
    let d = decide_on(&p, &days, 2);
    assert_eq!(d.status, Status::Train);
    assert!(d.exercises.iter().all(|e| e.step <= 2));
    assert!(d.reasons.iter().any(|r| r.contains("Short holds")));
    days.push(day(3, Some(check_in(3)), Some(report(2))));
    let d = decide_on(&p, &days, 4);
    assert!(
        !d.reasons.iter().any(|r| r.contains("Short holds")),
        "two greens: full plan"
    );
}

#[test]
fn r8_spasm_short_holds_cut_strength_holds_but_not_walking_or_stretches() {
    let mut p = check_plan_text(
        "back-care.ron",
        include_str!("../../assets/programs/back-care.ron"),
        &catalog(),
    )
    .expect("built-in plan");
    p.plan.presentation = ron::from_str("Spasm").expect("presentation");
    let days = vec![
        day(1, Some(check_in(7)), None),
        day(2, Some(check_in(4)), Some(report(2))),
    ];
    let d = decide_on(&p, &days, 2);
    assert!(d.reasons.iter().any(|r| r.contains("Short holds")));
    let mobility = [
        "cat_camel",
        "walk",
        "hamstring_stretch",
        "hip_flexor_stretch",
        "figure_four_stretch",
    ];
    for exercise in &d.exercises {
        let planned = p
            .circuit
            .slots()
            .find(|(_, item)| item.exercise_id == exercise.exercise_id)
            .map(|(_, item)| item.dose)
            .expect("in the plan");
        if mobility.contains(&exercise.exercise_id.as_str()) {
            assert_eq!(
                exercise.dose, planned,
                "{} keeps its dose",
                exercise.exercise_id
            );
        } else if let strongback::domain::plan::catalog::Dose::Hold { hold_secs } = exercise.dose {
            assert!(
                hold_secs <= 10,
                "{} holds {hold_secs} s",
                exercise.exercise_id
            );
        }
    }
    assert!(
        d.exercises.iter().any(|e| e.exercise_id == "walk"),
        "the walk is still there"
    );
}

#[test]
fn r8_nerve_never_gets_flexion_and_press_ups_only_while_centralising() {
    let text = include_str!("../../assets/examples/physio-plan.ron")
        .replace(
            "(exercise: \"hip_hinge\", step: 1,",
            "(exercise: \"press_up\", step: 2),\n(exercise: \"hip_hinge\", step: 1,",
        )
        .replace(
            "excluded_exercises: [\"knee_to_chest\", \"superman\"]",
            "excluded_exercises: [\"superman\"]",
        )
        .replace(
            "(exercise: \"curl_up\", step: 1),",
            "(exercise: \"curl_up\", step: 1),\n(exercise: \"knee_to_chest\", step: 1),",
        );
    let refused = check_plan_text("nerve.ron", &text, &catalog())
        .expect_err("validate refuses flexion with Nerve");
    assert!(
        refused[0]
            .message
            .contains("`knee_to_chest` bends the spine forward"),
        "{refused:?}"
    );
    let mut p = check_plan_text(
        "nerve.ron",
        &text.replace("presentation: Nerve", "presentation: NotSet"),
        &catalog(),
    )
    .expect("valid without the presentation");
    p.plan.presentation = strongback::domain::plan::Presentation::Nerve;
    let d = decide(
        &p.plan,
        &p.circuit,
        &catalog(),
        &[day(1, Some(check_in(3)), None)],
        date(1),
    );
    assert!(exercise(&d, "knee_to_chest").is_none());
    assert!(exercise(&d, "press_up").is_none(), "not centralising");
    let mut closer = check_in(3);
    closer.leg_trend = Some(LegTrend::Closer);
    let d = decide(
        &p.plan,
        &p.circuit,
        &catalog(),
        &[day(1, Some(closer), None)],
        date(1),
    );
    assert!(
        exercise(&d, "press_up").is_some(),
        "centralising: press-ups allowed"
    );
    assert!(exercise(&d, "knee_to_chest").is_none(), "flexion never");
}

#[test]
fn r8_ache_drops_extension_after_an_amber() {
    let p = plan("Ache", "");
    let d = decide_on(&p, &[session_day(1, 2)], 3);
    assert!(exercise(&d, "superman").is_some());
    let d = decide_on(&p, &[session_day(1, 4)], 3);
    assert!(exercise(&d, "superman").is_none());
    assert!(
        d.reasons
            .iter()
            .any(|r| r.starts_with("Superman is left out"))
    );
    let d = decide_on(
        &p,
        &[session_day(1, 4), session_day(3, 2), session_day(5, 2)],
        7,
    );
    assert!(exercise(&d, "superman").is_none(), "stays out");
    let other = plan("NotSet", "");
    assert!(
        exercise(&decide_on(&other, &[session_day(1, 4)], 3), "superman").is_some(),
        "only for Ache"
    );
}

#[test]
fn physio_limits_win_over_progression() {
    let p = plan("NotSet", r#"max_steps: {"plank": 2}"#);
    let mut days = Vec::new();
    for week in 0..8 {
        days.push(session_day(1 + week * 7, 2));
        days.push(session_day(3 + week * 7, 2));
    }
    let d = decide_on(&p, &days, 60);
    assert_eq!(
        exercise(&d, "plank").map(|e| (e.step, e.dose)),
        Some((2, Dose::Hold { hold_secs: 35 })),
        "stays at the top of step 2"
    );
    let excluded = plan("NotSet", r#"excluded_exercises: ["superman"]"#);
    let d = decide_on(&excluded, &[], 1);
    assert!(exercise(&d, "superman").is_none());
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("your physio excluded it"))
    );
}

// ---- property test ----

fn arb_day(n: u32) -> impl Strategy<Value = Day> {
    let flag = prop_oneof![
        20 => Just(None),
        1 => prop::sample::select(RedFlag::ALL.to_vec()).prop_map(Some),
    ];
    let morning = prop::option::of(prop::sample::select(vec![
        MorningAfter::Better,
        MorningAfter::Same,
        MorningAfter::WorseButSettled,
        MorningAfter::WorseNotSettled,
    ]));
    let trend = prop::option::of(prop::sample::select(vec![
        LegTrend::Closer,
        LegTrend::Same,
        LegTrend::Further,
    ]));
    (
        any::<bool>(),
        0u8..=10,
        flag,
        morning,
        trend,
        prop::option::of((0u8..=10, any::<bool>())),
        prop_oneof![15 => Just(false), 1 => Just(true)],
    )
        .prop_map(
            move |(has_check_in, back_pain, flag, morning_after, leg_trend, session, cleared)| {
                let check_in = has_check_in.then(|| CheckIn {
                    red_flags: flag.into_iter().collect(),
                    risk_factors_asked: false,
                    back_pain: Some(back_pain),
                    leg_pain: Some(0),
                    leg_extent: None,
                    leg_trend,
                    new_numbness: false,
                    new_weakness: false,
                    morning_after,
                    pain_kind: None,
                    confirms_presentation: false,
                    function: None,
                });
                Day {
                    date: date(n),
                    check_in,
                    session: None,
                    sessions: session
                        .map(|(worst_pain, sharp)| SessionReport {
                            started_at: None,
                            worst_pain,
                            sharp_or_shooting: sharp,
                            completed: Default::default(),
                        })
                        .into_iter()
                        .collect(),
                    clearance: cleared.then(|| Clearance {
                        covers: Vec::new(),
                        note: String::new(),
                    }),
                    clinician_seen: None,
                }
            },
        )
}

fn arb_history() -> impl Strategy<Value = Vec<Day>> {
    (1u32..=84)
        .map(arb_day)
        .collect::<Vec<_>>()
        .prop_map(|days| days)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn limits_and_exclusions_are_never_exceeded_and_flags_never_skipped(
        days in arb_history(),
        presentation in prop::sample::select(vec!["NotSet", "Spasm", "Nerve", "Ache"]),
    ) {
        let p = plan(presentation, r#"excluded_exercises: ["superman"], max_steps: {"plank": 3, "bridge": 3}"#);
        let catalog = catalog();
        for n in (1..=84).step_by(3) {
            let d = decide(&p.plan, &p.circuit, &catalog, &days, date(n));
            for e in &d.exercises {
                prop_assert_ne!(e.exercise_id.as_str(), "superman", "excluded");
                if let Some(&max) = p.plan.limits.max_steps.get(&e.exercise_id) {
                    prop_assert!(e.step <= max, "{} at step {} over {}", e.exercise_id, e.step, max);
                }
                let top = catalog.get(&e.exercise_id).map(|x| x.top_step()).unwrap_or(1);
                prop_assert!(e.step >= 1 && e.step <= top);
                prop_assert!(e.sets >= 1);
                if presentation == "Nerve" {
                    prop_assert_ne!(e.exercise_id.as_str(), "knee_to_chest", "flexion with Nerve");
                }
            }
            // Stop and pause hold from a flag until a clearance, whatever else happened. A
            // check-in on the clearance's own date counts as after it (neither has a time).
            let mut pending = None;
            for past in days.iter().filter(|x| x.date <= date(n)) {
                if past.clearance.is_some() {
                    pending = None;
                }
                if let Some(c) = &past.check_in && let Some(tier) = c.worst_flag() {
                    pending = pending.max(Some(tier));
                }
            }
            match pending {
                Some(strongback::domain::care::checkin::FlagTier::Emergency) => {
                    prop_assert_eq!(d.status, Status::Stopped);
                    prop_assert!(d.exercises.is_empty());
                }
                Some(strongback::domain::care::checkin::FlagTier::Urgent) => {
                    prop_assert_eq!(d.status, Status::Paused);
                    prop_assert!(d.exercises.is_empty());
                }
                None => prop_assert!(!matches!(d.status, Status::Stopped | Status::Paused)),
            }
            prop_assert!(!d.reasons.is_empty() || d.status == Status::Train);
        }
    }
}

#[test]
fn simulate_gives_one_json_object_per_date_in_date_order() {
    use strongback::cli::simulate_command::decision_json;
    use strongback::domain::care::rules::replay;
    use strongback::store::days_file::read_days;
    let p = check_plan_text(
        "physio-plan.ron",
        include_str!("../../assets/examples/physio-plan.ron"),
        &catalog(),
    )
    .expect("valid");
    let mut days = read_days(std::path::Path::new("assets/examples/days.ron"), None)
        .expect("example days file")
        .days;
    days.reverse(); // order in the file does not matter
    let decisions = replay(&p, &catalog(), &days);
    let lines: Vec<serde_json::Value> = decisions
        .iter()
        .map(|d| serde_json::from_str(&decision_json(d)).expect("valid JSON"))
        .collect();
    let dates: Vec<&str> = lines
        .iter()
        .map(|l| l["date"].as_str().expect("date"))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(dates, sorted, "one line per date, in order");
    assert_eq!(dates.len(), 12);
    for line in &lines {
        let keys: Vec<&String> = line.as_object().expect("object").keys().collect();
        assert_eq!(keys.len(), 6, "{keys:?}");
        for key in [
            "date",
            "status",
            "light",
            "referral",
            "exercises",
            "reasons",
        ] {
            assert!(line.get(key).is_some(), "{key}");
        }
        for exercise in line["exercises"].as_array().expect("array") {
            for key in ["id", "step", "sets", "hold_secs", "reps", "per_side"] {
                assert!(exercise.get(key).is_some(), "{key}");
            }
        }
    }
    assert_eq!(lines[0]["light"], serde_json::Value::Null);
    assert_eq!(lines[1]["light"], "green");
    let paused = lines
        .iter()
        .find(|l| l["date"] == "2026-12-12")
        .expect("12th");
    assert_eq!(paused["status"], "paused");
    assert_eq!(paused["referral"], "urgent");
    assert_eq!(paused["exercises"].as_array().map(Vec::len), Some(0));
    let rest = lines
        .iter()
        .find(|l| l["date"] == "2026-12-06")
        .expect("6th");
    assert_eq!(rest["status"], "rest");
}

#[test]
fn referral_events_list_each_rise_once_with_its_reason() {
    let p = plan("NotSet", "");
    let mut days = vec![session_day(1, 6), session_day(6, 6), session_day(12, 6)];
    days.extend((13..=16).map(|n| day(n, Some(check_in(2)), None)));
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Replaying a whole history date by date (one fold, as `simulate` does) decides every
    /// date exactly as deciding that date alone does.
    #[test]
    fn replaying_a_history_decides_each_date_as_deciding_it_alone(
        days in arb_history(),
        presentation in prop::sample::select(vec!["NotSet", "Spasm", "Nerve", "Ache"]),
    ) {
        let p = plan(presentation, "");
        let catalog = catalog();
        let replayed = strongback::domain::care::rules::replay(&p, &catalog, &days);
        let mut dates: Vec<_> = days.iter().map(|d| d.date).collect();
        dates.sort();
        dates.dedup();
        prop_assert_eq!(replayed.len(), dates.len());
        for (decision, date) in replayed.iter().zip(dates) {
            let alone = decide(&p.plan, &p.circuit, &catalog, &days, date);
            prop_assert_eq!(decision, &alone);
        }
    }
}

/// Whether `after` is nowhere above `before`: step, sets, and each part of the dose when the
/// two doses are of the same kind.
fn not_raised(
    before: &strongback::domain::care::rules::Prescribed,
    after: &strongback::domain::care::rules::Prescribed,
) -> bool {
    use strongback::domain::plan::catalog::Dose;
    let dose_ok = match (before.dose, after.dose) {
        (Dose::Hold { hold_secs: b }, Dose::Hold { hold_secs: a }) => a <= b,
        (Dose::Reps { reps: b }, Dose::Reps { reps: a }) => a <= b,
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
        ) => a <= b && as_ <= bs,
        // A lower step of another dose kind (a hold at L1 where L2 counts reps).
        _ => after.step < before.step,
    };
    after.step <= before.step && after.sets <= before.sets && dose_ok
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Caution never raises anything: a leg-symptom warning added to a day's check-in never
    /// gives any exercise a higher step, dose or more sets that day, whatever else the day's
    /// rules (spasm short holds, deload, limits) already did.
    #[test]
    fn a_nerve_warning_never_raises_any_exercise(
        days in arb_history(),
        presentation in prop::sample::select(vec!["NotSet", "Spasm", "Nerve", "Ache"]),
        which in 0usize..84,
    ) {
        let p = plan(presentation, "");
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
                    not_raised(was, exercise),
                    "{} went from {:?} to {:?} on {}", exercise.exercise_id, was, exercise, today
                );
            }
        }
    }
}

fn leg(back_pain: u8, leg_pain: u8, extent: LegExtent, trend: Option<LegTrend>) -> CheckIn {
    let mut c = check_in(back_pain);
    c.leg_pain = Some(leg_pain);
    c.leg_extent = Some(extent);
    c.leg_trend = trend;
    c
}

#[test]
fn r2_the_leg_is_further_down_by_any_of_three_tests() {
    let p = plan("NotSet", "");
    let warned = |days: &[Day], n: u32| {
        let d = decide_on(&p, days, n);
        exercise(&d, "knee_to_chest").is_none() && exercise(&d, "plank").map(|e| e.step) == Some(1)
    };
    // Said "the same", but the pain now reaches the foot where it reached the thigh.
    let days = vec![
        day(1, Some(leg(3, 3, LegExtent::Thigh, None)), None),
        day(
            2,
            Some(leg(3, 3, LegExtent::Foot, Some(LegTrend::Same))),
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
        day(2, Some(leg(3, 2, LegExtent::BelowKnee, None)), None),
    ];
    assert!(warned(&days, 2), "below the knee after none");
    // Still at the thigh: no warning.
    let days = vec![
        day(1, Some(leg(3, 3, LegExtent::Thigh, None)), None),
        day(
            2,
            Some(leg(3, 4, LegExtent::Thigh, Some(LegTrend::Same))),
            None,
        ),
    ];
    assert!(!warned(&days, 2));
}

#[test]
fn r2_new_weakness_warns_and_refers_the_same_day() {
    let p = plan("NotSet", "");
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
    let p = check_plan_text(
        "back-care.ron",
        include_str!("../../assets/programs/back-care.ron"),
        &catalog(),
    )
    .expect("built-in plan");
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
    let p = plan("NotSet", "");
    let start = vec![
        day(1, Some(leg(3, 3, LegExtent::Thigh, None)), None),
        day(
            2,
            Some(leg(3, 4, LegExtent::Foot, Some(LegTrend::Further))),
            None,
        ),
    ];
    // 48 h on, "the same": still present.
    let mut same = start.clone();
    same.push(day(
        4,
        Some(leg(3, 4, LegExtent::Foot, Some(LegTrend::Same))),
        None,
    ));
    let d = decide_on(&p, &same, 4);
    assert_eq!(d.referral, Referral::Routine);
    assert!(
        d.reasons.iter().any(|r| r.contains("since 2026-12-02")),
        "{:?}",
        d.reasons
    );
    // Eased back to the thigh with a "closer to the back" answer in between: gone.
    let mut eased = start.clone();
    eased.push(day(
        3,
        Some(leg(2, 2, LegExtent::Thigh, Some(LegTrend::Closer))),
        None,
    ));
    eased.push(day(4, Some(leg(2, 2, LegExtent::Buttock, None)), None));
    assert_eq!(decide_on(&p, &eased, 4).referral, Referral::None);
    // No leg pain at all 48 h on: gone.
    let mut clear = start;
    clear.push(day(4, Some(check_in(2)), None));
    assert_eq!(decide_on(&p, &clear, 4).referral, Referral::None);
}

#[test]
fn entries_of_one_date_decide_the_same_in_any_order() {
    let p = plan("NotSet", "");
    let mut warn = check_in(4);
    warn.new_numbness = true;
    let check = Day {
        date: date(3),
        check_in: Some(warn),
        session: None,
        sessions: Vec::new(),
        clearance: None,
        clinician_seen: None,
    };
    let session = Day {
        date: date(3),
        check_in: None,
        session: None,
        sessions: vec![report(5)],
        clearance: None,
        clinician_seen: None,
    };
    let before = vec![day(1, Some(check_in(4)), Some(report(2)))];
    let mut a = before.clone();
    a.extend([check.clone(), session.clone()]);
    let mut b = before;
    b.extend([session, check]);
    for n in [3, 4, 6] {
        assert_eq!(decide_on(&p, &a, n), decide_on(&p, &b, n), "day {n}");
    }
    // The session took that day's check-in pain (4): 5 is within green_rise, so green.
    assert_eq!(decide_on(&p, &a, 4).light, Some(Light::Green));
}

#[test]
fn r7_a_single_counted_week_is_not_compared_with_itself() {
    let p = plan("NotSet", "");
    // Daily check-ins in the first week only, then one a week: only week 1 counts.
    let mut days: Vec<Day> = (1..=7).map(|n| day(n, Some(check_in(5)), None)).collect();
    days.extend((2..=7).map(|w| day(w * 7 + 1, Some(check_in(1)), None)));
    assert_eq!(decide_on(&p, &days, 50).referral, Referral::None);
}

#[test]
fn r2_a_new_kind_of_warning_after_the_old_one_cleared_starts_a_new_episode() {
    let p = plan("NotSet", "");
    let mut numb = check_in(3);
    numb.new_numbness = true;
    let days = vec![
        day(1, Some(numb), None),
        // The numbness has gone; the leg now reaches the foot.
        day(
            2,
            Some(leg(3, 3, LegExtent::Foot, Some(LegTrend::Further))),
            None,
        ),
        day(
            3,
            Some(leg(3, 3, LegExtent::Foot, Some(LegTrend::Same))),
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
        Some(leg(3, 3, LegExtent::Foot, Some(LegTrend::Same))),
        None,
    ));
    assert_eq!(decide_on(&p, &later, 4).referral, Referral::Routine);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Every reason about an exercise's dose states the dose actually prescribed that day,
    /// after every rule and limit.
    #[test]
    fn reasons_state_the_dose_prescribed(
        days in arb_history(),
        presentation in prop::sample::select(vec!["NotSet", "Spasm", "Nerve", "Ache"]),
    ) {
        let p = plan(presentation, r#"max_steps: {"plank": 2}"#);
        let catalog = catalog();
        for d in strongback::domain::care::rules::replay(&p, &catalog, &days) {
            for e in &d.exercises {
                let name = catalog.get(&e.exercise_id).map(|x| x.name.clone()).unwrap_or_default();
                let prefix = format!("{name}: today step ");
                for reason in d.reasons.iter().filter(|r| r.starts_with(&prefix)) {
                    let stated = format!("{prefix}{}, {} (", e.step, e.dose.describe_sets(e.sets));
                    prop_assert!(reason.starts_with(&stated), "{} vs {:?} on {}", reason, e, d.date);
                }
            }
        }
    }
}
