//! Small hostile files that once crashed or exhausted the tools: each is now refused with a
//! located message, quickly, and nothing panics or aborts.

use std::fs;
use std::path::Path;

use clap::Parser as _;
use strongback::cli::{Cli, validate};
use strongback::store::days_file::read_days;

use crate::common::{BUILT_IN_PLAN, assets};

fn validate_text(dir: &Path, name: &str, text: &[u8]) -> (bool, String) {
    let assets = assets();
    let path = dir.join(name);
    fs::write(&path, text).expect("write");
    let mut out = Vec::new();
    let ok = validate(&[path], &assets.catalog, &mut out).expect("written to memory");
    (ok, String::from_utf8(out).expect("utf-8"))
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack_or_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    for open in ["(", "[", "{"] {
        let text = open.repeat(30_000);
        let started = std::time::Instant::now();
        let (ok, out) = validate_text(dir.path(), "deep.ron", text.as_bytes());
        assert!(!ok);
        assert!(out.starts_with(&dir.path().join("deep.ron").display().to_string()));
        assert!(!out.contains("recursion_limit"), "in plain words: {out}");
        // Not a timing assertion on speed, only that it ends (it used to take gigabytes).
        assert!(started.elapsed().as_secs() < 60);
    }
    let nested = format!(
        "(schema_version: 2, name: \"x\", blocks: {}",
        "[".repeat(20_000)
    );
    let (ok, _) = validate_text(dir.path(), "brackets.ron", nested.as_bytes());
    assert!(!ok);
}

#[test]
fn a_pain_given_as_a_huge_or_fractional_number_is_named_as_a_pain_score() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("days.ron");
    for value in ["18446744073709551616.0", "2.5"] {
        fs::write(
            &path,
            format!("(schema_version: 2, days: [(date: \"2026-12-01\", check_in: Some((back_pain: {value})))])"),
        )
        .expect("write");
        let err = read_days(&path, None).expect_err("refused");
        assert!(err[0].message.contains("is not a pain score"), "{}", err[0]);
        assert!(err[0].position.is_some(), "{}", err[0]);
    }
}

#[test]
fn huge_rounds_are_refused_by_the_range_check_before_anything_is_built() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = BUILT_IN_PLAN;
    let huge = text.replacen("rounds: 2", "rounds: 4000000000", 1);
    assert_ne!(huge, text, "the built-in plan has a block of 2 rounds");
    let (ok, out) = validate_text(dir.path(), "rounds.ron", huge.as_bytes());
    assert!(!ok);
    assert!(out.contains("rounds"), "{out}");
    assert!(out.contains("4000000000"), "{out}");
}

#[test]
fn too_many_blocks_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let block = "(name: \"b\", items: [(exercise: \"plank\", step: 1)]),";
    let text = format!(
        "(schema_version: 2, name: \"many\", blocks: [{}])",
        block.repeat(25)
    );
    let (ok, out) = validate_text(dir.path(), "many.ron", text.as_bytes());
    assert!(!ok);
    assert!(
        out.contains("blocks: 25 blocks; a plan may have at most 20"),
        "{out}"
    );
}

#[test]
fn a_far_future_date_in_a_days_file_is_refused_where_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("days.ron");
    fs::write(
        &path,
        "(schema_version: 1, days: [\n  (date: \"2026-12-01\"),\n  (date: \"+262142-12-31\", check_in: Some((back_pain: 3))),\n])",
    )
    .expect("write");
    let err = read_days(&path, None).expect_err("refused");
    let err = &err[0];
    assert_eq!(err.position, Some((3, 10)), "{err}");
    assert!(
        err.message
            .contains("days[1].date: +262142-12-31 is outside the dates Strongback accepts"),
        "{err}"
    );
}

#[test]
fn a_plan_dated_outside_1900_to_2200_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = BUILT_IN_PLAN;
    let dated = text.replacen(
        "schema_version: 2,",
        "schema_version: 2, start_date: Some(\"1850-01-01\"),",
        1,
    );
    let (ok, out) = validate_text(dir.path(), "dated.ron", dated.as_bytes());
    assert!(!ok, "{out}");
    assert!(out.contains("start_date: 1850-01-01 is outside"), "{out}");
}

#[test]
fn report_dates_outside_the_supported_years_are_refused_by_the_arguments() {
    let parsed = Cli::try_parse_from([
        "strongback",
        "report",
        "--out",
        "r.html",
        "--to",
        "+262142-12-31",
    ]);
    let err = parsed.expect_err("refused");
    assert!(err.to_string().contains("--to"), "{err}");
    let parsed = Cli::try_parse_from([
        "strongback",
        "report",
        "--out",
        "r.html",
        "--from",
        "2199-01-01",
    ]);
    assert!(parsed.is_ok());
}

