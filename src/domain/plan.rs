//! A plan: what a clinician prescribes for one person. It holds the circuit, the physio's
//! limits and the rule settings of the clinical spec (§5), and is what the app trains from.
//!
//! Plan files are schema version 2. Version 1 was the bare program of the first release; it
//! still loads, with the plan's other fields at their defaults.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalog::{Catalog, Dose};
use super::program::{ProgramBlock, Timings};

/// The back-pain presentation a plan is built around (clinical spec §1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Presentation {
    /// Sudden locking muscle pain.
    Spasm,
    /// Shooting pain into a leg (sciatica, disc-related).
    Nerve,
    /// General ache across the low back.
    Ache,
    #[default]
    NotSet,
}

impl Presentation {
    pub fn label(self) -> &'static str {
        match self {
            Presentation::Spasm => "muscle spasm",
            Presentation::Nerve => "nerve-related leg pain",
            Presentation::Ache => "general ache",
            Presentation::NotSet => "not set",
        }
    }
}

/// Who wrote the plan and how to reach them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clinician {
    pub name: String,
    /// Phone, e-mail or clinic address, as the clinician wants it shown.
    #[serde(default)]
    pub contact: String,
}

/// The physio's limits: automatic changes never go past them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Exercise ids never to prescribe.
    pub excluded_exercises: Vec<String>,
    /// Highest ladder step allowed, by exercise id.
    pub max_steps: BTreeMap<String, u8>,
    /// Longest session, in minutes.
    pub max_session_minutes: Option<u32>,
}

/// The numbers behind the rules of clinical spec §5. Each default is the spec's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleSettings {
    /// Worst pain during a session up to this is green (R3).
    pub green_max_pain: u8,
    /// Worst pain up to this is amber; above it is red (R3).
    pub amber_max_pain: u8,
    /// Green sessions in a row before an exercise moves up (R4).
    pub greens_to_progress: u8,
    /// Seconds added to a hold when it moves up (R4).
    pub progress_hold_secs: u32,
    /// Reps added per set when it moves up (R4).
    pub progress_reps: u32,
    /// McGill-style holds never go above this; they climb the pyramid instead (R4).
    pub max_mcgill_hold_secs: u32,
    /// At most one progression per exercise in this many days (R4).
    pub min_days_between_progressions: u32,
    /// Ambers in a row before one set is dropped (R5).
    pub ambers_to_drop_set: u8,
    /// Hours without training after a red session (R6).
    pub rest_hours_after_red: u32,
    /// Reds within `deload_window_days` that start a deload week (R6).
    pub reds_for_deload: u8,
    pub deload_window_days: u32,
    /// Reds within `referral_window_days` that prompt a referral (R7).
    pub reds_for_referral: u8,
    pub referral_window_days: u32,
    /// Rise in weekly mean back pain that prompts a referral (R7).
    pub weekly_pain_rise_for_referral: u8,
    /// Weeks after which no meaningful improvement prompts a referral (R7).
    pub weeks_to_expect_improvement: u32,
    /// Smallest pain change that matters (clinical spec §3).
    pub meaningful_pain_change: u8,
    /// Hours before a nerve warning that is still there prompts a referral (R2).
    pub nerve_recheck_hours: u32,
    /// Spasm with pain at or above this is a gentle day (R8).
    pub spasm_gentle_day_pain: u8,
    /// Spasm moves to short holds when pain is at or below this (R8).
    pub spasm_short_holds_pain: u8,
    /// Longest hold while a spasm settles (R8).
    pub spasm_short_hold_secs: u32,
    /// Highest ladder step while a spasm settles (R8).
    pub spasm_max_step: u8,
    /// What a gentle day is made of (R8).
    pub gentle_day_exercises: Vec<String>,
    /// Dose steps within one ladder step: the top of a step's range is its starting dose plus
    /// this many increments (R4).
    pub dose_steps_per_ladder_step: u32,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            green_max_pain: 3,
            amber_max_pain: 5,
            greens_to_progress: 2,
            progress_hold_secs: 5,
            progress_reps: 2,
            max_mcgill_hold_secs: 10,
            min_days_between_progressions: 7,
            ambers_to_drop_set: 2,
            rest_hours_after_red: 48,
            reds_for_deload: 2,
            deload_window_days: 7,
            reds_for_referral: 3,
            referral_window_days: 14,
            weekly_pain_rise_for_referral: 2,
            weeks_to_expect_improvement: 6,
            meaningful_pain_change: 2,
            nerve_recheck_hours: 48,
            spasm_gentle_day_pain: 6,
            spasm_short_holds_pain: 5,
            spasm_short_hold_secs: 10,
            spasm_max_step: 2,
            gentle_day_exercises: [
                "walk",
                "cat_camel",
                "clamshell",
                "hip_flexor_stretch",
                "hamstring_stretch",
                "figure_four_stretch",
            ]
            .map(String::from)
            .to_vec(),
            dose_steps_per_ladder_step: 3,
        }
    }
}

