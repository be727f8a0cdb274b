//! Drives the real app through egui_kittest by its labels: no display, GPU or sound card.

use crate::common;

use crate::common::{open_app, session_files};
use egui::Key;
use strongback::ScreenKind;
use strongback::domain::session::coach::Cue;
use strongback::domain::session::record::SessionOutcome;

#[test]
fn home_shows_todays_circuit_with_start_button() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = open_app(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    assert!(app.shows("Start"));
    assert!(app.shows_containing("Today: Back-care circuit"));
    assert!(app.shows("Front plank"));
    assert!(app.shows("Glute bridge"));
    assert!(
        app.shows_containing("About 2"),
        "estimated minutes are shown"
    );
}

#[test]
fn start_counts_down_get_ready_from_the_clock() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    assert_eq!(app.app().screen_kind(), ScreenKind::Player);
    assert!(app.shows("Get ready"));
    assert!(app.shows("10 seconds left"));
    assert!(app.shows("Cat-camel"));
    app.wait_secs(3);
    assert!(app.shows("7 seconds left"));
    app.wait_secs(7);
    assert!(app.shows("Work"), "get ready hands over to work at 10 s");
    assert!(app.shows("24 seconds left"), "cat-camel is 6 cycles of 4 s");
    assert!(app.shows("slow rep 1 of 6, 4 s each"));
}

#[test]
fn space_pauses_and_resumes_and_pause_stops_the_timer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.wait_secs(2);
    app.press(Key::Space);
    assert!(app.shows("Paused"));
    assert!(app.shows("Resume"));
    app.wait_secs(30);
    assert!(app.shows("8 seconds left"), "a paused timer does not move");
    app.press(Key::Space);
    assert!(app.shows("Pause"));
    app.wait_secs(1);
    assert!(app.shows("7 seconds left"));
}

#[test]
fn pause_and_resume_buttons_work_by_click() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.click("Pause");
    app.wait_secs(5);
    assert!(app.shows("10 seconds left"));
    app.click("Resume");
    app.wait_secs(4);
    assert!(app.shows("6 seconds left"));
}

#[test]
fn right_arrow_skips_and_left_arrow_goes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.press(Key::ArrowRight);
    assert!(app.shows("Work"));
    assert!(app.shows("Cat-camel"));
    app.press(Key::ArrowLeft);
    assert!(
        app.shows("Get ready"),
        "back within 3 s returns to the previous phase"
    );
    app.click("Skip");
    app.wait_secs(5);
    app.click("Back");
    assert!(app.shows("Work"), "back after 3 s restarts the phase");
    assert!(app.shows("24 seconds left"));
}

#[test]
fn rep_exercise_waits_for_done_then_rests() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    // Skip to the glute bridge, the first rep exercise.
    for _ in 0..40 {
        if app.shows("Done") {
            break;
        }
        app.press(Key::ArrowRight);
    }
    assert!(app.shows("Glute bridge"));
    assert!(app.shows("12 reps"));
    app.wait_secs(600);
    assert!(app.shows("12 reps"), "a rep item never times out");
    app.press(Key::Enter);
    assert!(app.shows("Rest"));
    assert!(
        app.shows("Ball hamstring curl"),
        "the rest shows what comes next"
    );
    assert!(!app.shows("Done"));
}

#[test]
fn escape_asks_before_ending_and_keep_going_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.press(Key::Escape);
    assert!(app.shows("End the session now?"));
    app.wait_secs(5);
    assert!(app.shows("10 seconds left"), "the timer holds while asking");
    app.click("Keep going");
    assert!(!app.shows("End the session now?"));
    app.wait_secs(2);
    assert!(app.shows("8 seconds left"));
    assert!(session_files(dir.path()).is_empty());
}

#[test]
fn ending_early_saves_a_partial_record_with_what_was_done() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.wait_secs(10 + 24); // get ready, then all of cat-camel
    app.wait_secs(10); // the warm-up's short rest
    app.wait_secs(30); // 30 s into the 90 s walk
    app.click("End session");
    app.click("End and save");
    assert_eq!(app.app().screen_kind(), ScreenKind::Summary);
    assert!(app.shows("Session saved"));
    let record = app.app().sessions().last().expect("a record").clone();
    assert_eq!(record.outcome, SessionOutcome::EndedEarly);
    let cat_camel = &record.exercises[0];
    assert_eq!(cat_camel.exercise_id, "cat_camel");
    assert!(cat_camel.fully_completed());
    let walk = &record.exercises[1];
    assert_eq!(
        walk.sets[0].completed,
        strongback::domain::plan::catalog::Dose::Hold { hold_secs: 30 }
    );
    assert_eq!(session_files(dir.path()).len(), 1);
    assert!(!dir.path().join("in-progress.ron").exists());
    app.click("Back to home");
    assert!(app.shows_containing("ended early"));
}

