//! Bundled assets and the app's own files: they load, and bad input gives a precise message,
//! never a panic or lost data.

use std::fs;

use strongback::domain::plan::catalog::Catalog;
use strongback::domain::plan::timeline::Timeline;
use strongback::store::Store;
use strongback::store::bundled::{Assets, CATALOG_FILE, PROGRAM_FILE};
use strongback::store::ron_file::{self, DataFileError, MAX_FILE_BYTES};
use strongback::store::settings_file::Settings;

use crate::common::{BUILT_IN_PLAN as PROGRAM, CATALOG_TEXT as CATALOG, assets, repo_path};

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in text")
        + 1
}

#[test]
fn bundled_catalog_has_every_required_exercise_with_ladder_and_picture() {
    let assets = assets();
    for id in [
        "plank",
        "side_plank",
        "bird_dog",
        "curl_up",
        "bridge",
        "ball_curl",
        "dead_bug",
        "clamshell",
        "cat_camel",
        "hip_hinge",
        "superman",
        "press_up",
        "knee_to_chest",
    ] {
        let exercise = assets
            .catalog
            .get(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert!(!exercise.ladder.is_empty(), "{id} has a ladder");
        assert!(!exercise.how_to.is_empty(), "{id} has a how-to");
        assert!(exercise.picture_at(1).is_some(), "{id} has a picture");
    }
    assert_eq!(assets.catalog.get("plank").map(|e| e.ladder.len()), Some(5));
    assert_eq!(
        assets.catalog.get("bridge").map(|e| e.ladder.len()),
        Some(6)
    );
    assert!(assets.catalog.get("ball_curl").is_some_and(|e| {
        e.equipment
            .contains(&strongback::domain::plan::catalog::Equipment::StabilityBall)
    }));
}

#[test]
fn default_program_is_shaped_as_the_clinical_spec_describes() {
    let assets = assets();
    let circuit = &assets.plan.circuit;
    let names: Vec<_> = circuit.blocks.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Warm-up", "Circuit", "Stretches"]);
    assert_eq!(circuit.blocks[0].items[0].exercise_id, "cat_camel");
    let main = &circuit.blocks[1];
    assert!((5..=6).contains(&main.items.len()));
    assert!((2..=3).contains(&main.rounds));
    assert_eq!(main.items[0].exercise_id, "plank", "the plank comes first");
    assert_eq!(circuit.timings.rest_between_exercises_secs, 30);
    assert!((60..=90).contains(&circuit.timings.rest_between_rounds_secs));
    let minutes = Timeline::build(circuit).planned_total_secs() / 60;
    assert!(
        (15..=25).contains(&minutes),
        "about 15-20 minutes, got {minutes}"
    );
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let broken = CATALOG.replacen("per_side: false,", "per_side: false", 1);
    let errors = Assets::parse(CATALOG_FILE, &broken, PROGRAM_FILE, PROGRAM).expect_err("broken");
    let line = line_of(&broken, "bias: Neutral");
    let text = errors[0].to_string();
    assert!(
        text.starts_with(&format!("{CATALOG_FILE}:{line}:")),
        "got {text}, expected line {line}"
    );
}

#[test]
fn unknown_field_is_named_with_the_allowed_ones() {
    let broken = CATALOG.replacen("per_side: false,", "per_sid: false,", 1);
    let errors = Assets::parse(CATALOG_FILE, &broken, PROGRAM_FILE, PROGRAM).expect_err("broken");
    let text = errors[0].to_string();
    let line = line_of(&broken, "per_sid:");
    assert!(
        text.starts_with(&format!("{CATALOG_FILE}:{line}:")),
        "{text}"
    );
    assert!(text.contains("unknown field `per_sid`"), "{text}");
    assert!(text.contains("`per_side`"), "lists what is allowed: {text}");
}

#[test]
fn missing_field_is_named() {
    let broken = PROGRAM.replacen("name: \"Back-care circuit\",", "", 1);
    let errors = Assets::parse(CATALOG_FILE, CATALOG, PROGRAM_FILE, &broken).expect_err("broken");
    assert!(
        errors[0].to_string().contains("missing field `name`"),
        "{}",
        errors[0]
    );
    assert!(errors[0].to_string().starts_with(PROGRAM_FILE));
}

#[test]
fn bad_enum_value_lists_the_choices() {
    let broken = CATALOG.replacen("bias: Neutral", "bias: Sideways", 1);
    let errors = Assets::parse(CATALOG_FILE, &broken, PROGRAM_FILE, PROGRAM).expect_err("broken");
    let text = errors[0].to_string();
    assert!(
        text.contains("`Sideways`") && text.contains("`Neutral`"),
        "{text}"
    );
}

#[test]
fn program_problems_from_a_folder_name_the_file_and_each_problem() {
    let dir = repo_path("tests/fixtures/bad_assets");
    let errors = Assets::from_dir(&dir).expect_err("broken program");
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(
        text[0].ends_with(
            "back-care.ron:9:28: blocks[0].items[0].exercise: unknown exercise id `plankk`; did you mean `plank`?"
        ),
        "{text:?}"
    );
    assert!(
        text[1].ends_with(
            "back-care.ron:10:44: blocks[0].items[1].step: Glute bridge has steps 1 to 6; step 9 does not exist"
        ),
        "{text:?}"
    );
}

#[test]
fn empty_large_and_non_utf8_files_get_one_clear_error() {
    assert_eq!(
        ron_file::text_from_bytes("f.ron", b"  \n")
            .expect_err("empty")
            .to_string(),
        "f.ron: the file is empty"
    );
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    assert!(
        ron_file::text_from_bytes("f.ron", &big)
            .expect_err("too big")
            .to_string()
            .contains("over 1 MiB")
    );
    let err = ron_file::text_from_bytes("f.ron", b"(\n  a: \xff)").expect_err("not utf-8");
    assert_eq!(err.position, Some((2, 6)));
    assert!(err.to_string().contains("not UTF-8"));
}

#[test]
fn newer_schema_version_is_refused_not_misread() {
    let newer = CATALOG.replacen("schema_version: 1", "schema_version: 99", 1);
    let result: Result<Catalog, DataFileError> =
        ron_file::parse_versioned("c.ron", &newer, 1, ron_file::no_older_versions("c.ron"));
    assert!(result.expect_err("newer").to_string().contains("newer"));
}

#[test]
fn unreadable_settings_are_kept_aside_and_defaults_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    fs::write(
        dir.path().join("settings.ron"),
        "(schema_version: 1, volume: loud)",
    )
    .expect("write");
    let (settings, notice) = store.load_settings();
    assert_eq!(settings, Settings::default());
    let problem = notice.expect("the person is told");
    assert_eq!(problem.file, strongback::store::StoredFile::Settings);
    let text = problem.to_string();
    assert!(text.contains("settings.ron:1:"), "{text}");
    assert!(text.contains("settings.ron.unreadable"));
    let kept = dir.path().join("settings.ron.unreadable");
    assert_eq!(
        fs::read_to_string(&kept).expect("kept"),
        "(schema_version: 1, volume: loud)"
    );
    store.save_settings(&settings).expect("save");
    assert_eq!(
        fs::read_to_string(&kept).expect("still kept"),
        "(schema_version: 1, volume: loud)",
        "never overwritten"
    );
    let (reloaded, notice) = store.load_settings();
    assert_eq!(reloaded, settings);
    assert!(notice.is_none());
}

