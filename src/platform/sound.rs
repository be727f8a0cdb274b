//! Sound: the coach's tones and spoken clips, on the beat.
//!
//! The app talks to an [`AudioOutput`]: it schedules each cue with how long from now it is
//! due, and clears what is queued after a skip, back, pause or the end. [`DeviceAudio`] opens
//! the sound card (through rodio's cpal) on its own thread, so a slow or missing device never
//! stalls the screen; its data callback renders the app's one [`Mixer`], and places each cue
//! on the sample that reaches the speaker at its moment: the callback knows, from the device's
//! timestamps, how far ahead of the speaker it writes (the output latency), and subtracts it.
//! Without a device it reports why once and then stays silent. Device errors are logged once,
//! with a count, not once per callback. [`SilentAudio`] and [`RecordingAudio`] serve
//! `--no-sound` and tests.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rodio::cpal;
use rodio::cpal::traits::{DeviceTrait as _, HostTrait as _, StreamTrait as _};

use crate::audio::SoundBank;
use crate::audio::mixer::Mixer;
use crate::audio::placer::{CuePlacer, Placed, Queued};
use crate::domain::session::coach::Cue;

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
    /// Play `cue` at `at` on the app's monotonic clock (the one the player's boundaries come
    /// from), at `volume` (0–1); returns at once.
    fn schedule(&mut self, cue: &Cue, volume: f32, at: Duration);
    /// Forget what waits and fade out what plays (a skip, back, pause or the end).
    fn clear(&mut self);
    /// Why sound is not available, reported once, when that becomes known.
    fn take_unavailable_reason(&mut self) -> Option<SoundError>;
    /// How far ahead of now a cue must be due to be heard at its moment rather than late:
    /// the app starts a session, and moves it on after a key, this much ahead, so that what
    /// the key sets off is heard on the beat (zero without a device).
    fn lead(&self) -> Duration {
        Duration::ZERO
    }
}

/// Plays nothing (`--no-sound`).
#[derive(Default)]
pub struct SilentAudio;

impl AudioOutput for SilentAudio {
    fn schedule(&mut self, _cue: &Cue, _volume: f32, _at: Duration) {}
    fn clear(&mut self) {}
    fn take_unavailable_reason(&mut self) -> Option<SoundError> {
        None
    }
}

/// What [`RecordingAudio`] was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum Recorded {
    Cue {
        cue: Cue,
        volume: f32,
        /// When it is due, on the app's monotonic clock.
        at: Duration,
    },
    Clear,
}

/// Remembers every cue asked for; clones share the list. For tests.
#[derive(Clone, Default)]
pub struct RecordingAudio {
    played: Arc<Mutex<Vec<Recorded>>>,
}

impl RecordingAudio {
    /// Cues asked for so far, in order.
    pub fn cues(&self) -> Vec<Cue> {
        self.cues_with_volume()
            .into_iter()
            .map(|(cue, _)| cue)
            .collect()
    }

    /// Cues with the volume they were asked at.
    pub fn cues_with_volume(&self) -> Vec<(Cue, f32)> {
        self.log()
            .into_iter()
            .filter_map(|entry| match entry {
                Recorded::Cue { cue, volume, .. } => Some((cue, volume)),
                Recorded::Clear => None,
            })
            .collect()
    }

    /// Everything asked, clears included.
    pub fn log(&self) -> Vec<Recorded> {
        self.played
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl AudioOutput for RecordingAudio {
    fn schedule(&mut self, cue: &Cue, volume: f32, at: Duration) {
        self.played
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Recorded::Cue {
                cue: cue.clone(),
                volume,
                at,
            });
    }
    fn clear(&mut self) {
        self.played
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Recorded::Clear);
    }
    fn take_unavailable_reason(&mut self) -> Option<SoundError> {
        None
    }
}

/// A cue to place, with the moment it should reach the speaker.
enum Request {
    Play { cue: Cue, volume: f32, at: Instant },
    Clear,
}

/// Opens the output: starts a stream that renders `shared`, returns it (kept alive by the
/// sound thread) or why it could not.
pub type DeviceOpener =
    Box<dyn FnOnce(Arc<Shared>) -> Result<Box<dyn std::any::Any>, SoundError> + Send + 'static>;

/// Called from the sound thread when its status changes.
pub type Notify = Box<dyn Fn() + Send + 'static>;