#[test]
fn a_whole_session_plays_to_the_end_with_cues_and_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    for _ in 0..4000 {
        if app.app().screen_kind() != ScreenKind::Player {
            break;
        }
        if app.shows("Done") {
            app.wait_secs(30);
            app.click("Done");
        } else {
            app.wait_secs(1);
        }
    }
    assert_eq!(app.app().screen_kind(), ScreenKind::Summary);
    assert!(app.shows("Session complete. Well done!"));
    let record = app.app().sessions().last().expect("a record").clone();
    assert_eq!(record.outcome, SessionOutcome::Completed);
    assert!(record.exercises.iter().all(|e| e.fully_completed()));
    let side_plank = record
        .exercises
        .iter()
        .find(|e| e.exercise_id == "side_plank")
        .expect("side plank in the record");
    assert_eq!(side_plank.sets.len(), 4, "2 rounds × left and right");

    let cues = app.audio.cues();
    let count = |wanted: &Cue| cues.iter().filter(|c| *c == wanted).count();
    let work_phases = record.exercises.iter().map(|e| e.sets.len()).sum::<usize>();
    assert_eq!(count(&Cue::Go), work_phases, "one go tone per work phase");
    assert_eq!(
        count(&Cue::Pip),
        3 * work_phases,
        "3-2-1 before every work phase"
    );
    assert_eq!(count(&Cue::Finish), 1);
    assert!(count(&Cue::SwitchSides) > 0);
    assert!(count(&Cue::Halfway) > 0, "ball curl hold is 25 s");
    assert!(cues.contains(&Cue::SayExercise("plank".to_owned())));
    assert!(session_files(dir.path()).len() == 1);
}

#[test]
fn sound_settings_are_remembered_between_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut app = open_app(dir.path());
        assert!(app.app().settings().voice_enabled);
        app.tick("Spoken cues");
        assert!(!app.app().settings().voice_enabled);
    }
    let mut app = open_app(dir.path());
    assert!(
        !app.app().settings().voice_enabled,
        "remembered after restart"
    );
    app.start();
    app.wait_secs(10);
    assert!(
        app.audio.cues().iter().all(|c| !c.is_voice()),
        "no voice once switched off"
    );
    assert!(!app.audio.cues().is_empty(), "beeps still play");
}

#[test]
fn broken_assets_show_a_message_with_file_line_and_column_instead_of_crashing() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let catalog = common::CATALOG_TEXT.replacen("per_side: false,", "per_side: maybe,", 1);
    let assets = strongback::store::bundled::Assets::parse(
        strongback::store::bundled::CATALOG_FILE,
        &catalog,
        strongback::store::bundled::PROGRAM_FILE,
        common::BUILT_IN_PLAN,
    );
    let deps = strongback::AppDeps {
        clock: Box::new(strongback::platform::clock::ManualClock::new(
            common::morning(),
        )),
        audio: Box::new(strongback::platform::sound::SilentAudio),
        store: strongback::store::Store::open(dir.path()).expect("store"),
        assets,
    };
    let harness = egui_kittest::Harness::builder()
        .with_size(egui::Vec2::new(1100.0, 720.0))
        .build_eframe(move |_cc| strongback::StrongbackApp::new(deps));
    assert_eq!(harness.state().screen_kind(), ScreenKind::LoadError);
    assert!(
        harness
            .query_by_label_contains("exercise data is damaged")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("assets/catalog.ron:")
            .is_some()
    );
    assert!(harness.query_by_label("Start").is_none());
}

#[test]
fn unreadable_settings_are_reported_on_the_home_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("settings.ron"), "(volume: ").expect("write");
    let mut app = open_app(dir.path());
    assert!(app.shows_containing("settings.ron:1:"));
    assert!(app.shows_containing("kept as"));
    app.click("Dismiss");
    assert!(!app.shows_containing("settings.ron:1:"));
    assert!(dir.path().join("settings.ron.unreadable").exists());
}

#[test]
fn enter_on_the_end_dialog_keeps_going() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.press(Key::Escape);
    assert!(app.shows("End the session now?"));
    app.press(Key::Enter);
    assert!(
        !app.shows("End the session now?"),
        "Enter answers the dialog"
    );
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Player,
        "and the workout goes on: Keep going has the focus"
    );
    assert!(
        app.app().sessions().is_empty(),
        "nothing was ended or saved"
    );
}

