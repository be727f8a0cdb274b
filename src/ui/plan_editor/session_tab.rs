//! The session: timings, blocks (add, rename, reorder, remove, rounds, rest) and their items
//! (add from the catalog, reorder, remove; step, dose, sets, notes).

use egui::RichText;

use crate::domain::plan::blocks::{ProgramBlock, ProgramItem, Timings};
use crate::domain::plan::catalog::{Catalog, Dose};
use crate::domain::plan::{PlanProblem, ranges};

use super::{PlanDraft, is_under, number_row, problem_text, problems_at};

pub(super) fn session_ui(
    ui: &mut egui::Ui,
    draft: &mut PlanDraft,
    problems: &[PlanProblem],
    catalog: &Catalog,
) {
    timings_ui(ui, &mut draft.plan.timings, problems);
    ui.add_space(6.0);
    problems_at(ui, problems, "blocks");
    blocks_ui(ui, &mut draft.plan.blocks, problems, catalog);
    add_block_ui(ui, &mut draft.plan.blocks);
    draft.add_to_block = draft
        .add_to_block
        .min(draft.plan.blocks.len().saturating_sub(1));
}

/// The timings, in a section that opens on request: get ready, switch sides, the rests and
/// the seconds per rep.
fn timings_ui(ui: &mut egui::Ui, t: &mut Timings, problems: &[PlanProblem]) {
    egui::CollapsingHeader::new(RichText::new("Timings (seconds)").strong())
        .default_open(false)
        .show(ui, |ui| {
            for (label, value, range, field, help) in [
                (
                    "Get ready",
                    &mut t.get_ready_secs,
                    ranges::LEAD_IN_SECS,
                    "get_ready_secs",
                    "Lead-in before the first exercise",
                ),
                (
                    "Switch sides",
                    &mut t.switch_sides_secs,
                    ranges::LEAD_IN_SECS,
                    "switch_sides_secs",
                    "Pause to change sides on per-side exercises",
                ),
                (
                    "Rest between sets",
                    &mut t.rest_between_sets_secs,
                    ranges::REST_SECS,
                    "rest_between_sets_secs",
                    "Rest between sets of the same exercise",
                ),
                (
                    "Rest between exercises",
                    &mut t.rest_between_exercises_secs,
                    ranges::REST_SECS,
                    "rest_between_exercises_secs",
                    "Rest between one exercise and the next",
                ),
                (
                    "Rest between rounds",
                    &mut t.rest_between_rounds_secs,
                    ranges::REST_SECS,
                    "rest_between_rounds_secs",
                    "Rest between rounds of a block",
                ),
                (
                    "Seconds per rep (estimate)",
                    &mut t.secs_per_rep_estimate,
                    1..=15,
                    "secs_per_rep_estimate",
                    "Only used to estimate the session's length",
                ),
            ] {
                number_row(ui, label, value, range, " s", help);
                problems_at(ui, problems, &format!("timings.{field}"));
            }
        });
}

/// Every block in a frame of its own; a block moved or removed goes after the last is drawn.
fn blocks_ui(
    ui: &mut egui::Ui,
    blocks: &mut Vec<ProgramBlock>,
    problems: &[PlanProblem],
    catalog: &Catalog,
) {
    let block_count = blocks.len();
    let mut block_op: Option<BlockOp> = None;
    for (b, block) in blocks.iter_mut().enumerate() {
        let path = format!("blocks[{b}]");
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(op) = block_header_ui(ui, block, b, block_count) {
                block_op = Some(op);
            }
            // The block's own problems (not its exercises') on a line that is always there.
            let items = format!("{path}.items[");
            problem_text(ui, problems, |p| {
                is_under(p, &path) && !p.starts_with(&items)
            });
            items_ui(ui, block, &path, problems, catalog);
            ui.horizontal(|ui| {
                let label = ui.label("Add an exercise:");
                add_item_combo(ui, block, b, catalog, label.id);
            });
        });
        ui.add_space(4.0);
    }
    match block_op {
        Some(BlockOp::Up(b)) => blocks.swap(b, b - 1),
        Some(BlockOp::Down(b)) => blocks.swap(b, b + 1),
        Some(BlockOp::Remove(b)) => {
            blocks.remove(b);
        }
        None => {}
    }
}

