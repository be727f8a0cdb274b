//! The rule settings a clinician may change, and how far (clinical spec §5, version 3): each
//! with the name the plan editor shows, its allowed range (some depend on another setting),
//! which way is stricter than the default, and what a looser value means in words. One table
//! behind `validate`, the editor, plan import, the handout and the report.

use std::ops::RangeInclusive;

use super::{PlanProblem, RuleSettings};

/// Which way a value is stricter (more cautious) than the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stricter {
    Lower,
    Higher,
}

/// One rule setting.
pub struct RuleSetting {
    /// The field in the plan file (`rules.<field>`).
    pub field: &'static str,
    /// The name the editor shows, and every message uses.
    pub label: &'static str,
    /// After the number: " s", " h", " days", " weeks", " %", "/10" or nothing.
    pub unit: &'static str,
    /// What it does, in plain words.
    pub help: &'static str,
    /// The rule of the clinical spec it belongs to, for the curious (a tooltip only).
    pub spec: &'static str,
    pub stricter: Stricter,
    /// The largest value the editor's field takes as typed.
    pub typed_max: u32,
    pub get: fn(&RuleSettings) -> u32,
    pub set: fn(&mut RuleSettings, u32),
    /// The allowed range, given the other settings.
    pub range: fn(&RuleSettings) -> RangeInclusive<u32>,
}

impl RuleSetting {
    pub fn value(&self, rules: &RuleSettings) -> u32 {
        (self.get)(rules)
    }

    pub fn default_value(&self) -> u32 {
        (self.get)(&RuleSettings::default())
    }

    /// "6/10", "48 h", "7 days".
    pub fn show(&self, value: u32) -> String {
        format!("{value}{}", self.unit)
    }

    /// Looser than the default (allowed inside the range, with a warning).
    pub fn looser(&self, rules: &RuleSettings) -> bool {
        let (value, default) = (self.value(rules), self.default_value());
        match self.stricter {
            Stricter::Lower => value > default,
            Stricter::Higher => value < default,
        }
    }
}

/// A rule setting's stored type, seen as the `u32` the table works in.
trait SettingValue: Copy {
    /// The largest value the editor's field takes as typed (the type's own limit for a
    /// 0–10 pain setting, so what is shown is what is stored).
    const TYPED_MAX: u32;
    fn to_u32(self) -> u32;
    fn from_u32(value: u32) -> Self;
}

impl SettingValue for u8 {
    const TYPED_MAX: u32 = u8::MAX as u32;
    fn to_u32(self) -> u32 {
        u32::from(self)
    }
    fn from_u32(value: u32) -> Self {
        u8::try_from(value).unwrap_or(u8::MAX)
    }
}

impl SettingValue for u32 {
    const TYPED_MAX: u32 = *super::ranges::TYPED.end();
    fn to_u32(self) -> u32 {
        self
    }
    fn from_u32(value: u32) -> Self {
        value
    }
}

macro_rules! setting {
    ($field:ident, $label:expr, $unit:expr, $spec:expr, $stricter:ident, $ty:ty, $range:expr, $help:expr) => {
        RuleSetting {
            field: stringify!($field),
            label: $label,
            unit: $unit,
            help: $help,
            spec: $spec,
            stricter: Stricter::$stricter,
            typed_max: <$ty as SettingValue>::TYPED_MAX,
            get: |r| SettingValue::to_u32(r.$field),
            set: |r, v| r.$field = <$ty as SettingValue>::from_u32(v),
            range: $range,
        }
    };
}

