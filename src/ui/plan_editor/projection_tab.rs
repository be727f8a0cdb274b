//! How the plan unfolds to its review date under three generated histories: each exercise's
//! step and dose week by week, the session length against the physio's limit, and every rule
//! that fired with its reason, all from the same rules engine as the app and `simulate`.

use egui::{Color32, RichText};
use egui_plot::{HLine, Line, Plot, PlotPoints, Points};

use crate::domain::care::projection::{Projection, Scenario};
use crate::domain::plan::catalog::{Catalog, Dose};

use super::PlanDraft;
use crate::ui::palette;

pub(super) fn projection_ui(
    ui: &mut egui::Ui,
    draft: &mut PlanDraft,
    projections: Option<&[Projection]>,
    catalog: &Catalog,
) {
    let Some(projections) = projections else {
        ui.label("The projection shows once the plan passes every check (see the problems above).");
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("History:");
        for scenario in Scenario::ALL {
            ui.radio_value(&mut draft.scenario, scenario, scenario.label());
        }
    });
    let Some(projection) = projections.iter().find(|p| p.scenario == draft.scenario) else {
        return;
    };
    summary_ui(ui, draft, projection);
    // Every exercise: where it starts and where it ends up.
    let mut ids: Vec<String> = Vec::new();
    for item in draft.plan.blocks.iter().flat_map(|b| &b.items) {
        if !ids.contains(&item.exercise) {
            ids.push(item.exercise.clone());
        }
    }
    start_and_end_table_ui(ui, projection, &ids, catalog);
    ui.add_space(6.0);
    week_by_week_ui(ui, draft, projection, &ids, catalog);
    session_length_ui(ui, draft, projection);
    ui.add_space(6.0);
    fired_rules_ui(ui, projection);
}

/// How long the projection runs, from when, and how many sessions a week.
fn summary_ui(ui: &mut egui::Ui, draft: &PlanDraft, projection: &Projection) {
    ui.label(format!(
        "{} weeks from {} ({}), {} sessions a week planned.",
        projection.weeks,
        projection.start.format("%-d %b %Y"),
        if draft.plan.review_date.is_some() {
            "to the review date"
        } else {
            "no review date: 12 weeks"
        },
        draft.plan.sessions_per_week
    ));
}

/// The exercise's name in the catalog, or its id when the catalog has no such exercise.
fn exercise_name(catalog: &Catalog, id: &str) -> String {
    catalog.get(id).map_or(id.to_owned(), |e| e.name.clone())
}

/// Every exercise of the plan: its step and dose in week 1 and in the last week.
fn start_and_end_table_ui(
    ui: &mut egui::Ui,
    projection: &Projection,
    ids: &[String],
    catalog: &Catalog,
) {
    egui::Grid::new("projection_table")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong("Exercise");
            ui.strong("Week 1");
            ui.strong(format!("Week {}", projection.weeks));
            ui.end_row();
            for id in ids {
                let weeks = projection.by_week(id);
                let text = |w: Option<&(u32, crate::domain::care::projection::ProjectedDose)>| {
                    w.map_or("not prescribed".to_owned(), |(week, d)| {
                        format!(
                            "step {}, {}{}",
                            d.step,
                            d.dose.describe_sets(d.sets),
                            if *week == 1 || *week == projection.weeks {
                                String::new()
                            } else {
                                format!(" (week {week})")
                            }
                        )
                    })
                };
                ui.label(exercise_name(catalog, id));
                ui.label(text(weeks.first()));
                ui.label(text(weeks.last()));
                ui.end_row();
            }
        });
}

