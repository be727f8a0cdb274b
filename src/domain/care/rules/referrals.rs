//! R7: patterns that call for a clinician, and every referral raised, as the report lists them.

use chrono::NaiveDate;

use super::Referral;
use crate::domain::plan::{Plan, RuleSettings};

/// A referral the rules raised: the date it was first raised for its cause, the level (urgent
/// when a background risk factor was on record), the reason as the app words it, and the date
/// the person said they had seen a clinician, which closed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaisedReferral {
    pub raised_on: NaiveDate,
    pub level: Referral,
    pub reason: String,
    pub closed_on: Option<NaiveDate>,
}

impl RaisedReferral {
    pub(super) fn new(
        raised_on: NaiveDate,
        reason: &str,
        factors_on_record: &std::collections::BTreeSet<crate::domain::care::checkin::RedFlag>,
    ) -> Self {
        Self {
            raised_on,
            level: if factors_on_record.is_empty() {
                Referral::Routine
            } else {
                Referral::Urgent
            },
            reason: reason.to_owned(),
            closed_on: None,
        }
    }
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

/// The latest counted week's mean back pain and the previous counted week's, as
/// (previous, latest).
fn weekly_means(ev: &ReferralEvidence<'_>) -> Option<(f64, f64)> {
    let mut counted = ev.counted_weeks().rev();
    let (index, latest) = counted.next()?;
    if !recent(ev, index) {
        return None;
    }
    let (_, previous) = counted.next()?;
    Some((previous.mean_back_pain(), latest.mean_back_pain()))
}

/// Whether week `index` is the week under way or the one before it: a week's figures speak
/// for now only while they are recent.
fn recent(ev: &ReferralEvidence<'_>, index: usize) -> bool {
    ev.weeks_origin.is_some_and(|origin| {
        let current = (ev.today - origin).num_days() / 7;
        i64::try_from(index).is_ok_and(|index| index + 1 >= current)
    })
}

/// Whether the expected weeks have passed since the first check-in.
fn weeks_passed(ev: &ReferralEvidence<'_>, rules: &RuleSettings) -> bool {
    ev.weeks_origin.is_some_and(|first| {
        (ev.today - first).num_days() >= i64::from(rules.weeks_to_expect_improvement) * 7
    })
}

/// R7: after the expected weeks, no meaningful fall in mean back pain from the first counted
/// week to the latest, when the first was at least `improvement_baseline_min_pain`.
fn improvement_check(ev: &ReferralEvidence<'_>, rules: &RuleSettings) -> Option<(f64, f64)> {
    if !weeks_passed(ev, rules) {
        return None;
    }
    let (first_index, first) = ev.counted_weeks().next()?;
    let (latest_index, latest) = ev.counted_weeks().next_back()?;
    // A week is not compared with itself, and an old week does not speak for now.
    if latest_index <= first_index || !recent(ev, latest_index) {
        return None;
    }
    let (baseline, current) = (first.mean_back_pain(), latest.mean_back_pain());
    (baseline >= f64::from(rules.improvement_baseline_min_pain)
        && baseline - current < f64::from(rules.meaningful_pain_change))
    .then_some((baseline, current))
}

/// R7: after the expected weeks, leg pain still disabling in the latest counted week.
fn disabling_leg_pain(ev: &ReferralEvidence<'_>, rules: &RuleSettings) -> Option<f64> {
    if !weeks_passed(ev, rules) {
        return None;
    }
    let (index, latest) = ev.counted_weeks().next_back()?;
    if !recent(ev, index) {
        return None;
    }
    let mean = latest.mean_leg_pain();
    (mean >= f64::from(rules.disabling_leg_pain)).then_some(mean)
}

/// What a routine referral was raised for: an open referral keeps one reason of each kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    Reds,
    WeeklyRise,
    NoImprovement,
    DisablingLegPain,
    Weakness,
    LegSymptoms,
}

