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
    /// changed with Ctrl and + or -.
    pub text_scale: f32,
    /// White on black with every control outlined, for low vision.
    pub high_contrast: bool,
}

impl Settings {
    pub const SCHEMA_VERSION: u32 = 1;
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
            high_contrast: false,
        }
    }
}
