//! Paints a picture's shapes (`domain::plan::figure::parts`) with egui, in the theme's colours.

use egui::{Color32, Pos2, Sense, Shape, Stroke, Vec2};

use crate::domain::plan::figure::Point;
use crate::domain::plan::figure::parts::{HALO, Mark, Part, Tone, ViewBox, limb_outline};

/// Draw `parts` filling `size`, keeping the picture's proportions. `description` is what a
/// screen reader says for the picture.
pub fn figure_ui(ui: &mut egui::Ui, parts: &[Part], view: ViewBox, size: Vec2, description: &str) {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, description));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let background = visuals.panel_fill;
    let ink = visuals.strong_text_color();
    let colour = |tone: Tone| match tone {
        Tone::Floor => visuals.weak_text_color(),
        Tone::Mat => mix(background, Color32::from_rgb(0x3f, 0x8f, 0x8a), 0.45),
        Tone::Prop => mix(background, visuals.text_color(), 0.35),
        Tone::Accent => Color32::from_rgb(0xc0, 0x6a, 0x2b),
        Tone::FarLimb => mix(background, ink, 0.5),
        Tone::Body => ink,
        Tone::Arrow => Color32::from_rgb(0xe0, 0x8e, 0x0b),
    };
    // The part of the picture box in `view` fills the rect, in proportion.
    let ((left, top), (right, bottom)) = view;
    let box_size = Vec2::new((right - left).max(1.0), (bottom - top).max(1.0));
    let scale = (rect.width() / box_size.x).min(rect.height() / box_size.y);
    let origin = rect.center() - box_size * scale / 2.0 - Vec2::new(left, top) * scale;
    let map = |(x, y): Point| -> Pos2 { origin + Vec2::new(x, y) * scale };
    let painter = ui.painter_at(rect);
    // A halo never thinner than a pixel, so parts stay apart in a thumbnail.
    let halo = (HALO * scale).max(1.0) / scale;
    for part in parts {
        if part.halo {
            for mark in &part.marks {
                paint(&painter, mark, halo, background, map, scale);
            }
        }
        let fill = colour(part.tone);
        for mark in &part.marks {
            paint(&painter, mark, 0.0, fill, map, scale);
        }
    }
}

/// Paint one mark, grown by `grow` picture units on every side.
fn paint(
    painter: &egui::Painter,
    mark: &Mark,
    grow: f32,
    fill: Color32,
    map: impl Fn(Point) -> Pos2,
    scale: f32,
) {
    match mark.grown(grow) {
        Mark::Limb {
            from,
            to,
            from_radius,
            to_radius,
        } => {
            let outline: Vec<Pos2> = limb_outline(from, to, from_radius, to_radius)
                .into_iter()
                .map(&map)
                .collect();
            if outline.len() > 2 {
                painter.add(Shape::convex_polygon(outline, fill, Stroke::NONE));
            }
            painter.circle_filled(map(from), from_radius * scale, fill);
            painter.circle_filled(map(to), to_radius * scale, fill);
        }
        Mark::Disc { center, radius } => {
            painter.circle_filled(map(center), radius * scale, fill);
        }
        Mark::Block { min, max, rounding } => {
            let rect = egui::Rect::from_two_pos(map(min), map(max));
            painter.rect_filled(rect, rounding * scale, fill);
        }
        Mark::Triangle(points) => {
            let points: Vec<Pos2> = points.into_iter().map(&map).collect();
            let stroke = if grow > 0.0 {
                Stroke::new(grow * 2.0 * scale, fill)
            } else {
                Stroke::NONE
            };
            painter.add(Shape::convex_polygon(points, fill, stroke));
        }
    }
}

/// `a` moved `t` of the way toward `b`.
fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let channel = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(
        channel(a.r(), b.r()),
        channel(a.g(), b.g()),
        channel(a.b(), b.b()),
    )
}
