//! A whole session's sound, rendered offline (no device) from the same schedule the app uses:
//! the player moved on block by block, [`CueSchedule`] handing out cues ahead, and the
//! [`Mixer`] placing them. For tests (levels, timing, what a skip leaves behind) and for
//! listening (`cargo run --example cue_track`).

use std::time::{Duration, Instant};

use super::mixer::{Mixer, MixerStats};
use super::placer::{CuePlacer, Placed, Queued};
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
    render_through_device(
        circuit,
        bank,
        volume,
        presses,
        limit,
        voice,
        Device::default(),
    )
}

/// The output as the device side sees it: how long after a callback its first frame is heard,
/// and how far ahead of a key the app moves the session on (as the app does with the lead its
/// sound output reports).
#[derive(Clone, Copy, Debug, Default)]
pub struct Device {
    pub latency: Duration,
    pub lead: Duration,
}

/// [`render_session_with`] through the same placement as the device's callback, for a device
/// that plays each block `device.latency` after it is asked for it. Sample `i` of the result
/// is heard at `i / rate + device.latency` on the session's clock.
pub fn render_through_device(
    circuit: &Circuit,
    bank: &SoundBank,
    volume: f32,
    presses: &[(Duration, Press)],
    limit: Duration,
    voice: VoiceOptions,
    device: Device,
) -> RenderedTrack {
    let rate_hz = bank.rate_hz;
    let rate = f64::from(rate_hz);
    let origin = Instant::now();
    let mut player = SessionPlayer::new(Timeline::build(circuit));
    let mut schedule = CueSchedule::new();
    schedule.voice = voice;
    let mut mixer = Mixer::new(rate_hz);
    mixer.record_starts(true);
    let mut placer = CuePlacer::new(mixer);
    let mut samples = Vec::new();
    let mut events = Vec::new();
    let mut block = vec![0.0; BLOCK_FRAMES];
    let mut pending_presses = presses.to_vec();
    pending_presses.sort_by_key(|(at, _)| *at);
    let frame_of = |at: Duration| (at.as_secs_f64() * rate).round() as u64;
    let mut now = Duration::ZERO;
    let started = player.start(now + device.lead);
    let mut due = schedule.reached(&started, &player, circuit, now + device.lead);
    for timed in &started {
        events.push((frame_of(device.lead), timed.event));
    }
    let mut queued = Vec::new();
    loop {
        let frame = placer.mixer.frame();
        now = Duration::from_secs_f64(frame as f64 / rate);
        while pending_presses.first().is_some_and(|(at, _)| *at <= now) {
            let (_, press) = pending_presses.remove(0);
            schedule.forget();
            queued.push(Queued::Clear);
            due.clear();
            let moved_on = now + device.lead;
            let reported = match press {
                Press::Skip => player.skip(moved_on),
                Press::Back => player.back(moved_on),
                Press::Done => player.done(moved_on),
                Press::Pause => {
                    player.pause(now);
                    Vec::new()
                }
                Press::Resume => {
                    player.resume(moved_on);
                    Vec::new()
                }
            };
            events.extend(
                reported
                    .iter()
                    .map(|timed| (frame_of(moved_on), timed.event)),
            );
            due.extend(schedule.reached(&reported, &player, circuit, moved_on));
        }
        let reported = player.advance(now);
        for timed in &reported {
            events.push((frame.saturating_sub(frame_of(timed.late_by)), timed.event));
        }
        due.extend(schedule.reached(&reported, &player, circuit, now));
        due.extend(schedule.ahead(&player, circuit, now, LOOKAHEAD));
        for DueCue { cue, at } in due.drain(..) {
            if let Some(sound) = bank.sound(&cue) {
                queued.push(Queued::Play(Placed {
                    at: origin + at,
                    sound: sound.clone(),
                    volume,
                    cue,
                }));
            }
        }
        placer.take(queued.drain(..));
        placer.render(&mut block, origin + now, device.latency);
        samples.extend_from_slice(&block);
        let finished = player.state() == crate::domain::session::player::PlayerState::Finished;
        if (finished && placer.mixer.is_idle()) || now >= limit {
            break;
        }
    }
    RenderedTrack {
        rate_hz,
        samples,
        events,
        starts: placer.mixer.take_starts(),
        stats: placer.mixer.stats(),
    }
}
