//! The player: a big countdown readable across a room, what to do, and the controls.
//!
//! Keys: Space pause/resume, Right skip, Left back, Enter done (rep items), Escape end.

use crate::ui::{PlayerControl, WindowAction};
use egui::{Align, Key, Layout, Modifiers, Pos2, Rect, RichText, Vec2};

use crate::domain::plan::catalog::{Catalog, Dose};
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::timeline::{PhaseKind, Timeline};
use crate::domain::session::player::{PlayerState, PlayerView};

use super::widgets::a11y;
use super::widgets::big_digits;
use super::widgets::countdown_text::{countdown_digits, countdown_spoken, under_countdown};
use super::widgets::step_figure::step_figure_ui;
use super::{Action, minutes_text, palette};
use crate::domain::session::motion::{FigureMoment, FigureShown};

/// What the player screen shows.
pub struct PlayerModel<'a> {
    pub view: PlayerView,
    pub timeline: &'a Timeline,
    pub circuit: &'a Circuit,
    pub catalog: &'a Catalog,
    pub confirming_end: bool,
    /// Still pictures instead of a moving figure.
    pub reduce_motion: bool,
}

pub fn player_ui(ui: &mut egui::Ui, model: &PlayerModel<'_>) -> Vec<Action> {
    let mut actions = keyboard_actions(ui, model);
    egui::Panel::top("player_top").show(ui, |ui| {
        whereabouts_ui(ui, model, &mut actions);
    });
    egui::Panel::bottom("player_controls").show(ui, |ui| {
        controls_ui(ui, model, &mut actions);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        exercise_now_ui(ui, model);
    });
    if model.confirming_end {
        super::widgets::end_session_dialog::confirm_end_ui(ui, &mut actions);
    }
    actions
}

/// The top panel: the block, round and exercise number, the full-screen button, and the
/// session's progress bar.
fn whereabouts_ui(ui: &mut egui::Ui, model: &PlayerModel<'_>, actions: &mut Vec<Action>) {
    let view = &model.view;
    let phase = view.phase;
    a11y::name_region(ui, "Where you are in the session");
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
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let full = ui.ctx().input(|i| i.viewport().fullscreen.unwrap_or(false));
            let label = if full {
                "Leave full screen"
            } else {
                "Full screen"
            };
            if ui.button(label).on_hover_text("F11").clicked() {
                actions.push(Action::Window(WindowAction::ToggleFullScreen));
            }
        });
    });
    session_progress_ui(ui, model);
    ui.add_space(4.0);
}

/// How far through the session, and about how long is left.
fn session_progress_ui(ui: &mut egui::Ui, model: &PlayerModel<'_>) {
    let view = &model.view;
    let planned_total = model.timeline.planned_total_secs();
    let left_secs = ((1.0 - view.progress) * planned_total as f32).max(0.0) as u64;
    let bar = ui.add(
        egui::ProgressBar::new(view.progress)
            .text(format!(
                "{:.0} % done · about {} left",
                view.progress * 100.0,
                minutes_text(left_secs)
            ))
            .desired_height(22.0),
    );
    // The bar's range, so a screen reader says "40 percent" of something.
    ui.ctx().accesskit_node_builder(bar.id, |node| {
        node.set_min_numeric_value(0.0);
        node.set_max_numeric_value(100.0);
        node.set_numeric_value((f64::from(view.progress) * 100.0).round());
    });
}

/// The bottom panel: what comes after this, the big Back, Pause/Resume, Skip, Done and End
/// session buttons, and a line about the keys.
fn controls_ui(ui: &mut egui::Ui, model: &PlayerModel<'_>, actions: &mut Vec<Action>) {
    let phase = model.view.phase;
    let paused = model.view.state == PlayerState::Paused;
    a11y::name_region(ui, "Session controls");
    ui.add_space(6.0);
    let h = ui.ctx().content_rect().height();
    if let Some(next) = next_text(model) {
        ui.label(RichText::new(next).size(scaled(18.0, h)));
        ui.add_space(4.0);
    }
    ui.horizontal(|ui| {
        let text_px = scaled(20.0, h);
        let big = |text: &str| {
            egui::Button::new(RichText::new(text).size(text_px))
                .min_size(Vec2::new(text_px * 6.0, text_px * 2.2))
        };
        if activated(ui.add(big("Back")).on_hover_text("Left arrow")) {
            actions.push(Action::Player(PlayerControl::Back));
        }
        let (label, action) = if paused {
            ("Resume", Action::Player(PlayerControl::Resume))
        } else {
            ("Pause", Action::Player(PlayerControl::Pause))
        };
        if activated(ui.add(big(label)).on_hover_text("Space")) {
            actions.push(action);
        }
        if activated(ui.add(big("Skip")).on_hover_text("Right arrow")) {
            actions.push(Action::Player(PlayerControl::Skip));
        }
        if phase.waits_for_done && activated(ui.add(big("Done")).on_hover_text("Enter")) {
            actions.push(Action::Player(PlayerControl::Done));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if activated(ui.add(big("End session")).on_hover_text("Escape")) {
                actions.push(Action::Player(PlayerControl::AskToEnd));
            }
        });
    });
    ui.label(
        RichText::new(
            "Keys: Space pause or resume · Left arrow back · Right arrow skip · Enter done · Esc end · F11 full screen. \
             Tab moves to a button; then Space or Enter presses it.",
        )
        .size(scaled(13.0, h))
        .weak(),
    );
    ui.add_space(6.0);
}

