//! Stick-figure drawings of body positions, drawn from the catalog's pose data.

use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use crate::domain::plan::catalog::{Point, Pose, Prop};

/// Pose coordinates live in a 100 × 60 box.
const POSE_BOX: Vec2 = Vec2::new(100.0, 60.0);
const FLOOR_Y: f32 = 56.0;

/// Draw `pose` filling `size`; `mirrored` flips it left-right (for the right side).
/// `description` is what a screen reader says for the picture.
pub fn figure_ui(ui: &mut egui::Ui, pose: &Pose, size: Vec2, mirrored: bool, description: &str) {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, description));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let ink = visuals.strong_text_color();
    let faint = visuals.weak_text_color();
    let prop_fill = visuals.faint_bg_color;
    let halo = visuals.panel_fill;
    let scale = (rect.width() / POSE_BOX.x).min(rect.height() / POSE_BOX.y);
    let origin = rect.center() - POSE_BOX * scale / 2.0;
    let map = |(x, y): Point| -> Pos2 {
        let x = if mirrored { POSE_BOX.x - x } else { x };
        origin + Vec2::new(x, y) * scale
    };
    let painter = ui.painter_at(rect);
    let limb = Stroke::new((3.2 * scale).max(2.0), ink);

    painter.line_segment(
        [map((2.0, FLOOR_Y + 1.5)), map((98.0, FLOOR_Y + 1.5))],
        Stroke::new(1.5, faint),
    );
    for prop in &pose.props {
        match *prop {
            Prop::Ball { center, radius } => {
                painter.circle(
                    map(center),
                    radius * scale,
                    prop_fill,
                    Stroke::new(2.0, faint),
                );
            }
            Prop::Bench { top_left, size } => {
                let a = map(top_left);
                let b = map((top_left.0 + size.0, top_left.1 + size.1));
                painter.rect_filled(Rect::from_two_pos(a, b), 2.0, faint);
            }
            Prop::Dowel { from, to } => {
                painter.line_segment([map(from), map(to)], Stroke::new(2.0 * scale, faint));
            }
        }
    }
    for line in &pose.lines {
        let points: Vec<Pos2> = line.iter().copied().map(map).collect();
        // Segment by segment with a dot on every joint: round joins, as in the printed
        // pictures, where a polyline's mitre would cut a sharp knee or elbow off flat.
        for pair in points.windows(2) {
            painter.line_segment([pair[0], pair[1]], limb);
        }
        for joint in points {
            painter.circle_filled(joint, limb.width * 0.5, ink);
        }
    }
    painter.circle_filled(map(pose.head), 4.2 * scale, ink);
    if let Some((from, to)) = pose.arrow {
        draw_arrow(&painter, map(from), map(to), scale, halo);
    }
}

/// The movement arrow from `from` to the tip of its head at `to`: a thick shaft and a broad
/// filled triangular head (the same shape as the printed pictures), never so small that it
/// reads as a "1" in a thumbnail. A halo in the background colour keeps it apart where it
/// crosses the figure.
fn draw_arrow(painter: &egui::Painter, from: Pos2, to: Pos2, scale: f32, halo: Color32) {
    let amber = Color32::from_rgb(0xe0, 0x8e, 0x0b);
    let along = to - from;
    let length = along.length();
    if length.is_nan() || length < 1.0 {
        return;
    }
    let unit = along / length;
    let across = unit.rot90();
    // In pose units: shaft 3 wide, head 8 long and 11 wide; with floors for thumbnails.
    let head = (8.0 * scale).max(7.0).min(length);
    let half = head * 5.5 / 8.0;
    let shaft = (3.0 * scale).max(2.5);
    let base = to - unit * head;
    let tip = [to, base + across * half, base - across * half];
    let shaft_end = to - unit * head * 0.6;
    painter.line_segment([from, shaft_end], Stroke::new(shaft + 2.0, halo));
    painter.circle_filled(from, shaft * 0.5 + 1.0, halo);
    painter.add(Shape::convex_polygon(
        tip.to_vec(),
        halo,
        Stroke::new(2.0, halo),
    ));
    painter.line_segment([from, shaft_end], Stroke::new(shaft, amber));
    painter.circle_filled(from, shaft * 0.5, amber);
    painter.add(Shape::convex_polygon(tip.to_vec(), amber, Stroke::NONE));
}