/// Every rule setting, in the order the editor shows them.
pub const RULE_SETTINGS: [RuleSetting; 26] = [
    setting!(
        green_max_pain,
        "Green: worst pain up to",
        "/10",
        "R3",
        Lower,
        u8,
        |r| 0..=u32::from(r.amber_max_pain).saturating_sub(1).min(4),
        "a session whose worst pain is up to this is green"
    ),
    setting!(
        amber_max_pain,
        "Amber: worst pain up to",
        "/10",
        "R3",
        Lower,
        u8,
        |r| u32::from(r.green_max_pain).min(4) + 1..=6,
        "above green and up to this is amber; above it the session is red"
    ),
    setting!(
        green_rise,
        "Green rise over the day's pain",
        "",
        "R3",
        Lower,
        u8,
        |_| 0..=2,
        "a session is still green up to the amber limit when its worst pain is no more than this above that day's usual pain"
    ),
    setting!(
        greens_to_progress,
        "Greens in a row to move up",
        "",
        "R4",
        Higher,
        u8,
        |_| 2..=4,
        "green sessions of an exercise at its full dose before it moves up; also ends a dropped set or a halving"
    ),
    setting!(
        ambers_to_drop_set,
        "Ambers in a row to drop a set",
        "",
        "R5",
        Lower,
        u8,
        |_| 1..=3,
        "amber sessions in a row before one set is dropped"
    ),
    setting!(
        reds_for_deload,
        "Reds that start a deload week",
        "",
        "R6",
        Lower,
        u8,
        |_| 2..=3,
        "red sessions within the deload window that start a lighter week"
    ),
    setting!(
        deload_window_days,
        "Deload window",
        " days",
        "R6",
        Higher,
        u32,
        |_| 7..=14,
        "the days within which those red sessions count"
    ),
    setting!(
        reds_for_referral,
        "Reds that prompt a referral",
        "",
        "R7",
        Lower,
        u8,
        |_| 2..=4,
        "red sessions within the referral window that ask the person to book a clinician"
    ),
    setting!(
        referral_window_days,
        "Referral window",
        " days",
        "R7",
        Higher,
        u32,
        |_| 7..=28,
        "the days within which those red sessions count"
    ),
    setting!(
        weekly_pain_rise_for_referral,
        "Weekly pain rise that refers",
        "",
        "R7",
        Lower,
        u8,
        |_| 1..=3,
        "a rise in the weekly average back pain from one week to the next that asks the person to book a clinician"
    ),
    setting!(
        meaningful_pain_change,
        "Meaningful pain change",
        "",
        "§3",
        Higher,
        u8,
        |_| 1..=3,
        "the smallest change in pain that counts as a real change"
    ),
    setting!(
        improvement_baseline_min_pain,
        "No-improvement rule from pain",
        "/10",
        "R7",
        Lower,
        u8,
        |_| 2..=5,
        "the no-improvement referral applies when the first week's average back pain was at least this"
    ),
    setting!(
        weeks_to_expect_improvement,
        "Weeks to expect improvement",
        " weeks",
        "R7",
        Lower,
        u32,
        |_| 4..=12,
        "after this many weeks without a meaningful improvement the person is asked to book a clinician"
    ),
    setting!(
        disabling_leg_pain,
        "Disabling leg pain",
        "/10",
        "R7",
        Lower,
        u8,
        |_| 3..=7,
        "a weekly average leg pain still this high after the weeks to improve asks the person to book a clinician"
    ),
    setting!(
        spasm_gentle_day_pain,
        "Spasm: gentle day from pain",
        "/10",
        "R8",
        Lower,
        u8,
        |_| 4..=8,
        "with a spasm, back pain at or above this makes a gentle day"
    ),
    setting!(
        spasm_short_holds_pain,
        "Spasm: short holds up to pain",
        "/10",
        "R8",
        Lower,
        u8,
        |r| 3..=u32::from(r.spasm_gentle_day_pain).saturating_sub(1).max(3),
        "with a spasm, back pain at or below this moves to short holds"
    ),
    setting!(
        spasm_max_step,
        "Spasm: highest step",
        "",
        "R8",
        Lower,
        u8,
        |_| 1..=3,
        "the highest ladder step while a spasm settles"
    ),
    setting!(
        spasm_short_hold_secs,
        "Spasm: longest hold",
        " s",
        "R8",
        Lower,
        u32,
        |_| 5..=10,
        "the longest hold while a spasm settles"
    ),
    setting!(
        progress_hold_secs,
        "Hold added when moving up",
        " s",
        "R4",
        Lower,
        u32,
        |_| 2..=10,
        "seconds added to a hold each time it moves up"
    ),
    setting!(
        progress_reps,
        "Reps added when moving up",
        "",
        "R4",
        Lower,
        u32,
        |_| 1..=4,
        "reps added to each set each time it moves up"
    ),
    setting!(
        max_mcgill_hold_secs,
        "McGill longest hold",
        " s",
        "R4",
        Lower,
        u32,
        |_| 5..=10,
        "bird dog and curl-up never hold longer than this; they add reps instead"
    ),
    setting!(
        reduce_factor_percent,
        "Half the volume means",
        " %",
        "R6",
        Lower,
        u32,
        |_| 30..=70,
        "after a red session and in a deload week, reps or holds are cut to this share"
    ),
    setting!(
        min_days_between_progressions,
        "At most one increase per",
        " days",
        "R4",
        Higher,
        u32,
        |_| 5..=14,
        "an exercise moves up at most once in this many days"
    ),
    setting!(
        rest_hours_after_red,
        "Rest after a red session",
        " h",
        "R6",
        Higher,
        u32,
        |_| 48..=96,
        "no training for this long after a red session"
    ),
    setting!(
        nerve_recheck_hours,
        "Leg warning still there after",
        " h",
        "R2",
        Lower,
        u32,
        |_| 24..=72,
        "leg symptoms still there this long after the first warning ask the person to book a clinician"
    ),
    setting!(
        activity_rating_every_days,
        "Rate the named activities every",
        " days",
        "§6",
        Lower,
        u32,
        |_| 7..=28,
        "the check-in asks the person to rate their own activities again after this many days"
    ),
];

