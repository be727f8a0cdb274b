//! What the person reports: the check-in before a session (clinical spec §3), red flags (§4),
//! the report after a session, and a clinician's clearance. Our own wording, not a validated score.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How serious a red flag is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FlagTier {
    /// See a doctor within days; the plan pauses.
    Urgent,
    /// Emergency care today; the plan stops.
    Emergency,
}

/// A red-flag answer (clinical spec §4). Individually poor predictors, so any "yes" refers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RedFlag {
    // Emergency: possible cauda equina.
    UrineChange,
    BladderOrBowelControl,
    SaddleNumbness,
    SexualDysfunction,
    PainInBothLegs,
    SevereLegWeakness,
    // Urgent.
    FeverOrUnwell,
    CancerHistory,
    UnexplainedWeightLoss,
    ConstantNightPain,
    RecentTrauma,
    AgeAtOnset,
    MidBackPain,
    WidespreadNumbness,
}

impl RedFlag {
    pub const ALL: [RedFlag; 14] = [
        RedFlag::UrineChange,
        RedFlag::BladderOrBowelControl,
        RedFlag::SaddleNumbness,
        RedFlag::SexualDysfunction,
        RedFlag::PainInBothLegs,
        RedFlag::SevereLegWeakness,
        RedFlag::FeverOrUnwell,
        RedFlag::CancerHistory,
        RedFlag::UnexplainedWeightLoss,
        RedFlag::ConstantNightPain,
        RedFlag::RecentTrauma,
        RedFlag::AgeAtOnset,
        RedFlag::MidBackPain,
        RedFlag::WidespreadNumbness,
    ];

    pub fn tier(self) -> FlagTier {
        match self {
            RedFlag::UrineChange
            | RedFlag::BladderOrBowelControl
            | RedFlag::SaddleNumbness
            | RedFlag::SexualDysfunction
            | RedFlag::PainInBothLegs
            | RedFlag::SevereLegWeakness => FlagTier::Emergency,
            _ => FlagTier::Urgent,
        }
    }

    /// The question, in plain words, answered yes or no.
    pub fn question(self) -> &'static str {
        match self {
            RedFlag::UrineChange => {
                "Is passing urine newly difficult, is the stream weak, or can you not feel it pass?"
            }
            RedFlag::BladderOrBowelControl => {
                "Have you lost any control of your bladder or bowels?"
            }
            RedFlag::SaddleNumbness => {
                "Is there numbness or tingling around your genitals, back passage or inner buttocks?"
            }
            RedFlag::SexualDysfunction => "Have you noticed new problems with sexual function?",
            RedFlag::PainInBothLegs => "Does pain shoot down both of your legs?",
            RedFlag::SevereLegWeakness => {
                "Is a leg very weak or getting weaker (foot slapping or dragging), or is walking hard?"
            }
            RedFlag::FeverOrUnwell => "Do you have a fever or chills, or feel generally unwell?",
            RedFlag::CancerHistory => "Have you ever had cancer, and is this back pain new?",
            RedFlag::UnexplainedWeightLoss => "Have you lost weight without trying?",
            RedFlag::ConstantNightPain => {
                "Is the pain constant at night, whatever position you lie in?"
            }
            RedFlag::RecentTrauma => {
                "Did the pain start after a fall or accident (or a small knock, if you have osteoporosis or take steroids long-term)?"
            }
            RedFlag::AgeAtOnset => {
                "Did this back pain start for the first time before age 20 or after age 55?"
            }
            RedFlag::MidBackPain => {
                "Is the pain mainly in your mid or upper back (between the shoulder blades)?"
            }
            RedFlag::WidespreadNumbness => {
                "Do you have numbness or weakness in many places, not only one leg?"
            }
        }
    }
}

/// How far down a leg pain reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LegExtent {
    Buttock,
    Thigh,
    BelowKnee,
    Foot,
}

/// Leg symptoms since last time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegTrend {
    /// Closer to the back (centralising).
    Closer,
    Same,
    /// Further down the leg.
    Further,
}

/// The morning after the last session, compared with a usual morning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MorningAfter {
    Better,
    Same,
    WorseButSettled,
    WorseNotSettled,
}

/// Which words fit the pain best (suggests the presentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PainKind {
    SuddenLocking,
    ShootingIntoLeg,
    GeneralAche,
    NoPain,
}

/// Optional function items, each 0 (no trouble) to 4 (cannot).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionScores {
    pub sleep: u8,
    pub sitting_or_driving: u8,
    pub running: u8,
}

