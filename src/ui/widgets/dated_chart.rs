//! Date charts for the history screen: a plot whose date ticks never repeat and whose y axis
//! names its unit, a legend row above it, lines that break at gaps with a marker on every
//! point, and the chart in words for a screen reader.

use egui::{Color32, RichText, Vec2};
use egui_plot::{GridMark, Line, Plot, PlotPoint, PlotPoints, Points, Text};

use crate::domain::dates::date_of_day_number;
use crate::domain::progress::date_axis::{date_ticks, tick_unit};

/// A chart in words, on request (and always to a screen reader, as the header's name).
pub fn in_words_ui(ui: &mut egui::Ui, id: &str, text: &str) {
    egui::CollapsingHeader::new("The chart in words")
        .id_salt(id)
        .default_open(false)
        .show(ui, |ui| {
            ui.label(text);
        })
        .header_response
        .on_hover_text(text)
        .widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("The chart in words: {text}"),
            )
        });
}

/// How many date labels fit across `width` points.
pub fn date_room(width: f32) -> usize {
    ((width / 85.0) as usize).clamp(2, 14)
}

/// A plot with date ticks that never repeat (day, week, month or year by span), the unit on
/// the y axis, and at least a week shown around a lone point.
pub fn dated_plot<'a>(id: &str, height: f32, room: usize, y_unit: &str, x: (f64, f64)) -> Plot<'a> {
    let (mut min, mut max) = x;
    if max - min < 6.0 {
        let middle = (min + max) / 2.0;
        (min, max) = (middle - 3.5, middle + 3.5);
    }
    Plot::new(id)
        .height(height)
        .x_grid_spacer(move |input| {
            let (lo, hi) = input.bounds;
            let (unit, ticks) = date_ticks(lo, hi, room);
            // A label centred on a tick at the very edge would be cut in half: leave those out.
            let margin = (hi - lo) * 0.04;
            ticks
                .into_iter()
                .filter(|tick| tick.x - lo >= margin && hi - tick.x >= margin)
                .map(|tick| GridMark {
                    value: tick.x,
                    step_size: unit.days() * 100.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, range| {
            let unit = tick_unit(range.end() - range.start(), room);
            date_of_day_number(mark.value).map_or(String::new(), |d| unit.label(d))
        })
        .y_axis_label(y_unit.to_owned())
        .include_x(min)
        .include_x(max)
        .include_y(0.0)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
}

/// A legend row above a chart (never over its data).
pub fn legend_row(ui: &mut egui::Ui, entries: &[(Color32, &str)]) {
    ui.horizontal_wrapped(|ui| {
        for (colour, text) in entries {
            // Swatch and words as one widget: they wrap to the next line together.
            let galley = ui.painter().layout_no_wrap(
                (*text).to_owned(),
                egui::TextStyle::Body.resolve(ui.style()),
                ui.visuals().text_color(),
            );
            let size = Vec2::new(22.0 + galley.size().x, galley.size().y.max(12.0));
            let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
            let swatch = egui::Rect::from_min_size(
                rect.left_center() - Vec2::new(0.0, 2.0),
                Vec2::new(16.0, 4.0),
            );
            ui.painter().rect_filled(swatch, 1.0, *colour);
            ui.painter().galley(
                rect.left_top() + Vec2::new(22.0, (size.y - galley.size().y) / 2.0),
                galley,
                ui.visuals().text_color(),
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, *text));
            ui.add_space(6.0);
        }
    });
}

/// The (min, max) day number of the dates drawn.
pub fn x_span(xs: impl Iterator<Item = f64>) -> (f64, f64) {
    let (min, max) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
        (lo.min(x), hi.max(x))
    });
    if min.is_finite() {
        (min, max)
    } else {
        (0.0, 1.0)
    }
}

/// A line through runs of points (breaking at gaps) with a marker on each point; a lone
/// point also shows its value.
pub fn line_with_markers(
    plot: &mut egui_plot::PlotUi<'_>,
    name: &str,
    colour: Color32,
    points: &[(f64, Option<f64>)],
) {
    for run in points.split(|p| p.1.is_none()) {
        let run: Vec<[f64; 2]> = run.iter().filter_map(|&(x, y)| Some([x, y?])).collect();
        if run.len() > 1 {
            plot.line(
                Line::new(name, PlotPoints::from(run.clone()))
                    .color(colour)
                    .width(2.0),
            );
        }
    }
    let answered: Vec<[f64; 2]> = points.iter().filter_map(|&(x, y)| Some([x, y?])).collect();
    let radius = if answered.len() == 1 {
        6.0
    } else if answered.len() > 200 {
        1.5
    } else {
        3.0
    };
    if let [[x, y]] = answered[..] {
        plot.text(
            Text::new(
                name,
                PlotPoint::new(x, y),
                RichText::new(format!("  {y}")).strong().size(16.0),
            )
            .color(colour)
            .anchor(egui::Align2::LEFT_BOTTOM),
        );
    }
    plot.points(
        Points::new(name, PlotPoints::from(answered))
            .color(colour)
            .radius(radius),
    );
}

/// Grid lines at 0, 2, 4 … 10: the 0–10 scales (pain, the activities' ratings).
pub fn zero_to_ten_grid(_: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    (0..=5)
        .map(|i| egui_plot::GridMark {
            value: f64::from(i * 2),
            step_size: 2.0,
        })
        .collect()
}
