//! The coach's sound as data: a session's cue track rendered offline (no device) from the same
//! schedule the app uses, then measured: the level at 100 % volume, each cue against its
//! boundary, pips one second apart, speech never starting under a tone, and nothing of a
//! skipped phase after the skip.

use std::time::Duration;

use strongback::audio::track::{BLOCK_FRAMES, Press, RenderedTrack, render_session};
use strongback::audio::{CEILING, Channel, SoundBank};
use strongback::domain::plan::blocks::Timings;
use strongback::domain::plan::circuit::Circuit;
use strongback::domain::session::coach::{Cue, Phrase};
use strongback::domain::session::player::PlayerEvent;

use super::{circuit_with, hold, item};

const RATE_HZ: u32 = 16_000;

/// Two rounds of a plank (a long hold, with its halfway cue) and a side plank (both sides):
/// get ready, pips, go, each step's key cue, halfway, switch sides, rests, "last round", the
/// finish. The steps' cues are the catalog's, so their recorded clips play.
fn two_round_circuit() -> Circuit {
    let catalog = crate::common::catalog();
    let cue = |id: &str| {
        catalog
            .get(id)
            .and_then(|e| e.step(1))
            .map(|s| s.cue.clone())
            .unwrap_or_default()
    };
    let mut circuit = circuit_with(
        Timings {
            get_ready_secs: 8,
            // As shipped: in a shorter switch the countdown starts under "switch sides"
            // (the pips are then ducked under the words).
            switch_sides_secs: 5,
            rest_between_sets_secs: 10,
            rest_between_exercises_secs: 8,
            rest_between_rounds_secs: 10,
            secs_per_rep_estimate: 4,
        },
        vec![(
            2,
            vec![
                item("plank", hold(30), false, 1),
                item("side_plank", hold(10), true, 1),
            ],
        )],
    );
    for item in circuit.blocks.iter_mut().flat_map(|b| b.items.iter_mut()) {
        item.cue = cue(&item.exercise_id);
    }
    circuit
}

fn bank() -> SoundBank {
    SoundBank::new(RATE_HZ)
}

fn render(presses: &[(Duration, Press)]) -> RenderedTrack {
    render_session(
        &two_round_circuit(),
        &bank(),
        1.0,
        presses,
        Duration::from_secs(600),
    )
}

fn frames_to_secs(frames: u64) -> f64 {
    frames as f64 / f64::from(RATE_HZ)
}

#[test]
fn at_full_volume_the_track_stays_under_minus_one_dbfs_without_limiting() {
    let track = render(&[]);
    let peak = track.samples.iter().fold(0.0_f32, |p, s| p.max(s.abs()));
    assert!(peak <= CEILING, "peak {peak}");
    assert!(peak > 0.5, "the track is not silent: {peak}");
    assert_eq!(track.stats.limited_samples, 0, "headroom, not clamping");
    assert_eq!(track.stats.dropped_stale, 0);
    // Every cue of the session was played, the finish and "well done" last.
    let cues: Vec<&Cue> = track.starts.iter().map(|(_, _, _, cue)| cue).collect();
    assert!(cues.contains(&&Cue::Say(Phrase::LastRound)));
    assert!(cues.contains(&&Cue::Halfway));
    assert_eq!(cues.last(), Some(&&Cue::Say(Phrase::WellDone)));
}

