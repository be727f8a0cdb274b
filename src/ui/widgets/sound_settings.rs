//! Sound and display settings, shown on the home screen.

use crate::store::settings_file::Settings;
use crate::ui::SettingsAction;

use crate::ui::Action;

/// The sound and display settings. `reduce_motion_on` is whether pictures are still now (the
/// person's choice, or the desktop's until they choose).
pub fn settings_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    reduce_motion_on: bool,
    sound_problem: Option<&str>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    crate::ui::widgets::a11y::subheading(ui, "Sound");
    let mut volume_percent = (settings.volume * 100.0).round();
    // One control (the slider, named "Volume", its value in percent), not egui's slider and
    // number box, which a screen reader meets as two controls of the same name.
    ui.horizontal(|ui| {
        let name = ui.label("Volume");
        let slider = ui
            .add(egui::Slider::new(&mut volume_percent, 0.0..=100.0).show_value(false))
            .labelled_by(name.id);
        ui.label(format!("{volume_percent:.0} %"));
        if slider.changed() {
            actions.push(Action::Settings(SettingsAction::Volume(
                volume_percent / 100.0,
            )));
        }
    });
    let mut beeps = settings.beeps_enabled;
    if ui.checkbox(&mut beeps, "Countdown beeps").changed() {
        actions.push(Action::Settings(SettingsAction::Beeps(beeps)));
    }
    let mut voice = settings.voice_enabled;
    if ui.checkbox(&mut voice, "Spoken cues").changed() {
        actions.push(Action::Settings(SettingsAction::Voice(voice)));
    }
    let mut count_aloud = settings.count_aloud;
    if ui
        .add_enabled(
            settings.voice_enabled,
            egui::Checkbox::new(&mut count_aloud, "Count down aloud (three, two, one)"),
        )
        .on_hover_text("Spoken numbers instead of the pips before each exercise")
        .changed()
    {
        actions.push(Action::Settings(SettingsAction::CountAloud(count_aloud)));
    }
    display_ui(ui, settings, reduce_motion_on, &mut actions);
    if sound_problem.is_some() {
        ui.label(
            egui::RichText::new(
                "No sound: Strongback found no speaker or sound card it can use. The timer, \
                 pictures and words work as usual; connect a speaker and restart to hear the cues.",
            )
            .color(crate::ui::palette::CAUTION),
        );
    }
    actions
}

/// Text size in steps (buttons, not a slider: the text grows under the pointer) and the
/// high-contrast theme.
fn display_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    reduce_motion_on: bool,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    crate::ui::widgets::a11y::subheading(ui, "Display");
    // The size in use: the person's choice, or the one chosen for this window's height.
    let chosen = settings.chosen_text_scale();
    let scale = chosen.unwrap_or_else(|| ui.ctx().zoom_factor());
    let percent = (scale * 100.0).round();
    let (smallest, largest) = Settings::TEXT_SCALES;
    ui.horizontal_wrapped(|ui| {
        let how = if chosen.is_some() {
            ""
        } else {
            " (for this screen size)"
        };
        ui.label(format!("Text size: {percent:.0} %{how}"));
        if ui
            .add_enabled(scale > smallest + 0.001, egui::Button::new("Smaller"))
            .on_hover_text("Smaller text (Ctrl and −)")
            .clicked()
        {
            actions.push(Action::Settings(SettingsAction::TextScale(step(
                scale, -0.1,
            ))));
        }
        if ui
            .add_enabled(scale < largest - 0.001, egui::Button::new("Larger"))
            .on_hover_text("Larger text (Ctrl and +)")
            .clicked()
        {
            actions.push(Action::Settings(SettingsAction::TextScale(step(
                scale, 0.1,
            ))));
        }
        if chosen.is_some() && ui.button("Size for this screen").clicked() {
            actions.push(Action::Settings(SettingsAction::AutomaticTextSize));
        }
    });
    let mut high_contrast = settings.high_contrast;
    if ui
        .checkbox(&mut high_contrast, "High contrast (white on black)")
        .changed()
    {
        actions.push(Action::Settings(SettingsAction::HighContrast(
            high_contrast,
        )));
    }
    let mut reduce_motion = reduce_motion_on;
    if ui
        .checkbox(
            &mut reduce_motion,
            "Reduce motion (still pictures, no moving figure)",
        )
        .on_hover_text("Shows where each movement starts and ends side by side instead")
        .changed()
    {
        actions.push(Action::Settings(SettingsAction::ReduceMotion(
            reduce_motion,
        )));
    }
}

/// The next text scale up or down, on whole tenths.
fn step(scale: f32, by: f32) -> f32 {
    ((scale + by) * 10.0).round() / 10.0
}