#[test]
fn folders_devices_and_pipes_are_refused_without_being_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let assets = assets();
    let mut out = Vec::new();
    let ok = validate(
        &[dir.path().to_path_buf(), "/dev/zero".into()],
        &assets.catalog,
        &mut out,
    )
    .expect("written to memory");
    assert!(!ok);
    let out = String::from_utf8(out).expect("utf-8");
    assert_eq!(out.matches("not a regular file").count(), 2, "{out}");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("history.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read_days(&fifo, None).expect_err("refused, not waited on");
            assert!(err[0].message.contains("not a regular file"), "{err}");
        }
    }
}

#[test]
fn control_characters_from_a_plan_cannot_forge_output_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "(schema_version: 2, name: \"x\", blocks: [(name: \"b\", items: [(exercise: \"nope\\nplan.ron: ok\", step: 1)])])";
    let (ok, out) = validate_text(dir.path(), "forged.ron", text.as_bytes());
    assert!(!ok);
    assert!(
        !out.lines().any(|line| line == "plan.ron: ok"),
        "no forged line: {out}"
    );
    assert!(out.contains("nope\\nplan.ron: ok"), "{out}");
}

#[test]
fn pain_out_of_range_a_second_check_in_and_unknown_exercises_are_refused_where_they_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("days.ron");
    fs::write(
        &path,
        concat!(
            "(schema_version: 1, days: [\n",
            "  (date: \"2026-12-01\", check_in: Some((back_pain: 11))),\n",
            "  (date: \"2026-12-01\", check_in: Some((back_pain: 3, leg_pain: 12))),\n",
            "  (date: \"2026-12-02\", session: Some((worst_pain: 4, completed: {\"plnak\": true}))),\n",
            "  (date: \"2026-12-03\", check_in: Some((back_pain: 2, function: Some((sleep: 5, sitting_or_driving: 0, running: 0))))),\n",
            "])",
        ),
    )
    .expect("write");
    let err = read_days(&path, Some(&["plank", "bridge"])).expect_err("refused");
    let lines: Vec<String> = err.iter().map(ToString::to_string).collect();
    let name = path.display().to_string();
    assert_eq!(
        lines,
        vec![
            format!(
                "{name}:2:51: days[0].check_in.back_pain: 11 is not a pain score; use a whole number from 0 to 10"
            ),
            format!(
                "{name}:3:34: days[1].check_in: a second check-in on 2026-12-01 (the first is days[0]); a date has at most one"
            ),
            format!(
                "{name}:3:64: days[1].check_in.leg_pain: 12 is not a pain score; use a whole number from 0 to 10"
            ),
            format!(
                "{name}:4:75: days[2].session.completed.plnak: `plnak` is not an exercise of the plan; known: `plank`, `bridge`"
            ),
            format!(
                "{name}:5:77: days[3].check_in.function.sleep: 5 is out of range; use 0 (no trouble) to 4 (cannot)"
            ),
        ]
    );
    // Without a plan, the exercise ids cannot be checked; the rest still is.
    let err = read_days(&path, None).expect_err("refused");
    assert_eq!(err.len(), 4);
}

/// The activities a person names and rates (clinical spec §6), written by hand: a rating of
/// 11, an empty name, a name of 10 kB and a sixth activity are each refused at their line and
/// column; the rest of the file is read as written.
#[test]
fn bad_activities_in_a_days_file_are_refused_where_they_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("days.ron");
    let long = "x".repeat(10_000);
    let text = format!(
        concat!(
            "(schema_version: 3, days: [\n",
            "  (date: \"2026-12-01\", check_in: Some((back_pain: 2)), activities: (named: [\"run 5 km\"], ratings: [(activity: \"run 5 km\", rating: 11)])),\n",
            "  (date: \"2026-12-02\", activities: (named: [\"\"])),\n",
            "  (date: \"2026-12-03\", activities: (named: [\"{long}\"])),\n",
            "  (date: \"2026-12-04\", activities: (named: [\"a\", \"b\", \"c\", \"d\", \"e\"])),\n",
            "])",
        ),
        long = long
    );
    fs::write(&path, text).expect("write");
    let err = read_days(&path, None).expect_err("refused");
    let lines: Vec<String> = err.iter().map(ToString::to_string).collect();
    let name = path.display().to_string();
    assert_eq!(
        lines,
        vec![
            format!(
                "{name}:2:131: days[0].activities.ratings[0].rating: 11 is out of range; use 0 (cannot do it at all) to 10 (as well as before)"
            ),
            format!(
                "{name}:3:45: days[1].activities.named[0]: an activity needs a name, in a few words"
            ),
            format!(
                "{name}:4:45: days[2].activities.named[0]: the name is 10000 characters long; at most 80, in a few words"
            ),
            format!(
                "{name}:5:44: days[3].activities.named: 6 activities at once; at most 5 (retire one to add another)"
            ),
        ]
    );
}

