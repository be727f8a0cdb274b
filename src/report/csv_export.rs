//! Every session as CSV: one row per set and side. Columns are documented in docs/csv-format.md.

use super::events::CareEvent;
use crate::domain::care::checkin::{Day, said_about_session};
use crate::domain::plan::catalog::Dose;
use crate::domain::plan::timeline::Side;
use crate::domain::progress::adherence::PeriodTally;
use crate::domain::session::record::{SessionOutcome, SessionRecord};

/// The header row, in order.
pub const COLUMNS: [&str; 20] = [
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
    "back_pain_before",
    "leg_pain_before",
    "worst_pain",
];

fn kind_and_amount(dose: Dose) -> (&'static str, String) {
    match dose {
        Dose::Hold { hold_secs } => ("hold_secs", hold_secs.to_string()),
        Dose::Reps { reps } => ("reps", reps.to_string()),
        Dose::Paced {
            reps, secs_per_rep, ..
        } => ("paced_reps", format!("{reps}x{secs_per_rep}s")),
    }
}

/// Text from a plan as a cell a spreadsheet shows and never runs: a leading `=`, `+`, `-`, `@`,
/// tab or carriage return would make it a formula, so such text gets a leading `'`.
pub fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A pain answer as a cell: blank when it was not answered (never 0).
fn pain_cell(value: Option<u8>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

/// The CSV text for `sessions` (oldest first), with each session's pain from `days`: the
/// check-in of its date and its own after-session report.
pub fn sessions_csv(sessions: &[SessionRecord], days: &[Day]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for record in sessions {
        let outcome = match record.outcome {
            SessionOutcome::Completed => "completed",
            SessionOutcome::EndedEarly => "ended_early",
            SessionOutcome::Interrupted => "interrupted",
            SessionOutcome::NothingDone => "nothing_done",
        };
        let said = said_about_session(days, record.started_at);
        let back = pain_cell(said.back_pain);
        let leg = pain_cell(said.check_in.and_then(|c| c.answered_leg_pain()));
        let worst = pain_cell(said.report.map(|r| r.worst_pain));
        for exercise in &record.exercises {
            for set in &exercise.sets {
                let (kind, prescribed) = kind_and_amount(set.prescribed);
                let (_, completed) = kind_and_amount(set.completed);
                writer.write_record([
                    record.started_at.date_naive().to_string(),
                    record.started_at.to_rfc3339(),
                    record.ended_at.to_rfc3339(),
                    inert(&record.program),
                    outcome.to_owned(),
                    inert(&exercise.block),
                    inert(&exercise.exercise_id),
                    inert(&exercise.name),
                    exercise.step.to_string(),
                    inert(&exercise.step_name),
                    set.round.to_string(),
                    set.set.to_string(),
                    set.side.map_or("", Side::label).to_owned(),
                    kind.to_owned(),
                    prescribed,
                    completed,
                    (set.completed == set.prescribed).to_string(),
                    back.clone(),
                    leg.clone(),
                    worst.clone(),
                ])?;
            }
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The header row of the weeks CSV.
pub const WEEK_COLUMNS: [&str; 8] = [
    "week_start",
    "under_way",
    "planned",
    "completed",
    "partial",
    "missed",
    "extra",
    "adherence_percent",
];

/// One row per week of `tally`, counted as `docs/progress-figures.md` defines; adherence is
/// blank for a week with nothing planned.
pub fn weeks_csv(tally: &PeriodTally) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(WEEK_COLUMNS)?;
    for week in &tally.weeks {
        let adherence = week.adherence_percent();
        writer.write_record([
            week.monday.to_string(),
            week.under_way.to_string(),
            week.planned.to_string(),
            week.completed.to_string(),
            week.partial.to_string(),
            week.missed.to_string(),
            week.extra.to_string(),
            adherence.map_or(String::new(), |p| format!("{p:.1}")),
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The header row of [`events_csv`], in order.
pub const EVENT_COLUMNS: [&str; 4] = ["date", "kind", "what", "closed_on"];

/// One row per red flag, warning, referral, clearance and "seen a clinician", as the report
/// lists them: ISO dates; `closed_on` is the date a referral was closed (blank: still open).
pub fn events_csv(events: &[CareEvent]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(EVENT_COLUMNS)?;
    for event in events {
        writer.write_record([
            event.date.to_string(),
            event.kind.label().to_owned(),
            inert(&event.text),
            event.closed_on.map_or(String::new(), |d| d.to_string()),
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The header row of [`activities_csv`], in order.
pub const ACTIVITY_COLUMNS: [&str; 5] = [
    "date",
    "activity",
    "rating",
    "mean_of_date",
    "global_change",
];

/// One row per activity rated on a date (with that date's mean, to one decimal), and one row
/// per answer to "compared with when you started" (activity and rating blank). A date without
/// ratings has no rows: absent is never 0.
pub fn activities_csv(
    log: &crate::domain::care::activities::ActivityLog,
) -> Result<String, csv::Error> {
    let mut rows: Vec<(chrono::NaiveDate, [String; 5])> = Vec::new();
    for activity in &log.activities {
        for (date, rating) in &activity.ratings {
            let mean = log
                .mean_on(*date)
                .map_or(String::new(), |m| format!("{m:.1}"));
            rows.push((
                *date,
                [
                    date.to_string(),
                    inert(&activity.name),
                    rating.to_string(),
                    mean,
                    String::new(),
                ],
            ));
        }
    }
    for (date, answer) in &log.global_changes {
        rows.push((
            *date,
            [
                date.to_string(),
                String::new(),
                String::new(),
                String::new(),
                answer.label().to_owned(),
            ],
        ));
    }
    // By date; within a date, in the order the activities were named.
    rows.sort_by_key(|(date, _)| *date);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(ACTIVITY_COLUMNS)?;
    for (_, row) in rows {
        writer.write_record(row)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formula_like_text_is_made_inert_and_other_text_is_untouched() {
        assert_eq!(
            inert("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("+1"), "'+1");
        assert_eq!(inert("-2"), "'-2");
        assert_eq!(inert("Front plank"), "Front plank");
        assert_eq!(inert("Bird dog = good"), "Bird dog = good");
    }
}
