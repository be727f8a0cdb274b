//! The look: the standard egui themes (following the system's light or dark), or a
//! high-contrast theme for low vision: white on black, every control outlined, yellow for
//! the pointer and the keyboard focus.

use egui::{Color32, Stroke, Theme, ThemePreference, Visuals};

/// White text and outlines on black; hovered and focused controls in yellow.
pub fn high_contrast() -> Visuals {
    let mut visuals = Visuals::dark();
    let white = Color32::WHITE;
    let yellow = Color32::from_rgb(0xff, 0xe0, 0x00);
    visuals.override_text_color = Some(white);
    visuals.weak_text_color = Some(Color32::from_gray(225));
    visuals.panel_fill = Color32::BLACK;
    visuals.window_fill = Color32::BLACK;
    visuals.extreme_bg_color = Color32::BLACK;
    visuals.faint_bg_color = Color32::from_gray(20);
    visuals.window_stroke = Stroke::new(2.0, white);
    visuals.hyperlink_color = yellow;
    let widgets = &mut visuals.widgets;
    widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(200));
    widgets.noninteractive.fg_stroke = Stroke::new(1.0, white);
    for (state, stroke) in [
        (&mut widgets.inactive, Stroke::new(1.5, white)),
        (&mut widgets.hovered, Stroke::new(2.5, yellow)),
        (&mut widgets.active, Stroke::new(3.0, yellow)),
        (&mut widgets.open, Stroke::new(2.0, white)),
    ] {
        // Buttons (weak fill) stay black; slider rails and check boxes (fill) are grey, so
        // they show against the black panel.
        state.bg_fill = Color32::from_gray(110);
        state.weak_bg_fill = Color32::BLACK;
        state.bg_stroke = stroke;
        state.fg_stroke = Stroke::new(1.5, white);
    }
    visuals.selection.bg_fill = Color32::from_rgb(0x00, 0x4f, 0xb0);
    visuals.selection.stroke = Stroke::new(2.0, white);
    visuals
}

/// The standard theme, with a keyboard focus ring anyone can see: egui draws the focused
/// control with its "active" outline, 1 px by default; here 2.5 px, at least 3:1 against the
/// panel (light blue on the dark theme, dark blue on the light one).
pub fn standard(theme: Theme) -> Visuals {
    let (mut visuals, ring) = match theme {
        Theme::Dark => (Visuals::dark(), Color32::from_rgb(0x9c, 0xd3, 0xff)),
        Theme::Light => (Visuals::light(), Color32::from_rgb(0x00, 0x4f, 0xb0)),
    };
    visuals.widgets.active.bg_stroke = Stroke::new(2.5, ring);
    visuals
}

/// Use the high-contrast theme, or give the standard themes (and the system's choice) back.
pub fn apply(ctx: &egui::Context, high_contrast_on: bool) {
    if high_contrast_on {
        ctx.set_visuals_of(Theme::Dark, high_contrast());
        ctx.set_theme(ThemePreference::Dark);
    } else {
        ctx.set_visuals_of(Theme::Dark, standard(Theme::Dark));
        ctx.set_visuals_of(Theme::Light, standard(Theme::Light));
        ctx.set_theme(ThemePreference::System);
    }
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(colour: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_focus_ring_is_2_px_and_3_to_1_in_every_theme() {
        for visuals in [
            standard(Theme::Dark),
            standard(Theme::Light),
            high_contrast(),
        ] {
            let ring = visuals.widgets.active.bg_stroke;
            assert!(ring.width >= 2.0, "{ring:?}");
            for background in [visuals.panel_fill, visuals.window_fill] {
                let ratio = contrast(ring.color, background);
                assert!(ratio >= 3.0, "{ring:?} on {background:?}: {ratio:.2}:1");
            }
        }
    }
}