/// R7 and the R2 follow-up: the routine referral the history calls for, with its reasons.
pub(crate) fn routine_referral(ev: &ReferralEvidence<'_>) -> (Referral, Vec<(Cause, String)>) {
    let rules = ev.rules;
    let today = ev.today;
    let mut referral = Referral::None;
    let mut reasons = Vec::new();
    let reds_within = ev.reds_in_window;
    if reds_within >= usize::from(rules.reds_for_referral) {
        referral = referral.max(Referral::Routine);
        reasons.push((
            Cause::Reds,
            format!(
                "{reds_within} red sessions in the last {} days: please book an appointment with a clinician.",
                rules.referral_window_days
            ),
        ));
    }
    if let Some((previous, current)) = weekly_means(ev)
        && current - previous >= f64::from(rules.weekly_pain_rise_for_referral)
    {
        referral = referral.max(Referral::Routine);
        reasons.push((
            Cause::WeeklyRise,
            format!(
                "Your average back pain rose from {previous:.1} to {current:.1} from one week to the next: please book an appointment with a clinician."
            ),
        ));
    }
    if let Some((baseline, current)) = improvement_check(ev, rules) {
        referral = referral.max(Referral::Routine);
        reasons.push((
            Cause::NoImprovement,
            format!(
                "After {} weeks your average back pain went from {baseline:.1} to {current:.1}, less than a {}-point improvement: please book an appointment with a clinician.",
                rules.weeks_to_expect_improvement, rules.meaningful_pain_change
            ),
        ));
    }
    if let Some(mean) = disabling_leg_pain(ev, rules) {
        referral = referral.max(Referral::Routine);
        reasons.push((
            Cause::DisablingLegPain,
            format!(
                "After {} weeks your leg pain still averages {mean:.1} out of 10: please book an appointment with a clinician.",
                rules.weeks_to_expect_improvement
            ),
        ));
    }
    // Leg-symptom evidence of a day on which the person then said they had seen a clinician
    // is covered by that visit.
    let r2_counts = ev.seen_clinician_on != Some(today);
    if r2_counts && ev.weakness_today {
        referral = referral.max(Referral::Routine);
        reasons.push((
            Cause::Weakness,
            "New weakness in a leg or foot: please book an appointment with a clinician."
                .to_owned(),
        ));
    }
    // R2 follow-up: a nerve warning still there at a check-in at least 48 h after it began.
    if r2_counts
        && let Some(started) = ev.leg_symptoms_since
        && (today - started).num_hours() >= i64::from(rules.nerve_recheck_hours)
    {
        referral = referral.max(Referral::Routine);
        reasons.push((
            Cause::LegSymptoms,
            format!(
                "The leg symptoms reported since {} are still there: please book an appointment with a clinician.",
                crate::domain::dates::short_date(started)
            ),
        ));
    }
    (referral, reasons)
}

/// One 7-day block of check-ins, counted from the first check-in (R7).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct WeekBlock {
    pub back_pain_sum: u32,
    pub leg_pain_sum: u32,
    pub answers: u32,
}

impl WeekBlock {
    /// A week with fewer than 2 answers does not count.
    pub fn counted(&self) -> bool {
        self.answers >= 2
    }

    pub fn mean_back_pain(&self) -> f64 {
        f64::from(self.back_pain_sum) / f64::from(self.answers.max(1))
    }

    pub fn mean_leg_pain(&self) -> f64 {
        f64::from(self.leg_pain_sum) / f64::from(self.answers.max(1))
    }
}

/// What R7 and the R2 follow-up read of the history up to a date.
pub(crate) struct ReferralEvidence<'f> {
    pub rules: &'f RuleSettings,
    pub today: NaiveDate,
    /// The last date the person stated they had seen a clinician.
    pub seen_clinician_on: Option<NaiveDate>,
    /// Red sessions within the referral window, after the last "seen a clinician".
    pub reds_in_window: usize,
    /// 7-day blocks of check-ins from `weeks_origin`.
    pub weeks: &'f [WeekBlock],
    pub weeks_origin: Option<NaiveDate>,
    /// New weakness reported today.
    pub weakness_today: bool,
    /// The date the open leg-symptom warning began.
    pub leg_symptoms_since: Option<NaiveDate>,
}

impl ReferralEvidence<'_> {
    /// The counted weeks, oldest first, with their index from the first check-in.
    fn counted_weeks(&self) -> impl DoubleEndedIterator<Item = (usize, &WeekBlock)> {
        self.weeks.iter().enumerate().filter(|(_, w)| w.counted())
    }
}
