//! Before a plan file is used: what would change, and its exercises. Or why it was refused.

use crate::ui::{Destination, PlanAction};
use egui::{RichText, Vec2};

use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::plan::diff::PlanChange;
use crate::store::ron_file::FileProblems;

use super::widgets::circuit_list::circuit_list_ui;
use super::{Action, palette};

pub struct PlanPreviewModel<'a> {
    pub source: &'a str,
    pub candidate: &'a CheckedPlan,
    pub changes: &'a [PlanChange],
    pub catalog: &'a Catalog,
}

pub fn plan_preview_ui(ui: &mut egui::Ui, model: &PlanPreviewModel<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let plan = &model.candidate.plan;
    egui::Panel::bottom("plan_preview_buttons").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Use this plan").size(18.0))
                .clicked()
            {
                actions.push(Action::Plan(PlanAction::Accept));
            }
            if ui.button(RichText::new("Cancel").size(18.0)).clicked() {
                actions.push(Action::Go(Destination::Home));
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        crate::ui::widgets::a11y::screen_heading(
            ui,
            RichText::new(format!("Open plan: {}", plan.name)).size(26.0),
            "plan preview",
        );
        ui.small(model.source);
        if let Some(clinician) = &plan.clinician {
            ui.label(format!("From {}", clinician.name));
            for line in [&clinician.clinic, &clinician.contact] {
                if !line.is_empty() {
                    ui.label(line);
                }
            }
        }
        if !plan.description.is_empty() {
            ui.label(&plan.description);
        }
        ui.add_space(8.0);
        ui.columns(2, |columns| {
            let left = &mut columns[0];
            left.strong("What would change");
            egui::ScrollArea::vertical()
                .id_salt("changes")
                .show(left, |ui| {
                    if model.changes.is_empty() {
                        ui.label("Nothing: this plan is the same as the one you use now.");
                    }
                    for change in model.changes {
                        ui.label(format!("• {}", change.text));
                    }
                });
            let right = &mut columns[1];
            right.strong("The new plan");
            egui::ScrollArea::vertical()
                .id_salt("new_plan")
                .show(right, |ui| new_plan_ui(ui, model));
        });
    });
    actions
}

fn new_plan_ui(ui: &mut egui::Ui, model: &PlanPreviewModel<'_>) {
    circuit_list_ui(
        ui,
        &model.candidate.circuit,
        model.catalog,
        Vec2::new(80.0, 48.0),
    );
}

pub fn plan_rejected_ui(ui: &mut egui::Ui, source: &str, problems: &FileProblems) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        crate::ui::widgets::a11y::screen_heading(
            ui,
            RichText::new("This plan file cannot be used").color(palette::WARNING),
            "plan rejected",
        );
        ui.label(source);
        ui.label("Your current plan and your history have not been changed. Ask whoever wrote the file to correct these lines:");
        ui.add_space(8.0);
        egui::ScrollArea::vertical().max_height(ui.available_height() - 60.0).show(ui, |ui| {
            for problem in problems {
                ui.monospace(problem.to_string());
            }
        });
        ui.add_space(8.0);
        if ui.button(RichText::new("Back to home").size(18.0)).clicked() {
            actions.push(Action::Go(Destination::Home));
        }
    });
    actions
}
