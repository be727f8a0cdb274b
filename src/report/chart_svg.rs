//! Line charts as inline SVG for the printed report: markers on every point (a single point
//! shows its value), gaps where an answer is absent, date ticks that never repeat (day, week,
//! month or year by span), the unit on the y axis, the legend above the plot (never over it),
//! and no label cut off at either edge.

use std::fmt::Write as _;

use crate::domain::progress::date_axis::date_ticks;

use super::html::escape;

/// One series: points in date order; `None` is an absent answer and breaks the line.
pub struct Series {
    pub label: String,
    pub colour: &'static str,
    pub points: Vec<(f64, Option<f64>)>,
    pub dashed: bool,
}

/// A coloured dot (e.g. a session's light), with a tooltip.
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub colour: &'static str,
    pub title: String,
}

/// A labelled horizontal line (e.g. the meaningful-change threshold).
pub struct Level {
    pub y: f64,
    pub label: String,
    pub colour: &'static str,
}

/// A labelled vertical line (e.g. a ladder step change).
pub struct Marker {
    pub x: f64,
    pub label: String,
}

/// Everything one chart draws.
pub struct Chart<'a> {
    pub title: &'a str,
    /// The unit of the y axis ("0–10 pain", "seconds").
    pub y_unit: &'a str,
    pub y_max: f64,
    pub series: Vec<Series>,
    /// Shown in the legend under this name, when there are dots.
    pub dots_label: Option<&'a str>,
    pub dots: Vec<Dot>,
    pub levels: Vec<Level>,
    pub markers: Vec<Marker>,
}

const W: f64 = 720.0;
const H: f64 = 250.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 16.0;
const BOTTOM: f64 = 26.0;
/// Rough width of a 10-px label character, to keep labels inside the picture.
const CHAR_W: f64 = 5.6;

/// Where the plot sits in the picture: the dates it spans, its top value and its top edge.
struct Plot {
    x_min_days: f64,
    x_max_days: f64,
    y_max: f64,
    top_px: f64,
}

impl Plot {
    /// The picture x of a date (a day number).
    fn px(&self, x: f64) -> f64 {
        LEFT + (x - self.x_min_days) / (self.x_max_days - self.x_min_days) * (W - LEFT - RIGHT)
    }

    /// The picture y of a value.
    fn py(&self, y: f64) -> f64 {
        self.top_px + (1.0 - y / self.y_max) * (H - self.top_px - BOTTOM)
    }
}

