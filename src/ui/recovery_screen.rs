//! Offered at start-up when the last session did not finish (app closed or killed).

use crate::ui::SessionAction;
use egui::RichText;

use crate::domain::plan::timeline::Timeline;
use crate::domain::session::record::InProgressSession;

use super::Action;

pub fn recovery_ui(ui: &mut egui::Ui, interrupted: &InProgressSession) -> Vec<Action> {
    let mut actions = Vec::new();
    let timeline = Timeline::build(&interrupted.circuit);
    let work_total = timeline.work_phase_count();
    let work_done = interrupted
        .completed
        .iter()
        .flatten()
        .filter(|d| !d.is_nothing())
        .count();
    let stopped_in = timeline
        .phases
        .get(interrupted.phase_index)
        .filter(|p| p.is_work())
        .and_then(|p| interrupted.circuit.item(p.slot))
        .map(|item| {
            format!(
                " It stopped {} into {}.",
                seconds_text(interrupted.elapsed_in_phase_secs),
                item.name
            )
        })
        .unwrap_or_default();
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        let heading = "Your last session did not finish";
        crate::ui::widgets::a11y::heading(ui, RichText::new(heading).size(28.0), 1);
        crate::ui::widgets::a11y::live_region(
            ui,
            "recovery",
            &format!("{heading}. Resume it, save it as a partial session, or discard it."),
            crate::ui::widgets::a11y::Urgency::Polite,
        );
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!(
                "{} started {}: {} of {} sets done or begun.{}",
                interrupted.circuit.name,
                interrupted.started_at.format("%A %-d %B at %H:%M"),
                work_done,
                work_total,
                stopped_in
            ))
            .size(18.0),
        );
        ui.label(
            RichText::new(
                "What you did is safe. Pick up where you left off, keep it as a partial session, \
                 or discard it.",
            )
            .size(18.0),
        );
        ui.add_space(16.0);
        let big = |text: &str| {
            egui::Button::new(RichText::new(text).size(20.0)).min_size(egui::vec2(300.0, 48.0))
        };
        let resume = ui.add(big("Resume session"));
        if ui.memory(|m| m.focused().is_none()) {
            resume.request_focus();
        }
        if resume.clicked() {
            actions.push(Action::Session(SessionAction::ResumeInterrupted));
        }
        ui.add_space(6.0);
        if ui.add(big("Save as partial session")).clicked() {
            actions.push(Action::Session(SessionAction::SaveInterruptedAsPartial));
        }
        ui.add_space(6.0);
        if ui
            .add(big("Discard it"))
            .on_hover_text("Forget this session: nothing of it is kept")
            .clicked()
        {
            actions.push(Action::Session(SessionAction::DiscardInterrupted));
        }
    });
    actions
}

/// "6 s", "1 min 05 s".
fn seconds_text(secs: u64) -> String {
    if secs >= 60 {
        format!("{} min {:02} s", secs / 60, secs % 60)
    } else {
        format!("{secs} s")
    }
}
