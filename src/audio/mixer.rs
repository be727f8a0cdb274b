//! One mixer for every sound: each is placed at a frame (a sample position), voices play one
//! after another, tones are ducked while someone speaks, a sound that would start more than
//! its own length late is dropped, and [`Mixer::clear`] fades out what plays and forgets what
//! waits. The output never goes above [`CEILING`].

use super::{CEILING, Channel, Sound};
use crate::domain::session::coach::Cue;

/// Tones are this much quieter while a voice speaks (about −8 dB).
const DUCK_GAIN: f32 = 0.4;
/// How long a cleared sound takes to fade out (no click).
const CLEAR_FADE_SECS: f32 = 0.010;
/// The pause between a tone and words that had to wait for it.
const VOICE_AFTER_TONE_MS: u64 = 30;

struct Waiting {
    at_frame: u64,
    sound: Sound,
    gain: f32,
    cue: Option<Cue>,
}

/// A sound as it started: the frame, its channel, its length in frames, and its cue.
pub type Started = (u64, Channel, u64, Cue);

struct Playing {
    sound: Sound,
    position: usize,
    gain: f32,
    /// Frames left of a fade-out, and its length, once cleared.
    fading: Option<(usize, usize)>,
}

/// What the mixer has done, for tests and the log.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MixerStats {
    pub started: u64,
    /// Sounds dropped because they would have started more than their own length late.
    pub dropped_stale: u64,
    /// Samples that had to be held at the ceiling (none, with the levels used).
    pub limited_samples: u64,
}

/// The mixer: mono, at one sample rate.
pub struct Mixer {
    rate_hz: u32,
    frame: u64,
    waiting: Vec<Waiting>,
    playing: Vec<Playing>,
    stats: MixerStats,
    /// Each start, when asked to keep them (offline renders).
    starts: Option<Vec<Started>>,
    /// The frame the last voice to start was due at: the voices of one cue ("next up",
    /// the name, the dose) share it and follow one another, never dropped as late.
    voice_chain_at: Option<u64>,
}

impl Mixer {
    pub fn new(rate_hz: u32) -> Self {
        Self {
            rate_hz,
            frame: 0,
            waiting: Vec::new(),
            playing: Vec::new(),
            stats: MixerStats::default(),
            starts: None,
            voice_chain_at: None,
        }
    }

    pub fn rate_hz(&self) -> u32 {
        self.rate_hz
    }

    /// The frame the next [`Mixer::render`] starts at.
    pub fn frame(&self) -> u64 {
        self.frame
    }

    pub fn stats(&self) -> MixerStats {
        self.stats
    }

    /// Play `sound` from `at_frame` (now, if that has passed), at `gain` (the volume, 0–1).
    pub fn schedule(&mut self, at_frame: u64, sound: Sound, gain: f32) {
        self.waiting.push(Waiting {
            at_frame,
            sound,
            gain: gain.clamp(0.0, 1.0),
            cue: None,
        });
    }

    /// [`Mixer::schedule`], remembering which cue the sound is (for [`Mixer::take_starts`]).
    pub fn schedule_cue(&mut self, at_frame: u64, sound: Sound, gain: f32, cue: Cue) {
        self.waiting.push(Waiting {
            at_frame,
            sound,
            gain: gain.clamp(0.0, 1.0),
            cue: Some(cue),
        });
    }

    /// Count a sound dropped before it reached the mixer (too late to be worth playing).
    pub fn note_dropped(&mut self) {
        self.stats.dropped_stale += 1;
    }

    /// Keep a list of every start (for offline renders and tests).
    pub fn record_starts(&mut self, on: bool) {
        self.starts = on.then(Vec::new);
    }

