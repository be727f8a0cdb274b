//! Days files: a history of check-ins, sessions and clearances, replayed by `simulate`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::data_file::{self, DataFileError};
use crate::domain::catalog::{Catalog, Dose};
use crate::domain::checkin::Day;
use crate::domain::rules::{DayDecision, decide};
use crate::plan_file::CheckedPlan;

/// A days file (schema version 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaysFile {
    pub schema_version: u32,
    pub days: Vec<Day>,
}

impl DaysFile {
    pub const SCHEMA_VERSION: u32 = 1;
}

/// Read a days file, with located errors.
pub fn read_days(path: &Path) -> Result<DaysFile, DataFileError> {
    data_file::read_versioned(
        path,
        DaysFile::SCHEMA_VERSION,
        data_file::no_older_versions(&path.display().to_string()),
    )
}

/// The decision for every date in the file, in date order, from the same engine as the app.
pub fn replay(plan: &CheckedPlan, catalog: &Catalog, days: &[Day]) -> Vec<DayDecision> {
    let mut dates: Vec<_> = days.iter().map(|d| d.date).collect();
    dates.sort();
    dates.dedup();
    dates
        .into_iter()
        .map(|date| decide(&plan.plan, &plan.circuit, catalog, days, date))
        .collect()
}

#[derive(Serialize)]
struct JsonExercise<'a> {
    id: &'a str,
    step: u8,
    sets: u32,
    hold_secs: Option<u32>,
    reps: Option<u32>,
    per_side: bool,
}

#[derive(Serialize)]
struct JsonDay<'a> {
    date: String,
    status: crate::domain::rules::Status,
    light: Option<crate::domain::rules::Light>,
    referral: crate::domain::rules::Referral,
    exercises: Vec<JsonExercise<'a>>,
    reasons: &'a [String],
}

/// One JSON object, on one line, for a decision.
pub fn decision_json(decision: &DayDecision) -> String {
    let exercises = decision
        .exercises
        .iter()
        .map(|p| {
            let (hold_secs, reps) = match p.dose {
                Dose::Hold { hold_secs } => (Some(hold_secs), None),
                Dose::Reps { reps } => (None, Some(reps)),
                Dose::Paced { reps, secs_per_rep } => (Some(secs_per_rep), Some(reps)),
            };
            JsonExercise {
                id: &p.exercise_id,
                step: p.step,
                sets: p.sets,
                hold_secs,
                reps,
                per_side: p.per_side,
            }
        })
        .collect();
    let day = JsonDay {
        date: decision.date.format("%Y-%m-%d").to_string(),
        status: decision.status,
        light: decision.light,
        referral: decision.referral,
        exercises,
        reasons: &decision.reasons,
    };
    serde_json::to_string(&day).unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"))
}

/// A readable table of decisions.
pub fn decisions_table(decisions: &[DayDecision]) -> String {
    let mut out = String::from("date        status   light  referral   exercises\n");
    for d in decisions {
        let light = d
            .light
            .map_or("-".to_owned(), |l| format!("{l:?}").to_lowercase());
        let exercises: Vec<String> = d
            .exercises
            .iter()
            .map(|p| {
                format!(
                    "{} L{} {}×{}",
                    p.exercise_id,
                    p.step,
                    p.sets,
                    p.dose.describe()
                )
            })
            .collect();
        out.push_str(&format!(
            "{}  {:<8} {:<6} {:<10} {}\n",
            d.date,
            format!("{:?}", d.status).to_lowercase(),
            light,
            format!("{:?}", d.referral).to_lowercase(),
            if exercises.is_empty() {
                "-".to_owned()
            } else {
                exercises.join(", ")
            }
        ));
        for reason in &d.reasons {
            out.push_str(&format!("            · {reason}\n"));
        }
    }
    out
}