/// A block's header row: its number and name, rounds, its own rest between exercises, and
/// the buttons that move or remove it (the one pressed comes back).
fn block_header_ui(
    ui: &mut egui::Ui,
    block: &mut ProgramBlock,
    b: usize,
    block_count: usize,
) -> Option<BlockOp> {
    let mut block_op = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(RichText::new(format!("Block {}", b + 1)).strong());
        ui.add(
            egui::TextEdit::singleline(&mut block.name)
                .hint_text("e.g. Warm-up")
                .desired_width(180.0),
        )
        .labelled_by(label.id);
        let rounds = ui.label("rounds");
        ui.add(egui::DragValue::new(&mut block.rounds).range(ranges::TYPED))
            .labelled_by(rounds.id);
        let mut own_rest = block.rest_between_exercises_secs.is_some();
        let own = ui.checkbox(&mut own_rest, "own rest between exercises");
        if own.changed() {
            block.rest_between_exercises_secs = own_rest.then_some(15);
        }
        if let Some(rest) = &mut block.rest_between_exercises_secs {
            ui.add(egui::DragValue::new(rest).range(ranges::TYPED).suffix(" s"))
                .labelled_by(own.id);
        }
        if ui
            .add_enabled(b > 0, egui::Button::new("Move up"))
            .clicked()
        {
            block_op = Some(BlockOp::Up(b));
        }
        if ui
            .add_enabled(b + 1 < block_count, egui::Button::new("Move down"))
            .clicked()
        {
            block_op = Some(BlockOp::Down(b));
        }
        if ui.button("Remove block").clicked() {
            block_op = Some(BlockOp::Remove(b));
        }
    });
    block_op
}

/// The "Add block" button, while there is room for another block.
fn add_block_ui(ui: &mut egui::Ui, blocks: &mut Vec<ProgramBlock>) {
    if ui
        .add_enabled(
            blocks.len() < ranges::MAX_BLOCKS,
            egui::Button::new("Add block"),
        )
        .clicked()
    {
        let number = blocks.len() + 1;
        blocks.push(ProgramBlock {
            name: format!("Block {number}"),
            rounds: 1,
            rest_between_exercises_secs: None,
            items: Vec::new(),
        });
    }
}

enum BlockOp {
    Up(usize),
    Down(usize),
    Remove(usize),
}

fn items_ui(
    ui: &mut egui::Ui,
    block: &mut ProgramBlock,
    path: &str,
    problems: &[PlanProblem],
    catalog: &Catalog,
) {
    let count = block.items.len();
    let mut op: Option<BlockOp> = None;
    for (i, item) in block.items.iter_mut().enumerate() {
        let item_path = format!("{path}.items[{i}]");
        ui.separator();
        let exercise = catalog.get(&item.exercise);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(exercise.map_or(item.exercise.as_str(), |e| e.name.as_str()))
                    .strong(),
            );
            let top = exercise.map_or(1, |e| e.top_step());
            let step_label = ui.label("step");
            let before = item.step;
            ui.add(egui::DragValue::new(&mut item.step).range(1..=top.max(1)))
                .labelled_by(step_label.id);
            if let Some(step) = exercise.and_then(|e| e.step(item.step)) {
                ui.label(RichText::new(&step.name).weak());
                if item.step != before {
                    // A new step starts from its own dose.
                    item.dose = None;
                }
            }
            let sets_label = ui.label("sets");
            ui.add(egui::DragValue::new(&mut item.sets).range(ranges::TYPED))
                .labelled_by(sets_label.id);
            if ui
                .add_enabled(i > 0, egui::Button::new("Up"))
                .on_hover_text("Move up")
                .clicked()
            {
                op = Some(BlockOp::Up(i));
            }
            if ui
                .add_enabled(i + 1 < count, egui::Button::new("Down"))
                .on_hover_text("Move down")
                .clicked()
            {
                op = Some(BlockOp::Down(i));
            }
            if ui.button("Remove").clicked() {
                op = Some(BlockOp::Remove(i));
            }
        });
        let ladder_dose = exercise.and_then(|e| e.step(item.step)).map(|s| s.dose);
        dose_ui(ui, item, ladder_dose, &item_path);
        ui.horizontal(|ui| {
            let label = ui.label("Note for the patient");
            ui.add(
                egui::TextEdit::singleline(&mut item.notes)
                    .hint_text("optional")
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
            // The exercise's problems at the end of a row that is always there.
            problem_text(ui, problems, |p| is_under(p, &item_path));
        });
    }
    match op {
        Some(BlockOp::Up(i)) => block.items.swap(i, i - 1),
        Some(BlockOp::Down(i)) => block.items.swap(i, i + 1),
        Some(BlockOp::Remove(i)) => {
            block.items.remove(i);
        }
        None => {}
    }
}

