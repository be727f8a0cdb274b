//! What a screen reader meets, screen by screen: the AccessKit tree the app gives to AT-SPI,
//! walked through a whole session (intake, home, Today, player, the end dialog, summary,
//! history) and a stop. On each screen: the window is named after it, there is a heading and
//! the focus lands where the person is, every control has a name and a role, no two controls
//! share a name, every radio button is in a named group, the panels are named regions, and a
//! live region speaks what changed, assertively for a stop.

use std::collections::HashMap;

use egui::accessibility::is_input;
use egui::accesskit::{Live, Role, Toggled};
use egui_kittest::kittest::{AccessKitNode, NodeT as _, Queryable as _};
use strongback::ScreenKind;
use strongback::domain::care::checkin::RedFlag;

use crate::common::{self, TestApp, open_app_raw};

fn nodes(app: &TestApp) -> Vec<AccessKitNode<'_>> {
    app.harness
        .root()
        .children_recursive()
        .map(|node| node.accesskit_node())
        .filter(|node| !node.is_hidden())
        .collect()
}

fn focused(app: &TestApp) -> Option<(Role, String)> {
    nodes(app)
        .into_iter()
        .find(AccessKitNode::is_focused)
        .map(|node| (node.role(), node.label().unwrap_or_default()))
}

fn live_regions(app: &TestApp, live: Live) -> Vec<String> {
    nodes(app)
        .into_iter()
        .filter(|node| node.data().live() == Some(live))
        .filter_map(|node| node.value().or_else(|| node.label()))
        .collect()
}

/// The checks every screen passes.
fn check_screen(app: &TestApp, title: &str) {
    let root = app.harness.root().accesskit_node();
    assert_eq!(root.role(), Role::Window);
    assert_eq!(
        root.label().as_deref(),
        Some(format!("Strongback: {title}").as_str()),
        "the window is named after the screen"
    );
    let all = nodes(app);
    assert!(
        all.iter().any(|node| node.role() == Role::Heading),
        "{title}: a heading to jump to"
    );
    let regions: Vec<String> = all
        .iter()
        .filter(|node| node.role() == Role::Region)
        .filter_map(AccessKitNode::label)
        .collect();
    assert!(!regions.is_empty(), "{title}: named regions");
    // Every enabled control: a name, and not the same name as another control.
    let mut names: HashMap<(Role, String), usize> = HashMap::new();
    for node in all.iter().filter(|node| is_input(node.role())) {
        let name = node.label().unwrap_or_default();
        assert!(
            !name.trim().is_empty(),
            "{title}: unnamed {:?}",
            node.role()
        );
        if !node.is_disabled() {
            *names.entry((node.role(), name)).or_default() += 1;
        }
    }
    let twins: Vec<_> = names.iter().filter(|(_, count)| **count > 1).collect();
    assert!(
        twins.is_empty(),
        "{title}: controls share a name: {twins:?}"
    );
    // Every radio button is one answer of a named question.
    for radio in all.iter().filter(|node| node.role() == Role::RadioButton) {
        let group = std::iter::successors(radio.parent(), AccessKitNode::parent)
            .find(|node| node.role() == Role::RadioGroup);
        let group_name = group.and_then(|group| group.label());
        assert!(
            group_name.is_some_and(|name| !name.is_empty()),
            "{title}: {:?} is not in a named question",
            radio.label()
        );
    }
}

fn group_named<'a>(app: &'a TestApp, name: &str) -> AccessKitNode<'a> {
    nodes(app)
        .into_iter()
        .find(|node| node.role() == Role::RadioGroup && node.label().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("a radio group named {name:?}"))
}

