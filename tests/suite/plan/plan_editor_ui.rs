//! The plan editor, driven by its labels: a plan built from nothing is saved, passes
//! `validate`, and reads back equal; problems show as they arise; the projection shows.

use crate::common::{self, assets, open_app};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use strongback::ScreenKind;

/// Type into the text field labelled `label` (after what is there).
fn type_into(app: &mut common::TestApp, role: Role, label: &str, text: &str) {
    app.harness.get_by_role_and_label(role, label).focus();
    app.harness.run();
    app.harness
        .get_by_role_and_label(role, label)
        .type_text(text);
    app.harness.run();
}

/// Show one of the editor's tabs (its label may end in a count of problems: "Session (1)").
fn tab(app: &mut common::TestApp, name: &str) {
    let label = app
        .harness
        .query_all_by_label_contains(name)
        .filter_map(|node| node.accesskit_node().label())
        .find(|label| label == name || label.starts_with(&format!("{name} (")))
        .unwrap_or_else(|| panic!("no tab {name}"));
    app.harness.get_by_label(&label).click();
    app.harness.run();
}

/// In the catalog tab, find `name` and add it to the block now chosen.
fn add_from_catalog(app: &mut common::TestApp, search: &str, name: &str) {
    app.harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .focus();
    app.harness.run();
    app.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.harness.run();
    app.harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text(search);
    app.harness.run();
    if !app.shows(&format!("Add {name}")) {
        app.click(name);
    }
    app.click(&format!("Add {name}"));
}

