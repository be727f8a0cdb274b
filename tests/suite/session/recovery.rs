//! A session interrupted by a crash or kill is offered back at the next start.

use crate::common;

use crate::common::{open_app, session_files};
use egui::Key;
use strongback::ScreenKind;
use strongback::domain::session::player::PlayerState;
use strongback::domain::session::record::SessionOutcome;

/// Make the sessions folder unusable (a file where the folder was): saving a session fails
/// as on a read-only or full disk.
fn block_sessions_folder(dir: &std::path::Path) {
    std::fs::remove_dir_all(dir.join("sessions")).expect("remove");
    std::fs::write(dir.join("sessions"), "in the way").expect("block");
}

/// Start a session, block the sessions folder after cat-camel, and end the session: it cannot
/// be saved.
fn session_ended_with_the_folder_blocked(dir: &std::path::Path) -> common::TestApp {
    let mut app = open_app(dir);
    app.start();
    app.wait_secs(10 + 24);
    block_sessions_folder(dir);
    app.press(Key::Escape);
    app.click("End and save");
    app
}

/// Start a session and get into the side plank's right side; then drop the app without any
/// shutdown code running, as a kill would.
fn interrupted_session(dir: &std::path::Path) -> usize {
    let mut app = open_app(dir);
    app.start();
    app.wait_secs(10 + 24); // get ready, then all of cat-camel
    let mut found = false;
    for _ in 0..30 {
        if app.shows("Right side · 10 s") && app.shows("Work") {
            found = true;
            break;
        }
        app.press(Key::ArrowRight);
    }
    assert!(found, "reached the side plank, right side");
    app.wait_secs(4);
    let index = app.app().player().expect("playing").index();
    assert!(
        dir.join("in-progress.ron").exists(),
        "progress is on disk during the session"
    );
    drop(app);
    index
}

#[test]
fn a_killed_session_can_be_resumed_where_it_stopped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = interrupted_session(dir.path());

    let mut app = open_app(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Recovery);
    assert!(app.shows("Your last session did not finish"));
    app.click("Resume session");
    assert_eq!(app.app().screen_kind(), ScreenKind::Player);
    let player = app.app().player().expect("playing");
    assert_eq!(player.index(), index);
    assert_eq!(player.state(), PlayerState::Paused);
    assert!(app.shows("Side plank"));
    assert!(
        app.shows("6 seconds left"),
        "the interrupted phase goes on from the second it was saved (4 s into 10 s)"
    );
    assert!(app.shows("Right side · 10 s"));
    app.press(Key::Space);
    app.wait_secs(5);
    assert_eq!(app.app().player().expect("playing").index(), index);
    app.wait_secs(1);
    let after = app.app().player().expect("playing").index();
    assert_eq!(
        after,
        index + 1,
        "the resumed phase ran its last 6 s and moved on"
    );
    // What was done before the crash is still in the record at the end.
    app.press(Key::Escape);
    app.click("End and save");
    let record = app.app().sessions().last().expect("saved").clone();
    assert!(
        record.exercises[0].fully_completed(),
        "cat-camel, done before the crash, kept"
    );
    assert_eq!(session_files(dir.path()).len(), 1);
}

#[test]
fn a_killed_session_can_be_saved_as_partial() {
    let dir = tempfile::tempdir().expect("temp dir");
    interrupted_session(dir.path());

    let mut app = open_app(dir.path());
    app.click("Save as partial session");
    assert_eq!(app.app().screen_kind(), ScreenKind::Summary);
    let record = app.app().sessions().last().expect("saved").clone();
    assert_eq!(record.outcome, SessionOutcome::Interrupted);
    assert!(!dir.path().join("in-progress.ron").exists());
    assert_eq!(session_files(dir.path()).len(), 1);

    drop(app);
    let app = open_app(dir.path());
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Home,
        "not offered twice"
    );
    assert_eq!(app.app().sessions().len(), 1);
}

