//! R3: how a session went (green, amber, red), from its report and the next morning.

use super::Light;
use crate::domain::care::checkin::{MorningAfter, SessionReport};
use crate::domain::plan::RuleSettings;

/// R3: the light of a session, from the report, that day's check-in back pain (if there was
/// a check-in) and the next morning's answer (if known yet).
pub fn session_light(
    report: &SessionReport,
    day_back_pain: Option<u8>,
    next_morning: Option<MorningAfter>,
    rules: &RuleSettings,
) -> Light {
    let worst = report.worst_pain;
    // Up to amber_max_pain, a session near the person's usual pain of the day is green.
    let near_usual = day_back_pain.is_some_and(|usual| {
        worst <= rules.amber_max_pain && worst <= usual.saturating_add(rules.green_rise)
    });
    if worst > rules.amber_max_pain
        || report.sharp_or_shooting
        || next_morning == Some(MorningAfter::WorseNotSettled)
    {
        Light::Red
    } else if (worst > rules.green_max_pain && !near_usual)
        || next_morning == Some(MorningAfter::WorseButSettled)
    {
        Light::Amber
    } else {
        Light::Green
    }
}
