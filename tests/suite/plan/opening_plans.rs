//! Opening, previewing, accepting, refusing and exporting plan files in the app.

use strongback::ScreenKind;
use strongback::ui::{Action, PickerAction};

use crate::common::{self, assets, open_app, repo_path, session_files};

/// Open a plan file the way a person does: Open plan…, type the path, Open.
fn open_plan_file(app: &mut common::TestApp, path: &std::path::Path) {
    use egui_kittest::kittest::Queryable as _;
    app.click("Open plan…");
    assert!(app.app().file_picker().is_some(), "the file picker opens");
    let field = app
        .harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "File name:");
    field.focus();
    field.type_text(&path.display().to_string());
    app.harness.run();
    app.click("Open");
    assert!(app.app().file_picker().is_none(), "the picker closes");
}

#[test]
fn home_shows_the_active_plan_and_plan_buttons() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    assert!(app.shows("Built-in plan (no clinician)"));
    assert!(app.shows("Open plan…"));
    assert!(app.shows("Export plan…"));
    app.click("Open plan…");
    assert!(app.shows("Open a plan file"));
    assert!(app.shows("Up one folder"));
    app.click("Cancel");
    assert!(app.app().file_picker().is_none());
}

#[test]
fn an_invalid_plan_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    // Some history first, to show it is untouched.
    app.start();
    app.press(egui::Key::Escape);
    app.click("End and save");
    app.click("Back to home");
    let sessions_before = session_files(dir.path());
    let plan_before = app.app().plan().expect("plan").plan.clone();

    open_plan_file(
        &mut app,
        &repo_path("tests/fixtures/plans/several_problems.ron"),
    );
    assert_eq!(app.app().screen_kind(), ScreenKind::PlanRejected);
    assert!(app.shows("This plan file cannot be used"));
    assert!(app.shows_containing(
        "several_problems.ron:13:43: blocks[0].items[0].step: Front plank has steps 1 to 5"
    ));
    assert!(app.shows_containing(
        "Review date 1 Nov 2026 must be at least a week after the start date 1 Dec 2026"
    ));
    app.click("Back to home");
    assert_eq!(app.app().plan().expect("plan").plan, plan_before);
    assert!(app.shows("Built-in plan (no clinician)"));
    assert!(!dir.path().join("plan.ron").exists(), "nothing written");
    assert_eq!(
        session_files(dir.path()),
        sessions_before,
        "history untouched"
    );
}

#[test]
fn a_valid_plan_is_previewed_then_used_and_remembered() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut app = open_app(dir.path());
        open_plan_file(&mut app, &repo_path("assets/examples/physio-plan.ron"));
        assert_eq!(app.app().screen_kind(), ScreenKind::PlanPreview);
        assert!(app.shows("Open plan: Leg-friendly core plan"));
        assert!(app.shows_containing(
            "Clinician: Alex Morgan, physiotherapist (Riverside Clinic, 01632 960 123) (was none)"
        ));
        assert!(app.shows_containing("Circuit: Curl-up: added, step 1"));
        assert!(app.shows_containing(
            "Circuit: Front plank: removed (was step 2 (knees and forearms), 20 s)"
        ));
        // Exercises by their names, as the person knows them (not the file's ids).
        assert!(app.shows_containing("Excluded exercises: Knee to chest, Superman (was none)"));
        assert!(app.shows_containing(
            "Highest steps: Glute bridge up to step 3, Side plank up to step 2 (was none)"
        ));
        assert!(app.shows_containing("Longest session: 30 min (was none)"));
        app.click("Use this plan");
        assert_eq!(app.app().screen_kind(), ScreenKind::Home);
        assert!(app.shows("From Alex Morgan, physiotherapist"));
        assert!(app.shows("Riverside Clinic"), "the clinic on its own line");
        assert!(app.shows("01632 960 123"));
        assert!(app.shows_containing("Hello Sam"));
        assert!(app.shows("Today: Leg-friendly core plan"));
    }
    let mut app = open_app(dir.path());
    assert!(
        app.shows("From Alex Morgan, physiotherapist"),
        "remembered after restart"
    );
    app.start();
    assert!(app.shows("Easy walk"), "the session follows the new plan");
}