#[test]
fn enter_on_home_starts_and_enter_on_today_starts_the_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    app.press(Key::Enter);
    assert_ne!(
        app.app().screen_kind(),
        ScreenKind::Home,
        "Start has the focus"
    );
    if app.app().screen_kind() == ScreenKind::Today {
        app.harness.run();
        app.press(Key::Enter);
    }
    assert_eq!(app.app().screen_kind(), ScreenKind::Player);
    // A second day: the check-in, then Today, where Start session has the focus.
    app.press(Key::Escape);
    app.click("End and save");
    app.click("Back to home");
    app.wait_secs(24 * 3600);
    app.press(Key::Enter);
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    app.answer_check_in(2);
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    app.harness.run();
    app.press(Key::Enter);
    assert_eq!(app.app().screen_kind(), ScreenKind::Player);
}

#[test]
fn the_screen_is_kept_on_only_while_the_timer_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    assert!(!app.app().keeps_screen_on());
    app.start();
    app.wait_secs(1);
    assert!(app.app().keeps_screen_on(), "running");
    app.press(Key::Space);
    assert!(!app.app().keeps_screen_on(), "paused: the screen may sleep");
    app.press(Key::Space);
    assert!(app.app().keeps_screen_on());
    app.press(Key::Escape);
    app.click("End and save");
    assert!(!app.app().keeps_screen_on(), "released after the session");
}

#[test]
fn the_countdown_is_a_third_of_the_window_high_at_every_size() {
    for size in [
        [800.0, 600.0],
        [1280.0, 800.0],
        [1920.0, 1080.0],
        [3840.0, 2160.0],
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = open_app(dir.path());
        app.harness.set_size(egui::Vec2::from(size));
        app.start();
        app.harness.run();
        use egui_kittest::kittest::Queryable as _;
        let countdown = app.harness.get_by_label("10 seconds left");
        // In pixels: on a large screen the text size (egui's zoom) grows with it.
        let height = countdown.rect().height() * app.harness.ctx.zoom_factor();
        assert!(
            height >= size[1] / 3.0,
            "{size:?}: countdown {height} px high, less than a third of the window"
        );
    }
}

/// The picture, readable from the mat: at least a quarter of the window high at 800×600 in
/// every phase (get ready, work, rest, a rep exercise), and the timer column the same width.
#[test]
fn the_picture_is_a_quarter_of_the_window_high_and_the_timer_keeps_its_width() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    use strongback::platform::clock::Clock as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::Vec2::new(800.0, 600.0));
    app.start();
    app.harness.run();
    let mut timer_widths = Vec::new();
    let mut kinds_seen = std::collections::BTreeSet::new();
    for _ in 0..12 {
        let picture = app
            .harness
            .query_all_by_role(egui::accesskit::Role::Image)
            .find(|node| {
                node.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with("Body position for"))
            })
            .expect("the exercise's picture is shown");
        let height = picture.rect().height();
        let now = app.clock.monotonic();
        let phase = app
            .app()
            .player()
            .map(|p| format!("{:?}", p.view(now).phase.kind));
        assert!(
            height >= 150.0,
            "{phase:?}: the picture is {height} px high, less than a quarter of 600"
        );
        let band = ["Get ready", "Work", "Rest", "Switch sides", "Round rest"]
            .iter()
            .find_map(|name| app.harness.query_by_label(name))
            .map(|node| node.rect().width());
        if let Some(width) = band {
            timer_widths.push(width);
        }
        if let Some(phase) = phase {
            kinds_seen.insert(phase);
        }
        app.press(Key::ArrowRight);
    }
    assert!(
        kinds_seen.len() >= 3,
        "several kinds of phase seen: {kinds_seen:?}"
    );
    let (min, max) = timer_widths
        .iter()
        .fold((f32::MAX, 0.0f32), |(lo, hi), w| (lo.min(*w), hi.max(*w)));
    assert!(
        timer_widths.len() >= 6 && max - min < 1.0,
        "the timer column keeps its width: {timer_widths:?}"
    );
}