/// The check-in before a session, at most once a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// Red flags answered "yes".
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    pub back_pain: u8,
    #[serde(default)]
    pub leg_pain: u8,
    #[serde(default)]
    pub leg_extent: Option<LegExtent>,
    #[serde(default)]
    pub leg_trend: Option<LegTrend>,
    /// New numbness or tingling in a leg (files from before version 2 of the rules called
    /// this `new_numbness_or_weakness`).
    #[serde(default, alias = "new_numbness_or_weakness")]
    pub new_numbness: bool,
    /// New weakness in a leg or foot: a warning that also refers (clinical spec §5 R2).
    #[serde(default)]
    pub new_weakness: bool,
    #[serde(default)]
    pub morning_after: Option<MorningAfter>,
    #[serde(default)]
    pub pain_kind: Option<PainKind>,
    #[serde(default)]
    pub function: Option<FunctionScores>,
}

impl CheckIn {
    /// What the person reported themselves: leg symptoms further down, or new numbness,
    /// tingling or weakness. (The rules also compare the leg's extent with earlier check-ins.)
    pub fn nerve_warning(&self) -> bool {
        self.leg_trend == Some(LegTrend::Further) || self.new_numbness || self.new_weakness
    }

    pub fn worst_flag(&self) -> Option<FlagTier> {
        self.red_flags.iter().map(|f| f.tier()).max()
    }
}

/// After a session: the worst pain during it, sharp or shooting pain, and per exercise whether
/// the prescribed dose was completed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionReport {
    pub worst_pain: u8,
    #[serde(default)]
    pub sharp_or_shooting: bool,
    /// Exercise id → dose completed. Exercises not listed count as completed.
    #[serde(default)]
    pub completed: BTreeMap<String, bool>,
}

impl SessionReport {
    pub fn completed(&self, exercise_id: &str) -> bool {
        self.completed.get(exercise_id).copied().unwrap_or(true)
    }
}

/// The person's statement that a clinician assessed them and cleared them to exercise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clearance {
    /// Who cleared them, in the person's words (may be empty).
    #[serde(default)]
    pub note: String,
}

/// The person's statement that they have seen a clinician about a referral (R7): the referral
/// is shown until then, and afterwards only what happens after this date raises it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClinicianSeen {
    /// Whom they saw, or why the referral was closed, in their words (may be empty).
    #[serde(default)]
    pub note: String,
}

/// Everything recorded on one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    pub date: NaiveDate,
    #[serde(default)]
    pub check_in: Option<CheckIn>,
    #[serde(default)]
    pub session: Option<SessionReport>,
    #[serde(default)]
    pub clearance: Option<Clearance>,
    #[serde(default)]
    pub clinician_seen: Option<ClinicianSeen>,
}

/// Something in a history the rules must not be given, at its field path
/// (`days[3].check_in.back_pain`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayProblem {
    pub path: String,
    pub message: String,
}

/// Every value a history must hold before the rules may decide from it: dates from 1900 to
/// 2200, pain 0–10, daily-life items 0–4, at most one check-in per date, and, when
/// `plan_exercises` is given, per-exercise answers that name exercises of the plan.
pub fn day_problems(days: &[Day], plan_exercises: Option<&[&str]>) -> Vec<DayProblem> {
    let mut problems = Vec::new();
    let mut problem = |path: String, message: String| problems.push(DayProblem { path, message });
    let mut checked_in: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let pain = |value: u8| value > 10;
    for (i, day) in days.iter().enumerate() {
        let at = format!("days[{i}]");
        if !super::dates::supported(day.date) {
            problem(
                format!("{at}.date"),
                super::dates::unsupported_message(day.date),
            );
        }
        if let Some(check_in) = &day.check_in {
            if let Some(first) = checked_in.insert(day.date, i) {
                problem(
                    format!("{at}.check_in"),
                    format!(
                        "a second check-in on {} (the first is days[{first}]); a date has at most one",
                        day.date
                    ),
                );
            }
            for (field, value) in [
                ("back_pain", check_in.back_pain),
                ("leg_pain", check_in.leg_pain),
            ] {
                if pain(value) {
                    problem(
                        format!("{at}.check_in.{field}"),
                        format!("{value} is not a pain score; use a whole number from 0 to 10"),
                    );
                }
            }
            if let Some(function) = check_in.function {
                for (field, value) in [
                    ("sleep", function.sleep),
                    ("sitting_or_driving", function.sitting_or_driving),
                    ("running", function.running),
                ] {
                    if value > 4 {
                        problem(
                            format!("{at}.check_in.function.{field}"),
                            format!("{value} is out of range; use 0 (no trouble) to 4 (cannot)"),
                        );
                    }
                }
            }
        }
        if let Some(session) = &day.session {
            if pain(session.worst_pain) {
                problem(
                    format!("{at}.session.worst_pain"),
                    format!(
                        "{} is not a pain score; use a whole number from 0 to 10",
                        session.worst_pain
                    ),
                );
            }
            if let Some(known) = plan_exercises {
                for id in session.completed.keys() {
                    if !known.contains(&id.as_str()) {
                        problem(
                            format!("{at}.session.completed.{id}"),
                            format!(
                                "`{id}` is not an exercise of the plan; known: `{}`",
                                known.join("`, `")
                            ),
                        );
                    }
                }
            }
        }
    }
    problems
}
