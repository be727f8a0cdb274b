//! Sound settings (saved once a slider is released) and the sound device's status.

use crate::store::settings_file::Settings;
use crate::ui::action::SettingsAction;

use super::StrongbackApp;

impl StrongbackApp {
    pub(super) fn apply_setting(&mut self, action: SettingsAction) {
        match action {
            SettingsAction::Volume(volume) => self.settings.volume = volume.clamp(0.0, 1.0),
            SettingsAction::Beeps(enabled) => self.settings.beeps_enabled = enabled,
            SettingsAction::Voice(enabled) => self.settings.voice_enabled = enabled,
            SettingsAction::CountAloud(on) => self.settings.count_aloud = on,
            SettingsAction::TextScale(scale) => {
                let (smallest, largest) = Settings::TEXT_SCALES;
                self.settings.text_scale = scale.clamp(smallest, largest);
            }
            SettingsAction::HighContrast(on) => self.settings.high_contrast = on,
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

    /// Keep the window's look in step with the settings: the theme and the text scale when a
    /// setting changed, and the setting when the person zoomed with Ctrl and + or -.
    pub(super) fn apply_display_settings(&mut self, ctx: &egui::Context) {
        if self.applied_high_contrast != Some(self.settings.high_contrast) {
            crate::ui::theme::apply(ctx, self.settings.high_contrast);
            self.applied_high_contrast = Some(self.settings.high_contrast);
        }
        let zoom = ctx.zoom_factor();
        if self.applied_text_scale != Some(self.settings.text_scale) {
            ctx.set_zoom_factor(self.settings.text_scale);
            self.applied_text_scale = Some(self.settings.text_scale);
        } else if (zoom - self.settings.text_scale).abs() > 0.001 {
            let (smallest, largest) = Settings::TEXT_SCALES;
            self.settings.text_scale = zoom.clamp(smallest, largest);
            self.applied_text_scale = None;
            self.settings_unsaved = true;
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
