//! Progress over weeks: calendar, adherence, streak, charts, and the list of past sessions.

use chrono::NaiveDate;
use egui::{Color32, RichText, Vec2};
use egui_plot::{Legend, Line, Plot, PlotPoints, Points, VLine};

use crate::domain::checkin::Day;
use crate::domain::plan::Plan;
use crate::domain::progress::{
    CalendarWeek, DayMark, DosePoint, PainPoint, adherence_percent, calendar, date_of_day_number,
    day_number, dose_series, lights, pain_series, session_date, streak_weeks,
    weekly_mean_back_pain,
};
use crate::domain::record::{SessionOutcome, SessionRecord};
use crate::domain::rules::Light;
use crate::domain::timeline::Side;

use super::{Action, palette};

const CALENDAR_WEEKS: u32 = 12;

/// Everything the history screen draws, computed once when it opens.
pub struct HistoryModel {
    pub today: NaiveDate,
    pub weeks: Vec<CalendarWeek>,
    pub adherence_4_weeks: Option<f64>,
    pub adherence_all: Option<f64>,
    pub streak_weeks: u32,
    pub sessions_per_week: u32,
    /// (id, name) of every exercise in the records.
    pub exercises: Vec<(String, String)>,
    pub selected_exercise: usize,
    pub dose: Vec<DosePoint>,
    pub pain: Vec<PainPoint>,
    pub lights: Vec<(NaiveDate, Light, u8)>,
    pub weekly_mean: Vec<(NaiveDate, f64)>,
    /// (index into the sessions, date, outcome, summary), newest first.
    pub session_list: Vec<(usize, String)>,
}

impl HistoryModel {
    pub fn build(
        sessions: &[SessionRecord],
        days: &[Day],
        plan: &Plan,
        rest_days: &[NaiveDate],
        today: NaiveDate,
    ) -> Self {
        let per_week = plan.sessions_per_week;
        let first = sessions.first().map(session_date).unwrap_or(today);
        let mut exercises: Vec<(String, String)> = Vec::new();
        for record in sessions {
            for e in &record.exercises {
                if !exercises.iter().any(|(id, _)| *id == e.exercise_id) {
                    exercises.push((e.exercise_id.clone(), e.name.clone()));
                }
            }
        }
        let session_list = sessions
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| {
                let (done, total) = s.sets_done();
                let how = match s.outcome {
                    SessionOutcome::Completed => "completed",
                    SessionOutcome::EndedEarly => "ended early",
                    SessionOutcome::Interrupted => "interrupted",
                };
                (
                    i,
                    format!(
                        "{} · {how} · {done}/{total} sets",
                        s.started_at.format("%a %-d %b %Y, %H:%M")
                    ),
                )
            })
            .collect();
        let mut model = Self {
            today,
            weeks: calendar(sessions, rest_days, per_week, today, CALENDAR_WEEKS),
            adherence_4_weeks: adherence_percent(
                sessions,
                per_week,
                today - chrono::Duration::days(27),
                today,
            ),
            adherence_all: adherence_percent(sessions, per_week, first, today),
            streak_weeks: streak_weeks(sessions, per_week, today),
            sessions_per_week: per_week,
            exercises,
            selected_exercise: 0,
            dose: Vec::new(),
            pain: pain_series(days),
            lights: lights(days, &plan.rules),
            weekly_mean: weekly_mean_back_pain(days),
            session_list,
        };
        // Open on the first exercise whose dose changed: more telling than a flat warm-up line.
        let telling = (0..model.exercises.len()).find(|&i| {
            model.select_exercise(i, sessions);
            model
                .dose
                .windows(2)
                .any(|w| w[0].amount != w[1].amount || w[0].step != w[1].step)
        });
        model.select_exercise(telling.unwrap_or(0), sessions);
        model
    }

    /// Show the dose chart of another exercise.
    pub fn select_exercise(&mut self, index: usize, sessions: &[SessionRecord]) {
        self.selected_exercise = index;
        self.dose = self
            .exercises
            .get(index)
            .map(|(id, _)| dose_series(sessions, id))
            .unwrap_or_default();
    }
}

fn date_axis(mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    date_of_day_number(mark.value).map_or(String::new(), |d| d.format("%-d %b %y").to_string())
}

fn light_colour(light: Light) -> Color32 {
    match light {
        Light::Green => palette::WORK,
        Light::Amber => palette::GET_READY,
        Light::Red => palette::WARNING,
    }
}

