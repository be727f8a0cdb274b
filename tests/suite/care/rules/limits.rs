//! Clinical spec version 2 (§3–§5): every rule that changed, as a scenario, and the
//! invariants over random histories (caution never raises anything, McGill holds stay
//! short, the session stays within the physio's limit, no reduction passes its floor).

use chrono::NaiveDate;
use proptest::prelude::*;
use strongback::domain::care::checkin::{
    CheckIn, Clearance, ClinicianSeen, Day, LegExtent, LegTrend, MorningAfter, PainKind, RedFlag,
    SessionReport,
};
use strongback::domain::care::rules::{DayDecision, Prescribed, Referral, Status, decide, replay};
use strongback::domain::plan::Presentation;
use strongback::domain::plan::catalog::{Catalog, Dose};
use strongback::domain::plan::checks::CheckedPlan;
use strongback::domain::plan::timeline::Timeline;
use strongback::store::plan_file::check_plan_text;

fn catalog() -> Catalog {
    strongback::store::bundled::Assets::embedded()
        .expect("bundled assets")
        .catalog
}

/// A plan with McGill-style exercises in pyramids, holds, reps and mobility; `extra` is
/// added inside the plan (limits, presentation, screening).
fn plan(extra: &str) -> CheckedPlan {
    let text = format!(
        r#"(
    schema_version: 2,
    name: "Rules v2",
    {extra}
    blocks: [
        (name: "Warm-up", rounds: 1, items: [
            (exercise: "walk", step: 1),
            (exercise: "cat_camel", step: 1),
        ]),
        (name: "Circuit", rounds: 2, items: [
            (exercise: "plank", step: 2, sets: 2),
            (exercise: "bird_dog", step: 2, sets: 3),
            (exercise: "curl_up", step: 1, sets: 3),
            (exercise: "bridge", step: 2, sets: 3),
            (exercise: "side_plank", step: 1),
        ]),
        (name: "Stretches", rounds: 1, items: [
            (exercise: "hip_flexor_stretch", step: 1),
            (exercise: "hamstring_stretch", step: 1),
        ]),
    ],
)"#
    );
    check_plan_text("rules-v2.ron", &text, &catalog()).expect("test plan is valid")
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).expect("date") + chrono::Duration::days(i64::from(day) - 1)
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

fn day(n: u32, check: Option<CheckIn>, worst_pain: Option<u8>) -> Day {
    Day {
        check_in: check,
        sessions: worst_pain.map(report).into_iter().collect(),
        ..Day::on(date(n))
    }
}

/// A session every other day with a calm check-in; `worst(n)` is its worst pain.
fn sessions(days: u32, worst: impl Fn(u32) -> u8) -> Vec<Day> {
    (1..=days)
        .step_by(2)
        .map(|n| day(n, Some(check_in(2)), Some(worst(n))))
        .collect()
}

fn decide_on(plan: &CheckedPlan, days: &[Day], n: u32) -> DayDecision {
    decide(&plan.plan, &plan.circuit, &catalog(), days, date(n))
}

fn rx<'a>(d: &'a DayDecision, id: &str) -> &'a Prescribed {
    d.exercises
        .iter()
        .find(|e| e.exercise_id == id)
        .unwrap_or_else(|| panic!("{id} prescribed on {}: {:?}", d.date, d.reasons))
}

fn hold(p: &Prescribed) -> Option<u32> {
    p.dose.hold_secs()
}

fn reps(p: &Prescribed) -> u32 {
    match p.dose {
        Dose::Reps { reps } | Dose::Paced { reps, .. } => reps,
        Dose::Hold { .. } => 0,
    }
}

// ---------------------------------------------------------------- R4 and McGill

#[test]
fn mcgill_holds_never_pass_ten_seconds_at_any_step_after_months_of_greens() {
    let p = plan("");
    let days = sessions(240, |_| 1);
    for n in (1..=240).step_by(10) {
        let d = decide_on(&p, &days, n);
        for id in ["bird_dog", "curl_up"] {
            let held = hold(rx(&d, id)).expect("a held exercise");
            assert!(held <= 10, "{id} holds {held} s on day {n}");
        }
    }
    let late = decide_on(&p, &days, 240);
    assert!(
        rx(&late, "bird_dog").step > 2,
        "bird dog still climbs its ladder"
    );
}

