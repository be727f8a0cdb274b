//! Sound: the coach's tones and spoken clips.
//!
//! The app talks to an [`AudioOutput`]. [`RodioAudio`] opens the sound device on its own thread
//! so a slow or missing device never stalls the screen; without a device it reports why once
//! and then stays silent. [`SilentAudio`] and [`RecordingAudio`] serve `--no-sound` and tests.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rodio::Source as _;

use crate::domain::coach::Cue;
use crate::store::bundled;

/// Why sound cannot be played. Reported once; the app then works silently.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SoundError {
    /// The output device could not be opened (no sound card, or it is busy).
    #[error("no sound device could be opened: {0}")]
    NoDevice(String),
    /// The thread that plays sound could not be started.
    #[error("the sound thread could not start: {0}")]
    NoThread(String),
}

/// Something that can play the coach's cues.
pub trait AudioOutput {
    /// Queue a cue; returns at once.
    fn play(&mut self, cue: &Cue, volume: f32);
    /// Why sound is not available, reported once, when that becomes known.
    fn take_unavailable_reason(&mut self) -> Option<SoundError>;
}

/// Plays nothing (`--no-sound`).
#[derive(Default)]
pub struct SilentAudio;

impl AudioOutput for SilentAudio {
    fn play(&mut self, _cue: &Cue, _volume: f32) {}
    fn take_unavailable_reason(&mut self) -> Option<SoundError> {
        None
    }
}

/// Remembers every cue asked for; clones share the list. For tests.
#[derive(Clone, Default)]
pub struct RecordingAudio {
    played: Arc<Mutex<Vec<(Cue, f32)>>>,
}

impl RecordingAudio {
    /// Cues played so far, in order.
    pub fn cues(&self) -> Vec<Cue> {
        self.played
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|(cue, _)| cue.clone())
            .collect()
    }

    /// Cues with the volume they were asked at.
    pub fn cues_with_volume(&self) -> Vec<(Cue, f32)> {
        self.played
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl AudioOutput for RecordingAudio {
    fn play(&mut self, cue: &Cue, volume: f32) {
        self.played
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((cue.clone(), volume));
    }
    fn take_unavailable_reason(&mut self) -> Option<SoundError> {
        None
    }
}

/// Opens an output device; returns a boxed sink or why it could not.
pub type DeviceOpener =
    Box<dyn FnOnce() -> Result<rodio::MixerDeviceSink, SoundError> + Send + 'static>;

/// Called from the sound thread when its status changes.
pub type Notify = Box<dyn Fn() + Send + 'static>;

/// Real sound through rodio, on a thread of its own.
pub struct RodioAudio {
    requests: Option<Sender<(Cue, f32)>>,
    status: Receiver<SoundError>,
}

impl RodioAudio {
    /// Open the default output device; `notify` is called if it turns out to be unavailable,
    /// so the window can wake up and say so.
    pub fn start_notifying(notify: Notify) -> Self {
        Self::with_device(
            Box::new(|| {
                rodio::DeviceSinkBuilder::open_default_sink()
                    .map_err(|err| SoundError::NoDevice(err.to_string()))
            }),
            notify,
        )
    }

    /// Use `open` to get the device (tests pass one that fails).
    pub fn with_device(open: DeviceOpener, notify: Notify) -> Self {
        let (requests, incoming) = mpsc::channel::<(Cue, f32)>();
        let (status_tx, status) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("audio".to_owned())
            .spawn(move || audio_thread(open, &incoming, &status_tx, &notify));
        match spawned {
            Ok(_) => Self {
                requests: Some(requests),
                status,
            },
            Err(err) => {
                let (tx, status) = mpsc::channel();
                let _ = tx.send(SoundError::NoThread(err.to_string()));
                Self {
                    requests: None,
                    status,
                }
            }
        }
    }
}

impl AudioOutput for RodioAudio {
    fn play(&mut self, cue: &Cue, volume: f32) {
        if let Some(requests) = &self.requests
            && requests.send((cue.clone(), volume)).is_err()
        {
            self.requests = None;
        }
    }

    fn take_unavailable_reason(&mut self) -> Option<SoundError> {
        match self.status.try_recv() {
            Ok(reason) => {
                self.requests = None;
                Some(reason)
            }
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => None,
        }
    }
}

fn audio_thread(
    open: DeviceOpener,
    incoming: &Receiver<(Cue, f32)>,
    status: &Sender<SoundError>,
    notify: &Notify,
) {
    let mut sink = match open() {
        Ok(sink) => sink,
        Err(reason) => {
            // Shown to the person by the app; not logged here as well.
            let _ = status.send(reason);
            notify();
            return;
        }
    };
    sink.log_on_drop(false);
    // Spoken clips queue one after another; tones mix over them.
    let voice = rodio::Player::connect_new(sink.mixer());
    while let Ok((cue, volume)) = incoming.recv() {
        let volume = volume.clamp(0.0, 1.0);
        if let Some(clip) = clip_for(&cue) {
            match rodio::Decoder::new(std::io::Cursor::new(clip)) {
                Ok(source) => voice.append(source.amplify(volume)),
                Err(err) => log::warn!("could not decode the clip for {cue:?}: {err}"),
            }
        } else {
            for (delay_ms, freq_hz, length_ms) in tone_notes(&cue) {
                sink.mixer().add(
                    rodio::source::SineWave::new(freq_hz)
                        .take_duration(Duration::from_millis(length_ms))
                        .fade_in(Duration::from_millis(8))
                        .amplify(0.35 * volume)
                        .delay(Duration::from_millis(delay_ms)),
                );
            }
        }
    }
}

fn clip_for(cue: &Cue) -> Option<&'static [u8]> {
    match cue {
        Cue::Say(phrase) => bundled::voice_clip(phrase.clip_name()),
        Cue::SayExercise(id) => bundled::voice_clip(id),
        _ => None,
    }
}

/// (start delay ms, frequency Hz, length ms) for each note of a tone cue.
pub fn tone_notes(cue: &Cue) -> Vec<(u64, f32, u64)> {
    match cue {
        Cue::Pip => vec![(0, 880.0, 110)],
        Cue::Go => vec![(0, 1320.0, 450)],
        Cue::Halfway => vec![(0, 660.0, 90), (160, 660.0, 90)],
        Cue::SwitchSides => vec![(0, 660.0, 150), (180, 990.0, 200)],
        Cue::Rest => vec![(0, 784.0, 180), (200, 523.0, 300)],
        Cue::Finish => vec![
            (0, 523.0, 160),
            (170, 659.0, 160),
            (340, 784.0, 160),
            (510, 1047.0, 420),
        ],
        Cue::Say(_) | Cue::SayExercise(_) => Vec::new(),
    }
}
