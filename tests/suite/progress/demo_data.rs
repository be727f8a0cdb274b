//! `strongback demo-data`: a generated history in an empty data folder, readable by the app,
//! and never written over someone's records.

use chrono::NaiveDate;
use strongback::cli::demo_data_command::{DemoRequest, run};
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
