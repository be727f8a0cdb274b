//! `strongback simulate PLAN DAYS [--json]`: replay a days file through the rules.

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
    if json {
        // JSON escapes control characters itself.
        for decision in &decisions {
            say_raw(&format!("{}\n", decision_json(decision)))?;
        }
    } else {
        say_raw(&escape_table(&decisions_table(&decisions)))?;
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
