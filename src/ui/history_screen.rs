//! Progress over weeks: calendar, adherence, streak, charts, and the list of past sessions.

use crate::platform::file_browser::FilePurpose;
use crate::ui::{Destination, ProgressAction};
use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Color32, RichText, Vec2};
use egui_plot::{Line, PlotPoint, PlotPoints, Points, Text, VLine};

use crate::domain::care::rules::Light;
use crate::domain::dates::day_number;
use crate::domain::plan::timeline::Side;
use crate::domain::progress::adherence::{
    ADHERENCE_MEANS, MISSED_MEANS, PLANNED_MEANS, PeriodTally, STREAK_MEANS,
};
use crate::domain::progress::figures::{
    CalendarWeek, DayMark, DosePoint, PainPoint, dose_in_words, pain_in_words,
};

use super::widgets::a11y;
use super::widgets::dated_chart::{
    date_room, dated_plot, in_words_ui, legend_row, line_with_markers, x_span, zero_to_ten_grid,
};
use super::{Action, palette};

/// Everything the history screen draws, computed once when it opens (built in `app`).
pub struct HistoryModel {
    pub today: NaiveDate,
    pub weeks: Vec<CalendarWeek>,
    /// The week under way.
    pub this_week: PeriodTally,
    pub last_4_weeks: PeriodTally,
    pub since_start: PeriodTally,
    /// The first counted day (`None` before any record).
    pub counted_from: Option<NaiveDate>,
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
    /// What the person can do again: the activities they named, rated over time.
    pub activities: crate::domain::progress::activity_figures::ActivityFigures,
}

fn light_colour(light: Light) -> Color32 {
    match light {
        Light::Green => palette::DONE,
        Light::Amber => palette::CAUTION,
        Light::Red => palette::WARNING,
    }
}

/// Up to this many sessions, the list draws every row (reachable by Tab and a screen reader).
const ALL_ROWS_UP_TO: usize = 500;

pub fn history_ui(ui: &mut egui::Ui, model: &HistoryModel) -> Vec<Action> {
    let mut actions = Vec::new();
    // At most 45 % of the window, so the charts keep room with large text or a small window.
    let side_width = (ui.available_width() * 0.45).min(330.0);
    egui::Panel::left("history_side")
        .resizable(false)
        .exact_size(side_width)
        .show(ui, |ui| {
            a11y::name_region(ui, "Figures and calendar");
            ui.add_space(6.0);
            a11y::screen_heading(ui, RichText::new("History").size(22.0), "history");
            if ui.button("Back to home").clicked() {
                actions.push(Action::Go(Destination::Home));
            }
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("Report…")
                    .on_hover_text("A page for your clinician")
                    .clicked()
                {
                    actions.push(Action::ChooseFile(FilePurpose::SaveReport));
                }
                if ui.button("Export CSV…").clicked() {
                    actions.push(Action::ChooseFile(FilePurpose::SaveCsv));
                }
            });
            ui.separator();
            // The figures, the calendar and the sessions scroll together: at 800×600 they are
            // taller than the window. The session list scrolls in its own box below them.
            egui::ScrollArea::vertical()
                .id_salt("history_side_scroll")
                .show(ui, |ui| side_figures_ui(ui, model, &mut actions));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        a11y::name_region(ui, "Charts");
        let chart_height = ((ui.available_height() - 200.0) / 2.0).max(120.0);
        // A third chart, of the activities the person named, below the other two: the panel
        // scrolls to it.
        egui::ScrollArea::vertical()
            .id_salt("charts")
            .show(ui, |ui| charts_ui(ui, model, chart_height, &mut actions));
    });
    actions
}