pub fn history_ui(ui: &mut egui::Ui, model: &HistoryModel) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::left("history_side")
        .resizable(false)
        .exact_size(330.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            if ui.button("Back to home").clicked() {
                actions.push(Action::GoHome);
            }
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("Report…")
                    .on_hover_text("A page for your clinician")
                    .clicked()
                {
                    actions.push(Action::SaveReport);
                }
                if ui.button("Export CSV…").clicked() {
                    actions.push(Action::SaveCsv);
                }
            });
            ui.separator();
            let pct = |p: Option<f64>| p.map_or("—".to_owned(), |p| format!("{p:.0} %"));
            ui.label(
                RichText::new(format!("Last 4 weeks: {}", pct(model.adherence_4_weeks)))
                    .size(18.0)
                    .strong(),
            );
            ui.label(format!(
                "Since your first session: {}",
                pct(model.adherence_all)
            ));
            ui.label(format!(
                "Streak: {} week(s) with {} sessions",
                model.streak_weeks, model.sessions_per_week
            ));
            ui.add_space(6.0);
            calendar_ui(ui, &model.weeks);
            ui.separator();
            ui.strong("Sessions");
            if model.session_list.is_empty() {
                ui.label("No sessions yet.");
            }
            egui::ScrollArea::vertical().id_salt("sessions").show_rows(
                ui,
                18.0,
                model.session_list.len(),
                |ui, range| {
                    for (index, text) in &model.session_list[range] {
                        if ui.link(text).clicked() {
                            actions.push(Action::OpenSession(*index));
                        }
                    }
                },
            );
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let chart_height = ((ui.available_height() - 120.0) / 2.0).max(140.0);
        ui.horizontal(|ui| {
            ui.strong("Dose over time:");
            let current = model
                .exercises
                .get(model.selected_exercise)
                .map_or("—", |(_, name)| name.as_str());
            egui::ComboBox::from_label("exercise")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (i, (_, name)) in model.exercises.iter().enumerate() {
                        if ui
                            .selectable_label(i == model.selected_exercise, name)
                            .clicked()
                        {
                            actions.push(Action::SelectChartExercise(i));
                        }
                    }
                });
        });
        Plot::new("dose_chart")
            .height(chart_height)
            .legend(Legend::default())
            .x_axis_formatter(date_axis)
            .y_axis_label("seconds or reps")
            .include_y(0.0)
            .allow_scroll(false)
            .show(ui, |plot| {
                let sides = [
                    (None, "best set", palette::WORK),
                    (Some(Side::Left), "left side", palette::WORK),
                    (Some(Side::Right), "right side", palette::REST),
                ];
                for (side, name, colour) in sides {
                    let points: Vec<[f64; 2]> = model
                        .dose
                        .iter()
                        .filter(|p| p.side == side)
                        .map(|p| [day_number(p.date), p.amount])
                        .collect();
                    if !points.is_empty() {
                        plot.line(Line::new(name, PlotPoints::from(points)).color(colour));
                    }
                }
                for change in model
                    .dose
                    .iter()
                    .filter(|p| p.step_changed && p.side != Some(Side::Right))
                {
                    plot.vline(
                        VLine::new(format!("step {}", change.step), day_number(change.date))
                            .color(palette::GET_READY),
                    );
                }
            });
        ui.strong("Pain");
        Plot::new("pain_chart")
            .height(chart_height)
            .legend(Legend::default())
            .x_axis_formatter(date_axis)
            .y_axis_label("0–10")
            .include_y(0.0)
            .include_y(10.0)
            .allow_scroll(false)
            .show(ui, |plot| {
                let back: PlotPoints<'_> = model
                    .pain
                    .iter()
                    .map(|p| [day_number(p.date), p.back])
                    .collect();
                let leg: PlotPoints<'_> = model
                    .pain
                    .iter()
                    .map(|p| [day_number(p.date), p.leg])
                    .collect();
                let weekly: PlotPoints<'_> = model
                    .weekly_mean
                    .iter()
                    .map(|(monday, mean)| [day_number(*monday) + 3.0, *mean])
                    .collect();
                plot.line(Line::new("back pain", back).color(palette::REST));
                plot.line(Line::new("leg pain", leg).color(Color32::from_rgb(0x8e, 0x44, 0xad)));
                plot.line(
                    Line::new("weekly mean back pain", weekly)
                        .color(Color32::GRAY)
                        .width(2.5),
                );
                for light in [Light::Green, Light::Amber, Light::Red] {
                    let dots: PlotPoints<'_> = model
                        .lights
                        .iter()
                        .filter(|(_, l, _)| *l == light)
                        .map(|(date, _, worst)| [day_number(*date), f64::from(*worst)])
                        .collect();
                    plot.points(
                        Points::new(format!("{} session (worst pain)", light.name()), dots)
                            .color(light_colour(light))
                            .radius(4.0),
                    );
                }
            });
    });
    actions
}

fn calendar_ui(ui: &mut egui::Ui, weeks: &[CalendarWeek]) {
    ui.strong("Last 12 weeks");
    egui::Grid::new("calendar")
        .spacing(Vec2::new(3.0, 3.0))
        .show(ui, |ui| {
            ui.label("");
            for day in ["M", "T", "W", "T", "F", "S", "S"] {
                ui.label(day);
            }
            ui.label("missed");
            ui.end_row();
            for week in weeks {
                ui.label(week.monday.format("%-d %b").to_string());
                for (i, mark) in week.days.iter().enumerate() {
                    let (colour, text) = match mark {
                        DayMark::Done => (palette::WORK, "done"),
                        DayMark::Partial => (palette::GET_READY, "partial"),
                        DayMark::Rest => (palette::REST, "rest day"),
                        DayMark::Empty => (ui.visuals().faint_bg_color, "nothing recorded"),
                    };
                    let (rect, response) =
                        ui.allocate_exact_size(Vec2::splat(16.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 3.0, colour);
                    let date = week.monday + chrono::Duration::days(i as i64);
                    response.on_hover_text(format!("{}: {text}", date.format("%a %-d %b")));
                }
                ui.label(if week.missed > 0 {
                    week.missed.to_string()
                } else {
                    String::new()
                });
                ui.end_row();
            }
        });
    ui.horizontal_wrapped(|ui| {
        for (colour, text) in [
            (palette::WORK, "done"),
            (palette::GET_READY, "partial"),
            (palette::REST, "rest day"),
        ] {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.small(text);
        }
    });
}
