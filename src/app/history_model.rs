//! History's view model: the figures, charts and session list, built once when it opens.

use crate::domain::care::checkin::Day;
use crate::domain::plan::Plan;
use crate::domain::progress::activity_figures::activity_figures;
use crate::domain::progress::adherence::AdherenceRecords;
use crate::domain::progress::figures::{
    calendar, dose_series, lights, pain_series, weekly_mean_back_pain,
};
use crate::domain::session::record::{SessionOutcome, SessionRecord};
use crate::ui::history_screen::HistoryModel;

/// How many weeks History's calendar shows.
const CALENDAR_WEEKS: u32 = 12;

impl HistoryModel {
    /// History's figures, charts and list, from the records.
    pub fn build(
        sessions: &[SessionRecord],
        days: &[Day],
        plan: &Plan,
        records: &AdherenceRecords,
    ) -> Self {
        let today = records.today;
        let per_week = plan.sessions_per_week;
        let mut exercises: Vec<(String, String)> = Vec::new();
        for record in sessions {
            for e in &record.exercises {
                if !exercises.iter().any(|(id, _)| *id == e.exercise_id) {
                    exercises.push((e.exercise_id.clone(), e.name.clone()));
                }
            }
        }
        let session_list = sessions
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| {
                let (done, total) = s.sets_done();
                let how = match s.outcome {
                    SessionOutcome::Completed => "completed",
                    SessionOutcome::EndedEarly => "ended early",
                    SessionOutcome::Interrupted => "interrupted",
                    SessionOutcome::NothingDone => "nothing done",
                };
                (
                    i,
                    format!(
                        "{} · {how} · {done}/{total} sets",
                        s.started_at.format("%a %-d %b %Y, %H:%M")
                    ),
                )
            })
            .collect();
        let mut model = Self {
            today,
            weeks: records
                .basis()
                .map(|basis| calendar(&basis, CALENDAR_WEEKS))
                .unwrap_or_default(),
            this_week: records.this_week(),
            last_4_weeks: records.last_4_weeks(),
            since_start: records.since_start(),
            counted_from: records.counted_from,
            streak_weeks: records.streak_weeks(),
            sessions_per_week: per_week,
            exercises,
            selected_exercise: 0,
            dose: Vec::new(),
            pain: pain_series(days),
            lights: lights(days, &plan.rules),
            weekly_mean: weekly_mean_back_pain(days),
            session_list,
            activities: activity_figures(&crate::domain::care::checkin::activity_log(days)),
        };
        // Open on the first exercise whose dose changed: more telling than a flat warm-up line.
        let telling = (0..model.exercises.len()).find(|&i| {
            model.select_exercise(i, sessions);
            model
                .dose
                .windows(2)
                .any(|w| w[0].amount != w[1].amount || w[0].step != w[1].step)
        });
        model.select_exercise(telling.unwrap_or(0), sessions);
        model
    }

    /// Show the dose chart of another exercise.
    pub fn select_exercise(&mut self, index: usize, sessions: &[SessionRecord]) {
        self.selected_exercise = index;
        self.dose = self
            .exercises
            .get(index)
            .map(|(id, _)| dose_series(sessions, id))
            .unwrap_or_default();
    }
}