/// The About box gives the version, the licence and where the source is.
#[test]
fn the_about_box_names_the_version_licence_and_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::open_app(dir.path());
    app.click("About Strongback");
    assert!(app.shows(&format!("Strongback {}", env!("CARGO_PKG_VERSION"))));
    assert!(app.shows("Licence: MIT OR Apache-2.0"));
    assert!(app.shows_containing("Source: "));
    app.click("Close");
    assert!(!app.shows("Licence: MIT OR Apache-2.0"));
    // Escape closes it too, and the focus goes back to the button that opened it: no
    // keyboard trap.
    use egui_kittest::kittest::Queryable as _;
    app.harness.get_by_label("About Strongback").focus();
    app.harness.run();
    app.press(Key::Enter);
    assert!(app.shows("Licence: MIT OR Apache-2.0"));
    app.press(Key::Escape);
    assert!(
        !app.shows("Licence: MIT OR Apache-2.0"),
        "Escape closes About"
    );
    app.harness.run();
    assert!(
        app.harness.get_by_label("About Strongback").is_focused(),
        "the focus is back on the button"
    );
}

/// Keys respect focus: with no button focused Space pauses; with a button reached by Tab,
/// Space and Enter press that button (not Pause or Done).
#[test]
fn space_and_enter_press_the_focused_button_and_otherwise_pause() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.wait_secs(2);
    app.press(Key::Space);
    assert!(app.shows("Paused"), "no focus: Space pauses");
    app.press(Key::Space);
    assert!(!app.shows("Paused"));
    app.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Skip")
        .focus();
    app.harness.run();
    let before = app.app().session_phase_index().expect("running");
    app.press(Key::Enter);
    assert_eq!(
        app.app().session_phase_index(),
        Some(before + 1),
        "Enter pressed the focused Skip"
    );
    app.press(Key::Space);
    assert!(!app.shows("Paused"), "Space pressed Skip, not Pause");
    assert_eq!(app.app().session_phase_index(), Some(before + 2));
}

/// A screen reader hears the player's moments through a polite live region: the phase and
/// exercise when a phase starts, "Paused", and the last three seconds; not every second.
#[test]
fn the_player_announces_phase_changes_pause_and_the_last_three_seconds() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    let live = |app: &common::TestApp| -> Vec<String> {
        app.harness
            .query_all_by_role(egui::accesskit::Role::Label)
            .filter(|node| node.accesskit_node().live() == egui::accesskit::Live::Polite)
            .filter_map(|node| node.accesskit_node().value())
            .collect()
    };
    app.wait_secs(1);
    let first = live(&app);
    assert_eq!(first.len(), 1, "one live region: {first:?}");
    assert_eq!(first, vec!["Get ready. Next up: Cat-camel".to_owned()]);
    app.wait_secs(1);
    assert_eq!(live(&app), first, "no announcement every second");
    app.wait_secs(6);
    assert_eq!(
        live(&app),
        vec!["2".to_owned()],
        "the last seconds, counted"
    );
    app.wait_secs(3);
    let work = live(&app);
    assert!(work[0].starts_with("Work: Cat-camel"), "{work:?}");
    app.press(Key::Space);
    assert_eq!(live(&app), vec!["Paused".to_owned()]);
}

/// "Reduce motion" shows a moving step's start and end side by side, still, instead of the
/// moving figure; it is remembered; and without it the moving figure is one picture at least
/// a quarter of the window high, at 1920×1080 as at 800×600.
#[test]
fn reduce_motion_shows_the_start_and_end_still_and_is_remembered() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let dir = tempfile::tempdir().expect("temp dir");
    let pictures = |app: &common::TestApp| -> Vec<(String, f32)> {
        app.harness
            .query_all_by_role(egui::accesskit::Role::Image)
            .filter_map(|node| {
                let label = node.accesskit_node().label()?;
                label
                    .starts_with("Body position for")
                    .then(|| (label.to_string(), node.rect().height()))
            })
            .collect()
    };
    // Skip through the session to the first phase whose step moves (a start and an end).
    let find_moving = |app: &mut common::TestApp| {
        for _ in 0..40 {
            if pictures(app)
                .iter()
                .any(|(l, _)| l.ends_with(": start position"))
            {
                return true;
            }
            app.press(Key::ArrowRight);
        }
        false
    };
    {
        let mut app = open_app(dir.path());
        assert!(!app.app().settings().reduce_motion.unwrap_or(false));
        app.tick("Reduce motion (still pictures, no moving figure)");
        assert_eq!(app.app().settings().reduce_motion, Some(true));
        app.harness.set_size(egui::Vec2::new(1280.0, 800.0));
        app.start();
        app.harness.run();
        assert!(
            find_moving(&mut app),
            "a moving step shows its start and end"
        );
        let shown = pictures(&app);
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[1].0.ends_with(": end position"), "{shown:?}");
    }
    let mut app = open_app(dir.path());
    assert_eq!(app.app().settings().reduce_motion, Some(true), "remembered");
    app.tick("Reduce motion (still pictures, no moving figure)");
    assert_eq!(
        app.app().settings().reduce_motion,
        Some(false),
        "turned off"
    );
    for size in [[800.0, 600.0], [1920.0, 1080.0]] {
        let mut app = open_app(tempfile::tempdir().expect("temp dir").path());
        app.harness.set_size(egui::Vec2::from(size));
        app.start();
        app.harness.run();
        // In points, as the figure is measured (1080p is drawn larger: 1.25 points a pixel).
        let window_height = app.harness.ctx.content_rect().height();
        for _ in 0..6 {
            let shown = pictures(&app);
            assert_eq!(shown.len(), 1, "{size:?}: one moving figure: {shown:?}");
            assert!(
                shown[0].1 >= window_height / 4.0,
                "{size:?}: the figure is {} high, less than a quarter of {window_height}",
                shown[0].1
            );
            app.press(Key::ArrowRight);
        }
    }
}

