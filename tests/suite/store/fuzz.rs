//! Fuzz targets for everything Strongback reads: plan text, days text, each file of the data
//! folder, and the span index. Inputs are mutated copies of real files (bytes flipped,
//! inserted, deleted, duplicated, and tokens known to have caused trouble spliced in), drawn
//! by proptest, run on stable Rust. Each target runs for a time budget:
//!
//!     cargo test --test suite store::fuzz::                          # 1 s per target
//!     STRONGBACK_FUZZ_SECS=15 cargo test --test suite store::fuzz::  # what CI runs (about a minute)
//!     STRONGBACK_FUZZ_SECS=900 cargo test --release --test suite store::fuzz:: -- --nocapture   # a long run
//!
//! A target that panics saves the input under `target/fuzz-crashes/` and fails; move the file
//! into `tests/fuzz_regressions/TARGET/` so every later `cargo test` runs it. The input being
//! tried is also written to `target/fuzz-crashes/TARGET.last` first, so an abort (a stack
//! overflow, running out of memory) leaves it behind too.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::{Config, TestRng, TestRunner};
use strongback::domain::care::checkin::Day;
use strongback::domain::session::record::{InProgressSession, SessionRecord};
use strongback::report::clinician::{ReportSource, clinician_report};
use strongback::store::days_file::DaysFile;
use strongback::store::plan_file::check_plan_bytes;
use strongback::store::ron_file::{
    MAX_FILE_BYTES, no_older_versions, parse_versioned, text_within,
};
use strongback::store::ron_spans::SpanIndex;
use strongback::store::settings_file::Settings;

use crate::common::{assets, generated, repo_path, ymd};

/// Tokens that once crashed or exhausted a reader, and RON's own punctuation.
const DICTIONARY: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "Some(",
    "None",
    "4000000000",
    "-1",
    "\"+262142-12-31\"",
    "\"1850-01-01\"",
    "\"2026-02-30\"",
    "999999999999999999999",
    "1e308",
    "schema_version: 9",
    "rounds: 4000000000",
    "sets: 0",
    "\\u{0}",
    "\u{1b}",
    "\n",
    "//",
    "/*",
    "((((((((((((((((",
    "[[[[[[[[[[[[[[[[",
];

/// One change to a file.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize, times: usize },
    Splice { at: usize, token: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..64, 1usize..64).prop_map(|(at, len, times)| Mutation::Duplicate {
            at,
            len,
            times
        }),
        (any::<usize>(), 0..DICTIONARY.len())
            .prop_map(|(at, token)| Mutation::Splice { at, token }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len();
        let pos = |at: usize| if len == 0 { 0 } else { at % (len + 1) };
        match *m {
            Mutation::Flip { at, bit } if len > 0 => bytes[at % len] ^= 1 << bit,
            Mutation::Flip { .. } => {}
            Mutation::Insert { at, byte } => bytes.insert(pos(at), byte),
            Mutation::Delete { at, len: n } => {
                let start = pos(at);
                let end = (start + n).min(len);
                bytes.drain(start..end);
            }
            Mutation::Duplicate { at, len: n, times } => {
                let start = pos(at);
                let end = (start + n).min(len);
                let piece = bytes[start..end].repeat(times);
                bytes.splice(end..end, piece);
            }
            Mutation::Splice { at, token } => {
                let at = pos(at);
                bytes.splice(at..at, DICTIONARY[token].bytes());
            }
            Mutation::Truncate { at } => bytes.truncate(pos(at)),
        }
    }
    bytes
}

/// A seed file with 1 to 8 mutations, or (one case in eight) bytes from nowhere.
fn input(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let mutated = (
        prop::sample::select(seeds),
        prop::collection::vec(mutation(), 1..8),
    )
        .prop_map(|(seed, mutations)| mutate(seed, &mutations));
    prop_oneof![
        7 => mutated,
        1 => prop::collection::vec(any::<u8>(), 0..2000),
    ]
}

fn crash_dir() -> PathBuf {
    repo_path("target/fuzz-crashes")
}

fn budget() -> Duration {
    let secs = std::env::var("STRONGBACK_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(1.0);
    Duration::from_secs_f64(secs)
}

/// Run `target` on the committed regressions, then on mutated inputs until the budget is
/// spent. Returns how many inputs ran.
fn fuzz(name: &str, seeds: Vec<Vec<u8>>, target: impl Fn(&[u8])) -> u64 {
    let regressions = repo_path("tests/fuzz_regressions").join(name);
    if let Ok(entries) = std::fs::read_dir(&regressions) {
        for entry in entries.filter_map(Result::ok) {
            let bytes = std::fs::read(entry.path()).expect("regression input");
            target(&bytes);
        }
    }
    std::fs::create_dir_all(crash_dir()).expect("crash folder");
    let last = crash_dir().join(format!("{name}.last"));
    let strategy = input(seeds);
    let seed: [u8; 32] = *b"strongback fuzz: every file read";
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &seed),
    );
    let deadline = Instant::now() + budget();
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let bytes = tree.current();
        // Left behind if the process aborts on this input.
        let _ = std::fs::write(&last, &bytes);
        if std::panic::catch_unwind(AssertUnwindSafe(|| target(&bytes))).is_err() {
            let path = crash_dir().join(format!("{name}-{runs}.bin"));
            std::fs::write(&path, &bytes).expect("save the crashing input");
            panic!(
                "{name}: a panic on the input saved as {}; move it to {} once fixed",
                path.display(),
                regressions.display()
            );
        }
        runs += 1;
    }
    let _ = std::fs::remove_file(&last);
    eprintln!(
        "fuzz {name}: {runs} inputs in {:.1} s",
        budget().as_secs_f64()
    );
    runs
}

