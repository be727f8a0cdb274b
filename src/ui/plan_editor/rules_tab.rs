//! The physio's limits (excluded exercises, top step per exercise, longest session) and the
//! rule settings of clinical spec §5, each with its default and a one-line explanation.

use egui::RichText;

use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::{Limits, Plan, PlanProblem, RuleSettings, ranges};

use super::{PlanDraft, problems_at, problems_under};

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
    ui.label("Each starts at the clinical spec's value; change one only with a reason.");
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
                    .range(ranges::SESSION_MINUTES)
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

/// The rule settings of clinical spec §5: each with its value, default and what it does, and
/// any problem with it under its row.
fn rule_settings_ui(ui: &mut egui::Ui, r: &mut RuleSettings, problems: &[PlanProblem]) {
    let defaults = RuleSettings::default();
    egui::Grid::new("rule_settings")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (field, label, value, default, range, help) in [
                ("green_max_pain", "Green: worst pain up to", &mut r.green_max_pain, defaults.green_max_pain, 0..=10, "R3: a session with worst pain up to this is green"),
                ("amber_max_pain", "Amber: worst pain up to", &mut r.amber_max_pain, defaults.amber_max_pain, 0..=10, "R3: above green and up to this is amber; above it is red"),
                ("green_rise", "Green rise over the day's pain", &mut r.green_rise, defaults.green_rise, 0..=10, "R3: still green up to the amber limit when no more than this above the day's usual pain"),
                ("greens_to_progress", "Greens in a row to move up", &mut r.greens_to_progress, defaults.greens_to_progress, 1..=10, "R4: full-dose green sessions of an exercise before it progresses"),
                ("ambers_to_drop_set", "Ambers in a row to drop a set", &mut r.ambers_to_drop_set, defaults.ambers_to_drop_set, 1..=10, "R5"),
                ("reds_for_deload", "Reds that start a deload week", &mut r.reds_for_deload, defaults.reds_for_deload, 1..=10, "R6: within the deload window"),
                ("reds_for_referral", "Reds that prompt a referral", &mut r.reds_for_referral, defaults.reds_for_referral, 1..=10, "R7: within the referral window"),
                ("weekly_pain_rise_for_referral", "Weekly pain rise that refers", &mut r.weekly_pain_rise_for_referral, defaults.weekly_pain_rise_for_referral, 1..=10, "R7: rise in weekly mean back pain"),
                ("meaningful_pain_change", "Meaningful pain change", &mut r.meaningful_pain_change, defaults.meaningful_pain_change, 1..=10, "§3: the smallest change that matters"),
                ("improvement_baseline_min_pain", "No-improvement rule from pain", &mut r.improvement_baseline_min_pain, defaults.improvement_baseline_min_pain, 0..=10, "R7: applies when the first week's mean back pain was at least this"),
                ("disabling_leg_pain", "Disabling leg pain", &mut r.disabling_leg_pain, defaults.disabling_leg_pain, 0..=10, "R7: weekly mean leg pain still this high after the weeks to improve refers"),
                ("spasm_gentle_day_pain", "Spasm: gentle day from pain", &mut r.spasm_gentle_day_pain, defaults.spasm_gentle_day_pain, 0..=10, "R8"),
                ("spasm_short_holds_pain", "Spasm: short holds up to pain", &mut r.spasm_short_holds_pain, defaults.spasm_short_holds_pain, 0..=10, "R8"),
                ("spasm_max_step", "Spasm: highest step", &mut r.spasm_max_step, defaults.spasm_max_step, 1..=10, "R8: while a spasm settles"),
            ] {
                let label = ui.label(label).on_hover_text(help);
                ui.add(egui::DragValue::new(value).range(range))
                    .labelled_by(label.id)
                    .on_hover_text(help);
                ui.label(RichText::new(format!("default {default} · {help}")).weak());
                ui.end_row();
                if problems.iter().any(|p| p.path == format!("rules.{field}")) {
                    ui.label("");
                    ui.vertical(|ui| problems_at(ui, problems, &format!("rules.{field}")));
                    ui.end_row();
                }
            }
            for (field, label, value, default, range, unit, help) in [
                ("progress_hold_secs", "Hold added when moving up", &mut r.progress_hold_secs, defaults.progress_hold_secs, 1..=30, " s", "R4"),
                ("progress_reps", "Reps added when moving up", &mut r.progress_reps, defaults.progress_reps, 1..=10, "", "R4: per set"),
                ("max_mcgill_hold_secs", "Longest McGill-style hold", &mut r.max_mcgill_hold_secs, defaults.max_mcgill_hold_secs, 5..=30, " s", "R4: they climb the pyramid instead"),
                ("min_days_between_progressions", "Days between progressions", &mut r.min_days_between_progressions, defaults.min_days_between_progressions, 1..=60, " d", "R4: at most one per exercise in this many days"),
                ("rest_hours_after_red", "Rest after a red session", &mut r.rest_hours_after_red, defaults.rest_hours_after_red, 12..=168, " h", "R6"),
                ("deload_window_days", "Deload window", &mut r.deload_window_days, defaults.deload_window_days, 1..=60, " d", "R6"),
                ("referral_window_days", "Referral window", &mut r.referral_window_days, defaults.referral_window_days, 1..=90, " d", "R7"),
                ("weeks_to_expect_improvement", "Weeks to expect improvement", &mut r.weeks_to_expect_improvement, defaults.weeks_to_expect_improvement, 1..=52, " wk", "R7"),
                ("nerve_recheck_hours", "Nerve warning recheck", &mut r.nerve_recheck_hours, defaults.nerve_recheck_hours, 12..=336, " h", "R2: still there this long after refers"),
                ("spasm_short_hold_secs", "Spasm: longest hold", &mut r.spasm_short_hold_secs, defaults.spasm_short_hold_secs, 5..=60, " s", "R8"),
                ("dose_steps_per_ladder_step", "Dose steps per ladder step", &mut r.dose_steps_per_ladder_step, defaults.dose_steps_per_ladder_step, 1..=10, "", "R4: increments before the next step"),
                ("reduce_factor_percent", "Half the volume means", &mut r.reduce_factor_percent, defaults.reduce_factor_percent, 10..=90, " %", "R6 and deload: reps or holds times this"),
            ] {
                let label = ui.label(label).on_hover_text(help);
                ui.add(egui::DragValue::new(value).range(range).suffix(unit))
                    .labelled_by(label.id)
                    .on_hover_text(help);
                ui.label(RichText::new(format!("default {default}{unit} · {help}")).weak());
                ui.end_row();
                if problems.iter().any(|p| p.path == format!("rules.{field}")) {
                    ui.label("");
                    ui.vertical(|ui| problems_at(ui, problems, &format!("rules.{field}")));
                    ui.end_row();
                }
            }
        });
}

/// The exercises gentle days (spasm, R8) are made of: a tick for each in the catalog.
fn gentle_days_ui(ui: &mut egui::Ui, r: &mut RuleSettings, catalog: &Catalog) {
    ui.label("Gentle days (spasm, R8) are made of:");
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
