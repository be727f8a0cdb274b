//! A whole session's sound, rendered offline (no device) from the same schedule the app uses:
//! the player moved on block by block, [`CueSchedule`] handing out cues ahead, and the
//! [`Mixer`] placing them. For tests (levels, timing, what a skip leaves behind) and for
//! listening (`cargo run --example cue_track`).

use std::time::Duration;

use super::mixer::{Mixer, MixerStats};
use super::{Channel, SoundBank};
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::timeline::Timeline;
use crate::domain::session::coach::{Cue, VoiceOptions};
use crate::domain::session::cue_schedule::{CueSchedule, DueCue};
use crate::domain::session::player::{PlayerEvent, SessionPlayer};

/// How often the renderer looks at the player, like a frame (and the mixer's block).
pub const BLOCK_FRAMES: usize = 256;
/// How far ahead cues are handed out (as in the app).
pub const LOOKAHEAD: Duration = Duration::from_millis(1500);

/// Something the person does during the rendered session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    Skip,
    Back,
    Done,
    Pause,
    Resume,
}

/// A rendered session.
pub struct RenderedTrack {
    pub rate_hz: u32,
    pub samples: Vec<f32>,
    /// Each event the player reported, with the frame it fell due on.
    pub events: Vec<(u64, PlayerEvent)>,
    /// Each sound as it started: frame, channel, length in frames, and the cue.
    pub starts: Vec<(u64, Channel, u64, Cue)>,
    pub stats: MixerStats,
}

/// Render `circuit` at `rate_hz`, with `presses` at their session times, for at most `limit`.
pub fn render_session(
    circuit: &Circuit,
    bank: &SoundBank,
    volume: f32,
    presses: &[(Duration, Press)],
    limit: Duration,
) -> RenderedTrack {
    render_session_with(
        circuit,
        bank,
        volume,
        presses,
        limit,
        VoiceOptions::default(),
    )
}

/// [`render_session`] with the coach's voice options (the spoken countdown).
pub fn render_session_with(
    circuit: &Circuit,
    bank: &SoundBank,
    volume: f32,
    presses: &[(Duration, Press)],
    limit: Duration,
    voice: VoiceOptions,
) -> RenderedTrack {
    let rate_hz = bank.rate_hz;
    let rate = f64::from(rate_hz);
    let mut player = SessionPlayer::new(Timeline::build(circuit));
    let mut schedule = CueSchedule::new();
    schedule.voice = voice;
    let mut mixer = Mixer::new(rate_hz);
    mixer.record_starts(true);
    let mut samples = Vec::new();
    let mut events = Vec::new();
    let mut block = vec![0.0; BLOCK_FRAMES];
    let mut pending_presses = presses.to_vec();
    pending_presses.sort_by_key(|(at, _)| *at);
    let frame_of = |at: Duration| (at.as_secs_f64() * rate).round() as u64;
    let mut now = Duration::ZERO;
    let started = player.start(now);
    let mut due = schedule.reached(&started, &player, circuit, now);
    for timed in &started {
        events.push((0, timed.event));
    }
    loop {
        let frame = mixer.frame();
        now = Duration::from_secs_f64(frame as f64 / rate);
        while pending_presses.first().is_some_and(|(at, _)| *at <= now) {
            let (_, press) = pending_presses.remove(0);
            schedule.forget();
            mixer.clear();
            due.clear();
            let reported = match press {
                Press::Skip => player.skip(now),
                Press::Back => player.back(now),
                Press::Done => player.done(now),
                Press::Pause => {
                    player.pause(now);
                    Vec::new()
                }
                Press::Resume => {
                    player.resume(now);
                    Vec::new()
                }
            };
            events.extend(reported.iter().map(|timed| (frame, timed.event)));
            due.extend(schedule.reached(&reported, &player, circuit, now));
        }
        let reported = player.advance(now);
        for timed in &reported {
            events.push((frame.saturating_sub(frame_of(timed.late_by)), timed.event));
        }
        due.extend(schedule.reached(&reported, &player, circuit, now));
        due.extend(schedule.ahead(&player, circuit, now, LOOKAHEAD));
        for DueCue { cue, at } in due.drain(..) {
            if let Some(sound) = bank.sound(&cue) {
                mixer.schedule_cue(frame_of(at), sound.clone(), volume, cue);
            }
        }
        mixer.render(&mut block);
        samples.extend_from_slice(&block);
        let finished = player.state() == crate::domain::session::player::PlayerState::Finished;
        if (finished && mixer.is_idle()) || now >= limit {
            break;
        }
    }
    RenderedTrack {
        rate_hz,
        samples,
        events,
        starts: mixer.take_starts(),
        stats: mixer.stats(),
    }
}