fn file(path: &str) -> Vec<u8> {
    std::fs::read(repo_path(path)).expect("seed file")
}

fn plan_seeds() -> Vec<Vec<u8>> {
    let mut seeds = vec![
        file("assets/programs/back-care.ron"),
        file("assets/examples/physio-plan.ron"),
    ];
    let fixtures = repo_path("tests/fixtures/plans");
    for entry in std::fs::read_dir(fixtures)
        .expect("fixtures")
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "ron") {
            seeds.push(std::fs::read(entry.path()).expect("fixture"));
        }
    }
    seeds
}

fn days_seed() -> Vec<u8> {
    file("assets/examples/days.ron")
}

/// A small data folder's files, written by the app's own code.
fn data_folder_seeds() -> Vec<Vec<u8>> {
    let assets = assets();
    let (sessions, days) = generated(ymd(2026, 10, 1), 4, 2);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = strongback::store::Store::open(dir.path()).expect("store");
    store.save_history(&days).expect("history");
    store.save_settings(&Settings::default()).expect("settings");
    for record in &sessions {
        store.save_session(record).expect("session");
    }
    let snapshot = InProgressSession {
        schema_version: InProgressSession::SCHEMA_VERSION,
        started_at: sessions[0].started_at,
        updated_at: sessions[0].ended_at,
        active_secs: 60,
        phase_index: 3,
        elapsed_in_phase_secs: 6,
        circuit: assets.plan.circuit.clone(),
        completed: vec![None; 4],
    };
    store.save_in_progress(&snapshot).expect("snapshot");
    let mut seeds = Vec::new();
    for name in ["history.ron", "settings.ron", "in-progress.ron"] {
        seeds.push(std::fs::read(dir.path().join(name)).expect("written"));
    }
    for entry in std::fs::read_dir(dir.path().join("sessions"))
        .expect("sessions")
        .filter_map(Result::ok)
    {
        seeds.push(std::fs::read(entry.path()).expect("written"));
    }
    seeds
}

#[test]
fn fuzz_plan_text() {
    let assets = assets();
    let runs = fuzz("plan", plan_seeds(), |bytes| {
        if let Ok(checked) = check_plan_bytes("fuzz.ron", bytes, &assets.catalog) {
            // A plan that passes the checks can be played and printed.
            let timeline = strongback::domain::plan::timeline::Timeline::build(&checked.circuit);
            assert!(timeline.planned_total_secs() > 0);
            let _ = strongback::report::handout::handout_html(&checked, &assets.catalog);
        }
    });
    assert!(runs > 0);
}

#[test]
fn fuzz_days_text() {
    let assets = assets();
    let today = ymd(2026, 12, 31);
    let runs = fuzz("days", vec![days_seed()], |bytes| {
        let Ok(text) = text_within("days.ron", bytes, MAX_FILE_BYTES) else {
            return;
        };
        let Ok(file) = parse_versioned::<DaysFile>(
            "days.ron",
            text,
            DaysFile::SCHEMA_VERSION,
            strongback::store::days_file::migrate_days,
        ) else {
            return;
        };
        if file.first_problem().is_some() {
            return;
        }
        let file = file.upgraded();
        // What `simulate` and `report` do with a days file that reads.
        let decisions =
            strongback::domain::care::rules::replay(&assets.plan, &assets.catalog, &file.days);
        assert!(decisions.len() <= file.days.len());
        let source = ReportSource {
            unreadable: &[],
            plan: &assets.plan,
            catalog: &assets.catalog,
            sessions: &[],
            days: &file.days,
        };
        let first = file.days.iter().map(|d| d.date).min().unwrap_or(today);
        let _ = clinician_report(&source, first.min(today), today);
    });
    assert!(runs > 0);
}

#[test]
fn fuzz_data_folder_files() {
    let runs = fuzz("data_folder", data_folder_seeds(), |bytes| {
        let Ok(text) = text_within("data.ron", bytes, MAX_FILE_BYTES) else {
            return;
        };
        let name = "data.ron";
        let _ = parse_versioned::<Settings>(
            name,
            text,
            Settings::SCHEMA_VERSION,
            no_older_versions(name),
        )
        .map(Settings::sanitized);
        if let Ok(record) = parse_versioned::<SessionRecord>(
            name,
            text,
            SessionRecord::SCHEMA_VERSION,
            no_older_versions(name),
        ) {
            let _ = record.sets_done();
            let _ =
                strongback::report::csv_export::sessions_csv(std::slice::from_ref(&record), &[]);
        }
        if let Ok(snapshot) = parse_versioned::<InProgressSession>(
            name,
            text,
            InProgressSession::SCHEMA_VERSION,
            no_older_versions(name),
        ) && snapshot.circuit.within_plan_ranges()
        {
            // What "Resume" and "Save as partial" do with it.
            let timeline = strongback::domain::plan::timeline::Timeline::build(&snapshot.circuit);
            let _ = strongback::domain::session::player::SessionPlayer::recovered(
                timeline,
                snapshot.phase_index,
                snapshot.completed.clone(),
                Duration::from_secs(snapshot.elapsed_in_phase_secs),
                Duration::ZERO,
            );
            let _ = snapshot.into_record();
        }
        let _: Result<Vec<Day>, _> = parse_versioned::<DaysFile>(
            name,
            text,
            DaysFile::SCHEMA_VERSION,
            no_older_versions(name),
        )
        .map(|f| f.days);
    });
    assert!(runs > 0);
}

#[test]
fn fuzz_span_index() {
    let mut seeds = plan_seeds();
    seeds.push(days_seed());
    let runs = fuzz("span_index", seeds, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let spans = SpanIndex::build(&text);
        let _ = spans.find("blocks[0].items[0].exercise");
        let _ = spans.path_at(3, 5);
    });
    assert!(runs > 0);
}
