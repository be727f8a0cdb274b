//! Image snapshots of home, the Today screen, the player and history at one fixed size (1100×720), rendered on
//! the CPU. A visual change shows up as a failing test and a `.diff.png` beside the snapshot;
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots_ui` accepts it.

mod common;

use common::{open_app, with_history};
use strongback::ScreenKind;

#[test]
fn home_screen_looks_as_reviewed() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    app.harness.run();
    app.harness.snapshot("home");
}

#[test]
fn player_screen_looks_as_reviewed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    // Past the lead-in, 7 s into the first exercise.
    app.wait_secs(17);
    assert_eq!(app.app().screen_kind(), ScreenKind::Player);
    app.harness.snapshot("player");
}

#[test]
fn history_screen_looks_as_reviewed() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.click("History");
    assert_eq!(app.app().screen_kind(), ScreenKind::History);
    app.harness.snapshot("history");
}

#[test]
fn today_screen_looks_as_reviewed() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.wait(std::time::Duration::from_secs(24 * 60 * 60));
    app.click("Start");
    app.answer_check_in(3);
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    app.harness.run();
    app.harness.snapshot("today");
}