/// What the sound thread and the device's callback share.
pub struct Shared {
    state: Mutex<MixState>,
    /// Device errors seen, for the once-only log line and the count at the end.
    errors: AtomicU64,
    /// [`Shared::lead`] in microseconds, for the app's thread without taking the lock.
    lead_micros: AtomicU64,
}

struct MixState {
    placer: CuePlacer,
    queued: Vec<Queued>,
    latency_logged: bool,
    /// The output latency the device last reported.
    latency: Duration,
    /// How long one callback's block lasts.
    block: Duration,
}

impl Shared {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            state: Mutex::new(MixState {
                placer: CuePlacer::new(Mixer::new(48_000)),
                queued: Vec::new(),
                latency_logged: false,
                latency: Duration::ZERO,
                block: Duration::ZERO,
            }),
            errors: AtomicU64::new(0),
            lead_micros: AtomicU64::new(0),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, MixState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Fill `out` (mono) for a callback made at `now`, whose first frame reaches the speaker
    /// `latency` later. A cue becomes a frame position only in the callback that plays it
    /// (until then it waits as an instant), so a glitch in the stream never shifts it: each
    /// goes on the frame that is heard at its moment. Nothing here looks a sound up or, once
    /// the lists have grown to their working size, allocates.
    pub fn render(&self, out: &mut [f32], now: Instant, latency: Duration) {
        let mut guard = self.lock();
        let state = &mut *guard;
        if !state.latency_logged && !latency.is_zero() {
            state.latency_logged = true;
            log::info!(
                "sound: the device plays {} ms after it is given samples",
                latency.as_millis()
            );
        }
        state.latency = latency;
        state.block =
            Duration::from_secs_f64(out.len() as f64 / f64::from(state.placer.mixer.rate_hz()));
        state.placer.take(state.queued.drain(..));
        state.placer.render(out, now, latency);
        let lead = state.latency + state.block + LEAD_MARGIN;
        self.lead_micros.store(
            u64::try_from(lead.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    /// How far ahead of now a cue must be due to be placed on its frame rather than played
    /// late: the output latency the device reports, one block, and a margin for the hop
    /// through the sound thread. Zero until the device has rendered once.
    pub fn lead(&self) -> Duration {
        Duration::from_micros(self.lead_micros.load(Ordering::Relaxed))
    }

    /// Hand a request to the callback, its sound looked up in `bank` (a cue without a sound
    /// is left out).
    fn queue(&self, request: Request, bank: &SoundBank) {
        let queued = match request {
            Request::Clear => Queued::Clear,
            Request::Play { cue, volume, at } => {
                let Some(sound) = bank.sound(&cue).cloned() else {
                    return;
                };
                Queued::Play(Placed {
                    at,
                    sound,
                    volume,
                    cue,
                })
            }
        };
        self.lock().queued.push(queued);
    }

    fn error(&self, err: &cpal::Error) {
        if self.errors.fetch_add(1, Ordering::Relaxed) == 0 {
            log::warn!("sound device error (logged once; later ones are counted): {err}");
        }
    }
}

/// The hop from the app to the device's callback (the sound thread, the lock), and room for
/// a callback a little late: part of [`Shared::lead`].
const LEAD_MARGIN: Duration = Duration::from_millis(10);

/// Real sound on the default output device, on a thread of its own.
pub struct DeviceAudio {
    /// Shared with the device's callback (for the lead).
    shared: Arc<Shared>,
    requests: Option<Sender<Request>>,
    status: Receiver<SoundError>,
    /// Where the app's monotonic clock starts.
    origin: Instant,
}

/// The output buffer asked of the device: about 20 ms (the device may give more). Cues are
/// placed ahead of it, so its size costs nothing on the beat; smaller ones underran on a busy
/// two-core machine.
const BUFFER_SECS: f64 = 0.020;

impl DeviceAudio {
    /// Open the default output device; `notify` is called if it turns out to be unavailable,
    /// so the window can wake up and say so.
    /// `origin` is where the app's monotonic clock starts.
    pub fn start_notifying(origin: Instant, notify: Notify) -> Self {
        Self::with_device(origin, Box::new(open_default_output), notify)
    }

    /// Use `open` to get the device (tests pass one that fails).
    pub fn with_device(origin: Instant, open: DeviceOpener, notify: Notify) -> Self {
        let (requests, incoming) = mpsc::channel::<Request>();
        let (status_tx, status) = mpsc::channel();
        let shared = Shared::new();
        let for_thread = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("audio".to_owned())
            .spawn(move || audio_thread(for_thread, open, &incoming, &status_tx, &notify));
        match spawned {
            Ok(_) => Self {
                shared,
                requests: Some(requests),
                status,
                origin,
            },
            Err(err) => {
                let (tx, status) = mpsc::channel();
                let _ = tx.send(SoundError::NoThread(err.to_string()));
                Self {
                    shared,
                    requests: None,
                    status,
                    origin,
                }
            }
        }
    }

    fn send(&mut self, request: Request) {
        if let Some(requests) = &self.requests
            && requests.send(request).is_err()
        {
            self.requests = None;
        }
    }
}

impl AudioOutput for DeviceAudio {
    fn schedule(&mut self, cue: &Cue, volume: f32, at: Duration) {
        self.send(Request::Play {
            cue: cue.clone(),
            volume: volume.clamp(0.0, 1.0),
            at: self.origin + at,
        });
    }

    fn clear(&mut self) {
        self.send(Request::Clear);
    }

    fn lead(&self) -> Duration {
        self.shared.lead()
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
    shared: Arc<Shared>,
    open: DeviceOpener,
    incoming: &Receiver<Request>,
    status: &Sender<SoundError>,
    notify: &Notify,
) {
    let _stream = match open(shared.clone()) {
        Ok(stream) => stream,
        Err(reason) => {
            // Shown to the person by the app; not logged here as well.
            let _ = status.send(reason);
            notify();
            return;
        }
    };
    let rate = shared.lock().placer.mixer.rate_hz();
    let bank = SoundBank::new(rate);
    while let Ok(request) = incoming.recv() {
        shared.queue(request, &bank);
    }
    let errors = shared.errors.load(Ordering::Relaxed);
    if errors > 1 {
        log::warn!("the sound device reported {errors} errors in all");
    }
    let state = shared.lock();
    let stats = state.placer.mixer.stats();
    log::info!(
        "sound: {} cues played, {} dropped as stale, output latency {} ms",
        stats.started,
        stats.dropped_stale,
        state.latency.as_millis()
    );
}

/// Open the default output with a small buffer (or the device's own, if it refuses), and
/// render `shared` into it.
fn open_default_output(shared: Arc<Shared>) -> Result<Box<dyn std::any::Any>, SoundError> {
    let no_device = |err: &dyn std::fmt::Display| SoundError::NoDevice(err.to_string());
    let host = cpal::default_host();
    let device = host
        .default_output_device()
        .ok_or_else(|| SoundError::NoDevice("there is no default output device".to_owned()))?;
    let supported = device
        .default_output_config()
        .map_err(|err| no_device(&err))?;
    let format = supported.sample_format();
    let mut config = supported.config();
    {
        let mut state = shared.lock();
        state.placer = CuePlacer::new(Mixer::new(config.sample_rate));
    }
    let small = (f64::from(config.sample_rate) * BUFFER_SECS) as u32;
    config.buffer_size = cpal::BufferSize::Fixed(small.next_power_of_two());
    let stream = build(&device, &config, format, shared.clone()).or_else(|_| {
        // The device would not take the small buffer: use its own.
        config.buffer_size = cpal::BufferSize::Default;
        build(&device, &config, format, shared.clone())
    })?;
    stream.play().map_err(|err| no_device(&err))?;
    Ok(Box::new(stream))
}

fn build(
    device: &cpal::Device,
    config: &cpal::StreamConfig,
    format: cpal::SampleFormat,
    shared: Arc<Shared>,
) -> Result<cpal::Stream, SoundError> {
    match format {
        cpal::SampleFormat::F32 => build_for::<f32>(device, config, shared),
        cpal::SampleFormat::I16 => build_for::<i16>(device, config, shared),
        cpal::SampleFormat::U16 => build_for::<u16>(device, config, shared),
        cpal::SampleFormat::I32 => build_for::<i32>(device, config, shared),
        other => Err(SoundError::NoDevice(format!(
            "the device wants {other} samples, which Strongback does not write"
        ))),
    }
}

fn build_for<T>(
    device: &cpal::Device,
    config: &cpal::StreamConfig,
    shared: Arc<Shared>,
) -> Result<cpal::Stream, SoundError>
where
    T: cpal::SizedSample + cpal::FromSample<f32>,
{
    let channels = usize::from(config.channels.max(1));
    let errors = shared.clone();
    let mut mono: Vec<f32> = Vec::new();
    device
        .build_output_stream::<T, _, _>(
            *config,
            move |data: &mut [T], info: &cpal::OutputCallbackInfo| {
                let now = Instant::now();
                let stamp = info.timestamp();
                let latency = stamp.playback.saturating_duration_since(stamp.callback);
                let frames = data.len() / channels;
                mono.resize(frames, 0.0);
                shared.render(&mut mono, now, latency);
                for (frame, value) in data.chunks_mut(channels).zip(&mono) {
                    let sample = T::from_sample(*value);
                    frame.fill(sample);
                }
            },
            move |err| errors.error(&err),
            None,
        )
        .map_err(|err| SoundError::NoDevice(err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::coach::Phrase;

    fn shared_at(rate_hz: u32) -> (Arc<Shared>, SoundBank) {
        let shared = Shared::new();
        {
            let mut state = shared.lock();
            state.placer = CuePlacer::new(Mixer::new(rate_hz));
            state.placer.mixer.record_starts(true);
        }
        (shared, SoundBank::new(rate_hz))
    }

    #[test]
    fn a_cue_lands_on_the_frame_heard_at_its_moment() {
        let (shared, bank) = shared_at(8_000);
        let now = Instant::now();
        let latency = Duration::from_millis(20);
        // Due 100 ms from now; the first frame of this callback is heard 20 ms from now, so
        // the pip goes 80 ms (640 frames) into the callback.
        shared.queue(
            Request::Play {
                cue: Cue::Pip,
                volume: 1.0,
                at: now + Duration::from_millis(100),
            },
            &bank,
        );
        let mut out = vec![0.0; 2_048];
        shared.render(&mut out, now, latency);
        let mut state = shared.lock();
        let starts = state.placer.mixer.take_starts();
        assert_eq!(starts.len(), 1);
        assert_eq!(starts[0].0, 640);
    }

    #[test]
    fn a_cue_more_than_its_length_late_is_dropped_and_a_clear_forgets_the_rest() {
        let (shared, bank) = shared_at(8_000);
        let now = Instant::now();
        let past = now
            .checked_sub(Duration::from_secs(5))
            .expect("a past instant");
        shared.queue(
            Request::Play {
                cue: Cue::Say(Phrase::Rest),
                volume: 1.0,
                at: past,
            },
            &bank,
        );
        shared.queue(
            Request::Play {
                cue: Cue::Pip,
                volume: 1.0,
                at: now + Duration::from_secs(1),
            },
            &bank,
        );
        let mut out = vec![0.0; 512];
        shared.render(&mut out, now, Duration::ZERO);
        assert_eq!(shared.lock().placer.mixer.stats().dropped_stale, 1);
        assert!(out.iter().all(|s| *s == 0.0));
        shared.queue(Request::Clear, &bank);
        let mut later = vec![0.0; 16_000];
        shared.render(&mut later, now + Duration::from_millis(64), Duration::ZERO);
        assert!(later.iter().all(|s| *s == 0.0), "the pip was cleared");
    }

    #[test]
    fn the_words_of_one_cue_reach_the_samples_in_the_order_they_were_queued() {
        let (shared, bank) = shared_at(8_000);
        let now = Instant::now();
        let at = now + Duration::from_millis(50);
        let words = [
            Cue::Say(Phrase::GetReady),
            Cue::Say(Phrase::NextUp),
            Cue::SayExercise("cat_camel".to_owned()),
            Cue::SayNumber(6),
            Cue::Say(Phrase::Reps),
        ];
        for cue in &words {
            shared.queue(
                Request::Play {
                    cue: cue.clone(),
                    volume: 1.0,
                    at,
                },
                &bank,
            );
        }
        // Callbacks of 20 ms, 10 ms ahead of the speaker, until every word has started.
        let mut out = vec![0.0; 160];
        let mut started = Vec::new();
        for block in 0..2_000_u64 {
            let callback = now + Duration::from_millis(20 * block);
            shared.render(&mut out, callback, Duration::from_millis(10));
            started.extend(shared.lock().placer.mixer.take_starts());
            if started.len() == words.len() {
                break;
            }
        }
        let spoken: Vec<Cue> = started.into_iter().map(|(_, _, _, cue)| cue).collect();
        assert_eq!(spoken, words);
        assert_eq!(
            shared.lead(),
            Duration::from_millis(10 + 20) + LEAD_MARGIN,
            "latency, one block and the margin"
        );
    }
}
