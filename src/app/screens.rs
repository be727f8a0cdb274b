//! Which screen is showing, and the view model each screen is drawn from. Screens only read
//! these models and return actions.

use crate::domain::care::answers::SessionAnswers;
use crate::domain::care::rules::{DayDecision, Light};
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::session::record::{InProgressSession, SessionRecord};
use crate::store::ron_file::FileProblems;
use crate::ui::checkin_screen::CheckInDraft;
use crate::ui::history_screen::HistoryModel;

/// Which screen is showing (for tests and the window title).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenKind {
    Home,
    Player,
    Summary,
    Recovery,
    LoadError,
    PlanPreview,
    PlanRejected,
    CheckIn,
    /// After the check-in: what the rules made of it, before starting.
    Today,
    History,
    SessionDetail,
    PlanEditor,
    /// The computer's date is earlier than the newest record.
    ClockBehind,
    /// The training reminder's settings.
    Reminders,
}

impl ScreenKind {
    /// The screen's name, as the window's accessible name says it ("Strongback: Check-in").
    pub fn title(self) -> &'static str {
        match self {
            ScreenKind::Home => "Home",
            ScreenKind::Player => "Session",
            ScreenKind::Summary => "Session finished",
            ScreenKind::Recovery => "Unfinished session",
            ScreenKind::LoadError => "Cannot start",
            ScreenKind::PlanPreview => "Open plan",
            ScreenKind::PlanRejected => "Plan not usable",
            ScreenKind::CheckIn => "Check-in",
            ScreenKind::Today => "Today",
            ScreenKind::History => "History",
            ScreenKind::SessionDetail => "Past session",
            ScreenKind::PlanEditor => "Plan editor",
            ScreenKind::ClockBehind => "Check the date",
            ScreenKind::Reminders => "Reminders",
        }
    }
}

/// The screen showing, with the state only it needs.
pub(super) enum Screen {
    Home,
    Player,
    Summary(Box<SummaryState>),
    CheckIn(Box<CheckInDraft>),
    /// The day's decision after the check-in; the answers, to change them.
    Today(Box<CheckInDraft>),
    History(Box<HistoryModel>),
    SessionDetail {
        index: usize,
        decision: Option<DayDecision>,
        /// The session's light, found once when the screen opens.
        light: Option<Light>,
    },
    Recovery(Box<InProgressSession>),
    LoadError(FileProblems),
    /// The computer's date is earlier than the newest record: said before anything is filed.
    ClockBehind(crate::domain::care::clock::ClockBehind),
    /// A valid plan file, shown with what would change before the person accepts it.
    PlanPreview {
        candidate: Box<CheckedPlan>,
        /// Where it came from, in words: a file's path, or the plan editor.
        source: String,
        /// It came from the plan editor, whose kept draft is done with once it is accepted.
        from_editor: bool,
    },
    /// A plan file that failed the checks; nothing was changed.
    PlanRejected {
        source: String,
        problems: FileProblems,
    },
    /// The physio's plan editor.
    PlanEditor(Box<super::editor_state::EditorState>),
    /// The training reminder's settings being chosen.
    Reminders(Box<RemindersState>),
}

/// The reminder's choices on screen, before they are saved.
pub(super) struct RemindersState {
    pub draft: crate::domain::care::reminder::ReminderSetting,
    /// Whether reminders can come while the app is closed (asked once, when the screen opens).
    pub availability: crate::platform::reminder_timer::Availability,
}

/// A finished session and the after-session answers being given.
pub(super) struct SummaryState {
    pub record: SessionRecord,
    /// Where the record was saved, or `None` when it could not be.
    pub saved_to: Option<String>,
    pub answers: SessionAnswers,
    pub answers_saved: bool,
    /// Submitted, but not on disk yet (kept in memory for "Try again").
    pub answers_waiting: bool,
}

impl Screen {
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Home => ScreenKind::Home,
            Screen::Player => ScreenKind::Player,
            Screen::Summary(_) => ScreenKind::Summary,
            Screen::Recovery(_) => ScreenKind::Recovery,
            Screen::LoadError(_) => ScreenKind::LoadError,
            Screen::ClockBehind(_) => ScreenKind::ClockBehind,
            Screen::PlanPreview { .. } => ScreenKind::PlanPreview,
            Screen::PlanRejected { .. } => ScreenKind::PlanRejected,
            Screen::CheckIn(_) => ScreenKind::CheckIn,
            Screen::Today(_) => ScreenKind::Today,
            Screen::History(_) => ScreenKind::History,
            Screen::SessionDetail { .. } => ScreenKind::SessionDetail,
            Screen::PlanEditor(_) => ScreenKind::PlanEditor,
            Screen::Reminders(_) => ScreenKind::Reminders,
        }
    }
}