#[test]
fn mcgill_exercises_climb_the_pyramid_one_rep_per_set() {
    let p = plan("");
    let first = decide_on(&p, &[], 1);
    assert_eq!(
        rx(&first, "bird_dog").dose.describe_sets(3),
        "5/3/1 reps of 7 s"
    );
    // Two greens, then two more a week later: two progressions.
    let days = vec![
        day(1, Some(check_in(2)), Some(1)),
        day(3, Some(check_in(2)), Some(1)),
        day(8, Some(check_in(2)), Some(1)),
        day(10, Some(check_in(2)), Some(1)),
    ];
    let d = decide_on(&p, &days, 11);
    assert_eq!(
        rx(&d, "bird_dog").dose.describe_sets(3),
        "7/5/3 reps of 7 s"
    );
}

#[test]
fn a_plan_asking_a_mcgill_hold_above_the_cap_gets_the_cap() {
    let mut p = plan("");
    for item in p.circuit.blocks.iter_mut().flat_map(|b| b.items.iter_mut()) {
        if item.exercise_id == "curl_up" {
            item.dose = Dose::Paced {
                reps: 5,
                secs_per_rep: 15,
                fewer_per_set: 2,
            };
        }
    }
    let d = decide_on(&p, &[], 1);
    assert_eq!(hold(rx(&d, "curl_up")), Some(10));
}

#[test]
fn a_session_counts_only_for_the_exercises_it_prescribed_at_full_dose() {
    // Green sessions on leg-warning days (everything one step down) never move the plank.
    let p = plan("");
    let mut warning = check_in(2);
    warning.new_numbness = true;
    let days: Vec<Day> = (1..=30)
        .step_by(2)
        .map(|n| day(n, Some(warning.clone()), Some(2)))
        .collect();
    let d = decide_on(&p, &days, 29);
    assert_eq!(rx(&d, "plank").step, 1, "one step down on a warning day");
    assert!(!rx(&d, "plank").full_dose);
    let calm = {
        let mut all = days.clone();
        all.push(day(31, Some(check_in(2)), None));
        all
    };
    let d = decide_on(&p, &calm, 31);
    let start = decide_on(&p, &[day(1, Some(check_in(2)), None)], 1);
    assert_eq!(
        (rx(&d, "plank").step, rx(&d, "plank").dose),
        (rx(&start, "plank").step, rx(&start, "plank").dose),
        "gentle days do not progress what they did not prescribe"
    );
}

#[test]
fn a_session_limit_just_above_the_plan_is_never_passed_and_says_why() {
    let base = plan("");
    let minutes = Timeline::build(&base.circuit)
        .planned_total_secs()
        .div_ceil(60) as u32;
    let p = plan(&format!(
        "limits: (max_session_minutes: Some({})),",
        minutes + 1
    ));
    let days = sessions(120, |_| 1);
    let mut held = false;
    for n in (1..=120).step_by(7) {
        let d = decide_on(&p, &days, n);
        let circuit = strongback::domain::care::rules::todays_circuit(&p.circuit, &d, &catalog());
        let secs = Timeline::build(&circuit).planned_total_secs();
        assert!(
            secs <= u64::from(minutes + 1) * 60,
            "day {n}: {secs} s over {} min",
            minutes + 1
        );
        held |= d.reasons.iter().any(|r| r.contains("longer than the"));
    }
    assert!(held, "a held-back increase carries a reason");
    // Increases go in session order: the first strength exercise moved, a later one did not.
    let d = decide_on(&p, &days, 120);
    let start = decide_on(&p, &[], 1);
    assert!(rx(&d, "plank").dose != rx(&start, "plank").dose || rx(&d, "plank").step > 2);
}

// ---------------------------------------------------------------- R5, R6, deload

#[test]
fn two_ambers_drop_a_set_and_two_greens_bring_it_back() {
    let p = plan("");
    let mut days = vec![
        day(1, Some(check_in(2)), Some(4)),
        day(3, Some(check_in(2)), Some(4)),
    ];
    let d = decide_on(&p, &days, 5);
    assert_eq!(rx(&d, "bridge").sets, 2, "{:?}", d.reasons);
    assert_eq!(
        rx(&d, "bird_dog")
            .dose
            .describe_sets(rx(&d, "bird_dog").sets),
        "5/3 reps of 7 s",
        "in a pyramid the last round goes"
    );
    days.push(day(5, Some(check_in(2)), Some(1)));
    days.push(day(7, Some(check_in(2)), Some(1)));
    // Two greens, but an increase waits a week from the last change (the drop on day 3).
    assert_eq!(rx(&decide_on(&p, &days, 9), "bridge").sets, 2);
    days.push(day(10, Some(check_in(2)), Some(1)));
    let d = decide_on(&p, &days, 11);
    assert_eq!(rx(&d, "bridge").sets, 3, "{:?}", d.reasons);
}

