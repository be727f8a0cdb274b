//! Deciding many dates in one pass over the history (simulate, the report, adherence).

use chrono::NaiveDate;

use super::fold::Fold;
use super::referrals::RaisedReferral;
use super::{DayDecision, decide_folded};
use crate::domain::care::checkin::Day;
use crate::domain::plan::Plan;
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::circuit::Circuit;

/// The decisions for `dates` (sorted), folding the history once.
pub fn decisions_for(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    dates: &[NaiveDate],
) -> Vec<DayDecision> {
    let mut decisions = Vec::with_capacity(dates.len());
    for_each_decision(plan, circuit, catalog, days, dates, |decision| {
        decisions.push(decision);
    });
    decisions
}

/// [`decisions_for`], handing each decision to `each` as it is made, so that a caller that
/// keeps only part of each (years of dates) never holds them all.
pub fn for_each_decision(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    dates: &[NaiveDate],
    each: impl FnMut(DayDecision),
) {
    decide_each(Fold::new(plan, circuit, catalog, days), dates, each);
}

/// [`for_each_decision`], each date decided as it stood before that date's own sessions: what
/// the person was prescribed when they started (a red session that day does not turn the
/// day into a rest day). For replaying a history, or generating one, session by session.
pub fn for_each_decision_before_sessions(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    dates: &[NaiveDate],
    each: impl FnMut(DayDecision),
) {
    let mut fold = Fold::new(plan, circuit, catalog, days);
    fold.before_todays_sessions = true;
    decide_each(fold, dates, each);
}

/// Fold on to each of `dates` in turn and decide it.
fn decide_each(mut fold: Fold<'_>, dates: &[NaiveDate], mut each: impl FnMut(DayDecision)) {
    for date in dates {
        fold.advance_to(*date);
        each(decide_folded(&fold));
    }
}

/// Every referral that was open on some date of `from..=to`, oldest first: raised before `to`
/// (then the app shows it as "On 13 Dec 2026: …" until the person says they have seen a
/// clinician) or on `to` itself (the app shows it as today's). The one list behind the
/// app's open referral, the report and the events CSV, so all three give the same dates.
pub fn referrals_raised(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<RaisedReferral> {
    let mut fold = Fold::new(plan, circuit, catalog, days);
    fold.advance_to(to);
    let (_, raised_today) = super::referrals::routine_referral(&fold.referral_evidence());
    let mut raised = fold.referral_log.clone();
    for (cause, reason) in raised_today {
        if !fold.open_referral.iter().any(|(open, ..)| *open == cause) {
            raised.push(RaisedReferral::new(to, &reason, &fold.factors_on_record));
        }
    }
    raised.retain(|r| r.closed_on.is_none_or(|closed| closed >= from));
    raised
}
