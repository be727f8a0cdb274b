//! The person's preferences, remembered between runs.

use serde::{Deserialize, Serialize};

/// Sound and display preferences. Missing fields take their defaults, so older files keep
/// loading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub schema_version: u32,
    /// 0.0 (silent) to 1.0 (full).
    pub volume: f32,
    /// Countdown pips and tones.
    pub beeps_enabled: bool,
    /// Spoken exercise names and phrases.
    pub voice_enabled: bool,
    /// Say "three, two, one" before work instead of the countdown pips (with spoken cues on).
    pub count_aloud: bool,
    /// The folder the file picker last opened or saved in; it starts there next time.
    pub last_folder: Option<std::path::PathBuf>,
    /// How large everything is drawn (egui's zoom): 1.0 as designed, from 0.75 to 2.0. Also
    /// changed with Ctrl and + or -. Used only once the person has chosen it.
    pub text_scale: f32,
    /// The person chose `text_scale` (Smaller, Larger, Ctrl and + or -); otherwise the size
    /// follows the window's height. Files from before this field: chosen when not 1.0.
    pub text_scale_chosen: Option<bool>,
    /// White on black with every control outlined, for low vision.
    pub high_contrast: bool,
    /// Still pictures of a step's start and end instead of a moving figure. `None` until the
    /// person chooses: then the desktop's own preference decides, where it has one.
    pub reduce_motion: Option<bool>,
    /// The training reminder: off until the person turns it on.
    pub reminder: crate::domain::care::reminder::ReminderSetting,
    /// The person has been asked once whether they want a reminder (after a first session).
    pub reminder_asked: bool,
}

impl Settings {
    pub const SCHEMA_VERSION: u32 = 1;

    /// The text scale the person chose, if they chose one.
    pub fn chosen_text_scale(&self) -> Option<f32> {
        let chosen = self
            .text_scale_chosen
            .unwrap_or((self.text_scale - 1.0).abs() > 0.001);
        chosen.then_some(self.text_scale)
    }

    /// The text scale for a window this many points high (at zoom 1) when the person has not
    /// chosen one: 1 up to 800, then growing with the height, so that a 1080p screen seen from
    /// the mat is readable as it comes (1.25), to 1.75 at most; in eighths, so that a window
    /// being resized does not change it at every pixel.
    pub fn automatic_text_scale(height_points: f32) -> f32 {
        let wanted = (height_points / 800.0).clamp(1.0, 1.75);
        (wanted * 8.0).floor() / 8.0
    }
    /// The smallest and largest text scale.
    pub const TEXT_SCALES: (f32, f32) = (0.75, 2.0);

    /// Bring hand-edited values back into range.
    pub fn sanitized(mut self) -> Self {
        self.volume = if self.volume.is_finite() {
            self.volume.clamp(0.0, 1.0)
        } else {
            Self::default().volume
        };
        self.text_scale = if self.text_scale.is_finite() {
            self.text_scale
                .clamp(Self::TEXT_SCALES.0, Self::TEXT_SCALES.1)
        } else {
            1.0
        };
        self.schema_version = Self::SCHEMA_VERSION;
        self.reminder = self.reminder.sanitized();
        // A folder that has gone (a USB stick removed) is forgotten, not an error.
        if self.last_folder.as_ref().is_some_and(|dir| !dir.is_dir()) {
            self.last_folder = None;
        }
        self
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            schema_version: Self::SCHEMA_VERSION,
            volume: 0.8,
            beeps_enabled: true,
            voice_enabled: true,
            count_aloud: false,
            last_folder: None,
            text_scale: 1.0,
            text_scale_chosen: None,
            high_contrast: false,
            reduce_motion: None,
            reminder: crate::domain::care::reminder::ReminderSetting::default(),
            reminder_asked: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Settings;

    #[test]
    fn the_automatic_text_size_grows_with_the_screen_in_eighths() {
        assert_eq!(Settings::automatic_text_scale(600.0), 1.0);
        assert_eq!(Settings::automatic_text_scale(800.0), 1.0);
        assert_eq!(Settings::automatic_text_scale(1080.0), 1.25);
        assert_eq!(Settings::automatic_text_scale(1440.0), 1.75);
        assert_eq!(Settings::automatic_text_scale(2160.0), 1.75);
    }

    #[test]
    fn a_size_from_before_the_choice_was_recorded_counts_as_chosen_unless_it_is_1() {
        let old = |text_scale| Settings {
            text_scale,
            text_scale_chosen: None,
            ..Settings::default()
        };
        assert_eq!(old(1.3).chosen_text_scale(), Some(1.3));
        assert_eq!(old(1.0).chosen_text_scale(), None);
        let chosen = Settings {
            text_scale_chosen: Some(true),
            ..old(1.0)
        };
        assert_eq!(chosen.chosen_text_scale(), Some(1.0));
    }
}
