//! Screens. Each reads state and returns [`Action`]s; the app applies them in one place.

pub mod action;
pub mod checkin_screen;
pub mod file_picker_dialog;
pub mod history_screen;
pub mod home_screen;
pub mod load_error_screen;
pub mod plan_editor;
pub mod plan_preview_screen;
pub mod player_screen;
pub mod recovery_screen;
pub mod session_detail_screen;
pub mod summary_screen;
pub mod theme;
pub mod today_screen;
pub mod widgets;

pub use action::Action;

use egui::Color32;

/// Colours used across screens, chosen to stay readable in light and dark themes.
pub mod palette {
    use super::Color32;
    // Done and warning are the Okabe–Ito bluish green and vermillion, told apart with the
    // common colour-vision deficiencies; every meaning is also in words or a shape.
    pub const WORK: Color32 = Color32::from_rgb(0x00, 0x9e, 0x73);
    pub const REST: Color32 = Color32::from_rgb(0x2b, 0x7b, 0xd6);
    pub const GET_READY: Color32 = Color32::from_rgb(0xe0, 0x8e, 0x0b);
    pub const WARNING: Color32 = Color32::from_rgb(0xd5, 0x5e, 0x00);
    // The player's phases, from the Okabe–Ito palette: told apart with the common
    // colour-vision deficiencies (orange against sky blue; yellow by its lightness), and
    // always named in words as well.
    pub const PHASE_WORK: Color32 = Color32::from_rgb(0xe6, 0x9f, 0x00);
    pub const PHASE_REST: Color32 = Color32::from_rgb(0x56, 0xb4, 0xe9);
    pub const PHASE_GET_READY: Color32 = Color32::from_rgb(0xf0, 0xe4, 0x42);
}

/// "12 min" style estimate from seconds, rounded to the nearest minute (at least 1).
pub fn minutes_text(total_secs: u64) -> String {
    let minutes = (total_secs + 30) / 60;
    format!("{} min", minutes.max(1))
}
