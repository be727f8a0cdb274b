//! After a session: what was done, and that it was saved.

use egui::RichText;

use crate::domain::checkin::SessionReport;
use crate::domain::record::{SessionOutcome, SessionRecord};

use super::checkin::pain_row;
use super::{Action, minutes_text, palette};

/// The after-session questions being answered.
#[derive(Clone, Debug)]
pub struct ReportDraft {
    pub worst_pain: Option<u8>,
    pub sharp_or_shooting: bool,
    /// (exercise id, name, dose completed), pre-filled from the record.
    pub completed: Vec<(String, String, bool)>,
    pub saved: bool,
}

impl ReportDraft {
    pub fn from_record(record: &SessionRecord) -> Self {
        let mut completed: Vec<(String, String, bool)> = Vec::new();
        for exercise in &record.exercises {
            let done = exercise.fully_completed();
            match completed
                .iter_mut()
                .find(|(id, _, _)| *id == exercise.exercise_id)
            {
                Some(entry) => entry.2 &= done,
                None => completed.push((exercise.exercise_id.clone(), exercise.name.clone(), done)),
            }
        }
        Self {
            worst_pain: None,
            sharp_or_shooting: false,
            completed,
            saved: false,
        }
    }

    pub fn to_report(&self) -> Option<SessionReport> {
        Some(SessionReport {
            worst_pain: self.worst_pain?,
            sharp_or_shooting: self.sharp_or_shooting,
            completed: self
                .completed
                .iter()
                .map(|(id, _, done)| (id.clone(), *done))
                .collect(),
        })
    }
}

pub fn summary_ui(
    ui: &mut egui::Ui,
    record: &SessionRecord,
    saved_to: Option<&str>,
    draft: &mut ReportDraft,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::right("after_session")
        .resizable(false)
        .exact_size(380.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.heading("How did it go?");
            if draft.saved {
                ui.label(RichText::new("Thank you, your answers are saved.").color(palette::WORK));
                return;
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                pain_row(
                    ui,
                    "Worst pain during the session *",
                    "Worst pain",
                    &mut draft.worst_pain,
                );
                ui.checkbox(
                    &mut draft.sharp_or_shooting,
                    "Some pain was sharp or shooting",
                );
                ui.add_space(4.0);
                ui.strong("Did you complete the whole dose?");
                for (_, name, done) in &mut draft.completed {
                    ui.checkbox(done, name.as_str());
                }
                ui.add_space(6.0);
                if ui
                    .add_enabled(
                        draft.worst_pain.is_some(),
                        egui::Button::new("Save answers"),
                    )
                    .clicked()
                {
                    actions.push(Action::SubmitSessionReport);
                }
            });
        });
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
