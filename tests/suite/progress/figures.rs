//! The figures of progress on generated histories: adherence and streaks across month and year ends
//! and daylight-saving changes, the calendar, and the chart series.

use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::BTreeSet;
use strongback::domain::plan::catalog::Dose;

use strongback::domain::dates::{date_of_day_number, day_number, week_start};
use strongback::domain::progress::adherence::{
    AdherenceBasis, DayDone, days_done, streak_weeks, tally,
};
use strongback::domain::progress::figures::{DayMark, calendar, dose_series};
use strongback::domain::session::record::{
    ExerciseRecord, SessionOutcome, SessionRecord, SetRecord,
};

use crate::common::{generated, parse_date};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("valid time")
}

fn session(start: &str, outcome: SessionOutcome, step: u8, hold_secs: u32) -> SessionRecord {
    SessionRecord {
        schema_version: SessionRecord::SCHEMA_VERSION,
        started_at: at(start),
        ended_at: at(start),
        program: "test".into(),
        outcome,
        active_secs: 900,
        exercises: vec![ExerciseRecord {
            exercise_id: "plank".into(),
            name: "Front plank".into(),
            block: "Circuit".into(),
            step,
            step_name: "s".into(),
            sets: vec![SetRecord {
                round: 1,
                set: 1,
                side: None,
                prescribed: Dose::Hold { hold_secs },
                completed: Dose::Hold { hold_secs },
                skipped: false,
            }],
        }],
    }
}

