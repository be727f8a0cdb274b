//! What could not be saved survives a close: `rescue.ron` is written when the close is asked
//! for (the window's button, Ctrl+Q, a logout's SIGTERM), whatever the answer, and the next
//! start saves what is in it.

use std::path::Path;

use crate::common::{self, open_app, open_app_raw, parse_date};
use egui::Key;
use strongback::ScreenKind;
use strongback::domain::care::checkin::Day;
use strongback::store::Store;
use strongback::store::rescue::Rescue;

/// `sessions` made a plain file: session records cannot be saved, anything else can.
fn block_sessions(dir: &Path) {
    let sessions = dir.join("sessions");
    if sessions.is_dir() {
        std::fs::remove_dir_all(&sessions).expect("sessions folder removed");
    }
    std::fs::write(&sessions, b"not a folder").expect("a file in its place");
}

fn unblock_sessions(dir: &Path) {
    std::fs::remove_file(dir.join("sessions")).expect("the blocking file removed");
}

/// Ctrl+Q, as the keyboard sends it: the window is asked to close.
fn press_ctrl_q(app: &mut common::TestApp) {
    app.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, Key::Q);
    app.harness.run();
    assert!(
        app.app().has_asked_to_close(),
        "Ctrl+Q asks the window to close"
    );
    // The desktop answers with a close request, as for the window's button.
    app.request_close();
}

#[test]
fn ctrl_q_with_a_session_not_saved_keeps_a_copy_that_the_next_start_saves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let started_at = {
        let mut app = open_app(dir.path());
        block_sessions(dir.path());
        app.start();
        app.wait_secs(10);
        app.press(Key::Escape);
        app.click("End and save");
        assert_eq!(app.app().unsaved_sessions().len(), 1, "the save failed");
        let started_at = app.app().unsaved_sessions()[0].started_at;
        press_ctrl_q(&mut app);
        assert!(app.app().asking_to_close(), "asked before closing");
        assert!(
            app.shows_containing("A copy was kept in rescue.ron"),
            "the dialog says a copy was kept"
        );
        let (rescue, problem) = Store::open(dir.path()).expect("store").load_rescue();
        assert!(problem.is_none(), "{problem:?}");
        let rescue = rescue.expect("rescue.ron written before any answer");
        assert_eq!(rescue.sessions.len(), 1);
        assert_eq!(rescue.sessions[0].started_at, started_at);
        app.click("Close anyway");
        started_at
    };
    unblock_sessions(dir.path());
    let app = open_app_raw(dir.path());
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Home,
        "nothing to recover by hand"
    );
    assert!(
        app.shows_containing(
            "a finished session could not be saved; a copy was kept, and it is saved now"
        ),
        "the person is told"
    );
    let store = Store::open(dir.path()).expect("store");
    let (sessions, _) = store.load_sessions();
    assert!(
        sessions.iter().any(|s| s.started_at == started_at),
        "saved now"
    );
    assert!(
        !dir.path().join("rescue.ron").exists(),
        "done with once saved"
    );
}

#[test]
fn rescued_answers_go_into_the_history_unless_it_was_saved_since() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let mut earlier = Day::on(parse_date("2026-11-20"));
    earlier.check_in = Some(common::check_in(4));
    store.save_history(&[earlier.clone()]).expect("history");
    let mut lost = Day::on(parse_date("2026-11-23"));
    lost.check_in = Some(common::check_in(6));
    let rescue = Rescue {
        schema_version: Rescue::SCHEMA_VERSION,
        written_at: common::morning(),
        sessions: Vec::new(),
        days: vec![lost.clone()],
        history_stamp: store.history_stamp(),
    };
    store.save_rescue(&rescue).expect("rescue written");
    let app = open_app_raw(dir.path());
    assert!(app.shows_containing("your answers of Monday 23 November 2026"));
    let (days, _) = store.load_history();
    assert_eq!(
        days,
        vec![earlier.clone(), lost.clone()],
        "merged by date, in order"
    );
    assert!(!dir.path().join("rescue.ron").exists());
    drop(app);

    // A copy older than the history (saved again since) is not used: its answers are older.
    let stale = Rescue {
        history_stamp: None,
        days: vec![Day {
            check_in: Some(common::check_in(9)),
            ..lost.clone()
        }],
        ..rescue
    };
    store.save_rescue(&stale).expect("rescue written");
    let _app = open_app_raw(dir.path());
    let (days, _) = store.load_history();
    assert_eq!(days, vec![earlier, lost], "the newer history stands");
    assert!(!dir.path().join("rescue.ron").exists());
}

#[test]
fn an_unreadable_rescue_file_is_kept_aside_and_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("rescue.ron"),
        "(schema_version: 1, sessions: [",
    )
    .expect("write");
    let app = open_app_raw(dir.path());
    assert!(
        app.app()
            .notices()
            .iter()
            .any(|n| n.text.contains("rescue.ron")),
        "named in a notice"
    );
    assert!(!dir.path().join("rescue.ron").exists(), "moved aside");
    let kept = std::fs::read_dir(dir.path())
        .expect("folder")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().starts_with("rescue.ron."));
    assert!(kept, "kept beside it, not deleted");
}
