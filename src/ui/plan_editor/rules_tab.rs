//! The physio's limits (excluded exercises, top step per exercise, longest session) and the
//! rule settings of clinical spec §5, each with its default and a one-line explanation.

use egui::RichText;

use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::rule_settings::RULE_SETTINGS;
use crate::domain::plan::{Limits, Plan, PlanProblem, RuleSettings, ranges};

use super::{PlanDraft, problems_at, problems_under};
use crate::ui::palette;

pub(super) fn rules_ui(
    ui: &mut egui::Ui,
    draft: &mut PlanDraft,
    problems: &[PlanProblem],
    catalog: &Catalog,
) {
    let plan = &mut draft.plan;
    ui.heading(RichText::new("Limits").size(18.0));
    ui.label("Automatic changes never go past these.");
    longest_session_ui(ui, &mut plan.limits);
    problems_at(ui, problems, "limits.max_session_minutes");
    never_prescribe_ui(ui, &mut plan.limits, catalog);
    problems_under(ui, problems, "limits.excluded_exercises");
    top_steps_ui(ui, plan, catalog);
    problems_under(ui, problems, "limits.max_steps");
    ui.add_space(10.0);
    ui.heading(RichText::new("Rule settings").size(18.0));
    ui.label("Each starts at the clinical spec's value and has a range it must stay in; change one only with a reason. A looser value is printed on the handout and the report.");
    if ui.button("Reset all to the defaults").clicked() {
        plan.rules = RuleSettings::default();
    }
    rule_settings_ui(ui, &mut plan.rules, problems);
    gentle_days_ui(ui, &mut plan.rules, catalog);
    problems_under(ui, problems, "rules.gentle_day_exercises");
}

/// Longest session: a tick to set a limit, and its minutes.
fn longest_session_ui(ui: &mut egui::Ui, limits: &mut Limits) {
    ui.horizontal(|ui| {
        let mut limited = limits.max_session_minutes.is_some();
        let tick = ui.checkbox(&mut limited, "Longest session");
        if tick.changed() {
            limits.max_session_minutes = limited.then_some(30);
        }
        if let Some(minutes) = &mut limits.max_session_minutes {
            ui.add(
                egui::DragValue::new(minutes)
                    .range(ranges::TYPED)
                    .suffix(" min"),
            )
            .labelled_by(tick.id);
        }
    });
}

