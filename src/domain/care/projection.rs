//! How a plan unfolds over the weeks to its review date under a few made-up histories, decided
//! by the same rules engine as the app and `simulate`: for the physio writing the plan, to see
//! whether it reaches its goal doses and whether a limit bites. Pure: the plan, the catalog and
//! the first date come in.

use chrono::{Duration, NaiveDate};

use crate::domain::care::checkin::{CheckIn, Day, MorningAfter, SessionReport};
use crate::domain::care::rules::{DayDecision, Status, decisions_for, todays_circuit};
use crate::domain::plan::catalog::{Catalog, Dose};
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::plan::timeline::Timeline;

/// A made-up history to project a plan through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scenario {
    /// Every planned session done, every one green.
    AllGreen,
    /// As `AllGreen`, but two sessions in week 3 are red (a flare-up).
    FlareUpInWeek3,
    /// Every other week missed entirely (weeks 2, 4, …).
    MissEveryOtherWeek,
}

impl Scenario {
    pub const ALL: [Scenario; 3] = [
        Scenario::AllGreen,
        Scenario::FlareUpInWeek3,
        Scenario::MissEveryOtherWeek,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Scenario::AllGreen => "every session green",
            Scenario::FlareUpInWeek3 => "a flare-up (two reds) in week 3",
            Scenario::MissEveryOtherWeek => "every other week missed",
        }
    }
}

/// The weeks projected: to the review date, or 12 weeks without one (at most 52).
pub fn projected_weeks(plan: &CheckedPlan, start: NaiveDate) -> u32 {
    match plan.plan.review_date {
        Some(review) if review > start => u32::try_from(((review - start).num_days() + 6) / 7)
            .unwrap_or(12)
            .clamp(1, 52),
        _ => 12,
    }
}

/// The session dates of a week starting on `monday`: `per_week` spread over the seven days
/// (three a week: Monday, Wednesday, Friday).
fn session_offsets(per_week: u32) -> Vec<i64> {
    let n = per_week.clamp(1, 7);
    (0..n).map(|i| i64::from(i * 7 / n)).collect()
}

/// The made-up history for `scenario`: a check-in (back pain 2, the morning after "the
/// same") and a session report on each session date, for `weeks` weeks from `start`.
pub fn scenario_days(
    plan: &CheckedPlan,
    scenario: Scenario,
    start: NaiveDate,
    weeks: u32,
) -> Vec<Day> {
    let mut days = Vec::new();
    let offsets = session_offsets(plan.plan.sessions_per_week);
    for week in 0..weeks {
        if scenario == Scenario::MissEveryOtherWeek && week % 2 == 1 {
            continue;
        }
        for (i, offset) in offsets.iter().enumerate() {
            let date = start + Duration::weeks(i64::from(week)) + Duration::days(*offset);
            let red = scenario == Scenario::FlareUpInWeek3 && week == 2 && i < 2;
            days.push(Day {
                check_in: Some(CheckIn {
                    red_flags: Vec::new(),
                    risk_factors_asked: days.is_empty(),
                    back_pain: Some(2),
                    leg_pain: Some(0),
                    leg_extent: None,
                    leg_trend: None,
                    new_numbness: false,
                    new_weakness: false,
                    morning_after: (!days.is_empty()).then_some(MorningAfter::Same),
                    pain_kind: None,
                    confirms_presentation: false,
                    function: None,
                }),
                sessions: vec![SessionReport {
                    started_at: None,
                    worst_pain: if red { 7 } else { 2 },
                    sharp_or_shooting: false,
                    completed: Default::default(),
                }],
                ..Day::on(date)
            });
        }
    }
    days
}

/// One exercise as prescribed on a projected date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectedDose {
    pub exercise_id: String,
    pub step: u8,
    pub sets: u32,
    pub dose: Dose,
}

/// A projected session date: what the rules decided, and how long the session would be.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectedSession {
    pub week: u32,
    pub decision: DayDecision,
    pub planned_minutes: f64,
}

/// A plan projected through one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub scenario: Scenario,
    pub start: NaiveDate,
    pub weeks: u32,
    pub sessions: Vec<ProjectedSession>,
    /// Every reason a rule gave, the first time it was given, with its date.
    pub events: Vec<(NaiveDate, String)>,
}

impl Projection {
    /// The longest projected session, in minutes.
    pub fn longest_minutes(&self) -> f64 {
        self.sessions
            .iter()
            .map(|s| s.planned_minutes)
            .fold(0.0, f64::max)
    }

    /// `exercise_id`'s prescription at the last session of each week that had one:
    /// (week, dose).
    pub fn by_week(&self, exercise_id: &str) -> Vec<(u32, ProjectedDose)> {
        let mut weeks: Vec<(u32, ProjectedDose)> = Vec::new();
        for session in &self.sessions {
            let Some(p) = session
                .decision
                .exercises
                .iter()
                .find(|p| p.exercise_id == exercise_id)
            else {
                continue;
            };
            let dose = ProjectedDose {
                exercise_id: p.exercise_id.clone(),
                step: p.step,
                sets: p.sets,
                dose: p.dose,
            };
            match weeks.last_mut() {
                Some((week, last)) if *week == session.week => *last = dose,
                _ => weeks.push((session.week, dose)),
            }
        }
        weeks
    }
}

/// Project `plan` through `scenario` for `weeks` weeks from `start`.
pub fn project(
    plan: &CheckedPlan,
    catalog: &Catalog,
    scenario: Scenario,
    start: NaiveDate,
    weeks: u32,
) -> Projection {
    let days = scenario_days(plan, scenario, start, weeks);
    let dates: Vec<NaiveDate> = days.iter().map(|d| d.date).collect();
    let decisions = decisions_for(&plan.plan, &plan.circuit, catalog, &days, &dates);
    let mut events: Vec<(NaiveDate, String)> = Vec::new();
    let mut sessions = Vec::new();
    for decision in decisions {
        for reason in &decision.reasons {
            if !events.iter().any(|(_, r)| r == reason) {
                events.push((decision.date, reason.clone()));
            }
        }
        let trains = matches!(
            decision.status,
            Status::Train | Status::Gentle | Status::Deload
        );
        let planned_minutes = if trains {
            let circuit = todays_circuit(&plan.circuit, &decision, catalog);
            Timeline::build(&circuit).planned_total_secs() as f64 / 60.0
        } else {
            0.0
        };
        let week = u32::try_from((decision.date - start).num_days() / 7).unwrap_or(0) + 1;
        sessions.push(ProjectedSession {
            week,
            decision,
            planned_minutes,
        });
    }
    Projection {
        scenario,
        start,
        weeks,
        sessions,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_spread_over_the_week() {
        assert_eq!(session_offsets(3), vec![0, 2, 4]);
        assert_eq!(session_offsets(1), vec![0]);
        assert_eq!(session_offsets(7), vec![0, 1, 2, 3, 4, 5, 6]);
    }
}
