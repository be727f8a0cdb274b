//! A 0–10 pain scale: one control per scale.
//!
//! Eleven numbers to click, and for the keyboard and a screen reader one radio group named by
//! the question: a single Tab stop (the chosen number, or 0 before any is chosen), the arrow
//! keys move the choice (Home and End jump to 0 and 10), and each number is a radio button
//! "`name`: N" in a group that says whether an answer is required.

use egui::RichText;
use egui::accesskit::Role;

use super::a11y;

/// The scale, with its question above it. `required` marks the group for a screen reader (the
/// question's own text carries the visible "*").
pub fn pain_row(
    ui: &mut egui::Ui,
    title: &str,
    name: &str,
    value: &mut Option<u8>,
    required: bool,
) {
    score_row(
        ui,
        (title, name),
        value,
        required,
        (10, "(0 = none, 10 = worst imaginable)"),
    );
}

/// A scale from 0 to `max` with its key, one Tab stop, nothing chosen until the person
/// chooses (each number named "NAME: n").
pub fn score_row(
    ui: &mut egui::Ui,
    (title, name): (&str, &str),
    value: &mut Option<u8>,
    required: bool,
    (max, hint): (u8, &str),
) {
    let question = ui.label(RichText::new(title).strong());
    let group_name = title.to_owned();
    // The numbers always stay on one line; the key to the scale goes beside them when it
    // fits (about 330 px for eleven numbers, 240 for the key), else under them.
    let hint_beside = ui.available_width() > 600.0;
    ui.horizontal(|ui| {
        a11y::answer_group(
            ui,
            Role::RadioGroup,
            &group_name,
            Some(&question),
            required,
            |ui| {
                ui.horizontal(|ui| numbers(ui, name, value, max));
            },
        );
        if hint_beside {
            ui.label(hint);
        }
    });
    if !hint_beside {
        ui.label(hint);
    }
}

fn numbers(ui: &mut egui::Ui, name: &str, value: &mut Option<u8>, max: u8) {
    // Tighter than usual, so the eleven fit a 360 px panel at any window size.
    ui.spacing_mut().item_spacing.x = 3.0;
    ui.spacing_mut().button_padding.x = 6.0;
    let enabled = ui.is_enabled();
    let tab_stop = value.unwrap_or(0);
    let mut cells = Vec::with_capacity(usize::from(max) + 1);
    for n in 0..=max {
        let selected = *value == Some(n);
        // Only one number is a Tab stop; the others are reached with the arrow keys.
        let sense = a11y::roving_sense(n == tab_stop);
        let response = ui.add(
            egui::Button::selectable(selected, RichText::new(n.to_string()).size(18.0))
                .sense(sense),
        );
        response.widget_info(|| {
            egui::WidgetInfo::selected(Role::RadioButton, enabled, selected, format!("{name}: {n}"))
        });
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_position_in_set(usize::from(n) + 1);
            node.set_size_of_set(usize::from(max) + 1);
        });
        if response.clicked() {
            *value = Some(n);
        }
        cells.push(response);
    }
    if let Some(n) = a11y::roving_keys(ui, &cells, value.map(usize::from)) {
        *value = u8::try_from(n).ok();
    }
}

/// The choices side by side when they all fit on one line, else one under another: never a
/// row with one choice wrapped onto a line of its own.
pub fn radio_row<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    (question, question_text): (&egui::Response, &str),
    required: bool,
    value: &mut Option<T>,
    choices: &[(T, &str)],
) {
    let font = egui::FontId::proportional(16.0);
    let needed: f32 = choices
        .iter()
        .map(|(_, label)| {
            let text = ui.fonts_mut(|f| {
                f.layout_no_wrap((*label).to_owned(), font.clone(), egui::Color32::WHITE)
            });
            text.size().x + 36.0
        })
        .sum();
    // One Tab stop (the chosen answer, or the first); the arrow keys move the answer.
    let chosen = choices
        .iter()
        .position(|(choice, _)| *value == Some(*choice));
    let mut row = |ui: &mut egui::Ui| {
        let mut cells = Vec::with_capacity(choices.len());
        for (i, &(choice, label)) in choices.iter().enumerate() {
            let sense = a11y::roving_sense(i == chosen.unwrap_or(0));
            let cell = a11y::radio(
                ui,
                *value == Some(choice),
                RichText::new(label).size(16.0),
                sense,
            );
            if cell.clicked() {
                *value = Some(choice);
            }
            cells.push(cell);
        }
        if let Some(i) = a11y::roving_keys(ui, &cells, chosen) {
            *value = Some(choices[i].0);
        }
    };
    let beside = needed <= ui.available_width();
    a11y::answer_group(
        ui,
        Role::RadioGroup,
        question_text,
        Some(question),
        required,
        |ui| {
            if beside {
                ui.horizontal(|ui| row(ui));
            } else {
                ui.vertical(|ui| row(ui));
            }
        },
    );
}
