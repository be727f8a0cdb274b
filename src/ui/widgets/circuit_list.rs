//! A circuit as a list: each block with its exercises, pictures, doses and ladder steps.

use egui::{RichText, Vec2};

use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::circuit::Circuit;

use super::figure::figure_ui;

pub fn circuit_list_ui(ui: &mut egui::Ui, circuit: &Circuit, catalog: &Catalog, figure_size: Vec2) {
    for block in &circuit.blocks {
        ui.add_space(4.0);
        let rounds = if block.rounds > 1 {
            format!(" — {} rounds", block.rounds)
        } else {
            String::new()
        };
        super::a11y::subheading(ui, format!("{}{rounds}", block.name));
        for item in &block.items {
            ui.horizontal(|ui| {
                if let Some(exercise) = catalog.get(&item.exercise_id) {
                    let (parts, view) = exercise.key_picture_at(item.step);
                    figure_ui(
                        ui,
                        &parts,
                        view,
                        figure_size,
                        &format!("Picture of {}", exercise.name),
                    );
                }
                ui.vertical(|ui| {
                    ui.label(RichText::new(&item.name).size(17.0).strong());
                    ui.label(format!(
                        "{} · step {} of {}: {}",
                        item.dose_summary(),
                        item.step,
                        item.top_step,
                        item.step_name
                    ));
                    if !item.notes.is_empty() {
                        ui.label(RichText::new(&item.notes).italics());
                    }
                });
            });
        }
    }
}
