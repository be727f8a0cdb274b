//! `strongback simulate PLAN DAYS [--json]`: replay a days file through the rules.

use chrono::NaiveDate;

use std::path::Path;

use serde::Serialize;

use crate::domain::care::rules::{DayDecision, replay};
use crate::domain::plan::catalog::{Catalog, Dose};
use crate::store::days_file::read_days;

use super::terminal::{escaped, say_raw, warn};

/// Print each date's decision; returns the exit code, or the error writing (a closed pipe).
pub fn run(plan: &Path, days: &Path, json: bool, catalog: &Catalog) -> std::io::Result<u8> {
    let Some(checked) = super::read_plan_or_report(plan, catalog) else {
        return Ok(1);
    };
    // Per-exercise answers may name the plan's exercises and any the rules prescribe besides
    // them (a gentle day's walk and clamshell); anything else is refused.
    let mut exercises: Vec<&str> = checked
        .circuit
        .slots()
        .map(|(_, item)| item.exercise_id.as_str())
        .collect();
    for id in &checked.plan.rules.gentle_day_exercises {
        if catalog.get(id).is_some() && !exercises.contains(&id.as_str()) {
            exercises.push(id.as_str());
        }
    }
    let days = match read_days(days, Some(&exercises)) {
        Ok(days) => days,
        Err(problems) => {
            for problem in &problems {
                warn(&problem.to_string());
            }
            return Ok(1);
        }
    };
    let decisions = replay(&checked, catalog, &days.days);
    // The activities rated each date, echoed with its decision (clinical spec §6).
    let log = crate::domain::care::checkin::activity_log(&days.days);
    let rated_on = |date: NaiveDate| -> Vec<(String, u8)> {
        log.activities
            .iter()
            .flat_map(|a| a.ratings.iter().map(move |(on, r)| (on, &a.name, *r)))
            .filter(|(on, _, _)| **on == date)
            .map(|(_, name, r)| (name.clone(), r))
            .collect()
    };
    if json {
        // JSON escapes control characters itself.
        for decision in &decisions {
            let ratings = rated_on(decision.date);
            let line = decision_json_with(decision, &ratings, log.mean_on(decision.date));
            say_raw(&format!("{line}\n"))?;
        }
    } else {
        let mut table = String::new();
        for line in decisions_table(&decisions).lines() {
            table.push_str(line);
            table.push('\n');
            let date = line.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
            let ratings = date.map(rated_on).unwrap_or_default();
            if let (Some(date), false) = (date, ratings.is_empty()) {
                let each: Vec<String> = ratings
                    .iter()
                    .map(|(name, r)| format!("{name} {r}/10"))
                    .collect();
                let mean = log
                    .mean_on(date)
                    .map_or(String::new(), |m| format!(" (mean {m:.1})"));
                table.push_str(&format!(
                    "            activities: {}{mean}\n",
                    each.join(", ")
                ));
            }
        }
        say_raw(&escape_table(&table))?;
    }
    Ok(0)
}

/// The table with control characters from plan text escaped, line by line.
fn escape_table(table: &str) -> String {
    table
        .lines()
        .map(|line| format!("{}\n", escaped(line)))
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
    status: crate::domain::care::rules::Status,
    light: Option<crate::domain::care::rules::Light>,
    referral: crate::domain::care::rules::Referral,
    exercises: Vec<JsonExercise<'a>>,
    reasons: &'a [String],
    /// The date's activity ratings (clinical spec §6), when it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    activities: Option<std::collections::BTreeMap<&'a str, u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    activity_mean: Option<f64>,
}

/// One JSON object, on one line, for a decision.
pub fn decision_json(decision: &DayDecision) -> String {
    decision_json_with(decision, &[], None)
}

/// One JSON object, on one line, for a decision and the date's activity ratings and mean.
pub fn decision_json_with(
    decision: &DayDecision,
    ratings: &[(String, u8)],
    activity_mean: Option<f32>,
) -> String {
    let exercises = decision
        .exercises
        .iter()
        .map(|p| {
            let (hold_secs, reps) = match p.dose {
                Dose::Hold { hold_secs } => (Some(hold_secs), None),
                Dose::Reps { reps } => (None, Some(reps)),
                Dose::Paced {
                    reps, secs_per_rep, ..
                } => (Some(secs_per_rep), Some(reps)),
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
        activities: (!ratings.is_empty())
            .then(|| ratings.iter().map(|(n, r)| (n.as_str(), *r)).collect()),
        activity_mean: activity_mean.map(|m| (f64::from(m) * 10.0).round() / 10.0),
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