#[test]
fn a_plan_built_from_nothing_saves_validates_and_reads_back_equal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::vec2(1280.0, 900.0));
    app.harness.run();
    app.click("New plan…");
    app.click("An empty plan");
    assert_eq!(app.app().screen_kind(), ScreenKind::PlanEditor);
    // An empty plan is not yet a plan: the checks say why, and Save waits.
    assert!(app.shows_containing("the plan needs a name"));
    assert!(
        app.harness
            .get_by_role_and_label(Role::Button, "Save plan…")
            .accesskit_node()
            .is_disabled()
    );
    type_into(&mut app, Role::TextInput, "Plan name", "Test core plan");
    type_into(&mut app, Role::TextInput, "Patient", "Sam");
    type_into(&mut app, Role::TextInput, "Clinician", "Alex Morgan");
    type_into(&mut app, Role::TextInput, "Clinic", "Riverside Clinic");
    assert!(!app.shows_containing("the plan needs a name"));
    // Two blocks.
    tab(&mut app, "Session");
    app.click("Add block");
    app.click("Add block");
    // Five exercises from the catalog: three in the first block, two in the second.
    tab(&mut app, "Catalog");
    add_from_catalog(&mut app, "walk", "Easy walk");
    add_from_catalog(&mut app, "cat", "Cat-camel");
    add_from_catalog(&mut app, "bird", "Bird dog");
    app.click_role(Role::ComboBox, "block to add to");
    app.click("Block 2");
    add_from_catalog(&mut app, "side plank", "Side plank");
    add_from_catalog(&mut app, "bridge", "Glute bridge");
    // A limit and a changed rule setting.
    tab(&mut app, "Limits and rules");
    app.tick("Longest session");
    app.harness
        .get_by_role_and_label(Role::SpinButton, "Greens in a row to move up")
        .focus();
    app.harness.run();
    app.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.harness.run();
    app.harness
        .get_by_role_and_label(Role::SpinButton, "Greens in a row to move up")
        .type_text("3");
    app.press(egui::Key::Enter);
    let draft = app.app().plan_draft().expect("editing").clone();
    assert_eq!(draft.blocks.len(), 2);
    let items: Vec<Vec<&str>> = draft
        .blocks
        .iter()
        .map(|b| b.items.iter().map(|i| i.exercise.as_str()).collect())
        .collect();
    assert_eq!(
        items,
        vec![
            vec!["walk", "cat_camel", "bird_dog"],
            vec!["side_plank", "bridge"]
        ]
    );
    assert_eq!(draft.limits.max_session_minutes, Some(30));
    assert_eq!(
        draft.rules.greens_to_progress, 3,
        "one more than the default"
    );
    assert_eq!(
        draft.clinician.as_ref().map(|c| c.clinic.as_str()),
        Some("Riverside Clinic")
    );
    assert!(app.shows("Passes every check: strongback validate accepts it."));
    // Save it to a file: it validates, and reads back as the same plan. The notice that says
    // so goes under the form: nothing on the form moves.
    let greens = |app: &common::TestApp| {
        app.harness
            .get_by_role_and_label(Role::SpinButton, "Greens in a row to move up")
            .rect()
    };
    let before = greens(&app);
    app.click("Save plan…");
    app.save_in(dir.path());
    let path = dir.path().join("test-core-plan.ron");
    assert!(app.shows_containing("Plan saved to "));
    assert_eq!(greens(&app), before, "the notice moved the form");
    let text = std::fs::read_to_string(&path).expect("saved");
    let assets = assets();
    let checked = strongback::store::plan_file::check_plan_text("saved", &text, &assets.catalog)
        .expect("validate accepts what the editor saves");
    assert_eq!(checked.plan, draft);
    let mut out = Vec::new();
    assert!(
        strongback::cli::validate(std::slice::from_ref(&path), &assets.catalog, &mut out)
            .expect("runs"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    // Reopened in the editor, it is the same plan.
    app.click("Close");
    app.harness
        .state_mut()
        .open_editor(strongback::app::EditorStart::File(path));
    app.harness.run();
    assert_eq!(app.app().plan_draft(), Some(&draft));
    // The projection shows for a valid plan.
    tab(&mut app, "Projection");
    assert!(app.shows_containing("Longest session: "));
    assert!(app.shows_containing("Rules that fired"));
    // Installed on this computer after the preview, it is the plan in use, and the kept
    // draft is done with.
    app.click("Install on this computer");
    assert_eq!(app.app().screen_kind(), ScreenKind::PlanPreview);
    app.click("Use this plan");
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    assert_eq!(app.app().plan().map(|p| &p.plan), Some(&draft));
    assert!(!dir.path().join("plan-draft.ron").exists());
}

#[test]
fn a_problem_shows_beside_its_field_as_it_arises() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::vec2(1280.0, 900.0));
    app.harness.run();
    app.click("Edit this plan…");
    assert!(app.shows("Passes every check: strongback validate accepts it."));
    // Clearing the name is refused beside the field, at once, and moves nothing below it.
    let description = |app: &common::TestApp| {
        app.harness
            .get_by_role_and_label(Role::MultilineTextInput, "Description")
            .rect()
    };
    let before = description(&app);
    app.harness
        .get_by_role_and_label(Role::TextInput, "Plan name")
        .focus();
    app.harness.run();
    app.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.press(egui::Key::Backspace);
    assert!(app.shows("Problem: the plan needs a name"));
    assert_eq!(description(&app), before, "the field below did not move");
    assert!(
        app.harness
            .get_by_role_and_label(Role::Button, "Save plan…")
            .accesskit_node()
            .is_disabled()
    );
    type_into(&mut app, Role::TextInput, "Plan name", "Knees up");
    // A forward-bending exercise in a plan for nerve-related leg pain: `validate` refuses
    // it, and so does the editor, in the Session tab it belongs to.
    tab(&mut app, "Catalog");
    add_from_catalog(&mut app, "knee", "Knee to chest");
    tab(&mut app, "Patient and dates");
    app.choose("nerve-related leg pain");
    assert!(app.shows("1 problem to fix before the plan can be saved (shown beside each field)."));
    tab(&mut app, "Session (1)");
    assert!(app.shows_containing("bends the spine forward"));
    // The draft is kept in the data folder meanwhile.
    assert!(dir.path().join("plan-draft.ron").exists());
}

