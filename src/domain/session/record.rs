//! What a session leaves behind: the record of what was prescribed and what was done, and the
//! snapshot that lets an interrupted session be resumed or saved.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::domain::plan::catalog::Dose;
use crate::domain::plan::circuit::{Circuit, SlotRef};
use crate::domain::plan::timeline::{Side, Timeline};

/// How a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionOutcome {
    /// Played to the end.
    Completed,
    /// The person ended it before the end.
    EndedEarly,
    /// The app was closed mid-session; saved later as a partial session.
    Interrupted,
    /// It ran to its end (or was ended) with not one set done: every exercise skipped. Kept,
    /// but not a session done: it counts neither as completed nor as partial.
    NothingDone,
}

/// One set on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetRecord {
    pub round: u32,
    pub set: u32,
    pub side: Option<Side>,
    pub prescribed: Dose,
    pub completed: Dose,
    /// The person reached this set and moved on with nothing done (Skip, or ending there).
    /// Records from before this field say nothing: their empty sets read as not reached.
    #[serde(default, skip_serializing_if = "is_false")]
    pub skipped: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A part done of a set, in words: "7 s of 10 s", "1 of 6 reps".
fn part_of(done: Dose, prescribed: Dose) -> String {
    match (done, prescribed) {
        (Dose::Hold { hold_secs: done }, Dose::Hold { hold_secs: all }) => {
            format!("{done} s of {all} s")
        }
        (Dose::Reps { reps: done }, Dose::Reps { reps: all })
        | (Dose::Paced { reps: done, .. }, Dose::Paced { reps: all, .. }) => {
            format!("{done} of {all} reps")
        }
        (done, all) => format!("{} of {}", done.describe(), all.describe()),
    }
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

    /// What was done, as a sentence: "All 4 sets done in full (10 s each)." or "2 of 4 sets
    /// done in full; round 2, left side: 7 s of 10 s; 1 not reached."
    pub fn done_sentence(&self) -> String {
        let total = self.sets.len();
        let full = self
            .sets
            .iter()
            .filter(|s| s.completed == s.prescribed)
            .count();
        let word = |n: usize| if n == 1 { "set" } else { "sets" };
        if total > 0 && full == total {
            let each = self
                .sets
                .first()
                .map(|s| s.prescribed.describe())
                .unwrap_or_default();
            let same = self
                .sets
                .iter()
                .all(|s| Some(s.prescribed) == self.sets.first().map(|f| f.prescribed));
            return if total == 1 {
                format!("Done in full ({each}).")
            } else if same {
                format!("All {total} {} done in full ({each} each).", word(total))
            } else {
                format!("All {total} {} done in full.", word(total))
            };
        }
        let skipped = self
            .sets
            .iter()
            .filter(|s| s.completed.is_nothing() && s.skipped)
            .count();
        let not_reached = self
            .sets
            .iter()
            .filter(|s| s.completed.is_nothing() && !s.skipped)
            .count();
        if skipped == total {
            return "Skipped.".to_owned();
        }
        if not_reached == total {
            return "Not reached.".to_owned();
        }
        if skipped + not_reached == total {
            return format!("{skipped} skipped; {not_reached} not reached.");
        }
        let mut parts = vec![format!("{full} of {total} {} done in full", word(total))];
        let rounds = self.sets.iter().map(|s| s.round).max().unwrap_or(1);
        for set in &self.sets {
            if set.completed == set.prescribed || set.completed.is_nothing() {
                continue;
            }
            let mut which = Vec::new();
            if rounds > 1 {
                which.push(format!("round {}", set.round));
            }
            if self.sets.iter().any(|s| s.round == set.round && s.set > 1) {
                which.push(format!("set {}", set.set));
            }
            if let Some(side) = set.side {
                which.push(format!("{} side", side.label()));
            }
            let which = if which.is_empty() {
                String::new()
            } else {
                format!("{}: ", which.join(", "))
            };
            parts.push(format!("{which}{}", part_of(set.completed, set.prescribed)));
        }
        if skipped > 0 {
            parts.push(format!("{skipped} skipped"));
        }
        if not_reached > 0 {
            parts.push(format!("{not_reached} not reached"));
        }
        format!("{}.", parts.join("; "))
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

/// When a session started and how it ended: what the week's figures and the streak need of
/// it, kept for every past session while the full records stay on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionSummary {
    pub started_at: DateTime<FixedOffset>,
    pub outcome: SessionOutcome,
}

impl SessionRecord {
    pub const SCHEMA_VERSION: u32 = 1;

    /// When it started and how it ended.
    pub fn summary(&self) -> SessionSummary {
        SessionSummary {
            started_at: self.started_at,
            outcome: self.outcome,
        }
    }

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
            // A set the player reached has an entry, even with nothing done in it.
            let reached = completed.get(index).copied().flatten();
            let done = reached.unwrap_or(phase.dose.zero());
            exercise.sets.push(SetRecord {
                round: phase.round,
                set: phase.set,
                side: phase.side,
                prescribed: phase.dose,
                completed: done,
                skipped: reached.is_some() && done.is_nothing(),
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
    /// Whether any set was done at all, in full or in part.
    pub fn anything_done(&self) -> bool {
        self.exercises
            .iter()
            .flat_map(|e| &e.sets)
            .any(|s| !s.completed.is_nothing())
    }

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
    /// How far into that phase (whole seconds, pauses not counted). Version 1 files have none:
    /// they resume at the phase's start.
    #[serde(default)]
    pub elapsed_in_phase_secs: u64,
    pub circuit: Circuit,
    /// What each phase achieved so far, by phase index (the phase under way as far as it went).
    pub completed: Vec<Option<Dose>>,
}

impl InProgressSession {
    /// Version 2 added `elapsed_in_phase_secs`; version 1 files still load.
    pub const SCHEMA_VERSION: u32 = 2;

    /// Whether any work was done: a snapshot with none is not worth offering to resume.
    pub fn has_work_done(&self) -> bool {
        self.completed
            .iter()
            .flatten()
            .any(|dose| !dose.is_nothing())
    }

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

#[cfg(test)]
mod sentence_tests {
    use super::*;

    fn set(round: u32, side: Option<Side>, done_secs: u32) -> SetRecord {
        SetRecord {
            round,
            set: 1,
            side,
            prescribed: Dose::Hold { hold_secs: 10 },
            completed: Dose::Hold {
                hold_secs: done_secs,
            },
            skipped: false,
        }
    }

    fn exercise(sets: Vec<SetRecord>) -> ExerciseRecord {
        ExerciseRecord {
            exercise_id: "side_plank".to_owned(),
            name: "Side plank".to_owned(),
            block: "Circuit".to_owned(),
            step: 1,
            step_name: "bent knees".to_owned(),
            sets,
        }
    }

    #[test]
    fn what_was_done_reads_as_a_sentence() {
        let all = exercise(vec![
            set(1, Some(Side::Left), 10),
            set(1, Some(Side::Right), 10),
        ]);
        assert_eq!(all.done_sentence(), "All 2 sets done in full (10 s each).");
        let some = exercise(vec![
            set(1, Some(Side::Left), 10),
            set(1, Some(Side::Right), 10),
            set(2, Some(Side::Left), 7),
            set(2, Some(Side::Right), 0),
        ]);
        assert_eq!(
            some.done_sentence(),
            "2 of 4 sets done in full; round 2, left side: 7 s of 10 s; 1 not reached."
        );
        let none = exercise(vec![
            set(1, Some(Side::Left), 0),
            set(1, Some(Side::Right), 0),
        ]);
        assert_eq!(none.done_sentence(), "Not reached.");
    }

    #[test]
    fn a_skipped_set_says_skipped_and_a_part_of_reps_counts_reps() {
        let skip = |mut set: SetRecord| {
            set.skipped = true;
            set
        };
        let skipped = exercise(vec![
            skip(set(1, Some(Side::Left), 0)),
            skip(set(1, Some(Side::Right), 0)),
        ]);
        assert_eq!(skipped.done_sentence(), "Skipped.");
        let mixed = exercise(vec![
            set(1, Some(Side::Left), 10),
            skip(set(1, Some(Side::Right), 0)),
            set(2, Some(Side::Left), 0),
        ]);
        assert_eq!(
            mixed.done_sentence(),
            "1 of 3 sets done in full; 1 skipped; 1 not reached."
        );
        let paced = |done| SetRecord {
            round: 1,
            set: 1,
            side: None,
            prescribed: Dose::Paced {
                reps: 6,
                secs_per_rep: 4,
                fewer_per_set: 0,
            },
            completed: Dose::Paced {
                reps: done,
                secs_per_rep: 4,
                fewer_per_set: 0,
            },
            skipped: false,
        };
        let part = ExerciseRecord {
            sets: vec![paced(1), paced(6)],
            ..exercise(Vec::new())
        };
        assert_eq!(
            part.done_sentence(),
            "1 of 2 sets done in full; 1 of 6 reps."
        );
    }
}
