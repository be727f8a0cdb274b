//! What the coach says and plays for each engine event. Pure mapping, no audio here.

use crate::domain::plan::catalog::Dose;
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::timeline::{PhaseKind, Timeline};
use crate::domain::session::player::PlayerEvent;

/// A short spoken phrase; each has a recorded clip in `assets/voice/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phrase {
    GetReady,
    SwitchSides,
    Rest,
    LastRound,
    WellDone,
    NextUp,
    Halfway,
    Seconds,
    Reps,
    EachSide,
}

impl Phrase {
    pub const ALL: [Phrase; 10] = [
        Phrase::GetReady,
        Phrase::SwitchSides,
        Phrase::Rest,
        Phrase::LastRound,
        Phrase::WellDone,
        Phrase::NextUp,
        Phrase::Halfway,
        Phrase::Seconds,
        Phrase::Reps,
        Phrase::EachSide,
    ];

    /// File stem of the clip under `assets/voice/`.
    pub fn clip_name(self) -> &'static str {
        match self {
            Phrase::GetReady => "get_ready",
            Phrase::SwitchSides => "switch_sides",
            Phrase::Rest => "rest",
            Phrase::LastRound => "last_round",
            Phrase::WellDone => "well_done",
            Phrase::NextUp => "next_up",
            Phrase::Halfway => "halfway",
            Phrase::Seconds => "seconds",
            Phrase::Reps => "reps",
            Phrase::EachSide => "each_side",
        }
    }
}

/// The numbers with a recorded clip (`num_N`): what doses and the spoken countdown say.
pub const SPOKEN_NUMBERS: [u32; 30] = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 25, 30, 35, 40, 45, 50,
    60, 75, 90, 120,
];

/// What the coach says, as the person set it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VoiceOptions {
    /// Say "three, two, one" instead of the countdown pips.
    pub count_aloud: bool,
}

/// One sound the coach makes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// Short pip of the 3-2-1 countdown.
    Pip,
    /// Work begins.
    Go,
    /// Half of a long hold is done.
    Halfway,
    /// Change sides.
    SwitchSides,
    /// Rest begins.
    Rest,
    /// The session is finished.
    Finish,
    /// A spoken phrase.
    Say(Phrase),
    /// The spoken name of an exercise, by catalog id.
    SayExercise(String),
    /// A spoken number (one of [`SPOKEN_NUMBERS`]).
    SayNumber(u32),
    /// A ladder step's key cue, said as its exercise begins. `words` are the catalog's: a
    /// recorded clip is played only if it says them.
    SayStepCue {
        exercise_id: String,
        step: u8,
        words: String,
    },
}

impl Cue {
    /// Tones are "beeps"; the rest is "voice". Settings switch each on or off.
    pub fn is_voice(&self) -> bool {
        matches!(
            self,
            Cue::Say(_) | Cue::SayExercise(_) | Cue::SayNumber(_) | Cue::SayStepCue { .. }
        )
    }

    /// The file stem of a spoken cue's clip.
    pub fn clip_name(&self) -> Option<String> {
        match self {
            Cue::Say(phrase) => Some(phrase.clip_name().to_owned()),
            Cue::SayExercise(id) => Some(id.clone()),
            Cue::SayNumber(n) => Some(format!("num_{n}")),
            Cue::SayStepCue {
                exercise_id, step, ..
            } => Some(format!("{exercise_id}_{step}")),
            _ => None,
        }
    }
}

/// "Thirty seconds", "twelve reps" (and "each side"): the dose in words, or nothing when a
/// number has no clip.
fn dose_words(dose: Dose, per_side: bool) -> Vec<Cue> {
    let (number, unit) = match dose {
        Dose::Hold { hold_secs } => (hold_secs, Phrase::Seconds),
        Dose::Reps { reps } | Dose::Paced { reps, .. } => (reps, Phrase::Reps),
    };
    if !SPOKEN_NUMBERS.contains(&number) {
        return Vec::new();
    }
    let mut words = vec![Cue::SayNumber(number), Cue::Say(unit)];
    if per_side {
        words.push(Cue::Say(Phrase::EachSide));
    }
    words
}

