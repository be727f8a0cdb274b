//! A countdown drawn as seven-segment shapes, so it can fill a third of any window without
//! growing egui's font atlas: text at hundreds of pixels would add every glyph at every size
//! the window ever had, while these are a handful of filled polygons at any size.

use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2};

/// Width of one digit as a share of its height.
const DIGIT_WIDTH: f32 = 0.52;
/// Gap between characters as a share of the height.
const GAP: f32 = 0.1;
/// Width of a colon as a share of the height.
const COLON_WIDTH: f32 = 0.2;
/// Thickness of a segment as a share of the height.
const THICKNESS: f32 = 0.11;

/// The width `text` (digits and colons) takes when drawn `height_px` tall.
pub fn text_width(text: &str, height_px: f32) -> f32 {
    let mut width = 0.0;
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            width += GAP;
        }
        width += if c == ':' { COLON_WIDTH } else { DIGIT_WIDTH };
    }
    width * height_px
}

/// Draws `text` (digits, colons; anything else is left blank) centred in a space of `size`,
/// as tall as fits. `spoken` is what a screen reader reads for it ("45 seconds left").
pub fn big_digits_ui(ui: &mut egui::Ui, text: &str, size: Vec2, colour: Color32, spoken: &str) {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, spoken));
    if !ui.is_rect_visible(rect) || text.is_empty() {
        return;
    }
    let height = size
        .y
        .min(size.x / (text_width(text, 1.0)).max(f32::EPSILON));
    let total = text_width(text, height);
    let mut x = rect.center().x - total / 2.0;
    let top = rect.center().y - height / 2.0;
    let unlit = colour.gamma_multiply(0.05);
    let painter = ui.painter_at(rect);
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            x += GAP * height;
        }
        if c == ':' {
            let r = THICKNESS * height * 0.62;
            let cx = x + COLON_WIDTH * height / 2.0;
            painter.circle_filled(Pos2::new(cx, top + height * 0.32), r, colour);
            painter.circle_filled(Pos2::new(cx, top + height * 0.68), r, colour);
            x += COLON_WIDTH * height;
            continue;
        }
        let cell = Rect::from_min_size(Pos2::new(x, top), Vec2::new(DIGIT_WIDTH * height, height));
        let lit = segments_of(c);
        for (segment, shape) in segment_shapes(cell).into_iter().enumerate() {
            let on = lit & (1 << segment) != 0;
            painter.add(Shape::convex_polygon(
                shape,
                if on { colour } else { unlit },
                Stroke::NONE,
            ));
        }
        x += DIGIT_WIDTH * height;
    }
}

/// Which of the segments a–g (bits 0–6) a character lights.
fn segments_of(c: char) -> u8 {
    match c {
        '0' => 0b011_1111,
        '1' => 0b000_0110,
        '2' => 0b101_1011,
        '3' => 0b100_1111,
        '4' => 0b110_0110,
        '5' => 0b110_1101,
        '6' => 0b111_1101,
        '7' => 0b000_0111,
        '8' => 0b111_1111,
        '9' => 0b110_1111,
        '-' => 0b100_0000,
        _ => 0,
    }
}

/// The seven segments of a digit cell: a (top), b (top right), c (bottom right), d (bottom),
/// e (bottom left), f (top left), g (middle), each a six-sided bar with pointed ends.
fn segment_shapes(cell: Rect) -> [Vec<Pos2>; 7] {
    let t = THICKNESS * cell.height();
    let gap = t * 0.12;
    let (left, right) = (cell.left() + t / 2.0, cell.right() - t / 2.0);
    let (top, middle, bottom) = (
        cell.top() + t / 2.0,
        cell.center().y,
        cell.bottom() - t / 2.0,
    );
    let across = |y: f32| bar(Pos2::new(left + gap, y), Pos2::new(right - gap, y), t);
    let down =
        |x: f32, from: f32, to: f32| bar(Pos2::new(x, from + gap), Pos2::new(x, to - gap), t);
    [
        across(top),
        down(right, top, middle),
        down(right, middle, bottom),
        across(bottom),
        down(left, middle, bottom),
        down(left, top, middle),
        across(middle),
    ]
}

/// A bar of thickness `t` from `a` to `b` (horizontal or vertical) with pointed ends.
fn bar(a: Pos2, b: Pos2, t: f32) -> Vec<Pos2> {
    let half = t / 2.0;
    if (a.y - b.y).abs() < f32::EPSILON {
        vec![
            a,
            Pos2::new(a.x + half, a.y - half),
            Pos2::new(b.x - half, b.y - half),
            b,
            Pos2::new(b.x - half, b.y + half),
            Pos2::new(a.x + half, a.y + half),
        ]
    } else {
        vec![
            a,
            Pos2::new(a.x + half, a.y + half),
            Pos2::new(b.x + half, b.y - half),
            b,
            Pos2::new(b.x - half, b.y - half),
            Pos2::new(a.x - half, a.y + half),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_digit_lights_a_different_set_of_segments() {
        let lit: Vec<u8> = ('0'..='9').map(segments_of).collect();
        for (i, a) in lit.iter().enumerate() {
            assert_ne!(*a, 0, "digit {i} lights nothing");
            for b in &lit[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn width_grows_with_height_and_characters() {
        assert!((text_width("45", 100.0) - 114.0).abs() < 0.01);
        assert!(text_width("1:05", 100.0) > text_width("105", 100.0));
    }
}
