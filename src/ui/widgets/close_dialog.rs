//! Asked when the window is closed with work that is not saved yet: what would be lost, and
//! the ways to keep it.

use egui::RichText;

use super::a11y;
use crate::platform::file_browser::FilePurpose;
use crate::ui::{Action, SessionAction, WindowAction, palette};

/// What is not saved yet.
pub struct UnsavedWork {
    /// Finished sessions kept in memory.
    pub sessions: usize,
    /// Answers kept in memory (`history.ron` could not be written).
    pub answers: bool,
    /// A copy was written to `rescue.ron`, which the next start saves.
    pub kept_for_next_start: bool,
}

/// The dialog: Try again, Save the session to another folder…, Keep Strongback open, Close
/// anyway. Escape keeps the window open.
pub fn unsaved_close_dialog_ui(ctx: &egui::Context, work: &UnsavedWork) -> Vec<Action> {
    let mut actions = Vec::new();
    let shown = egui::Modal::new(egui::Id::unique("unsaved_close")).show(ctx, |ui| {
        ui.set_width(480.0);
        a11y::dialog_heading(ui, "Close without saving?");
        let what = match (work.sessions, work.answers) {
            (0, _) => "Your answers are not saved yet".to_owned(),
            (1, false) => "Your last session is not saved yet".to_owned(),
            (1, true) => "Your last session and your answers are not saved yet".to_owned(),
            (n, false) => format!("{n} sessions are not saved yet"),
            (n, true) => format!("{n} sessions and your answers are not saved yet"),
        };
        let consequence = if work.kept_for_next_start {
            "A copy was kept in rescue.ron in the data folder: if Strongback closes now, the \
             next start saves it."
        } else {
            "Not even a copy could be kept: if Strongback closes now, they are lost."
        };
        ui.label(
            RichText::new(format!(
                "{what}: the data folder could not be written. {consequence}"
            ))
            .strong()
            .color(palette::WARNING),
        );
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Try again").clicked() {
                actions.push(Action::Session(SessionAction::RetrySave));
            }
            if work.sessions > 0 && ui.button("Save the session to another folder…").clicked() {
                actions.push(Action::Window(WindowAction::KeepOpen));
                actions.push(Action::ChooseFile(FilePurpose::SaveSession));
            }
            if ui.button("Keep Strongback open").clicked() {
                actions.push(Action::Window(WindowAction::KeepOpen));
            }
            if ui.button("Close anyway").clicked() {
                actions.push(Action::Window(WindowAction::CloseAnyway));
            }
        });
    });
    if shown.should_close() {
        actions.push(Action::Window(WindowAction::KeepOpen));
    }
    actions
}
