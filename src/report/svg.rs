//! Stick-figure pictures as SVG, drawn from the catalog's pose data (the same data the app
//! paints), so printouts and the screen always agree.

use std::fmt::Write as _;

use crate::domain::plan::catalog::{Point, Pose, Prop};

use super::html::escape;

const FLOOR_Y: f32 = 57.5;

/// The movement arrow, in pose units: a thick shaft and a broad filled head, so that even at
/// thumbnail size (56 px wide) it reads as an arrow and not as a "1".
const ARROW_COLOUR: &str = "#d9820b";
const ARROW_SHAFT_WIDTH: f32 = 3.0;
const ARROW_HEAD_LENGTH: f32 = 8.0;
const ARROW_HEAD_HALF_WIDTH: f32 = 5.5;

/// An SVG picture of `pose` in a 100 × 60 view box. `title` is its accessible description.
pub fn pose_svg(pose: &Pose, title: &str) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 60" role="img" aria-label="{t}"><title>{t}</title>"##,
        t = escape(title)
    );
    let _ = write!(
        svg,
        r##"<line x1="2" y1="{FLOOR_Y}" x2="98" y2="{FLOOR_Y}" stroke="#999" stroke-width="0.8"/>"##
    );
    for prop in &pose.props {
        match *prop {
            Prop::Ball { center, radius } => {
                let _ = write!(
                    svg,
                    r##"<circle cx="{}" cy="{}" r="{radius}" fill="#eee" stroke="#888" stroke-width="1"/>"##,
                    center.0, center.1
                );
            }
            Prop::Bench { top_left, size } => {
                let _ = write!(
                    svg,
                    r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#bbb"/>"##,
                    top_left.0, top_left.1, size.0, size.1
                );
            }
            Prop::Dowel { from, to } => {
                let _ = write!(
                    svg,
                    r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#a0703c" stroke-width="2" stroke-linecap="round"/>"##,
                    from.0, from.1, to.0, to.1
                );
            }
        }
    }
    for line in &pose.lines {
        let points: Vec<String> = line.iter().map(|&(x, y)| format!("{x},{y}")).collect();
        let _ = write!(
            svg,
            r##"<polyline points="{}" fill="none" stroke="#222" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>"##,
            points.join(" ")
        );
    }
    let (hx, hy): Point = pose.head;
    let _ = write!(
        svg,
        r##"<circle cx="{hx}" cy="{hy}" r="4.2" fill="#222"/>"##
    );
    if let Some((from, to)) = pose.arrow {
        svg.push_str(&arrow_svg(from, to));
    }
    svg.push_str("</svg>");
    svg
}

/// The movement arrow from `from` to the tip of its head at `to`: a shaft and a filled
/// triangular head, outlined in white so that it stands apart where it crosses the figure.
fn arrow_svg(from: Point, to: Point) -> String {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = dx.hypot(dy);
    if length.is_nan() || length <= 0.0 {
        return String::new();
    }
    let (ux, uy) = (dx / length, dy / length);
    // A short arrow is all head, still a clear triangle.
    let head = ARROW_HEAD_LENGTH.min(length);
    let half = ARROW_HEAD_HALF_WIDTH * head / ARROW_HEAD_LENGTH;
    let base = (to.0 - ux * head, to.1 - uy * head);
    let left = (base.0 - uy * half, base.1 + ux * half);
    let right = (base.0 + uy * half, base.1 - ux * half);
    let shaft_end = (to.0 - ux * head * 0.6, to.1 - uy * head * 0.6);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<g class="arrow" fill="{ARROW_COLOUR}" stroke-linecap="round" stroke-linejoin="round">"##
    );
    // White halo first, then the arrow itself.
    for (stroke, extra) in [("#fff", 1.6), (ARROW_COLOUR, 0.0)] {
        let _ = write!(
            svg,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{stroke}" stroke-width="{:.1}"/><polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" stroke="{stroke}" stroke-width="{:.1}"/>"##,
            from.0,
            from.1,
            shaft_end.0,
            shaft_end.1,
            ARROW_SHAFT_WIDTH + extra,
            to.0,
            to.1,
            left.0,
            left.1,
            right.0,
            right.1,
            0.6 + extra,
        );
    }
    svg.push_str("</g>");
    svg
}