#[test]
fn every_tone_starts_on_its_boundary_and_pips_are_one_second_apart() {
    let track = render(&[]);
    let tone_starts: Vec<(u64, &Cue)> = track
        .starts
        .iter()
        .filter(|(_, channel, _, _)| *channel == Channel::Tone)
        .map(|(frame, _, _, cue)| (*frame, cue))
        .collect();
    // Each event that makes a tone: the tone starts on the event's own frame.
    let mut checked = 0;
    for (frame, event) in &track.events {
        let tone = match event {
            PlayerEvent::Countdown { .. } => Some(Cue::Pip),
            PlayerEvent::Halfway => Some(Cue::Halfway),
            PlayerEvent::PhaseStarted { .. } => None,
        };
        let Some(tone) = tone else { continue };
        let nearest = tone_starts
            .iter()
            .filter(|(_, cue)| **cue == tone)
            .map(|(start, _)| start.abs_diff(*frame))
            .min()
            .expect("the tone played");
        assert!(
            nearest <= 1,
            "{tone:?} at {:.3} s is {nearest} frames off its boundary",
            frames_to_secs(*frame)
        );
        checked += 1;
    }
    assert!(checked >= 8, "{checked} tones checked");
    // Pips: 3, 2, 1 before each work phase, exactly a second apart (to the frame).
    let pips: Vec<u64> = tone_starts
        .iter()
        .filter(|(_, cue)| **cue == Cue::Pip)
        .map(|(frame, _)| *frame)
        .collect();
    let gaps: Vec<u64> = pips.windows(2).map(|w| w[1] - w[0]).collect();
    let one_second = u64::from(RATE_HZ);
    let within_countdowns: Vec<&u64> = gaps.iter().filter(|g| **g < 2 * one_second).collect();
    assert!(within_countdowns.len() >= 6);
    for gap in within_countdowns {
        assert_eq!(*gap, one_second, "pips {gap} frames apart");
    }
    // Go sounds on the frame work starts: the frame after the last pip's second.
    let first_go = tone_starts
        .iter()
        .find(|(_, cue)| **cue == Cue::Go)
        .expect("go");
    assert_eq!(first_go.0, u64::from(RATE_HZ) * 8, "work starts at 8 s");
}

#[test]
fn speech_never_starts_under_a_tone() {
    let track = render(&[]);
    if let Some(problem) = voice_starting_under_a_tone(&track) {
        panic!("{problem}");
    }
    let count = track
        .starts
        .iter()
        .filter(|(_, channel, _, _)| *channel == Channel::Voice)
        .count();
    assert!(count >= 8, "{count} voices");
    // What the coach says in a rest ("Rest. Next up: side plank, ten seconds each side") is
    // over before the countdown's first pip.
    for (pip, _, _, _) in track
        .starts
        .iter()
        .filter(|(_, _, _, cue)| *cue == Cue::Pip)
    {
        let speaking = track
            .starts
            .iter()
            .filter(|(_, channel, _, _)| *channel == Channel::Voice)
            .find(|(start, _, len, _)| *start <= *pip && *pip < start + len);
        assert!(
            speaking.is_none(),
            "a pip at {:.3} s under {speaking:?}",
            frames_to_secs(*pip)
        );
    }
    // The rest tone comes first and "Rest" right after it, not under it.
    let rest_tone = track
        .starts
        .iter()
        .find(|(_, _, _, cue)| *cue == Cue::Rest)
        .expect("rest tone");
    let rest_voice = track
        .starts
        .iter()
        .find(|(_, _, _, cue)| *cue == Cue::Say(Phrase::Rest))
        .expect("rest voice");
    assert_eq!(
        rest_voice.0,
        rest_tone.0 + rest_tone.2,
        "voice follows the tone"
    );
}

#[test]
fn after_a_skip_nothing_of_the_skipped_phase_plays() {
    // Skip the get-ready phase at 6.5 s: its pip at 7 s was already handed to the mixer (cues
    // go 1.5 s ahead). Then skip the plank at 20.5 s, 14 s into it: its halfway cue, due at
    // 21.5 s, was handed out at 20 s.
    let rate = u64::from(RATE_HZ);
    let presses = [
        (Duration::from_millis(6_500), Press::Skip),
        (Duration::from_millis(20_500), Press::Skip),
    ];
    let track = render(&presses);
    let played = |cue: &Cue, from: u64, to: u64| {
        track
            .starts
            .iter()
            .filter(|(frame, _, _, c)| c == cue && (from..to).contains(frame))
            .count()
    };
    assert_eq!(
        played(&Cue::Pip, 0, 6 * rate + 1),
        2,
        "the pips at 5 and 6 s"
    );
    assert_eq!(
        played(&Cue::Pip, 6 * rate + 1, 8 * rate),
        0,
        "not the one at 7 s"
    );
    assert_eq!(
        played(&Cue::Go, 6 * rate, 7 * rate),
        1,
        "work starts at the skip"
    );
    assert_eq!(
        played(&Cue::Halfway, 0, 30 * rate),
        0,
        "the skipped plank's halfway"
    );
    assert!(track.stats.dropped_stale == 0);
    // At each skip the new phase's cue starts at once (the old sounds fade out in 10 ms:
    // `Mixer::clear`, tested in the mixer's own tests).
    for skip in [6 * rate + rate / 2, 20 * rate + rate / 2] {
        let next = track
            .starts
            .iter()
            .map(|(frame, _, _, _)| *frame)
            .find(|frame| *frame >= skip)
            .expect("a cue after the skip");
        assert!(
            next - skip <= BLOCK_FRAMES as u64,
            "the new phase's cue starts within a block of the skip"
        );
    }
}

