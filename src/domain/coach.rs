//! What the coach says and plays for each engine event. Pure mapping, no audio here.

use super::circuit::Circuit;
use super::player::PlayerEvent;
use super::timeline::{PhaseKind, Timeline};

/// A short spoken phrase; each has a recorded clip in `assets/voice/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phrase {
    GetReady,
    SwitchSides,
    Rest,
    LastRound,
    WellDone,
}

impl Phrase {
    pub const ALL: [Phrase; 5] = [
        Phrase::GetReady,
        Phrase::SwitchSides,
        Phrase::Rest,
        Phrase::LastRound,
        Phrase::WellDone,
    ];

    /// File stem of the clip under `assets/voice/`.
    pub fn clip_name(self) -> &'static str {
        match self {
            Phrase::GetReady => "get_ready",
            Phrase::SwitchSides => "switch_sides",
            Phrase::Rest => "rest",
            Phrase::LastRound => "last_round",
            Phrase::WellDone => "well_done",
        }
    }
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
}

impl Cue {
    /// Tones are "beeps"; the rest is "voice". Settings switch each on or off.
    pub fn is_voice(&self) -> bool {
        matches!(self, Cue::Say(_) | Cue::SayExercise(_))
    }
}

/// The sounds for one engine event, in the order they should play.
pub fn cues_for(event: PlayerEvent, timeline: &Timeline, circuit: &Circuit) -> Vec<Cue> {
    match event {
        PlayerEvent::Countdown { .. } => vec![Cue::Pip],
        PlayerEvent::Halfway => vec![Cue::Halfway],
        PlayerEvent::PhaseStarted { index } => {
            let Some(phase) = timeline.phases.get(index) else {
                return Vec::new();
            };
            let exercise_id = circuit.item(phase.slot).map(|i| i.exercise_id.clone());
            let say_next = |cues: &mut Vec<Cue>| {
                if let Some(id) = exercise_id.clone() {
                    cues.push(Cue::SayExercise(id));
                }
            };
            let mut cues = Vec::new();
            match phase.kind {
                PhaseKind::GetReady => {
                    cues.push(Cue::Say(Phrase::GetReady));
                    say_next(&mut cues);
                }
                PhaseKind::Work => cues.push(Cue::Go),
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
        Cue::Say(_) | Cue::SayExercise(_) => Vec::new(),
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