/// A rule setting typed outside its range is kept as typed, marked beside the field, and
/// Save is disabled; nothing on the form moves while the problem comes and goes.
#[test]
fn an_out_of_range_setting_is_kept_marked_and_moves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::vec2(1280.0, 900.0));
    app.harness.run();
    app.click("Edit this plan…");
    tab(&mut app, "Limits and rules");
    let rect = |app: &common::TestApp, label: &str| {
        app.harness
            .get_by_role_and_label(Role::SpinButton, label)
            .rect()
            .min
    };
    let fields = [
        "Amber: worst pain up to",
        "Green rise over the day's pain",
        "Reds that start a deload week",
        "Rest after a red session",
    ];
    let before: Vec<_> = fields.iter().map(|f| rect(&app, f)).collect();
    app.harness
        .get_by_role_and_label(Role::SpinButton, "Amber: worst pain up to")
        .click();
    app.harness.run();
    app.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.harness.run();
    app.harness
        .get_by_role_and_label(Role::SpinButton, "Amber: worst pain up to")
        .type_text("12");
    app.press(egui::Key::Enter);
    let draft = app
        .app()
        .plan_draft()
        .expect("editing")
        .rules
        .amber_max_pain;
    assert_eq!(draft, 12, "kept as typed, not clamped to the pain scale");
    assert!(app.shows_containing(
        "Problem: Amber: worst pain up to must be 6/10 or less (it is 12/10; allowed 4/10 to 6/10)"
    ));
    assert!(
        app.harness
            .get_by_role_and_label(Role::Button, "Save plan…")
            .accesskit_node()
            .is_disabled()
    );
    let after: Vec<_> = fields.iter().map(|f| rect(&app, f)).collect();
    assert_eq!(
        before, after,
        "no field moved (the typed one only grows to the right)"
    );
}

/// "New plan…" offers a starting plan for each presentation; each passes every check, opens
/// in the editor with nothing to fix, and projects to its review without a problem.
#[test]
fn each_template_passes_the_checks_opens_in_the_editor_and_projects() {
    let assets = common::assets();
    for which in strongback::domain::plan::PlanTemplate::ALL {
        let plan = strongback::store::bundled::template_plan(which, &assets)
            .unwrap_or_else(|e| panic!("{which:?}: {e}"));
        if which == strongback::domain::plan::PlanTemplate::Empty {
            assert!(
                plan.checked(&assets.catalog).is_err(),
                "an empty plan is not a plan yet"
            );
            continue;
        }
        let checked = plan
            .checked(&assets.catalog)
            .unwrap_or_else(|p| panic!("{which:?}: {p:?}"));
        assert!(
            strongback::domain::plan::rule_settings::looser_than_default(&checked.plan.rules)
                .is_empty()
        );
        let start = common::ymd(2026, 12, 7);
        let weeks = strongback::domain::care::projection::projected_weeks(&checked, start);
        for scenario in strongback::domain::care::projection::Scenario::ALL {
            let projection = strongback::domain::care::projection::project(
                &checked,
                &assets.catalog,
                scenario,
                start,
                weeks,
            );
            assert!(!projection.sessions.is_empty(), "{which:?} {scenario:?}");
            if let Some(limit) = checked.plan.limits.max_session_minutes {
                assert!(
                    projection.longest_minutes() <= f64::from(limit),
                    "{which:?} {scenario:?}: {} min",
                    projection.longest_minutes()
                );
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = open_app(dir.path());
        app.harness.set_size(egui::vec2(1280.0, 900.0));
        app.harness.run();
        app.click("New plan…");
        app.click(which.label());
        assert_eq!(app.app().screen_kind(), ScreenKind::PlanEditor);
        assert_eq!(
            app.app().plan_draft().map(|p| p.name.clone()),
            Some(checked.plan.name.clone())
        );
        assert!(
            app.shows("Passes every check: strongback validate accepts it."),
            "{which:?}"
        );
    }
}

/// A problem with one exercise of the session shows on that exercise's own row; the
/// exercises below it stay where they were.
#[test]
fn a_problem_in_the_session_moves_no_exercise() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.harness.set_size(egui::vec2(1280.0, 2400.0));
    app.harness.run();
    app.click("Edit this plan…");
    tab(&mut app, "Session");
    let notes = |app: &common::TestApp| -> Vec<egui::Pos2> {
        app.harness
            .get_all_by_role_and_label(Role::TextInput, "Note for the patient")
            .map(|node| node.rect().min)
            .collect()
    };
    let before = notes(&app);
    assert!(before.len() > 5, "{} exercises", before.len());
    let first_sets = app
        .harness
        .get_all_by_role_and_label(Role::SpinButton, "sets")
        .nth(2)
        .expect("a sets field");
    first_sets.click();
    app.harness.run();
    app.harness
        .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.harness.run();
    app.harness
        .get_all_by_role_and_label(Role::SpinButton, "sets")
        .nth(2)
        .expect("a sets field")
        .type_text("0");
    app.press(egui::Key::Enter);
    assert!(app.shows_containing("Problem: Sets must be at least 1 (it is 0; allowed 1 to 6)"));
    assert_eq!(notes(&app), before, "no exercise moved");
}
