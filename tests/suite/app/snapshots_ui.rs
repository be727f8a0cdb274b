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

/// History scrolled to the chart of what the person can do again (60 days of generated
/// history: three activities rated every 14 days), at 800×600 and 1280×800.
fn history_activities_at(width: f32, height: f32) {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let today = common::morning().date_naive();
    let (sessions, days) = common::generated(today - chrono::Duration::days(90), 90, 2);
    let store = strongback::store::Store::open(dir.path()).expect("store");
    for s in &sessions {
        store.save_session(s).expect("save");
    }
    store.save_history(&days).expect("save");
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::vec2(width, height));
    app.harness.run();
    app.click("History");
    app.harness
        .get_by_label("Chart of what you can do again. The chart in words follows.")
        .scroll_to_me();
    app.harness.run();
    app.harness
        .snapshot(format!("history_activities_{width}x{height}"));
}

#[test]
fn history_activities_look_as_reviewed_at_800x600() {
    history_activities_at(800.0, 600.0);
}

#[test]
fn history_activities_look_as_reviewed_at_1280x800() {
    history_activities_at(1280.0, 800.0);
}

/// The intake scrolled to the person's own activities, two named and one rated, at 800×600
/// and 1280×800 (answered as a screen reader does: the questions may be out of view).
fn intake_activities_at(width: f32, height: f32) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::open_app_raw(dir.path());
    app.harness.set_size(egui::vec2(width, height));
    app.harness.run();
    app.click("None of these apply to me");
    for (role, label) in [
        (Role::RadioButton, "Back pain: 3"),
        (Role::RadioButton, "Leg pain: 0"),
        (Role::RadioButton, "a general ache across the low back"),
    ] {
        app.harness
            .get_by_role_and_label(role, label)
            .click_accesskit();
        app.harness.run();
    }
    let field = app
        .harness
        .get_by_role_and_label(Role::TextInput, "Activity 1");
    field.focus();
    field.type_text("run 5 km");
    app.harness.run();
    app.harness
        .get_by_role_and_label(Role::RadioButton, "Activity 1: 3")
        .click_accesskit();
    app.harness.run();
    app.press_by_accesskit("Add an activity");
    let field = app
        .harness
        .get_by_role_and_label(Role::TextInput, "Activity 2");
    field.focus();
    field.type_text("lift my child");
    app.harness.run();
    app.harness.get_by_label("Add an activity").scroll_to_me();
    app.harness.run();
    app.harness
        .snapshot(format!("intake_activities_{width}x{height}"));
}

#[test]
fn intake_activities_look_as_reviewed_at_800x600() {
    intake_activities_at(800.0, 600.0);
}

#[test]
fn intake_activities_look_as_reviewed_at_1280x800() {
    intake_activities_at(1280.0, 800.0);
}

/// Reminders, switched on with chosen weekdays, at 800×600 and 1280×800.
fn reminders_at(width: f32, height: f32) {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::vec2(width, height));
    app.harness.run();
    app.click("Reminders…");
    app.click_role(Role::CheckBox, "Remind me on training days");
    app.choose("These days:");
    assert_eq!(app.app().screen_kind(), ScreenKind::Reminders);
    app.harness.snapshot(format!("reminders_{width}x{height}"));
}

#[test]
fn reminders_look_as_reviewed_at_800x600() {
    reminders_at(800.0, 600.0);
}

#[test]
fn reminders_look_as_reviewed_at_1280x800() {
    reminders_at(1280.0, 800.0);
}