/// The dose: the ladder step's starting dose, or the clinician's own.
fn dose_ui(ui: &mut egui::Ui, item: &mut ProgramItem, ladder: Option<Dose>, path: &str) {
    ui.horizontal_wrapped(|ui| {
        let mut own = item.dose.is_some();
        let ladder_text = ladder.map_or("—".to_owned(), |d| d.describe());
        if ui
            .checkbox(&mut own, "own dose")
            .on_hover_text(format!(
                "Otherwise the ladder step's starting dose: {ladder_text}"
            ))
            .changed()
        {
            item.dose = if own { ladder } else { None };
        }
        match &mut item.dose {
            None => {
                ui.label(format!("dose: {ladder_text} (the step's own)"));
            }
            Some(Dose::Hold { hold_secs }) => {
                let label = ui.label("hold");
                ui.add(
                    egui::DragValue::new(hold_secs)
                        .range(ranges::TYPED)
                        .suffix(" s"),
                )
                .labelled_by(label.id)
                .on_hover_text(format!("{path}.dose"));
            }
            Some(Dose::Reps { reps }) => {
                let label = ui.label("reps");
                ui.add(egui::DragValue::new(reps).range(ranges::TYPED))
                    .labelled_by(label.id);
            }
            Some(Dose::Paced {
                reps,
                secs_per_rep,
                fewer_per_set,
            }) => {
                let label = ui.label("reps");
                ui.add(egui::DragValue::new(reps).range(ranges::TYPED))
                    .labelled_by(label.id);
                let label = ui.label("of");
                ui.add(
                    egui::DragValue::new(secs_per_rep)
                        .range(ranges::TYPED)
                        .suffix(" s"),
                )
                .labelled_by(label.id);
                let label = ui.label("fewer each set");
                ui.add(egui::DragValue::new(fewer_per_set).range(ranges::TYPED))
                    .labelled_by(label.id);
            }
        }
    });
}

/// A chooser of catalog exercises; the one chosen is added to the end of the block.
fn add_item_combo(
    ui: &mut egui::Ui,
    block: &mut ProgramBlock,
    index: usize,
    catalog: &Catalog,
    label: egui::Id,
) {
    egui::ComboBox::from_id_salt(("add_item", index))
        .selected_text("choose…")
        .width(220.0)
        .show_ui(ui, |ui| {
            for exercise in &catalog.exercises {
                if ui.selectable_label(false, &exercise.name).clicked()
                    && block.items.len() < ranges::MAX_ITEMS_PER_BLOCK
                {
                    block.items.push(new_item(&exercise.id));
                }
            }
        })
        .response
        .labelled_by(label);
}

/// A new item of `exercise_id` at its first step, one set, the step's own dose.
pub(super) fn new_item(exercise_id: &str) -> ProgramItem {
    ProgramItem {
        exercise: exercise_id.to_owned(),
        step: 1,
        sets: 1,
        dose: None,
        notes: String::new(),
    }
}
