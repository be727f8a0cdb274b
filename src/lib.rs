//! Strongback: a back-care strength coach for runners and physiotherapy patients.
//!
//! - [`domain`]: circuits, the timing engine, the catalog, plans, check-ins and rules, history
//!   and progress. No GUI, sound, files or clock: time and dates come in as arguments.
//! - [`store`]: every file format (RON with spans, plan files, history, sessions, settings,
//!   bundled assets) and atomic writes.
//! - [`platform`]: the outside world behind small traits (sound, clock, folders).
//! - [`app`]: the eframe app: state, and the one place where screen actions are applied.
//! - [`ui`]: one file per screen, shared widgets in `ui/widgets/`.
//! - [`report`]: the clinician report, CSV export and the printable handout.
//! - [`cli`]: command-line arguments, one file per subcommand, and opening the window.

pub mod app;
pub mod audio;
pub mod cli;
pub mod domain;
pub mod platform;
pub mod report;
pub mod store;
pub mod ui;

pub use app::{AppDeps, ScreenKind, StartupLoad, StrongbackApp};
