//! Reductions (R5, R6 and the deload week): two ambers drop a set, a red rests 48 hours and
//! then steps down or halves, two reds start a deload week, and the way back up.

use strongback::domain::care::rules::{Prescribed, Status};
use strongback::domain::plan::catalog::Dose;

use super::{
    day, decide_on, exercise, held_secs, mcgill_plan, plan_from_blocks, rx, session_day, small_plan,
};
use crate::common::check_in;

/// The reps of a counted or paced exercise (0 for a hold).
fn reps(p: &Prescribed) -> u32 {
    match p.dose {
        Dose::Reps { reps } | Dose::Paced { reps, .. } => reps,
        Dose::Hold { .. } => 0,
    }
}

#[test]
fn r5_two_ambers_in_a_row_drop_one_set_never_below_one() {
    let p = small_plan("NotSet", "");
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
    let p = small_plan("NotSet", "");
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
    let p = small_plan("NotSet", "");
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
fn two_ambers_drop_a_set_and_two_greens_bring_it_back() {
    let p = mcgill_plan("");
    let mut days = vec![session_day(1, 4), session_day(3, 4)];
    let d = decide_on(&p, &days, 5);
    assert_eq!(rx(&d, "bridge").sets, 2, "{:?}", d.reasons);
    assert_eq!(
        rx(&d, "bird_dog")
            .dose
            .describe_sets(rx(&d, "bird_dog").sets),
        "5/3 reps of 7 s",
        "in a pyramid the last round goes"
    );
    days.push(session_day(5, 1));
    assert_eq!(rx(&decide_on(&p, &days, 6), "bridge").sets, 2, "one green");
    days.push(session_day(7, 1));
    // §5 R5: "the dropped set returns after the next 2 green sessions in a row": the next day,
    // and ten days after the drop with no session since (a drop is not an increase, so the
    // week between increases does not hold it back).
    for date in [8, 13] {
        let d = decide_on(&p, &days, date);
        assert_eq!(rx(&d, "bridge").sets, 3, "day {date}: {:?}", d.reasons);
        assert!(rx(&d, "bridge").full_dose, "day {date}");
    }
}

#[test]
fn a_set_held_back_by_the_week_between_increases_returns_on_the_first_day_allowed() {
    let p = mcgill_plan("");
    // Two greens move the bridge up on day 3; two ambers drop a set on day 5; two greens on
    // days 6 and 7 earn it back, but the bridge moved up on day 3: the set returns on day 10,
    // a week after that increase, with no session after day 7.
    let mut days: Vec<_> = [1, 3].iter().map(|&n| session_day(n, 1)).collect();
    let moved_up = rx(&decide_on(&p, &days, 4), "bridge").dose;
    assert_ne!(moved_up, rx(&decide_on(&p, &days, 3), "bridge").dose);
    days.extend([4, 5].iter().map(|&n| session_day(n, 4)));
    days.extend([6, 7].iter().map(|&n| session_day(n, 1)));
    assert_eq!(
        rx(&decide_on(&p, &days, 9), "bridge").sets,
        2,
        "a week first"
    );
    let d = decide_on(&p, &days, 10);
    assert_eq!(rx(&d, "bridge").sets, 3, "{:?}", d.reasons);
    assert_eq!(rx(&d, "bridge").dose, moved_up, "the move up is kept");
}

#[test]
fn a_red_at_step_one_halves_until_two_greens_and_at_step_two_steps_down_to_the_top_of_step_one() {
    let p = mcgill_plan("");
    let mut days = vec![session_day(1, 7)];
    let d = decide_on(&p, &days, 4);
    assert_eq!(d.status, Status::Train);
    // Side plank (step 1, 10 s): half the volume, at its 5 s floor.
    assert_eq!(held_secs(rx(&d, "side_plank")), Some(5));
    assert!(!rx(&d, "side_plank").full_dose);
    // Bridge (step 2, 12 reps): step 1 at the top of its range (12 + 3 × 2 = 18), never above 12.
    assert_eq!((rx(&d, "bridge").step, reps(rx(&d, "bridge"))), (1, 12));
    days.push(session_day(4, 1));
    assert_eq!(
        held_secs(rx(&decide_on(&p, &days, 5), "side_plank")),
        Some(5),
        "one green"
    );
    days.push(session_day(6, 1));
    // §5 R6: "the halving at L1 ends after 2 green sessions in a row", with no session since.
    for date in [7, 12] {
        let d = decide_on(&p, &days, date);
        assert_eq!(
            held_secs(rx(&d, "side_plank")),
            Some(10),
            "day {date}: {:?}",
            d.reasons
        );
    }
}

#[test]
fn a_deload_week_ends_with_the_doses_of_its_first_day() {
    let p = mcgill_plan("");
    let days = vec![session_day(1, 7), session_day(4, 7)];
    let first = decide_on(&p, &days, 6);
    assert_eq!(first.status, Status::Deload);
    assert!(rx(&first, "plank").step <= 2);
    let after = decide_on(&p, &days, 11);
    assert_eq!(after.status, Status::Train, "{:?}", after.reasons);
    // R6's step downs are kept; the halving is not.
    let plain_two_reds_base = rx(&after, "plank");
    assert!(plain_two_reds_base.full_dose || plain_two_reds_base.step == 1);
    assert!(held_secs(plain_two_reds_base) >= held_secs(rx(&first, "plank")));
}

#[test]
fn a_red_counts_toward_one_deload_only() {
    let p = mcgill_plan("");
    // Reds on days 1 and 4 start a deload (to day 10); a red on day 13 with day 4 already
    // used does not start another.
    let days = vec![session_day(1, 7), session_day(4, 7), session_day(13, 7)];
    assert_ne!(decide_on(&p, &days, 16).status, Status::Deload);
}

#[test]
fn caution_across_dose_kinds_keeps_the_deload_halving_at_the_final_step() {
    let p = plan_from_blocks(
        "presentation: Ache,",
        r#"
        (name: "Circuit", rounds: 2, items: [
            (exercise: "dead_bug", step: 4, sets: 3),
            (exercise: "ball_curl", step: 4, sets: 3),
        ]),"#,
    );
    let history = vec![
        session_day(1, 7),
        session_day(4, 7),
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
