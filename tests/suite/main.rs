//! The integration tests, as one binary: one link of egui and the app instead of one per file,
//! which keeps the debug build small on disk and quick to link. The modules follow the parts
//! of the code:
//!
//! - `plan`: plan files, the plan editor, opening plans in the app, the handout, the poses;
//! - `session`: the timing engine (`player`), the cue track, sound, recovery after a kill;
//! - `care`: the clinical rules (`care::rules`, by topic), the check-in screens, the projection;
//! - `progress`: the figures, the history screen, the clinician report, demo data;
//! - `store`: the data files, durability, a full disk, kill -9, bad input, fuzzing;
//! - `app`: the app driven as a whole, its accessibility tree, image snapshots;
//! - `common`: the helpers they share (the app under test, check-ins, histories, files).
//!
//! Run one part, or one module, with `cargo test --test suite care::` or
//! `cargo test --test suite care::rules::safety::`. The seeds of failing property-test cases
//! are kept beside their module, in `<module>.proptest-regressions` (`common::beside_source`).

mod common;

mod app;
mod care;
mod plan;
mod progress;
mod session;
mod store;
