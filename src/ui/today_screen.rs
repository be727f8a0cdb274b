//! After the check-in, before anything starts: what the rules made of the answers (today's
//! status, each change from the plan with its reason, any referral). Starting is a separate,
//! deliberate step, and the answers can still be changed.

use crate::ui::{CareAction, Destination, SessionAction};
use egui::RichText;

use crate::domain::care::rules::{DayDecision, Referral, Status};

use super::home_screen::status_title;
use super::widgets::a11y::{self, Urgency};
use super::{Action, minutes_text};

/// What the Today screen shows.
pub struct TodayModel<'a> {
    pub decision: &'a DayDecision,
    /// The session as the rules set it for today.
    pub planned_total_secs: u64,
    pub exercise_count: usize,
    /// The mean rating of the person's activities fell by 3 points or more since the last
    /// rating: the sentence that says so (clinical spec §6).
    pub activity_fall: Option<String>,
}

pub fn today_ui(ui: &mut egui::Ui, model: &TodayModel<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let decision = model.decision;
    let trainable = matches!(
        decision.status,
        Status::Train | Status::Gentle | Status::Deload
    );
    egui::Panel::bottom("today_buttons").show(ui, |ui| {
        a11y::name_region(ui, "Start or change your answers");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if trainable {
                let start = ui.add(
                    egui::Button::new(RichText::new("Start session").size(24.0))
                        .min_size(egui::vec2(220.0, 56.0)),
                );
                // Focus on Start: Enter starts, once the person has read the decision.
                if ui.memory(|m| m.focused().is_none()) {
                    start.request_focus();
                }
                if start.clicked() {
                    actions.push(Action::Session(SessionAction::Start));
                }
            }
            if ui
                .add(
                    egui::Button::new(RichText::new("Change my answers").size(18.0))
                        .min_size(egui::vec2(0.0, 56.0)),
                )
                .clicked()
            {
                actions.push(Action::Care(CareAction::ReviseCheckIn));
            }
            if ui
                .add(
                    egui::Button::new(RichText::new("Not now").size(18.0))
                        .min_size(egui::vec2(0.0, 56.0)),
                )
                .clicked()
            {
                actions.push(Action::Go(Destination::Home));
            }
        });
        ui.add_space(8.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            a11y::name_region(ui, "Today's decision");
            // Start has the focus (Enter starts); the decision is spoken as the screen opens.
            a11y::heading(
                ui,
                RichText::new("Your answers are saved. Here is today").size(22.0),
                1,
            );
            ui.add_space(6.0);
            let (colour, title) = status_title(decision);
            a11y::heading(
                ui,
                RichText::new(title).size(28.0).strong().color(colour),
                2,
            );
            // Spoken as the screen opens: the status and how many changes follow (the changes
            // themselves are on the screen, read next; not said twice).
            let changes = match decision.reasons.len() {
                0 => "Nothing changes from your plan today".to_owned(),
                1 => "One change from your plan, listed below".to_owned(),
                n => format!("{n} changes from your plan, listed below"),
            };
            a11y::live_region(
                ui,
                "decision",
                &format!("{title}. {changes}."),
                Urgency::Polite,
            );
            if trainable {
                ui.label(
                    RichText::new(format!(
                        "About {} · {} exercises",
                        minutes_text(model.planned_total_secs),
                        model.exercise_count
                    ))
                    .size(18.0),
                );
            }
            ui.add_space(8.0);
            if decision.reasons.is_empty() {
                ui.label(RichText::new("Nothing changes from your plan today.").size(17.0));
            } else {
                a11y::heading(
                    ui,
                    RichText::new("What changes today, and why")
                        .strong()
                        .size(18.0),
                    3,
                );
                for reason in &decision.reasons {
                    ui.label(RichText::new(format!("• {reason}")).size(16.0));
                }
            }
            if let Some(fall) = &model.activity_fall {
                activity_fall_ui(ui, fall);
            }
            if decision.referral == Referral::Routine || decision.referral == Referral::Urgent {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(
                        "Training can go on meanwhile; the request stays on the home screen \
                         until you say you have seen a clinician.",
                    )
                    .size(15.0),
                );
            }
        });
    });
    actions
}

/// A fall in how well the person can do what they named: worth telling the clinician (it
/// changes nothing in the session).
fn activity_fall_ui(ui: &mut egui::Ui, fall: &str) {
    ui.add_space(8.0);
    a11y::heading(
        ui,
        RichText::new("Worth telling your clinician")
            .strong()
            .size(18.0),
        3,
    );
    ui.label(RichText::new(fall).size(16.0));
}
