//! After a session: what was done, and that it was saved.

use crate::ui::{CareAction, Destination};
use egui::RichText;
use egui::accesskit::Role;

use crate::domain::care::answers::SessionAnswers;
use crate::domain::session::record::{SessionOutcome, SessionRecord};

use super::widgets::a11y;
use super::widgets::pain_scale::pain_row;
use super::{Action, minutes_text, palette};

/// What the summary screen shows.
pub struct SummaryModel<'a> {
    pub record: &'a SessionRecord,
    /// Where the record was saved, or `None` when it could not be.
    pub saved_to: Option<&'a str>,
    pub answers: &'a SessionAnswers,
    /// The answers have been saved.
    pub answers_saved: bool,
    /// Given, but not on disk yet: kept in this window until "Try again" saves them.
    pub answers_waiting: bool,
}

/// Draw the summary. Edits to the answers come back as [`Action::Care(CareAction::EditSessionAnswers)`].
pub fn summary_ui(ui: &mut egui::Ui, model: &SummaryModel<'_>) -> Vec<Action> {
    let mut answers = model.answers.clone();
    let mut actions = summary_body_ui(ui, model, &mut answers);
    if answers != *model.answers {
        actions.insert(
            0,
            Action::Care(CareAction::EditSessionAnswers(Box::new(answers))),
        );
    }
    actions
}

fn summary_body_ui(
    ui: &mut egui::Ui,
    model: &SummaryModel<'_>,
    draft: &mut SessionAnswers,
) -> Vec<Action> {
    let record = model.record;
    let saved_to = model.saved_to;
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        a11y::name_region(ui, "Session summary");
        egui::ScrollArea::vertical().show(ui, |ui| {
            let (heading, colour) = match (saved_to, record.outcome) {
                (None, _) => ("Session finished, but not saved yet", palette::WARNING),
                (Some(_), SessionOutcome::Completed) => {
                    ("Session complete. Well done!", palette::DONE)
                }
                (Some(_), SessionOutcome::EndedEarly | SessionOutcome::Interrupted) => {
                    ("Session saved", palette::DONE)
                }
                (Some(_), SessionOutcome::NothingDone) => (
                    "Saved, with nothing done: every exercise was skipped",
                    palette::CAUTION,
                ),
            };
            a11y::screen_heading(ui, RichText::new(heading).size(30.0).color(colour), "summary");
            let (done, total) = record.sets_done();
            a11y::live_region(
                ui,
                "session end",
                &format!("{heading} {done} of {total} sets done in full."),
                if saved_to.is_none() {
                    a11y::Urgency::Assertive
                } else {
                    a11y::Urgency::Polite
                },
            );
            ui.label(
                RichText::new(format!(
                    "{done} of {total} sets done in full · {} of training",
                    minutes_text(record.active_secs)
                ))
                .size(18.0),
            );
            match saved_to {
                Some(path) => ui.label(RichText::new(format!("Saved to {path}")).weak()),
                None => ui.colored_label(
                    palette::WARNING,
                    "Use \"Try again\" or \"Save to another folder…\" at the top of the window to keep it.",
                ),
            };
            ui.add_space(10.0);
            // The questions first (they decide the next session), then what was done: side
            // by side where there is room, one above the other where there is not.
            let side_by_side = ui.available_width() >= 860.0;
            let mut questions = |ui: &mut egui::Ui| {
                ui.set_width(ANSWERS_WIDTH);
                actions.extend(answers_ui(ui, model, draft));
            };
            if side_by_side {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| questions(ui));
                    ui.add_space(24.0);
                    ui.vertical(|ui| done_table_ui(ui, record));
                });
            } else {
                ui.vertical(|ui| questions(ui));
                ui.add_space(12.0);
                done_table_ui(ui, record);
            }
        });
    });
    actions
}

const ANSWERS_WIDTH: f32 = 380.0;

/// The after-session questions and Save answers, then Back to home.
fn answers_ui(
    ui: &mut egui::Ui,
    model: &SummaryModel<'_>,
    draft: &mut SessionAnswers,
) -> Vec<Action> {
    let mut actions = Vec::new();
    a11y::heading(ui, "How did it go?", 2);
    if model.answers_saved {
        ui.label(RichText::new("Thank you, your answers are saved.").color(palette::DONE));
    } else if model.answers_waiting {
        ui.label(
            RichText::new(
                "Your answers are NOT saved yet: the data folder could not be written. They are \
                 kept in this window; press Try again at the top once there is room.",
            )
            .strong()
            .color(palette::WARNING),
        );
    } else {
        pain_row(
            ui,
            "Worst pain during the session *",
            "Worst pain",
            &mut draft.worst_pain,
            true,
        );
        ui.checkbox(
            &mut draft.sharp_or_shooting,
            "Some pain was sharp or shooting",
        );
        ui.add_space(4.0);
        let question = ui.strong("Did you complete the whole dose?");
        a11y::answer_group(
            ui,
            Role::Group,
            "Did you complete the whole dose?",
            Some(&question),
            false,
            |ui| {
                for answer in draft.completed.iter_mut().filter(|a| a.done_any) {
                    ui.checkbox(&mut answer.completed, answer.name.as_str());
                }
            },
        );
        ui.add_space(6.0);
        if ui
            .add_enabled(
                draft.worst_pain.is_some(),
                egui::Button::new(RichText::new("Save answers").size(18.0)),
            )
            .clicked()
        {
            actions.push(Action::Care(CareAction::SubmitSessionReport));
        }
    }
    ui.add_space(10.0);
    let back = ui.button(RichText::new("Back to home").size(20.0));
    // Once the answers are saved (their button is gone), the next step has the focus.
    if (model.answers_saved || model.answers_waiting) && ui.memory(|m| m.focused().is_none()) {
        back.request_focus();
    }
    if back.clicked() {
        actions.push(Action::Go(Destination::Home));
    }
    actions
}

/// What was done, exercise by exercise.
fn done_table_ui(ui: &mut egui::Ui, record: &SessionRecord) {
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
                ui.label(exercise.done_sentence());
                ui.end_row();
            }
        });
}