#[test]
fn a_whole_session_reads_right_to_a_screen_reader() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app_raw(dir.path());

    // The intake: the focus is on its heading, the safety questions are one group.
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    check_screen(&app, "Check-in");
    assert_eq!(
        focused(&app),
        Some((
            Role::Heading,
            "Welcome. First, a few safety questions".to_owned()
        ))
    );
    let boxes = nodes(&app)
        .into_iter()
        .filter(|node| node.role() == Role::CheckBox)
        .count();
    assert!(boxes > 5);
    for node in nodes(&app)
        .into_iter()
        .filter(|node| node.role() == Role::CheckBox)
    {
        assert!(
            std::iter::successors(node.parent(), AccessKitNode::parent)
                .any(|group| group.role() == Role::Group && group.label().is_some()),
            "{:?} is in a named group",
            node.label()
        );
    }

    // The questions: each pain scale is one required-or-not radio group, with one Tab stop.
    app.click("None of these apply to me");
    check_screen(&app, "Check-in");
    assert_eq!(
        focused(&app),
        Some((Role::Heading, "How is your back today?".to_owned()))
    );
    let back = group_named(&app, "Back pain right now");
    assert!(back.is_required(), "back pain is required");
    let back_id = back.id();
    let in_back = nodes(&app)
        .into_iter()
        .filter(|node| node.role() == Role::RadioButton)
        .filter(|node| {
            std::iter::successors(node.parent(), AccessKitNode::parent)
                .any(|group| group.id() == back_id)
        })
        .count();
    assert_eq!(in_back, 11);
    assert!(
        group_named(&app, "Leg pain right now").is_required(),
        "leg pain is required: 0 is an answer the person gives"
    );
    // The arrow keys move the answer along the scale, and the focus with it.
    app.harness
        .get_by_role_and_label(Role::RadioButton, "Back pain: 0")
        .focus();
    app.harness.run();
    // On the unanswered scale the first arrow chooses 0, the number in focus.
    app.press(egui::Key::ArrowRight);
    assert_eq!(
        focused(&app),
        Some((Role::RadioButton, "Back pain: 0".to_owned()))
    );
    for _ in 0..3 {
        app.press(egui::Key::ArrowRight);
    }
    assert_eq!(
        focused(&app),
        Some((Role::RadioButton, "Back pain: 3".to_owned()))
    );
    let three = app
        .harness
        .get_by_role_and_label(Role::RadioButton, "Back pain: 3");
    assert_eq!(three.accesskit_node().toggled(), Some(Toggled::True));
    // Tab leaves the scale at once: one stop for the whole scale, not eleven.
    app.press(egui::Key::Tab);
    let after_tab = focused(&app).expect("something has the focus");
    assert!(
        !after_tab.1.starts_with("Back pain"),
        "Tab left the back pain scale: {after_tab:?}"
    );
    // Every multiple-choice question works the same way: one Tab stop, arrows choose.
    let kinds = group_named(&app, "Which describes your pain best?");
    assert!(kinds.is_required());
    let kind_id = kinds.id();
    let kind_stops = nodes(&app)
        .into_iter()
        .filter(|node| {
            node.role() == Role::RadioButton
                && node.data().supports_action(egui::accesskit::Action::Focus)
        })
        .filter(|node| {
            std::iter::successors(node.parent(), AccessKitNode::parent)
                .any(|group| group.id() == kind_id)
        })
        .count();
    assert_eq!(kind_stops, 1, "one Tab stop for the question");
    app.harness
        .get_by_role_and_label(Role::RadioButton, "sudden muscle pain, back feels locked")
        .focus();
    app.harness.run();
    // Unanswered: the first arrow chooses the choice in focus, the next ones move on.
    for _ in 0..3 {
        app.press(egui::Key::ArrowRight);
    }
    assert_eq!(
        focused(&app),
        Some((
            Role::RadioButton,
            "a general ache across the low back".to_owned()
        ))
    );
    // The visible question is not read a second time beside its group's name, and the "*"
    // is the required state, not part of the name.
    assert!(
        !nodes(&app)
            .iter()
            .any(|node| node.label().is_some_and(|l| l.ends_with('*'))),
        "no name ends in a star"
    );
    app.skip_activities();
    app.choose("Leg pain: 0");
    assert!(
        live_regions(&app, Live::Polite)
            .iter()
            .any(|text| text.contains("Save check-in is ready")),
        "completing the form is spoken"
    );
    app.click("Save check-in");
    // Today follows every check-in, the intake's too.
    check_screen(&app, "Today");
    app.click("Not now");

    // Home: Start has the focus, so Enter starts; the regions are named.
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    check_screen(&app, "Home");
    assert_eq!(focused(&app), Some((Role::Button, "Start".to_owned())));

    // The player: the phase is spoken politely, the progress bar has a range.
    app.start();
    assert_eq!(app.app().screen_kind(), ScreenKind::Player);
    app.wait_secs(1);
    let spoken = live_regions(&app, Live::Polite);
    assert_eq!(spoken, vec!["Get ready. Next up: Cat-camel".to_owned()]);
    let bar = nodes(&app)
        .into_iter()
        .find(|node| node.role() == Role::ProgressIndicator)
        .expect("a progress bar");
    assert_eq!(bar.data().max_numeric_value(), Some(100.0));
    assert_eq!(bar.data().min_numeric_value(), Some(0.0));
    let regions: Vec<_> = nodes(&app)
        .into_iter()
        .filter(|node| node.role() == Role::Region)
        .filter_map(|node| node.label())
        .collect();
    assert!(
        regions.contains(&"Session controls".to_owned()),
        "{regions:?}"
    );

    // The end dialog: named, modal, and "Keep going" has the focus (after the first exercise:
    // a session ended with nothing done is said differently).
    app.wait_secs(10 + 24);
    app.press(egui::Key::Escape);
    let dialog = nodes(&app)
        .into_iter()
        .find(|node| node.role() == Role::Dialog && node.is_modal())
        .expect("a modal dialog");
    assert_eq!(dialog.label().as_deref(), Some("End the session now?"));
    assert_eq!(focused(&app), Some((Role::Button, "Keep going".to_owned())));
    app.click("End and save");

    // The summary: its heading has the focus, the end is spoken, worst pain is required.
    assert_eq!(app.app().screen_kind(), ScreenKind::Summary);
    check_screen(&app, "Session finished");
    assert_eq!(
        focused(&app).map(|(role, _)| role),
        Some(Role::Heading),
        "the summary's heading has the focus"
    );
    let said = live_regions(&app, Live::Polite);
    assert!(
        said.iter().any(|text| text.starts_with("Session saved")),
        "{said:?}"
    );
    assert!(group_named(&app, "Worst pain during the session").is_required());
    app.choose("Worst pain: 2");
    app.click("Save answers");
    app.click("Back to home");

    // History: the heading has the focus; calendar days are named in words.
    app.click("History");
    check_screen(&app, "History");
    assert_eq!(focused(&app), Some((Role::Heading, "History".to_owned())));
    let chooser = nodes(&app)
        .into_iter()
        .find(|node| node.role() == Role::ComboBox)
        .expect("the exercise chooser");
    assert_eq!(chooser.label().as_deref(), Some("exercise"));
    let chosen = chooser.value().unwrap_or_default();
    assert!(
        chosen != "—" && !chosen.is_empty(),
        "the chosen exercise is exposed: {chosen:?}"
    );
    let partial_days = nodes(&app)
        .into_iter()
        .filter_map(|node| node.value().or_else(|| node.label()))
        .filter(|name| name.ends_with(": partial: session ended early"))
        .count();
    assert_eq!(
        partial_days, 1,
        "the calendar names the day's partial session in words"
    );
}

