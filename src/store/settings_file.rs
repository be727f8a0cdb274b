//! The person's preferences, remembered between runs.

use serde::{Deserialize, Serialize};

/// Sound preferences. Missing fields take their defaults, so older files keep loading.
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
    /// The folder the file picker last opened or saved in; it starts there next time.
    pub last_folder: Option<std::path::PathBuf>,
}

impl Settings {
    pub const SCHEMA_VERSION: u32 = 1;

    /// Bring hand-edited values back into range.
    pub fn sanitized(mut self) -> Self {
        self.volume = if self.volume.is_finite() {
            self.volume.clamp(0.0, 1.0)
        } else {
            Self::default().volume
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
            last_folder: None,
        }
    }
}