#[test]
fn the_rest_before_an_exercise_says_what_is_next_and_its_dose() {
    use strongback::domain::plan::timeline::{PhaseKind, Timeline};
    use strongback::domain::session::coach::{VoiceOptions, cues_for};
    let circuit = two_round_circuit();
    let timeline = Timeline::build(&circuit);
    let rest_before_side_plank = timeline
        .phases
        .iter()
        .enumerate()
        .position(|(i, phase)| {
            phase.kind == PhaseKind::Rest
                && timeline
                    .next_work_from(i)
                    .is_some_and(|(_, work)| circuit.item(work.slot).is_some_and(|it| it.per_side))
        })
        .expect("a rest before the side plank");
    let cues = cues_for(
        PlayerEvent::PhaseStarted {
            index: rest_before_side_plank,
        },
        &timeline,
        &circuit,
        VoiceOptions::default(),
    );
    assert_eq!(
        cues,
        vec![
            Cue::Rest,
            Cue::Say(Phrase::Rest),
            Cue::Say(Phrase::NextUp),
            Cue::SayExercise("side_plank".to_owned()),
            Cue::SayNumber(10),
            Cue::Say(Phrase::Seconds),
            Cue::Say(Phrase::EachSide),
        ]
    );
    // Halfway through a long hold, a tone and the word.
    assert_eq!(
        cues_for(
            PlayerEvent::Halfway,
            &timeline,
            &circuit,
            VoiceOptions::default()
        ),
        vec![Cue::Halfway, Cue::Say(Phrase::Halfway)]
    );
}

/// Each step's key cue is said as its exercise begins, after the "go" tone: at its first work
/// phase of each round, not for the other side or the next set; the bank plays the recorded
/// clip only while the catalog's words are the ones it says.
#[test]
fn the_steps_key_cue_is_said_as_its_exercise_begins_once_a_round() {
    use strongback::domain::plan::timeline::{PhaseKind, Timeline};
    use strongback::domain::session::coach::{VoiceOptions, cues_for};
    let circuit = two_round_circuit();
    let timeline = Timeline::build(&circuit);
    let mut said = Vec::new();
    for (index, phase) in timeline.phases.iter().enumerate() {
        if phase.kind != PhaseKind::Work {
            continue;
        }
        let cues = cues_for(
            PlayerEvent::PhaseStarted { index },
            &timeline,
            &circuit,
            VoiceOptions::default(),
        );
        assert_eq!(cues[0], Cue::Go);
        let exercise = &circuit.item(phase.slot).expect("item").exercise_id;
        match &cues[1..] {
            [
                Cue::SayStepCue {
                    exercise_id,
                    step,
                    words,
                },
            ] => {
                assert_eq!((exercise_id, *step), (exercise, 1));
                said.push((exercise_id.clone(), phase.round, phase.side));
                let bank = bank();
                let sound = bank.sound(&cues[1]).expect("the recorded cue plays");
                assert_eq!(sound.channel, Channel::Voice);
                assert!(
                    sound.len_frames() > u64::from(RATE_HZ),
                    "{words:?}: over a second of speech"
                );
                let reworded = Cue::SayStepCue {
                    exercise_id: exercise_id.clone(),
                    step: *step,
                    words: format!("{words} (reworded)"),
                };
                assert!(
                    bank.sound(&reworded).is_none(),
                    "a clip never says other words"
                );
            }
            [] => {}
            other => panic!("unexpected cues {other:?}"),
        }
    }
    use strongback::domain::plan::timeline::Side;
    assert_eq!(
        said,
        vec![
            ("plank".to_owned(), 1, None),
            ("side_plank".to_owned(), 1, Some(Side::Left)),
            ("plank".to_owned(), 2, None),
            ("side_plank".to_owned(), 2, Some(Side::Left)),
        ],
        "once per exercise and round: not for the right side"
    );
}

