//! Unit tests of `doses.rs`.
use super::*;

fn rules() -> RuleSettings {
    RuleSettings::default()
}

fn rx(dose: Dose, sets: u32) -> Rx {
    Rx {
        step: 1,
        sets,
        dose,
    }
}

#[test]
fn half_the_volume_halves_holds_and_reps_rounding_down() {
    let half = half_volume(
        rx(Dose::Hold { hold_secs: 25 }, 3),
        &rules(),
        Floors::default(),
    );
    assert_eq!(half.dose, Dose::Hold { hold_secs: 12 });
    assert_eq!(half.sets, 3);
    let half = half_volume(rx(Dose::Reps { reps: 15 }, 2), &rules(), Floors::default());
    assert_eq!(half.dose, Dose::Reps { reps: 7 });
}

#[test]
fn a_pyramid_halves_each_round_rounding_up() {
    let pyramid = Dose::Paced {
        reps: 7,
        secs_per_rep: 8,
        fewer_per_set: 2,
    };
    let half = half_volume(rx(pyramid, 3), &rules(), Floors::default());
    assert_eq!(half.dose.describe_sets(3), "4/3/2 reps of 8 s");
}

#[test]
fn where_a_floor_blocks_halving_one_set_goes_instead() {
    let half = half_volume(
        rx(Dose::Hold { hold_secs: 8 }, 3),
        &rules(),
        Floors::default(),
    );
    assert_eq!(half.dose, Dose::Hold { hold_secs: 5 });
    assert_eq!(half.sets, 2);
    // Below the floor already: nothing rises, and still one set fewer.
    let half = half_volume(rx(Dose::Reps { reps: 2 }, 1), &rules(), Floors::default());
    assert_eq!(half.dose, Dose::Reps { reps: 2 });
    assert_eq!(half.sets, 1);
}

#[test]
fn the_lower_of_two_prescriptions_takes_the_lowest_step_then_each_dimension() {
    let a = Rx {
        step: 2,
        sets: 3,
        dose: Dose::Hold { hold_secs: 10 },
    };
    let b = Rx {
        step: 1,
        sets: 2,
        dose: Dose::Hold { hold_secs: 20 },
    };
    assert_eq!(
        lower_of(a, b),
        Rx {
            step: 1,
            sets: 2,
            dose: Dose::Hold { hold_secs: 10 }
        }
    );
    let reps = Rx {
        step: 1,
        sets: 3,
        dose: Dose::Reps { reps: 8 },
    };
    // A different kind at the lower step: that step's own kind applies.
    assert_eq!(lower_of(a, reps).dose, Dose::Reps { reps: 8 });
}

#[test]
fn mcgill_progression_climbs_the_pyramid_and_never_lengthens_the_hold() {
    let bottom = Dose::Paced {
        reps: 5,
        secs_per_rep: 10,
        fewer_per_set: 2,
    };
    let next = dose_step_up(rx(bottom, 3), bottom, true, &rules()).expect("room to climb");
    assert_eq!(next.describe_sets(3), "6/4/2 reps of 10 s");
    let hold = Dose::Hold { hold_secs: 10 };
    assert_eq!(dose_step_up(rx(hold, 1), hold, true, &rules()), None);
}
