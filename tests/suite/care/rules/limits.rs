//! Limits that are never passed: the physio's steps, exclusions and session length, the
//! McGill hold cap and the floor of every reduction, as scenarios and as properties of random
//! histories.

use proptest::prelude::*;
use strongback::domain::care::rules::{DayDecision, Status, decide, replay};
use strongback::domain::plan::Presentation;
use strongback::domain::plan::catalog::Dose;
use strongback::domain::plan::checks::CheckedPlan;
use strongback::domain::plan::timeline::Timeline;

use super::{
    arb_flag_history, arb_leg_history, date, day, decide_on, either_plan, exercise, held_secs,
    mcgill_plan, plan_from_blocks, presentation_values, presentations, rx, session_day,
    sessions_every_other_day, small_plan,
};
use crate::common::{beside_source, catalog, check_in};

/// Dead bug and ball curl only, six rounds at step 2 under a 16-minute limit: a step down to
/// their step-1 holds would take the session past it.
fn floor_work_under_a_limit() -> CheckedPlan {
    plan_from_blocks(
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

#[test]
fn physio_limits_win_over_progression() {
    let p = small_plan("NotSet", r#"max_steps: {"plank": 2}"#);
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
    let excluded = small_plan("NotSet", r#"excluded_exercises: ["superman"]"#);
    let d = decide_on(&excluded, &[], 1);
    assert!(exercise(&d, "superman").is_none());
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("your physio excluded it"))
    );
}

#[test]
fn a_session_limit_just_above_the_plan_is_never_passed_and_says_why() {
    let base = mcgill_plan("");
    let minutes = Timeline::build(&base.circuit)
        .planned_total_secs()
        .div_ceil(60) as u32;
    let p = mcgill_plan(&format!(
        "limits: (max_session_minutes: Some({})),",
        minutes + 1
    ));
    let days = sessions_every_other_day(120, |_| 1);
    let mut held = false;
    for n in (1..=120).step_by(7) {
        let d = decide_on(&p, &days, n);
        let secs = planned_secs(&p, &d);
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

#[test]
fn a_step_down_to_a_hold_keeps_the_session_within_the_physio_limit() {
    let p = floor_work_under_a_limit();
    let limit = 16 * 60;
    // R6: a red steps dead bug and ball curl down to their step-1 holds.
    let mut days = vec![session_day(1, 7), session_day(4, 1)];
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
        assert!(held_secs(e).is_some_and(|h| h >= 5), "{e:?}");
        assert!(
            e.full_dose,
            "the shortened hold is the step's top, not a reduction"
        );
    }
    // It climbs back: after two greens a week on, the shortened hold moves to step 2.
    days.push(session_day(6, 1));
    days.push(session_day(8, 1));
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
fn mcgill_holds_never_pass_ten_seconds_at_any_step_after_months_of_greens() {
    let p = mcgill_plan("");
    let days = sessions_every_other_day(240, |_| 1);
    for n in (1..=240).step_by(10) {
        let d = decide_on(&p, &days, n);
        for id in ["bird_dog", "curl_up"] {
            let held = held_secs(rx(&d, id)).expect("a held exercise");
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
fn a_plan_asking_a_mcgill_hold_above_the_cap_gets_the_cap() {
    let mut p = mcgill_plan("");
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
    assert_eq!(held_secs(rx(&d, "curl_up")), Some(10));
}

#[test]
fn a_mcgill_cap_below_the_plan_s_hold_is_given_as_a_reason_and_on_the_handout() {
    let p = plan_from_blocks(
        "",
        r#"
        (name: "Circuit", rounds: 1, items: [
            (exercise: "curl_up", step: 1, sets: 3, dose: Some(Paced(reps: 5, secs_per_rep: 15, fewer_per_set: 2))),
            (exercise: "plank", step: 2),
        ]),"#,
    );
    let d = decide_on(&p, &[], 1);
    assert_eq!(held_secs(rx(&d, "curl_up")), Some(10));
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

proptest! {
    #![proptest_config(beside_source(ProptestConfig::with_cases(64)))]

    #[test]
    fn limits_and_exclusions_are_never_exceeded_and_flags_never_skipped(
        days in arb_flag_history(),
        presentation in presentation_values(),
    ) {
        let p = small_plan(presentation, r#"excluded_exercises: ["superman"], max_steps: {"plank": 3, "bridge": 3}"#);
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

proptest! {
    #![proptest_config(beside_source(ProptestConfig::with_cases(48)))]

    /// McGill-style holds never exceed the cap; the session never exceeds the physio's limit;
    /// no reduction takes a dose below the lower of its floor and its unreduced value.
    /// The limit is the plan's own length rounded up to the minute (less than a minute to
    /// spare), and the histories hold reds, leg warnings and red flags; with dead bug and ball
    /// curl in the plan, a step down turns their reps into holds.
    #[test]
    fn caps_limits_and_floors_hold_on_every_day(
        days in arb_leg_history(),
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
        days in arb_leg_history(),
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
