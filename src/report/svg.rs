//! Stick-figure pictures as SVG, drawn from the catalog's pose data (the same data the app
//! paints), so printouts and the screen always agree.

use std::fmt::Write as _;

use crate::domain::catalog::{Point, Pose, Prop};

use super::html::escape;

const FLOOR_Y: f32 = 57.5;

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
        let _ = write!(
            svg,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#d9820b" stroke-width="1.6" marker-end="url(#arrowhead)"/><defs><marker id="arrowhead" markerWidth="6" markerHeight="6" refX="3" refY="3" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#d9820b"/></marker></defs>"##,
            from.0, from.1, to.0, to.1
        );
    }
    svg.push_str("</svg>");
    svg
}