fn three() -> u32 {
    3
}

/// A plan file (schema version 2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema_version: u32,
    /// Shown on the home screen, e.g. "Back-care circuit".
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The patient's display name, if the clinician gives one.
    #[serde(default)]
    pub patient: Option<String>,
    #[serde(default)]
    pub clinician: Option<Clinician>,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub review_date: Option<NaiveDate>,
    #[serde(default)]
    pub presentation: Presentation,
    #[serde(default = "three")]
    pub sessions_per_week: u32,
    #[serde(default)]
    pub timings: Timings,
    pub blocks: Vec<ProgramBlock>,
    #[serde(default)]
    pub limits: Limits,
    #[serde(default)]
    pub rules: RuleSettings,
}

/// Schema version 1: the program of the first release, before plans had clinicians and limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanV1 {
    pub schema_version: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub timings: Timings,
    pub blocks: Vec<ProgramBlock>,
}

impl From<PlanV1> for Plan {
    fn from(old: PlanV1) -> Self {
        Plan {
            schema_version: Plan::SCHEMA_VERSION,
            name: old.name,
            description: old.description,
            patient: None,
            clinician: None,
            start_date: None,
            review_date: None,
            presentation: Presentation::NotSet,
            sessions_per_week: three(),
            timings: old.timings,
            blocks: old.blocks,
            limits: Limits::default(),
            rules: RuleSettings::default(),
        }
    }
}

/// Sane ranges a plan's numbers must stay in. A value outside is almost surely a typo
/// (`300` reps, a `0` s hold) and is refused with the range named.
pub mod ranges {
    use std::ops::RangeInclusive;
    pub const HOLD_SECS: RangeInclusive<u32> = 5..=180;
    pub const REPS: RangeInclusive<u32> = 1..=30;
    pub const PACED_REPS: RangeInclusive<u32> = 1..=20;
    pub const SECS_PER_REP: RangeInclusive<u32> = 2..=15;
    pub const SETS: RangeInclusive<u32> = 1..=6;
    pub const ROUNDS: RangeInclusive<u32> = 1..=6;
    pub const SESSIONS_PER_WEEK: RangeInclusive<u32> = 1..=7;
    pub const LEAD_IN_SECS: RangeInclusive<u32> = 0..=60;
    pub const REST_SECS: RangeInclusive<u32> = 0..=300;
    pub const SESSION_MINUTES: RangeInclusive<u32> = 5..=120;
    pub const PAIN: RangeInclusive<u8> = 0..=10;
}

/// A problem with a plan, at a field path such as `blocks[1].items[0].exercise`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanProblem {
    pub path: String,
    pub message: String,
}

impl Plan {
    pub const SCHEMA_VERSION: u32 = 2;

