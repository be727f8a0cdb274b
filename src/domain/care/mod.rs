//! The day's decision: the check-in and what its answers mean, the clinical rules, and a plan
//! projected through generated histories by those rules.

pub mod activities;
pub mod answers;
pub mod checkin;
pub mod clock;
pub mod projection;
pub mod reminder;
pub mod rules;
