//! What a session leaves behind: the record of what was prescribed and what was done, and the
//! snapshot that lets an interrupted session be resumed or saved.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::catalog::Dose;
use super::circuit::{Circuit, SlotRef};
use super::timeline::{Side, Timeline};

/// How a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionOutcome {
    /// Played to the end.
    Completed,
    /// The person ended it before the end.
    EndedEarly,
    /// The app was closed mid-session; saved later as a partial session.
    Interrupted,
}

/// One set on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetRecord {
    pub round: u32,
    pub set: u32,
    pub side: Option<Side>,
    pub prescribed: Dose,
    pub completed: Dose,
}

/// One exercise slot of the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseRecord {
    pub exercise_id: String,
    pub name: String,
    pub block: String,
    pub step: u8,
    pub step_name: String,
    pub sets: Vec<SetRecord>,
}

impl ExerciseRecord {
    /// Every set was done in full.
    pub fn fully_completed(&self) -> bool {
        self.sets.iter().all(|s| s.completed == s.prescribed)
    }
}

/// A finished (or ended, or interrupted) session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub schema_version: u32,
    pub started_at: DateTime<FixedOffset>,
    pub ended_at: DateTime<FixedOffset>,
    pub program: String,
    pub outcome: SessionOutcome,
    /// Time spent training, pauses excluded.
    pub active_secs: u64,
    pub exercises: Vec<ExerciseRecord>,
}

impl SessionRecord {
    pub const SCHEMA_VERSION: u32 = 1;

    /// Build the record from the circuit and what each work phase achieved.
    pub fn build(
        circuit: &Circuit,
        timeline: &Timeline,
        completed: &[Option<Dose>],
        times: SessionTimes,
        outcome: SessionOutcome,
    ) -> SessionRecord {
        let mut exercises: Vec<(SlotRef, ExerciseRecord)> = circuit
            .slots()
            .map(|(slot, item)| {
                let block = circuit
                    .blocks
                    .get(slot.block)
                    .map(|b| b.name.clone())
                    .unwrap_or_default();
                (
                    slot,
                    ExerciseRecord {
                        exercise_id: item.exercise_id.clone(),
                        name: item.name.clone(),
                        block,
                        step: item.step,
                        step_name: item.step_name.clone(),
                        sets: Vec::new(),
                    },
                )
            })
            .collect();
        for (index, phase) in timeline.phases.iter().enumerate() {
            if !phase.is_work() {
                continue;
            }
            let Some((_, exercise)) = exercises.iter_mut().find(|(s, _)| *s == phase.slot) else {
                continue;
            };
            let done = completed
                .get(index)
                .copied()
                .flatten()
                .unwrap_or(phase.dose.zero());
            exercise.sets.push(SetRecord {
                round: phase.round,
                set: phase.set,
                side: phase.side,
                prescribed: phase.dose,
                completed: done,
            });
        }
        SessionRecord {
            schema_version: Self::SCHEMA_VERSION,
            started_at: times.started_at,
            ended_at: times.ended_at,
            program: circuit.name.clone(),
            outcome,
            active_secs: times.active_secs,
            exercises: exercises.into_iter().map(|(_, e)| e).collect(),
        }
    }

    /// Sets done in full, and sets in all.
    pub fn sets_done(&self) -> (usize, usize) {
        let all = self.exercises.iter().flat_map(|e| &e.sets);
        let total = all.clone().count();
        let done = all.filter(|s| s.completed == s.prescribed).count();
        (done, total)
    }
}

/// When a session ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionTimes {
    pub started_at: DateTime<FixedOffset>,
    pub ended_at: DateTime<FixedOffset>,
    pub active_secs: u64,
}

/// A session still under way, saved at every phase change so a crash loses nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InProgressSession {
    pub schema_version: u32,
    pub started_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
    pub active_secs: u64,
    pub phase_index: usize,
    pub circuit: Circuit,
    /// What each phase achieved so far, by phase index.
    pub completed: Vec<Option<Dose>>,
}

impl InProgressSession {
    pub const SCHEMA_VERSION: u32 = 1;

    /// Turn the snapshot into a partial session record.
    pub fn into_record(self) -> SessionRecord {
        let timeline = Timeline::build(&self.circuit);
        SessionRecord::build(
            &self.circuit,
            &timeline,
            &self.completed,
            SessionTimes {
                started_at: self.started_at,
                ended_at: self.updated_at,
                active_secs: self.active_secs,
            },
            SessionOutcome::Interrupted,
        )
    }
}