#[test]
fn a_red_at_step_one_halves_until_two_greens_and_at_step_two_steps_down_to_the_top_of_step_one() {
    let p = plan("");
    let mut days = vec![day(1, Some(check_in(2)), Some(7))];
    let d = decide_on(&p, &days, 4);
    assert_eq!(d.status, Status::Train);
    // Side plank (step 1, 10 s): half the volume, at its 5 s floor.
    assert_eq!(hold(rx(&d, "side_plank")), Some(5));
    assert!(!rx(&d, "side_plank").full_dose);
    // Bridge (step 2, 12 reps): step 1 at the top of its range (12 + 3 × 2 = 18), never above 12.
    assert_eq!((rx(&d, "bridge").step, reps(rx(&d, "bridge"))), (1, 12));
    days.push(day(4, Some(check_in(2)), Some(1)));
    days.push(day(6, Some(check_in(2)), Some(1)));
    assert_eq!(
        hold(rx(&decide_on(&p, &days, 7), "side_plank")),
        Some(5),
        "a week first"
    );
    days.push(day(8, Some(check_in(2)), Some(1)));
    let d = decide_on(&p, &days, 9);
    assert_eq!(hold(rx(&d, "side_plank")), Some(10), "{:?}", d.reasons);
}

#[test]
fn a_deload_week_ends_with_the_doses_of_its_first_day() {
    let p = plan("");
    let days = vec![
        day(1, Some(check_in(2)), Some(7)),
        day(4, Some(check_in(2)), Some(7)),
    ];
    let first = decide_on(&p, &days, 6);
    assert_eq!(first.status, Status::Deload);
    assert!(rx(&first, "plank").step <= 2);
    let after = decide_on(&p, &days, 11);
    assert_eq!(after.status, Status::Train, "{:?}", after.reasons);
    // R6's step downs are kept; the halving is not.
    let plain_two_reds_base = rx(&after, "plank");
    assert!(plain_two_reds_base.full_dose || plain_two_reds_base.step == 1);
    assert!(hold(plain_two_reds_base) >= hold(rx(&first, "plank")));
}

#[test]
fn a_red_counts_toward_one_deload_only() {
    let p = plan("");
    // Reds on days 1 and 4 start a deload (to day 10); a red on day 13 with day 4 already
    // used does not start another.
    let days = vec![
        day(1, Some(check_in(2)), Some(7)),
        day(4, Some(check_in(2)), Some(7)),
        day(13, Some(check_in(2)), Some(7)),
    ];
    assert_ne!(decide_on(&p, &days, 16).status, Status::Deload);
}

// ---------------------------------------------------------------- R8 and the spasm cap

#[test]
fn spasm_short_holds_leave_the_walk_and_the_stretches_alone() {
    let p = plan("presentation: Spasm,");
    let days = vec![
        day(1, Some(check_in(7)), None),
        day(2, Some(check_in(4)), None),
    ];
    let d = decide_on(&p, &days, 2);
    assert_eq!(hold(rx(&d, "walk")), Some(90));
    assert_eq!(hold(rx(&d, "hip_flexor_stretch")), Some(25));
    assert!(hold(rx(&d, "plank")).is_some_and(|h| h <= 10));
}

#[test]
fn the_pain_kind_answer_sets_the_presentation_only_when_confirmed() {
    let p = plan("");
    let mut leg = check_in(3);
    leg.leg_pain = Some(4);
    leg.leg_extent = Some(LegExtent::Thigh);
    leg.pain_kind = Some(PainKind::ShootingIntoLeg);
    let unconfirmed = vec![day(1, Some(leg.clone()), None)];
    let d = decide_on(&p, &unconfirmed, 1);
    assert!(
        d.reasons.iter().all(|r| !r.contains("nerve")),
        "{:?}",
        d.reasons
    );
    leg.confirms_presentation = true;
    let mut days = vec![day(1, Some(leg.clone()), None)];
    assert!(
        d_presentation(&p, &days, 1) == Presentation::Nerve,
        "confirmed: nerve"
    );
    // Never away from nerve while the leg hurts.
    let mut ache = leg.clone();
    ache.pain_kind = Some(PainKind::GeneralAche);
    days.push(day(2, Some(ache.clone()), None));
    assert_eq!(d_presentation(&p, &days, 2), Presentation::Nerve);
    ache.leg_pain = Some(0);
    days.push(day(3, Some(ache), None));
    assert_eq!(d_presentation(&p, &days, 3), Presentation::Ache);
}

