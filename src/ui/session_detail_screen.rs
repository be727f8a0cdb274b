//! One past session: what was prescribed, what was done, pain before and after, the light,
//! and the reasons the rules gave that day.

use crate::ui::Destination;
use egui::RichText;

use crate::domain::care::rules::{DayDecision, Light};
use crate::domain::progress::dose_changes::DoseChange;
use crate::domain::session::record::SessionRecord;

use super::{Action, minutes_text};

pub struct SessionDetailModel<'a> {
    pub record: &'a SessionRecord,
    /// Back pain at that day's check-in.
    pub pain_before: Option<u8>,
    /// Worst pain reported after.
    pub pain_after: Option<u8>,
    pub light: Option<Light>,
    /// The plan's rule settings, to say what the light means.
    pub rules: &'a crate::domain::plan::RuleSettings,
    /// The rules' decision for that day.
    pub decision: Option<&'a DayDecision>,
    /// What changed from the session before (`None` for the first session).
    pub changes: Option<&'a [DoseChange]>,
}

pub fn session_detail_ui(ui: &mut egui::Ui, model: &SessionDetailModel<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        if ui.button("Back to history").clicked() {
            actions.push(Action::Go(Destination::History));
        }
        let record = model.record;
        crate::ui::widgets::a11y::screen_heading(
            ui,
            RichText::new(format!(
                "Session of {}",
                record.started_at.format("%A %-d %B %Y, %H:%M")
            ))
            .size(24.0),
            "session detail",
        );
        let pain = |p: Option<u8>| p.map_or("not answered".to_owned(), |p| format!("{p}/10"));
        ui.label(format!(
            "{} · {} of training · back pain before: {} · worst pain during: {}",
            record.program,
            minutes_text(record.active_secs),
            pain(model.pain_before),
            pain(model.pain_after),
        ));
        ui.label(match model.light {
            Some(light) => format!("How it went: {}.", light.meaning(model.rules)),
            None => "How it went: not known (no answers after the session).".to_owned(),
        });
        if let Some(decision) = model.decision
            && !decision.reasons.is_empty()
        {
            egui::CollapsingHeader::new("What the rules said that day")
                .default_open(true)
                .show(ui, |ui| {
                    for reason in &decision.reasons {
                        ui.label(format!("• {reason}"));
                    }
                });
        }
        match model.changes {
            None => {
                ui.label("Since the previous session: this was the first.");
            }
            Some([]) => {
                ui.label("Since the previous session: every exercise as before.");
            }
            Some(changes) => {
                ui.label(RichText::new("Since the previous session:").strong());
                for change in changes {
                    ui.label(format!("• {}", change.sentence()));
                }
            }
        }
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("detail")
                    .striped(true)
                    .num_columns(5)
                    .show(ui, |ui| {
                        for heading in [
                            "Exercise",
                            "Step",
                            "Round · set · side",
                            "Prescribed",
                            "Done",
                        ] {
                            ui.strong(heading);
                        }
                        ui.end_row();
                        for exercise in &record.exercises {
                            for set in &exercise.sets {
                                ui.label(&exercise.name);
                                ui.label(format!("{}: {}", exercise.step, exercise.step_name));
                                let side = set
                                    .side
                                    .map_or(String::new(), |s| format!(" · {}", s.label()));
                                ui.label(format!("{} · {}{side}", set.round, set.set));
                                ui.label(set.prescribed.describe());
                                let done = set.completed.describe();
                                if set.completed == set.prescribed {
                                    ui.label(done);
                                } else {
                                    ui.label(RichText::new(done).italics());
                                }
                                ui.end_row();
                            }
                        }
                    });
            });
    });
    actions
}
