//! R3: how a session went (green, amber, red), from its report and the next morning.

use chrono::NaiveDate;

use super::Light;
use crate::domain::checkin::{CheckIn, Day, MorningAfter, SessionReport};
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

/// Sessions before `today`, each lit by the next morning's answer. One backward pass finds the
/// next check-in after every day, so this stays linear in the history's length.
pub(super) fn lit_sessions<'a>(
    days: &[&'a Day],
    today: NaiveDate,
    rules: &RuleSettings,
) -> Vec<Lit<'a>> {
    let mut next_morning_after: Vec<Option<MorningAfter>> = vec![None; days.len()];
    let mut next_check_in: Option<&CheckIn> = None;
    for (i, day) in days.iter().enumerate().rev() {
        next_morning_after[i] = next_check_in.and_then(|c| c.morning_after);
        if let Some(check_in) = &day.check_in {
            next_check_in = Some(check_in);
        }
    }
    days.iter()
        .zip(&next_morning_after)
        .filter(|(d, _)| d.date < today)
        .filter_map(|(d, next)| d.session.as_ref().map(|s| (d.date, s, *next)))
        .map(|(date, report, next_morning)| Lit {
            date,
            report,
            light: session_light(report, next_morning, rules),
        })
        .collect()
}