/// The presentation the rules used, read from the days' pain answers the same way.
fn d_presentation(p: &CheckedPlan, days: &[Day], n: u32) -> Presentation {
    // Nerve leaves out flexion and shows no press-ups; ache is read from the answers.
    let sorted: Vec<&Day> = days.iter().filter(|d| d.date <= date(n)).collect();
    let _ = decide_on(p, days, n);
    strongback::domain::care::rules::effective_presentation(&p.plan, &sorted)
}

// ---------------------------------------------------------------- §4 red flags

fn flagged(n: u32, flags: &[RedFlag], intake: bool) -> Day {
    let check = CheckIn {
        red_flags: flags.to_vec(),
        risk_factors_asked: intake,
        back_pain: None,
        leg_pain: None,
        ..check_in(0)
    };
    day(n, Some(check), None)
}

fn cleared(n: u32, covers: &[RedFlag]) -> Day {
    Day {
        clearance: Some(Clearance {
            note: "Dr Okafor".into(),
            covers: covers.to_vec(),
        }),
        ..Day::on(date(n))
    }
}

#[test]
fn a_background_risk_factor_pauses_once_and_then_makes_a_routine_referral_urgent() {
    let p = plan("");
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
    days.extend((3..=20).map(|n| day(n, Some(check_in(2)), None)));
    assert_eq!(decide_on(&p, &days, 20).status, Status::Train);
    // Three reds in two weeks: routine, raised to urgent by the factor on record.
    days.extend([21, 24, 27].map(|n| day(n, Some(check_in(2)), Some(7))));
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
    let p = plan("");
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
fn new_emergency_items_stop_and_say_go_now() {
    let p = plan("");
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
fn a_plan_whose_clinician_screened_risk_factors_or_signs_does_not_pause_for_them() {
    let p = plan(
        "risk_factors_screened: true, start_date: Some(\"2027-01-01\"), screened_signs: [MidBackPain],",
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

#[test]
fn a_referral_stays_until_seen_even_while_pain_is_unchanged() {
    let p = plan("");
    let mut days: Vec<Day> = (1..=70).map(|n| day(n, Some(check_in(5)), None)).collect();
    assert_eq!(decide_on(&p, &days, 43).referral, Referral::Routine);
    assert_eq!(decide_on(&p, &days, 70).referral, Referral::Routine);
    days.push(Day {
        clinician_seen: Some(ClinicianSeen {
            note: String::new(),
        }),
        ..Day::on(date(71))
    });
    assert_eq!(decide_on(&p, &days, 71).referral, Referral::None);
    // Starting at 1–2/10 never triggers the six-week rule.
    let low: Vec<Day> = (1..=70).map(|n| day(n, Some(check_in(2)), None)).collect();
    assert_eq!(decide_on(&p, &low, 70).referral, Referral::None);
}

// ---------------------------------------------------------------- §3 input and reports

#[test]
fn a_check_in_ended_by_a_red_flag_has_no_pain_and_is_a_gap_in_the_chart() {
    let days = vec![
        day(1, Some(check_in(3)), None),
        flagged(2, &[RedFlag::ConstantNightPain], false),
    ];
    let points = strongback::domain::progress::figures::pain_series(&days);
    assert_eq!(points.len(), 2);
    assert_eq!(points[0].back, Some(3.0));
    assert_eq!(
        (points[1].back, points[1].leg),
        (None, None),
        "a gap, not a zero"
    );
}

#[test]
fn two_sessions_on_one_date_each_keep_their_report_and_both_count() {
    let p = plan("");
    let t = |h: u32| {
        chrono::DateTime::parse_from_rfc3339(&format!("2027-01-01T{h:02}:00:00+01:00"))
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
fn simulate_replays_a_version_one_days_file_with_its_old_session_field() {
    let text = r#"(schema_version: 1, days: [
        (date: "2027-01-01", check_in: Some((back_pain: 2, pain_kind: Some(GeneralAche))), session: Some((worst_pain: 7))),
    ])"#;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.ron");
    std::fs::write(&path, text).expect("write");
    let file = strongback::store::days_file::read_days(&path, None).expect("reads");
    assert_eq!(file.days[0].sessions.len(), 1, "moved into sessions");
    assert!(
        file.days[0]
            .check_in
            .as_ref()
            .is_some_and(|c| c.confirms_presentation),
        "version 1 acted on the answer"
    );
    let p = plan("");
    let decisions = replay(&p, &catalog(), &file.days);
    assert_eq!(decisions.len(), 1);
    let next = decide(&p.plan, &p.circuit, &catalog(), &file.days, date(2));
    assert_eq!(next.status, Status::Rest);
}

// ---------------------------------------------------------------- audit of issue 10

/// A plan from its blocks (and anything else inside the plan), checked like a plan file.
fn plan_text(extra: &str, blocks: &str) -> CheckedPlan {
    let text = format!(
        r#"(
    schema_version: 2,
    name: "Audit",
    {extra}
    blocks: [{blocks}],
)"#
    );
    check_plan_text("audit.ron", &text, &catalog()).expect("test plan is valid")
}

/// The `plan` circuit with dead bug and ball curl added: reps above step 1, holds at step 1.
fn plan_with_floor_work(extra: &str) -> CheckedPlan {
    plan_text(
        extra,
        r#"
        (name: "Warm-up", rounds: 1, items: [
            (exercise: "walk", step: 1),
            (exercise: "cat_camel", step: 1),
        ]),
        (name: "Circuit", rounds: 2, items: [
            (exercise: "plank", step: 2, sets: 2),
            (exercise: "bird_dog", step: 2, sets: 3),
            (exercise: "dead_bug", step: 2, sets: 2),
            (exercise: "ball_curl", step: 2, sets: 2),
            (exercise: "bridge", step: 2, sets: 3),
        ]),
        (name: "Stretches", rounds: 1, items: [
            (exercise: "hamstring_stretch", step: 1),
        ]),"#,
    )
}

/// Dead bug and ball curl only, six rounds at step 2 under a 16-minute limit: a step down to
/// their step-1 holds would take the session past it.
fn floor_work_under_a_limit() -> CheckedPlan {
    plan_text(
        "presentation: Ache, limits: (max_session_minutes: Some(16)),
        timings: (get_ready_secs: 10, switch_sides_secs: 5, rest_between_sets_secs: 15, rest_between_exercises_secs: 30, rest_between_rounds_secs: 60, secs_per_rep_estimate: 4),",
        r#"
        (name: "Circuit", rounds: 6, items: [
            (exercise: "dead_bug", step: 2, sets: 1),
            (exercise: "ball_curl", step: 2, sets: 1),
        ]),"#,
    )
}

fn planned_secs(p: &CheckedPlan, d: &DayDecision) -> u64 {
    let circuit = strongback::domain::care::rules::todays_circuit(&p.circuit, d, &catalog());
    Timeline::build(&circuit).planned_total_secs()
}

fn leg_check_in(
    back_pain: u8,
    leg_pain: u8,
    extent: LegExtent,
    trend: Option<LegTrend>,
) -> CheckIn {
    CheckIn {
        leg_pain: Some(leg_pain),
        leg_extent: Some(extent),
        leg_trend: trend,
        ..check_in(back_pain)
    }
}

#[test]
fn a_sign_reported_on_the_date_of_its_clearance_is_not_lifted_by_it() {
    let p = plan("");
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
fn a_nerve_warning_on_a_spasm_gentle_day_still_leaves_out_the_hamstring_stretch() {
    let p = plan("presentation: Spasm,");
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

#[test]
fn a_red_session_earlier_today_makes_the_rest_of_today_a_rest_day() {
    let p = plan("");
    let before = decide_on(&p, &[day(1, Some(check_in(2)), None)], 1);
    assert_eq!(before.status, Status::Train);
    let red = vec![day(1, Some(check_in(2)), Some(7))];
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
    let sharp_day = vec![Day {
        check_in: Some(check_in(2)),
        sessions: vec![sharp],
        ..Day::on(date(1))
    }];
    assert_eq!(decide_on(&p, &sharp_day, 1).status, Status::Rest);
    // 48 hours: the next day too, the day after that not.
    assert_eq!(decide_on(&p, &red, 2).status, Status::Rest);
    assert_ne!(decide_on(&p, &red, 3).status, Status::Rest);
    // A green or an amber session earlier today changes nothing today.
    for worst in [1, 4] {
        let d = decide_on(&p, &[day(1, Some(check_in(2)), Some(worst))], 1);
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

#[test]
fn caution_across_dose_kinds_keeps_the_deload_halving_at_the_final_step() {
    let p = plan_text(
        "presentation: Ache,",
        r#"
        (name: "Circuit", rounds: 2, items: [
            (exercise: "dead_bug", step: 4, sets: 3),
            (exercise: "ball_curl", step: 4, sets: 3),
        ]),"#,
    );
    let history = vec![
        day(1, Some(check_in(2)), Some(7)),
        day(4, Some(check_in(2)), Some(7)),
        day(7, Some(check_in(2)), None),
    ];
    let mut plain = history.clone();
    plain.push(day(8, Some(check_in(2)), None));
    let d = decide_on(&p, &plain, 8);
    assert_eq!(d.status, Status::Deload);
    assert_eq!(
        (rx(&d, "dead_bug").step, rx(&d, "dead_bug").dose),
        (2, Dose::Reps { reps: 4 })
    );
    let mut numb = check_in(2);
    numb.new_numbness = true;
    let mut warned = history;
    warned.push(day(8, Some(numb), None));
    let d = decide_on(&p, &warned, 8);
    assert_eq!(d.status, Status::Deload);
    // Step 1 holds (dead bug 45 s, ball curl 40 s at the top of step 1), halved there too.
    for (id, half) in [("dead_bug", 22), ("ball_curl", 20)] {
        let e = rx(&d, id);
        assert_eq!(
            (e.step, e.dose, e.sets),
            (1, Dose::Hold { hold_secs: half }, 2),
            "{id}"
        );
    }
    assert!(
        d.reasons
            .iter()
            .any(|r| r.starts_with("Dead bug: today step 1, 2 sets of 22 s")),
        "the reason states the final dose: {:?}",
        d.reasons
    );
}

#[test]
fn a_step_down_to_a_hold_keeps_the_session_within_the_physio_limit() {
    let p = floor_work_under_a_limit();
    let limit = 16 * 60;
    // R6: a red steps dead bug and ball curl down to their step-1 holds.
    let mut days = vec![
        day(1, Some(check_in(2)), Some(7)),
        day(4, Some(check_in(2)), Some(1)),
    ];
    let d = decide_on(&p, &days, 4);
    assert_eq!(d.status, Status::Train);
    assert!(planned_secs(&p, &d) <= limit, "{} s", planned_secs(&p, &d));
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("within the 16 minutes")),
        "{:?}",
        d.reasons
    );
    for id in ["dead_bug", "ball_curl"] {
        let e = rx(&d, id);
        assert_eq!(e.step, 1);
        assert!(hold(e).is_some_and(|h| h >= 5), "{e:?}");
        assert!(
            e.full_dose,
            "the shortened hold is the step's top, not a reduction"
        );
    }
    // It climbs back: after two greens a week on, the shortened hold moves to step 2.
    days.push(day(6, Some(check_in(2)), Some(1)));
    days.push(day(8, Some(check_in(2)), Some(1)));
    let d = decide_on(&p, &days, 9);
    assert!(planned_secs(&p, &d) <= limit);
    assert_eq!(rx(&d, "ball_curl").step, 2, "{:?}", d.reasons);
    // R2: a warning day steps them down today; the session still fits.
    let mut numb = check_in(2);
    numb.new_numbness = true;
    let d = decide_on(&p, &[day(1, Some(numb), None)], 1);
    assert_eq!(rx(&d, "dead_bug").step, 1);
    assert!(planned_secs(&p, &d) <= limit, "{} s", planned_secs(&p, &d));
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("within the 16 minutes")),
        "{:?}",
        d.reasons
    );
}

#[test]
fn a_mcgill_pyramid_tops_out_at_7_5_3_and_then_moves_up_a_step() {
    let p = plan("");
    let days: Vec<Day> = [1, 3, 10, 12, 19, 21]
        .map(|n| day(n, Some(check_in(2)), Some(1)))
        .to_vec();
    let d = decide_on(&p, &days[..4], 13);
    let bird_dog = rx(&d, "bird_dog");
    assert_eq!(
        (bird_dog.step, bird_dog.dose.describe_sets(3)),
        (2, "7/5/3 reps of 7 s".to_owned())
    );
    let d = decide_on(&p, &days, 22);
    let bird_dog = rx(&d, "bird_dog");
    assert_eq!(
        (bird_dog.step, bird_dog.dose.describe_sets(3)),
        (3, "5/3/1 reps of 10 s".to_owned()),
        "{:?}",
        d.reasons
    );
}

#[test]
fn a_mcgill_cap_below_the_plan_s_hold_is_given_as_a_reason_and_on_the_handout() {
    let p = plan_text(
        "",
        r#"
        (name: "Circuit", rounds: 1, items: [
            (exercise: "curl_up", step: 1, sets: 3, dose: Some(Paced(reps: 5, secs_per_rep: 15, fewer_per_set: 2))),
            (exercise: "plank", step: 2),
        ]),"#,
    );
    let d = decide_on(&p, &[], 1);
    assert_eq!(hold(rx(&d, "curl_up")), Some(10));
    assert!(
        d.reasons.iter().any(
            |r| r.starts_with("Curl-up: holds capped at 10 s, McGill-style")
                && r.contains("5/3/1 reps of 10 s")
        ),
        "{:?}",
        d.reasons
    );
    let html = strongback::report::handout::handout_html(&p, &catalog());
    assert!(
        html.contains("5 reps of 10 s"),
        "the handout prints the cap"
    );
    assert!(!html.contains("of 15 s"));
}

#[test]
fn simulate_takes_the_exercises_the_rules_prescribed_and_refuses_unknown_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan_path = dir.path().join("plan.ron");
    std::fs::write(
        &plan_path,
        r#"(schema_version: 2, name: "Spasm", presentation: Spasm, blocks: [
            (name: "Circuit", rounds: 1, items: [(exercise: "plank", step: 1), (exercise: "bridge", step: 2)]),
        ])"#,
    )
    .expect("write plan");
    let run = |completed: &str| {
        let days_path = dir.path().join("days.ron");
        std::fs::write(
            &days_path,
            format!(
                "(schema_version: 2, days: [\n(date: \"2026-12-01\", check_in: Some((back_pain: 7)), sessions: [(worst_pain: 3, completed: {{{completed}}})]),\n])"
            ),
        )
        .expect("write days");
        std::process::Command::new(env!("CARGO_BIN_EXE_strongback"))
            .arg("simulate")
            .arg(&plan_path)
            .arg(&days_path)
            .output()
            .expect("runs")
    };
    // A gentle day prescribes the walk and the clamshell, which the plan does not have.
    let out = run(r#""walk": true, "clamshell": true"#);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("gentle"));
    let out = run(r#""walk": true, "clamshel": true"#);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("days.ron:2:") && err.contains("`clamshel`"),
        "FILE:LINE:COL and the id: {err}"
    );
}

