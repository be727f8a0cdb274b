//! The player's big number in words: the digits shown, what a screen reader says for them,
//! and the captions under them.

use crate::domain::plan::catalog::Dose;
use crate::domain::session::player::PlayerView;

/// The big number: seconds left (`45`, `1:30`), or the rep count while waiting for Done.
pub fn countdown_digits(view: &PlayerView) -> String {
    match (view.phase.dose, view.remaining_display_secs()) {
        (_, Some(secs)) => clock_text(secs),
        (Dose::Reps { reps }, None) => reps.to_string(),
        (_, None) => String::new(),
    }
}

/// What a screen reader says for the big number.
pub fn countdown_spoken(view: &PlayerView) -> String {
    match (view.phase.dose, view.remaining_display_secs()) {
        (_, Some(1)) => "1 second left".to_owned(),
        // As the clock reads ("1:30"): one minute and thirty seconds.
        (_, Some(secs)) if secs >= 60 => {
            let (minutes, rest) = (secs / 60, secs % 60);
            let minutes = if minutes == 1 {
                "1 minute".to_owned()
            } else {
                format!("{minutes} minutes")
            };
            match rest {
                0 => format!("{minutes} left"),
                1 => format!("{minutes} 1 second left"),
                _ => format!("{minutes} {rest} seconds left"),
            }
        }
        (_, Some(secs)) => format!("{secs} seconds left"),
        (Dose::Reps { reps }, None) => format!("{reps} reps"),
        (_, None) => String::new(),
    }
}

pub fn clock_text(secs: u64) -> String {
    if secs >= 60 {
        format!("{}:{:02}", secs / 60, secs % 60)
    } else {
        secs.to_string()
    }
}

/// What the big number means, and what else the person needs to know about it.
pub fn under_countdown(view: &PlayerView) -> Vec<String> {
    let phase = view.phase;
    // "1:30" is minutes and seconds: the caption says so.
    let left = if view.remaining_display_secs().is_some_and(|s| s >= 60) {
        "minutes and seconds left"
    } else {
        "seconds left"
    };
    if !phase.is_work() {
        return vec![left.to_owned()];
    }
    match phase.dose {
        Dose::Reps { .. } => vec![
            "press Done (Enter) when you have done them".to_owned(),
            format!(
                "elapsed {}",
                minutes_seconds(view.elapsed_in_phase.as_secs())
            ),
        ],
        Dose::Paced {
            reps, secs_per_rep, ..
        } if secs_per_rep > 0 => {
            let current = (view.elapsed_in_phase.as_secs() / u64::from(secs_per_rep) + 1)
                .min(u64::from(reps));
            vec![
                left.to_owned(),
                format!("slow rep {current} of {reps}, {secs_per_rep} s each"),
            ]
        }
        _ => vec![left.to_owned()],
    }
}

/// "0:04", "1:30": a time that is always minutes and seconds.
pub fn minutes_seconds(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}
