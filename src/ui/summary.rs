//! After a session: what was done, and that it was saved.

use egui::RichText;

use crate::domain::record::{SessionOutcome, SessionRecord};

use super::{Action, minutes_text, palette};

pub fn summary_ui(
    ui: &mut egui::Ui,
    record: &SessionRecord,
    saved_to: Option<&str>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        let heading = match record.outcome {
            SessionOutcome::Completed => "Session complete. Well done!",
            SessionOutcome::EndedEarly | SessionOutcome::Interrupted => "Session saved",
        };
        ui.heading(RichText::new(heading).size(30.0).color(palette::WORK));
        let (done, total) = record.sets_done();
        ui.label(format!(
            "{done} of {total} sets done in full · {} of training",
            minutes_text(record.active_secs)
        ));
        match saved_to {
            Some(path) => ui.small(format!("Saved to {path}")),
            None => ui.colored_label(
                palette::WARNING,
                "This session could not be saved; it is kept and will be offered again at the next start.",
            ),
        };
        ui.add_space(8.0);
        if ui.button(RichText::new("Back to home").size(20.0)).clicked() {
            actions.push(Action::GoHome);
        }
        ui.add_space(8.0);
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("summary_grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    ui.strong("Exercise");
                    ui.strong("Step");
                    ui.strong("Done");
                    ui.end_row();
                    for exercise in &record.exercises {
                        ui.label(&exercise.name);
                        ui.label(format!("{}: {}", exercise.step, exercise.step_name));
                        let sets: Vec<String> = exercise
                            .sets
                            .iter()
                            .map(|s| {
                                let side = s.side.map(|d| format!(" {}", d.label())).unwrap_or_default();
                                format!("{}{} of {}", s.completed.describe(), side, s.prescribed.describe())
                            })
                            .collect();
                        ui.label(sets.join("; "));
                        ui.end_row();
                    }
                });
        });
    });
    actions
}