/// The figures, the calendar and the list of sessions.
fn side_figures_ui(ui: &mut egui::Ui, model: &HistoryModel, actions: &mut Vec<Action>) {
    figures_ui(ui, model);
    ui.add_space(6.0);
    calendar_ui(ui, &model.weeks);
    ui.separator();
    a11y::subheading(ui, "Sessions");
    if model.session_list.is_empty() {
        ui.label("No sessions yet.");
    }
    // Every row is drawn (so Tab and a screen reader reach each session) unless the list is
    // very long; then only the rows in view are.
    let scroll = egui::ScrollArea::vertical()
        .id_salt("sessions")
        .max_height(320.0);
    let mut row = |ui: &mut egui::Ui, (index, text): &(usize, String)| {
        if ui.link(text).clicked() {
            actions.push(Action::Go(Destination::PastSession(*index)));
        }
    };
    if model.session_list.len() <= ALL_ROWS_UP_TO {
        scroll.show(ui, |ui| model.session_list.iter().for_each(|r| row(ui, r)));
    } else {
        scroll.show_rows(ui, 18.0, model.session_list.len(), |ui, range| {
            model.session_list[range].iter().for_each(|r| row(ui, r));
        });
    }
}

/// The dose chart with its exercise, the pain chart, and the activities chart.
fn charts_ui(
    ui: &mut egui::Ui,
    model: &HistoryModel,
    chart_height: f32,
    actions: &mut Vec<Action>,
) {
    {
        ui.horizontal(|ui| {
            a11y::subheading(ui, "Dose over time:");
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
                            actions.push(Action::Progress(ProgressAction::SelectChartExercise(i)));
                        }
                    }
                });
        });
        dose_chart_ui(ui, model, chart_height);
        let name = model
            .exercises
            .get(model.selected_exercise)
            .map_or("", |(_, name)| name.as_str());
        let first_side = model.dose.first().and_then(|p| p.side);
        let one_side: Vec<_> = model
            .dose
            .iter()
            .filter(|p| p.side == first_side)
            .copied()
            .collect();
        in_words_ui(ui, "dose_in_words", &dose_in_words(name, &one_side));
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            a11y::subheading(ui, "Pain");
            ui.label("at each check-in; markers: the worst pain of a session, by its light");
        });
        pain_chart_ui(ui, model, chart_height);
        in_words_ui(ui, "pain_in_words", &pain_in_words(&model.pain));
        super::widgets::activity_chart::activity_chart_ui(ui, &model.activities, chart_height);
        // Asked at the plan's review date; here, whenever the person wants to say.
        ui.add_space(8.0);
        a11y::subheading(ui, "How has your back changed since you started?");
        let request = super::widgets::activity_chart::global_change_request_ui;
        if let Some(answer) = request(ui, &model.activities) {
            actions.push(Action::Care(crate::ui::CareAction::RecordGlobalChange(
                answer,
            )));
        }
    }
}

