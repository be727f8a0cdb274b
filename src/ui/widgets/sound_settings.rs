//! Sound settings, shown on the home screen.

use crate::store::settings_file::Settings;

use crate::ui::Action;

pub fn settings_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    sound_problem: Option<&str>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.strong("Sound");
    let mut volume_percent = (settings.volume * 100.0).round();
    let slider = ui.add(
        egui::Slider::new(&mut volume_percent, 0.0..=100.0)
            .suffix(" %")
            .text("Volume"),
    );
    if slider.changed() {
        actions.push(Action::SetVolume(volume_percent / 100.0));
    }
    let mut beeps = settings.beeps_enabled;
    if ui.checkbox(&mut beeps, "Countdown beeps").changed() {
        actions.push(Action::SetBeepsEnabled(beeps));
    }
    let mut voice = settings.voice_enabled;
    if ui.checkbox(&mut voice, "Spoken cues").changed() {
        actions.push(Action::SetVoiceEnabled(voice));
    }
    if sound_problem.is_some() {
        ui.label(
            egui::RichText::new(
                "No sound: Strongback found no speaker or sound card it can use. The timer, \
                 pictures and words work as usual; connect a speaker and restart to hear the cues.",
            )
            .color(crate::ui::palette::GET_READY),
        );
    }
    actions
}
