//! What the person can do again (clinical spec §6), through the real app with a fixed clock:
//! activities named and rated at the intake (nothing chosen for the person), not asked again
//! until 14 days later, then rated again with one retired and one added; the history keeps
//! every rating, and a fall of 3 points on the mean shows on Today.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use strongback::ScreenKind;
use strongback::domain::care::activities::{ACTIVITY_POINTS, ActivityRating, MEAN_POINTS};

use crate::common::{TestApp, open_app_raw};

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// Type `text` into the text field named `label`.
fn type_into(app: &mut TestApp, label: &str, text: &str) {
    let field = app.harness.get_by_role_and_label(Role::TextInput, label);
    field.focus();
    field.type_text(text);
    app.harness.run();
}

/// Answer the pain questions of a day's check-in (no red flags, back pain 2, no leg pain).
fn answer_pain_questions(app: &mut TestApp) {
    app.click("Start");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    app.click("Next");
    app.choose("Back pain: 2");
    app.choose("Leg pain: 0");
    if app.shows("the same") {
        app.choose("the same");
    }
}

/// A first start on a window tall enough for the whole check-in page (a pointer click on a
/// question scrolled out of view would land on something else).
fn first_start(dir: &std::path::Path) -> TestApp {
    let mut app = open_app_raw(dir);
    app.harness.set_size(egui::vec2(1280.0, 2400.0));
    app.harness.run();
    app
}

fn rating(activity: &str, rating: u8) -> ActivityRating {
    ActivityRating {
        activity: activity.to_owned(),
        rating,
    }
}

#[test]
fn activities_named_at_the_intake_are_rated_again_14_days_later_retired_and_added() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = first_start(dir.path());
    app.click("None of these apply to me");
    app.choose("Back pain: 3");
    app.choose("Leg pain: 0");
    app.choose("a general ache across the low back");
    assert!(app.shows("What would you like to be able to do again?"));
    let save = app
        .harness
        .get_by_role_and_label(Role::Button, "Save check-in");
    assert!(
        save.accesskit_node().is_disabled(),
        "nothing is named or rated for the person"
    );
    type_into(&mut app, "Activity 1", "run 5 km");
    app.choose("Activity 1: 2");
    app.press_by_accesskit("Add an activity");
    type_into(&mut app, "Activity 2", "lift my child");
    assert!(
        app.shows_containing("Still to answer"),
        "the second activity needs its rating"
    );
    app.choose("Activity 2: 5");
    app.click("Save check-in");
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    let first = app.app().history()[0].activities.clone();
    assert_eq!(first.named, ["run 5 km", "lift my child"]);
    assert_eq!(
        first.ratings,
        [rating("run 5 km", 2), rating("lift my child", 5)]
    );
    app.click("Not now");

    // The next day: not asked (every 14 days).
    app.wait(DAY);
    answer_pain_questions(&mut app);
    assert!(!app.shows_containing("how well can you do them now?"));
    app.click("Save check-in");
    app.click("Not now");

    // 14 days after the intake: rated again; one retired, one added.
    app.wait(DAY * 13);
    answer_pain_questions(&mut app);
    assert!(app.shows("The things you want to do again: how well can you do them now?"));
    assert!(app.shows_containing("You last rated them 14 days ago."));
    app.choose("run 5 km: 5");
    app.tick("Stop rating \"lift my child\" (what you rated stays in your history)");
    app.press_by_accesskit("Add an activity");
    type_into(&mut app, "Activity 3", "sit through a film");
    app.choose("Activity 3: 4");
    app.click("Save check-in");
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);

    let log = strongback::domain::care::checkin::activity_log(app.app().history());
    let names: Vec<&str> = log.current().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["run 5 km", "sit through a film"]);
    let lift = &log.activities[1];
    assert_eq!(lift.name, "lift my child");
    assert_eq!(lift.ratings.len(), 1, "a retired activity keeps its rating");
    assert!(lift.retired_on.is_some());
    let means: Vec<f32> = log.means().iter().map(|(_, mean)| *mean).collect();
    assert_eq!(means, [3.5, 4.5]);
    let run = log.activities[0].change().expect("two ratings");
    assert_eq!((run.first, run.latest, run.matters), (2.0, 5.0, true));
    // The mean's change compares only what was rated on both dates (the run): 2 to 5.
    let mean = log.mean_change().expect("two means");
    assert_eq!((mean.first, mean.latest, mean.matters), (2.0, 5.0, true));

    // History, the report and the CSV give the same figures in the same words.
    app.click("Not now");
    app.click("History");
    let figures = app
        .app()
        .history_activities()
        .expect("History is open")
        .clone();
    let means: Vec<f32> = figures.means.iter().map(|(_, m)| *m).collect();
    assert_eq!(means, [3.5, 4.5]);
    let mean_words = log.mean_change().expect("two").describe(MEAN_POINTS);
    let run_words = run.describe(ACTIVITY_POINTS);
    assert!(
        figures.in_words.contains(&mean_words),
        "{}",
        figures.in_words
    );
    assert!(figures.in_words.contains(&run_words));
    drop(app);
    let report = dir.path().join("report.html");
    let csv = dir.path().join("activities.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_strongback"))
        .arg("report")
        .arg("--data-dir")
        .arg(dir.path())
        .arg("--out")
        .arg(&report)
        .arg("--activities-csv")
        .arg(&csv)
        .arg("--to")
        .arg(log.rating_dates[1].to_string())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&report).expect("report");
    assert!(html.contains("What they can do again"));
    assert!(html.contains(&mean_words), "the mean in the app's words");
    assert!(html.contains("comparing only run 5 km (rated on both dates)"));
    assert!(html.contains(&run_words));
    assert!(html.contains("lift my child <small>(no longer rated from"));
    let rows = std::fs::read_to_string(&csv).expect("CSV");
    let first = log.rating_dates[0];
    let second = log.rating_dates[1];
    for row in [
        format!("{first},run 5 km,2,3.5,"),
        format!("{first},lift my child,5,3.5,"),
        format!("{second},run 5 km,5,4.5,"),
        format!("{second},sit through a film,4,4.5,"),
    ] {
        assert!(rows.lines().any(|l| l == row), "{row} in\n{rows}");
    }
    assert_eq!(rows.lines().count(), 5, "a header and four ratings");

    // Saved: a new start reads the same from the data folder.
    let app = open_app_raw(dir.path());
    assert_eq!(
        strongback::domain::care::checkin::activity_log(app.app().history()),
        log
    );
}

