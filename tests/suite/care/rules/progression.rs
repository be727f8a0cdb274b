//! Progression (R4): two greens move a dose up once a week, to the top of a step's range and
//! on to the next step; McGill pyramids climb one rep per set; only what was done at full dose
//! moves; every reason states the dose prescribed.

use proptest::prelude::*;
use strongback::domain::care::checkin::Day;
use strongback::domain::care::rules::{Referral, Status};
use strongback::domain::plan::catalog::Dose;

use super::{
    arb_flag_history, day, decide_on, exercise, mcgill_plan, presentation_values, rx, session_day,
    small_plan,
};
use crate::common::{beside_source, catalog, check_in, report};

#[test]
fn a_plain_day_follows_the_plan_with_no_reasons() {
    let p = small_plan("NotSet", "");
    let d = decide_on(&p, &[day(1, Some(check_in(2)), None)], 1);
    assert_eq!(d.status, Status::Train);
    assert_eq!(d.referral, Referral::None);
    assert_eq!(d.light, None);
    assert!(d.reasons.is_empty(), "{:?}", d.reasons);
    assert_eq!(d.exercises.len(), 6);
}

#[test]
fn r4_two_greens_progress_once_per_seven_days() {
    let p = small_plan("NotSet", "");
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
    let p = small_plan("NotSet", "");
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
    let p = small_plan("NotSet", "");
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
fn a_session_counts_only_for_the_exercises_it_prescribed_at_full_dose() {
    // Green sessions on leg-warning days (everything one step down) never move the plank.
    let p = mcgill_plan("");
    let mut warning = check_in(2);
    warning.new_numbness = true;
    let days: Vec<Day> = (1..=30)
        .step_by(2)
        .map(|n| day(n, Some(warning.clone()), Some(report(2))))
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
fn mcgill_exercises_climb_the_pyramid_one_rep_per_set() {
    let p = mcgill_plan("");
    let first = decide_on(&p, &[], 1);
    assert_eq!(
        rx(&first, "bird_dog").dose.describe_sets(3),
        "5/3/1 reps of 7 s"
    );
    // Two greens, then two more a week later: two progressions.
    let days = vec![
        session_day(1, 1),
        session_day(3, 1),
        session_day(8, 1),
        session_day(10, 1),
    ];
    let d = decide_on(&p, &days, 11);
    assert_eq!(
        rx(&d, "bird_dog").dose.describe_sets(3),
        "7/5/3 reps of 7 s"
    );
}

#[test]
fn a_mcgill_pyramid_tops_out_at_7_5_3_and_then_moves_up_a_step() {
    let p = mcgill_plan("");
    let days: Vec<Day> = [1, 3, 10, 12, 19, 21].map(|n| session_day(n, 1)).to_vec();
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

proptest! {
    #![proptest_config(beside_source(ProptestConfig::with_cases(48)))]

    /// Every reason about an exercise's dose states the dose actually prescribed that day,
    /// after every rule and limit.
    #[test]
    fn reasons_state_the_dose_prescribed(
        days in arb_flag_history(),
        presentation in presentation_values(),
    ) {
        let p = small_plan(presentation, r#"max_steps: {"plank": 2}"#);
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
