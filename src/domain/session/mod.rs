//! Playing a session: the timing engine, the coach's cues and when they are due, and the record
//! a session leaves.

pub mod coach;
pub mod cue_schedule;
pub mod motion;
pub mod player;
pub mod record;
