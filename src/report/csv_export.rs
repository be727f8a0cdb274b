//! Every session as CSV: one row per set and side. Columns are documented in docs/csv-format.md.

use crate::domain::catalog::Dose;
use crate::domain::record::{SessionOutcome, SessionRecord};
use crate::domain::timeline::Side;

/// The header row, in order.
pub const COLUMNS: [&str; 17] = [
    "date",
    "started_at",
    "ended_at",
    "program",
    "outcome",
    "block",
    "exercise_id",
    "exercise",
    "step",
    "step_name",
    "round",
    "set",
    "side",
    "dose_kind",
    "prescribed",
    "completed",
    "completed_in_full",
];

fn kind_and_amount(dose: Dose) -> (&'static str, String) {
    match dose {
        Dose::Hold { hold_secs } => ("hold_secs", hold_secs.to_string()),
        Dose::Reps { reps } => ("reps", reps.to_string()),
        Dose::Paced { reps, secs_per_rep } => ("paced_reps", format!("{reps}x{secs_per_rep}s")),
    }
}

/// The CSV text for `sessions` (oldest first).
pub fn sessions_csv(sessions: &[SessionRecord]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for record in sessions {
        let outcome = match record.outcome {
            SessionOutcome::Completed => "completed",
            SessionOutcome::EndedEarly => "ended_early",
            SessionOutcome::Interrupted => "interrupted",
        };
        for exercise in &record.exercises {
            for set in &exercise.sets {
                let (kind, prescribed) = kind_and_amount(set.prescribed);
                let (_, completed) = kind_and_amount(set.completed);
                writer.write_record([
                    record.started_at.date_naive().to_string(),
                    record.started_at.to_rfc3339(),
                    record.ended_at.to_rfc3339(),
                    record.program.clone(),
                    outcome.to_owned(),
                    exercise.block.clone(),
                    exercise.exercise_id.clone(),
                    exercise.name.clone(),
                    exercise.step.to_string(),
                    exercise.step_name.clone(),
                    set.round.to_string(),
                    set.set.to_string(),
                    set.side.map_or("", Side::label).to_owned(),
                    kind.to_owned(),
                    prescribed,
                    completed,
                    (set.completed == set.prescribed).to_string(),
                ])?;
            }
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
