//! Offered at start-up when the last session did not finish (app closed or killed).

use egui::RichText;

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
        ui.heading(RichText::new("Your last session did not finish").size(28.0));
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!(
                "{} started {} and stopped after {} of {} sets.",
                interrupted.circuit.name,
                interrupted.started_at.format("%A %-d %B at %H:%M"),
                work_done,
                work_total
            ))
            .size(18.0),
        );
        ui.label(
            RichText::new(
                "What you did is safe. Pick up where you left off, or keep it as a partial session.",
            )
            .size(18.0),
        );
        ui.add_space(16.0);
        let big = |text: &str| {
            egui::Button::new(RichText::new(text).size(20.0)).min_size(egui::vec2(260.0, 44.0))
        };
        if ui.add(big("Resume session")).clicked() {
            actions.push(Action::ResumeInterrupted);
        }
        ui.add_space(6.0);
        if ui.add(big("Save as partial session")).clicked() {
            actions.push(Action::SaveInterruptedAsPartial);
        }
    });
    actions
}
