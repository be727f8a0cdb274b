//! A 0–10 pain scale.

use egui::RichText;

/// A 0–10 row of buttons. Each is named "`name`: N" for screen readers (and tests).
pub fn pain_row(ui: &mut egui::Ui, title: &str, name: &str, value: &mut Option<u8>) {
    ui.label(RichText::new(title).strong());
    // The eleven numbers always stay on one line; the key to the scale goes beside them when
    // it fits (about 330 px for the numbers, 240 for the key), else under them.
    let hint = "(0 = none, 10 = worst imaginable)";
    let hint_beside = ui.available_width() > 600.0;
    ui.horizontal(|ui| {
        // Tighter than usual, so the eleven fit a 360 px panel at any window size.
        ui.spacing_mut().item_spacing.x = 3.0;
        ui.spacing_mut().button_padding.x = 6.0;
        for n in 0..=10u8 {
            let selected = *value == Some(n);
            let response = ui.selectable_label(selected, RichText::new(n.to_string()).size(18.0));
            let enabled = ui.is_enabled();
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    enabled,
                    selected,
                    format!("{name}: {n}"),
                )
            });
            if response.clicked() {
                *value = Some(n);
            }
        }
        if hint_beside {
            ui.label(hint);
        }
    });
    if !hint_beside {
        ui.label(hint);
    }
}
