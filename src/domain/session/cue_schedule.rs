//! When each cue should sound, known ahead of time.
//!
//! Phase boundaries come from the session's start and paused time, so the player knows every
//! boundary in advance: [`CueSchedule::ahead`] asks a copy of the player what it will report
//! in the next `lookahead` of active time, and hands out those cues with how long from now
//! they are due, once each. The sound side starts them on the sample at that moment, ahead of
//! its output latency. What the player reports when it gets there is then not played again;
//! what no one could know ahead (a skip, back, done) is played at once. After a skip, back,
//! pause or the end, [`CueSchedule::forget`] starts afresh (and the sound side is cleared).
//!
//! Within one event the tone comes first and the voice after it, so a tone never covers the
//! first words.

use std::collections::HashSet;
use std::time::Duration;

use crate::domain::plan::circuit::Circuit;
use crate::domain::session::coach::{self, Cue, VoiceOptions};
use crate::domain::session::player::{PlayerEvent, PlayerState, SessionPlayer, TimedEvent};

/// A cue and when it is due, on the clock `now` is read from (the app's monotonic clock): in
/// the future for a cue handed out ahead, in the past for one the player reported late (the
/// sound side drops it when it is more than its own length late).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueCue {
    pub cue: Cue,
    pub at: Duration,
}

/// Which events have already been handed out, by when (active time) they fall due.
#[derive(Clone, Debug, Default)]
pub struct CueSchedule {
    handed_out: HashSet<(Duration, PlayerEvent)>,
    /// What the coach says (the spoken countdown); the app keeps it in step with the settings.
    pub voice: VoiceOptions,
}

/// Cues more than this late when the player reports them (the window was asleep) are dropped.
pub const STALE_AFTER: Duration = Duration::from_millis(1500);

impl CueSchedule {
    pub fn new() -> Self {
        Self::default()
    }

    /// Cues due within `lookahead` of `now` that have not been handed out yet, if the player
    /// keeps running.
    pub fn ahead(
        &mut self,
        player: &SessionPlayer,
        circuit: &Circuit,
        now: Duration,
        lookahead: Duration,
    ) -> Vec<DueCue> {
        if player.state() != PlayerState::Running {
            return Vec::new();
        }
        let active_now = player.active_time(now);
        let mut future = player.clone();
        let horizon = now + lookahead;
        let active_then = future.active_time(horizon);
        let events = future.advance(horizon);
        let mut due = Vec::new();
        for timed in events {
            let at = active_then.saturating_sub(timed.late_by);
            if at <= active_now || !self.handed_out.insert((at, timed.event)) {
                continue;
            }
            // A session begun a little ahead of now counts from then.
            let when = now + player.starts_in(now) + (at - active_now);
            due.extend(placed(timed.event, &future, circuit, when, self.voice));
        }
        due
    }

    /// What the player reported as it reached `now`: the cues not handed out ahead, due when
    /// their event fell due (a frame that came late gives a time in the past; far-gone ones,
    /// over [`STALE_AFTER`], are not handed out at all).
    pub fn reached(
        &mut self,
        events: &[TimedEvent],
        player: &SessionPlayer,
        circuit: &Circuit,
        now: Duration,
    ) -> Vec<DueCue> {
        let active_now = player.active_time(now);
        let mut due = Vec::new();
        for timed in events {
            let at = active_now.saturating_sub(timed.late_by);
            if !self.handed_out.insert((at, timed.event)) || timed.late_by > STALE_AFTER {
                continue;
            }
            let when = now.saturating_sub(timed.late_by);
            due.extend(placed(timed.event, player, circuit, when, self.voice));
        }
        due
    }

    /// Start afresh: after a skip, back, pause, resume or the end.
    pub fn forget(&mut self) {
        self.handed_out.clear();
    }
}

/// An event's cues, each at its offset: tones at the event, each voice after the tones end.
fn placed(
    event: PlayerEvent,
    player: &SessionPlayer,
    circuit: &Circuit,
    at: Duration,
    voice: VoiceOptions,
) -> Vec<DueCue> {
    let cues = coach::cues_for(event, player.timeline(), circuit, voice);
    let tones_end = cues
        .iter()
        .map(|cue| Duration::from_millis(coach::tone_length_ms(cue)))
        .max()
        .unwrap_or_default();
    cues.into_iter()
        .map(|cue| {
            let at = if cue.is_voice() { at + tones_end } else { at };
            DueCue { cue, at }
        })
        .collect()
}
