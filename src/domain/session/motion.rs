//! Where a step's movement is at a moment of WORK, from the step's tempo and the time spent in
//! the phase (not counting pauses, as the player gives it): so a figure can move at the pace
//! the person is asked to move, rep by rep in step with the count, and a pause freezes it by
//! construction. Pure: the time comes in as an argument.

use crate::domain::plan::catalog::Dose;
use crate::domain::plan::tempo::Tempo;

/// The part of a rep the movement is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// A hold: the held position, breathing.
    Holding,
    /// Moving from the start position toward the end position.
    Rising,
    /// Held at the end position.
    AtTop,
    /// Moving back to the start position.
    Lowering,
    /// Continuous movement (walking, a slow cycle).
    Moving,
}

/// The movement at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Motion {
    pub stage: Stage,
    /// 0 is the start position, 1 the end position.
    pub toward_end: f32,
    /// Reps (or cycles) finished so far in this phase.
    pub reps_done: u32,
    /// A breath's rise and fall (0 to 1, four seconds a breath) while holding still.
    pub breath: f32,
}

/// Seconds of one breath shown during a hold.
const BREATH_SECS: f64 = 4.0;
/// Seconds of one step of an easy walk.
const STEP_SECS: f64 = 1.0;

/// The movement `elapsed_secs` into a WORK phase at `tempo`.
pub fn motion_at(tempo: Tempo, elapsed_secs: f64) -> Motion {
    let t = elapsed_secs.max(0.0);
    let breath = ((t / BREATH_SECS * std::f64::consts::TAU).sin() * 0.5 + 0.5) as f32;
    let still = |toward_end: f32, reps_done: u32, stage: Stage| Motion {
        stage,
        toward_end,
        reps_done,
        breath: 0.0,
    };
    match tempo {
        Tempo::Hold => Motion {
            stage: Stage::Holding,
            toward_end: 1.0,
            reps_done: 0,
            breath,
        },
        Tempo::Steady => {
            let (reps, within) = cycles(t, STEP_SECS);
            still(triangle(within), reps, Stage::Moving)
        }
        Tempo::Cycle { secs } => {
            let (reps, within) = cycles(t, f64::from(secs.max(1)));
            still(triangle(within), reps, Stage::Moving)
        }
        Tempo::Rep {
            up_secs,
            hold_secs,
            down_secs,
        } => {
            let (up, hold, down) = (
                f64::from(up_secs),
                f64::from(hold_secs),
                f64::from(down_secs),
            );
            let period = (up + hold + down).max(1.0);
            let reps = (t / period).floor();
            let within = t - reps * period;
            let reps = reps as u32;
            if within < up {
                still((within / up) as f32, reps, Stage::Rising)
            } else if within < up + hold {
                still(1.0, reps, Stage::AtTop)
            } else if down > 0.0 {
                still(
                    (1.0 - (within - up - hold) / down) as f32,
                    reps,
                    Stage::Lowering,
                )
            } else {
                still(0.0, reps, Stage::Lowering)
            }
        }
    }
}

/// How soon the drawing must change after `elapsed_secs` (for `request_repaint_after`): a
/// movement 12 times a second, a breath 4 times, and a rep held at the top not until it
/// starts down.
pub fn next_frame_secs(tempo: Tempo, elapsed_secs: f64) -> f64 {
    // 12 frames a second: smooth enough for movements of a second or more, and, drawn on
    // the processor (no GPU), under three times the cost of the still picture (README).
    const MOVING: f64 = 1.0 / 12.0;
    match motion_at(tempo, elapsed_secs).stage {
        Stage::Holding => 0.25,
        Stage::AtTop => match tempo {
            Tempo::Rep {
                up_secs, hold_secs, ..
            } => {
                let period = f64::from(tempo.rep_secs().unwrap_or(1).max(1));
                let within = elapsed_secs.max(0.0) % period;
                (f64::from(up_secs + hold_secs) - within).max(MOVING)
            }
            _ => MOVING,
        },
        Stage::Rising | Stage::Lowering | Stage::Moving => MOVING,
    }
}

/// The tempo a phase moves at: the step's own, fitted to a paced dose's seconds per rep, so the
/// figure ends each rep as the count goes up (a longer period is a longer pause at the top; a
/// shorter one moves faster).
pub fn tempo_for_dose(tempo: Tempo, dose: Dose) -> Tempo {
    let Dose::Paced { secs_per_rep, .. } = dose else {
        return tempo;
    };
    let period = secs_per_rep.max(1);
    match tempo {
        Tempo::Rep {
            up_secs,
            hold_secs,
            down_secs,
        } => {
            let total = up_secs + hold_secs + down_secs;
            if total <= period {
                Tempo::Rep {
                    up_secs,
                    hold_secs: hold_secs + period - total,
                    down_secs,
                }
            } else {
                let up = (up_secs * period / total.max(1)).max(1);
                let down = (down_secs * period / total.max(1)).max(1);
                Tempo::Rep {
                    up_secs: up,
                    hold_secs: period.saturating_sub(up + down),
                    down_secs: down,
                }
            }
        }
        Tempo::Cycle { .. } => Tempo::Cycle { secs: period },
        Tempo::Hold | Tempo::Steady => tempo,
    }
}

