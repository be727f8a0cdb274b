//! Progress over weeks: the calendar, adherence, the streak and the series the charts draw.
//! Pure: records and dates come in, numbers go out.
//!
//! Dates are the local calendar date a session started on (its own UTC offset), so a change to
//! or from daylight-saving time never moves a session to another day. Weeks run Monday to Sunday.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use super::catalog::Dose;
use super::checkin::Day;
use super::plan::RuleSettings;
use super::record::{SessionOutcome, SessionRecord};
use super::rules::{Light, session_light};
use super::timeline::Side;

/// How a calendar day looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayMark {
    /// A session played to the end.
    Done,
    /// A session ended early or interrupted.
    Partial,
    /// The rules prescribed no training (rest, paused, stopped).
    Rest,
    /// Nothing recorded.
    Empty,
}

/// The date of the earliest session or day recorded, if any.
pub fn first_record_date(sessions: &[SessionRecord], days: &[Day]) -> Option<NaiveDate> {
    sessions
        .iter()
        .map(session_date)
        .chain(days.iter().map(|d| d.date))
        .min()
}

/// The Monday of the week `date` is in.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The local date a session started on.
pub fn session_date(record: &SessionRecord) -> NaiveDate {
    record.started_at.date_naive()
}

/// Sessions by date: a done session wins over a partial one the same day.
pub fn marks_by_date(sessions: &[SessionRecord]) -> BTreeMap<NaiveDate, DayMark> {
    let mut marks = BTreeMap::new();
    for record in sessions {
        let mark = match record.outcome {
            SessionOutcome::Completed => DayMark::Done,
            SessionOutcome::EndedEarly | SessionOutcome::Interrupted => DayMark::Partial,
        };
        let entry = marks.entry(session_date(record)).or_insert(mark);
        if mark == DayMark::Done {
            *entry = DayMark::Done;
        }
    }
    marks
}

/// One week of the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarWeek {
    pub monday: NaiveDate,
    pub days: [DayMark; 7],
    /// Planned sessions not done this week (0 for a week still under way, until it is over,
    /// unless the remaining days cannot make it up).
    pub missed: u32,
}

/// The last `weeks` weeks up to `today`, oldest first. `rest_days` are the dates the rules
/// prescribed no training.
pub fn calendar(
    sessions: &[SessionRecord],
    rest_days: &[NaiveDate],
    sessions_per_week: u32,
    today: NaiveDate,
    weeks: u32,
) -> Vec<CalendarWeek> {
    let marks = marks_by_date(sessions);
    let this_monday = week_start(today);
    (0..weeks)
        .rev()
        .map(|ago| {
            let monday = this_monday - Duration::weeks(i64::from(ago));
            let mut days = [DayMark::Empty; 7];
            let mut done = 0;
            for (i, day) in days.iter_mut().enumerate() {
                let date = monday + Duration::days(i as i64);
                *day = match marks.get(&date) {
                    Some(mark) => {
                        done += 1;
                        *mark
                    }
                    None if rest_days.contains(&date) => DayMark::Rest,
                    None => DayMark::Empty,
                };
            }
            let days_left = if monday == this_monday {
                6 - i64::from(today.weekday().num_days_from_monday())
            } else {
                0
            };
            let short = sessions_per_week.saturating_sub(done);
            let missed = short.saturating_sub(u32::try_from(days_left).unwrap_or(0));
            CalendarWeek {
                monday,
                days,
                missed,
            }
        })
        .collect()
}

/// Sessions done as a share of those planned from `from` to `to` (inclusive), 0–100 %.
/// A partial session counts half. Weeks are pro-rated by the days of them inside the range.
pub fn adherence_percent(
    sessions: &[SessionRecord],
    sessions_per_week: u32,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<f64> {
    if to < from || sessions_per_week == 0 {
        return None;
    }
    let days = (to - from).num_days() + 1;
    let planned = f64::from(sessions_per_week) * days as f64 / 7.0;
    let done: f64 = marks_by_date(sessions)
        .iter()
        .filter(|(date, _)| **date >= from && **date <= to)
        .map(|(_, mark)| if *mark == DayMark::Done { 1.0 } else { 0.5 })
        .fold(0.0, |sum, x| sum + x); // not `sum()`: an empty f64 sum is -0.0, shown as "-0 %"
    Some((done / planned * 100.0).min(100.0))
}

/// Weeks in a row, ending with the last complete week (or this week, once it has met the
/// target), in which the planned number of sessions was done.
pub fn streak_weeks(sessions: &[SessionRecord], sessions_per_week: u32, today: NaiveDate) -> u32 {
    if sessions_per_week == 0 {
        return 0;
    }
    let marks = marks_by_date(sessions);
    let done_in = |monday: NaiveDate| {
        marks
            .range(monday..monday + Duration::days(7))
            .filter(|(date, mark)| **date <= today && **mark == DayMark::Done)
            .count() as u32
    };
    let this_monday = week_start(today);
    let mut streak = u32::from(done_in(this_monday) >= sessions_per_week);
    let mut monday = this_monday - Duration::weeks(1);
    while done_in(monday) >= sessions_per_week {
        streak += 1;
        monday -= Duration::weeks(1);
    }
    streak
}

/// One point of an exercise's dose over time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DosePoint {
    pub date: NaiveDate,
    pub step: u8,
    /// Hold seconds or reps (best set of the session, per side where that applies).
    pub amount: f64,
    /// "s" for holds, "reps" otherwise.
    pub unit: &'static str,
    /// The side, for exercises done on each side.
    pub side: Option<Side>,
    /// True when the ladder step differs from the previous point's.
    pub step_changed: bool,
}

