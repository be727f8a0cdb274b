//! The session: the timing engine `SessionPlayer` (`player`), the cue track rendered offline,
//! sound through a failing or recording device, and recovery after a kill.

mod audio;
mod cue_track;
mod player;
mod recovery;

use strongback::domain::plan::blocks::Timings;
use strongback::domain::plan::catalog::{Dose, MovementBias};
use strongback::domain::plan::circuit::{Circuit, CircuitBlock, CircuitItem};

/// An exercise of a test circuit, named by its id, at step 1 of 3 with a neutral bias.
fn item(id: &str, dose: Dose, per_side: bool, sets: u32) -> CircuitItem {
    CircuitItem {
        exercise_id: id.to_owned(),
        name: id.to_owned(),
        step: 1,
        step_name: "step".to_owned(),
        cue: format!("{id}'s cue"),
        top_step: 3,
        per_side,
        bias: MovementBias::Neutral,
        sets,
        dose,
        notes: String::new(),
    }
}

/// A test circuit with these timings, of blocks given as (rounds, items).
fn circuit_with(timings: Timings, blocks: Vec<(u32, Vec<CircuitItem>)>) -> Circuit {
    Circuit {
        name: "test".to_owned(),
        timings,
        blocks: blocks
            .into_iter()
            .map(|(rounds, items)| CircuitBlock {
                name: "block".to_owned(),
                rounds,
                rest_between_exercises_secs: None,
                items,
            })
            .collect(),
    }
}

fn hold(hold_secs: u32) -> Dose {
    Dose::Hold { hold_secs }
}
