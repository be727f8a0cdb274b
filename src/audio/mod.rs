//! The coach's sound as data: tones synthesised with fades, voice clips decoded, and one
//! [`mixer::Mixer`] that places each sound at a sample position, ducks tones under speech,
//! keeps the voice in sequence, drops what has gone stale and never goes above −1 dBFS.
//!
//! No device here: `platform::sound` feeds a sound card from the mixer, and
//! [`track::render_session`] renders a whole session offline from the same schedule the player
//! uses, for tests and for listening.

pub mod mixer;
pub mod placer;
pub mod synth;
pub mod track;

use std::sync::Arc;

use crate::domain::session::coach::Cue;
use crate::store::bundled;

/// The loudest sample the mixer ever writes: −1 dBFS.
pub const CEILING: f32 = 0.891_250_9;

/// Whether a sound is a tone (ducked under speech) or speech (one at a time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Tone,
    Voice,
}

/// A sound ready to mix: mono samples at the mixer's rate.
#[derive(Clone, Debug)]
pub struct Sound {
    pub channel: Channel,
    pub samples: Arc<[f32]>,
}

impl Sound {
    pub fn len_frames(&self) -> u64 {
        self.samples.len() as u64
    }
}

/// The sounds of every cue at one sample rate, made once.
pub struct SoundBank {
    pub rate_hz: u32,
    tones: Vec<(Cue, Sound)>,
    voices: Vec<(String, Sound)>,
    /// Each step's key cue: its stem, the words it says, and its sound, decoded the first
    /// time it is needed (a session says a handful of the 58; all decoded would take ~39 MB).
    step_cues: Vec<StepCueClip>,
}

/// A recorded step cue, decoded on first use.
struct StepCueClip {
    stem: &'static str,
    words: &'static str,
    bytes: &'static [u8],
    sound: std::sync::OnceLock<Option<Sound>>,
}

impl SoundBank {
    /// Synthesise the tones and decode the bundled clips at `rate_hz`.
    pub fn new(rate_hz: u32) -> Self {
        let tones = [
            Cue::Pip,
            Cue::Go,
            Cue::Halfway,
            Cue::SwitchSides,
            Cue::Rest,
            Cue::Finish,
        ]
        .into_iter()
        .map(|cue| {
            let samples = synth::render_notes(&synth::tone_notes(&cue), rate_hz);
            (
                cue,
                Sound {
                    channel: Channel::Tone,
                    samples: samples.into(),
                },
            )
        })
        .collect();
        let voices = bundled::voice_clip_names()
            .filter_map(|name| {
                let bytes = bundled::voice_clip(name)?;
                match synth::decode_clip(bytes, rate_hz) {
                    Ok(samples) => Some((
                        name.to_owned(),
                        Sound {
                            channel: Channel::Voice,
                            samples: samples.into(),
                        },
                    )),
                    Err(err) => {
                        log::warn!("the voice clip {name} could not be decoded: {err}");
                        None
                    }
                }
            })
            .collect();
        let step_cues = bundled::step_cue_clip_names()
            .filter_map(|stem| {
                let (words, bytes) = bundled::step_cue_clip(stem)?;
                Some(StepCueClip {
                    stem,
                    words,
                    bytes,
                    sound: std::sync::OnceLock::new(),
                })
            })
            .collect();
        Self {
            rate_hz,
            tones,
            voices,
            step_cues,
        }
    }

    /// The sound for a cue (`None` for a clip that is missing).
    pub fn sound(&self, cue: &Cue) -> Option<&Sound> {
        if let Cue::SayStepCue { words, .. } = cue {
            // Only a clip that says the catalog's words (a catalog of one's own may differ).
            let stem = cue.clip_name()?;
            let clip = self
                .step_cues
                .iter()
                .find(|clip| clip.stem == stem && clip.words == words)?;
            return clip
                .sound
                .get_or_init(|| match synth::decode_clip(clip.bytes, self.rate_hz) {
                    Ok(samples) => Some(Sound {
                        channel: Channel::Voice,
                        samples: samples.into(),
                    }),
                    Err(err) => {
                        log::warn!("the step cue {stem} could not be decoded: {err}");
                        None
                    }
                })
                .as_ref();
        }
        match cue.clip_name() {
            Some(clip) => self
                .voices
                .iter()
                .find(|(name, _)| *name == clip)
                .map(|(_, sound)| sound),
            None => self
                .tones
                .iter()
                .find(|(tone, _)| tone == cue)
                .map(|(_, sound)| sound),
        }
    }
}
