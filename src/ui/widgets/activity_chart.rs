//! History's chart of what the person can do again: the mean of the activities they named
//! (thick) and each activity (thin), 0 to 10 over time, the band of the change that matters
//! around the first mean, gaps where nothing was rated, and the chart in words.

use egui::Color32;
use egui::accesskit::Role;
use egui_plot::{Line, PlotPoints, Polygon};

use crate::domain::care::activities::GlobalChange;
use crate::domain::dates::day_number;
use crate::domain::progress::activity_figures::ActivityFigures;

use super::a11y;
use super::dated_chart::{
    date_room, dated_plot, in_words_ui, legend_row, line_with_markers, x_span, zero_to_ten_grid,
};
use crate::ui::palette;

/// One colour per activity line (Okabe–Ito, told apart with the common colour-vision
/// deficiencies; the lines are also named in the legend and in words).
const ACTIVITY_COLOURS: [Color32; 5] = [
    Color32::from_rgb(0xe6, 0x9f, 0x00),
    Color32::from_rgb(0xcc, 0x79, 0xa7),
    Color32::from_rgb(0x00, 0x9e, 0x73),
    Color32::from_rgb(0x56, 0xb4, 0xe9),
    Color32::from_rgb(0xd5, 0x5e, 0x00),
];

/// The chart with its heading, legend and words; nothing when no activity was rated.
pub fn activity_chart_ui(ui: &mut egui::Ui, figures: &ActivityFigures, height: f32) {
    if figures.means.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        a11y::subheading(ui, "What you can do again");
        ui.label("0 = cannot do it at all, 10 = as well as before");
    });
    let mut legend: Vec<(Color32, &str)> = vec![(palette::CALM, "mean")];
    for (i, series) in figures.series.iter().enumerate() {
        legend.push((ACTIVITY_COLOURS[i % ACTIVITY_COLOURS.len()], &series.name));
    }
    legend.push((band_colour(), "within 2 points of the first mean"));
    if !figures.set_changes.is_empty() {
        legend.push((Color32::GRAY, "the activities changed (dashed line)"));
    }
    legend_row(ui, &legend);
    let room = date_room(ui.available_width());
    let span = x_span(figures.means.iter().map(|(d, _)| day_number(*d)));
    let chart = dated_plot("activity_chart", height, room, "rating 0–10", span)
        .include_y(0.0)
        .include_y(10.0)
        .y_grid_spacer(zero_to_ten_grid)
        .show(ui, |plot| {
            if let Some((low, high)) = figures.band {
                let (from, to) = span;
                let band: PlotPoints<'_> = vec![
                    [from - 1.0, f64::from(low)],
                    [to + 1.0, f64::from(low)],
                    [to + 1.0, f64::from(high)],
                    [from - 1.0, f64::from(high)],
                ]
                .into();
                plot.polygon(
                    Polygon::new("within 2 points of the first mean", band)
                        .fill_color(band_colour())
                        .stroke(egui::Stroke::NONE),
                );
            }
            for (i, series) in figures.series.iter().enumerate() {
                let points: Vec<(f64, Option<f64>)> = series
                    .points
                    .iter()
                    .map(|(d, r)| (day_number(*d), r.map(f64::from)))
                    .collect();
                line_with_markers(
                    plot,
                    &series.name,
                    ACTIVITY_COLOURS[i % ACTIVITY_COLOURS.len()],
                    &points,
                );
            }
            for date in &figures.set_changes {
                plot.vline(
                    egui_plot::VLine::new("the activities changed", day_number(*date))
                        .color(Color32::GRAY)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
            let mean: PlotPoints<'_> = figures
                .means
                .iter()
                .map(|(d, m)| [day_number(*d), f64::from(*m)])
                .collect();
            plot.line(Line::new("mean", mean).color(palette::CALM).width(4.0));
        });
    a11y::name_widget(
        ui,
        chart.response.id,
        Role::Image,
        "Chart of what you can do again. The chart in words follows.",
    );
    in_words_ui(ui, "activities_in_words", &figures.in_words);
}

/// "Compared with when you started, your back is…", on request: the seven answers and Save
/// (the choice waits in egui's memory until saved); the answers given so far under it.
pub fn global_change_request_ui(
    ui: &mut egui::Ui,
    figures: &ActivityFigures,
) -> Option<GlobalChange> {
    let id = egui::Id::unique("global_change_choice");
    let mut choice: Option<GlobalChange> = ui.data(|d| d.get_temp(id)).flatten();
    super::activities_form::global_change_ui(ui, &mut choice);
    ui.data_mut(|d| d.insert_temp(id, choice));
    let save = ui.add_enabled(choice.is_some(), egui::Button::new("Save this answer"));
    for (on, answer) in &figures.global_changes {
        ui.label(format!(
            "{}: {}",
            crate::domain::dates::short_date(*on),
            answer.label()
        ));
    }
    if save.clicked() {
        ui.data_mut(|d| d.remove::<Option<GlobalChange>>(id));
        return choice;
    }
    None
}

fn band_colour() -> Color32 {
    // Visible on black and on white (high contrast and the light theme alike).
    Color32::from_rgba_unmultiplied(0x2b, 0x7b, 0xd6, 90)
}
