//! Screens. Each reads state and returns [`Action`]s; the app applies them in one place.

pub mod checkin_screen;
pub mod clock_screen;
pub mod file_picker_dialog;
pub mod history_screen;
pub mod home_screen;
pub mod load_error_screen;
pub mod plan_editor;
pub mod plan_preview_screen;
pub mod player_screen;
pub mod recovery_screen;
pub mod reminders_screen;
pub mod session_detail_screen;
pub mod summary_screen;
pub mod theme;
pub mod today_screen;
pub mod widgets;

use egui::Color32;

// What the person asked for on a screen, nested by the part of the app that acts on it. Each
// part's handler in `app/` matches its own enum exhaustively, so a new action cannot be
// dropped without a compile error.

/// One thing the person asked for.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Action {
    /// Show another screen.
    Go(Destination),
    /// The controls of the session being played.
    Player(PlayerControl),
    /// Starting a session, an interrupted one, and saving finished ones.
    Session(SessionAction),
    /// The check-in, the after-session answers and the clinician dialogs.
    Care(CareAction),
    /// Plans: accepting a previewed one, and the plan editor.
    Plan(PlanAction),
    /// History's choices.
    Progress(ProgressAction),
    /// Sound and display settings.
    Settings(SettingsAction),
    /// Show the file picker to open or save a file for this purpose.
    ChooseFile(crate::platform::file_browser::FilePurpose),
    /// The file picker's own controls.
    Picker(PickerAction),
    /// Notices, full screen and the About box.
    Window(WindowAction),
    /// The training reminder.
    Reminders(ReminderAction),
}

/// The training reminder's choices.
#[derive(Clone, Debug, PartialEq)]
pub enum ReminderAction {
    /// Open Reminders; `turn_on`: the person said yes to "Would you like a reminder?", so it
    /// opens switched on, for them to choose the time and days.
    Open {
        turn_on: bool,
    },
    /// The screen's choices as they now stand (not yet saved).
    Edit(crate::domain::care::reminder::ReminderSetting),
    /// Keep the choices: the setting, and the timer that sends the reminder.
    Save,
    Cancel,
    /// "No, thanks" to the question after the first session: not asked again.
    Decline,
}

/// Where the person asked to go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    Home,
    History,
    /// A past session, by its index among the saved sessions.
    PastSession(usize),
}

/// The player's controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayerControl {
    Pause,
    Resume,
    /// On to the next phase.
    Skip,
    /// Back to the start of this phase, or to the previous one.
    Back,
    /// A rep-counted phase is done before its time.
    Done,
    /// Ask before ending the session early.
    AskToEnd,
    ConfirmEnd,
    CancelEnd,
}

/// Starting sessions and keeping finished ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionAction {
    /// Start today's session.
    Start,
    ResumeInterrupted,
    SaveInterruptedAsPartial,
    /// Forget the interrupted session.
    DiscardInterrupted,
    /// Try again to save the sessions that could not be saved.
    RetrySave,
}

/// The check-in, the after-session answers and the clinician dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum CareAction {
    /// Back from the Today screen to the check-in, with the answers as they were given.
    ReviseCheckIn,
    /// The check-in being filled in, as edited on screen.
    EditCheckIn(Box<checkin_screen::CheckInDraft>),
    /// Save the check-in being filled in.
    SubmitCheckIn,
    /// The after-session answers, as edited on screen.
    EditSessionAnswers(Box<crate::domain::care::answers::SessionAnswers>),
    /// Save the after-session answers.
    SubmitSessionReport,
    /// Ask to record that a clinician has cleared the person to exercise.
    AskClearance,
    /// The note typed in the clearance dialog.
    EditClearanceNote(String),
    /// Record the clearance, dated today.
    ConfirmClearance,
    CancelClearance,
    /// Ask to record that the person has seen a clinician about the referral.
    AskSeenClinician,
    /// Record it, dated today: the referral ends.
    ConfirmSeenClinician,
    CancelSeenClinician,
    /// The computer's date is earlier than the newest record, and the person says it is right.
    ConfirmDate,
    /// "Compared with when you started, your back is…", answered on request (History),
    /// dated today.
    RecordGlobalChange(crate::domain::care::activities::GlobalChange),
}

/// Plans and the plan editor.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanAction {
    /// Use the previewed plan from now on.
    Accept,
    /// Open the plan editor on an empty plan / the plan in use / the kept draft.
    /// Open the plan editor on a new plan from this starting point.
    New(crate::domain::plan::PlanTemplate),
    EditCurrent,
    ContinueDraft,
    /// The plan editor's draft, as edited on screen.
    EditDraft(Box<plan_editor::PlanDraft>),
    /// Make the editor's plan the plan in use.
    InstallDraft,
    CloseEditor,
}

/// History's choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressAction {
    /// Show the dose chart of the exercise at this index.
    SelectChartExercise(usize),
}

/// Sound and display settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SettingsAction {
    Volume(f32),
    Beeps(bool),
    Voice(bool),
    /// Say "three, two, one" instead of the countdown pips.
    CountAloud(bool),
    /// Draw everything this much larger (egui's zoom), 0.75 to 2.0.
    TextScale(f32),
    /// Back to the size chosen from the window's height.
    AutomaticTextSize,
    HighContrast(bool),
    /// Still pictures instead of a moving figure.
    ReduceMotion(bool),
}

/// The file picker's controls.
#[derive(Clone, Debug, PartialEq)]
pub enum PickerAction {
    /// Show this folder.
    Navigate(std::path::PathBuf),
    /// The file name typed or clicked.
    FileName(String),
    /// Open or save the chosen file.
    Confirm,
    Cancel,
}

/// Notices, full screen and the About box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowAction {
    DismissNotice(usize),
    /// F11 or the Full screen button: fill the screen, or go back to a window.
    ToggleFullScreen,
    /// The About box: version, licence, source.
    ShowAbout,
    CloseAbout,
    /// Closing with work not saved: stay open / close and lose it.
    KeepOpen,
    CloseAnyway,
    /// Ctrl+Q, or a screen's "Close Strongback": close the window (asking first if work is
    /// not saved).
    Quit,
}

/// Keys that work on every screen: Ctrl+Q closes the window (asking first when work is not
/// saved, as the window's own close button does).
pub fn window_keys(ctx: &egui::Context) -> Vec<Action> {
    let quit = ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Q));
    if quit {
        vec![Action::Window(WindowAction::Quit)]
    } else {
        Vec::new()
    }
}

/// Colours used across screens, named by what they mean, chosen to stay readable in light and
/// dark themes.
pub mod palette {
    use super::Color32;
    // Done and warning are the Okabe–Ito bluish green and vermillion, told apart with the
    // common colour-vision deficiencies; every meaning is also in words or a shape.
    /// Done, saved, a green session, "train today".
    pub const DONE: Color32 = Color32::from_rgb(0x00, 0x9e, 0x73);
    /// Calm: rest and gentle days, the back-pain line, a second series.
    pub const CALM: Color32 = Color32::from_rgb(0x2b, 0x7b, 0xd6);
    /// Take care: an amber session, a partial day, a ladder step change.
    pub const CAUTION: Color32 = Color32::from_rgb(0xe0, 0x8e, 0x0b);
    /// A problem, a red session, a stop.
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
