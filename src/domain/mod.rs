//! The product's rules and data, free of GUI, audio, files and clocks.
//!
//! Time comes in as arguments (`now: Duration` since a fixed origin, dates as values), so every
//! behaviour here is testable with fixed times.

pub mod adherence;
pub mod answers;
pub mod catalog;
pub mod catalog_filter;
pub mod checkin;
pub mod circuit;
pub mod coach;
pub mod cue_schedule;
pub mod date_axis;
pub mod dates;
pub mod demo;
pub mod dose_changes;
pub mod plan;
pub mod plan_diff;
pub mod player;
pub mod progress;
pub mod projection;
pub mod record;
pub mod rules;
pub mod timeline;
