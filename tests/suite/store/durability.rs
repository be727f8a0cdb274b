//! What survives a crash at any point: no duplicate after a kill between saving a session and
//! removing its snapshot, no temporary files left behind, no session file replaced, one app
//! per data folder, and private folders.

use crate::common;

use strongback::ScreenKind;
use strongback::store::Store;

/// A finished session saved, with its snapshot still on disk (as a kill between the two
/// steps leaves it).
fn saved_with_snapshot_left(dir: &std::path::Path) {
    let mut app = common::open_app(dir);
    app.start();
    app.wait_secs(10 + 24);
    let snapshot = std::fs::read(dir.join("in-progress.ron")).expect("snapshot on disk");
    app.press(egui::Key::Escape);
    app.click("End and save");
    assert_eq!(common::session_files(dir).len(), 1);
    assert!(!dir.join("in-progress.ron").exists());
    drop(app);
    std::fs::write(dir.join("in-progress.ron"), snapshot).expect("put back");
}

#[test]
fn a_snapshot_whose_session_was_saved_is_dropped_not_offered_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    saved_with_snapshot_left(dir.path());
    let app = common::open_app(dir.path());
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Home,
        "no recovery offered"
    );
    assert!(!dir.path().join("in-progress.ron").exists(), "dropped");
    assert_eq!(common::session_files(dir.path()).len(), 1, "no duplicate");
}

#[test]
fn temporary_files_left_by_a_crash_are_removed_and_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let leftovers = [
        dir.path().join(".strongback-a1b2c3.tmp"),
        dir.path().join("sessions").join(".strongback-zz9x.tmp"),
        dir.path().join(".tmpAbC123"),
    ];
    for path in &leftovers {
        std::fs::write(path, "half a file").expect("write");
    }
    let kept = dir.path().join("notes.tmp");
    std::fs::write(&kept, "the person's own").expect("write");
    store.save_history(&[]).expect("save");
    assert_eq!(store.remove_stale_temp_files(), 3);
    for path in &leftovers {
        assert!(!path.exists(), "{}", path.display());
    }
    assert!(kept.exists(), "other files are left alone");
    assert!(dir.path().join("history.ron").exists());
}

#[test]
fn a_session_file_is_never_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let (sessions, _) = common::generated(common::ymd(2026, 11, 1), 1, 1);
    let record = &sessions[0];
    let first = store.save_session(record).expect("saved");
    let second = store.save_session(record).expect("saved beside it");
    assert_ne!(first, second);
    assert!(second.to_string_lossy().ends_with("-2.ron"));
    assert_eq!(common::session_files(dir.path()).len(), 2);
}

#[test]
fn a_second_app_on_the_same_data_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let first = store.lock().expect("first instance");
    let err = store.lock().expect_err("second instance refused");
    assert!(
        err.to_string().contains("already open on the data folder"),
        "{err}"
    );
    drop(first);
    assert!(store.lock().is_ok(), "free again once the first has closed");
}

#[cfg(unix)]
#[test]
fn data_folders_are_private() {
    use std::os::unix::fs::PermissionsExt as _;
    let parent = tempfile::tempdir().expect("temp dir");
    let dir = parent.path().join("new-data");
    let store = Store::open(&dir).expect("store");
    store.save_history(&[]).expect("save");
    for path in [dir.clone(), dir.join("sessions")] {
        let mode = std::fs::metadata(&path)
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{}", path.display());
    }
    let mode = std::fs::metadata(dir.join("history.ron"))
        .expect("exists")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn an_unreadable_sessions_folder_is_reported_on_the_first_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    store.save_history(&[]).expect("save");
    std::fs::remove_dir(dir.path().join("sessions")).expect("remove");
    std::fs::write(dir.path().join("sessions"), "not a folder").expect("block");
    let app = common::open_app_raw(dir.path());
    assert!(
        app.shows_containing("Your past sessions cannot be shown until the folder can be read")
    );
}

#[test]
fn a_history_set_aside_is_reported_on_the_intake_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    Store::open(dir.path()).expect("store");
    std::fs::write(
        dir.path().join("history.ron"),
        "(schema_version: 1, days: [oops])",
    )
    .expect("write");
    let app = common::open_app_raw(dir.path());
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::CheckIn,
        "the intake, as at a first start"
    );
    assert!(app.shows_containing("history.ron.unreadable"));
}