    /// The starts kept since [`Mixer::record_starts`].
    pub fn take_starts(&mut self) -> Vec<Started> {
        self.starts.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Fade out what plays and forget what waits: after a skip, a pause or the end, nothing
    /// of the old phase is heard.
    pub fn clear(&mut self) {
        self.waiting.clear();
        self.voice_chain_at = None;
        let fade = ((CLEAR_FADE_SECS * self.rate_hz as f32) as usize).max(1);
        for playing in &mut self.playing {
            if playing.fading.is_none() {
                playing.fading = Some((fade, fade));
            }
        }
    }

    /// Whether anything plays or waits.
    pub fn is_idle(&self) -> bool {
        self.waiting.is_empty() && self.playing.is_empty()
    }

    /// Mix the next `out.len()` frames into `out` (overwriting it).
    pub fn render(&mut self, out: &mut [f32]) {
        out.fill(0.0);
        let first = self.frame;
        let last = first + out.len() as u64;
        // The waiting, in start order; voices queue behind the voice that plays.
        // Stable: the words of one cue share a frame and must keep their order.
        self.waiting.sort_by_key(|waiting| waiting.at_frame);
        for (offset, sample) in out.iter_mut().enumerate() {
            let now = first + offset as u64;
            self.start_due(now);
            let speaking = self
                .playing
                .iter()
                .any(|p| p.sound.channel == Channel::Voice && p.fading.is_none());
            let mut mixed = 0.0;
            for playing in &mut self.playing {
                let Some(&value) = playing.sound.samples.get(playing.position) else {
                    continue;
                };
                let mut gain = playing.gain;
                if speaking && playing.sound.channel == Channel::Tone {
                    gain *= DUCK_GAIN;
                }
                if let Some((left, length)) = &mut playing.fading {
                    gain *= *left as f32 / *length as f32;
                    *left = left.saturating_sub(1);
                }
                mixed += value * gain;
                playing.position += 1;
            }
            self.playing.retain(|p| {
                p.position < p.sound.samples.len() && p.fading.is_none_or(|(left, _)| left > 0)
            });
            if mixed.abs() > CEILING {
                self.stats.limited_samples += 1;
                mixed = mixed.clamp(-CEILING, CEILING);
            }
            *sample = mixed;
        }
        self.frame = last;
    }

    /// Start what is due at `now`: a tone at its frame; a voice at its frame or, when another
    /// voice still speaks, as soon as that one ends, and never while a tone sounds (it and the
    /// rest of its cue move to just after the tone). Anything that would start more than its
    /// own length late is dropped.
    fn start_due(&mut self, now: u64) {
        if self.waiting.first().is_none_or(|w| w.at_frame > now) {
            return;
        }
        let mut voice_busy = self
            .playing
            .iter()
            .any(|p| p.sound.channel == Channel::Voice && p.fading.is_none());
        let mut index = 0;
        while index < self.waiting.len() {
            let waiting = &self.waiting[index];
            if waiting.at_frame > now {
                break;
            }
            let voice = waiting.sound.channel == Channel::Voice;
            if voice
                && !voice_busy
                && self.voice_chain_at != Some(waiting.at_frame)
                && let Some(tone_end) = self.tone_end(now)
            {
                // The words wait for the tone: a voice never starts under one.
                self.move_cue(waiting.at_frame, tone_end + self.gap_frames());
                continue;
            }
            let in_chain = voice && self.voice_chain_at == Some(waiting.at_frame);
            if !in_chain && now - waiting.at_frame > waiting.sound.len_frames() {
                self.stats.dropped_stale += 1;
                self.waiting.remove(index);
                continue;
            }
            if voice && voice_busy {
                index += 1;
                continue;
            }
            let waiting = self.waiting.remove(index);
            voice_busy |= voice;
            if voice {
                self.voice_chain_at = Some(waiting.at_frame);
            }
            self.stats.started += 1;
            if let (Some(starts), Some(cue)) = (&mut self.starts, &waiting.cue) {
                starts.push((
                    now,
                    waiting.sound.channel,
                    waiting.sound.len_frames(),
                    cue.clone(),
                ));
            }
            self.playing.push(Playing {
                sound: waiting.sound,
                position: 0,
                gain: waiting.gain,
                fading: None,
            });
        }
    }

    /// The frame the tones sounding at `now` end on, if any sounds.
    fn tone_end(&self, now: u64) -> Option<u64> {
        self.playing
            .iter()
            .filter(|p| p.sound.channel == Channel::Tone && p.fading.is_none())
            .map(|p| now + (p.sound.samples.len() - p.position) as u64)
            .max()
    }

    /// A short pause between a tone and the words after it.
    fn gap_frames(&self) -> u64 {
        u64::from(self.rate_hz) * VOICE_AFTER_TONE_MS / 1000
    }

    /// Move every waiting voice due at `from` (the words of one cue) to `to`, keeping their
    /// order and the list in start order.
    fn move_cue(&mut self, from: u64, to: u64) {
        for waiting in &mut self.waiting {
            if waiting.at_frame == from && waiting.sound.channel == Channel::Voice {
                waiting.at_frame = to;
            }
        }
        self.waiting.sort_by_key(|waiting| waiting.at_frame);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn sound(channel: Channel, frames: usize, level: f32) -> Sound {
        Sound {
            channel,
            samples: Arc::from(vec![level; frames]),
        }
    }

    fn render(mixer: &mut Mixer, frames: usize) -> Vec<f32> {
        let mut out = vec![0.0; frames];
        mixer.render(&mut out);
        out
    }

    #[test]
    fn a_sound_starts_exactly_at_its_frame() {
        let mut mixer = Mixer::new(1000);
        mixer.schedule(37, sound(Channel::Tone, 10, 0.3), 1.0);
        let out = render(&mut mixer, 100);
        assert_eq!(out.iter().position(|s| *s != 0.0), Some(37));
        assert_eq!(out.iter().filter(|s| **s != 0.0).count(), 10);
    }

    #[test]
    fn voices_take_turns_and_tones_duck_under_them() {
        let mut mixer = Mixer::new(1000);
        mixer.schedule(0, sound(Channel::Voice, 50, 0.5), 1.0);
        mixer.schedule(10, sound(Channel::Voice, 60, 0.5), 1.0);
        mixer.schedule(20, sound(Channel::Tone, 5, 0.3), 1.0);
        let out = render(&mut mixer, 150);
        // The tone is ducked under the first voice.
        assert!(
            (out[20] - (0.5 + 0.3 * DUCK_GAIN)).abs() < 1e-6,
            "{}",
            out[20]
        );
        // The second voice waits for the first, then plays whole.
        assert!((out[55] - 0.5).abs() < 1e-6);
        assert_eq!(out.iter().rposition(|s| *s != 0.0), Some(109));
    }

    #[test]
    fn a_sound_more_than_its_length_late_is_dropped() {
        let mut mixer = Mixer::new(1000);
        mixer.schedule(0, sound(Channel::Voice, 100, 0.5), 1.0);
        // Queued behind a 100-frame voice, a 30-frame voice due at 10 would be 90 late.
        mixer.schedule(10, sound(Channel::Voice, 30, 0.5), 1.0);
        let out = render(&mut mixer, 200);
        assert_eq!(out.iter().rposition(|s| *s != 0.0), Some(99));
        assert_eq!(mixer.stats().dropped_stale, 1);
    }

    #[test]
    fn the_words_of_one_cue_follow_one_another_however_long() {
        let mut mixer = Mixer::new(1000);
        for _ in 0..5 {
            mixer.schedule(0, sound(Channel::Voice, 40, 0.5), 1.0);
        }
        let out = render(&mut mixer, 300);
        assert_eq!(out.iter().filter(|s| **s != 0.0).count(), 200);
        assert_eq!(mixer.stats().dropped_stale, 0);
    }

    #[test]
    fn clear_fades_out_what_plays_and_forgets_what_waits() {
        let mut mixer = Mixer::new(1000);
        mixer.schedule(0, sound(Channel::Voice, 500, 0.5), 1.0);
        mixer.schedule(300, sound(Channel::Tone, 50, 0.3), 1.0);
        render(&mut mixer, 100);
        mixer.clear();
        let out = render(&mut mixer, 400);
        // A 10 ms fade (10 frames at 1 kHz), falling, then silence.
        assert!(out[0] > out[5] && out[5] > 0.0);
        assert!(out[10..].iter().all(|s| *s == 0.0));
        assert!(mixer.is_idle());
    }

    #[test]
    fn the_output_never_passes_the_ceiling() {
        let mut mixer = Mixer::new(1000);
        for _ in 0..4 {
            mixer.schedule(0, sound(Channel::Tone, 10, 0.5), 1.0);
        }
        let out = render(&mut mixer, 10);
        assert!(out.iter().all(|s| s.abs() <= CEILING));
        assert_eq!(mixer.stats().limited_samples, 10);
    }
}
