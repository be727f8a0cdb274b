//! Where each cue lands: the step between "this cue is due at that moment" and "this sound
//! starts on that frame". The device's callback and the offline render both go through it,
//! so a test of the render is a test of what the device plays.
//!
//! A cue waits as a moment until the block of frames that is heard at that moment is
//! rendered; only then does it become a frame (so a glitch in the stream never shifts it).
//! Cues keep the order they were queued in: the words of one cue share one moment and must
//! be spoken in turn.

use std::time::{Duration, Instant};

use super::Sound;
use super::mixer::Mixer;
use crate::domain::session::coach::Cue;

/// A cue with its sound, and the moment it should be heard.
pub struct Placed {
    pub at: Instant,
    pub sound: Sound,
    pub volume: f32,
    pub cue: Cue,
}

/// A cue to place, or forget every cue (a skip, back, pause or the end).
pub enum Queued {
    Play(Placed),
    Clear,
}

/// The mixer, and the cues not yet due in the block being rendered.
pub struct CuePlacer {
    pub mixer: Mixer,
    /// Oldest first; taken out in order.
    waiting: Vec<Placed>,
}

impl CuePlacer {
    pub fn new(mixer: Mixer) -> Self {
        Self {
            mixer,
            waiting: Vec::new(),
        }
    }

    /// Take in what was queued since the last block: cues wait, a clear forgets them and
    /// fades out what plays.
    pub fn take(&mut self, queued: impl IntoIterator<Item = Queued>) {
        for item in queued {
            match item {
                Queued::Clear => {
                    self.mixer.clear();
                    self.waiting.clear();
                }
                Queued::Play(placed) => self.waiting.push(placed),
            }
        }
    }

    /// Fill `out` (mono) for a callback made at `now`, whose first frame is heard `latency`
    /// later: every cue due before the block's end goes on the frame heard at its moment
    /// (a cue a little late goes at once; one more than its own length late is dropped).
    pub fn render(&mut self, out: &mut [f32], now: Instant, latency: Duration) {
        let rate = f64::from(self.mixer.rate_hz());
        let first = self.mixer.frame();
        let heard_at = now + latency;
        let until = heard_at + Duration::from_secs_f64(out.len() as f64 / rate);
        let mut index = 0;
        while index < self.waiting.len() {
            if self.waiting[index].at >= until {
                index += 1;
                continue;
            }
            // `remove`, not `swap_remove`: the ones after keep their order.
            let Placed {
                at,
                sound,
                volume,
                cue,
            } = self.waiting.remove(index);
            let offset = (at.saturating_duration_since(heard_at).as_secs_f64() * rate).round();
            let late = (heard_at.saturating_duration_since(at).as_secs_f64() * rate).round();
            if late as u64 > sound.len_frames() {
                // More than its own length late: dropped, never played stale.
                self.mixer.note_dropped();
                continue;
            }
            // A little late: at once, the mixer counting how late from its due frame.
            let frame = (first + offset as u64).saturating_sub(late as u64);
            self.mixer.schedule_cue(frame, sound, volume, cue);
        }
        self.mixer.render(out);
    }
}
