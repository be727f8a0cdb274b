//! The player: a big countdown readable across a room, what to do, and the controls.
//!
//! Keys: Space pause/resume, Right skip, Left back, Enter done (rep items), Escape end.

use egui::{Align, Key, Layout, Modifiers, RichText, Vec2};

use crate::domain::catalog::{Catalog, Dose};
use crate::domain::circuit::Circuit;
use crate::domain::player::{PlayerState, PlayerView};
use crate::domain::timeline::{PhaseKind, Timeline};

use super::widgets::figure::figure_ui;
use super::{Action, minutes_text, palette};

/// What the player screen shows.
pub struct PlayerModel<'a> {
    pub view: PlayerView,
    pub timeline: &'a Timeline,
    pub circuit: &'a Circuit,
    pub catalog: &'a Catalog,
    pub confirming_end: bool,
}

pub fn player_ui(ui: &mut egui::Ui, model: &PlayerModel<'_>) -> Vec<Action> {
    let mut actions = keyboard_actions(ui, model);
    let view = &model.view;
    let phase = view.phase;
    let item = model.circuit.item(phase.slot);
    let exercise = item.and_then(|i| model.catalog.get(&i.exercise_id));
    let paused = view.state == PlayerState::Paused;

    egui::Panel::top("player_top").show(ui, |ui| {
        ui.add_space(6.0);
        let block = model
            .circuit
            .blocks
            .get(phase.slot.block)
            .map_or("", |b| b.name.as_str());
        let slot_number = model
            .circuit
            .slots()
            .position(|(slot, _)| slot == phase.slot)
            .map_or(0, |i| i + 1);
        let slot_total = model.circuit.slots().count();
        ui.horizontal(|ui| {
            ui.label(RichText::new(block).strong());
            if phase.rounds > 1 {
                ui.label(format!("· Round {} of {}", phase.round, phase.rounds));
            }
            ui.label(format!("· Exercise {slot_number} of {slot_total}"));
        });
        let planned_total = model.timeline.planned_total_secs();
        let left_secs = ((1.0 - view.progress) * planned_total as f32).max(0.0) as u64;
        ui.add(
            egui::ProgressBar::new(view.progress)
                .text(format!(
                    "{:.0} % done · about {} left",
                    view.progress * 100.0,
                    minutes_text(left_secs)
                ))
                .desired_height(22.0),
        );
        ui.add_space(4.0);
    });

    egui::Panel::bottom("player_controls").show(ui, |ui| {
        ui.add_space(6.0);
        if let Some(next) = next_text(model) {
            ui.label(RichText::new(next).size(18.0));
            ui.add_space(4.0);
        }
        ui.horizontal(|ui| {
            let big = |text: &str| {
                egui::Button::new(RichText::new(text).size(20.0)).min_size(Vec2::new(120.0, 44.0))
            };
            if ui.add(big("Back")).on_hover_text("Left arrow").clicked() {
                actions.push(Action::Back);
            }
            let (label, action) = if paused {
                ("Resume", Action::Resume)
            } else {
                ("Pause", Action::Pause)
            };
            if ui.add(big(label)).on_hover_text("Space").clicked() {
                actions.push(action);
            }
            if ui.add(big("Skip")).on_hover_text("Right arrow").clicked() {
                actions.push(Action::Skip);
            }
            if phase.waits_for_done && ui.add(big("Done")).on_hover_text("Enter").clicked() {
                actions.push(Action::Done);
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.add(big("End session")).on_hover_text("Escape").clicked() {
                    actions.push(Action::AskToEnd);
                }
            });
        });
        ui.add_space(6.0);
    });

    egui::CentralPanel::default().show(ui, |ui| {
        let (colour, phase_name) = phase_style(phase.kind);
        ui.columns(2, |columns| {
            let left = &mut columns[0];
            left.vertical_centered(|ui| {
                ui.add_space(8.0);
                let heading = if paused { "Paused" } else { phase_name };
                ui.label(RichText::new(heading).size(30.0).strong().color(colour));
                ui.label(
                    RichText::new(countdown_text(view))
                        .size(150.0)
                        .strong()
                        .color(colour),
                );
                if let Some(line) = under_countdown(view) {
                    ui.label(RichText::new(line).size(20.0));
                }
                if paused {
                    ui.label(RichText::new("Press Space or Resume to carry on").size(18.0));
                }
                if let Some(exercise) = exercise {
                    let mirrored = phase.side == Some(crate::domain::timeline::Side::Right);
                    let width = ui.available_width().min(460.0);
                    let height = (width * 0.6).min(ui.available_height());
                    figure_ui(
                        ui,
                        &exercise.pose,
                        Vec2::new(width, height),
                        mirrored,
                        &format!("Body position for {}", exercise.name),
                    );
                }
            });
            let right = &mut columns[1];
            if let (Some(item), Some(exercise)) = (item, exercise) {
                right.add_space(8.0);
                if !phase.is_work() {
                    right.label(RichText::new("Next up").size(18.0));
                }
                right.label(RichText::new(&item.name).size(34.0).strong());
                right.label(
                    RichText::new(format!(
                        "Step {} of {}: {}",
                        item.step, item.top_step, item.step_name
                    ))
                    .size(18.0),
                );
                right.label(RichText::new(set_side_text(model)).size(24.0).strong());
                right.add_space(8.0);
                egui::ScrollArea::vertical().show(right, |ui| {
                    ui.label(RichText::new(&exercise.how_to).size(18.0));
                    if let Some(step) = exercise.step(item.step)
                        && !step.cue.is_empty()
                    {
                        ui.add_space(4.0);
                        ui.label(RichText::new(&step.cue).size(18.0).italics());
                    }
                    if !item.notes.is_empty() {
                        ui.add_space(4.0);
                        ui.label(RichText::new(format!("Note: {}", item.notes)).size(18.0));
                    }
                    if !exercise.equipment.is_empty() {
                        ui.add_space(4.0);
                        let needs: Vec<&str> =
                            exercise.equipment.iter().map(|e| e.label()).collect();
                        ui.label(
                            RichText::new(format!("You need: {}", needs.join(", "))).size(16.0),
                        );
                    }
                });
            }
        });
    });

    if model.confirming_end {
        egui::Modal::new(egui::Id::unique("confirm_end")).show(ui.ctx(), |ui| {
            ui.heading("End the session now?");
            ui.label("What you have done so far will be saved as a partial session.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Yes, end and save").clicked() {
                    actions.push(Action::ConfirmEnd);
                }
                if ui.button("Keep going").clicked() {
                    actions.push(Action::CancelEnd);
                }
            });
        });
    }
    actions
}

