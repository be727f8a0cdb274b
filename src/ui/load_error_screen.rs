//! Shown instead of the app when the bundled data cannot be read.

use crate::store::ron_file::FileProblems;

/// Lists each problem as `FILE:LINE:COL: message`.
pub fn load_error_ui(ui: &mut egui::Ui, problems: &FileProblems) {
    crate::ui::widgets::a11y::screen_heading(
        ui,
        "Strongback cannot start: its exercise data is damaged",
        "load error",
    );
    ui.label(
        "The files below could not be read. Nothing in your history or settings has been \
         changed. Reinstalling the app restores them; if you edited them, fix the line shown.",
    );
    ui.add_space(8.0);
    for problem in problems {
        ui.monospace(problem.to_string());
    }
}
