//! Pictures as SVG, from the same shapes the app paints (`domain::plan::figure::parts`), so
//! printouts and the screen always agree.

use std::fmt::Write as _;

use crate::domain::plan::figure::parts::{HALO, Mark, Part, Tone, ViewBox, limb_outline};

use super::html::escape;

/// The printed colour of each kind of shape (black on white, for any printer).
fn colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Floor => "#888",
        Tone::Mat => "#9cc9c4",
        Tone::Prop => "#c4c4c4",
        Tone::Accent => "#b0602a",
        Tone::FarLimb => "#8a8a8a",
        Tone::Body => "#222",
        Tone::Arrow => "#d9820b",
    }
}

/// An SVG picture of `parts`, showing the `view` part of the picture box. `title` is its
/// accessible description.
pub fn picture_svg(parts: &[Part], view: ViewBox, title: &str) -> String {
    let mut svg = String::new();
    let ((left, top), (right, bottom)) = view;
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.2} {top:.2} {:.2} {:.2}" role="img" aria-label="{t}"><title>{t}</title>"##,
        right - left,
        bottom - top,
        t = escape(title)
    );
    for part in parts {
        if part.halo {
            svg.push_str(r##"<g fill="#fff">"##);
            for mark in &part.marks {
                mark_svg(&mut svg, mark, HALO);
            }
            svg.push_str("</g>");
        }
        let _ = write!(svg, r##"<g fill="{}">"##, colour(part.tone));
        for mark in &part.marks {
            mark_svg(&mut svg, mark, 0.0);
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// One mark, grown by `grow` on every side, filled with its group's colour.
fn mark_svg(svg: &mut String, mark: &Mark, grow: f32) {
    let circle = |svg: &mut String, (x, y): (f32, f32), r: f32| {
        let _ = write!(svg, r#"<circle cx="{x:.2}" cy="{y:.2}" r="{r:.2}"/>"#);
    };
    match mark.grown(grow) {
        Mark::Limb {
            from,
            to,
            from_radius,
            to_radius,
        } => {
            let outline = limb_outline(from, to, from_radius, to_radius);
            if !outline.is_empty() {
                polygon(svg, &outline);
            }
            circle(svg, from, from_radius);
            circle(svg, to, to_radius);
        }
        Mark::Disc { center, radius } => circle(svg, center, radius),
        Mark::Block { min, max, rounding } => {
            let _ = write!(
                svg,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}"/>"#,
                min.0,
                min.1,
                max.0 - min.0,
                max.1 - min.1,
                rounding
            );
        }
        Mark::Triangle(points) => {
            if grow > 0.0 {
                let _ = write!(
                    svg,
                    r##"<polygon stroke="#fff" stroke-width="{:.2}" stroke-linejoin="round" points="{}"/>"##,
                    grow * 2.0,
                    points_text(&points)
                );
            } else {
                polygon(svg, &points);
            }
        }
    }
}

fn polygon(svg: &mut String, points: &[(f32, f32)]) {
    let _ = write!(svg, r#"<polygon points="{}"/>"#, points_text(points));
}

fn points_text(points: &[(f32, f32)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x:.2},{y:.2}"))
        .collect::<Vec<_>>()
        .join(" ")
}