/// The central panel: the timer column on the left, the exercise on the right.
fn exercise_now_ui(ui: &mut egui::Ui, model: &PlayerModel<'_>) {
    let view = &model.view;
    let phase = view.phase;
    let paused = view.state == PlayerState::Paused;
    a11y::name_region(ui, "The exercise now");
    let window = ui.ctx().content_rect();
    let area = ui.available_rect_before_wrap();
    let (colour, phase_name) = phase_style(phase.kind);
    let (colour, phase_name) = if paused {
        (ui.visuals().weak_text_color(), "Paused")
    } else {
        (colour, phase_name)
    };
    let countdown = countdown_digits(view);
    // The digits take at least a third of the window's height. The timer column is half the
    // screen in every phase, so nothing moves when a phase changes.
    let digits_height = (window.height() / 3.0 + 4.0).max(120.0);
    let timer_width = area.width() * 0.5;
    let timer_rect = Rect::from_min_size(area.min, Vec2::new(timer_width, area.height()));
    let info_rect = Rect::from_min_max(Pos2::new(timer_rect.right() + 16.0, area.top()), area.max);

    let mut timer = ui.new_child(egui::UiBuilder::new().max_rect(timer_rect));
    timer_ui(
        &mut timer,
        model,
        &countdown,
        digits_height,
        colour,
        phase_name,
    );

    let mut info = ui.new_child(egui::UiBuilder::new().max_rect(info_rect));
    exercise_info_ui(&mut info, model, window.height(), info_rect.height());
}

/// The exercise column: "Now" or "Next up", the exercise's name, set and side, its ladder
/// step, and how to do it.
fn exercise_info_ui(
    ui: &mut egui::Ui,
    model: &PlayerModel<'_>,
    window_height: f32,
    info_height: f32,
) {
    let phase = model.view.phase;
    let item = model.circuit.item(phase.slot);
    let exercise = item.and_then(|i| model.catalog.get(&i.exercise_id));
    let (Some(item), Some(exercise)) = (item, exercise) else {
        return;
    };
    ui.add_space(4.0);
    let heading = if phase.is_work() { "Now" } else { "Next up" };
    let h = window_height;
    // The picture first, at least a quarter of the window high, readable from the mat; a
    // third on a taller window, where the words keep room enough.
    let share = if window_height >= 760.0 { 0.33 } else { 0.25 };
    let picture_height = (window_height * share + 2.0).min(info_height * 0.5);
    let mirrored = phase.side == Some(crate::domain::plan::timeline::Side::Right);
    let shown = FigureMoment::of_phase(
        &phase,
        model.view.elapsed_in_phase.as_secs_f64(),
        model.circuit,
        model.catalog,
        model.reduce_motion,
    )
    .map_or(FigureShown::Still { toward_end: 0.0 }, |m| m.shown());
    step_figure_ui(
        ui,
        exercise,
        item.step,
        mirrored,
        shown,
        Vec2::new(ui.available_width(), picture_height),
        &format!("Body position for {}, {}", exercise.name, item.step_name),
    );
    ui.label(RichText::new(heading).size(scaled(20.0, h)));
    ui.label(
        RichText::new(&item.name)
            .size(size_for(info_height * 0.09))
            .strong(),
    );
    ui.label(
        RichText::new(set_side_text(model))
            .size(scaled(24.0, h))
            .strong(),
    );
    ui.label(
        RichText::new(format!(
            "Step {} of {}: {}",
            item.step, item.top_step, item.step_name
        ))
        .size(scaled(18.0, h)),
    );
    ui.add_space(8.0);
    let body = scaled(18.0, h);
    egui::ScrollArea::vertical().show(ui, |ui| {
        // This step's own words: nothing shown describes a harder step.
        ui.label(RichText::new(exercise.how_to_at(item.step)).size(body));
        if let Some(step) = exercise.step(item.step) {
            if !step.cue.is_empty() {
                ui.add_space(4.0);
                ui.label(RichText::new(&step.cue).size(body).italics());
            }
            if let Some(tempo) = step.tempo {
                ui.label(RichText::new(format!("Pace: {}", tempo.describe())).size(body));
            }
        }
        if !item.notes.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(format!("Note: {}", item.notes)).size(body));
        }
        let equipment = exercise.equipment_at(item.step);
        if !equipment.is_empty() {
            ui.add_space(4.0);
            let needs: Vec<&str> = equipment.iter().map(|e| e.label()).collect();
            ui.label(RichText::new(format!("You need: {}", needs.join(", "))).size(body));
        }
    });
}

