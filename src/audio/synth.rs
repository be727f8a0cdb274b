//! Tones and clips as samples: every tone fades in and out (no click at either end), and each
//! clip is decoded and resampled to the mixer's rate.

use rodio::Source as _;

/// How long a tone takes to rise and to fall.
const FADE_SECS: f32 = 0.008;

/// A tone's peak, before the volume: with speech at [`VOICE_PEAK`] the two stay under −1 dBFS
/// together even before the mixer ducks the tone.
pub const TONE_PEAK: f32 = 0.33;

/// A voice clip's peak (the clips are normalised to −1 dBFS, scaled to this).
pub const VOICE_PEAK: f32 = 0.55;

pub use crate::domain::session::coach::{tone_length_ms, tone_notes};

/// The notes as one buffer of mono samples, each note with a raised-cosine fade in and out.
pub fn render_notes(notes: &[(u64, f32, u64)], rate_hz: u32) -> Vec<f32> {
    let rate = rate_hz as f32;
    let frames = |ms: u64| (ms as f32 * rate / 1000.0).round() as usize;
    let total = notes
        .iter()
        .map(|(start, _, length)| frames(start + length))
        .max()
        .unwrap_or(0);
    let mut out = vec![0.0; total];
    let fade = ((FADE_SECS * rate) as usize).max(1);
    for &(start_ms, freq_hz, length_ms) in notes {
        let start = frames(start_ms);
        let length = frames(length_ms);
        let fade = fade.min(length / 2).max(1);
        for i in 0..length {
            let envelope = if i < fade {
                raised_cosine(i, fade)
            } else if i >= length - fade {
                raised_cosine(length - 1 - i, fade)
            } else {
                1.0
            };
            let phase = std::f32::consts::TAU * freq_hz * i as f32 / rate;
            if let Some(sample) = out.get_mut(start + i) {
                *sample += TONE_PEAK * envelope * phase.sin();
            }
        }
    }
    out
}

/// 0 at `i = 0`, rising smoothly to 1 at `i = len`.
fn raised_cosine(i: usize, len: usize) -> f32 {
    0.5 - 0.5 * (std::f32::consts::PI * i as f32 / len as f32).cos()
}

/// Decode a WAV clip to mono samples at `rate_hz`, scaled to [`VOICE_PEAK`] at its loudest,
/// with a short fade at each end.
pub fn decode_clip(bytes: &'static [u8], rate_hz: u32) -> Result<Vec<f32>, String> {
    let decoder =
        rodio::Decoder::new(std::io::Cursor::new(bytes)).map_err(|err| err.to_string())?;
    let channels = usize::from(decoder.channels().get());
    let source_rate = decoder.sample_rate().get();
    let interleaved: Vec<f32> = decoder.collect();
    let mono: Vec<f32> = interleaved
        .chunks(channels)
        .map(|frame| frame.iter().sum::<f32>() / frame.len() as f32)
        .collect();
    let mut out = resample(&mono, source_rate, rate_hz);
    let peak = out.iter().fold(0.0_f32, |peak, s| peak.max(s.abs()));
    if peak > 0.0 {
        let gain = VOICE_PEAK / peak;
        out.iter_mut().for_each(|s| *s *= gain);
    }
    let fade = ((FADE_SECS * rate_hz as f32) as usize).min(out.len() / 2);
    let len = out.len();
    for i in 0..fade {
        let envelope = raised_cosine(i, fade);
        out[i] *= envelope;
        out[len - 1 - i] *= envelope;
    }
    Ok(out)
}

/// Linear-interpolation resampling: plenty for speech clips.
fn resample(samples: &[f32], from_hz: u32, to_hz: u32) -> Vec<f32> {
    if from_hz == to_hz || samples.is_empty() {
        return samples.to_vec();
    }
    let ratio = f64::from(from_hz) / f64::from(to_hz);
    let frames = (samples.len() as f64 / ratio).floor() as usize;
    (0..frames)
        .map(|i| {
            let at = i as f64 * ratio;
            let index = at.floor() as usize;
            let frac = (at - index as f64) as f32;
            let a = samples[index];
            let b = samples.get(index + 1).copied().unwrap_or(a);
            a + (b - a) * frac
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::coach::Cue;

    #[test]
    fn every_tone_starts_and_ends_at_silence() {
        for cue in [Cue::Pip, Cue::Go, Cue::Rest, Cue::Finish, Cue::SwitchSides] {
            let samples = render_notes(&tone_notes(&cue), 48_000);
            assert!(samples[0].abs() < 1e-3, "{cue:?} starts at silence");
            let last = samples[samples.len() - 1];
            assert!(last.abs() < 0.01, "{cue:?} ends at silence: {last}");
            let peak = samples.iter().fold(0.0_f32, |p, s| p.max(s.abs()));
            assert!(peak <= TONE_PEAK + 1e-6 && peak > TONE_PEAK * 0.9, "{peak}");
        }
    }

    #[test]
    fn resampling_keeps_the_length_in_time() {
        let samples = vec![0.5; 22_050];
        assert_eq!(resample(&samples, 22_050, 48_000).len(), 48_000);
    }
}
