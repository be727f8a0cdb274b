//! R7: patterns that call for a clinician, and the referral events a report lists.

use chrono::NaiveDate;

use super::fold::Fold;
use super::{Referral, decisions_for};
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
    for decision in decisions_for(plan, circuit, catalog, days, &dates) {
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
            events.push((decision.date, decision.referral, reason));
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
fn weekly_means(fold: &Fold<'_>) -> Option<(f64, f64)> {
    let today = fold.today();
    let mut weeks = [(0.0, 0u32); 2];
    for (date, check_in) in fold.recent_check_ins(today - chrono::Duration::days(13)) {
        let week = usize::from((today - *date).num_days() >= 7);
        weeks[week].0 += f64::from(check_in.back_pain);
        weeks[week].1 += 1;
    }
    let mean = |(sum, n): (f64, u32)| (n > 0).then(|| sum / f64::from(n));
    Some((mean(weeks[1])?, mean(weeks[0])?))
}

/// R7: after the expected weeks, no meaningful fall in mean back pain from the first week.
fn improvement_check(fold: &Fold<'_>, rules: &RuleSettings) -> Option<(f64, f64)> {
    let today = fold.today();
    let first = fold.check_ins().first()?.0;
    if (today - first).num_days() < i64::from(rules.weeks_to_expect_improvement) * 7 {
        return None;
    }
    let mean = |pains: Vec<f64>| {
        (!pains.is_empty()).then(|| pains.iter().sum::<f64>() / pains.len() as f64)
    };
    let week = chrono::Duration::days(7);
    let baseline = mean(
        fold.check_ins()
            .iter()
            .take_while(|(d, _)| *d < first + week)
            .map(|(_, c)| f64::from(c.back_pain))
            .collect(),
    )?;
    let current = mean(
        fold.recent_check_ins(today - week + chrono::Duration::days(1))
            .map(|(_, c)| f64::from(c.back_pain))
            .collect(),
    )?;
    (baseline - current < f64::from(rules.meaningful_pain_change)).then_some((baseline, current))
}

/// R7 and the R2 follow-up: the routine referral the history calls for, with its reasons.
pub(super) fn routine_referral(fold: &Fold<'_>) -> (Referral, Vec<String>) {
    let rules = &fold.plan.rules;
    let today = fold.today();
    let mut referral = Referral::None;
    let mut reasons = Vec::new();
    let window = chrono::Duration::days(i64::from(rules.referral_window_days));
    let reds_within = fold.reds_since(today - window).len();
    if reds_within >= usize::from(rules.reds_for_referral) {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "{reds_within} red sessions in the last {} days: please book an appointment with a clinician.",
            rules.referral_window_days
        ));
    }
    if let Some((previous, current)) = weekly_means(fold)
        && current - previous >= f64::from(rules.weekly_pain_rise_for_referral)
    {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "Your average back pain rose from {previous:.1} to {current:.1} over the last week: please book an appointment with a clinician."
        ));
    }
    if let Some((baseline, current)) = improvement_check(fold, rules) {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "After {} weeks your average back pain went from {baseline:.1} to {current:.1}, less than a {}-point improvement: please book an appointment with a clinician.",
            rules.weeks_to_expect_improvement, rules.meaningful_pain_change
        ));
    }
    // R2 follow-up: a nerve warning still there at a check-in at least 48 h after it began.
    if fold.today_warning.weakness {
        referral = referral.max(Referral::Routine);
        reasons.push(
            "New weakness in a leg or foot: please book an appointment with a clinician."
                .to_owned(),
        );
    }
    if let Some(started) = fold.leg_symptoms_since
        && (today - started).num_hours() >= i64::from(rules.nerve_recheck_hours)
    {
        referral = referral.max(Referral::Routine);
        reasons.push(format!(
            "The leg symptoms reported since {started} are still there: please book an appointment with a clinician."
        ));
    }
    (referral, reasons)
}
