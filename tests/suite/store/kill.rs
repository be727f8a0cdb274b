//! Kill -9 at random moments: a child process runs the real app (headless, manual clock) on a
//! data folder, training session after session, and is killed with SIGKILL at a random point,
//! 40 times in a plain `cargo test`, 200 in CI (`STRONGBACK_KILLS`). After every kill, the data folder is checked as
//! the next start would see it: every file reads, no session that was saved is lost, none is
//! there twice (nor offered again for recovery), and no temporary file is left after the
//! start-up clean-up. The answers given after each session are checked the same way: once the
//! summary says they are saved, they are in `history.ron` after any kill.

use crate::common;

use std::collections::HashSet;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use egui::Key;
use strongback::store::Store;

const CHILD_DIR: &str = "STRONGBACK_KILL_CHILD_DIR";
const CHILD_DAY: &str = "STRONGBACK_KILL_CHILD_DAY";
/// Start times of the sessions the child saw saved, one per line.
const JOURNAL: &str = "saved-sessions.txt";
/// Start times of the sessions whose after-session answers the child saw called saved.
const ANSWERS_JOURNAL: &str = "saved-answers.txt";
/// The worst pain the child gives after every session.
const WORST_PAIN: u8 = 2;

/// The child: trains until it is killed. Without the environment variable it does nothing,
/// so a plain `cargo test` passes over it.
#[test]
fn kill_child() {
    let (Ok(dir), Ok(day)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_DAY)) else {
        return;
    };
    let dir = Path::new(&dir);
    let day: u64 = day.parse().expect("day number");
    let mut app = common::open_app_raw(dir);
    // Each child starts on a day of its own, so start times never repeat across children.
    app.clock.advance(Duration::from_secs(day * 86_400));
    app.harness.run();
    if app.app().screen_kind() == strongback::ScreenKind::Recovery {
        app.click("Save as partial session");
        app.click("Back to home");
    }
    if app.app().screen_kind() == strongback::ScreenKind::CheckIn {
        app.answer_check_in(2);
    }
    if app.app().screen_kind() == strongback::ScreenKind::Today {
        app.click("Not now");
    }
    loop {
        app.start();
        app.wait_secs(10);
        for _ in 0..6 {
            app.press(Key::ArrowRight);
        }
        let before = app.app().sessions().len();
        app.press(Key::Escape);
        app.click("End and save");
        if app.app().sessions().len() > before
            && let Some(record) = app.app().sessions().last()
        {
            note_in(&dir.join(JOURNAL), &record.started_at.to_rfc3339());
        }
        app.choose(&format!("Worst pain: {WORST_PAIN}"));
        app.click("Save answers");
        if app.shows("Thank you, your answers are saved.")
            && let Some(record) = app.app().sessions().last()
        {
            note_in(&dir.join(ANSWERS_JOURNAL), &record.started_at.to_rfc3339());
        }
        app.click("Back to home");
        // The next session an hour later.
        app.wait_secs(3600);
    }
}

/// Append a line to a journal and put it on disk before going on (a kill may come next).
fn note_in(journal: &Path, line: &str) {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(journal)
        .expect("journal");
    writeln!(file, "{line}").expect("journal");
    file.sync_all().expect("journal");
}

/// A tiny deterministic generator for the kill delays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// The data folder as the next start finds it.
fn check_folder(dir: &Path, kill: u32) -> usize {
    let store = Store::open(dir).expect("store");
    let temp_files = store.remove_stale_temp_files();
    let (sessions, problems) = store.load_sessions();
    assert!(problems.is_empty(), "kill {kill}: {problems:?}");
    let (days, problem) = store.load_history();
    assert!(problem.is_none(), "kill {kill}: {problem:?}");
    let answers = std::fs::read_to_string(dir.join(ANSWERS_JOURNAL)).unwrap_or_default();
    for line in answers.lines() {
        let at = chrono::DateTime::parse_from_rfc3339(line).expect("answers journal line");
        let report = days
            .iter()
            .filter(|d| d.date == at.date_naive())
            .find_map(|d| d.report_for(at));
        assert_eq!(
            report.map(|r| r.worst_pain),
            Some(WORST_PAIN),
            "kill {kill}: the answers about the session of {line} were called saved and lost"
        );
    }
    let (_, problem) = store.load_settings();
    assert!(problem.is_none(), "kill {kill}: {problem:?}");
    let (snapshot, problem) = store.load_in_progress();
    assert!(problem.is_none(), "kill {kill}: {problem:?}");
    let started: Vec<_> = sessions.iter().map(|s| s.started_at).collect();
    let unique: HashSet<_> = started.iter().collect();
    assert_eq!(
        unique.len(),
        started.len(),
        "kill {kill}: a session is there twice"
    );
    if let Some(snapshot) = snapshot {
        assert!(
            !unique.contains(&snapshot.started_at),
            "kill {kill}: a saved session would be offered again"
        );
    }
    let journal = std::fs::read_to_string(dir.join(JOURNAL)).unwrap_or_default();
    for line in journal.lines() {
        let at = chrono::DateTime::parse_from_rfc3339(line).expect("journal line");
        assert!(
            unique.contains(&at),
            "kill {kill}: the session of {line} was lost"
        );
    }
    let left: Vec<_> = [dir.to_path_buf(), dir.join("sessions")]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten())
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.starts_with(".tmp"))
        .collect();
    assert!(
        left.is_empty(),
        "kill {kill}: temporary files remain: {left:?}"
    );
    temp_files
}

#[cfg(unix)]
#[test]
fn sessions_survive_being_killed_at_random_moments() {
    let kills: u32 = std::env::var("STRONGBACK_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let dir = tempfile::tempdir().expect("temp dir");
    let me = std::env::current_exe().expect("this test binary");
    let mut rng = Lcg(0x6b11_6b11);
    let mut temp_files_cleaned = 0;
    // The child's test name, `store::kill::kill_child`, from this module's own path (less the
    // binary's name), so it follows the module if it moves.
    let (_, this_module) = module_path!()
        .split_once("::")
        .expect("a module of the suite");
    let child_test = format!("{this_module}::kill_child");
    for kill in 0..kills {
        let mut child = Command::new(&me)
            .args(["--exact", &child_test, "--nocapture", "--test-threads=1"])
            .env(CHILD_DIR, dir.path())
            .env(CHILD_DAY, kill.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child starts");
        // A child needs about 1.5 s (debug build) to reach its first saved session.
        std::thread::sleep(Duration::from_millis(30 + rng.below(2_400)));
        // SIGKILL: no destructor, no shutdown code.
        child.kill().expect("killed");
        child.wait().expect("reaped");
        temp_files_cleaned += check_folder(dir.path(), kill);
    }
    let saved = Store::open(dir.path())
        .expect("store")
        .load_sessions()
        .0
        .len();
    let journal = std::fs::read_to_string(dir.path().join(JOURNAL)).unwrap_or_default();
    let answers = std::fs::read_to_string(dir.path().join(ANSWERS_JOURNAL)).unwrap_or_default();
    eprintln!(
        "{kills} kills: {saved} sessions on disk, {} seen saved by the child, answers seen saved about {}, {temp_files_cleaned} temporary files cleaned up",
        journal.lines().count(),
        answers.lines().count()
    );
    assert!(saved > 0, "the children got far enough to save sessions");
    assert!(
        answers.lines().count() > 0,
        "the children got far enough to save answers"
    );
}
