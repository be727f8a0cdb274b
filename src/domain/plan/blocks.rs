//! The written parts of a plan's session: blocks of exercise items, and the timings between them.

use serde::{Deserialize, Serialize};

use crate::domain::plan::catalog::Dose;

/// One exercise slot of a program block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramItem {
    /// Catalog id, e.g. `plank`.
    pub exercise: String,
    /// Ladder step, 1-based.
    pub step: u8,
    /// Sets per round.
    #[serde(default = "one")]
    pub sets: u32,
    /// Overrides the ladder step's starting dose.
    #[serde(default)]
    pub dose: Option<Dose>,
    /// A note for the person (e.g. from their clinician).
    #[serde(default)]
    pub notes: String,
}

fn one() -> u32 {
    1
}

/// A part of the session played as a unit: warm-up, the circuit, stretches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramBlock {
    pub name: String,
    #[serde(default = "one")]
    pub rounds: u32,
    /// Rest between exercises in this block, if not the program's (e.g. shorter in a warm-up).
    #[serde(default)]
    pub rest_between_exercises_secs: Option<u32>,
    pub items: Vec<ProgramItem>,
}

/// Rests and lead-ins, in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timings {
    /// Lead-in before the first exercise.
    pub get_ready_secs: u32,
    /// Pause to change sides on per-side exercises.
    pub switch_sides_secs: u32,
    /// Rest between sets of the same exercise.
    pub rest_between_sets_secs: u32,
    /// Rest between one exercise and the next.
    pub rest_between_exercises_secs: u32,
    /// Rest between rounds of a block.
    pub rest_between_rounds_secs: u32,
    /// Seconds a rep usually takes; only used to estimate the session's length.
    pub secs_per_rep_estimate: u32,
}

impl Default for Timings {
    fn default() -> Self {
        Self {
            get_ready_secs: 10,
            switch_sides_secs: 5,
            rest_between_sets_secs: 15,
            rest_between_exercises_secs: 30,
            rest_between_rounds_secs: 75,
            secs_per_rep_estimate: 4,
        }
    }
}
