//! `strongback demo-data`: a generated history in an empty data folder, readable by the app,
//! and never written over someone's records.

use chrono::NaiveDate;
use strongback::cli::demo_data_command::{DemoRequest, run};
use strongback::domain::care::rules::Status;
use strongback::domain::session::record::SessionOutcome;
use strongback::store::Store;

use crate::common::{self, assets, ymd};

fn request(years: u32, every_days: u32) -> DemoRequest {
    DemoRequest {
        years,
        every_days,
        today: ymd(2026, 11, 24),
    }
}

#[test]
fn demo_data_fills_an_empty_folder_with_a_year_of_history_ending_yesterday() {
    let dir = tempfile::tempdir().expect("temp dir");
    let assets = assets();
    assert_eq!(run(dir.path(), request(1, 2), &assets).expect("runs"), 0);
    let store = Store::open(dir.path()).expect("store");
    let (sessions, problems) = store.load_sessions();
    assert!(problems.is_empty());
    // Every other day for 365 days.
    assert_eq!(sessions.len(), 183);
    let (days, problem) = store.load_history();
    assert!(problem.is_none());
    let first = days.first().map(|d| d.date);
    let last = days.last().map(|d| d.date);
    assert_eq!(first, NaiveDate::from_ymd_opt(2025, 11, 24));
    assert_eq!(
        last,
        NaiveDate::from_ymd_opt(2026, 11, 23),
        "today is left free to try"
    );
    // The app opens on it at home (no intake), with the newest session shown.
    let app = common::open_app_raw(dir.path());
    assert_eq!(app.app().screen_kind(), strongback::ScreenKind::Home);
    assert!(app.shows_containing("sets done in full"));
}

#[test]
fn demo_data_refuses_a_folder_with_records_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let assets = assets();
    let store = Store::open(dir.path()).expect("store");
    store.save_history(&[]).expect("save");
    let before = std::fs::read(dir.path().join("history.ron")).expect("written");
    let err = run(dir.path(), request(1, 1), &assets).expect_err("refused");
    assert!(err.to_string().contains("already holds"), "{err}");
    assert_eq!(
        std::fs::read(dir.path().join("history.ron")).expect("kept"),
        before
    );
    assert!(common::session_files(dir.path()).is_empty());
}

#[test]
fn demo_data_checks_its_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let assets = assets();
    assert!(run(dir.path(), request(0, 1), &assets).is_err());
    assert!(run(dir.path(), request(1, 0), &assets).is_err());
    assert!(common::session_files(dir.path()).is_empty());
}

/// Every generated session is what the rules prescribed on its date, given the generated
/// history before it: the same exercises at the same steps and doses, on a day the rules
/// allowed training, so the session's detail, the table, the report and home agree.
#[test]
fn every_generated_session_is_what_the_rules_decided_that_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let assets = assets();
    assert_eq!(run(dir.path(), request(1, 1), &assets).expect("runs"), 0);
    let store = Store::open(dir.path()).expect("store");
    let (sessions, _) = store.load_sessions();
    let (days, _) = store.load_history();
    let plan = &assets.plan;
    let mut checked = 0;
    let mut ended_early = 0;
    let dates: Vec<NaiveDate> = sessions.iter().map(|s| s.started_at.date_naive()).collect();
    let mut decisions = Vec::new();
    // Each date as the person saw it before training (its own session left out).
    strongback::domain::care::rules::for_each_decision_before_sessions(
        &plan.plan,
        &plan.circuit,
        &assets.catalog,
        &days,
        &dates,
        |d| decisions.push(d),
    );
    for (session, decision) in sessions.iter().zip(&decisions) {
        let date = session.started_at.date_naive();
        assert_eq!(decision.date, date);
        assert!(
            matches!(
                decision.status,
                Status::Train | Status::Deload | Status::Gentle
            ),
            "{date}: a session on a {:?} day",
            decision.status
        );
        let ids: Vec<&str> = session
            .exercises
            .iter()
            .map(|e| e.exercise_id.as_str())
            .collect();
        let prescribed: Vec<&str> = decision
            .exercises
            .iter()
            .map(|e| e.exercise_id.as_str())
            .collect();
        assert_eq!(ids, prescribed, "{date}");
        for (record, rx) in session.exercises.iter().zip(&decision.exercises) {
            assert_eq!(record.step, rx.step, "{date} {}", record.exercise_id);
            let first = record.sets.first().expect("a set");
            assert_eq!(first.prescribed, rx.dose, "{date} {}", record.exercise_id);
            let sets = record.sets.iter().map(|s| s.set).max().unwrap_or(0);
            assert_eq!(sets, rx.sets, "{date} {}", record.exercise_id);
        }
        ended_early += usize::from(session.outcome == SessionOutcome::EndedEarly);
        checked += 1;
    }
    assert!(checked > 300, "{checked} sessions");
    assert!(ended_early > 10, "{ended_early} ended early");
    // Red sessions rest the next day: fewer sessions than days, each rest day with a check-in.
    assert!(
        sessions.len() < 365 && days.len() == 365,
        "{} sessions",
        sessions.len()
    );
}