/// A plan file given at start (`strongback open`) while an interrupted session waits: the
/// session is dealt with first, then the plan is shown.
#[test]
fn a_plan_file_given_at_start_waits_for_the_interrupted_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    interrupted_session(dir.path());

    let mut app = open_app(dir.path());
    app.harness
        .state_mut()
        .open_plan_file(&common::repo_path("assets/examples/physio-plan.ron"));
    app.harness.run();
    assert_eq!(app.app().screen_kind(), ScreenKind::Recovery);
    app.click("Save as partial session");
    assert_eq!(app.app().screen_kind(), ScreenKind::Summary);
    app.click("Back to home");
    assert_eq!(app.app().screen_kind(), ScreenKind::PlanPreview);
    assert!(app.shows("Open plan: Leg-friendly core plan"));
    app.click("Cancel");
    assert_eq!(app.app().screen_kind(), ScreenKind::Home, "shown once");
}

#[test]
fn a_kill_mid_hold_keeps_the_seconds_held_when_saved_as_partial() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.wait_secs(10 + 24 + 10); // cat-camel done, then into the 90 s walk
    for _ in 0..13 {
        app.wait_secs(1);
    }
    assert!(app.shows("Easy walk"));
    drop(app); // killed 13 s into the walk

    let mut app = open_app(dir.path());
    assert!(
        app.shows_containing("It stopped 12 s into Easy walk"),
        "the snapshot is at most 4 s old"
    );
    app.click("Save as partial session");
    let record = app.app().sessions().last().expect("saved").clone();
    let walk = &record.exercises[1].sets[0];
    assert_eq!(
        walk.completed,
        strongback::domain::plan::catalog::Dose::Hold { hold_secs: 12 },
        "no more than 5 s of the walk lost"
    );
}

#[test]
fn a_session_stopped_before_any_work_is_not_offered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.wait_secs(5); // still getting ready
    assert!(dir.path().join("in-progress.ron").exists());
    drop(app);
    let app = open_app(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    assert!(!dir.path().join("in-progress.ron").exists());
}

#[test]
fn an_interrupted_session_can_be_discarded() {
    let dir = tempfile::tempdir().expect("temp dir");
    interrupted_session(dir.path());
    let mut app = open_app(dir.path());
    assert!(app.shows("Discard it"));
    app.click("Discard it");
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    assert!(app.shows_containing("was discarded"));
    assert!(!dir.path().join("in-progress.ron").exists());
    assert!(session_files(dir.path()).is_empty());
}

#[test]
fn a_version_one_snapshot_still_resumes_from_its_phase_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    interrupted_session(dir.path());
    let path = dir.path().join("in-progress.ron");
    let text = std::fs::read_to_string(&path).expect("snapshot");
    let old = text
        .replace("schema_version: 2", "schema_version: 1")
        .lines()
        .filter(|l| !l.contains("elapsed_in_phase_secs"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(old, text);
    std::fs::write(&path, old).expect("write");
    let mut app = open_app(dir.path());
    app.click("Resume session");
    assert!(app.shows("10 seconds left"));
}

#[test]
fn an_unreadable_snapshot_is_kept_aside_and_the_person_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("in-progress.ron"),
        "(schema_version: 1, garbage",
    )
    .expect("write");
    let app = open_app(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    assert!(app.shows_containing("in-progress.ron:1:"));
    assert!(dir.path().join("in-progress.ron.unreadable").exists());
}

#[test]
fn a_session_that_cannot_be_saved_is_kept_for_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.wait_secs(10 + 24 + 10 + 20); // cat-camel done, 20 s into the walk
    block_sessions_folder(dir.path());
    app.press(Key::Escape);
    app.click("End and save");
    assert!(app.shows("Session finished, but not saved yet"));
    assert!(app.shows("Your session has NOT been saved yet."));
    assert!(app.shows_containing("a copy of your progress is on disk for the next start"));
    assert!(app.app().sessions().is_empty());
    assert_eq!(app.app().unsaved_sessions().len(), 1, "kept in memory");
    // Still not saved after going home: the warning and its buttons stay on every screen.
    app.click("Back to home");
    assert!(app.shows("Your session has NOT been saved yet."));
    assert!(app.shows("Try again"));
    drop(app);

    std::fs::remove_file(dir.path().join("sessions")).expect("unblock");
    let mut app = open_app(dir.path());
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Recovery,
        "offered again"
    );
    app.click("Save as partial session");
    let record = app.app().sessions().last().expect("saved now").clone();
    assert!(record.exercises[0].fully_completed(), "cat-camel kept");
    assert_eq!(
        record.exercises[1].sets[0].completed,
        strongback::domain::plan::catalog::Dose::Hold { hold_secs: 20 },
        "the walk's 20 s, done after the last phase change, kept too"
    );
}

