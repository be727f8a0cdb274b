//! What each session prescribed, and how it changed from one session to the next: for home
//! ("Front plank: 30 s, up from 25 s on 3 Dec"), a session's detail and the report's table of
//! each exercise at the start and end of a period. Pure: session records in, text out.

use chrono::NaiveDate;

use crate::domain::plan::catalog::Dose;
use crate::domain::plan::timeline::Side;
use crate::domain::session::record::{ExerciseRecord, SessionRecord};

/// What one exercise was prescribed in one session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prescription {
    pub step: u8,
    pub step_name: String,
    /// Sets per round (per side for exercises done on each side).
    pub sets: u32,
    /// The first set's dose (a pyramid's base).
    pub dose: Dose,
}

impl Prescription {
    pub fn of(exercise: &ExerciseRecord) -> Option<Prescription> {
        let first = exercise.sets.first()?;
        let sets = exercise
            .sets
            .iter()
            .filter(|s| s.round == first.round && s.side != Some(Side::Right))
            .count();
        Some(Prescription {
            step: exercise.step,
            step_name: exercise.step_name.clone(),
            sets: u32::try_from(sets).unwrap_or(u32::MAX),
            dose: first.prescribed,
        })
    }

    /// "2 sets of 20 s".
    pub fn dose_text(&self) -> String {
        self.dose.describe_sets(self.sets)
    }

    /// "step 2 (Knee plank), 2 sets of 20 s".
    pub fn full_text(&self) -> String {
        format!(
            "step {} ({}), {}",
            self.step,
            self.step_name,
            self.dose_text()
        )
    }

    /// Greater than `other`: a higher step, or on the same step more volume.
    fn compare(&self, other: &Prescription) -> std::cmp::Ordering {
        self.step
            .cmp(&other.step)
            .then(volume(self).total_cmp(&volume(other)))
    }
}

fn volume(p: &Prescription) -> f64 {
    let per_set = match p.dose {
        Dose::Hold { hold_secs } => f64::from(hold_secs),
        Dose::Reps { reps } => f64::from(reps),
        Dose::Paced {
            reps, secs_per_rep, ..
        } => f64::from(reps) * f64::from(secs_per_rep),
    };
    per_set * f64::from(p.sets)
}

/// One exercise's prescription changing between two sessions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoseChange {
    pub exercise_id: String,
    pub name: String,
    /// The session that brought the change.
    pub date: NaiveDate,
    pub before: Prescription,
    pub after: Prescription,
}

impl DoseChange {
    pub fn up(&self) -> bool {
        self.after.compare(&self.before).is_gt()
    }

    /// "Front plank: 30 s, up from 25 s on 3 Dec" (the step too when it changed).
    pub fn sentence(&self) -> String {
        let direction = if self.up() { "up" } else { "down" };
        let (after, before) = if self.after.step == self.before.step {
            (self.after.dose_text(), self.before.dose_text())
        } else {
            (self.after.full_text(), self.before.full_text())
        };
        format!(
            "{}: {after}, {direction} from {before} on {}",
            self.name,
            self.date.format("%-d %b")
        )
    }
}

/// What changed from `previous` to `next`, exercise by exercise (exercises in both).
pub fn changes_between(previous: &SessionRecord, next: &SessionRecord) -> Vec<DoseChange> {
    next.exercises
        .iter()
        .filter_map(|after| {
            let before = previous
                .exercises
                .iter()
                .find(|e| e.exercise_id == after.exercise_id)?;
            let (before, now) = (Prescription::of(before)?, Prescription::of(after)?);
            (before != now).then(|| DoseChange {
                exercise_id: after.exercise_id.clone(),
                name: after.name.clone(),
                date: next.started_at.date_naive(),
                before,
                after: now,
            })
        })
        .collect()
}

/// The most recent change of any exercise's prescription, comparing each session with the
/// one before it (`sessions` oldest first). When one session changed several, the first in
/// session order.
pub fn last_dose_change(sessions: &[SessionRecord]) -> Option<DoseChange> {
    sessions
        .windows(2)
        .rev()
        .find_map(|pair| changes_between(&pair[0], &pair[1]).into_iter().next())
}

/// Each exercise's prescription in the first and the last session of `sessions` that had it:
/// (id, name, first (date, prescription), last (date, prescription)), in first-seen order.
#[allow(clippy::type_complexity)]
pub fn first_and_last(
    sessions: &[SessionRecord],
) -> Vec<(
    String,
    String,
    (NaiveDate, Prescription),
    (NaiveDate, Prescription),
)> {
    let mut rows: Vec<(
        String,
        String,
        (NaiveDate, Prescription),
        (NaiveDate, Prescription),
    )> = Vec::new();
    for session in sessions {
        let date = session.started_at.date_naive();
        for exercise in &session.exercises {
            let Some(prescription) = Prescription::of(exercise) else {
                continue;
            };
            match rows.iter_mut().find(|r| r.0 == exercise.exercise_id) {
                Some(row) => row.3 = (date, prescription),
                None => rows.push((
                    exercise.exercise_id.clone(),
                    exercise.name.clone(),
                    (date, prescription.clone()),
                    (date, prescription),
                )),
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::record::{SessionOutcome, SetRecord};

    fn session(date: &str, step: u8, hold_secs: u32) -> SessionRecord {
        let at =
            chrono::DateTime::parse_from_rfc3339(&format!("{date}T07:30:00+01:00")).expect("time");
        SessionRecord {
            schema_version: SessionRecord::SCHEMA_VERSION,
            started_at: at,
            ended_at: at,
            program: "p".into(),
            outcome: SessionOutcome::Completed,
            active_secs: 60,
            exercises: vec![ExerciseRecord {
                exercise_id: "plank".into(),
                name: "Front plank".into(),
                block: "Circuit".into(),
                step,
                step_name: format!("Step {step}"),
                sets: (1..=2)
                    .map(|set| SetRecord {
                        round: 1,
                        set,
                        side: None,
                        prescribed: Dose::Hold { hold_secs },
                        completed: Dose::Hold { hold_secs },
                        skipped: false,
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn the_last_change_says_what_it_was_and_when() {
        let sessions = vec![
            session("2026-12-01", 2, 25),
            session("2026-12-03", 2, 30),
            session("2026-12-05", 2, 30),
        ];
        let change = last_dose_change(&sessions).expect("a change");
        assert!(change.up());
        assert_eq!(
            change.sentence(),
            "Front plank: 2 sets of 30 s, up from 2 sets of 25 s on 3 Dec"
        );
        assert_eq!(last_dose_change(&sessions[..1]), None);
    }

    #[test]
    fn a_step_down_is_down_even_with_a_longer_hold() {
        let change = changes_between(&session("2026-12-01", 3, 20), &session("2026-12-03", 2, 30))
            .pop()
            .expect("changed");
        assert!(!change.up());
        assert!(
            change
                .sentence()
                .contains("step 2 (Step 2), 2 sets of 30 s, down from step 3"),
            "{}",
            change.sentence()
        );
    }
}
