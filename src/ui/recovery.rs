//! Offered at start-up when the last session did not finish (app closed or killed).

use crate::domain::record::InProgressSession;
use crate::domain::timeline::Timeline;

use super::Action;

pub fn recovery_ui(ui: &mut egui::Ui, interrupted: &InProgressSession) -> Vec<Action> {
    let mut actions = Vec::new();
    let timeline = Timeline::build(&interrupted.circuit);
    let work_total = timeline.work_phase_count();
    let work_done = interrupted.completed.iter().filter(|d| d.is_some()).count();
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading("Your last session did not finish");
        ui.add_space(8.0);
        ui.label(format!(
            "{} started {} and stopped after {} of {} sets.",
            interrupted.circuit.name,
            interrupted.started_at.format("%A %-d %B at %H:%M"),
            work_done,
            work_total
        ));
        ui.label(
            "What you did is safe. Pick up where you left off, or keep it as a partial session.",
        );
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            if ui.button("Resume session").clicked() {
                actions.push(Action::ResumeInterrupted);
            }
            if ui.button("Save as partial session").clicked() {
                actions.push(Action::SaveInterruptedAsPartial);
            }
        });
    });
    actions
}