/// The one setting that is not on the spec's list but shapes the ladder: increments before
/// the next step (kept from version 2's range).
pub const DOSE_STEPS_PER_LADDER_STEP: RangeInclusive<u32> = 1..=10;

/// Every setting outside its range, named as the editor names it, with the range and what to
/// do; and every combination that would switch a rule off.
pub fn rule_problems(rules: &RuleSettings, problems: &mut Vec<PlanProblem>) {
    let before = problems.len();
    for setting in &RULE_SETTINGS {
        let value = setting.value(rules);
        let range = (setting.range)(rules);
        if range.contains(&value) {
            continue;
        }
        let (low, high) = (*range.start(), *range.end());
        let limit = if value > high {
            format!("must be {} or less", setting.show(high))
        } else {
            format!("must be at least {}", setting.show(low))
        };
        problems.push(PlanProblem {
            path: format!("rules.{}", setting.field),
            message: format!(
                "{} {limit} (it is {}; allowed {} to {})",
                setting.label,
                setting.show(value),
                setting.show(low),
                setting.show(high)
            ),
        });
    }
    if !DOSE_STEPS_PER_LADDER_STEP.contains(&rules.dose_steps_per_ladder_step) {
        problems.push(PlanProblem {
            path: "rules.dose_steps_per_ladder_step".into(),
            message: format!(
                "Dose steps per ladder step must be between {} and {} (it is {})",
                DOSE_STEPS_PER_LADDER_STEP.start(),
                DOSE_STEPS_PER_LADDER_STEP.end(),
                rules.dose_steps_per_ladder_step
            ),
        });
    }
    // Combinations only once each setting is in its range (one problem at a time).
    if problems.len() == before {
        reachability_problems(rules, problems);
    }
}

/// No combination may switch a rule off: with the rest after each red, enough reds must fit
/// in the deload and referral windows.
fn reachability_problems(rules: &RuleSettings, problems: &mut Vec<PlanProblem>) {
    let rest_days = rules.rest_hours_after_red.div_ceil(24);
    for (reds, window, field, what) in [
        (
            rules.reds_for_deload,
            rules.deload_window_days,
            "deload_window_days",
            "a deload week",
        ),
        (
            rules.reds_for_referral,
            rules.referral_window_days,
            "referral_window_days",
            "the red-session referral",
        ),
    ] {
        let shortest = u32::from(reds.max(1) - 1) * rest_days;
        if shortest > window {
            let label = RULE_SETTINGS
                .iter()
                .find(|s| s.field == field)
                .map_or(field, |s| s.label);
            problems.push(PlanProblem {
                path: format!("rules.{field}"),
                message: format!(
                    "{label} of {window} days cannot hold {reds} red sessions with {} h of rest after each (they take at least {shortest} days), so {what} could never happen: make the window at least {shortest} days, or ask for fewer reds",
                    rules.rest_hours_after_red
                ),
            });
        }
    }
}

/// Every setting looser than the default (allowed, with a warning): "Red starts at 8/10
/// instead of 6/10, set by the clinician." For the editor, `validate`, the handout and the
/// report.
pub fn looser_than_default(rules: &RuleSettings) -> Vec<(String, String)> {
    RULE_SETTINGS
        .iter()
        .filter(|s| s.looser(rules))
        .map(|s| {
            let (value, default) = (s.value(rules), s.default_value());
            let text = if s.field == "amber_max_pain" {
                format!(
                    "Red starts at {}/10 instead of {}/10, set by the clinician.",
                    value + 1,
                    default + 1
                )
            } else {
                format!(
                    "{}: {} instead of {}, set by the clinician ({}).",
                    s.label,
                    s.show(value),
                    s.show(default),
                    s.help
                )
            };
            (format!("rules.{}", s.field), text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{RULE_SETTINGS, RuleSettings, rule_problems};

    #[test]
    fn what_the_editor_takes_is_what_is_stored_and_the_defaults_pass() {
        let mut problems = Vec::new();
        rule_problems(&RuleSettings::default(), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        for setting in &RULE_SETTINGS {
            let mut rules = RuleSettings::default();
            (setting.set)(&mut rules, setting.typed_max);
            assert_eq!(
                setting.value(&rules),
                setting.typed_max,
                "{}",
                setting.field
            );
            assert!((setting.range)(&RuleSettings::default()).contains(&setting.default_value()));
        }
    }
}
