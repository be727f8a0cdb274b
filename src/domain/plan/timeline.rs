//! Expanding a circuit into the ordered phases the player runs through.

use serde::{Deserialize, Serialize};

use crate::domain::plan::catalog::Dose;
use crate::domain::plan::circuit::{Circuit, SlotRef};

/// Which side a per-side exercise is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// What a phase is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PhaseKind {
    /// Lead-in before the first exercise.
    GetReady,
    /// Doing the exercise.
    Work,
    /// Changing to the other side.
    SwitchSides,
    /// Rest between sets or exercises.
    Rest,
    /// Longer rest between rounds.
    RoundRest,
    /// The session is over.
    Done,
}

/// One phase of the timeline. Transition phases (get ready, rest, switch) describe the
/// work that comes next, so the screen can say what is coming.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub kind: PhaseKind,
    /// Length in seconds; for rep work, the estimate used for progress and length.
    pub planned_secs: u32,
    /// Rep work: the player waits for "Done" instead of counting down.
    pub waits_for_done: bool,
    pub slot: SlotRef,
    /// 1-based round within the block.
    pub round: u32,
    pub rounds: u32,
    /// 1-based set within the round.
    pub set: u32,
    pub sets: u32,
    pub side: Option<Side>,
    /// Dose of the (upcoming) work.
    pub dose: Dose,
}

impl Phase {
    pub fn is_work(&self) -> bool {
        self.kind == PhaseKind::Work
    }
}

/// The whole session as phases, ending with one [`PhaseKind::Done`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub phases: Vec<Phase>,
}

#[derive(Clone, Copy)]
struct WorkUnit {
    slot: SlotRef,
    round: u32,
    rounds: u32,
    set: u32,
    sets: u32,
    side: Option<Side>,
    dose: Dose,
}

impl Timeline {
    /// Expand a circuit: get ready, then each block's rounds, items, sets and sides, with the
    /// right rest between each, then done. Zero-length rests are left out.
    pub fn build(circuit: &Circuit) -> Timeline {
        let timings = circuit.timings;
        let mut units = Vec::new();
        for (block_index, block) in circuit.blocks.iter().enumerate() {
            for round in 1..=block.rounds {
                for (item_index, item) in block.items.iter().enumerate() {
                    for set in 1..=item.sets {
                        let sides: &[Option<Side>] = if item.per_side {
                            &[Some(Side::Left), Some(Side::Right)]
                        } else {
                            &[None]
                        };
                        for &side in sides {
                            units.push(WorkUnit {
                                slot: SlotRef {
                                    block: block_index,
                                    item: item_index,
                                },
                                round,
                                rounds: block.rounds,
                                set,
                                sets: item.sets,
                                side,
                                // A pyramid's later sets have fewer reps.
                                dose: item.dose.for_set(set),
                            });
                        }
                    }
                }
            }
        }

        let mut phases = Vec::with_capacity(units.len() * 2 + 2);
        let transition = |kind: PhaseKind, secs: u32, next: &WorkUnit| Phase {
            kind,
            planned_secs: secs,
            waits_for_done: false,
            slot: next.slot,
            round: next.round,
            rounds: next.rounds,
            set: next.set,
            sets: next.sets,
            side: next.side,
            dose: next.dose,
        };
        let mut previous: Option<WorkUnit> = None;
        for unit in &units {
            let (kind, secs) = match previous {
                None => (PhaseKind::GetReady, timings.get_ready_secs),
                Some(prev) if prev.slot.block != unit.slot.block => {
                    (PhaseKind::Rest, timings.rest_between_exercises_secs)
                }
                Some(prev) if prev.round != unit.round => {
                    (PhaseKind::RoundRest, timings.rest_between_rounds_secs)
                }
                Some(prev) if prev.slot != unit.slot => {
                    let block_rest = circuit
                        .blocks
                        .get(unit.slot.block)
                        .and_then(|b| b.rest_between_exercises_secs);
                    (
                        PhaseKind::Rest,
                        block_rest.unwrap_or(timings.rest_between_exercises_secs),
                    )
                }
                Some(prev) if prev.set != unit.set => {
                    (PhaseKind::Rest, timings.rest_between_sets_secs)
                }
                Some(_) => (PhaseKind::SwitchSides, timings.switch_sides_secs),
            };
            if secs > 0 {
                phases.push(transition(kind, secs, unit));
            }
            let (planned_secs, waits_for_done) = match unit.dose.timed_secs() {
                Some(secs) => (secs, false),
                None => (
                    rep_estimate_secs(unit.dose, timings.secs_per_rep_estimate),
                    true,
                ),
            };
            phases.push(Phase {
                kind: PhaseKind::Work,
                planned_secs,
                waits_for_done,
                ..transition(PhaseKind::Work, 0, unit)
            });
            previous = Some(*unit);
        }
        let last = previous.unwrap_or(WorkUnit {
            slot: SlotRef { block: 0, item: 0 },
            round: 1,
            rounds: 1,
            set: 1,
            sets: 1,
            side: None,
            dose: Dose::Hold { hold_secs: 0 },
        });
        phases.push(transition(PhaseKind::Done, 0, &last));
        Timeline { phases }
    }

    /// Planned length of the whole session in seconds (rep work by estimate).
    pub fn planned_total_secs(&self) -> u64 {
        self.phases.iter().map(|p| u64::from(p.planned_secs)).sum()
    }

    /// Planned seconds of all phases before `index`.
    pub fn planned_secs_before(&self, index: usize) -> u64 {
        self.phases
            .iter()
            .take(index)
            .map(|p| u64::from(p.planned_secs))
            .sum()
    }

    /// The first work phase at or after `index`.
    pub fn next_work_from(&self, index: usize) -> Option<(usize, &Phase)> {
        self.phases
            .iter()
            .enumerate()
            .skip(index)
            .find(|(_, p)| p.is_work())
    }

    pub fn work_phase_count(&self) -> usize {
        self.phases.iter().filter(|p| p.is_work()).count()
    }
}

fn rep_estimate_secs(dose: Dose, secs_per_rep: u32) -> u32 {
    match dose {
        Dose::Reps { reps } => reps.saturating_mul(secs_per_rep),
        other => other.timed_secs().unwrap_or(0),
    }
}
