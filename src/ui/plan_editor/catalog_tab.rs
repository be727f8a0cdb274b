//! The catalog browser: every exercise with its picture at each ladder step, how-to, targets,
//! bias and equipment; filtered by the plan's presentation, bias, equipment and target, and
//! searched by name. "Add to" puts the exercise into a block of the plan.

use egui::{RichText, Vec2};

use crate::domain::plan::Presentation;
use crate::domain::plan::catalog::{Catalog, Exercise, MovementBias};
use crate::domain::plan::catalog_filter::{equipment_used, filtered, targets};
use crate::ui::widgets::figure::figure_ui;

use super::PlanDraft;
use super::session_tab::new_item;

pub(super) fn catalog_ui(ui: &mut egui::Ui, draft: &mut PlanDraft, catalog: &Catalog) {
    draft.filter.presentation = draft.plan.presentation;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut draft.filter.search)
                .hint_text("name")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
        let label = ui.label("bias");
        egui::ComboBox::from_id_salt("filter_bias")
            .selected_text(bias_text(draft.filter.bias))
            .show_ui(ui, |ui| {
                for bias in [
                    None,
                    Some(MovementBias::Neutral),
                    Some(MovementBias::Flexion),
                    Some(MovementBias::Extension),
                ] {
                    ui.selectable_value(&mut draft.filter.bias, bias, bias_text(bias));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("equipment");
        egui::ComboBox::from_id_salt("filter_equipment")
            .selected_text(draft.filter.equipment.map_or("any", |e| e.label()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.filter.equipment, None, "any");
                for equipment in equipment_used(catalog) {
                    ui.selectable_value(
                        &mut draft.filter.equipment,
                        Some(equipment),
                        equipment.label(),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("target");
        egui::ComboBox::from_id_salt("filter_target")
            .selected_text(draft.filter.target.as_deref().unwrap_or("any"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut draft.filter.target, None, "any");
                for target in targets(catalog) {
                    ui.selectable_value(&mut draft.filter.target, Some(target.clone()), target);
                }
            })
            .response
            .labelled_by(label.id);
    });
    if draft.plan.presentation == Presentation::Nerve {
        ui.label(
            RichText::new(
                "Forward-bending exercises are hidden: the plan's presentation is nerve-related leg pain.",
            )
            .weak(),
        );
    }
    let shown = filtered(catalog, &draft.filter);
    ui.label(format!(
        "{} of {} exercises",
        shown.len(),
        catalog.exercises.len()
    ));
    ui.separator();
    for exercise in shown {
        let open = draft.browsing.as_deref() == Some(exercise.id.as_str());
        ui.horizontal(|ui| {
            let (parts, view) = exercise.key_picture_at(1);
            figure_ui(ui, &parts, view, Vec2::new(72.0, 44.0), &exercise.name);
            ui.vertical(|ui| {
                if ui
                    .selectable_label(open, RichText::new(&exercise.name).strong().size(16.0))
                    .clicked()
                {
                    draft.browsing = if open {
                        None
                    } else {
                        Some(exercise.id.clone())
                    };
                }
                ui.label(
                    RichText::new(format!(
                        "{} · {} step{} · {}",
                        bias_text(Some(exercise.bias)),
                        exercise.ladder.len(),
                        if exercise.ladder.len() == 1 { "" } else { "s" },
                        exercise.targets.join(", ")
                    ))
                    .weak(),
                );
            });
        });
        if open {
            exercise_detail_ui(ui, draft, exercise);
        }
    }
}

fn bias_text(bias: Option<MovementBias>) -> &'static str {
    match bias {
        None => "any",
        Some(MovementBias::Neutral) => "neutral",
        Some(MovementBias::Flexion) => "bends forward",
        Some(MovementBias::Extension) => "bends back",
    }
}

/// One exercise in full, and adding it to a block.
fn exercise_detail_ui(ui: &mut egui::Ui, draft: &mut PlanDraft, exercise: &Exercise) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        // Each step says how to do it below; the exercise's own words only for a catalog
        // from before steps had theirs.
        if exercise.ladder.iter().any(|s| s.how_to.is_empty()) {
            ui.label(&exercise.how_to);
        }
        let equipment: Vec<&str> = exercise.equipment.iter().map(|e| e.label()).collect();
        ui.label(format!(
            "Needs: {}{}",
            if equipment.is_empty() {
                "nothing".to_owned()
            } else {
                equipment.join(", ")
            },
            if exercise.per_side {
                " · done on each side"
            } else {
                ""
            }
        ));
        if !exercise.presentation_notes.is_empty() {
            ui.label(RichText::new(&exercise.presentation_notes).italics());
        }
        ui.horizontal_wrapped(|ui| {
            for (i, step) in exercise.ladder.iter().enumerate() {
                let number = u8::try_from(i + 1).unwrap_or(u8::MAX);
                ui.vertical(|ui| {
                    ui.set_width(150.0);
                    let (parts, view) = exercise.key_picture_at(number);
                    figure_ui(
                        ui,
                        &parts,
                        view,
                        Vec2::new(120.0, 72.0),
                        &format!("{}, step {number}: {}", exercise.name, step.name),
                    );
                    ui.label(RichText::new(format!("Step {number}: {}", step.name)).strong());
                    ui.label(step.dose.describe());
                    if !step.cue.is_empty() {
                        ui.label(RichText::new(&step.cue).weak());
                    }
                    if !step.how_to.is_empty() {
                        ui.label(RichText::new(&step.how_to).small());
                    }
                    if let Some(tempo) = step.tempo {
                        ui.label(RichText::new(format!("Pace: {}", tempo.describe())).small());
                    }
                });
            }
        });
        if draft.plan.blocks.is_empty() {
            ui.label("Add a block on the Session tab first.");
            return;
        }
        ui.horizontal(|ui| {
            let names: Vec<String> = draft.plan.blocks.iter().map(|b| b.name.clone()).collect();
            let index = draft.add_to_block.min(names.len() - 1);
            egui::ComboBox::from_label("block to add to")
                .selected_text(names[index].as_str())
                .show_ui(ui, |ui| {
                    for (i, name) in names.iter().enumerate() {
                        ui.selectable_value(&mut draft.add_to_block, i, name);
                    }
                });
            if ui.button(format!("Add {}", exercise.name)).clicked()
                && let Some(block) = draft.plan.blocks.get_mut(draft.add_to_block)
            {
                block.items.push(new_item(&exercise.id));
            }
        });
    });
}
