//! The session engine: which phase is running, given the time passed in.
//!
//! It never reads a clock. Every method takes `now`, a monotonic time since any fixed origin.
//! Phase boundaries are computed from the session start and the time spent paused
//! ("active time"), so irregular or missing frames never make the timer drift.

use std::time::Duration;

use crate::domain::plan::catalog::Dose;
use crate::domain::plan::timeline::{Phase, PhaseKind, Timeline};

/// Where the session stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayerState {
    NotStarted,
    Running,
    Paused,
    /// Reached the end, or ended early.
    Finished,
}

/// Something that happened while time moved on; the app turns these into sounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlayerEvent {
    /// Phase `index` began.
    PhaseStarted { index: usize },
    /// A pip before work begins, `secs_left` seconds before it.
    Countdown { secs_left: u32 },
    /// Half of a long hold is done.
    Halfway,
}

/// An event with how long ago (in active time) it was due; frames can be late.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimedEvent {
    pub event: PlayerEvent,
    pub late_by: Duration,
}

/// A read-only picture of the player for the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlayerView {
    pub index: usize,
    pub phase: Phase,
    pub state: PlayerState,
    pub elapsed_in_phase: Duration,
    /// Time left in a timed phase; `None` while waiting for "Done".
    pub remaining: Option<Duration>,
    /// 0.0 to 1.0 through the planned session.
    pub progress: f32,
}

impl PlayerView {
    /// Whole seconds to show on the countdown (rounded up, so "1" shows until the end).
    pub fn remaining_display_secs(&self) -> Option<u64> {
        self.remaining.map(|r| r.as_millis().div_ceil(1000) as u64)
    }
}

/// Plays a [`Timeline`] against time passed in.
#[derive(Clone, Debug)]
pub struct SessionPlayer {
    timeline: Timeline,
    index: usize,
    state: PlayerState,
    started_at: Option<Duration>,
    paused_total: Duration,
    paused_since: Option<Duration>,
    finished_active: Option<Duration>,
    phase_start_active: Duration,
    cues_through_active: Duration,
    completed: Vec<Option<Dose>>,
    ended_early: bool,
    /// Active time carried over from before a restart (a recovered session).
    carried_active: Duration,
}

/// How long into a phase "back" restarts it rather than going to the previous phase.
const BACK_RESTARTS_AFTER: Duration = Duration::from_secs(3);

impl SessionPlayer {
    pub fn new(timeline: Timeline) -> Self {
        let phase_count = timeline.phases.len();
        Self {
            timeline,
            index: 0,
            state: PlayerState::NotStarted,
            started_at: None,
            paused_total: Duration::ZERO,
            paused_since: None,
            finished_active: None,
            phase_start_active: Duration::ZERO,
            cues_through_active: Duration::ZERO,
            completed: vec![None; phase_count],
            ended_early: false,
            carried_active: Duration::ZERO,
        }
    }

    /// A session brought back after the app was closed: paused at the start of phase `index`,
    /// with the work already done. Out-of-range input is clamped, never trusted.
    pub fn recovered(
        timeline: Timeline,
        index: usize,
        completed: Vec<Option<Dose>>,
        elapsed_in_phase: Duration,
        now: Duration,
    ) -> Self {
        let mut player = Self::new(timeline);
        let last = player.timeline.phases.len().saturating_sub(1);
        player.index = index.min(last.saturating_sub(1));
        for (slot, done) in player.completed.iter_mut().zip(completed) {
            *slot = done;
        }
        // Continue the phase where it was: never past its end, so the phase still ends with its
        // cues; a rep item (no planned end) keeps its elapsed time as it was.
        let phase = player.timeline.phases.get(player.index).copied();
        let elapsed = match phase {
            Some(p) if !p.waits_for_done && p.kind != PhaseKind::Done => elapsed_in_phase.min(
                Duration::from_secs(u64::from(p.planned_secs).saturating_sub(1)),
            ),
            Some(_) => elapsed_in_phase,
            None => Duration::ZERO,
        };
        player.carried_active = elapsed;
        player.phase_start_active = Duration::ZERO;
        player.cues_through_active = elapsed;
        player.state = PlayerState::Paused;
        player.started_at = Some(now);
        player.paused_since = Some(now);
        player
    }

    /// Time since the current phase began, not counting pauses.
    pub fn elapsed_in_phase(&self, now: Duration) -> Duration {
        self.active_time(now)
            .saturating_sub(self.phase_start_active)
    }

