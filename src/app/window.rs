//! The window part: full screen, the About box, and closing (asking first when work is not
//! saved; see `rescue.rs` for what is kept whatever the answer).

use crate::domain::session::record::SessionRecord;
use crate::ui::WindowAction;

use super::StrongbackApp;

/// Window-level state.
#[derive(Default)]
pub(super) struct WindowState {
    /// Frames drawn since start, logged at exit (for measuring idle and timer cost).
    pub frames_drawn: u64,
    /// F11 or the Full screen button was pressed: toggle at the end of the frame.
    pub full_screen_toggle: bool,
    /// The About box is open.
    pub about_open: bool,
    /// The window was closed with work not saved: asking what to do.
    pub asking_to_close: bool,
    /// "Close anyway": the next close request is let through.
    pub close_confirmed: bool,
    /// "Close anyway" was pressed: close at the end of the frame.
    pub close_now: bool,
    /// What is not saved was written to `rescue.ron` when the close was asked for.
    pub rescued: bool,
    /// The app has asked the window to close (Ctrl+Q, "Close anyway").
    pub close_sent: bool,
}

impl StrongbackApp {
    pub(super) fn apply_window_action(&mut self, action: WindowAction) {
        match action {
            WindowAction::DismissNotice(index) => self.notices.dismiss(index),
            WindowAction::ToggleFullScreen => self.window.full_screen_toggle = true,
            WindowAction::ShowAbout => self.window.about_open = true,
            WindowAction::CloseAbout => self.window.about_open = false,
            WindowAction::KeepOpen => self.window.asking_to_close = false,
            WindowAction::Quit => self.window.close_now = true,
            WindowAction::CloseAnyway => {
                self.window.asking_to_close = false;
                self.window.close_confirmed = true;
                self.window.close_now = true;
            }
        }
    }

    /// Whether anything the person did is kept only in memory (its save failed).
    pub fn has_unsaved_work(&self) -> bool {
        !self.workout.unsaved_records.is_empty() || !self.care.unsaved_dates.is_empty()
    }

    /// Whether the app has asked the window to close (the desktop then sends the close
    /// request, which asks first when work is not saved).
    pub fn has_asked_to_close(&self) -> bool {
        self.window.close_sent
    }

    /// Whether the window is asking before closing with work not saved.
    pub fn asking_to_close(&self) -> bool {
        self.window.asking_to_close
    }

    /// Sessions that could not be saved and are kept in memory.
    pub fn unsaved_sessions(&self) -> &[SessionRecord] {
        &self.workout.unsaved_records
    }
}