/// The player's keys. Space and Enter belong to a button the person has moved to with Tab
/// (they press it, as everywhere else); with no button focused they pause or resume and mark
/// a rep item done. The arrows, Escape and F11 work whatever has focus. Keys taken here are
/// consumed, so no widget also sees them.
fn keyboard_actions(ui: &mut egui::Ui, model: &PlayerModel<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let focused = ui.memory(|m| m.focused().is_some());
    let pressed = |key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    if model.confirming_end {
        // Enter presses the focused button (Keep going, unless the person moved to End and
        // save); Escape always keeps going.
        if pressed(Key::Escape) {
            actions.push(Action::Player(PlayerControl::CancelEnd));
        }
        return actions;
    }
    if pressed(Key::F11) {
        actions.push(Action::Window(WindowAction::ToggleFullScreen));
    }
    if !focused && pressed(Key::Space) {
        actions.push(if model.view.state == PlayerState::Paused {
            Action::Player(PlayerControl::Resume)
        } else {
            Action::Player(PlayerControl::Pause)
        });
    }
    if pressed(Key::ArrowRight) {
        actions.push(Action::Player(PlayerControl::Skip));
    }
    if pressed(Key::ArrowLeft) {
        actions.push(Action::Player(PlayerControl::Back));
    }
    if !focused && pressed(Key::Enter) {
        actions.push(Action::Player(PlayerControl::Done));
    }
    if pressed(Key::Escape) {
        actions.push(Action::Player(PlayerControl::AskToEnd));
    }
    actions
}

/// A player button was pressed. A mouse or touch press leaves no keyboard focus behind, so
/// Space keeps pausing rather than pressing the last button clicked.
fn activated(response: egui::Response) -> bool {
    let clicked = response.clicked();
    if clicked && response.clicked_by(egui::PointerButton::Primary) {
        response.surrender_focus();
    }
    clicked
}

/// The phase's name on its coloured band: near-black, at least 4.5:1 on every phase colour.
const BAND_TEXT: egui::Color32 = egui::Color32::from_gray(16);

fn phase_style(kind: PhaseKind) -> (egui::Color32, &'static str) {
    match kind {
        PhaseKind::GetReady => (palette::PHASE_GET_READY, "Get ready"),
        PhaseKind::Work => (palette::PHASE_WORK, "Work"),
        PhaseKind::SwitchSides => (palette::PHASE_GET_READY, "Switch sides"),
        PhaseKind::Rest => (palette::PHASE_REST, "Rest"),
        PhaseKind::RoundRest => (palette::PHASE_REST, "Round rest"),
        PhaseKind::Done => (palette::PHASE_WORK, "Finished"),
    }
}

/// A text size for a base size at this window height: larger on large screens, from the same
/// small set of sizes (see [`size_for`]).
fn scaled(base_px: f32, window_height: f32) -> f32 {
    const SIZES: [f32; 10] = [16.0, 18.0, 20.0, 22.0, 24.0, 28.0, 32.0, 36.0, 44.0, 52.0];
    let wanted = base_px * (window_height / 720.0).clamp(1.0, 2.0);
    SIZES
        .iter()
        .copied()
        .rev()
        .find(|s| *s <= wanted)
        .unwrap_or(SIZES[0])
}

/// Font sizes come from a small fixed set, so resizing the window never adds glyphs at new
/// sizes to the font atlas: the largest of them that fits in `px`.
fn size_for(px: f32) -> f32 {
    const SIZES: [f32; 5] = [24.0, 30.0, 38.0, 48.0, 64.0];
    SIZES
        .iter()
        .copied()
        .rev()
        .find(|s| *s <= px)
        .unwrap_or(SIZES[0])
}

