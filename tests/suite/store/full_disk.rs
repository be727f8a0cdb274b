//! A real full disk and a real read-only disk: a small tmpfs holds the data folder (where the
//! test may mount one; elsewhere it says so and passes, and `tests/recovery.rs` covers the
//! same path with a simulated write error). The session's end says at once that it is not
//! saved, keeps the record, and "Try again" saves it once there is room again.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use egui::Key;

/// A mounted tmpfs, unmounted when dropped.
struct Tmpfs {
    dir: PathBuf,
    _parent: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let parent = tempfile::tempdir().ok()?;
        let dir = parent.path().join("disk");
        std::fs::create_dir(&dir).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("no tmpfs could be mounted here; covered by a simulated write error instead");
            return None;
        }
        Some(Tmpfs {
            dir,
            _parent: parent,
        })
    }

    fn remount(&self, option: &str) -> bool {
        Command::new("mount")
            .args(["-o", &format!("remount,{option}")])
            .arg(&self.dir)
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

/// Fill the disk to the last byte.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).expect("filler");
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut file, &block).is_ok() {}
    let _ = std::io::Write::write_all(&mut file, &[0]);
    path
}

fn finish_a_session(app: &mut common::TestApp) {
    app.press(Key::Escape);
    app.click("End and save");
}

#[test]
fn a_full_disk_keeps_the_session_until_there_is_room() {
    let Some(disk) = Tmpfs::mount("512k") else {
        return;
    };
    let data = disk.dir.join("data");
    let mut app = common::open_app(&data);
    app.start();
    app.wait_secs(10 + 24);
    let filler = fill(&disk.dir);
    finish_a_session(&mut app);
    assert!(app.shows("Your session has NOT been saved yet."));
    assert!(app.shows_containing("No space left on device"));
    assert_eq!(app.app().unsaved_sessions().len(), 1);
    assert!(common::session_files(&data).is_empty());

    std::fs::remove_file(filler).expect("room again");
    app.click("Try again");
    assert!(app.app().unsaved_sessions().is_empty());
    assert_eq!(common::session_files(&data).len(), 1);
}

#[test]
fn a_read_only_disk_keeps_the_session_and_warns_during_it() {
    let Some(disk) = Tmpfs::mount("2m") else {
        return;
    };
    let data = disk.dir.join("data");
    let mut app = common::open_app(&data);
    app.start();
    app.wait_secs(10);
    assert!(disk.remount("ro"), "remounted read-only");
    // The next phase change cannot write the progress snapshot: said during the session.
    app.wait_secs(24);
    assert!(app.shows_containing("Your progress in this session cannot be saved to disk"));
    finish_a_session(&mut app);
    assert!(app.shows("Your session has NOT been saved yet."));
    assert!(app.shows_containing("Closing Strongback now would lose it."));
    assert_eq!(app.app().unsaved_sessions().len(), 1);

    assert!(disk.remount("rw"), "writable again");
    app.click("Try again");
    assert!(app.app().unsaved_sessions().is_empty());
    assert_eq!(common::session_files(&data).len(), 1);
}

#[test]
fn after_session_answers_on_a_full_disk_are_not_called_saved_and_try_again_saves_them() {
    let Some(disk) = Tmpfs::mount("1m") else {
        return;
    };
    let data = disk.dir.join("data");
    let mut app = common::open_app(&data);
    app.start();
    app.wait_secs(10 + 24);
    finish_a_session(&mut app);
    assert!(app.shows("Session saved"), "the record itself had room");
    let history = data.join("history.ron");
    let before = std::fs::read_to_string(&history).expect("history.ron");
    let filler = fill(&disk.dir);
    app.choose("Worst pain: 7");
    app.click("Save answers");
    assert!(
        !app.shows("Thank you, your answers are saved."),
        "nothing is called saved that is not on disk"
    );
    assert!(app.shows_containing("Your answers are NOT saved yet"));
    assert!(app.shows("Your answers have NOT been saved yet."));
    assert_eq!(
        std::fs::read_to_string(&history).expect("history.ron"),
        before
    );

    std::fs::remove_file(filler).expect("room again");
    app.click("Try again");
    assert!(app.shows("Thank you, your answers are saved."));
    assert!(!app.shows("Your answers have NOT been saved yet."));
    let after = std::fs::read_to_string(&history).expect("history.ron");
    assert!(after.contains("worst_pain: 7"), "the answers are on disk");
}

#[test]
fn closing_with_a_session_not_saved_asks_first_and_not_once_it_is_saved() {
    let Some(disk) = Tmpfs::mount("512k") else {
        return;
    };
    let data = disk.dir.join("data");
    let mut app = common::open_app(&data);
    app.start();
    app.wait_secs(10 + 24);
    let filler = fill(&disk.dir);
    finish_a_session(&mut app);
    assert_eq!(app.app().unsaved_sessions().len(), 1);
    app.request_close();
    assert!(app.app().asking_to_close(), "the close is held back");
    assert!(app.shows("Close without saving?"));
    app.click("Keep Strongback open");
    assert!(!app.app().asking_to_close());
    assert_eq!(app.app().unsaved_sessions().len(), 1, "nothing was lost");

    std::fs::remove_file(filler).expect("room again");
    app.request_close();
    assert!(
        !app.app().asking_to_close(),
        "the close tried once more, saved it, and let the window go"
    );
    assert!(app.app().unsaved_sessions().is_empty());
    assert_eq!(common::session_files(&data).len(), 1);
}