#[test]
fn schema_version_zero_and_newer_ones_are_refused_where_they_stand() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("days.ron");
    for (version, says) in [
        (
            0,
            "schema_version: 0 is not a version Strongback has ever written",
        ),
        (
            9,
            "schema_version: 9 is newer than this version of Strongback understands",
        ),
    ] {
        fs::write(
            &path,
            format!("(\n  schema_version: {version},\n  days: [],\n)"),
        )
        .expect("write");
        let err = read_days(&path, None).expect_err("refused");
        let err = &err[0];
        assert_eq!(err.position, Some((2, 19)), "{err}");
        assert!(err.message.contains(says), "{err}");
    }
}

#[test]
fn a_session_report_started_on_another_date_or_year_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("days.ron");
    fs::write(
        &path,
        "(schema_version: 2, days: [\n  (date: \"2026-12-01\", sessions: [(started_at: Some(\"+262142-12-01T07:30:00+01:00\"), worst_pain: 2)]),\n  (date: \"2026-12-02\", sessions: [(started_at: Some(\"2026-12-01T07:30:00+01:00\"), worst_pain: 2)]),\n])",
    )
    .expect("write");
    let err = read_days(&path, None).expect_err("refused");
    assert_eq!(err.len(), 2, "{}", err.lines());
    assert!(
        err[0].message.contains("days[0].sessions[0].started_at"),
        "{}",
        err[0]
    );
    assert!(
        err[1].message.contains("is not on 2026-12-02"),
        "{}",
        err[1]
    );
}

#[test]
fn a_byte_order_mark_is_accepted_and_ten_years_of_the_apps_own_history_read_as_a_days_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("days.ron");
    fs::write(
        &path,
        "\u{feff}(schema_version: 2, days: [(date: \"2026-12-01\", check_in: Some((back_pain: 3)))])",
    )
    .expect("write");
    assert_eq!(read_days(&path, None).expect("read").days.len(), 1);

    let (_, days) = crate::common::generated(crate::common::ymd(2016, 12, 1), 3650, 1);
    let store = strongback::store::Store::open(dir.path()).expect("store");
    store.save_history(&days).expect("saved");
    let history = dir.path().join("history.ron");
    assert!(fs::metadata(&history).expect("written").len() > 2_000_000);
    assert_eq!(
        read_days(&history, None).expect("read").days.len(),
        days.len()
    );
}

#[test]
fn invisible_characters_and_overlong_names_in_a_plan_are_refused_where_they_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, says) in [
        ("A\u{0}B", "U+0000"),
        ("A\u{1b}[2KB", "U+001B"),
        ("A\u{202e}B", "U+202E"),
        (&"x".repeat(1_000), "1000 characters; at most 120"),
    ] {
        let text = crate::common::EXAMPLE_PLAN.replacen(
            "name: \"Leg-friendly core plan\"",
            &format!("name: {name:?}"),
            1,
        );
        let (ok, out) = validate_text(dir.path(), "plan.ron", text.as_bytes());
        assert!(!ok, "{name:?} refused");
        assert!(out.contains("name: ") && out.contains(says), "{out}");
    }
}

/// The window's and the data's flags go before or after any subcommand.
#[test]
fn global_flags_are_taken_before_or_after_the_subcommand() {
    for args in [
        &["strongback", "edit", "--no-sound"][..],
        &["strongback", "--no-sound", "edit"],
        &[
            "strongback",
            "edit",
            "--data-dir",
            "d",
            "--window-size",
            "800x600",
        ],
        &["strongback", "validate", "plan.ron", "--assets", "a"],
        &["strongback", "report", "--out", "r.html", "--data-dir", "d"],
    ] {
        let parsed = Cli::try_parse_from(args.iter().copied());
        assert!(parsed.is_ok(), "{args:?}: {:?}", parsed.err());
    }
    let parsed =
        Cli::try_parse_from(["strongback", "edit", "--no-sound", "--full-screen"]).expect("parses");
    assert!(parsed.no_sound && parsed.full_screen);
}
