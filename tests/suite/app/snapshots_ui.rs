//! Image snapshots of home, the Today screen, the player and history (at 1100×720, and home and
//! the player at 800×600, 1280×800 and 1920×1080), rendered on
//! the CPU. A visual change shows up as a failing test and a `.diff.png` beside the snapshot;
//! `UPDATE_SNAPSHOTS=1 cargo test --test suite app::snapshots_ui::` accepts it.

use crate::common;

use crate::common::{open_app, with_history};
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

/// Skip (→) until `wanted` shows (a label of its own, not "After this: …") in `phase`,
/// within 60 presses.
fn skip_to(app: &mut common::TestApp, wanted: &str, phase: &str) {
    for _ in 0..60 {
        if (app.shows(wanted) || app.shows_containing(&format!("{wanted} ·"))) && app.shows(phase)
        {
            return;
        }
        app.press(egui::Key::ArrowRight);
    }
    panic!("never reached {wanted} in {phase}");
}

/// Home, then the player on a hold, a per-side hold and a rep item, at one size.
fn player_and_home_at(width: u32, height: u32) {
    {
        let size = egui::vec2(width as f32, height as f32);
        let dir = tempfile::tempdir().expect("temp dir");
        with_history(dir.path());
        let mut app = open_app(dir.path());
        app.harness.set_size(size);
        app.harness.run();
        app.harness.snapshot(format!("home_{width}x{height}"));

        app.start();
        // A hold: the front plank, 5 s in.
        skip_to(&mut app, "Front plank", "Work");
        app.wait_secs(5);
        app.harness
            .snapshot(format!("player_hold_{width}x{height}"));
        // The rest after it, with the next exercise.
        skip_to(&mut app, "Side plank", "Rest");
        app.wait_secs(2);
        app.harness
            .snapshot(format!("player_rest_{width}x{height}"));
        // Per side: the side plank, left side.
        skip_to(&mut app, "Left side", "Work");
        app.wait_secs(3);
        app.harness
            .snapshot(format!("player_side_{width}x{height}"));
        // Reps: the glute bridge waits for Done.
        skip_to(&mut app, "Glute bridge", "Work");
        app.wait_secs(4);
        app.harness
            .snapshot(format!("player_reps_{width}x{height}"));
    }
}

#[test]
fn player_and_home_look_as_reviewed_at_800x600() {
    player_and_home_at(800, 600);
}

#[test]
fn player_and_home_look_as_reviewed_at_1280x800() {
    player_and_home_at(1280, 800);
}

#[test]
fn player_and_home_look_as_reviewed_at_1920x1080() {
    player_and_home_at(1920, 1080);
}

/// History with `count` sessions, every other day up to the day before the test's today.
fn history_of(count: u32, width: f32, height: f32, name: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = common::morning().date_naive();
    let start = today - chrono::Duration::days(i64::from(count) * 2);
    let (sessions, days) = common::generated(start, count * 2 - 1, 2);
    assert_eq!(sessions.len() as u32, count);
    let store = strongback::store::Store::open(dir.path()).expect("store");
    for s in &sessions {
        store.save_session(s).expect("save");
    }
    store.save_history(&days).expect("save");
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::vec2(width, height));
    app.harness.run();
    app.click("History");
    assert_eq!(app.app().screen_kind(), ScreenKind::History);
    app.harness.run();
    app.harness.snapshot(name);
}

#[test]
fn history_with_one_session_looks_as_reviewed() {
    history_of(1, 1100.0, 720.0, "history_1_session");
}

#[test]
fn history_with_thirty_sessions_looks_as_reviewed() {
    history_of(30, 1100.0, 720.0, "history_30_sessions");
}

#[test]
fn history_with_thirty_sessions_looks_as_reviewed_at_800x600() {
    history_of(30, 800.0, 600.0, "history_30_sessions_800x600");
}

/// The summary after a session ended early: the questions first, beside what was done where
/// there is room, above it where there is not.
fn summary_at(width: u32, height: u32) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.harness
        .set_size(egui::vec2(width as f32, height as f32));
    app.harness.run();
    app.start();
    app.wait_secs(40);
    app.press(egui::Key::Escape);
    app.click("End and save");
    assert_eq!(app.app().screen_kind(), ScreenKind::Summary);
    app.harness.run();
    app.harness.snapshot(format!("summary_{width}x{height}"));
}

#[test]
fn summary_looks_as_reviewed_at_800x600() {
    summary_at(800, 600);
}

#[test]
fn summary_looks_as_reviewed_at_1920x1080() {
    summary_at(1920, 1080);
}