#[test]
fn cancel_in_the_preview_keeps_the_current_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    open_plan_file(&mut app, &repo_path("assets/examples/physio-plan.ron"));
    app.click("Cancel");
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    assert!(app.shows("Built-in plan (no clinician)"));
    assert!(!dir.path().join("plan.ron").exists());
}

#[test]
fn export_writes_a_plan_file_that_validates_and_reads_back_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    open_plan_file(&mut app, &repo_path("assets/examples/physio-plan.ron"));
    app.click("Use this plan");
    app.click("Export plan…");
    assert!(app.shows("Export the plan to a file"));
    let suggested = app.app().file_picker().expect("picker").file_name.clone();
    assert_eq!(suggested, "leg-friendly-core-plan.ron");
    // Browse into the data folder and save there under the suggested name.
    app.apply(Action::Picker(PickerAction::Navigate(
        dir.path().to_path_buf(),
    )));
    assert!(app.shows("sessions/"), "folders are listed");
    app.click("Save");
    let out = dir.path().join("leg-friendly-core-plan.ron");
    assert!(app.shows_containing("Plan exported to"));
    let catalog = assets().catalog;
    let exported =
        strongback::store::plan_file::read_plan(&out, &catalog).expect("exported plan validates");
    assert_eq!(exported.plan, app.app().plan().expect("plan").plan);
}

#[test]
fn a_saved_plan_that_no_longer_validates_is_kept_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("plan.ron"),
        "(schema_version: 2, name: \"Mine\", blocks: [(name: \"C\", items: [(exercise: \"plankk\", step: 1)])])",
    )
    .expect("write");
    let app = open_app(dir.path());
    assert!(app.shows("Built-in plan (no clinician)"));
    assert!(app.shows_containing("Your saved plan could not be used"));
    assert!(app.shows_containing("did you mean `plank`?"));
    assert!(dir.path().join("plan.ron.unreadable").exists());
}

/// `strongback open PLAN`, which Windows' "Open with Strongback" runs for a `.ron` file: the
/// window opens on what the plan would change, and nothing changes unless the person
/// chooses it.
#[test]
fn a_plan_file_given_at_start_opens_on_its_preview() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.harness
        .state_mut()
        .open_plan_file(&repo_path("assets/examples/physio-plan.ron"));
    app.harness.run();
    assert_eq!(app.app().screen_kind(), ScreenKind::PlanPreview);
    assert!(app.shows("Open plan: Leg-friendly core plan"));
    app.click("Cancel");
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    assert!(app.shows("Built-in plan (no clinician)"));
    assert!(!dir.path().join("plan.ron").exists(), "nothing written");
}

#[test]
fn a_refused_plan_file_given_at_start_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.harness
        .state_mut()
        .open_plan_file(&repo_path("tests/fixtures/plans/several_problems.ron"));
    app.harness.run();
    assert_eq!(app.app().screen_kind(), ScreenKind::PlanRejected);
    assert!(app.shows_containing(
        "several_problems.ron:13:43: blocks[0].items[0].step: Front plank has steps 1 to 5"
    ));
    app.click("Back to home");
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
}

/// A patient's first start from their physio's plan file: the plan first (its agreed
/// activities are the ones the first questions rate), then the first questions, never
/// skipped.
#[test]
fn on_a_first_start_the_plan_file_comes_before_the_first_questions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::open_app_raw(dir.path());
    app.harness.state_mut().wait_for_sessions();
    app.harness.run();
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    assert!(app.shows("Welcome. First, a few safety questions"));
    app.harness
        .state_mut()
        .open_plan_file(&repo_path("assets/examples/physio-plan.ron"));
    app.harness.run();
    assert_eq!(app.app().screen_kind(), ScreenKind::PlanPreview);
    app.click("Use this plan");
    assert_eq!(
        app.app().plan().expect("plan").plan.name,
        "Leg-friendly core plan"
    );
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    assert!(app.shows("Welcome. First, a few safety questions"));
    // Answered, the day follows as after any first start.
    app.answer_check_in(2);
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    app.click("Not now");
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Home,
        "asked once: home is home again"
    );
}