/// Completed dose per session for one exercise, oldest first: the best set of the session, per
/// side for exercises done on each side.
pub fn dose_series(sessions: &[SessionRecord], exercise_id: &str) -> Vec<DosePoint> {
    let mut points: Vec<DosePoint> = Vec::new();
    for record in sessions {
        for exercise in record
            .exercises
            .iter()
            .filter(|e| e.exercise_id == exercise_id)
        {
            let unit = match exercise.sets.first().map(|s| s.prescribed) {
                Some(Dose::Hold { .. }) => "s",
                _ => "reps",
            };
            let sides: Vec<Option<Side>> = if exercise.sets.iter().any(|s| s.side.is_some()) {
                vec![Some(Side::Left), Some(Side::Right)]
            } else {
                vec![None]
            };
            for side in sides {
                let best = exercise
                    .sets
                    .iter()
                    .filter(|s| s.side == side)
                    .map(|s| dose_amount(s.completed))
                    .fold(0.0, f64::max);
                if best <= 0.0 {
                    continue;
                }
                let step_changed = points
                    .iter()
                    .rev()
                    .find(|p| p.side == side)
                    .is_some_and(|p| p.step != exercise.step);
                points.push(DosePoint {
                    date: session_date(record),
                    step: exercise.step,
                    amount: best,
                    unit,
                    side,
                    step_changed,
                });
            }
        }
    }
    points
}

fn dose_amount(dose: Dose) -> f64 {
    match dose {
        Dose::Hold { hold_secs } => f64::from(hold_secs),
        Dose::Reps { reps } => f64::from(reps),
        Dose::Paced { reps, .. } => f64::from(reps),
    }
}

/// A day's pain from its check-in (a check-in ended by a red flag has none: a gap, not 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PainPoint {
    pub date: NaiveDate,
    pub back: f64,
    pub leg: f64,
}

pub fn pain_series(days: &[Day]) -> Vec<PainPoint> {
    let mut points: Vec<PainPoint> = days
        .iter()
        .filter_map(|d| {
            let c = d.check_in.as_ref()?;
            Some(PainPoint {
                date: d.date,
                back: f64::from(c.back_pain?),
                leg: f64::from(c.answered_leg_pain()?),
            })
        })
        .collect();
    points.sort_by_key(|p| p.date);
    points
}

/// Each session report's light, with the next morning's answer when it is known. Linear: one
/// backward pass finds the next check-in after every day.
pub fn lights(days: &[Day], rules: &RuleSettings) -> Vec<(NaiveDate, Light, u8)> {
    let mut sorted: Vec<&Day> = days.iter().collect();
    sorted.sort_by_key(|d| d.date);
    let mut next_morning = None;
    let mut lit = Vec::new();
    for day in sorted.iter().rev() {
        let back_pain = day.check_in.as_ref().and_then(|c| c.back_pain);
        // In order within the date, once the list is reversed at the end.
        let reports: Vec<_> = day.reports().collect();
        for report in reports.into_iter().rev() {
            lit.push((
                day.date,
                session_light(report, back_pain, next_morning, rules),
                report.worst_pain,
            ));
        }
        if let Some(check_in) = &day.check_in {
            next_morning = check_in.morning_after;
        }
    }
    lit.reverse();
    lit
}

/// The light of the session that started at `started_at`: its own report (a second session
/// on a date has its own), that day's back pain and the next check-in's morning-after answer.
pub fn session_light_of(
    days: &[Day],
    started_at: chrono::DateTime<chrono::FixedOffset>,
    rules: &RuleSettings,
) -> Option<Light> {
    let date = started_at.date_naive();
    let day = days
        .iter()
        .find(|d| d.date == date && d.reports().next().is_some())?;
    let report = day.report_for(started_at)?;
    let back_pain = days
        .iter()
        .filter(|d| d.date == date)
        .find_map(|d| d.check_in.as_ref().and_then(|c| c.back_pain));
    let next_morning = days
        .iter()
        .filter(|d| d.date > date)
        .filter_map(|d| d.check_in.as_ref().map(|c| (d.date, c.morning_after)))
        .min_by_key(|(d, _)| *d)
        .and_then(|(_, morning)| morning);
    Some(session_light(report, back_pain, next_morning, rules))
}

/// Mean back pain per week (Monday), from check-ins.
pub fn weekly_mean_back_pain(days: &[Day]) -> Vec<(NaiveDate, f64)> {
    let mut weeks: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    for day in days {
        if let Some(back_pain) = day.check_in.as_ref().and_then(|c| c.back_pain) {
            let entry = weeks.entry(week_start(day.date)).or_insert((0.0, 0));
            entry.0 += f64::from(back_pain);
            entry.1 += 1;
        }
    }
    weeks
        .into_iter()
        .map(|(monday, (sum, n))| (monday, sum / f64::from(n)))
        .collect()
}

/// Days since 1970-01-01, the x value charts use for a date.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - 719_163)
}

/// The date for a chart's x value.
pub fn date_of_day_number(x: f64) -> Option<NaiveDate> {
    let days = x.round();
    if !days.is_finite() || days.abs() > 1e7 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32 + 719_163)
}