#[test]
fn counting_aloud_says_three_two_one_instead_of_the_pips() {
    let track = render_session(
        &two_round_circuit(),
        &bank(),
        1.0,
        &[],
        Duration::from_secs(600),
    );
    let pips = track
        .starts
        .iter()
        .filter(|(_, _, _, cue)| *cue == Cue::Pip)
        .count();
    assert!(pips >= 9, "pips by default: {pips}");
    use strongback::audio::track::render_session_with;
    use strongback::domain::session::coach::VoiceOptions;
    let aloud = render_session_with(
        &two_round_circuit(),
        &bank(),
        1.0,
        &[],
        Duration::from_secs(600),
        VoiceOptions { count_aloud: true },
    );
    let numbers: Vec<u32> = aloud
        .starts
        .iter()
        .filter_map(|(_, _, _, cue)| match cue {
            Cue::SayNumber(n) if *n <= 3 => Some(*n),
            _ => None,
        })
        .take(3)
        .collect();
    assert_eq!(numbers, vec![3, 2, 1]);
    assert!(!aloud.starts.iter().any(|(_, _, _, cue)| *cue == Cue::Pip));
    // Each number on its second, as the pips were.
    let rate = u64::from(RATE_HZ);
    let three = aloud
        .starts
        .iter()
        .find(|(_, _, _, cue)| *cue == Cue::SayNumber(3))
        .expect("three");
    assert_eq!(three.0, 5 * rate, "three, 3 s before work at 8 s");
}

/// The session as a device `latency_ms` behind its callbacks plays it, with the app moving a
/// key's effect on by `lead_ms` (as it does with its sound output's lead).
fn render_on_device(latency_ms: u64, lead_ms: u64, presses: &[(Duration, Press)]) -> RenderedTrack {
    use strongback::audio::track::{Device, render_through_device};
    use strongback::domain::session::coach::VoiceOptions;
    render_through_device(
        &two_round_circuit(),
        &bank(),
        1.0,
        presses,
        Duration::from_secs(120),
        VoiceOptions::default(),
        Device {
            latency: Duration::from_millis(latency_ms),
            lead: Duration::from_millis(lead_ms),
        },
    )
}

/// Every key the player has, at awkward moments: skips into a work and a rest phase, back,
/// pause and resume.
fn every_key() -> Vec<(Duration, Press)> {
    [
        (6_500, Press::Skip),
        (12_300, Press::Back),
        (15_000, Press::Pause),
        (17_000, Press::Resume),
        (26_400, Press::Skip),
        (41_100, Press::Skip),
        (52_700, Press::Back),
    ]
    .into_iter()
    .map(|(ms, press)| (Duration::from_millis(ms), press))
    .collect()
}

/// The lead the app uses for a device this far behind: its latency, one block, 10 ms.
fn lead_ms_for(latency_ms: u64) -> u64 {
    latency_ms + (BLOCK_FRAMES as u64 * 1000).div_ceil(u64::from(RATE_HZ)) + 10
}

