//! The app with no usable sound device: it says so once and the session runs normally.

use crate::common;
use strongback::ui::Destination;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common::open_with;
use egui_kittest::kittest::Queryable as _;
use strongback::ScreenKind;
use strongback::domain::session::coach::{Cue, Phrase};
use strongback::platform::clock::ManualClock;
use strongback::platform::sound::{AudioOutput, DeviceAudio, SoundError};

fn failing_device(woken: Arc<AtomicUsize>) -> DeviceAudio {
    DeviceAudio::with_device(
        Instant::now(),
        Box::new(|_| Err(SoundError::NoDevice("no sound card".to_owned()))),
        Box::new(move || {
            woken.fetch_add(1, Ordering::SeqCst);
        }),
    )
}

#[test]
fn failing_device_reports_once_and_never_blocks() {
    let woken = Arc::new(AtomicUsize::new(0));
    let mut audio = failing_device(woken.clone());
    let deadline = Instant::now() + Duration::from_secs(5);
    let reason = loop {
        if let Some(reason) = audio.take_unavailable_reason() {
            break reason;
        }
        assert!(
            Instant::now() < deadline,
            "the failure is reported promptly"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    assert_eq!(reason, SoundError::NoDevice("no sound card".to_owned()));
    assert_eq!(
        woken.load(Ordering::SeqCst),
        1,
        "the window is woken to show it"
    );
    let started = Instant::now();
    for _ in 0..1000 {
        audio.schedule(&Cue::Say(Phrase::GetReady), 1.0, Duration::ZERO);
        audio.schedule(&Cue::Pip, 1.0, Duration::ZERO);
    }
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "play never blocks"
    );
    assert_eq!(audio.take_unavailable_reason(), None, "said only once");
}

#[test]
fn app_runs_a_session_without_a_sound_device_and_says_so_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let woken = Arc::new(AtomicUsize::new(0));
    let clock = ManualClock::new(common::morning());
    let harness = open_with(
        dir.path(),
        clock.clone(),
        Box::new(failing_device(woken.clone())),
    );
    let mut app = common::TestApp {
        harness,
        clock: clock.clone(),
        audio: strongback::platform::sound::RecordingAudio::default(),
    };
    app.answer_check_in(2);
    let harness = &mut app.harness;
    let deadline = Instant::now() + Duration::from_secs(5);
    while woken.load(Ordering::SeqCst) == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run();
    let sound_notices = |h: &egui_kittest::Harness<'_, strongback::StrongbackApp>| {
        h.state()
            .notices()
            .iter()
            .filter(|n| n.text.contains("sound") || n.text.contains("Sound"))
            .count()
    };
    assert_eq!(
        sound_notices(harness),
        0,
        "no banner: it is said in the sound settings"
    );
    harness
        .state_mut()
        .apply(strongback::ui::Action::Go(Destination::Home));
    harness.run();
    assert_eq!(
        harness
            .query_all_by_label_contains("No sound: Strongback found no speaker")
            .count(),
        1,
        "said once, in plain words"
    );
    assert!(
        harness.query_by_label_contains("no sound card").is_none(),
        "the device's own error goes to the log, not the screen"
    );

    app.start();
    let harness = &mut app.harness;
    for _ in 0..60 {
        clock.advance(Duration::from_secs(1));
        harness.run();
    }
    assert_eq!(harness.state().screen_kind(), ScreenKind::Player);
    assert!(
        harness.state().player().expect("playing").index() > 2,
        "the timer runs on"
    );
    assert_eq!(sound_notices(harness), 0, "no banner at any cue either");
}

/// The app hands each cue to the sound side ahead of its boundary, with how long from now it
/// is due, and clears what is queued when the person skips.
#[test]
fn cues_go_out_ahead_of_their_boundary_and_a_skip_clears_them() {
    use strongback::platform::clock::Clock as _;
    use strongback::platform::sound::Recorded;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::open_app(dir.path());
    let started = app.clock.monotonic();
    app.start();
    // Get ready lasts 10 s: its pips are due at 7, 8 and 9 s, and go at 10 s.
    app.wait(Duration::from_millis(6_000));
    let ahead: Vec<Duration> = app
        .audio
        .log()
        .into_iter()
        .filter_map(|entry| match entry {
            Recorded::Cue {
                cue: Cue::Pip, at, ..
            } => Some(at),
            _ => None,
        })
        .collect();
    assert_eq!(
        ahead,
        vec![started + Duration::from_secs(7)],
        "the first pip, handed out a second before it is due at 7 s"
    );
    let skipped_at = app.clock.monotonic();
    app.press(egui::Key::ArrowRight);
    let log = app.audio.log();
    let clear = log
        .iter()
        .rposition(|entry| *entry == Recorded::Clear)
        .expect("the skip cleared the queue");
    let after: Vec<&Recorded> = log[clear + 1..].iter().collect();
    assert!(
        matches!(
            after.first(),
            Some(Recorded::Cue { cue: Cue::Go, at, .. }) if *at == skipped_at
        ),
        "the new phase's go plays at once: {after:?}"
    );
}