#[test]
fn an_open_referral_keeps_every_reason_it_was_raised_for_until_seen() {
    let p = plan("");
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
    days.push(Day {
        clinician_seen: Some(ClinicianSeen {
            note: String::new(),
        }),
        ..Day::on(date(14))
    });
    let d = decide_on(&p, &days, 14);
    assert_eq!(d.referral, Referral::None, "{:?}", d.reasons);
}

// ---------------------------------------------------------------- invariants

/// A random day: a check-in (sometimes with leg pain, its extent and trend, new numbness,
/// or ended by a red flag), a session now and then, and now and then a clearance of every
/// answer given before it.
fn arb_day(n: u32) -> impl Strategy<Value = Day> {
    let leg = prop_oneof![
        2 => Just(None),
        1 => (
            1u8..=6,
            prop::sample::select(vec![
                LegExtent::Buttock,
                LegExtent::Thigh,
                LegExtent::BelowKnee,
                LegExtent::Foot,
            ]),
            prop::option::of(prop::sample::select(vec![
                LegTrend::Closer,
                LegTrend::Same,
                LegTrend::Further,
            ])),
        )
            .prop_map(Some),
    ];
    let flag = prop_oneof![
        24 => Just(None),
        1 => prop::sample::select(vec![
            RedFlag::MidBackPain,
            RedFlag::SevereLegWeakness,
            RedFlag::CancerHistory,
        ])
        .prop_map(Some),
    ];
    (
        0u8..=7,
        prop::option::of(0u8..=8),
        prop_oneof![4 => Just(None), 1 => Just(Some(MorningAfter::WorseButSettled)), 1 => Just(Some(MorningAfter::WorseNotSettled))],
        prop_oneof![6 => Just(false), 1 => Just(true)],
        leg,
        flag,
        prop_oneof![8 => Just(false), 1 => Just(true)],
    )
        .prop_map(move |(back, worst, morning, numb, leg, flag, clear)| {
            let mut c = check_in(back);
            c.morning_after = morning;
            c.new_numbness = numb;
            if let Some((pain, extent, trend)) = leg {
                c.leg_pain = Some(pain);
                c.leg_extent = Some(extent);
                c.leg_trend = trend;
            }
            let mut d = match flag {
                Some(flag) => flagged(n, &[flag], flag == RedFlag::CancerHistory),
                None => day(n, Some(c), worst),
            };
            if clear {
                d.clearance = Some(Clearance {
                    note: String::new(),
                    covers: Vec::new(),
                });
            }
            d
        })
}

