//! The product's rules and data, free of GUI, audio, files and clocks, in the product's parts.
//!
//! The parts depend one way: `plan` (what is prescribed) ← `session` (playing it) ← `care`
//! (the day's decision) ← `progress` (looking back). `dates` and `red_flags` are shared by
//! all of them. Time comes in as arguments (`now: Duration` since a fixed origin, dates as
//! values), so every behaviour here is testable with fixed times.

pub mod care;
pub mod dates;
pub mod plan;
pub mod progress;
pub mod red_flags;
pub mod session;