/// Exercises never to prescribe: one button each to allow it again, and a chooser to add one.
fn never_prescribe_ui(ui: &mut egui::Ui, limits: &mut Limits, catalog: &Catalog) {
    let never = ui.label("Never prescribe:");
    ui.horizontal_wrapped(|ui| {
        let mut remove = None;
        for (i, id) in limits.excluded_exercises.iter().enumerate() {
            let name = catalog.get(id).map_or(id.as_str(), |e| e.name.as_str());
            if ui
                .button(format!("{name} ✕"))
                .on_hover_text("Allow it again")
                .clicked()
            {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            limits.excluded_exercises.remove(i);
        }
        egui::ComboBox::from_id_salt("exclude")
            .selected_text("add…")
            .show_ui(ui, |ui| {
                for exercise in &catalog.exercises {
                    if !limits.excluded_exercises.contains(&exercise.id)
                        && ui.selectable_label(false, &exercise.name).clicked()
                    {
                        limits.excluded_exercises.push(exercise.id.clone());
                    }
                }
            })
            .response
            .labelled_by(never.id);
    });
}

/// Top step per exercise of the plan: a tick to cap it, and the step.
fn top_steps_ui(ui: &mut egui::Ui, plan: &mut Plan, catalog: &Catalog) {
    ui.label("Highest ladder step, per exercise:");
    let mut ids: Vec<String> = Vec::new();
    for item in plan.blocks.iter().flat_map(|b| &b.items) {
        if !ids.contains(&item.exercise) {
            ids.push(item.exercise.clone());
        }
    }
    egui::Grid::new("max_steps").num_columns(2).show(ui, |ui| {
        for id in ids {
            let Some(exercise) = catalog.get(&id) else {
                continue;
            };
            ui.label(&exercise.name);
            ui.horizontal(|ui| {
                let mut capped = plan.limits.max_steps.contains_key(&id);
                let tick = ui.checkbox(&mut capped, format!("cap {} at step", exercise.name));
                if tick.changed() {
                    if capped {
                        plan.limits
                            .max_steps
                            .insert(id.clone(), exercise.top_step());
                    } else {
                        plan.limits.max_steps.remove(&id);
                    }
                }
                if let Some(step) = plan.limits.max_steps.get_mut(&id) {
                    ui.add(egui::DragValue::new(step).range(1..=exercise.top_step().max(1)))
                        .labelled_by(tick.id);
                    if let Some(s) = exercise.step(*step) {
                        ui.label(RichText::new(&s.name).weak());
                    }
                }
            });
            ui.end_row();
        }
    });
}

/// The rule settings a clinician may change (clinical spec §5): each with its value, its
/// default and allowed range, what it does in plain words (the spec's rule in the tooltip), a
/// note when it is looser than the default, and any problem under its row. A typed value is
/// kept as typed, never clamped: outside its range it is marked and the plan cannot be saved.
fn rule_settings_ui(ui: &mut egui::Ui, r: &mut RuleSettings, problems: &[PlanProblem]) {
    egui::Grid::new("rule_settings")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for setting in &RULE_SETTINGS {
                let range = (setting.range)(r);
                let tooltip = format!("{} (clinical spec {})", setting.help, setting.spec);
                let label = ui.label(setting.label).on_hover_text(&tooltip);
                let mut value = setting.value(r);
                let edited = ui
                    .add(egui::DragValue::new(&mut value).range(0..=setting.typed_max).suffix(setting.unit))
                    .labelled_by(label.id)
                    .on_hover_text(&tooltip);
                if edited.changed() {
                    (setting.set)(r, value);
                }
                let note = format!(
                    "default {} · allowed {} to {} · {}",
                    setting.show(setting.default_value()),
                    setting.show(*range.start()),
                    setting.show(*range.end()),
                    setting.help
                );
                let path = format!("rules.{}", setting.field);
                let looser = setting.looser(r) && range.contains(&setting.value(r));
                // One line in the third column, whatever it says, so no row below ever
                // moves under the pointer: the problem, else the looser note, else the
                // setting's note (each in full on hover and for a screen reader).
                let line = match problems.iter().find(|p| p.path == path) {
                    Some(problem) => RichText::new(format!("Problem: {}", problem.message))
                        .color(palette::WARNING),
                    None if looser => RichText::new(format!(
                        "Looser than the default ({}): allowed, and printed on the handout and the report.",
                        setting.show(setting.default_value())
                    ))
                    .color(palette::CAUTION),
                    None => RichText::new(note.clone()).weak(),
                };
                let text = line.text().to_owned();
                ui.add(egui::Label::new(line).truncate())
                    .on_hover_text(format!("{text}\n{note}"));
                ui.end_row();
            }
            let label = ui
                .label("Dose steps per ladder step")
                .on_hover_text("increments within a step before the next step (clinical spec R4)");
            ui.add(egui::DragValue::new(&mut r.dose_steps_per_ladder_step).range(ranges::TYPED))
                .labelled_by(label.id);
            ui.label(
                RichText::new(format!(
                    "default {} · increments within a step before the next step",
                    RuleSettings::default().dose_steps_per_ladder_step
                ))
                .weak(),
            );
            ui.end_row();
            if problems.iter().any(|p| p.path == "rules.dose_steps_per_ladder_step") {
                ui.label("");
                ui.vertical(|ui| problems_at(ui, problems, "rules.dose_steps_per_ladder_step"));
                ui.end_row();
            }
        });
}

/// The exercises gentle days (spasm, R8) are made of: a tick for each in the catalog.
fn gentle_days_ui(ui: &mut egui::Ui, r: &mut RuleSettings, catalog: &Catalog) {
    ui.label("Gentle days (with a spasm) are made of:");
    ui.horizontal_wrapped(|ui| {
        for exercise in &catalog.exercises {
            let mut on = r.gentle_day_exercises.contains(&exercise.id);
            if ui.checkbox(&mut on, &exercise.name).changed() {
                if on {
                    r.gentle_day_exercises.push(exercise.id.clone());
                } else {
                    r.gentle_day_exercises.retain(|id| *id != exercise.id);
                }
            }
        }
    });
}
