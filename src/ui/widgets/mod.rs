//! Pieces shared by several screens.

pub mod a11y;
pub mod activities_form;
pub mod activity_chart;
pub mod big_digits;
pub mod circuit_list;
pub mod close_dialog;
pub mod countdown_text;
pub mod dated_chart;
pub mod end_session_dialog;
pub mod figure;
pub mod notices;
pub mod pain_scale;
pub mod sound_settings;
pub mod step_figure;
