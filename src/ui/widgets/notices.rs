//! Notices: what the person should be told (a problem, or a confirmation), each dismissable.

use egui::RichText;

use crate::ui::{Action, palette};

/// Something the person should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub kind: NoticeKind,
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
        }
    }

    pub fn info(text: String) -> Self {
        Self {
            text,
            kind: NoticeKind::Info,
        }
    }
}

/// Each notice in a framed box with a Dismiss button.
pub fn notices_ui(ui: &mut egui::Ui, notices: &[Notice]) -> Vec<Action> {
    let mut actions = Vec::new();
    for (index, notice) in notices.iter().enumerate() {
        let colour = match notice.kind {
            NoticeKind::Problem => palette::WARNING,
            NoticeKind::Info => palette::WORK,
        };
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.5, colour))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(&notice.text).color(colour));
                    if ui.button("Dismiss").clicked() {
                        actions.push(Action::DismissNotice(index));
                    }
                });
            });
    }
    actions
}
