//! Progress over weeks: the calendar, adherence, the streak and the series the charts draw.
//! Pure: records and dates come in, numbers go out.
//!
//! Dates are the local calendar date a session started on (its own UTC offset), so a change to
//! or from daylight-saving time never moves a session to another day. Weeks run Monday to Sunday.

use crate::domain::dates::week_start;
use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::care::checkin::{Day, said_about_session};
use crate::domain::care::rules::{Light, session_light};
use crate::domain::plan::RuleSettings;
use crate::domain::plan::catalog::Dose;
use crate::domain::plan::timeline::Side;
use crate::domain::progress::adherence::{AdherenceBasis, DayDone, tally};
use crate::domain::session::record::SessionRecord;

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

/// The local date a session started on.
pub fn session_date(record: &SessionRecord) -> NaiveDate {
    record.started_at.date_naive()
}

/// One week of the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarWeek {
    pub monday: NaiveDate,
    pub days: [DayMark; 7],
    /// Planned sessions not done this week, as [`crate::domain::progress::adherence`] counts them
    /// (nothing in the week under way while it can still be done).
    pub missed: u32,
}

/// The last `weeks` weeks up to the basis's today, oldest first.
pub fn calendar(basis: &AdherenceBasis<'_>, weeks: u32) -> Vec<CalendarWeek> {
    let this_monday = week_start(basis.today);
    (0..weeks)
        .rev()
        .map(|ago| {
            let monday = this_monday - Duration::weeks(i64::from(ago));
            let mut days = [DayMark::Empty; 7];
            for (i, day) in days.iter_mut().enumerate() {
                let date = monday + Duration::days(i as i64);
                *day = match basis.done.get(&date) {
                    Some(DayDone::Completed) => DayMark::Done,
                    Some(DayDone::Partial) => DayMark::Partial,
                    None if basis.no_training.contains(&date) => DayMark::Rest,
                    None => DayMark::Empty,
                };
            }
            CalendarWeek {
                monday,
                days,
                missed: tally(basis, monday, monday + Duration::days(6)).missed,
            }
        })
        .collect()
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

/// The dose chart's axis title: "seconds" or "reps", or both where the exercise holds at one
/// step and counts reps at another (dead bug and ball curl hold at step 1).
pub fn dose_axis_title(points: &[DosePoint]) -> &'static str {
    let holds = points.iter().any(|p| p.unit == "s");
    let reps = points.iter().any(|p| p.unit != "s");
    match (holds, reps) {
        (true, true) => "seconds or reps",
        (true, false) => "seconds",
        _ => "reps",
    }
}

/// The points a dose chart labels with their ladder step (one side only): where the line
/// starts and each change of step, with the label to print ("step 2", and the unit when the
/// chart mixes holds and reps: "step 2, reps").
pub fn step_labels(points: &[DosePoint]) -> Vec<(&DosePoint, String)> {
    let mixed = dose_axis_title(points).contains(" or ");
    let first_side = points.first().and_then(|p| p.side);
    points
        .iter()
        .filter(|p| p.side == first_side)
        .enumerate()
        .filter(|(i, p)| *i == 0 || p.step_changed)
        .map(|(_, p)| {
            let label = if mixed {
                let unit = if p.unit == "s" { "hold" } else { "reps" };
                format!("step {}, {unit}", p.step)
            } else {
                format!("step {}", p.step)
            };
            (p, label)
        })
        .collect()
}

fn dose_amount(dose: Dose) -> f64 {
    match dose {
        Dose::Hold { hold_secs } => f64::from(hold_secs),
        Dose::Reps { reps } => f64::from(reps),
        Dose::Paced { reps, .. } => f64::from(reps),
    }
}

/// A day's pain from its check-in: absent (a gap, never 0) when the check-in ended on a red
/// flag before the pain questions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PainPoint {
    pub date: NaiveDate,
    pub back: Option<f64>,
    pub leg: Option<f64>,
}

