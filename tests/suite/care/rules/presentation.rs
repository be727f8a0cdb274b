//! Presentations (R8): spasm's gentle day and short holds, nerve without flexion and with
//! press-ups only while centralising, ache without extension after an amber, and the pain-kind
//! answer that sets the presentation once confirmed.

use strongback::domain::care::checkin::{Day, LegExtent, LegTrend, PainKind};
use strongback::domain::care::rules::{Status, decide};
use strongback::domain::plan::Presentation;
use strongback::domain::plan::checks::CheckedPlan;
use strongback::store::plan_file::check_plan_text;

use super::{date, day, decide_on, exercise, held_secs, mcgill_plan, rx, session_day, small_plan};
use crate::common::{EXAMPLE_PLAN, built_in_plan, catalog, check_in, report};

#[test]
fn r8_spasm_gentle_day_then_short_holds_then_full_plan() {
    let p = small_plan("Spasm", "");
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
    let mut p = built_in_plan();
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
fn spasm_short_holds_leave_the_walk_and_the_stretches_alone() {
    let p = mcgill_plan("presentation: Spasm,");
    let days = vec![
        day(1, Some(check_in(7)), None),
        day(2, Some(check_in(4)), None),
    ];
    let d = decide_on(&p, &days, 2);
    assert_eq!(held_secs(rx(&d, "walk")), Some(90));
    assert_eq!(held_secs(rx(&d, "hip_flexor_stretch")), Some(25));
    assert!(held_secs(rx(&d, "plank")).is_some_and(|h| h <= 10));
}

#[test]
fn r8_nerve_never_gets_flexion_and_press_ups_only_while_centralising() {
    let text = EXAMPLE_PLAN
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
            .contains("Knee to chest bends the spine forward"),
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
    let p = small_plan("Ache", "");
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
    let other = small_plan("NotSet", "");
    assert!(
        exercise(&decide_on(&other, &[session_day(1, 4)], 3), "superman").is_some(),
        "only for Ache"
    );
}

#[test]
fn the_pain_kind_answer_sets_the_presentation_only_when_confirmed() {
    let p = mcgill_plan("");
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