/// A generated year read four ways: the app (home's decision and History's figures), the
/// report, the weeks CSV and the sets and events CSVs give the same counts of completed,
/// partial, missed and extra sessions and the same open referrals with the same dates.
#[test]
fn a_generated_year_has_one_truth_in_the_app_the_report_and_the_csvs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let assets = assets();
    assert_eq!(run(dir.path(), request(1, 1), &assets).expect("runs"), 0);
    let out = tempfile::tempdir().expect("out dir");
    let path = |name: &str| out.path().join(name);
    let code = strongback::cli::run_command(
        &strongback::cli::Command::Report {
            out: Some(path("report.html")),
            csv: Some(path("sets.csv")),
            weeks_csv: Some(path("weeks.csv")),
            events_csv: Some(path("events.csv")),
            activities_csv: None,
            from: None,
            to: Some(ymd(2026, 11, 24)),
            force: false,
        },
        None,
        Some(dir.path()),
    )
    .expect("runs");
    assert_eq!(code, 0);
    let read = |name: &str| std::fs::read_to_string(path(name)).expect("written");
    let report = read("report.html");

    // History's figures since the first record are the report's, word for word.
    let mut app = common::open_app_raw(dir.path());
    app.harness.state_mut().wait_for_sessions();
    app.harness.run();
    app.click("History");
    let (percent, sentence) = app.app().history_figures().expect("History is showing");
    assert!(
        report.contains(&format!("<b>Adherence: {percent}</b>: {sentence};")),
        "History: {percent} {sentence}"
    );

    // The weeks CSV sums to the same counts.
    let mut sums = [0u32; 5];
    let weeks = read("weeks.csv");
    for row in csv::Reader::from_reader(weeks.as_bytes()).records() {
        let row = row.expect("row");
        for (sum, cell) in sums.iter_mut().zip(row.iter().skip(2)) {
            *sum += cell.parse::<u32>().expect("a count");
        }
    }
    let [planned, completed, partial, missed, extra] = sums;
    let counted = format!(
        "{completed} completed, {partial} partial and {missed} missed of {planned} planned"
    );
    assert!(
        sentence.starts_with(&counted),
        "{sentence} vs the CSV's {counted}"
    );
    assert_eq!(sentence.contains("extra"), extra > 0);
    if extra > 0 {
        assert!(
            sentence.contains(&format!("({extra} of them extra")),
            "{sentence}"
        );
    }

    // The sets CSV, per session: a date whose sessions all ended early is partial, a date
    // with one played to the end is completed.
    let sets = read("sets.csv");
    let mut outcome_by_date: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for row in csv::Reader::from_reader(sets.as_bytes()).records() {
        let row = row.expect("row");
        outcome_by_date
            .entry(row[0].to_owned())
            .or_default()
            .push(row[4].to_owned());
    }
    let csv_completed = outcome_by_date
        .values()
        .filter(|o| o.iter().any(|o| o == "completed"))
        .count();
    let csv_partial = outcome_by_date
        .values()
        .filter(|o| o.iter().all(|o| o == "ended_early" || o == "interrupted"))
        .count();
    assert_eq!(
        (csv_completed, csv_partial),
        (completed as usize, partial as usize),
        "sets CSV dates vs the weeks CSV"
    );
    assert!(partial > 10, "a year has sessions ended early: {partial}");

    // Every open referral in the events CSV is on home, with the same date.
    let decision = app.app().todays_decision().expect("decided");
    let events = read("events.csv");
    let (mut open, mut closed_referrals) = (0, 0);
    for row in csv::Reader::from_reader(events.as_bytes()).records() {
        let row = row.expect("row");
        if !row[1].ends_with("referral") {
            continue;
        }
        let date = NaiveDate::parse_from_str(&row[0], "%Y-%m-%d").expect("ISO date");
        if !row[3].is_empty() {
            // Closed: listed with the date it was raised and the date it was closed.
            let closed = NaiveDate::parse_from_str(&row[3], "%Y-%m-%d").expect("ISO date");
            assert!(report.contains(&format!(
                "{}: {}: {}. <em>Closed on {}",
                date.format("%-d %b %Y"),
                &row[1],
                row[2].trim_end_matches('.'),
                closed.format("%-d %b %Y")
            )));
            closed_referrals += 1;
            continue;
        }
        open += 1;
        let shown = format!("On {}: {}", date.format("%-d %b %Y"), &row[2]);
        assert!(
            decision.reasons.iter().any(|r| r.starts_with(&shown)),
            "{shown:?} not on home: {:?}",
            decision.reasons
        );
        assert!(report.contains(&format!("{}: {}: ", date.format("%-d %b %Y"), &row[1])));
    }
    let on_home = decision
        .reasons
        .iter()
        .filter(|r| r.contains("please book an appointment with a clinician"))
        .count();
    assert_eq!(open, on_home, "{:?}", decision.reasons);
    assert!(
        closed_referrals > 0,
        "the generated person saw a clinician when asked"
    );
}