/// Every check-in's pain, in date order.
pub fn pain_series(days: &[Day]) -> Vec<PainPoint> {
    let mut points: Vec<PainPoint> = days
        .iter()
        .filter_map(|d| {
            let c = d.check_in.as_ref()?;
            Some(PainPoint {
                date: d.date,
                back: c.back_pain.map(f64::from),
                leg: c.answered_leg_pain().map(f64::from),
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
    let said = said_about_session(days, started_at);
    Some(session_light(
        said.report?,
        said.back_pain,
        said.next_morning,
        rules,
    ))
}

/// The smallest change on a 0–10 pain scale that is clinically meaningful (clinical spec §3).
pub const MEANINGFUL_PAIN_CHANGE: f64 = 2.0;

/// One week's mean pain from its check-ins; absent when no check-in that week answered it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeeklyPain {
    pub monday: NaiveDate,
    pub back: Option<f64>,
    pub leg: Option<f64>,
}

/// Mean back and leg pain per week (Monday), from the check-ins that answered them.
pub fn weekly_mean_pain(days: &[Day]) -> Vec<WeeklyPain> {
    let mut weeks: BTreeMap<NaiveDate, [(f64, u32); 2]> = BTreeMap::new();
    for day in days {
        let Some(check_in) = &day.check_in else {
            continue;
        };
        let entry = weeks.entry(week_start(day.date)).or_default();
        for (slot, value) in entry
            .iter_mut()
            .zip([check_in.back_pain, check_in.answered_leg_pain()])
        {
            if let Some(value) = value {
                slot.0 += f64::from(value);
                slot.1 += 1;
            }
        }
    }
    let mean = |(sum, n): (f64, u32)| (n > 0).then(|| sum / f64::from(n));
    weeks
        .into_iter()
        .map(|(monday, [back, leg])| WeeklyPain {
            monday,
            back: mean(back),
            leg: mean(leg),
        })
        .collect()
}

/// A pain trend from the first week's mean to the last week's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PainTrend {
    pub first: f64,
    pub last: f64,
}

impl PainTrend {
    /// From the first and the last week with an answer (`None` with fewer than two such weeks).
    pub fn of(weeks: &[WeeklyPain], value: impl Fn(&WeeklyPain) -> Option<f64>) -> Option<Self> {
        let answered: Vec<f64> = weeks.iter().filter_map(value).collect();
        match answered[..] {
            [first, .., last] => Some(PainTrend { first, last }),
            _ => None,
        }
    }

    /// "5.0 to 2.3: down 2.7 points, a meaningful change (2 points or more)".
    pub fn sentence(&self) -> String {
        let change = self.last - self.first;
        let direction = if change < 0.0 { "down" } else { "up" };
        let meaning = if change.abs() >= MEANINGFUL_PAIN_CHANGE - 1e-9 {
            format!("a meaningful change ({MEANINGFUL_PAIN_CHANGE:.0} points or more)")
        } else {
            format!(
                "less than the {MEANINGFUL_PAIN_CHANGE:.0} points that count as a meaningful change"
            )
        };
        if change.abs() < 0.05 {
            return format!("{:.1} to {:.1}: no change", self.first, self.last);
        }
        format!(
            "{:.1} to {:.1}: {direction} {:.1} point{}, {meaning}",
            self.first,
            self.last,
            change.abs(),
            if (change.abs() - 1.0).abs() < 0.05 {
                ""
            } else {
                "s"
            }
        )
    }
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

/// How a chart in words names a day: "5 Dec", with the year when the chart spans more than
/// one ("5 Dec 2025"), so a year apart never sounds like a day apart.
fn day_words(first: NaiveDate, last: NaiveDate) -> impl Fn(NaiveDate) -> String {
    let with_year = first.year() != last.year();
    move |date: NaiveDate| {
        if with_year {
            date.format("%-d %b %Y").to_string()
        } else {
            date.format("%-d %b").to_string()
        }
    }
}

/// A dose chart in words, for a screen reader and for anyone who prefers text: "Front plank
/// (best set): 20 s on 20 Oct, 30 s on 21 Nov; step 2 to 3 on 5 Nov."
pub fn dose_in_words(name: &str, points: &[DosePoint]) -> String {
    let Some(first) = points.first() else {
        return format!("{name}: no sessions yet.");
    };
    let last = points.last().unwrap_or(first);
    let day = day_words(first.date, last.date);
    let amount = |p: &DosePoint| {
        if p.unit == "s" {
            format!("{} s", p.amount)
        } else {
            format!("{} reps", p.amount)
        }
    };
    let mut text = if points.len() == 1 {
        format!(
            "{name} (best set): {} on {}",
            amount(first),
            day(first.date)
        )
    } else {
        format!(
            "{name} (best set): {} on {}, {} on {}",
            amount(first),
            day(first.date),
            amount(last),
            day(last.date)
        )
    };
    let mut previous = first.step;
    let changes: Vec<String> = points
        .iter()
        .filter(|p| p.step_changed)
        .map(|p| {
            let change = format!("step {previous} to {} on {}", p.step, day(p.date));
            previous = p.step;
            change
        })
        .collect();
    if !changes.is_empty() {
        text.push_str("; ");
        text.push_str(&changes.join(", "));
    }
    text.push('.');
    text
}

/// The pain chart in words: the first and last answered back and leg pain, and how many
/// check-ins had none.
pub fn pain_in_words(points: &[PainPoint]) -> String {
    let answered: Vec<&PainPoint> = points.iter().filter(|p| p.back.is_some()).collect();
    let (Some(first), Some(last)) = (answered.first(), answered.last()) else {
        return "Pain: no check-ins with pain answered yet.".to_owned();
    };
    let day = day_words(first.date, last.date);
    let value = |v: Option<f64>| v.map_or("not answered".to_owned(), |v| format!("{v}"));
    let mut text = format!(
        "Back pain {} on {}, {} on {}; leg pain {} then {}",
        value(first.back),
        day(first.date),
        value(last.back),
        day(last.date),
        value(first.leg),
        value(last.leg)
    );
    let unanswered = points.len() - answered.len();
    if unanswered > 0 {
        text.push_str(&format!("; {unanswered} check-in(s) without pain answered"));
    }
    text.push('.');
    text
}
