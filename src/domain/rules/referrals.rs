//! R7: patterns that call for a clinician, and the referral events a report lists.

use chrono::NaiveDate;

use super::safety::nerve_warning_since;
use super::{Referral, decide};
use crate::domain::catalog::Catalog;
use crate::domain::checkin::Day;
use crate::domain::circuit::Circuit;
use crate::domain::plan::{Plan, RuleSettings};

/// Each date from `from` to `to` (with a check-in) on which the referral level rose, with the
/// reason the rules gave: the referral events a clinician report lists.
pub fn referral_events(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, Referral, String)> {
    let mut dates: Vec<NaiveDate> = days
        .iter()
        .filter(|d| d.check_in.is_some() && d.date >= from && d.date <= to)
        .map(|d| d.date)
        .collect();
    dates.sort();
    dates.dedup();
    let mut events = Vec::new();
    let mut previous = Referral::None;
    for date in dates {
        let decision = decide(plan, circuit, catalog, days, date);
        if decision.referral > previous {
            let reason = decision
                .reasons
                .iter()
                .find(|r| {
                    r.contains("clinician") || r.contains("doctor") || r.contains("emergency")
                })
                .or(decision.reasons.first())
                .cloned()
                .unwrap_or_default();
            events.push((date, decision.referral, reason));
        }
        previous = decision.referral;
    }
    events
}

pub(super) fn clinician_contact(plan: &Plan) -> Option<String> {
    plan.clinician.as_ref().map(|c| {
        if c.contact.is_empty() {
            c.name.clone()
        } else {
            format!("{}, {}", c.name, c.contact)
        }
    })
}

/// Mean back pain of the last 7 days and of the 7 before, when both have check-ins.
pub(super) fn weekly_means(days: &[&Day], today: NaiveDate) -> Option<(f64, f64)> {
    let mean_between = |from_days_ago: i64, to_days_ago: i64| {
        let pains: Vec<f64> = days
            .iter()
            .filter(|d| {
                let ago = (today - d.date).num_days();
                ago >= to_days_ago && ago < from_days_ago
            })
            .filter_map(|d| d.check_in.as_ref().map(|c| f64::from(c.back_pain)))
            .collect();
        (!pains.is_empty()).then(|| pains.iter().sum::<f64>() / pains.len() as f64)
    };
    Some((mean_between(14, 7)?, mean_between(7, 0)?))
}

/// R7: after the expected weeks, no meaningful fall in mean back pain from the first week.
pub(super) fn improvement_check(
    days: &[&Day],
    today: NaiveDate,
    rules: &RuleSettings,
) -> Option<(f64, f64)> {
    let first = days.iter().find(|d| d.check_in.is_some())?.date;
    if (today - first).num_days() < i64::from(rules.weeks_to_expect_improvement) * 7 {
        return None;
    }
    let mean = |from: NaiveDate, to: NaiveDate| {
        let pains: Vec<f64> = days
            .iter()
            .filter(|d| d.date >= from && d.date < to)
            .filter_map(|d| d.check_in.as_ref().map(|c| f64::from(c.back_pain)))
            .collect();
        (!pains.is_empty()).then(|| pains.iter().sum::<f64>() / pains.len() as f64)
    };
    let week = chrono::Duration::days(7);
    let baseline = mean(first, first + week)?;
    let current = mean(
        today - week + chrono::Duration::days(1),
        today + chrono::Duration::days(1),
    )?;
    (baseline - current < f64::from(rules.meaningful_pain_change)).then_some((baseline, current))
}

/// R7 and the R2 follow-up: the routine referral the history calls for, with its reasons.
pub(super) fn routine_referral(
    days: &[&Day],
    reds: &[NaiveDate],
    today: NaiveDate,
    rules: &RuleSettings,
) -> (Referral, Vec<String>) {
    let mut referral = Referral::None;
    let mut reasons = Vec::new();
    let reds_within = |window_days: u32| {
        reds.iter()
            .filter(|d| (today - **d).num_days() <= i64::from(window_days))
            .count()
    };
    if reds_within(rules.referral_window_days) >= usize::from(rules.reds_for_referral) {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "{} red sessions in the last {} days: please book an appointment with a clinician.",
            reds_within(rules.referral_window_days),
            rules.referral_window_days
        ));
    }
    if let Some((previous, current)) = weekly_means(days, today)
        && current - previous >= f64::from(rules.weekly_pain_rise_for_referral)
    {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "Your average back pain rose from {previous:.1} to {current:.1} over the last week: please book an appointment with a clinician."
        ));
    }
    if let Some((baseline, current)) = improvement_check(days, today, rules) {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "After {} weeks your average back pain went from {baseline:.1} to {current:.1}, less than a {}-point improvement: please book an appointment with a clinician.",
            rules.weeks_to_expect_improvement, rules.meaningful_pain_change
        ));
    }
    // R2 follow-up: a nerve warning still there at a check-in at least 48 h after it began.
    if let Some(started) = nerve_warning_since(days, today)
        && (today - started).num_hours() >= i64::from(rules.nerve_recheck_hours)
    {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "The leg symptoms reported since {started} are still there: please book an appointment with a clinician."
        ));
    }
    (referral, reasons)
}
