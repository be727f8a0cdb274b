//! Notices: what the person should be told (a problem, or a confirmation), each dismissable.

use crate::platform::file_browser::FilePurpose;
use crate::ui::{SessionAction, WindowAction};
use egui::RichText;

use crate::ui::widgets::a11y::{self, Urgency};
use crate::ui::{Action, palette};

/// Something the person should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub kind: NoticeKind,
    /// The same problem again (the latest words shown) is counted, not queued again.
    pub key: Option<&'static str>,
    pub times: u32,
}

/// Whether a notice reports a problem (drawn as a warning) or just confirms something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Problem,
    Info,
}

impl Notice {
    pub fn problem(text: String) -> Self {
        Self {
            text,
            kind: NoticeKind::Problem,
            key: None,
            times: 1,
        }
    }

    pub fn info(text: String) -> Self {
        Self {
            text,
            kind: NoticeKind::Info,
            key: None,
            times: 1,
        }
    }

    /// What is shown and read: the text, and how often it happened when more than once.
    pub fn words(&self) -> String {
        if self.times > 1 {
            format!("{} (This happened {} times.)", self.text, self.times)
        } else {
            self.text.clone()
        }
    }
}

/// What shows above every screen.
pub struct NoticeBar<'a> {
    pub notices: &'a [Notice],
    /// Finished sessions kept in memory because they could not be saved.
    pub unsaved_sessions: usize,
    /// Answers (check-ins, after-session answers, clearances) kept in memory because
    /// `history.ron` could not be written.
    pub unsaved_answers: bool,
    pub save_problem: Option<&'a str>,
    /// The in-progress snapshot was written, so a restart would offer the session again.
    pub snapshot_kept: bool,
    /// Under the screen instead of above it: on a form (the plan editor) a notice that
    /// comes and goes must not move the fields under the pointer.
    pub below: bool,
}

/// Notices and unsaved sessions, in a bar at the top of every screen (at the bottom of a form),
/// and nothing when there is nothing to say.
pub fn notice_bar_ui(ui: &mut egui::Ui, bar: &NoticeBar<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    if bar.notices.is_empty() && bar.unsaved_sessions == 0 && !bar.unsaved_answers {
        return actions;
    }
    let panel = if bar.below {
        egui::Panel::bottom("notice_bar")
    } else {
        egui::Panel::top("notice_bar")
    };
    panel.show(ui, |ui| {
        a11y::name_region(ui, "Notices");
        ui.add_space(4.0);
        if bar.unsaved_sessions > 0 || bar.unsaved_answers {
            actions.extend(unsaved_ui(ui, bar));
        }
        actions.extend(notices_ui(ui, bar.notices));
        ui.add_space(2.0);
    });
    actions
}

fn unsaved_ui(ui: &mut egui::Ui, bar: &NoticeBar<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(3.0, palette::WARNING))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let what = match (bar.unsaved_sessions, bar.unsaved_answers) {
                (0, _) => "Your answers have NOT been saved yet.".to_owned(),
                (1, false) => "Your session has NOT been saved yet.".to_owned(),
                (1, true) => "Your session and your answers have NOT been saved yet.".to_owned(),
                (n, false) => format!("{n} sessions have NOT been saved yet."),
                (n, true) => format!("{n} sessions and your answers have NOT been saved yet."),
            };
            ui.label(RichText::new(&what).strong().size(18.0).color(palette::WARNING));
            a11y::live_region(ui, "unsaved", &what, Urgency::Assertive);
            if let Some(problem) = bar.save_problem {
                ui.label(format!("The data folder could not be written: {problem}"));
            }
            ui.label(if bar.unsaved_sessions == 0 {
                "They are kept in this window until they are saved. Closing Strongback now would lose them."
            } else if bar.snapshot_kept {
                "It is kept in this window until it is saved, and a copy of your progress is on disk for the next start."
            } else {
                "It is kept in this window until it is saved. Closing Strongback now would lose it."
            });
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Try again").size(17.0)).clicked() {
                    actions.push(Action::Session(SessionAction::RetrySave));
                }
                if bar.unsaved_sessions > 0
                    && ui
                        .button(RichText::new("Save to another folder…").size(17.0))
                        .clicked()
                {
                    actions.push(Action::ChooseFile(FilePurpose::SaveSession));
                }
            });
        });
    actions
}

/// One notice at a time (the oldest), in a framed box with a Dismiss button and, when more
/// are waiting, how many. Confirmations go by themselves after a few seconds; problems stay
/// until dismissed.
pub fn notices_ui(ui: &mut egui::Ui, notices: &[Notice]) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(notice) = notices.first() else {
        return actions;
    };
    let (colour, urgency) = match notice.kind {
        NoticeKind::Problem => (palette::WARNING, Urgency::Assertive),
        NoticeKind::Info => (palette::DONE, Urgency::Polite),
    };
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, colour))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                // Selectable, so an error can be copied out to a clinician or a bug report.
                let words = notice.words();
                ui.add(egui::Label::new(RichText::new(&words).color(colour)).selectable(true));
                // Spoken as it appears (a problem at once); the text on screen is the same.
                a11y::live_region(ui, "notice", &words, urgency);
                if notices.len() > 1 {
                    ui.label(format!("(1 of {}: Dismiss shows the next)", notices.len()));
                }
                if ui.button("Dismiss").clicked() {
                    actions.push(Action::Window(WindowAction::DismissNotice(0)));
                }
            });
        });
    actions
}