/// What the player's picture of a step shows at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FigureShown {
    /// Moving with the timer: this far from the start to the end position, breathing this
    /// much (0 to 1).
    Moving { toward_end: f32, breath: f32 },
    /// Still, at one position (0 the start, 1 the end).
    Still { toward_end: f32 },
    /// The start and end positions side by side, still ("Reduce motion").
    StartAndEnd,
}

/// The moment the picture shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureMoment {
    /// The step's tempo (none in a catalog from before tempos).
    pub tempo: Option<Tempo>,
    pub dose: Dose,
    /// The phase is the work itself (not the lead-in or a rest before it).
    pub is_work: bool,
    /// The picture has an end position different from its start.
    pub picture_moves: bool,
    /// The person (or the desktop) asked for less motion.
    pub reduce_motion: bool,
    /// Time in the phase, not counting pauses (so a pause freezes the figure).
    pub elapsed_secs: f64,
}

impl FigureMoment {
    /// The moment of `phase`'s picture, `elapsed_secs` into the phase (pauses not counted):
    /// `None` when the phase's exercise is not in the catalog or has no picture.
    pub fn of_phase(
        phase: &crate::domain::plan::timeline::Phase,
        elapsed_secs: f64,
        circuit: &crate::domain::plan::circuit::Circuit,
        catalog: &crate::domain::plan::catalog::Catalog,
        reduce_motion: bool,
    ) -> Option<FigureMoment> {
        let item = circuit.item(phase.slot)?;
        let exercise = catalog.get(&item.exercise_id)?;
        let picture = exercise.picture_at(item.step)?;
        Some(FigureMoment {
            tempo: exercise.step(item.step).and_then(|step| step.tempo),
            dose: phase.dose,
            is_work: phase.is_work(),
            picture_moves: picture.moves(),
            reduce_motion,
            elapsed_secs,
        })
    }

    /// What the picture shows: before the work, the start position (both, with less motion);
    /// during the work, the movement at its tempo, or with less motion the start and end side
    /// by side, or the held position without breathing.
    pub fn shown(&self) -> FigureShown {
        let both_or = |still: FigureShown| {
            if self.picture_moves && self.reduce_motion {
                FigureShown::StartAndEnd
            } else {
                still
            }
        };
        if !self.is_work {
            return both_or(FigureShown::Still { toward_end: 0.0 });
        }
        let Some(tempo) = self.tempo else {
            return both_or(FigureShown::Still { toward_end: 1.0 });
        };
        if self.reduce_motion {
            return both_or(FigureShown::Still { toward_end: 1.0 });
        }
        let motion = motion_at(tempo_for_dose(tempo, self.dose), self.elapsed_secs);
        FigureShown::Moving {
            toward_end: motion.toward_end,
            breath: motion.breath,
        }
    }

    /// Seconds until the picture must be drawn again, or `None` while it is still.
    pub fn next_frame_secs(&self) -> Option<f64> {
        match (self.shown(), self.tempo) {
            (FigureShown::Moving { .. }, Some(tempo)) => Some(next_frame_secs(
                tempo_for_dose(tempo, self.dose),
                self.elapsed_secs,
            )),
            _ => None,
        }
    }
}

/// Whole cycles of `period` in `t`, and how far (0 to 1) into the current one.
fn cycles(t: f64, period: f64) -> (u32, f64) {
    let done = (t / period).floor();
    (done as u32, (t - done * period) / period)
}

