//! A 0–10 pain scale.

use egui::RichText;

/// A 0–10 row of buttons. Each is named "`name`: N" for screen readers (and tests).
pub fn pain_row(ui: &mut egui::Ui, title: &str, name: &str, value: &mut Option<u8>) {
    ui.label(RichText::new(title).strong());
    ui.horizontal_wrapped(|ui| {
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
        ui.label("(0 = none, 10 = worst imaginable)");
    });
}