#[test]
fn a_stop_is_spoken_at_once_and_takes_the_focus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app_raw(dir.path());
    app.tick(RedFlag::UrineChange.intake_question());
    let ticked = live_regions(&app, Live::Polite);
    assert!(
        ticked
            .iter()
            .any(|text| text.starts_with("You ticked at least one")),
        "{ticked:?}"
    );
    app.click("Save answers");
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    check_screen(&app, "Home");
    let urgent = live_regions(&app, Live::Assertive);
    assert_eq!(urgent.len(), 1, "{urgent:?}");
    assert!(
        urgent[0].starts_with("STOP: get emergency care now. "),
        "the stop and its reasons: {urgent:?}"
    );
    assert_eq!(
        focused(&app),
        Some((Role::Heading, "STOP: get emergency care now".to_owned()))
    );
    // The clearance dialog takes the focus and gives it back when it closes.
    app.click("A clinician has assessed me and cleared me to exercise");
    let dialog = nodes(&app)
        .into_iter()
        .find(|node| node.role() == Role::Dialog && node.is_modal())
        .expect("a modal dialog");
    assert_eq!(dialog.label().as_deref(), Some("Cleared to exercise?"));
    assert_eq!(
        focused(&app),
        Some((Role::Heading, "Cleared to exercise?".to_owned()))
    );
}

