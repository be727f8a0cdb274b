//! Image snapshots of home, the Today screen, the player and history (at 1100×720, and home and
//! the player at 800×600, 1280×800 and 1920×1080), rendered on
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

/// Skip (→) until `wanted` shows while working, within 60 presses.
fn skip_to(app: &mut common::TestApp, wanted: &str) {
    for _ in 0..60 {
        if app.shows_containing(wanted) && app.shows("Work") {
            return;
        }
        app.press(egui::Key::ArrowRight);
    }
    panic!("never reached {wanted}");
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
        skip_to(&mut app, "Front plank");
        app.wait_secs(5);
        app.harness
            .snapshot(format!("player_hold_{width}x{height}"));
        // Per side: the side plank, left side.
        skip_to(&mut app, "Left side");
        app.wait_secs(3);
        app.harness
            .snapshot(format!("player_side_{width}x{height}"));
        // Reps: the glute bridge waits for Done.
        skip_to(&mut app, "Glute bridge");
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
