//! Time runs forward: a computer clock earlier than the newest record is said before a past
//! day's check-in is used again or a session is filed under that date.

use crate::common::{self, open_app_raw, parse_date};
use strongback::ScreenKind;
use strongback::domain::care::checkin::Day;
use strongback::store::Store;

/// A history whose newest day is after the test clock's date (2026-11-24), with a check-in
/// on the clock's own date too.
fn history_ahead_of_the_clock(dir: &std::path::Path) {
    let store = Store::open(dir).expect("store");
    let mut on_clock_date = Day::on(parse_date("2026-11-24"));
    on_clock_date.check_in = Some(common::check_in(3));
    let mut later = Day::on(parse_date("2026-12-05"));
    later.check_in = Some(common::check_in(2));
    store
        .save_history(&[on_clock_date, later])
        .expect("history saved");
}

#[test]
fn a_clock_behind_the_records_is_said_before_anything_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    history_ahead_of_the_clock(dir.path());
    let before = std::fs::read(dir.path().join("history.ron")).expect("history");
    let mut app = open_app_raw(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::ClockBehind);
    assert!(app.shows_containing("Your computer says today is Tuesday 24 November 2026"));
    assert!(app.shows_containing("your records go up to Saturday 5 December 2026"));
    assert!(app.shows("Close Strongback to set the date"));
    assert_eq!(
        std::fs::read(dir.path().join("history.ron")).expect("history"),
        before,
        "nothing is filed under the earlier date"
    );
    // Home cannot be reached around it: going home shows the question again.
    app.apply(strongback::ui::Action::Go(
        strongback::ui::Destination::Home,
    ));
    app.harness.run();
    assert_eq!(app.app().screen_kind(), ScreenKind::ClockBehind);
}

#[test]
fn once_the_date_is_confirmed_that_days_check_in_stands_and_training_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    history_ahead_of_the_clock(dir.path());
    let mut app = open_app_raw(dir.path());
    app.click("Today is Tuesday 24 November 2026: carry on");
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    // The person said the date is right: that date's check-in is today's.
    app.click("Start");
    assert_ne!(app.app().screen_kind(), ScreenKind::ClockBehind);
    assert_ne!(app.app().screen_kind(), ScreenKind::CheckIn);
}

#[test]
fn a_clock_in_order_with_the_records_goes_straight_home() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let mut day = Day::on(parse_date("2026-11-23"));
    day.check_in = Some(common::check_in(3));
    store.save_history(&[day]).expect("history saved");
    let app = open_app_raw(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
}