fn voice_starting_under_a_tone(track: &RenderedTrack) -> Option<String> {
    let tones: Vec<(u64, u64)> = track
        .starts
        .iter()
        .filter(|(_, channel, _, _)| *channel == Channel::Tone)
        .map(|(frame, _, len, _)| (*frame, *len))
        .collect();
    track
        .starts
        .iter()
        .filter(|(_, channel, _, _)| *channel == Channel::Voice)
        .find_map(|(start, _, _, cue)| {
            tones
                .iter()
                .find(|(tone, len)| *tone <= *start && *start < tone + len)
                .map(|(tone, _)| {
                    format!(
                        "{cue:?} at {:.3} s under the tone at {:.3} s",
                        frames_to_secs(*start),
                        frames_to_secs(*tone)
                    )
                })
        })
}

#[test]
fn no_voice_starts_under_a_tone_whatever_the_keys_and_the_output_latency() {
    for latency_ms in [10, 40, 100] {
        // With the app's lead, and without any (a cue set off by a key then comes late).
        for lead_ms in [lead_ms_for(latency_ms), 0] {
            let track = render_on_device(latency_ms, lead_ms, &every_key());
            assert!(
                track
                    .starts
                    .iter()
                    .filter(|(_, channel, _, _)| *channel == Channel::Voice)
                    .count()
                    >= 8
            );
            if let Some(problem) = voice_starting_under_a_tone(&track) {
                panic!("latency {latency_ms} ms, lead {lead_ms} ms: {problem}");
            }
        }
    }
}

#[test]
fn the_words_of_each_cue_are_spoken_in_order_through_the_device_side() {
    for latency_ms in [10, 40, 100] {
        let track = render_on_device(latency_ms, lead_ms_for(latency_ms), &every_key());
        let voices: Vec<&Cue> = track
            .starts
            .iter()
            .filter(|(_, channel, _, _)| *channel == Channel::Voice)
            .map(|(_, _, _, cue)| cue)
            .collect();
        let mut next_ups = 0;
        for (i, cue) in voices.iter().enumerate() {
            if **cue == Cue::Say(Phrase::NextUp) {
                next_ups += 1;
                assert!(
                    matches!(voices.get(i + 1), Some(Cue::SayExercise(_))),
                    "latency {latency_ms} ms: 'next up' then the exercise, got {:?}",
                    &voices[i..(i + 4).min(voices.len())]
                );
            }
            if let Cue::SayExercise(_) = cue {
                assert!(
                    matches!(voices.get(i + 1), Some(Cue::SayNumber(_))),
                    "latency {latency_ms} ms: the exercise then its dose, got {:?}",
                    &voices[i..(i + 3).min(voices.len())]
                );
            }
        }
        assert!(next_ups >= 2, "{next_ups} 'next up's");
        assert_eq!(
            voices.first(),
            Some(&&Cue::Say(Phrase::GetReady)),
            "the session opens with 'Get ready'"
        );
    }
}

#[test]
fn start_and_skip_cues_are_heard_on_their_moment_with_the_apps_lead() {
    let rate = f64::from(RATE_HZ);
    for latency_ms in [10, 40, 100] {
        let latency = latency_ms as f64 / 1000.0;
        let lead = lead_ms_for(latency_ms) as f64 / 1000.0;
        let presses = [(Duration::from_millis(6_500), Press::Skip)];
        let track = render_on_device(latency_ms, lead_ms_for(latency_ms), &presses);
        // Sample i is heard at i / rate + latency on the session's clock.
        let heard = |frame: u64| frame as f64 / rate + latency;
        let first = track.starts.first().expect("a cue at the start");
        assert!(
            (heard(first.0) - lead).abs() <= 0.002,
            "latency {latency_ms} ms: the first cue heard at {:.4} s, the session begins at {lead:.4} s",
            heard(first.0)
        );
        let go = track
            .starts
            .iter()
            .find(|(_, _, _, cue)| *cue == Cue::Go)
            .expect("the skip starts the work");
        // The key is handled at the first block after it, and takes effect `lead` later.
        let block = BLOCK_FRAMES as f64;
        let handled = (6.5 * rate / block).ceil() * block / rate;
        let moment = handled + lead;
        assert!(
            (heard(go.0) - moment).abs() <= 0.002,
            "latency {latency_ms} ms: Go heard at {:.4} s, the skip took effect at {moment:.4} s",
            heard(go.0)
        );
    }
}