    /// Everything wrong with the plan against the catalog, each at its field.
    /// `planned_minutes` is the session length the timeline gives (for the length limit).
    pub fn problems(&self, catalog: &Catalog, planned_minutes: Option<u64>) -> Vec<PlanProblem> {
        let mut problems = Vec::new();
        let mut problem =
            |path: String, message: String| problems.push(PlanProblem { path, message });
        let ids: Vec<&str> = catalog.exercises.iter().map(|e| e.id.as_str()).collect();

        if self.name.trim().is_empty() {
            problem("name".into(), "the plan needs a name".into());
        }
        if let (Some(start), Some(review)) = (self.start_date, self.review_date)
            && review < start
        {
            problem(
                "review_date".into(),
                format!("review_date {review} is before start_date {start}"),
            );
        }
        in_range(
            &mut problem,
            "sessions_per_week",
            self.sessions_per_week,
            ranges::SESSIONS_PER_WEEK,
        );
        let t = &self.timings;
        in_range(
            &mut problem,
            "timings.get_ready_secs",
            t.get_ready_secs,
            ranges::LEAD_IN_SECS,
        );
        in_range(
            &mut problem,
            "timings.switch_sides_secs",
            t.switch_sides_secs,
            ranges::LEAD_IN_SECS,
        );
        for (field, value) in [
            ("rest_between_sets_secs", t.rest_between_sets_secs),
            ("rest_between_exercises_secs", t.rest_between_exercises_secs),
            ("rest_between_rounds_secs", t.rest_between_rounds_secs),
        ] {
            in_range(
                &mut problem,
                &format!("timings.{field}"),
                value,
                ranges::REST_SECS,
            );
        }
        in_range(
            &mut problem,
            "timings.secs_per_rep_estimate",
            t.secs_per_rep_estimate,
            ranges::SECS_PER_REP,
        );

        if self.blocks.iter().all(|b| b.items.is_empty()) {
            problem("blocks".into(), "the plan has no exercises".into());
        }
        for (b, block) in self.blocks.iter().enumerate() {
            let block_path = format!("blocks[{b}]");
            in_range(
                &mut problem,
                &format!("{block_path}.rounds"),
                block.rounds,
                ranges::ROUNDS,
            );
            if let Some(rest) = block.rest_between_exercises_secs {
                in_range(
                    &mut problem,
                    &format!("{block_path}.rest_between_exercises_secs"),
                    rest,
                    ranges::REST_SECS,
                );
            }
            for (i, item) in block.items.iter().enumerate() {
                let path = format!("{block_path}.items[{i}]");
                in_range(
                    &mut problem,
                    &format!("{path}.sets"),
                    item.sets,
                    ranges::SETS,
                );
                let Some(exercise) = catalog.get(&item.exercise) else {
                    problem(
                        format!("{path}.exercise"),
                        unknown_exercise_message(&item.exercise, &ids),
                    );
                    continue;
                };
                if self.presentation == Presentation::Nerve
                    && exercise.bias == super::catalog::MovementBias::Flexion
                {
                    problem(
                        format!("{path}.exercise"),
                        format!(
                            "`{}` bends the spine forward; with presentation Nerve the rules never prescribe it (remove it, or change the presentation)",
                            item.exercise
                        ),
                    );
                }
                if self.limits.excluded_exercises.contains(&item.exercise) {
                    problem(
                        format!("{path}.exercise"),
                        format!(
                            "`{}` is in limits.excluded_exercises but the circuit uses it",
                            item.exercise
                        ),
                    );
                }
                let top = exercise.top_step();
                if item.step == 0 || item.step > top {
                    problem(
                        format!("{path}.step"),
                        format!(
                            "`{}` has steps 1 to {top}; step {} does not exist",
                            item.exercise, item.step
                        ),
                    );
                } else if let Some(&max) = self.limits.max_steps.get(&item.exercise)
                    && item.step > max
                {
                    problem(
                        format!("{path}.step"),
                        format!(
                            "step {} is above the limit for `{}` (limits.max_steps allows up to {max})",
                            item.step, item.exercise
                        ),
                    );
                }
                if let Some(dose) = item.dose {
                    dose_problems(&mut problem, &format!("{path}.dose"), dose);
                }
            }
        }

        for id in &self.limits.excluded_exercises {
            if catalog.get(id).is_none() {
                problem(
                    "limits.excluded_exercises".into(),
                    unknown_exercise_message(id, &ids),
                );
            }
        }
        for (id, &max) in &self.limits.max_steps {
            let path = format!("limits.max_steps.{id}");
            match catalog.get(id) {
                None => problem(path, unknown_exercise_message(id, &ids)),
                Some(exercise) if max == 0 || max > exercise.top_step() => problem(
                    path,
                    format!(
                        "`{id}` has steps 1 to {}; {max} is not one of them",
                        exercise.top_step()
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(max_minutes) = self.limits.max_session_minutes {
            in_range(
                &mut problem,
                "limits.max_session_minutes",
                max_minutes,
                ranges::SESSION_MINUTES,
            );
            if let Some(minutes) = planned_minutes
                && minutes > u64::from(max_minutes)
            {
                problem(
                    "limits.max_session_minutes".into(),
                    format!(
                        "the circuit takes about {minutes} min, longer than the limit of {max_minutes} min"
                    ),
                );
            }
        }

        let r = &self.rules;
        for (field, value) in [
            ("green_max_pain", r.green_max_pain),
            ("amber_max_pain", r.amber_max_pain),
            ("spasm_gentle_day_pain", r.spasm_gentle_day_pain),
            ("spasm_short_holds_pain", r.spasm_short_holds_pain),
            (
                "weekly_pain_rise_for_referral",
                r.weekly_pain_rise_for_referral,
            ),
            ("meaningful_pain_change", r.meaningful_pain_change),
        ] {
            in_range(&mut problem, &format!("rules.{field}"), value, ranges::PAIN);
        }
        if r.green_max_pain >= r.amber_max_pain {
            problem(
                "rules.amber_max_pain".into(),
                format!(
                    "amber_max_pain ({}) must be above green_max_pain ({})",
                    r.amber_max_pain, r.green_max_pain
                ),
            );
        }
        for (field, value) in [
            ("greens_to_progress", r.greens_to_progress),
            ("ambers_to_drop_set", r.ambers_to_drop_set),
            ("reds_for_deload", r.reds_for_deload),
            ("reds_for_referral", r.reds_for_referral),
        ] {
            in_range(&mut problem, &format!("rules.{field}"), value, 1..=10);
        }
        problems
    }
}

fn in_range<T: PartialOrd + std::fmt::Display + Copy>(
    problem: &mut impl FnMut(String, String),
    path: &str,
    value: T,
    range: std::ops::RangeInclusive<T>,
) {
    if !range.contains(&value) {
        let field = path.rsplit('.').next().unwrap_or(path);
        problem(
            path.to_owned(),
            format!(
                "{field} {value} is outside the allowed range {} to {}",
                range.start(),
                range.end()
            ),
        );
    }
}

fn dose_problems(problem: &mut impl FnMut(String, String), path: &str, dose: Dose) {
    match dose {
        Dose::Hold { hold_secs } => in_range(
            problem,
            &format!("{path}.hold_secs"),
            hold_secs,
            ranges::HOLD_SECS,
        ),
        Dose::Reps { reps } => in_range(problem, &format!("{path}.reps"), reps, ranges::REPS),
        Dose::Paced { reps, secs_per_rep } => {
            in_range(problem, &format!("{path}.reps"), reps, ranges::PACED_REPS);
            in_range(
                problem,
                &format!("{path}.secs_per_rep"),
                secs_per_rep,
                ranges::SECS_PER_REP,
            );
        }
    }
}

/// "unknown exercise id `plankk`; did you mean `plank`?"
pub fn unknown_exercise_message(id: &str, known: &[&str]) -> String {
    let nearest = known
        .iter()
        .map(|k| (strsim::levenshtein(id, k), *k))
        .min_by_key(|(distance, _)| *distance);
    match nearest {
        Some((distance, k)) if distance <= 3 || k.contains(id) || id.contains(k) => {
            format!("unknown exercise id `{id}`; did you mean `{k}`?")
        }
        _ => format!(
            "unknown exercise id `{id}`; known ids: {}",
            known.join(", ")
        ),
    }
}
