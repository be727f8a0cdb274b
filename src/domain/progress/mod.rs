//! Looking back: adherence, the figures and charts' series, how doses changed, date axes, and
//! generated histories (demo data, tests and benchmarks).

pub mod activity_figures;
pub mod adherence;
pub mod date_axis;
pub mod demo;
pub mod dose_changes;
pub mod figures;