/// Adherence of `sessions` over `from..=to` as of `today`, counting from the first session.
fn adherence(
    sessions: &[SessionRecord],
    per_week: u32,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<f64> {
    let done = days_done(sessions);
    let none = BTreeSet::new();
    let counted_from = done.keys().next().copied().unwrap_or(from);
    let basis = AdherenceBasis {
        done: &done,
        no_training: &none,
        sessions_per_week: per_week,
        counted_from,
        today: to,
    };
    tally(&basis, from, to).adherence_percent()
}

fn streak(sessions: &[SessionRecord], per_week: u32, today: NaiveDate) -> u32 {
    let done = days_done(sessions);
    let none = BTreeSet::new();
    let basis = AdherenceBasis {
        done: &done,
        no_training: &none,
        sessions_per_week: per_week,
        counted_from: done.keys().next().copied().unwrap_or(today),
        today,
    };
    streak_weeks(&basis)
}

fn done(start: &str) -> SessionRecord {
    session(start, SessionOutcome::Completed, 2, 20)
}

/// Three sessions a week (Mon, Wed, Fri at 07:30) for `weeks` weeks from `monday`.
fn three_a_week(monday: NaiveDate, weeks: i64, offset: &str) -> Vec<SessionRecord> {
    (0..weeks)
        .flat_map(|w| [0, 2, 4].map(move |d| monday + chrono::Duration::days(w * 7 + d)))
        .map(|d| done(&format!("{d}T07:30:00{offset}")))
        .collect()
}

#[test]
fn weeks_start_on_monday_across_month_and_year_ends() {
    assert_eq!(
        week_start(parse_date("2027-01-01")),
        parse_date("2026-12-28")
    );
    assert_eq!(
        week_start(parse_date("2027-03-01")),
        parse_date("2027-03-01")
    );
    assert_eq!(
        week_start(parse_date("2027-02-28")),
        parse_date("2027-02-22")
    );
}

#[test]
fn a_session_keeps_its_local_date_through_daylight_saving_changes() {
    let sessions = vec![
        done("2027-03-28T01:30:00+01:00"), // just before clocks go forward (Europe)
        done("2027-03-28T03:30:00+02:00"), // just after: same local day
        done("2026-10-25T23:30:00+01:00"), // late evening after clocks went back
        done("2026-10-25T00:30:00+02:00"), // early the same morning, before
    ];
    let marks = days_done(&sessions);
    assert_eq!(marks.len(), 2, "two days, not four or three");
    assert_eq!(
        marks.get(&parse_date("2027-03-28")),
        Some(&DayDone::Completed)
    );
    assert_eq!(
        marks.get(&parse_date("2026-10-25")),
        Some(&DayDone::Completed)
    );
}

#[test]
fn adherence_counts_sessions_against_the_plan_across_the_year_end() {
    let sessions = three_a_week(parse_date("2026-12-14"), 4, "+01:00");
    let full = adherence(
        &sessions,
        3,
        parse_date("2026-12-14"),
        parse_date("2027-01-10"),
    );
    assert!((full.expect("a value") - 100.0).abs() < 1e-9);
    let half: Vec<_> = sessions.iter().step_by(2).cloned().collect();
    let pct =
        adherence(&half, 3, parse_date("2026-12-14"), parse_date("2027-01-10")).expect("a value");
    assert!((pct - 50.0).abs() < 1e-9, "6 of 12: {pct}");
    let mut partial = sessions.clone();
    partial[0].outcome = SessionOutcome::EndedEarly;
    let pct = adherence(
        &partial,
        3,
        parse_date("2026-12-14"),
        parse_date("2027-01-10"),
    )
    .expect("a value");
    assert!(
        (pct - 11.5 / 12.0 * 100.0).abs() < 1e-9,
        "a partial counts half: {pct}"
    );
    assert_eq!(
        adherence(&[], 3, parse_date("2027-01-10"), parse_date("2027-01-01")),
        None
    );
    let extra = three_a_week(parse_date("2026-12-14"), 4, "+01:00");
    let doubled: Vec<_> = sessions.iter().chain(&extra).cloned().collect();
    let pct = adherence(
        &doubled,
        3,
        parse_date("2026-12-14"),
        parse_date("2027-01-10"),
    )
    .expect("a value");
    assert!(
        (pct - 100.0).abs() < 1e-9,
        "two sessions on one day count once, and never over 100 %"
    );
}

#[test]
fn adherence_over_a_short_month_counts_each_week_on_its_own() {
    // February 2027: 28 days = 4 weeks exactly; 2 a week planned, 8 done, but three of them
    // in the first week and one in the last: the extra one does not make up the missed one.
    let sessions: Vec<_> = (0..8)
        .map(|i| done(&format!("2027-02-{:02}T18:00:00+01:00", 1 + i * 3)))
        .collect();
    let pct = adherence(
        &sessions,
        2,
        parse_date("2027-02-01"),
        parse_date("2027-02-28"),
    )
    .expect("a value");
    assert!((pct - 87.5).abs() < 1e-9, "7 of 8: {pct}");
}

#[test]
fn the_streak_counts_full_weeks_across_the_year_end() {
    let sessions = three_a_week(parse_date("2026-12-14"), 4, "+01:00");
    assert_eq!(
        streak(&sessions, 3, parse_date("2027-01-10")),
        4,
        "on the Sunday of the last week"
    );
    assert_eq!(
        streak(&sessions, 3, parse_date("2027-01-12")),
        4,
        "a new week not yet met does not break it"
    );
    assert_eq!(
        streak(&sessions, 3, parse_date("2027-01-19")),
        0,
        "a whole week missed breaks it"
    );
    let mut gap = sessions.clone();
    gap.remove(4); // one session missed in the week of 21 December
    assert_eq!(streak(&gap, 3, parse_date("2027-01-10")), 2);
    assert_eq!(streak(&sessions, 4, parse_date("2027-01-10")), 0);
}

#[test]
fn the_streak_survives_the_spring_daylight_saving_change() {
    // Week of 22 March 2027 crosses the change on Sunday 28 March.
    let mut sessions = three_a_week(parse_date("2027-03-15"), 1, "+01:00");
    sessions.push(done("2027-03-22T07:30:00+01:00"));
    sessions.push(done("2027-03-24T07:30:00+01:00"));
    sessions.push(done("2027-03-28T09:00:00+02:00"));
    sessions.extend(three_a_week(parse_date("2027-03-29"), 1, "+02:00"));
    assert_eq!(streak(&sessions, 3, parse_date("2027-04-04")), 3);
}

#[test]
fn calendar_marks_done_partial_rest_and_missed() {
    let sessions = vec![
        done("2027-02-22T07:30:00+01:00"),
        session(
            "2027-02-24T07:30:00+01:00",
            SessionOutcome::EndedEarly,
            2,
            10,
        ),
        done("2027-03-01T07:30:00+01:00"),
    ];
    let done = days_done(&sessions);
    let rest = BTreeSet::from([parse_date("2027-02-25")]);
    let basis = AdherenceBasis {
        done: &done,
        no_training: &rest,
        sessions_per_week: 3,
        counted_from: parse_date("2027-02-22"),
        today: parse_date("2027-03-02"),
    };
    let weeks = calendar(&basis, 2);
    assert_eq!(weeks.len(), 2);
    assert_eq!(weeks[0].monday, parse_date("2027-02-22"));
    assert_eq!(weeks[0].days[0], DayMark::Done);
    assert_eq!(weeks[0].days[2], DayMark::Partial);
    assert_eq!(weeks[0].days[3], DayMark::Rest);
    assert_eq!(weeks[0].days[1], DayMark::Empty);
    assert_eq!(weeks[0].missed, 1, "3 planned, 2 done");
    assert_eq!(weeks[1].monday, parse_date("2027-03-01"));
    assert_eq!(weeks[1].missed, 0, "the week is still under way");
}

#[test]
fn dose_series_marks_ladder_step_changes() {
    let sessions = vec![
        session(
            "2027-01-04T07:30:00+01:00",
            SessionOutcome::Completed,
            2,
            20,
        ),
        session(
            "2027-01-06T07:30:00+01:00",
            SessionOutcome::Completed,
            2,
            25,
        ),
        session(
            "2027-01-08T07:30:00+01:00",
            SessionOutcome::Completed,
            3,
            20,
        ),
    ];
    let series = dose_series(&sessions, "plank");
    let amounts: Vec<_> = series
        .iter()
        .map(|p| (p.step, p.amount, p.step_changed))
        .collect();
    assert_eq!(
        amounts,
        vec![(2, 20.0, false), (2, 25.0, false), (3, 20.0, true)]
    );
    assert!(dose_series(&sessions, "bridge").is_empty());
    assert!(series.iter().all(|p| p.side.is_none() && p.unit == "s"));
}

#[test]
fn chart_day_numbers_round_trip_dates() {
    for text in ["1970-01-01", "2026-12-31", "2027-03-28", "2036-02-29"] {
        let d = parse_date(text);
        assert_eq!(date_of_day_number(day_number(d)), Some(d));
    }
    assert_eq!(day_number(parse_date("1970-01-02")), 1.0);
    assert_eq!(date_of_day_number(f64::NAN), None);
}

#[test]
fn per_side_exercises_chart_each_side() {
    let (sessions, _) = generated(parse_date("2027-01-04"), 5, 2);
    let series = dose_series(&sessions, "side_plank");
    use strongback::domain::plan::timeline::Side;
    let sides: Vec<_> = series.iter().map(|p| (p.date, p.side)).collect();
    // Each session that reached the side plank gives a point for each side, left first.
    let dates: Vec<_> = sides.iter().step_by(2).map(|(d, _)| *d).collect();
    assert!(!dates.is_empty());
    let expected: Vec<_> = dates
        .iter()
        .flat_map(|d| [(*d, Some(Side::Left)), (*d, Some(Side::Right))])
        .collect();
    assert_eq!(sides, expected);
}
