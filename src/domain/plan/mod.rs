//! A plan: what a clinician prescribes for one person. It holds the circuit, the physio's
//! limits and the rule settings of the clinical spec (§5), and is what the app trains from.
//!
//! Plan files are schema version 2. Version 1 was the bare program of the first release; it
//! still loads, with the plan's other fields at their defaults.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod blocks;
pub mod catalog;
pub mod catalog_filter;
pub mod checks;
pub mod circuit;
pub mod diff;
pub mod figure;
pub mod rule_settings;
pub mod tempo;
pub mod timeline;

pub use checks::unknown_exercise_message;

use blocks::{ProgramBlock, Timings};

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
    /// The clinic or practice, shown on its own line (not run into the name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub clinic: String,
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
    /// A session is still green up to `amber_max_pain` when its worst pain is at most this
    /// much above that day's check-in back pain (R3), so a usual pain of 4 allows greens.
    pub green_rise: u8,
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
    /// The no-improvement referral applies only when the first counted week's mean back pain
    /// was at least this (R7).
    pub improvement_baseline_min_pain: u8,
    /// Mean leg pain of the latest counted week, after `weeks_to_expect_improvement`, that is
    /// still disabling and prompts a referral (R7).
    pub disabling_leg_pain: u8,
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
    /// "Half the volume" (R6, deload): reps or hold times this percentage, rounded down
    /// (the spec's `reduce_factor` 0.5).
    pub reduce_factor_percent: u32,
    /// Days between ratings of the activities the person named (clinical spec §6).
    pub activity_rating_every_days: u32,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            green_max_pain: 3,
            amber_max_pain: 5,
            green_rise: 1,
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
            improvement_baseline_min_pain: 3,
            disabling_leg_pain: 5,
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
            reduce_factor_percent: 50,
            activity_rating_every_days: 14,
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
    /// The clinician has screened the background risk factors (clinical spec §4): the intake
    /// shows them as screened and does not pause for them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub risk_factors_screened: bool,
    /// Current signs the clinician has assessed: they count as cleared on the plan's start
    /// date (or the first check-in, without one), as a clearance would.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub screened_signs: Vec<crate::domain::red_flags::RedFlag>,
    /// Everyday activities the clinician agreed with the person (clinical spec §6), in the
    /// person's words: the intake asks only how well they can do each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
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
            risk_factors_screened: false,
            screened_signs: Vec::new(),
            activities: Vec::new(),
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
    /// A pyramid's drop in reps from one set to the next.
    pub const FEWER_PER_SET: RangeInclusive<u32> = 0..=5;
    pub const SETS: RangeInclusive<u32> = 1..=6;
    pub const ROUNDS: RangeInclusive<u32> = 1..=6;
    pub const SESSIONS_PER_WEEK: RangeInclusive<u32> = 1..=7;
    pub const LEAD_IN_SECS: RangeInclusive<u32> = 0..=60;
    pub const REST_SECS: RangeInclusive<u32> = 0..=300;
    pub const SESSION_MINUTES: RangeInclusive<u32> = 5..=120;
    pub const PAIN: RangeInclusive<u8> = 0..=10;
    /// Most blocks in a plan.
    pub const MAX_BLOCKS: usize = 20;
    /// Most exercises in one block.
    pub const MAX_ITEMS_PER_BLOCK: usize = 40;
    /// What the editor's number fields take as typed: wide, so that a value outside its
    /// allowed range is kept and marked, never clamped in silence.
    pub const TYPED: RangeInclusive<u32> = 0..=65_535;
}

/// What "New plan…" starts from: nothing, the built-in circuit, or a starting plan for one of
/// the three presentations (clinical spec §1–§2), each passing every check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanTemplate {
    Empty,
    BuiltIn,
    Spasm,
    Nerve,
    Ache,
}

impl Plan {
    /// A plan with nothing in it yet.
    pub fn empty() -> Plan {
        Plan {
            schema_version: Plan::SCHEMA_VERSION,
            name: String::new(),
            description: String::new(),
            patient: None,
            clinician: None,
            start_date: None,
            review_date: None,
            presentation: Presentation::NotSet,
            sessions_per_week: 3,
            timings: Timings::default(),
            blocks: Vec::new(),
            limits: Limits::default(),
            rules: RuleSettings::default(),
            risk_factors_screened: false,
            screened_signs: Vec::new(),
            activities: Vec::new(),
        }
    }
}

impl PlanTemplate {
    pub const ALL: [PlanTemplate; 5] = [
        PlanTemplate::Empty,
        PlanTemplate::BuiltIn,
        PlanTemplate::Spasm,
        PlanTemplate::Nerve,
        PlanTemplate::Ache,
    ];

    /// How "New plan…" lists it.
    pub fn label(self) -> &'static str {
        match self {
            PlanTemplate::Empty => "An empty plan",
            PlanTemplate::BuiltIn => "The built-in back-care circuit",
            PlanTemplate::Spasm => "Starting plan: sudden locking muscle pain",
            PlanTemplate::Nerve => "Starting plan: pain shooting into a leg",
            PlanTemplate::Ache => "Starting plan: a general ache across the low back",
        }
    }
}

/// A problem with a plan, at a field path such as `blocks[1].items[0].exercise`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanProblem {
    pub path: String,
    pub message: String,
}