#[test]
fn settings_missing_fields_take_defaults_and_out_of_range_volume_is_clamped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    fs::write(
        dir.path().join("settings.ron"),
        "(schema_version: 1, volume: 7.5)",
    )
    .expect("write");
    let (settings, notice) = store.load_settings();
    assert!(notice.is_none());
    assert_eq!(settings.volume, 1.0);
    assert!(settings.beeps_enabled && settings.voice_enabled);
}

#[test]
fn a_bad_session_file_is_set_aside_and_the_others_still_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    let sessions = dir.path().join("sessions");
    fs::write(sessions.join("2026-01-01T08-00-00.ron"), "not ron at all").expect("write");
    fs::write(sessions.join("2026-01-02T08-00-00.ron"), b"\xff\xfe").expect("write");
    let (records, notices) = store.load_sessions();
    assert!(records.is_empty());
    assert_eq!(notices.len(), 2);
    assert!(sessions.join("2026-01-01T08-00-00.ron.unreadable").exists());
    assert!(sessions.join("2026-01-02T08-00-00.ron.unreadable").exists());
}

#[test]
fn writes_are_atomic_and_leave_no_temporary_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    for volume in [0.1, 0.2, 0.3] {
        store
            .save_settings(&Settings {
                volume,
                ..Settings::default()
            })
            .expect("save");
    }
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["sessions", "settings.ron"]);
    let text = fs::read_to_string(dir.path().join("settings.ron")).expect("read");
    assert!(text.contains("schema_version: 1"));
    assert!(text.contains("volume: 0.3"));
}

