//! The parts of a session (blocks, items, timings) and the resolved circuit the engine plays.
//!
//! A [`Plan`] names exercises by catalog id; [`Circuit::resolve`] looks them up so the
//! engine and the record carry names, ladder steps and doses without needing the catalog.

use serde::{Deserialize, Serialize};

use super::catalog::{Catalog, Dose, MovementBias};
use super::plan::Plan;

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

/// One resolved exercise slot: everything the player and the record need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CircuitItem {
    pub exercise_id: String,
    pub name: String,
    pub step: u8,
    pub step_name: String,
    pub top_step: u8,
    pub per_side: bool,
    pub bias: MovementBias,
    pub sets: u32,
    pub dose: Dose,
    #[serde(default)]
    pub notes: String,
}

impl CircuitItem {
    /// "10 s each side × 2 sets": the dose as the person reads it.
    pub fn dose_summary(&self) -> String {
        let side = if self.per_side { " each side" } else { "" };
        let sets = if self.sets > 1 {
            format!(" × {} sets", self.sets)
        } else {
            String::new()
        };
        format!("{}{side}{sets}", self.dose.describe())
    }
}

/// A resolved block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CircuitBlock {
    pub name: String,
    pub rounds: u32,
    /// Rest between exercises in this block, if not the program's.
    #[serde(default)]
    pub rest_between_exercises_secs: Option<u32>,
    pub items: Vec<CircuitItem>,
}

/// A program resolved against the catalog: self-contained, so a saved session can be
/// resumed even if the catalog changed since.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Circuit {
    pub name: String,
    pub timings: Timings,
    pub blocks: Vec<CircuitBlock>,
}

/// Where a slot sits in a circuit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SlotRef {
    pub block: usize,
    pub item: usize,
}

impl Circuit {
    /// Look every plan item up in the catalog. Returns every problem found, not only the first.
    pub fn resolve(program: &Plan, catalog: &Catalog) -> Result<Circuit, Vec<String>> {
        let mut problems = Vec::new();
        let mut blocks = Vec::new();
        if program.blocks.iter().all(|b| b.items.is_empty()) {
            problems.push("the program has no exercises".to_owned());
        }
        for (block_index, block) in program.blocks.iter().enumerate() {
            if block.rounds == 0 {
                problems.push(format!(
                    "block {} (`{}`): rounds must be at least 1",
                    block_index + 1,
                    block.name
                ));
            }
            let mut items = Vec::new();
            for item in &block.items {
                let Some(exercise) = catalog.get(&item.exercise) else {
                    problems.push(format!(
                        "block `{}`: unknown exercise id `{}`",
                        block.name, item.exercise
                    ));
                    continue;
                };
                let Some(step) = exercise.step(item.step) else {
                    problems.push(format!(
                        "block `{}`: `{}` step {} does not exist (steps 1 to {})",
                        block.name,
                        item.exercise,
                        item.step,
                        exercise.top_step()
                    ));
                    continue;
                };
                if item.sets == 0 {
                    problems.push(format!(
                        "block `{}`: `{}` sets must be at least 1",
                        block.name, item.exercise
                    ));
                }
                items.push(CircuitItem {
                    exercise_id: exercise.id.clone(),
                    name: exercise.name.clone(),
                    step: item.step,
                    step_name: step.name.clone(),
                    top_step: exercise.top_step(),
                    per_side: exercise.per_side,
                    bias: exercise.bias,
                    sets: item.sets,
                    dose: item.dose.unwrap_or(step.dose),
                    notes: item.notes.clone(),
                });
            }
            blocks.push(CircuitBlock {
                name: block.name.clone(),
                rounds: block.rounds,
                rest_between_exercises_secs: block.rest_between_exercises_secs,
                items,
            });
        }
        if problems.is_empty() {
            Ok(Circuit {
                name: program.name.clone(),
                timings: program.timings,
                blocks,
            })
        } else {
            Err(problems)
        }
    }

    pub fn item(&self, slot: SlotRef) -> Option<&CircuitItem> {
        self.blocks.get(slot.block)?.items.get(slot.item)
    }

    /// Every slot in playing order, with its item.
    pub fn slots(&self) -> impl Iterator<Item = (SlotRef, &CircuitItem)> {
        self.blocks.iter().enumerate().flat_map(|(block, b)| {
            b.items
                .iter()
                .enumerate()
                .map(move |(item, it)| (SlotRef { block, item }, it))
        })
    }
}