/// One exercise week by week: a chooser of the exercise, and its dose plotted with each new
/// step marked.
fn week_by_week_ui(
    ui: &mut egui::Ui,
    draft: &mut PlanDraft,
    projection: &Projection,
    ids: &[String],
    catalog: &Catalog,
) {
    // Opens on the first exercise whose dose moves: more telling than a flat warm-up.
    let followed = draft
        .projected_exercise
        .clone()
        .filter(|id| ids.contains(id))
        .or_else(|| {
            ids.iter()
                .find(|id| {
                    let weeks = projection.by_week(id);
                    weeks.first().map(|w| &w.1) != weeks.last().map(|w| &w.1)
                })
                .or(ids.first())
                .cloned()
        });
    if let Some(followed) = &followed {
        ui.horizontal(|ui| {
            let label = ui.label("Week by week:");
            egui::ComboBox::from_id_salt("projected_exercise")
                .selected_text(exercise_name(catalog, followed))
                .show_ui(ui, |ui| {
                    for id in ids {
                        ui.selectable_value(
                            &mut draft.projected_exercise,
                            Some(id.clone()),
                            exercise_name(catalog, id),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
        dose_plot_ui(ui, projection, followed);
    }
}

/// The followed exercise's dose, week by week, with each new step marked.
fn dose_plot_ui(ui: &mut egui::Ui, projection: &Projection, followed: &str) {
    let weeks = projection.by_week(followed);
    let unit = match weeks.first().map(|(_, d)| d.dose) {
        Some(Dose::Hold { .. }) => "seconds per set",
        _ => "reps per set",
    };
    let points: Vec<[f64; 2]> = weeks
        .iter()
        .map(|(week, d)| [f64::from(*week), amount(d.dose)])
        .collect();
    let top = points.iter().map(|p| p[1]).fold(0.0, f64::max);
    Plot::new("projection_dose")
        .height(180.0)
        .x_axis_label("week")
        .y_axis_label(unit)
        .include_y(0.0)
        .include_y(top * 1.25)
        .y_grid_spacer(move |_| {
            // 1, 2, 5 or 10 apart, about four lines up to the top.
            let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
                .into_iter()
                .find(|s| top * 1.25 / s <= 6.0)
                .unwrap_or(100.0);
            (0..=((top * 1.25 / step) as u32))
                .map(|i| egui_plot::GridMark {
                    value: f64::from(i) * step,
                    step_size: step,
                })
                .collect()
        })
        .include_x(1.0)
        .include_x(f64::from(projection.weeks))
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .show(ui, |plot| {
            plot.line(Line::new("dose", PlotPoints::from(points.clone())).color(palette::DONE));
            plot.points(
                Points::new("dose", PlotPoints::from(points))
                    .color(palette::DONE)
                    .radius(3.0),
            );
            let mut last_step = None;
            for (week, d) in &weeks {
                if last_step != Some(d.step) {
                    plot.text(
                        egui_plot::Text::new(
                            "step",
                            egui_plot::PlotPoint::new(f64::from(*week), amount(d.dose)),
                            RichText::new(format!("step {}", d.step)).strong(),
                        )
                        .anchor(egui::Align2::LEFT_BOTTOM),
                    );
                    last_step = Some(d.step);
                }
            }
        });
}

/// Session length against the limit: the longest session, and every session plotted under
/// the limit's line.
fn session_length_ui(ui: &mut egui::Ui, draft: &PlanDraft, projection: &Projection) {
    let longest = projection.longest_minutes();
    let limit = draft.plan.limits.max_session_minutes;
    ui.label(match limit {
        Some(limit) => format!(
            "Longest session: {longest:.0} min, against the limit of {limit} min{}.",
            if longest > f64::from(limit) {
                " (over!)"
            } else {
                ""
            }
        ),
        None => format!("Longest session: {longest:.0} min (no limit set)."),
    });
    let minutes: Vec<[f64; 2]> = projection
        .sessions
        .iter()
        .filter(|s| s.planned_minutes > 0.0)
        .map(|s| {
            [
                (s.decision.date - projection.start).num_days() as f64 / 7.0 + 1.0,
                s.planned_minutes,
            ]
        })
        .collect();
    Plot::new("projection_minutes")
        .height(140.0)
        .x_axis_label("week")
        .y_axis_label("minutes")
        .include_y(0.0)
        .include_y(f64::from(limit.unwrap_or(0)) + 5.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .show(ui, |plot| {
            plot.points(
                Points::new("session length", PlotPoints::from(minutes))
                    .color(palette::CALM)
                    .radius(3.0),
            );
            if let Some(limit) = limit {
                plot.hline(
                    HLine::new("limit", f64::from(limit))
                        .color(Color32::from_rgb(0xc0, 0x39, 0x2b)),
                );
            }
        });
}

/// Every rule that fired, with its week, date and reason.
fn fired_rules_ui(ui: &mut egui::Ui, projection: &Projection) {
    ui.strong(format!("Rules that fired ({}):", projection.events.len()));
    if projection.events.is_empty() {
        ui.label("None: the plan runs as written.");
    }
    for (date, reason) in &projection.events {
        let week = (*date - projection.start).num_days() / 7 + 1;
        ui.label(format!("Week {week} ({}): {reason}", date.format("%-d %b")));
    }
}

fn amount(dose: Dose) -> f64 {
    match dose {
        Dose::Hold { hold_secs } => f64::from(hold_secs),
        Dose::Reps { reps } | Dose::Paced { reps, .. } => f64::from(reps),
    }
}