/// A large history (about 20 months of daily use, read in the background at start) is never
/// written over before it has been read: answers given right after a recovered session are
/// added to it, and every earlier day is still there.
#[test]
fn answers_given_while_a_long_history_loads_are_added_to_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    interrupted_session(dir.path());
    let store = strongback::store::Store::open(dir.path()).expect("store");
    // The long history, then the interrupted session's own check-in.
    let (today, _) = store.load_history();
    let mut all_days = common::long_history();
    all_days.extend(today);
    store.save_history(&all_days).expect("save");
    let bytes = store.history_file_bytes().expect("written");
    assert!(
        bytes > 256 * 1024,
        "large enough to load in the background: {bytes}"
    );

    let mut app = common::open_app_raw(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Recovery);
    app.click("Save as partial session");
    assert_eq!(app.app().screen_kind(), ScreenKind::Summary);
    app.choose("Worst pain: 2");
    app.click("Save answers");
    let (saved, problem) = store.load_history();
    assert!(problem.is_none());
    assert_eq!(saved.len(), all_days.len(), "no day was lost");
    let today = saved
        .iter()
        .find(|d| d.date == common::morning().date_naive())
        .expect("today is there");
    assert_eq!(today.reports().next().map(|s| s.worst_pain), Some(2));
    assert!(today.check_in.is_some(), "today's check-in is kept");
}

#[test]
fn home_waits_for_a_long_history_before_deciding_the_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = strongback::store::Store::open(dir.path()).expect("store");
    let days = common::long_history();
    store.save_history(&days).expect("save");
    let mut app = common::open_app_raw(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Home, "no intake");
    // Before the history is in, nothing is decided and Start is not offered.
    if !app.app().history().is_empty() {
        // The background read finished before the first frame; nothing to see here.
    } else {
        assert!(app.app().todays_decision().is_none());
        assert!(app.shows("Reading your history…"));
        assert!(!app.shows("Start"));
    }
    app.harness.state_mut().wait_for_history();
    app.harness.run();
    assert_eq!(app.app().history().len(), days.len());
    assert!(app.app().todays_decision().is_some());
    assert!(app.shows("Start"));
}

/// The sessions folder cannot be written (a file stands in its way: the same error a read-only
/// or full disk gives): the person is told at once, and "Try again" saves the record once the
/// folder works again.
#[test]
fn try_again_saves_a_session_once_the_folder_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = session_ended_with_the_folder_blocked(dir.path());
    assert_eq!(app.app().unsaved_sessions().len(), 1);
    app.click("Try again");
    assert_eq!(app.app().unsaved_sessions().len(), 1, "still failing");
    assert!(app.shows("Your session has NOT been saved yet."));

    std::fs::remove_file(dir.path().join("sessions")).expect("unblock");
    std::fs::create_dir(dir.path().join("sessions")).expect("folder back");
    app.click("Try again");
    assert!(app.app().unsaved_sessions().is_empty());
    assert_eq!(app.app().sessions().len(), 1);
    assert_eq!(session_files(dir.path()).len(), 1);
    assert!(!app.shows("Your session has NOT been saved yet."));
    assert!(app.shows_containing("The session is saved now"));
    assert!(
        !dir.path().join("in-progress.ron").exists(),
        "the snapshot goes once the record is saved"
    );
}

#[test]
fn an_unsaved_session_can_be_saved_to_another_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("another folder");
    let mut app = session_ended_with_the_folder_blocked(dir.path());
    app.click("Save to another folder…");
    app.save_in(elsewhere.path());
    assert!(app.app().unsaved_sessions().is_empty());
    let saved: Vec<_> = std::fs::read_dir(elsewhere.path())
        .expect("listed")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let text = std::fs::read_to_string(&saved[0]).expect("written");
    assert!(text.contains("Cat-camel"), "the record itself");
}
