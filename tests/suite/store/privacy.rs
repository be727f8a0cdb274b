//! Private from the first byte: however the app is started (from the desktop menu there is no
//! terminal, and the log is the first thing to touch the data folder), the folder is 0700 and
//! every file in it 0600; a folder left open to others is made private, and the person told.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Command, Stdio};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|err| panic!("{}: {err}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn started_without_a_terminal_or_a_display_the_folder_and_its_files_are_private() {
    let parent = tempfile::tempdir().expect("temp dir");
    let data = parent.path().join("fresh").join("strongback");
    // As the desktop menu starts it: no terminal (output to nowhere), an empty environment;
    // with no display the window cannot open, after the log, the folder and the lock are made.
    let status = Command::new(env!("CARGO_BIN_EXE_strongback"))
        .env_clear()
        .arg("--data-dir")
        .arg(&data)
        .arg("--no-sound")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the app runs");
    assert!(!status.success(), "no display: the window cannot open");
    assert_eq!(mode(&data), 0o700, "the data folder");
    for file in ["strongback.log", "strongback.lock"] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
}

#[test]
fn a_data_folder_open_to_others_is_made_private_and_the_person_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).expect("folder");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("0755");
    let clock = strongback::platform::clock::ManualClock::new(crate::common::morning());
    let audio = strongback::platform::sound::RecordingAudio::default();
    let app = crate::common::TestApp {
        harness: crate::common::open_with(&data, clock.clone(), Box::new(audio.clone())),
        clock,
        audio,
    };
    assert_eq!(mode(&data), 0o700);
    assert!(app.shows_containing("it is now private to you"));
}
