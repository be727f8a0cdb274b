//! Sound settings (saved once a slider is released) and the sound device's status.

use crate::ui::Action;

use super::StrongbackApp;

impl StrongbackApp {
    pub(super) fn apply_preference(&mut self, action: &Action) {
        match *action {
            Action::SetVolume(volume) => self.settings.volume = volume.clamp(0.0, 1.0),
            Action::SetBeepsEnabled(enabled) => self.settings.beeps_enabled = enabled,
            Action::SetVoiceEnabled(enabled) => self.settings.voice_enabled = enabled,
            _ => return,
        }
        self.settings_unsaved = true;
    }

    /// Write changed settings; called once the pointer is released, not on every drag frame.
    pub fn save_settings_if_changed(&mut self) {
        if !self.settings_unsaved {
            return;
        }
        self.settings_unsaved = false;
        if let Err(err) = self.store.save_settings(&self.settings) {
            self.notices
                .problem(format!("Settings could not be saved: {err}"));
        }
    }

    pub(super) fn poll_sound_status(&mut self) {
        if let Some(reason) = self.audio.take_unavailable_reason() {
            // The details are for the log; the person reads plain words in the sound settings.
            log::warn!("sound is unavailable: {reason}");
            self.sound_problem = Some(reason);
        }
    }
}
