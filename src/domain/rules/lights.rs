//! R3: how a session went (green, amber, red), from its report and the next morning.

use chrono::NaiveDate;

use super::Light;
use crate::domain::checkin::{MorningAfter, SessionReport};
use crate::domain::plan::RuleSettings;

/// R3: the light of a session, from the report and the next morning's answer (if known yet).
pub fn session_light(
    report: &SessionReport,
    next_morning: Option<MorningAfter>,
    rules: &RuleSettings,
) -> Light {
    if report.worst_pain > rules.amber_max_pain
        || report.sharp_or_shooting
        || next_morning == Some(MorningAfter::WorseNotSettled)
    {
        Light::Red
    } else if report.worst_pain > rules.green_max_pain
        || next_morning == Some(MorningAfter::WorseButSettled)
    {
        Light::Amber
    } else {
        Light::Green
    }
}

/// A past session with its light.
pub(super) struct Lit<'a> {
    pub(super) date: NaiveDate,
    pub(super) report: &'a SessionReport,
    pub(super) light: Light,
}
