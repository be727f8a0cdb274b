//! The player's "End the session now?" dialog.

use egui::{RichText, Vec2};

use super::a11y;
use crate::ui::{Action, PlayerControl};

/// The "End the session now?" dialog: Keep going (focused) or End and save.
pub fn confirm_end_ui(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    egui::Modal::new(egui::Id::unique("confirm_end")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        a11y::dialog(ui, "End the session now?");
        a11y::heading(ui, "End the session now?", 1);
        ui.label("What you have done so far will be saved as a partial session.");
        ui.label("Enter or Escape keeps going.");
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            let big = |text: &str| {
                egui::Button::new(RichText::new(text).size(20.0)).min_size(Vec2::new(180.0, 48.0))
            };
            // "Keep going" comes first and has the focus: a stray Enter never ends a workout.
            let keep = ui.add(big("Keep going"));
            if !ui.memory(|m| m.focused().is_some()) {
                keep.request_focus();
            }
            if keep.clicked() {
                actions.push(Action::Player(PlayerControl::CancelEnd));
            }
            ui.add_space(16.0);
            if ui.add(big("End and save")).clicked() {
                actions.push(Action::Player(PlayerControl::ConfirmEnd));
            }
        });
    });
}