impl Chart<'_> {
    /// The chart as an `<svg>` element.
    pub fn svg(&self) -> String {
        let (x_min_days, x_max_days) = self.x_span_days();
        let y_max = if self.y_max > 0.0 { self.y_max } else { 1.0 };

        let mut svg = String::new();
        let _ = write!(
            svg,
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" aria-label="{t}" class="chart"><title>{t}</title><text x="4" y="14" font-size="12" font-weight="bold">{t}</text>"##,
            t = escape(self.title)
        );
        let top_px = self.write_legend(&mut svg);
        let plot = Plot {
            x_min_days,
            x_max_days,
            y_max,
            top_px,
        };
        self.write_y_axis(&mut svg, &plot);
        write_date_ticks(&mut svg, &plot);
        self.write_levels(&mut svg, &plot);
        self.write_markers(&mut svg, &plot);
        for series in &self.series {
            write_series(&mut svg, series, &plot);
        }
        self.write_dots(&mut svg, &plot);
        svg.push_str("</svg>");
        svg
    }

    /// The first and last date drawn, with a margin so end markers are whole.
    fn x_span_days(&self) -> (f64, f64) {
        let xs = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter(|p| p.1.is_some()).map(|p| p.0))
            .chain(self.dots.iter().map(|d| d.x));
        let (mut x_min, mut x_max) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
        if !x_min.is_finite() {
            (x_min, x_max) = (0.0, 1.0);
        }
        // A single date gets a few days either side; any span a small margin, so end markers
        // are whole.
        if x_max - x_min < 6.0 {
            let middle = (x_min + x_max) / 2.0;
            (x_min, x_max) = (middle - 3.0, middle + 3.0);
        } else {
            let pad = (x_max - x_min) * 0.02;
            (x_min, x_max) = (x_min - pad, x_max + pad);
        }
        (x_min, x_max)
    }

    /// The legend, in rows above the plot; returns the plot's top edge below it.
    fn write_legend(&self, svg: &mut String) -> f64 {
        let mut entries: Vec<(String, &str, &str)> = self
            .series
            .iter()
            .map(|s| {
                (
                    s.label.clone(),
                    s.colour,
                    if s.dashed { "dash" } else { "line" },
                )
            })
            .collect();
        if let (Some(label), Some(dot)) = (self.dots_label, self.dots.first()) {
            entries.push((label.to_owned(), dot.colour, "dot"));
        }
        for level in &self.levels {
            entries.push((level.label.clone(), level.colour, "dash"));
        }
        let (mut lx, mut ly) = (4.0, 30.0);
        for (label, colour, kind) in &entries {
            let width = 22.0 + label.chars().count() as f64 * CHAR_W + 14.0;
            if lx + width > W && lx > 4.0 {
                lx = 4.0;
                ly += 14.0;
            }
            match *kind {
                "dot" => {
                    let _ = write!(
                        svg,
                        r##"<circle cx="{}" cy="{}" r="3.5" fill="{colour}" stroke="#333" stroke-width="0.5"/>"##,
                        lx + 8.0,
                        ly - 3.5
                    );
                }
                kind => {
                    let dash = if kind == "dash" {
                        r#" stroke-dasharray="4 3""#
                    } else {
                        ""
                    };
                    let _ = write!(
                        svg,
                        r##"<line x1="{lx}" y1="{0}" x2="{1}" y2="{0}" stroke="{colour}" stroke-width="2"{dash}/>"##,
                        ly - 3.5,
                        lx + 16.0
                    );
                }
            }
            let _ = write!(
                svg,
                r##"<text x="{}" y="{ly}" font-size="10">{}</text>"##,
                lx + 20.0,
                escape(label)
            );
            lx += width;
        }
        ly + 14.0
    }

    /// The y grid with its values, and the unit along the y axis.
    fn write_y_axis(&self, svg: &mut String, plot: &Plot) {
        let y_max = plot.y_max;
        let step = nice_step(y_max / 5.0);
        let mut y = 0.0;
        while y <= y_max + 1e-9 {
            let _ = write!(
                svg,
                r##"<line x1="{LEFT}" y1="{0:.1}" x2="{1}" y2="{0:.1}" stroke="#ddd"/><text x="{2}" y="{3:.1}" font-size="10" text-anchor="end">{4}</text>"##,
                plot.py(y),
                W - RIGHT,
                LEFT - 4.0,
                plot.py(y) + 3.5,
                (y * 10.0).round() / 10.0
            );
            y += step;
        }
        let mid = (plot.top_px + H - BOTTOM) / 2.0;
        let _ = write!(
            svg,
            r##"<text x="12" y="{mid:.1}" font-size="10" text-anchor="middle" transform="rotate(-90 12 {mid:.1})">{}</text>"##,
            escape(self.y_unit)
        );
    }

    /// Each level as a dashed horizontal line across the plot.
    fn write_levels(&self, svg: &mut String, plot: &Plot) {
        for level in &self.levels {
            let _ = write!(
                svg,
                r##"<line x1="{LEFT}" y1="{0:.1}" x2="{1}" y2="{0:.1}" stroke="{2}" stroke-width="1.5" stroke-dasharray="4 3"/>"##,
                plot.py(level.y.clamp(0.0, plot.y_max)),
                W - RIGHT,
                level.colour
            );
        }
    }

    /// Every marker's line and its label: a label that would run into the previous one goes
    /// on a second row below it, and only where both rows are taken is it left out (the
    /// line stays).
    fn write_markers(&self, svg: &mut String, plot: &Plot) {
        let top_px = plot.top_px;
        let mut row_ends = [f64::NEG_INFINITY; 2];
        for marker in &self.markers {
            let x = plot.px(marker.x);
            let half = marker.label.chars().count() as f64 * CHAR_W / 2.0;
            let _ = write!(
                svg,
                r##"<line x1="{x:.1}" y1="{top_px:.1}" x2="{x:.1}" y2="{0:.1}" stroke="#b07d00" stroke-dasharray="2 2"/>"##,
                H - BOTTOM,
            );
            let centre = x.clamp(LEFT + half, W - RIGHT - half);
            let Some(row) = row_ends.iter().position(|end| centre - half >= end + 4.0) else {
                continue;
            };
            row_ends[row] = centre + half;
            let _ = write!(
                svg,
                r##"<text x="{centre:.1}" y="{0:.1}" font-size="9" fill="#7a5600" text-anchor="middle">{1}</text>"##,
                top_px + 9.0 + 10.0 * row as f64,
                escape(&marker.label)
            );
        }
    }

    /// The dots, each with its tooltip.
    fn write_dots(&self, svg: &mut String, plot: &Plot) {
        for dot in &self.dots {
            let _ = write!(
                svg,
                r##"<circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{}" stroke="#333" stroke-width="0.5"><title>{}</title></circle>"##,
                plot.px(dot.x),
                plot.py(dot.y.clamp(0.0, plot.y_max)),
                dot.colour,
                escape(&dot.title)
            );
        }
    }
}