/// The timer column: a band in the phase's colour naming the phase, the countdown, what the
/// number means, how far through the phase, and the picture.
fn timer_ui(
    ui: &mut egui::Ui,
    model: &PlayerModel<'_>,
    countdown: &str,
    digits_height: f32,
    colour: egui::Color32,
    phase_name: &str,
) {
    let view = &model.view;
    let phase = view.phase;
    let rect = ui.max_rect();
    ui.painter()
        .rect_filled(rect, 8.0, colour.gamma_multiply(0.16));
    let band_height = (rect.height() * 0.12).clamp(40.0, 96.0);
    let band = Rect::from_min_size(rect.min, Vec2::new(rect.width(), band_height));
    ui.painter().rect_filled(band, 8.0, colour);
    let (band_response, _) = (ui.allocate_rect(band, egui::Sense::hover()), ());
    band_response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, phase_name));
    // What a coach would say at this moment, in a polite live region of its own: a screen
    // reader speaks it when it changes (a new phase, pause, the last three seconds), never
    // every second.
    let spoken = announcement(model, phase_name);
    let live = ui.allocate_rect(
        Rect::from_min_size(band.left_bottom(), Vec2::ZERO),
        egui::Sense::hover(),
    );
    live.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken));
    ui.ctx().accesskit_node_builder(live.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
    ui.painter().text(
        band.center(),
        egui::Align2::CENTER_CENTER,
        phase_name.to_uppercase(),
        egui::FontId::proportional(size_for(band_height * 0.6)),
        BAND_TEXT,
    );

    let digits_height = digits_height
        .min(rect.height() - band_height - 70.0)
        .max(40.0);
    ui.add_space(8.0);
    // Text on the tinted panel in the strongest colour, for contrast from across the room.
    let ink = ui.visuals().strong_text_color();
    let reps_waiting = matches!(
        (phase.dose, view.remaining_display_secs()),
        (Dose::Reps { .. }, None)
    );
    ui.vertical_centered(|ui| {
        if reps_waiting {
            // A count of reps is not a countdown: said in words, never in the clock's digits.
            let (rect_reps, response) = ui.allocate_exact_size(
                Vec2::new(rect.width() - 24.0, digits_height),
                egui::Sense::hover(),
            );
            let reps_text = countdown_spoken(view);
            ui.painter().text(
                rect_reps.center(),
                egui::Align2::CENTER_CENTER,
                &reps_text,
                egui::FontId::proportional(size_for(digits_height * 0.45)),
                ink,
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &reps_text));
        } else {
            big_digits::big_digits_ui(
                ui,
                countdown,
                Vec2::new(rect.width() - 24.0, digits_height),
                ink,
                &countdown_spoken(view),
            );
        }
        let h = ui.ctx().content_rect().height();
        for line in under_countdown(view) {
            let caption = ui.label(RichText::new(&line).size(scaled(22.0, h)).color(ink));
            // The big number is already read as "19 seconds left": its unit caption alone
            // would be said twice.
            if line.ends_with("seconds left") {
                ui.ctx()
                    .accesskit_node_builder(caption.id, |node| node.set_hidden());
            }
        }
        if !phase.waits_for_done && phase.planned_secs > 0 {
            let through =
                (view.elapsed_in_phase.as_secs_f32() / phase.planned_secs as f32).clamp(0.0, 1.0);
            let (bar, _) =
                ui.allocate_exact_size(Vec2::new(rect.width() - 48.0, 10.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(bar, 5.0, colour.gamma_multiply(0.3));
            let mut done = bar;
            done.set_width(bar.width() * through);
            ui.painter().rect_filled(done, 5.0, colour);
        }
        if view.state == PlayerState::Paused {
            ui.label(
                RichText::new("Press Space or Resume to carry on")
                    .size(20.0)
                    .color(ink),
            );
        }
    });
}

/// The live announcement: the phase and its exercise when a phase starts ("Work: Front plank,
/// 30 s"; "Rest. Next up: Side plank, left side, 10 s"), "Paused", and the last three seconds
/// of a timed phase counted down ("3", "2", "1").
fn announcement(model: &PlayerModel<'_>, phase_name: &str) -> String {
    let view = &model.view;
    if view.state == PlayerState::Paused {
        return "Paused".to_owned();
    }
    if let Some(secs @ 1..=3) = view.remaining_display_secs() {
        return secs.to_string();
    }
    let item = model.circuit.item(view.phase.slot);
    let name = item.map_or(String::new(), |item| item.name.clone());
    match view.phase.kind {
        PhaseKind::Work => format!("{phase_name}: {name}, {}", set_side_text(model)),
        PhaseKind::Done => "Session complete. Well done!".to_owned(),
        // Between exercises the phase's item is the one coming up.
        _ => format!("{phase_name}. Next up: {name}"),
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
        "After this: {}{}, {}",
        item.name,
        side,
        next.dose.describe()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phase_name_reads_at_4_5_to_1_on_every_band() {
        for kind in [
            PhaseKind::GetReady,
            PhaseKind::Work,
            PhaseKind::SwitchSides,
            PhaseKind::Rest,
            PhaseKind::RoundRest,
            PhaseKind::Done,
        ] {
            let (band, name) = phase_style(kind);
            let ratio = crate::ui::theme::contrast(BAND_TEXT, band);
            assert!(ratio >= 4.5, "{name}: {ratio:.2}:1");
        }
    }
}
