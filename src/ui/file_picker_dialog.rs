//! A small file picker, drawn with egui alone (no desktop services needed). Saving over an
//! existing file asks first.

use crate::ui::PickerAction;
use egui::RichText;

use crate::platform::file_browser::{FileBrowser, FilePurpose};

use super::Action;

pub fn file_picker_ui(ctx: &egui::Context, browser: &FileBrowser) -> Vec<Action> {
    let mut actions = Vec::new();
    let (title, confirm) = match browser.purpose {
        FilePurpose::OpenPlan => ("Open a plan file", "Open"),
        FilePurpose::ExportPlan => ("Export the plan to a file", "Save"),
        FilePurpose::SaveHandout => ("Save a printable handout", "Save"),
        FilePurpose::SaveDraftPlan => ("Save the plan to a file", "Save"),
        FilePurpose::SaveDraftHandout => ("Save a printable handout of this plan", "Save"),
        FilePurpose::SaveCalendar => ("Save your training days as a calendar file", "Save"),
        FilePurpose::SaveDraftCalendar => {
            ("Save this plan's training days as a calendar file", "Save")
        }
        FilePurpose::SaveReport => ("Save the report for your clinician", "Save"),
        FilePurpose::SaveCsv => ("Export every session as CSV", "Save"),
        FilePurpose::SaveSession => ("Save the session to another folder", "Save"),
    };
    egui::Modal::new(egui::Id::unique("file_picker")).show(ctx, |ui| {
        ui.set_width(560.0);
        crate::ui::widgets::a11y::dialog_heading(ui, title);
        ui.horizontal(|ui| {
            if ui.button("Up one folder").clicked()
                && let Some(parent) = browser.dir.parent()
            {
                actions.push(Action::Picker(PickerAction::Navigate(parent.to_path_buf())));
            }
            if let Some(home) = FileBrowser::home()
                && ui.button("Home").clicked()
            {
                actions.push(Action::Picker(PickerAction::Navigate(home)));
            }
            ui.label(format!("Folder: {}", browser.dir.display()));
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                if let Some(error) = &browser.error {
                    ui.label(RichText::new(error).color(super::palette::WARNING));
                }
                if browser.entries.is_empty() && browser.error.is_none() {
                    ui.label(format!(
                        "No folders or .{} files here.",
                        browser.purpose.extension()
                    ));
                }
                for entry in &browser.entries {
                    let text = if entry.is_dir {
                        format!("{}/", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    let selected = !entry.is_dir && entry.name == browser.file_name;
                    let response = ui.selectable_label(selected, text);
                    if response.clicked() {
                        actions.push(if entry.is_dir {
                            Action::Picker(PickerAction::Navigate(entry.path.clone()))
                        } else {
                            Action::Picker(PickerAction::FileName(entry.name.clone()))
                        });
                    }
                    if response.double_clicked() && !entry.is_dir {
                        actions.push(Action::Picker(PickerAction::Confirm));
                    }
                }
            });
        ui.separator();
        ui.label(
            RichText::new("Click a folder to open it, or type a folder's path and press Enter.")
                .weak(),
        );
        ui.horizontal(|ui| {
            let label = ui.label("File name:");
            let mut name = browser.file_name.clone();
            let edit = ui.add(egui::TextEdit::singleline(&mut name).desired_width(360.0));
            let edit = edit.labelled_by(label.id);
            if edit.changed() {
                actions.push(Action::Picker(PickerAction::FileName(name)));
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                actions.push(Action::Picker(PickerAction::Confirm));
            }
        });
        if let Some(existing) = &browser.replacing {
            ui.label(
                RichText::new(format!(
                    "{} already exists. Replace it with the new file?",
                    existing.display()
                ))
                .color(super::palette::WARNING),
            );
        }
        ui.horizontal(|ui| {
            let can_confirm = browser.chosen_path().is_some();
            let confirm = if browser.replacing.is_some() {
                "Replace"
            } else {
                confirm
            };
            if ui
                .add_enabled(can_confirm, egui::Button::new(confirm))
                .clicked()
            {
                actions.push(Action::Picker(PickerAction::Confirm));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::Picker(PickerAction::Cancel));
            }
        });
    });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        actions.push(Action::Picker(PickerAction::Cancel));
    }
    actions
}
