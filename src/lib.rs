//! Strongback: a back-care strength coach for runners and physiotherapy patients.
//!
//! - [`domain`]: circuits, the timing engine, the catalog, records. No GUI, audio, files or clock.
//! - [`assets`], [`data_file`], [`store`], [`settings`]: the app's data and how it is read and saved.
//! - [`audio`], [`clock`]: the outside world, behind small traits so tests can fake them.
//! - [`app`] and [`ui`]: the eframe app and one module per screen.
//! - [`cli`]: command-line arguments and start-up.

pub mod app;
pub mod assets;
pub mod audio;
pub mod cli;
pub mod clock;
pub mod data_file;
pub mod days_file;
pub mod demo;
pub mod domain;
pub mod file_browser;
pub mod plan_file;
pub mod report;
pub mod ron_spans;
pub mod settings;
pub mod store;
pub mod ui;

pub use app::{AppDeps, ScreenKind, StrongbackApp};
