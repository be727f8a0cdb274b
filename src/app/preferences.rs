//! Sound settings (saved once a slider is released) and the sound device's status.

use crate::platform::sound::SoundError;
use crate::store::settings_file::Settings;
use crate::ui::SettingsAction;

use super::StrongbackApp;

/// Sound and display settings, what was last given to egui, and the sound device's status.
pub(super) struct Preferences {
    pub settings: Settings,
    /// Settings changed but not yet written (a slider is still being dragged).
    pub unsaved: bool,
    /// The theme and text scale last given to egui (`None`: not yet).
    pub applied_high_contrast: Option<bool>,
    pub applied_text_scale: Option<f32>,
    pub sound_problem: Option<SoundError>,
    /// The desktop asks apps for less motion (`None`: it does not say).
    pub desktop_reduces_motion: Option<bool>,
}

impl Preferences {
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            unsaved: false,
            applied_high_contrast: None,
            applied_text_scale: None,
            sound_problem: None,
            desktop_reduces_motion: None,
        }
    }

    /// Still pictures instead of a moving figure: the person's choice, or else the desktop's.
    pub fn reduce_motion(&self) -> bool {
        self.settings
            .reduce_motion
            .or(self.desktop_reduces_motion)
            .unwrap_or(false)
    }
}

impl StrongbackApp {
    /// The desktop's own preference for less motion, read at start (the window sets it;
    /// tests leave it unknown).
    pub fn with_desktop_motion_preference(mut self, reduces_motion: Option<bool>) -> Self {
        self.prefs.desktop_reduces_motion = reduces_motion;
        self
    }

    pub(super) fn apply_setting(&mut self, action: SettingsAction) {
        match action {
            SettingsAction::Volume(volume) => self.prefs.settings.volume = volume.clamp(0.0, 1.0),
            SettingsAction::Beeps(enabled) => self.prefs.settings.beeps_enabled = enabled,
            SettingsAction::Voice(enabled) => self.prefs.settings.voice_enabled = enabled,
            SettingsAction::CountAloud(on) => self.prefs.settings.count_aloud = on,
            SettingsAction::TextScale(scale) => {
                let (smallest, largest) = Settings::TEXT_SCALES;
                self.prefs.settings.text_scale = scale.clamp(smallest, largest);
                self.prefs.settings.text_scale_chosen = Some(true);
            }
            SettingsAction::AutomaticTextSize => {
                self.prefs.settings.text_scale = 1.0;
                self.prefs.settings.text_scale_chosen = Some(false);
            }
            SettingsAction::HighContrast(on) => self.prefs.settings.high_contrast = on,
            SettingsAction::ReduceMotion(on) => self.prefs.settings.reduce_motion = Some(on),
        }
        self.prefs.unsaved = true;
    }

    /// Write changed settings; called once the pointer is released, not on every drag frame.
    pub fn save_settings_if_changed(&mut self) {
        if !self.prefs.unsaved {
            return;
        }
        self.prefs.unsaved = false;
        if let Err(err) = self.store.save_settings(&self.prefs.settings) {
            self.notices
                .problem(format!("Settings could not be saved: {err}"));
        }
    }

    /// Keep the window's look in step with the settings: the theme and the text scale when a
    /// setting changed, and the setting when the person zoomed with Ctrl and + or -.
    pub(super) fn apply_display_settings(&mut self, ctx: &egui::Context) {
        if self.prefs.applied_high_contrast != Some(self.prefs.settings.high_contrast) {
            crate::ui::theme::apply(ctx, self.prefs.settings.high_contrast);
            self.prefs.applied_high_contrast = Some(self.prefs.settings.high_contrast);
        }
        let zoom = ctx.zoom_factor();
        // The window's height as it would be at zoom 1 (on a HiDPI screen, in its points).
        let height_points = ctx.content_rect().height() * zoom;
        let wanted = self
            .prefs
            .settings
            .chosen_text_scale()
            .unwrap_or_else(|| Settings::automatic_text_scale(height_points));
        match self.prefs.applied_text_scale {
            // Ctrl and + or -: egui zoomed; that is the person's choice from now on.
            Some(applied) if (zoom - applied).abs() > 0.001 => {
                let (smallest, largest) = Settings::TEXT_SCALES;
                self.prefs.settings.text_scale = zoom.clamp(smallest, largest);
                self.prefs.settings.text_scale_chosen = Some(true);
                self.prefs.applied_text_scale = Some(zoom);
                self.prefs.unsaved = true;
            }
            Some(applied) if (applied - wanted).abs() <= 0.001 => {}
            _ => {
                ctx.set_zoom_factor(wanted);
                self.prefs.applied_text_scale = Some(wanted);
            }
        }
    }

    pub(super) fn poll_sound_status(&mut self) {
        if let Some(reason) = self.audio.take_unavailable_reason() {
            // The details are for the log; the person reads plain words in the sound settings.
            log::warn!("sound is unavailable: {reason}");
            self.prefs.sound_problem = Some(reason);
        }
    }
}