/// The sounds for one engine event, in the order they should play.
pub fn cues_for(
    event: PlayerEvent,
    timeline: &Timeline,
    circuit: &Circuit,
    voice: VoiceOptions,
) -> Vec<Cue> {
    match event {
        PlayerEvent::Countdown { secs_left } => {
            if voice.count_aloud && SPOKEN_NUMBERS.contains(&secs_left) {
                vec![Cue::SayNumber(secs_left)]
            } else {
                vec![Cue::Pip]
            }
        }
        PlayerEvent::Halfway => vec![Cue::Halfway, Cue::Say(Phrase::Halfway)],
        PlayerEvent::PhaseStarted { index } => {
            let Some(phase) = timeline.phases.get(index) else {
                return Vec::new();
            };
            let item = circuit.item(phase.slot);
            // "Next up: side plank, thirty seconds each side": the work this phase leads to.
            let say_next = |cues: &mut Vec<Cue>| {
                let Some(item) = item else {
                    return;
                };
                cues.push(Cue::SayExercise(item.exercise_id.clone()));
                if let Some((_, work)) = timeline.next_work_from(index + 1) {
                    cues.extend(dose_words(work.dose, item.per_side));
                }
            };
            let mut cues = Vec::new();
            match phase.kind {
                PhaseKind::GetReady => {
                    cues.push(Cue::Say(Phrase::GetReady));
                    cues.push(Cue::Say(Phrase::NextUp));
                    say_next(&mut cues);
                }
                PhaseKind::Work => {
                    cues.push(Cue::Go);
                    // The step's key cue as its exercise begins: at its first work phase in
                    // a round, not again for the other side or the next set.
                    let earlier_work = timeline.phases[..index]
                        .iter()
                        .rev()
                        .find(|p| p.kind == PhaseKind::Work);
                    let begins = earlier_work.is_none_or(|p| p.slot != phase.slot);
                    if let Some(item) = item.filter(|i| begins && !i.cue.is_empty()) {
                        cues.push(Cue::SayStepCue {
                            exercise_id: item.exercise_id.clone(),
                            step: item.step,
                            words: item.cue.clone(),
                        });
                    }
                }
                PhaseKind::SwitchSides => {
                    cues.push(Cue::SwitchSides);
                    cues.push(Cue::Say(Phrase::SwitchSides));
                }
                PhaseKind::Rest => {
                    cues.push(Cue::Rest);
                    cues.push(Cue::Say(Phrase::Rest));
                    let same_exercise = index
                        .checked_sub(1)
                        .and_then(|i| timeline.phases.get(i))
                        .is_some_and(|previous| previous.slot == phase.slot);
                    if !same_exercise {
                        cues.push(Cue::Say(Phrase::NextUp));
                        say_next(&mut cues);
                    }
                }
                PhaseKind::RoundRest => {
                    cues.push(Cue::Rest);
                    cues.push(Cue::Say(Phrase::Rest));
                    if phase.round == phase.rounds && phase.rounds > 1 {
                        cues.push(Cue::Say(Phrase::LastRound));
                    }
                }
                PhaseKind::Done => {
                    cues.push(Cue::Finish);
                    cues.push(Cue::Say(Phrase::WellDone));
                }
            }
            cues
        }
    }
}

/// (start ms, frequency Hz, length ms) for each note of a tone cue.
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
        Cue::Say(_) | Cue::SayExercise(_) | Cue::SayNumber(_) | Cue::SayStepCue { .. } => {
            Vec::new()
        }
    }
}

/// How long a tone cue sounds, to its last note's end (0 for speech).
pub fn tone_length_ms(cue: &Cue) -> u64 {
    tone_notes(cue)
        .iter()
        .map(|(start, _, length)| start + length)
        .max()
        .unwrap_or(0)
}