    /// What each phase would have achieved if the session ended at `now`: the work under way
    /// counts as far as it went (what a snapshot keeps, so a crash loses only seconds).
    pub fn completed_if_ended(&self, now: Duration) -> Vec<Option<Dose>> {
        let mut copy = self.clone();
        if copy.state != PlayerState::NotStarted && copy.state != PlayerState::Finished {
            copy.record_partial(copy.active_time(now));
        }
        copy.completed
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    pub fn state(&self) -> PlayerState {
        self.state
    }

    pub fn index(&self) -> usize {
        self.index
    }

    pub fn ended_early(&self) -> bool {
        self.ended_early
    }

    /// What was done in each phase (work phases only), by phase index.
    pub fn completed(&self) -> &[Option<Dose>] {
        &self.completed
    }

    pub fn current_phase(&self) -> &Phase {
        &self.timeline.phases[self.index]
    }

    /// How long until a session begun ahead of `now` (see [`Self::start`]) starts counting.
    pub fn starts_in(&self, now: Duration) -> Duration {
        self.started_at
            .map_or(Duration::ZERO, |started| started.saturating_sub(now))
    }

    /// Time spent in the session, not counting pauses.
    pub fn active_time(&self, now: Duration) -> Duration {
        if let Some(finished) = self.finished_active {
            return finished;
        }
        let Some(started) = self.started_at else {
            return Duration::ZERO;
        };
        let paused_now = self
            .paused_since
            .map_or(Duration::ZERO, |since| now.saturating_sub(since));
        (now.saturating_sub(started) + self.carried_active)
            .saturating_sub(self.paused_total)
            .saturating_sub(paused_now)
    }

    /// Begin the session at `now`.
    pub fn start(&mut self, now: Duration) -> Vec<TimedEvent> {
        if self.state != PlayerState::NotStarted {
            return Vec::new();
        }
        self.started_at = Some(now);
        self.state = PlayerState::Running;
        let mut events = Vec::new();
        self.enter(0, Duration::ZERO, Duration::ZERO, &mut events);
        events
    }

    /// Move time on to `now`: finish every phase whose end has passed, and report what happened.
    pub fn advance(&mut self, now: Duration) -> Vec<TimedEvent> {
        let mut events = Vec::new();
        if self.state != PlayerState::Running {
            return events;
        }
        let t = self.active_time(now);
        while self.state == PlayerState::Running {
            let phase = *self.current_phase();
            let end = self.phase_end_active(&phase);
            let upto = end.map_or(t, |end| t.min(end));
            self.emit_cues(upto, t, &mut events);
            match end {
                Some(end) if t >= end => {
                    self.record(self.index, phase.dose);
                    self.enter(self.index + 1, end, t, &mut events);
                }
                _ => break,
            }
        }
        events
    }

    pub fn pause(&mut self, now: Duration) {
        if self.state == PlayerState::Running {
            self.paused_since = Some(now);
            self.state = PlayerState::Paused;
        }
    }

    pub fn resume(&mut self, now: Duration) {
        if self.state == PlayerState::Paused {
            if let Some(since) = self.paused_since.take() {
                self.paused_total += now.saturating_sub(since);
            }
            self.state = PlayerState::Running;
        }
    }

    /// Go to the next phase now. Work cut short is recorded as far as it went.
    pub fn skip(&mut self, now: Duration) -> Vec<TimedEvent> {
        let mut events = Vec::new();
        if !self.is_playing() {
            return events;
        }
        let t = self.active_time(now);
        self.record_partial(t);
        self.enter(self.index + 1, t, t, &mut events);
        events
    }

    /// Restart the current phase, or go to the previous one if this one has only just begun.
    pub fn back(&mut self, now: Duration) -> Vec<TimedEvent> {
        let mut events = Vec::new();
        if !self.is_playing() {
            return events;
        }
        let t = self.active_time(now);
        let elapsed = t.saturating_sub(self.phase_start_active);
        let target = if elapsed >= BACK_RESTARTS_AFTER || self.index == 0 {
            self.index
        } else {
            self.index - 1
        };
        self.enter(target, t, t, &mut events);
        events
    }

    /// The person finished a rep item: record it done and move on. Ignored on timed phases.
    pub fn done(&mut self, now: Duration) -> Vec<TimedEvent> {
        let mut events = Vec::new();
        let phase = *self.current_phase();
        if !self.is_playing() || !phase.waits_for_done {
            return events;
        }
        let t = self.active_time(now);
        self.record(self.index, phase.dose);
        self.enter(self.index + 1, t, t, &mut events);
        events
    }

    /// Stop before the end. Work in progress is recorded as far as it went.
    pub fn end(&mut self, now: Duration) {
        if self.state == PlayerState::Finished {
            return;
        }
        let t = self.active_time(now);
        if self.state != PlayerState::NotStarted {
            self.record_partial(t);
        }
        self.finished_active = Some(t);
        self.state = PlayerState::Finished;
        self.ended_early = true;
    }

    pub fn view(&self, now: Duration) -> PlayerView {
        let phase = *self.current_phase();
        let t = self.active_time(now);
        let elapsed = t.saturating_sub(self.phase_start_active);
        let remaining = self
            .phase_end_active(&phase)
            .map(|end| end.saturating_sub(t));
        let total = self.timeline.planned_total_secs().max(1) as f64;
        let before = self.timeline.planned_secs_before(self.index) as f64;
        let within = elapsed.as_secs_f64().min(f64::from(phase.planned_secs));
        let progress = if self.state == PlayerState::Finished && !self.ended_early {
            1.0
        } else {
            ((before + within) / total).clamp(0.0, 1.0) as f32
        };
        PlayerView {
            index: self.index,
            phase,
            state: self.state,
            elapsed_in_phase: elapsed,
            remaining,
            progress,
        }
    }

    /// How long until what the screen shows next changes (the displayed seconds, a phase end or
    /// a cue), or `None` when nothing will change without input (paused, finished).
    pub fn next_change_in(&self, now: Duration) -> Option<Duration> {
        if self.state != PlayerState::Running {
            return None;
        }
        let elapsed = self
            .active_time(now)
            .saturating_sub(self.phase_start_active);
        let into_second = Duration::from_nanos((elapsed.as_nanos() % 1_000_000_000) as u64);
        Some(Duration::from_secs(1) - into_second)
    }

    fn is_playing(&self) -> bool {
        matches!(self.state, PlayerState::Running | PlayerState::Paused)
    }

    fn phase_end_active(&self, phase: &Phase) -> Option<Duration> {
        if phase.waits_for_done || phase.kind == PhaseKind::Done {
            None
        } else {
            Some(self.phase_start_active + Duration::from_secs(u64::from(phase.planned_secs)))
        }
    }

    fn enter(&mut self, index: usize, at: Duration, now: Duration, events: &mut Vec<TimedEvent>) {
        let last = self.timeline.phases.len().saturating_sub(1);
        self.index = index.min(last);
        self.phase_start_active = at;
        self.cues_through_active = at;
        events.push(TimedEvent {
            event: PlayerEvent::PhaseStarted { index: self.index },
            late_by: now.saturating_sub(at),
        });
        if self.current_phase().kind == PhaseKind::Done {
            self.finished_active = Some(at);
            self.state = PlayerState::Finished;
            self.paused_since = None;
        }
    }

    /// Emit the current phase's cues that fall in (cues_through, upto].
    fn emit_cues(&mut self, upto: Duration, now: Duration, events: &mut Vec<TimedEvent>) {
        let phase = *self.current_phase();
        let next_is_work = self
            .timeline
            .phases
            .get(self.index + 1)
            .is_some_and(Phase::is_work);
        let start = self.phase_start_active;
        let mut cues: Vec<(u32, PlayerEvent)> = Vec::new();
        if !phase.is_work() && phase.kind != PhaseKind::Done && next_is_work {
            for secs_left in (1..=3).rev() {
                if phase.planned_secs > secs_left {
                    cues.push((
                        phase.planned_secs - secs_left,
                        PlayerEvent::Countdown { secs_left },
                    ));
                }
            }
        }
        if phase.is_work()
            && !phase.waits_for_done
            && matches!(phase.dose, Dose::Hold { hold_secs } if hold_secs >= 20)
        {
            cues.push((phase.planned_secs / 2, PlayerEvent::Halfway));
        }
        for (offset_secs, event) in cues {
            let at = start + Duration::from_secs(u64::from(offset_secs));
            if at > self.cues_through_active && at <= upto {
                events.push(TimedEvent {
                    event,
                    late_by: now.saturating_sub(at),
                });
            }
        }
        self.cues_through_active = self.cues_through_active.max(upto);
    }

    fn record(&mut self, index: usize, done: Dose) {
        if !self.timeline.phases[index].is_work() {
            return;
        }
        let slot = &mut self.completed[index];
        *slot = Some(match *slot {
            Some(previous) => more_of(previous, done),
            None => done,
        });
    }

    fn record_partial(&mut self, t: Duration) {
        let phase = *self.current_phase();
        if !phase.is_work() {
            return;
        }
        let elapsed_secs =
            u32::try_from(t.saturating_sub(self.phase_start_active).as_secs()).unwrap_or(u32::MAX);
        let partial = match phase.dose {
            Dose::Hold { hold_secs } => Dose::Hold {
                hold_secs: elapsed_secs.min(hold_secs),
            },
            Dose::Reps { .. } => Dose::Reps { reps: 0 },
            Dose::Paced {
                reps,
                secs_per_rep,
                fewer_per_set,
            } => Dose::Paced {
                reps: elapsed_secs
                    .checked_div(secs_per_rep)
                    .unwrap_or(0)
                    .min(reps),
                secs_per_rep,
                fewer_per_set,
            },
        };
        self.record(self.index, partial);
    }
}

/// The larger of two outcomes of the same set (a redo never erases a better attempt).
fn more_of(a: Dose, b: Dose) -> Dose {
    match (a, b) {
        (Dose::Hold { hold_secs: x }, Dose::Hold { hold_secs: y }) => Dose::Hold {
            hold_secs: x.max(y),
        },
        (Dose::Reps { reps: x }, Dose::Reps { reps: y }) => Dose::Reps { reps: x.max(y) },
        (
            Dose::Paced {
                reps: x,
                secs_per_rep,
                fewer_per_set,
            },
            Dose::Paced { reps: y, .. },
        ) => Dose::Paced {
            reps: x.max(y),
            secs_per_rep,
            fewer_per_set,
        },
        (_, newer) => newer,
    }
}