fn arb_history() -> impl Strategy<Value = Vec<Day>> {
    (1u32..=60).map(arb_day).collect::<Vec<_>>()
}

/// `after` is nowhere above `before`: a lower step, or at the same step no more sets and no
/// dimension of the dose higher.
fn not_raised(before: &Prescribed, after: &Prescribed) -> bool {
    if after.step != before.step {
        return after.step < before.step;
    }
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
        _ => false,
    };
    after.sets <= before.sets && dose_ok
}

/// The rules-v2 plan, or the same with dead bug and ball curl (reps above step 1, holds at
/// step 1), with `extra` inside it.
fn either_plan(with_floor_work: bool, extra: &str) -> CheckedPlan {
    if with_floor_work {
        plan_with_floor_work(extra)
    } else {
        plan(extra)
    }
}

fn presentations() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "presentation: Spasm,",
        "presentation: Nerve,",
        "presentation: Ache,",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Adding an amber, a red, a leg warning (new numbness, or the leg further down) or a red
    /// flag (cleared the next day) to one day never raises any exercise's step, dose or sets
    /// on any later day.
    #[test]
    fn more_caution_in_a_history_never_raises_a_later_day(
        days in arb_history(),
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

    /// McGill-style holds never exceed the cap; the session never exceeds the physio's limit;
    /// no reduction takes a dose below the lower of its floor and its unreduced value.
    /// The limit is the plan's own length rounded up to the minute (less than a minute to
    /// spare), and the histories hold reds, leg warnings and red flags; with dead bug and ball
    /// curl in the plan, a step down turns their reps into holds.
    #[test]
    fn caps_limits_and_floors_hold_on_every_day(
        days in arb_history(),
        presentation in presentations(),
        with_floor_work in any::<bool>(),
    ) {
        let base = either_plan(with_floor_work, presentation);
        let minutes = Timeline::build(&base.circuit).planned_total_secs().div_ceil(60) as u32;
        let p = either_plan(
            with_floor_work,
            &format!("{presentation} limits: (max_session_minutes: Some({minutes})),"),
        );
        let catalog = catalog();
        for d in replay(&p, &catalog, &days) {
            let circuit = strongback::domain::care::rules::todays_circuit(&p.circuit, &d, &catalog);
            let secs = Timeline::build(&circuit).planned_total_secs();
            prop_assert!(secs <= u64::from(minutes) * 60, "{} s over {} min on {}: {:?}", secs, minutes, d.date, d.reasons);
            for e in &d.exercises {
                let exercise = catalog.get(&e.exercise_id).expect("known");
                if exercise.mcgill_style {
                    prop_assert!(e.dose.hold_secs().is_some_and(|h| h <= 10), "{:?}", e);
                }
                prop_assert!(e.sets >= 1);
                let ladder_dose = exercise.step(e.step).map(|s| s.dose);
                match (e.dose, ladder_dose) {
                    (Dose::Hold { hold_secs }, Some(Dose::Hold { hold_secs: start })) => {
                        prop_assert!(hold_secs >= 5.min(start) || d.status == Status::Gentle, "{:?}", e);
                    }
                    (Dose::Reps { reps }, Some(Dose::Reps { reps: start })) => {
                        prop_assert!(reps >= 3.min(start), "{:?}", e);
                    }
                    _ => {}
                }
            }
        }
    }

    /// Dead bug and ball curl only, under a limit close to the plan's length: whatever the
    /// history (reds, warnings, deloads, spasm days), the day's session as the player runs it
    /// never takes longer than the physio's limit.
    #[test]
    fn the_planned_session_never_exceeds_the_physio_limit_on_any_day(
        days in arb_history(),
        presentation in presentations(),
    ) {
        let p = floor_work_under_a_limit();
        let mut plan = p.clone();
        if let Some(rest) = presentation.strip_prefix("presentation: ") {
            plan.plan.presentation = match rest.trim_end_matches(',') {
                "Spasm" => Presentation::Spasm,
                "Nerve" => Presentation::Nerve,
                _ => Presentation::Ache,
            };
        }
        for d in replay(&plan, &catalog(), &days) {
            let secs = planned_secs(&plan, &d);
            prop_assert!(secs <= 16 * 60, "{} s on {}: {:?}", secs, d.date, d.reasons);
        }
    }
}

#[test]
fn numbness_still_there_is_asked_as_still_there_and_refers_after_48_hours() {
    use strongback::domain::care::rules::{OpenLegWarning, open_leg_warning};
    let p = plan("");
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
