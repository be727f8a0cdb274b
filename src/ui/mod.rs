//! Screens. Each reads state and returns [`Action`]s; the app applies them in one place.

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

use egui::Color32;

/// What the person asked for on a screen.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Action {
    StartSession,
    /// Back from the Today screen to the check-in, with the answers as they were given.
    ReviseCheckIn,
    Pause,
    Resume,
    Skip,
    Back,
    Done,
    /// Ask before ending the session early.
    AskToEnd,
    ConfirmEnd,
    CancelEnd,
    GoHome,
    ResumeInterrupted,
    SaveInterruptedAsPartial,
    /// Forget the interrupted session.
    DiscardInterrupted,
    SetVolume(f32),
    SetBeepsEnabled(bool),
    SetVoiceEnabled(bool),
    /// Say "three, two, one" instead of the countdown pips.
    SetCountAloud(bool),
    /// Draw everything this much larger (egui's zoom), 0.75 to 2.0.
    SetTextScale(f32),
    SetHighContrast(bool),
    DismissNotice(usize),
    /// Show the file dialog to open a plan file.
    OpenPlan,
    /// Show the file dialog to export the current plan.
    ExportPlan,
    /// Show the file dialog to save a printable handout of the current plan.
    SaveHandout,
    /// Use the previewed plan from now on.
    AcceptPlan,
    /// File picker: show this folder.
    PickerNavigate(std::path::PathBuf),
    /// File picker: the file name typed or clicked.
    PickerFileName(String),
    /// File picker: open or save the chosen file.
    PickerConfirm,
    PickerCancel,
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
    /// Ask to record that the person has seen a clinician about the referral.
    AskSeenClinician,
    /// Record it, dated today: the referral ends.
    ConfirmSeenClinician,
    CancelSeenClinician,
    /// The note typed in the clearance dialog.
    EditClearanceNote(String),
    /// Record the clearance, dated today.
    ConfirmClearance,
    CancelClearance,
    OpenHistory,
    /// Open a past session by its index among the saved sessions.
    OpenSession(usize),
    /// Show the dose chart of the exercise at this index.
    SelectChartExercise(usize),
    /// Try again to save the sessions that could not be saved.
    RetrySaveSession,
    /// Save the first unsaved session to a file the person chooses.
    SaveSessionElsewhere,
    /// Save the clinician report (HTML) / every set as CSV.
    SaveReport,
    SaveCsv,
    /// F11 or the Full screen button: fill the screen, or go back to a window.
    ToggleFullScreen,
    /// Open the plan editor on an empty plan / the plan in use / the kept draft.
    NewPlan,
    EditCurrentPlan,
    ContinuePlanDraft,
    /// The plan editor's draft, as edited on screen.
    EditPlanDraft(Box<plan_editor::PlanDraft>),
    /// Plan editor: save the plan to a file / save its handout / make it the plan in use.
    SaveDraftPlan,
    DraftHandout,
    InstallDraftPlan,
    CloseEditor,
    /// The About box: version, licence, source.
    ShowAbout,
    CloseAbout,
}

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