/// Date ticks under the plot, their labels kept inside the picture.
fn write_date_ticks(svg: &mut String, plot: &Plot) {
    let room = ((W - LEFT - RIGHT) / 70.0) as usize;
    let (_, ticks) = date_ticks(plot.x_min_days, plot.x_max_days, room);
    for tick in ticks {
        let x = plot.px(tick.x);
        let half = tick.label.chars().count() as f64 * CHAR_W / 2.0;
        let anchor_x = x.clamp(half + 2.0, W - half - 2.0);
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" y1="{0:.1}" x2="{x:.1}" y2="{1:.1}" stroke="#999"/><text x="{anchor_x:.1}" y="{2:.1}" font-size="10" text-anchor="middle">{3}</text>"##,
            H - BOTTOM,
            H - BOTTOM + 4.0,
            H - BOTTOM + 15.0,
            escape(&tick.label)
        );
    }
}

/// One series: its line in runs of answered points, its markers, and a lone point's value.
fn write_series(svg: &mut String, series: &Series, plot: &Plot) {
    let dash = if series.dashed {
        r#" stroke-dasharray="5 3""#
    } else {
        ""
    };
    // Runs of answered points, broken where an answer is absent.
    for run in series.points.split(|p| p.1.is_none()) {
        if run.len() > 1 {
            let points: Vec<String> = run
                .iter()
                .filter_map(|&(x, y)| Some(format!("{:.1},{:.1}", plot.px(x), plot.py(y?))))
                .collect();
            let _ = write!(
                svg,
                r##"<polyline points="{}" fill="none" stroke="{}" stroke-width="1.8"{dash}/>"##,
                points.join(" "),
                series.colour
            );
        }
    }
    let answered: Vec<(f64, f64)> = series
        .points
        .iter()
        .filter_map(|&(x, y)| Some((x, y?)))
        .collect();
    // Markers while they stay apart; a lone point also gets its value.
    if answered.len() <= 120 {
        for &(x, y) in &answered {
            let _ = write!(
                svg,
                r##"<circle cx="{:.1}" cy="{:.1}" r="{}" fill="{}"/>"##,
                plot.px(x),
                plot.py(y),
                if answered.len() == 1 { 4.5 } else { 2.6 },
                series.colour
            );
        }
    }
    if let [(x, y)] = answered[..] {
        let _ = write!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="11" font-weight="bold" fill="{}">{}</text>"##,
            plot.px(x) + 7.0,
            plot.py(y) - 6.0,
            series.colour,
            (y * 10.0).round() / 10.0
        );
    }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::day_number;

    fn day(text: &str) -> f64 {
        day_number(text.parse().expect("date"))
    }

    fn chart(points: Vec<(f64, Option<f64>)>) -> String {
        Chart {
            title: "Pain",
            y_unit: "0–10 pain",
            y_max: 10.0,
            series: vec![Series {
                label: "back pain".into(),
                colour: "#2b7bd6",
                points,
                dashed: false,
            }],
            dots_label: None,
            dots: Vec::new(),
            levels: Vec::new(),
            markers: Vec::new(),
        }
        .svg()
    }

    #[test]
    fn a_single_point_is_a_clear_marker_with_its_value() {
        let svg = chart(vec![(day("2026-12-01"), Some(3.0))]);
        assert!(svg.contains(r#"r="4.5""#), "a big marker");
        assert!(svg.contains(">3</text>"), "its value");
        assert_eq!(svg.matches(">1 Dec</text>").count(), 1, "its date, once");
    }

    #[test]
    fn an_absent_answer_breaks_the_line_and_is_never_drawn_at_zero() {
        let svg = chart(vec![
            (day("2026-12-01"), Some(3.0)),
            (day("2026-12-02"), Some(4.0)),
            (day("2026-12-03"), None),
            (day("2026-12-04"), Some(3.0)),
            (day("2026-12-05"), Some(2.0)),
        ]);
        assert_eq!(svg.matches("<polyline").count(), 2, "two runs");
        assert_eq!(svg.matches("<circle").count(), 4, "four answers");
    }

    #[test]
    fn date_labels_never_repeat_and_stay_inside_the_picture() {
        for days in [1, 3, 30, 365, 3650] {
            let start = day("2017-01-01");
            let points = (0..days)
                .map(|n| (start + f64::from(n), Some(3.0)))
                .collect();
            let svg = chart(points);
            let labels: Vec<&str> = svg
                .split(r#"text-anchor="middle">"#)
                .skip(1)
                .filter_map(|rest| rest.split('<').next())
                .filter(|l| !l.contains("pain"))
                .collect();
            let mut unique = labels.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), labels.len(), "{days} days: {labels:?}");
            assert!(!labels.is_empty());
        }
    }
}