#[test]
fn a_fall_of_3_on_the_mean_is_shown_on_today_as_worth_telling_the_clinician() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = first_start(dir.path());
    app.click("None of these apply to me");
    app.choose("Back pain: 3");
    app.choose("Leg pain: 0");
    app.choose("a general ache across the low back");
    type_into(&mut app, "Activity 1", "run 5 km");
    app.choose("Activity 1: 7");
    app.click("Save check-in");
    assert!(!app.shows("Worth telling your clinician"));
    app.click("Not now");
    app.wait(DAY * 14);
    answer_pain_questions(&mut app);
    app.choose("run 5 km: 3");
    app.click("Save check-in");
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    assert!(app.shows("Worth telling your clinician"));
    assert!(app.shows_containing("fell from 7.0"));
    assert!(app.shows_containing("to 3.0"));
    assert!(app.shows_containing("It does not change your sessions."));
}

#[test]
fn skipping_the_names_at_the_intake_asks_once_more_then_leaves_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = first_start(dir.path());
    app.answer_check_in(2);
    app.click("Not now");
    for (day, asked) in [(1, true), (2, false)] {
        app.wait(DAY);
        answer_pain_questions(&mut app);
        assert_eq!(
            app.shows("What would you like to be able to do again?"),
            asked,
            "day {day}"
        );
        app.skip_activities();
        app.click("Save check-in");
        app.click("Not now");
    }
}

/// A plan may list the activities the clinician agreed with the person: the intake shows them
/// named, asks only how well they can do each, and records them as the person's own.
#[test]
fn activities_agreed_in_the_plan_are_only_rated_at_the_intake() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = include_str!("../../../assets/examples/physio-plan.ron").replacen(
        "    sessions_per_week: 3,",
        "    sessions_per_week: 3,\n    activities: [\"walk the dog\", \"garden for an hour\"],",
        1,
    );
    assert!(plan.contains("walk the dog"));
    std::fs::write(dir.path().join("plan.ron"), plan).expect("plan");
    let mut app = first_start(dir.path());
    app.click("None of these apply to me");
    app.choose("Back pain: 3");
    app.choose("Leg pain: 0");
    app.choose("a general ache across the low back");
    assert!(app.shows("How well can you walk the dog now?"));
    assert!(app.shows("How well can you garden for an hour now?"));
    assert!(
        !app.shows("Activity 1"),
        "nothing to name: the plan named them"
    );
    app.choose("walk the dog: 6");
    app.choose("garden for an hour: 2");
    app.click("Save check-in");
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    let log = strongback::domain::care::checkin::activity_log(app.app().history());
    let names: Vec<&str> = log.current().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["walk the dog", "garden for an hour"]);
    assert_eq!(log.means().first().map(|(_, m)| *m), Some(4.0));
}
