//! The resolved circuit the engine plays.
//!
//! A [`Plan`] names exercises by catalog id; [`Circuit::resolve`] looks them up so the
//! engine and the record carry names, ladder steps and doses without needing the catalog.

use serde::{Deserialize, Serialize};

use crate::domain::plan::Plan;
use crate::domain::plan::blocks::Timings;
use crate::domain::plan::catalog::{Catalog, Dose, MovementBias};

/// Why a plan cannot be played as a circuit (the plan checks report the same, with places).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CircuitError {
    #[error("the program has no exercises")]
    NoExercises,
    #[error("block `{block}`: rounds must be at least 1")]
    NoRounds { block: String },
    #[error("block `{block}`: unknown exercise id `{id}`")]
    UnknownExercise { block: String, id: String },
    #[error("block `{block}`: `{id}` step {step} does not exist (steps 1 to {top_step})")]
    NoSuchStep {
        block: String,
        id: String,
        step: u8,
        top_step: u8,
    },
    #[error("block `{block}`: `{id}` sets must be at least 1")]
    NoSets { block: String, id: String },
}

/// One resolved exercise slot: everything the player and the record need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CircuitItem {
    pub exercise_id: String,
    pub name: String,
    pub step: u8,
    pub step_name: String,
    /// The step's one key cue, said when the exercise begins (empty in records from before).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cue: String,
    pub top_step: u8,
    pub per_side: bool,
    pub bias: MovementBias,
    pub sets: u32,
    pub dose: Dose,
    #[serde(default)]
    pub notes: String,
}

impl CircuitItem {
    /// "10 s each side, 2 sets": the dose as the person reads it.
    pub fn dose_summary(&self) -> String {
        let side = if self.per_side { " each side" } else { "" };
        if let Dose::Paced {
            fewer_per_set: 1.., ..
        } = self.dose
            && self.sets > 1
        {
            // A pyramid: "5/3/1 reps of 10 s each side".
            return format!("{}{side}", self.dose.describe_sets(self.sets));
        }
        let sets = if self.sets > 1 {
            format!(", {} sets", self.sets)
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
    pub fn resolve(program: &Plan, catalog: &Catalog) -> Result<Circuit, CircuitError> {
        if program.blocks.iter().all(|b| b.items.is_empty()) {
            return Err(CircuitError::NoExercises);
        }
        let mut blocks = Vec::new();
        for block in &program.blocks {
            let in_block = |id: &str| (block.name.clone(), id.to_owned());
            if block.rounds == 0 {
                return Err(CircuitError::NoRounds {
                    block: block.name.clone(),
                });
            }
            let mut items = Vec::new();
            for item in &block.items {
                let (block_name, id) = in_block(&item.exercise);
                let Some(exercise) = catalog.get(&item.exercise) else {
                    return Err(CircuitError::UnknownExercise {
                        block: block_name,
                        id,
                    });
                };
                let Some(step) = exercise.step(item.step) else {
                    return Err(CircuitError::NoSuchStep {
                        block: block_name,
                        id,
                        step: item.step,
                        top_step: exercise.top_step(),
                    });
                };
                if item.sets == 0 {
                    return Err(CircuitError::NoSets {
                        block: block_name,
                        id,
                    });
                }
                items.push(CircuitItem {
                    exercise_id: exercise.id.clone(),
                    name: exercise.name.clone(),
                    step: item.step,
                    step_name: step.name.clone(),
                    cue: step.cue.clone(),
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
        Ok(Circuit {
            name: program.name.clone(),
            timings: program.timings,
            blocks,
        })
    }

    /// Whether every count and duration is within what a plan file may hold. A circuit read
    /// back from the app's own files (an interrupted session) is checked with this before its
    /// timeline is built, since that allocates a phase per round, set and side.
    pub fn within_plan_ranges(&self) -> bool {
        use crate::domain::plan::ranges;
        let t = &self.timings;
        let timings_ok = ranges::LEAD_IN_SECS.contains(&t.get_ready_secs)
            && ranges::LEAD_IN_SECS.contains(&t.switch_sides_secs)
            && [
                t.rest_between_sets_secs,
                t.rest_between_exercises_secs,
                t.rest_between_rounds_secs,
            ]
            .iter()
            .all(|secs| ranges::REST_SECS.contains(secs))
            && ranges::SECS_PER_REP.contains(&t.secs_per_rep_estimate);
        let dose_ok = |dose: Dose| match dose {
            Dose::Hold { hold_secs } => ranges::HOLD_SECS.contains(&hold_secs),
            Dose::Reps { reps } => ranges::REPS.contains(&reps),
            Dose::Paced {
                reps,
                secs_per_rep,
                fewer_per_set,
            } => {
                ranges::PACED_REPS.contains(&reps)
                    && ranges::SECS_PER_REP.contains(&secs_per_rep)
                    && ranges::FEWER_PER_SET.contains(&fewer_per_set)
            }
        };
        timings_ok
            && self.blocks.len() <= ranges::MAX_BLOCKS
            && self.blocks.iter().all(|b| {
                ranges::ROUNDS.contains(&b.rounds)
                    && b.items.len() <= ranges::MAX_ITEMS_PER_BLOCK
                    && b.rest_between_exercises_secs
                        .is_none_or(|secs| ranges::REST_SECS.contains(&secs))
                    && b.items
                        .iter()
                        .all(|i| ranges::SETS.contains(&i.sets) && dose_ok(i.dose))
            })
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
