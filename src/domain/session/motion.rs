//! Where a step's movement is at a moment of WORK, from the step's tempo and the time spent in
//! the phase (not counting pauses, as the player gives it): so a figure can move at the pace
//! the person is asked to move, rep by rep in step with the count, and a pause freezes it by
//! construction. Pure: the time comes in as an argument.

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
/// movement at most 30 times a second, a breath 10 times, and a rep held at the top not until
/// it starts down.
pub fn next_frame_secs(tempo: Tempo, elapsed_secs: f64) -> f64 {
    const MOVING: f64 = 1.0 / 30.0;
    match motion_at(tempo, elapsed_secs).stage {
        Stage::Holding => 0.1,
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

    #[test]
    fn a_slow_cycle_goes_there_and_back_in_its_seconds() {
        let cycle = Tempo::Cycle { secs: 4 };
        assert_eq!(motion_at(cycle, 0.0).toward_end, 0.0);
        assert_eq!(motion_at(cycle, 2.0).toward_end, 1.0);
        assert_eq!(motion_at(cycle, 3.0).toward_end, 0.5);
        assert_eq!(motion_at(cycle, 4.0).reps_done, 1);
    }

    #[test]
    fn frames_come_thirty_a_second_while_moving_and_not_while_held_at_the_top() {
        assert!((next_frame_secs(BRIDGE, 0.5) - 1.0 / 30.0).abs() < 1e-9);
        assert!(
            (next_frame_secs(BRIDGE, 2.5) - 2.5).abs() < 1e-9,
            "until 5 s"
        );
        assert!((next_frame_secs(Tempo::Hold, 3.0) - 0.1).abs() < 1e-9);
    }
}
