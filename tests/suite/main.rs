//! The integration tests, as one binary: one link of egui and the app instead of one per file,
//! which keeps the debug build small on disk and quick to link. Each module is what used to be
//! its own `tests/NAME.rs`; run one with `cargo test --test suite NAME::`.

mod common;

mod a11y_tree;
mod app_ui;
mod audio;
mod bad_input;
mod checkin_ui;
mod cue_track;
mod data_files;
mod demo_data;
mod durability;
mod engine;
mod full_disk;
mod fuzz;
mod handout;
mod history_ui;
mod kill;
mod plan_editor_ui;
mod plan_files;
mod plans_ui;
mod poses;
mod progress;
mod projection;
mod recovery;
mod report;
mod rules;
mod rules_v2;
mod snapshots_ui;