fn dose_chart_ui(ui: &mut egui::Ui, model: &HistoryModel, height: f32) {
    let unit = crate::domain::progress::figures::dose_axis_title(&model.dose);
    let per_side = model.dose.iter().any(|p| p.side.is_some());
    let sides: &[(Option<Side>, &str, Color32)] = if per_side {
        &[
            (Some(Side::Left), "left side", palette::DONE),
            (Some(Side::Right), "right side", palette::CALM),
        ]
    } else {
        &[(None, "best set of each session", palette::DONE)]
    };
    let mut legend: Vec<(Color32, &str)> = sides.iter().map(|(_, name, c)| (*c, *name)).collect();
    if !model.dose.is_empty() {
        legend.push((
            palette::CAUTION,
            "ladder step (where it starts and changes)",
        ));
    }
    legend_row(ui, &legend);
    let room = date_room(ui.available_width());
    let span = x_span(model.dose.iter().map(|p| day_number(p.date)));
    let top = model.dose.iter().map(|p| p.amount).fold(0.0, f64::max);
    let chart = dated_plot("dose_chart", height, room, unit, span)
        .include_y(top * 1.2)
        .show(ui, |plot| {
            for (side, name, colour) in sides {
                let points: Vec<(f64, Option<f64>)> = model
                    .dose
                    .iter()
                    .filter(|p| p.side == *side)
                    .map(|p| (day_number(p.date), Some(p.amount)))
                    .collect();
                line_with_markers(plot, name, *colour, &points);
            }
            // Labels of changes close together would print over each other: a label without
            // room (about a twentieth of the span) goes on a second row below; where both
            // rows are taken the line alone shows the change.
            let room_days = (span.1 - span.0) / 20.0;
            let mut last_label: [Option<f64>; 2] = [None, None];
            // The step the line starts at, then each change of step.
            for (change, label) in crate::domain::progress::figures::step_labels(&model.dose) {
                let x = day_number(change.date);
                plot.vline(VLine::new("ladder step", x).color(palette::CAUTION));
                let Some(row) = last_label
                    .iter()
                    .position(|last| last.is_none_or(|last| x - last >= room_days))
                else {
                    continue;
                };
                last_label[row] = Some(x);
                plot.text(
                    Text::new(
                        "ladder step",
                        PlotPoint::new(x, top * (1.15 - 0.08 * row as f64)),
                        RichText::new(label).strong(),
                    )
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
        });
    // Named for a screen reader (egui_plot leaves its focusable area unnamed).
    a11y::name_widget(
        ui,
        chart.response.id,
        Role::Image,
        "Dose over time chart. The chart in words follows.",
    );
}

fn pain_chart_ui(ui: &mut egui::Ui, model: &HistoryModel, height: f32) {
    let leg_colour = Color32::from_rgb(0x8e, 0x44, 0xad);
    let mut legend = vec![(palette::CALM, "back pain"), (leg_colour, "leg pain")];
    if model.weekly_mean.len() > 1 {
        legend.push((Color32::GRAY, "weekly mean back pain"));
    }
    for light in [Light::Green, Light::Amber, Light::Red] {
        if model.lights.iter().any(|(_, l, _)| *l == light) {
            legend.push((
                light_colour(light),
                match light {
                    Light::Green => "green session (diamond)",
                    Light::Amber => "amber session (triangle)",
                    Light::Red => "red session (square)",
                },
            ));
        }
    }
    legend_row(ui, &legend);
    let room = date_room(ui.available_width());
    let span = x_span(
        model
            .pain
            .iter()
            .map(|p| day_number(p.date))
            .chain(model.lights.iter().map(|(d, _, _)| day_number(*d))),
    );
    let chart = dated_plot("pain_chart", height, room, "pain 0–10", span)
        .include_y(10.0)
        .y_grid_spacer(zero_to_ten_grid)
        .show(ui, |plot| {
            let back: Vec<(f64, Option<f64>)> = model
                .pain
                .iter()
                .map(|p| (day_number(p.date), p.back))
                .collect();
            let leg: Vec<(f64, Option<f64>)> = model
                .pain
                .iter()
                .map(|p| (day_number(p.date), p.leg))
                .collect();
            line_with_markers(plot, "back pain", palette::CALM, &back);
            line_with_markers(plot, "leg pain", leg_colour, &leg);
            if model.weekly_mean.len() > 1 {
                let weekly: PlotPoints<'_> = model
                    .weekly_mean
                    .iter()
                    .map(|(monday, mean)| [day_number(*monday) + 3.0, *mean])
                    .collect();
                plot.line(
                    Line::new("weekly mean back pain", weekly)
                        .color(Color32::GRAY)
                        .width(2.5),
                );
            }
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
                        // Told apart by shape as well as colour (amber and red are close
                        // for colour-blind eyes).
                        .shape(match light {
                            Light::Green => egui_plot::MarkerShape::Diamond,
                            Light::Amber => egui_plot::MarkerShape::Up,
                            Light::Red => egui_plot::MarkerShape::Square,
                        })
                        .radius(5.0),
                );
            }
        });
    // Named for a screen reader (egui_plot leaves its focusable area unnamed).
    a11y::name_widget(
        ui,
        chart.response.id,
        Role::Image,
        "Pain chart. The chart in words follows.",
    );
}