#[test]
fn a_notice_about_a_problem_is_spoken_assertively() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("settings.ron"),
        "(schema_version: 1, volume: oops)",
    )
    .expect("write");
    let app = common::open_app(dir.path());
    let urgent = live_regions(&app, Live::Assertive);
    assert!(
        urgent.iter().any(|text| text.contains("settings.ron")),
        "{urgent:?}"
    );
}

/// What the player's live region says through the first two exercises, in order, each once.
#[test]
fn the_player_speaks_each_moment_of_two_exercises_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::open_app(dir.path());
    app.start();
    let mut said: Vec<String> = Vec::new();
    for _ in 0..160 {
        app.wait_secs(1);
        for text in live_regions(&app, Live::Polite) {
            if said.last() != Some(&text) {
                said.push(text);
            }
        }
        if said.iter().any(|text| text.starts_with("Work: Easy walk")) {
            break;
        }
    }
    assert_eq!(
        said,
        vec![
            "Get ready. Next up: Cat-camel",
            "3",
            "2",
            "1",
            "Work: Cat-camel, 6 reps of 4 s",
            "3",
            "2",
            "1",
            "Rest. Next up: Easy walk",
            "3",
            "2",
            "1",
            "Work: Easy walk, 90 s",
        ]
    );
}

/// Every text a screen reader meets on the screen: names, values and descriptions.
fn spoken_texts(app: &TestApp) -> Vec<String> {
    nodes(app)
        .into_iter()
        .flat_map(|node| [node.label(), node.value(), node.description()])
        .flatten()
        .collect()
}

#[test]
fn the_intake_asks_what_is_present_now_and_answers_nothing_for_the_person() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app_raw(dir.path());
    check_screen(&app, "Check-in");
    let texts = spoken_texts(&app);
    assert!(texts.len() > 20, "the safety page is read: {texts:?}");
    for text in &texts {
        let lower = text.to_lowercase();
        assert!(
            !lower.contains("new or worse") && !lower.contains("since your last"),
            "the intake compares with nothing: {text:?}"
        );
    }
    assert!(
        texts.iter().any(|t| t.contains("In the last six weeks")),
        "the fall is asked over the last six weeks"
    );
    app.click("None of these apply to me");
    check_screen(&app, "Check-in");
    let radios: Vec<_> = nodes(&app)
        .into_iter()
        .filter(|node| node.role() == Role::RadioButton)
        .collect();
    assert!(radios.len() >= 22, "both pain scales and more are there");
    for radio in &radios {
        assert_ne!(
            radio.toggled(),
            Some(Toggled::True),
            "{:?} is chosen before anything is touched",
            radio.label()
        );
    }
    let with_value: Vec<_> = nodes(&app)
        .into_iter()
        .filter(|node| node.role() == Role::Slider || node.role() == Role::SpinButton)
        .filter_map(|node| node.numeric_value().map(|v| (node.label(), v)))
        .collect();
    assert!(
        with_value.is_empty(),
        "no slider holds a value: {with_value:?}"
    );
    // Once chosen, the answer is there, and only that one.
    app.choose("Leg pain: 0");
    let chosen: Vec<_> = nodes(&app)
        .into_iter()
        .filter(|node| node.role() == Role::RadioButton && node.toggled() == Some(Toggled::True))
        .filter_map(|node| node.label())
        .collect();
    assert_eq!(chosen, vec!["Leg pain: 0".to_owned()]);
}

#[test]
fn after_the_answers_are_saved_back_to_home_has_the_focus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::open_app(dir.path());
    app.start();
    app.press(egui::Key::Escape);
    app.click("End and save");
    app.choose("Worst pain: 2");
    app.click("Save answers");
    app.harness.run();
    assert!(app.shows("Thank you, your answers are saved."));
    assert_eq!(
        focused(&app),
        Some((Role::Button, "Back to home".to_owned())),
        "one Enter goes home"
    );
}