/// Keys are taken before any widget sees them, so Space never also presses a focused button.
fn keyboard_actions(ui: &mut egui::Ui, model: &PlayerModel<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let pressed = |key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    if model.confirming_end {
        if pressed(Key::Escape) {
            actions.push(Action::CancelEnd);
        }
        if pressed(Key::Enter) {
            actions.push(Action::ConfirmEnd);
        }
        return actions;
    }
    if pressed(Key::Space) {
        actions.push(if model.view.state == PlayerState::Paused {
            Action::Resume
        } else {
            Action::Pause
        });
    }
    if pressed(Key::ArrowRight) {
        actions.push(Action::Skip);
    }
    if pressed(Key::ArrowLeft) {
        actions.push(Action::Back);
    }
    if pressed(Key::Enter) {
        actions.push(Action::Done);
    }
    if pressed(Key::Escape) {
        actions.push(Action::AskToEnd);
    }
    actions
}

fn phase_style(kind: PhaseKind) -> (egui::Color32, &'static str) {
    match kind {
        PhaseKind::GetReady => (palette::GET_READY, "Get ready"),
        PhaseKind::Work => (palette::WORK, "Work"),
        PhaseKind::SwitchSides => (palette::GET_READY, "Switch sides"),
        PhaseKind::Rest => (palette::REST, "Rest"),
        PhaseKind::RoundRest => (palette::REST, "Round rest"),
        PhaseKind::Done => (palette::WORK, "Finished"),
    }
}

/// The big number: seconds left, or the rep count while waiting for Done.
fn countdown_text(view: &PlayerView) -> String {
    match (view.phase.dose, view.remaining_display_secs()) {
        (_, Some(secs)) => clock_text(secs),
        (Dose::Reps { reps }, None) => format!("{reps} reps"),
        (_, None) => "—".to_owned(),
    }
}

fn clock_text(secs: u64) -> String {
    if secs >= 60 {
        format!("{}:{:02}", secs / 60, secs % 60)
    } else {
        secs.to_string()
    }
}

fn under_countdown(view: &PlayerView) -> Option<String> {
    let phase = view.phase;
    if !phase.is_work() {
        return None;
    }
    match phase.dose {
        Dose::Reps { .. } => Some(format!(
            "Press Done (Enter) when finished · {}",
            clock_text(view.elapsed_in_phase.as_secs())
        )),
        Dose::Paced {
            reps, secs_per_rep, ..
        } if secs_per_rep > 0 => {
            let current = (view.elapsed_in_phase.as_secs() / u64::from(secs_per_rep) + 1)
                .min(u64::from(reps));
            Some(format!("Rep {current} of {reps}"))
        }
        _ => None,
    }
}

fn set_side_text(model: &PlayerModel<'_>) -> String {
    let phase = model.view.phase;
    let mut parts = Vec::new();
    if phase.sets > 1 {
        parts.push(format!("Set {} of {}", phase.set, phase.sets));
    }
    if let Some(side) = phase.side {
        parts.push(format!("{} side", capitalised(side.label())));
    }
    parts.push(phase.dose.describe());
    parts.join(" · ")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// "Next: Side plank, left side, 10 s" — the work after the current phase.
fn next_text(model: &PlayerModel<'_>) -> Option<String> {
    let from = if model.view.phase.is_work() {
        model.view.index + 1
    } else {
        model.view.index + 2
    };
    let (_, next) = model.timeline.next_work_from(from)?;
    let item = model.circuit.item(next.slot)?;
    let side = next
        .side
        .map(|s| format!(", {} side", s.label()))
        .unwrap_or_default();
    Some(format!(
        "Then: {}{}, {}",
        item.name,
        side,
        next.dose.describe()
    ))
}