/// Every ladder step's key cue has a recorded clip saying exactly the catalog's words (a
/// reworded cue fails here until `assets/voice/generate-cues.sh` is run), and it decodes.
#[test]
fn every_steps_key_cue_has_a_recorded_clip_with_its_words() {
    let assets = assets();
    let mut clips = 0;
    for exercise in &assets.catalog.exercises {
        for (i, step) in exercise.ladder.iter().enumerate() {
            let stem = format!("{}_{}", exercise.id, i + 1);
            let (words, bytes) = strongback::store::bundled::step_cue_clip(&stem)
                .unwrap_or_else(|| panic!("no recorded cue for {stem}"));
            assert_eq!(words, step.cue, "{stem}: the clip says other words");
            let decoder = rodio::Decoder::new(std::io::Cursor::new(bytes))
                .unwrap_or_else(|err| panic!("cue {stem} does not decode: {err}"));
            let samples = decoder.count();
            assert!(
                samples > 22_050,
                "{stem}: over a second of speech ({samples})"
            );
            clips += 1;
        }
    }
    assert_eq!(
        clips,
        strongback::store::bundled::step_cue_clip_names().count()
    );
}

#[test]
fn every_exercise_and_phrase_has_a_spoken_clip_that_decodes() {
    use strongback::domain::session::coach::Phrase;
    let assets = assets();
    let names = assets
        .catalog
        .exercises
        .iter()
        .map(|e| e.id.as_str())
        .map(str::to_owned)
        .chain(Phrase::ALL.iter().map(|p| p.clip_name().to_owned()))
        .chain(
            strongback::domain::session::coach::SPOKEN_NUMBERS
                .iter()
                .map(|n| format!("num_{n}")),
        );
    for name in names {
        let name = name.as_str();
        let clip = strongback::store::bundled::voice_clip(name)
            .unwrap_or_else(|| panic!("no clip for {name}"));
        let decoder = rodio::Decoder::new(std::io::Cursor::new(clip))
            .unwrap_or_else(|err| panic!("clip {name} does not decode: {err}"));
        let samples = decoder.count();
        assert!(
            samples > 3_000,
            "clip {name} is too short to be speech: {samples} samples"
        );
    }
}

/// Every fixture under tests/fixtures/plans gives exactly the lines in its `.expected` file.
#[test]
fn validate_reports_each_fixture_problem_at_its_line_and_column() {
    let assets = assets();
    let dir = std::path::Path::new("tests/fixtures/plans");
    let mut checked = 0;
    let mut fixtures: Vec<_> = fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    fixtures.sort();
    for plan in fixtures {
        let expected =
            fs::read_to_string(plan.with_extension("expected")).expect("expected output");
        let mut out = Vec::new();
        let ok = strongback::cli::validate(std::slice::from_ref(&plan), &assets.catalog, &mut out)
            .expect("written to memory");
        let out = String::from_utf8(out).expect("utf-8 output");
        assert_eq!(out, expected, "{}", plan.display());
        // A plan that passes says "ok" first; a looser-than-default setting adds a warning.
        let passed = expected.lines().next().is_some_and(|l| l.ends_with(": ok"));
        assert_eq!(ok, passed, "{}", plan.display());
        checked += 1;
    }
    assert!(checked >= 29, "all fixtures checked, got {checked}");
}

#[test]
fn a_file_over_one_mebibyte_is_refused_in_one_line() {
    let assets = assets();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let mut text = String::from("(schema_version: 2, name: \"x\", blocks: [])\n");
    text.push_str(&"// padding\n".repeat(MAX_FILE_BYTES / 10));
    fs::write(&path, text).expect("write");
    let mut out = Vec::new();
    assert!(
        !strongback::cli::validate(&[path], &assets.catalog, &mut out).expect("written to memory")
    );
    let out = String::from_utf8(out).expect("utf-8");
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("files over 1 MiB"), "{out}");
}

#[test]
fn a_file_that_is_not_a_record_is_described_without_internal_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    fs::write(dir.path().join("settings.ron"), "garbage").expect("write");
    let (_, problem) = store.load_settings();
    let text = problem.expect("reported").to_string();
    assert!(!text.contains("VersionProbe"), "{text}");
    assert!(text.contains("settings.ron:1:1:"), "{text}");
    assert!(text.contains("(schema_version:"), "{text}");
}