/// The adherence figures, each with its definition on hover.
fn figures_ui(ui: &mut egui::Ui, model: &HistoryModel) {
    let week = &model.this_week;
    let target = week
        .weeks
        .last()
        .map_or(model.sessions_per_week, |w| w.target);
    let headline = week.week_headline(target);
    ui.label(RichText::new(headline).size(18.0).strong())
        .on_hover_text(PLANNED_MEANS);
    for (title, tally) in [
        ("Last 4 weeks".to_owned(), &model.last_4_weeks),
        (
            model
                .counted_from
                .map_or("Since you started".to_owned(), |from| {
                    format!("Since {}", from.format("%-d %b %Y"))
                }),
            &model.since_start,
        ),
    ] {
        ui.label(
            RichText::new(format!("{title}: {}", percent_text(tally)))
                .size(16.0)
                .strong(),
        )
        .on_hover_text(ADHERENCE_MEANS);
        ui.label(tally.sentence()).on_hover_text(MISSED_MEANS);
    }
    ui.label(format!(
        "Streak: {} week{} meeting the plan",
        model.streak_weeks,
        if model.streak_weeks == 1 { "" } else { "s" }
    ))
    .on_hover_text(STREAK_MEANS);
}

/// "75 %", or "—" when nothing was planned.
pub fn percent_text(tally: &PeriodTally) -> String {
    tally
        .adherence_percent()
        .map_or("—".to_owned(), |p| format!("{p:.0} %"))
}

fn calendar_ui(ui: &mut egui::Ui, weeks: &[CalendarWeek]) {
    a11y::subheading(ui, "Last 12 weeks");
    // Narrow columns (egui's default minimum is a button's width), so the week's "missed"
    // count fits beside Sunday.
    egui::Grid::new("calendar")
        .min_col_width(16.0)
        .spacing(Vec2::new(6.0, 3.0))
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
                    let text = match mark {
                        DayMark::Done => "session completed",
                        DayMark::Partial => "partial: session ended early",
                        DayMark::Rest => "rest day",
                        DayMark::Empty => "nothing recorded",
                    };
                    let (rect, response) =
                        ui.allocate_exact_size(Vec2::splat(16.0), egui::Sense::hover());
                    paint_day_mark(ui, rect, *mark);
                    let date = week.monday + chrono::Duration::days(i as i64);
                    // Named for a screen reader as it is shown on hover: not colour alone.
                    let name = format!("{}: {text}", date.format("%A %-d %B"));
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
                    response.on_hover_text(name);
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
        for (mark, text) in [
            (DayMark::Done, "completed"),
            (DayMark::Partial, "partial"),
            (DayMark::Rest, "rest day"),
        ] {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), egui::Sense::hover());
            paint_day_mark(ui, rect, mark);
            ui.small(text);
        }
    });
}

/// A calendar day: its colour and a shape, so the meaning never rests on colour alone (a
/// tick for done, half filled for ended early, a ring for a rest day).
fn paint_day_mark(ui: &egui::Ui, rect: egui::Rect, mark: DayMark) {
    let painter = ui.painter();
    match mark {
        DayMark::Done => {
            painter.rect_filled(rect, 3.0, palette::DONE);
            let at = |x: f32, y: f32| rect.lerp_inside(Vec2::new(x, y));
            painter.line(
                vec![at(0.22, 0.52), at(0.42, 0.72), at(0.78, 0.28)],
                egui::Stroke::new(2.0, Color32::WHITE),
            );
        }
        DayMark::Partial => {
            let half = egui::Rect::from_min_max(rect.min, egui::pos2(rect.center().x, rect.max.y));
            painter.rect_filled(half, 3.0, palette::CAUTION);
            painter.rect_stroke(
                rect.shrink(1.0),
                3.0,
                egui::Stroke::new(2.0, palette::CAUTION),
                egui::StrokeKind::Inside,
            );
        }
        DayMark::Rest => {
            painter.circle_stroke(
                rect.center(),
                rect.width() * 0.36,
                egui::Stroke::new(2.0, palette::CALM),
            );
        }
        DayMark::Empty => {
            // Outlined too, so an empty day shows on the high-contrast black.
            painter.rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
            painter.rect_stroke(
                rect,
                3.0,
                ui.visuals().widgets.noninteractive.bg_stroke,
                egui::StrokeKind::Inside,
            );
        }
    }
}