/// 0 → 1 over the first half of a cycle, 1 → 0 over the second.
fn triangle(within: f64) -> f32 {
    (if within < 0.5 {
        within * 2.0
    } else {
        2.0 - within * 2.0
    }) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRIDGE: Tempo = Tempo::Rep {
        up_secs: 2,
        hold_secs: 3,
        down_secs: 2,
    };

    #[test]
    fn a_bridge_rep_reaches_its_keyframes_at_the_tempos_times() {
        let at = |t| motion_at(BRIDGE, t);
        assert_eq!((at(0.0).stage, at(0.0).toward_end), (Stage::Rising, 0.0));
        assert_eq!(at(1.0).toward_end, 0.5, "half way up after 1 s of 2");
        assert_eq!((at(2.0).stage, at(2.0).toward_end), (Stage::AtTop, 1.0));
        assert_eq!(at(4.9).stage, Stage::AtTop, "held 3 s");
        assert_eq!((at(5.0).stage, at(5.0).toward_end), (Stage::Lowering, 1.0));
        assert_eq!(at(6.0).toward_end, 0.5);
        assert_eq!(at(6.9).reps_done, 0);
        // 7 s: the rep is done and the next begins at the start position.
        assert_eq!((at(7.0).reps_done, at(7.0).toward_end), (1, 0.0));
        assert_eq!(at(7.0).stage, Stage::Rising);
    }

    #[test]
    fn a_hold_stays_in_the_held_position_and_breathes() {
        let a = motion_at(Tempo::Hold, 0.0);
        let b = motion_at(Tempo::Hold, 1.0);
        assert_eq!(
            (a.stage, a.toward_end, b.toward_end),
            (Stage::Holding, 1.0, 1.0)
        );
        assert!(
            (b.breath - 1.0).abs() < 1e-6,
            "a quarter breath in: {}",
            b.breath
        );
    }

    fn moment(tempo: Tempo, dose: Dose, elapsed_secs: f64) -> FigureMoment {
        FigureMoment {
            tempo: Some(tempo),
            dose,
            is_work: true,
            picture_moves: true,
            reduce_motion: false,
            elapsed_secs,
        }
    }

    #[test]
    fn a_paced_rep_ends_as_the_count_goes_up() {
        let paced = Dose::Paced {
            reps: 5,
            secs_per_rep: 10,
            fewer_per_set: 0,
        };
        // 2 s up, 3 s held, 2 s down fills 10 s by holding 6 s.
        assert_eq!(
            tempo_for_dose(BRIDGE, paced),
            Tempo::Rep {
                up_secs: 2,
                hold_secs: 6,
                down_secs: 2
            }
        );
        let at = |t| motion_at(tempo_for_dose(BRIDGE, paced), t);
        assert_eq!((at(9.9).reps_done, at(10.0).reps_done), (0, 1));
        let quick = Dose::Paced {
            reps: 5,
            secs_per_rep: 4,
            fewer_per_set: 0,
        };
        let fitted = tempo_for_dose(BRIDGE, quick);
        assert_eq!(fitted.rep_secs(), Some(4), "{fitted:?}");
        assert_eq!(
            tempo_for_dose(BRIDGE, Dose::Reps { reps: 10 }),
            BRIDGE,
            "self-paced reps keep the step's tempo"
        );
    }

    #[test]
    fn the_figure_moves_only_during_work_and_not_with_less_motion() {
        let reps = Dose::Reps { reps: 10 };
        let working = moment(BRIDGE, reps, 1.0);
        assert_eq!(
            working.shown(),
            FigureShown::Moving {
                toward_end: 0.5,
                breath: 0.0
            }
        );
        assert!(working.next_frame_secs().is_some());
        let resting = FigureMoment {
            is_work: false,
            ..working
        };
        assert_eq!(resting.shown(), FigureShown::Still { toward_end: 0.0 });
        assert_eq!(resting.next_frame_secs(), None, "no frames while resting");
        let calm = FigureMoment {
            reduce_motion: true,
            ..working
        };
        assert_eq!(calm.shown(), FigureShown::StartAndEnd);
        assert_eq!(calm.next_frame_secs(), None, "no frames with less motion");
        let calm_hold = FigureMoment {
            tempo: Some(Tempo::Hold),
            picture_moves: false,
            ..calm
        };
        assert_eq!(calm_hold.shown(), FigureShown::Still { toward_end: 1.0 });
    }

    #[test]
    fn a_slow_cycle_goes_there_and_back_in_its_seconds() {
        let cycle = Tempo::Cycle { secs: 4 };
        assert_eq!(motion_at(cycle, 0.0).toward_end, 0.0);
        assert_eq!(motion_at(cycle, 2.0).toward_end, 1.0);
        assert_eq!(motion_at(cycle, 3.0).toward_end, 0.5);
        assert_eq!(motion_at(cycle, 4.0).reps_done, 1);
    }

    #[test]
    fn frames_come_twelve_a_second_while_moving_and_not_while_held_at_the_top() {
        assert!((next_frame_secs(BRIDGE, 0.5) - 1.0 / 12.0).abs() < 1e-9);
        assert!(
            (next_frame_secs(BRIDGE, 2.5) - 2.5).abs() < 1e-9,
            "until 5 s"
        );
        assert!((next_frame_secs(Tempo::Hold, 3.0) - 0.25).abs() < 1e-9);
    }
}