/// Text size and the high-contrast theme apply at once, follow Ctrl and +, and are there
/// again at the next start.
#[test]
fn text_size_and_high_contrast_apply_at_once_and_are_remembered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let zoom = |app: &common::TestApp| app.harness.ctx.zoom_factor();
    {
        let mut app = open_app(dir.path());
        assert!(app.shows("Text size: 100 % (for this screen size)"));
        app.click("Larger");
        assert!((zoom(&app) - 1.1).abs() < 0.001, "zoom {}", zoom(&app));
        assert!(app.shows("Text size: 110 %"));
        app.tick("High contrast (white on black)");
        assert_eq!(
            app.harness.ctx.global_style().visuals.panel_fill,
            egui::Color32::BLACK
        );
        app.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
        app.harness.run();
        assert!(zoom(&app) > 1.15, "Ctrl and + zooms: {}", zoom(&app));
        assert!((app.app().settings().text_scale - zoom(&app)).abs() < 0.001);
    }
    let app = open_app(dir.path());
    assert!(app.app().settings().high_contrast, "remembered");
    assert!(zoom(&app) > 1.15, "remembered: {}", zoom(&app));
    assert_eq!(
        app.harness.ctx.global_style().visuals.panel_fill,
        egui::Color32::BLACK
    );
}

/// A 1080p screen is readable from the mat as it comes; the person's own size wins, at any
/// window size, until they ask for the size for the screen again.
#[test]
fn the_text_size_follows_the_screen_until_the_person_chooses_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let zoom = |app: &common::TestApp| app.harness.ctx.zoom_factor();
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::vec2(1920.0, 1080.0));
    app.harness.run();
    app.harness.run();
    assert!((zoom(&app) - 1.25).abs() < 0.001, "1080p: {}", zoom(&app));
    assert!(app.shows("Text size: 125 % (for this screen size)"));
    app.harness.set_size(egui::vec2(800.0, 600.0));
    app.harness.run();
    app.harness.run();
    assert!((zoom(&app) - 1.0).abs() < 0.001, "800×600: {}", zoom(&app));
    app.click("Larger");
    assert!((zoom(&app) - 1.1).abs() < 0.001, "chosen: {}", zoom(&app));
    app.harness.set_size(egui::vec2(1920.0, 1080.0));
    app.harness.run();
    app.harness.run();
    assert!(
        (zoom(&app) - 1.1).abs() < 0.001,
        "the choice wins: {}",
        zoom(&app)
    );
    app.harness.set_size(egui::vec2(800.0, 600.0));
    app.harness.run();
    app.click("Size for this screen");
    app.harness.run();
    assert!(
        (zoom(&app) - 1.0).abs() < 0.001,
        "back to the screen's: {}",
        zoom(&app)
    );
}

#[test]
fn a_session_with_every_exercise_skipped_is_saved_as_nothing_done_and_not_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::open_app(dir.path());
    app.start();
    assert_eq!(app.app().screen_kind(), ScreenKind::Player);
    for _ in 0..200 {
        if app.app().screen_kind() != ScreenKind::Player {
            break;
        }
        app.press(egui::Key::ArrowRight);
    }
    assert_eq!(app.app().screen_kind(), ScreenKind::Summary);
    assert!(app.shows_containing("nothing done"));
    assert!(!app.shows("Session complete. Well done!"));
    let record = app.app().sessions().last().expect("the record is kept");
    assert_eq!(record.outcome, SessionOutcome::NothingDone);
    app.click("Back to home");
    assert!(
        app.shows_containing("This week: 0 of"),
        "a session with nothing done does not count"
    );
}
