//! The history screen and session detail, driven by their labels.

use crate::common;
use strongback::ui::Destination;

use crate::common::{open_app, with_history};
use strongback::ScreenKind;

/// On the history screen, open the newest session by its line in the list.
fn open_newest_session(app: &mut common::TestApp) {
    use egui_kittest::kittest::Queryable as _;
    let label = app
        .app()
        .sessions()
        .last()
        .map(|s| s.started_at.format("%a %-d %b %Y, %H:%M").to_string())
        .expect("a session");
    app.harness.get_by_label_contains(&label).click();
    app.harness.run();
    assert_eq!(app.app().screen_kind(), ScreenKind::SessionDetail);
}

#[test]
fn history_shows_adherence_streak_calendar_charts_and_sessions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let count = with_history(dir.path());
    let mut app = open_app(dir.path());
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Home,
        "history means no intake"
    );
    app.click("History");
    assert_eq!(app.app().screen_kind(), ScreenKind::History);
    assert!(app.shows_containing("Last 4 weeks: "));
    assert!(app.shows_containing("Since "));
    assert!(app.shows_containing("This week: "));
    assert!(app.shows_containing(" planned"));
    assert!(app.shows_containing("Streak: "));
    assert!(app.shows("Last 12 weeks"));
    assert!(
        app.shows("19 Oct"),
        "calendar rows are labelled by their Monday"
    );
    assert!(app.shows("Dose over time:"));
    assert!(app.shows("Pain"));
    assert!(
        app.shows_containing("Sat 21 Nov 2026, 07:30"),
        "newest session listed"
    );
    assert_eq!(app.app().sessions().len(), count);
}

#[test]
fn choosing_an_exercise_changes_the_dose_chart() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.click("History");
    use egui_kittest::kittest::Queryable as _;
    assert!(
        app.harness.query_by_value("Front plank").is_some(),
        "opens on the first exercise whose dose changed, not the flat warm-up"
    );
    app.click_role(egui::accesskit::Role::ComboBox, "exercise");
    app.click("Dead bug");
    assert!(
        app.harness.query_by_value("Dead bug").is_some(),
        "the chart now shows the dead bug"
    );
    assert!(app.harness.query_by_value("Front plank").is_none());
}

#[test]
fn a_past_session_opens_with_prescribed_done_pain_light_and_reasons() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.click("History");
    open_newest_session(&mut app);
    assert!(app.shows("Session of Saturday 21 November 2026, 07:30"));
    assert!(app.shows_containing("back pain before: "));
    assert!(app.shows_containing("worst pain during: "));
    assert!(app.shows_containing("How it went: "));
    assert!(
        app.shows_containing("worst pain 3 or less")
            || app.shows_containing("amber: worst pain up to 5")
            || app.shows_containing("red: worst pain 6 or more"),
        "the light is explained in words"
    );
    assert!(app.shows("Prescribed"));
    assert!(app.shows("Side plank"));
    app.click("Back to history");
    assert_eq!(app.app().screen_kind(), ScreenKind::History);
}

#[test]
fn an_empty_history_screen_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.click("History");
    assert!(app.shows("No sessions yet."));
    assert!(
        app.shows("Last 4 weeks: —"),
        "nothing is planned yet on the first day, so no percentage"
    );
}

#[test]
fn report_and_csv_buttons_save_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.click("History");
    app.click("Report…");
    assert!(app.shows("Save the report for your clinician"));
    app.save_in(dir.path());
    let report = std::fs::read_to_string(dir.path().join("strongback-report-2026-11-24.html"))
        .expect("saved");
    assert!(report.contains("Each exercise at the start and the end of the period"));
    // The same figures in History and in the report for the same period (first record to
    // today): one definition, one sentence.
    let since = app.app().history_figures().expect("history is showing");
    assert!(
        report.contains(&format!("<b>Adherence: {}</b>: {};", since.0, since.1)),
        "History says {since:?}; the report says {}",
        report
            .split("<b>Adherence")
            .nth(1)
            .and_then(|r| r.split("</p>").next())
            .unwrap_or("nothing")
    );
    // The app and `strongback report` build the report with the same code: same page.
    let cli_report = dir.path().join("from-cli.html");
    let code = strongback::cli::run_command(
        &strongback::cli::Command::Report {
            out: Some(cli_report.clone()),
            csv: None,
            weeks_csv: None,
            events_csv: None,
            activities_csv: None,
            from: None,
            to: Some(common::ymd(2026, 11, 24)),
            force: false,
        },
        None,
        Some(dir.path()),
    )
    .expect("runs");
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(cli_report).expect("written"),
        report,
        "the app's report and the command's report are the same page"
    );
    app.click("Export CSV…");
    app.save_in(dir.path());
    let csv = std::fs::read_to_string(dir.path().join("strongback-sessions-2026-11-24.csv"))
        .expect("saved");
    assert!(csv.starts_with("date,started_at,"));
}

/// A red session makes the rest of its date a rest day, but its own detail shows what it was
/// given that morning, not "rest".
#[test]
fn a_red_sessions_detail_shows_what_it_was_given_not_the_rest_that_followed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.press(egui::Key::Escape);
    app.click("End and save");
    app.choose("Worst pain: 8");
    app.click("Save answers");
    app.click("Back to home");
    app.click("History");
    open_newest_session(&mut app);
    assert!(app.shows_containing("How it went: red"));
    assert!(
        !app.shows_containing("Rest for the rest of today"),
        "the detail shows the morning's decision"
    );
    assert_eq!(
        app.app().todays_decision().map(|d| d.status),
        Some(strongback::domain::care::rules::Status::Rest),
        "while today itself is now a rest day"
    );
}

/// After one session ended early on the first day, every figure tells the same truth: half of
/// one planned session, in History's last 4 weeks and since the start alike, and on home.
#[test]
fn one_partial_session_on_the_first_day_is_half_of_one_planned_everywhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    // The first exercise done, then ended: partial (ended with nothing done would not count).
    app.wait_secs(10 + 24);
    app.press(egui::Key::Escape);
    app.click("End and save");
    app.choose("Worst pain: 2");
    app.click("Save answers");
    app.click("Back to home");
    // One meaning of done: an ended-early session is partial on home, in History's headline
    // and in its table, and home says what today's session came to.
    assert!(
        app.shows("This week: 0 of 3 sessions completed, 1 partial"),
        "home counts the session as partial"
    );
    assert!(app.shows("Today's session was ended early: it counts as partial, not completed."));
    assert!(app.shows("Start again"));
    app.click("History");
    assert!(app.shows("This week: 0 of 3 sessions completed, 1 partial"));
    assert!(app.shows("Last 4 weeks: 50 %"), "not 4 %");
    assert!(app.shows_containing(": 50 %"));
    assert_eq!(
        app.app().history_figures().map(|f| f.1),
        Some("0 completed, 1 partial and 0 missed of 1 planned".to_owned())
    );
    assert!(app.shows("0 completed, 1 partial and 0 missed of 1 planned"));
}

/// Home shows the week against the plan, the streak and the latest change of dose; a
/// session's detail says what changed since the one before.
#[test]
fn home_and_session_detail_show_progress_the_person_can_feel() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.harness.state_mut().wait_for_sessions();
    app.harness.run();
    assert!(app.shows_containing("This week: "));
    assert!(app.shows_containing("Streak: "));
    let change = strongback::domain::progress::dose_changes::last_dose_change(app.app().sessions())
        .expect("the generated history progresses");
    assert!(
        app.shows(&format!("Latest change: {}", change.sentence())),
        "{}",
        change.sentence()
    );
    // The session that brought that change says so in its detail.
    let index = app
        .app()
        .sessions()
        .iter()
        .rposition(|s| s.started_at.date_naive() == change.date)
        .expect("that session");
    app.apply(strongback::ui::Action::Go(Destination::PastSession(index)));
    assert_eq!(app.app().screen_kind(), ScreenKind::SessionDetail);
    assert!(app.shows("Since the previous session:"));
    assert!(app.shows(&format!("• {}", change.sentence())));
}

/// Calendar days are named for a screen reader, in words, as hover shows them.
#[test]
fn calendar_days_are_named_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.click("History");
    // The generated history has a session on Saturday 21 November.
    assert!(app.shows("Saturday 21 November: session completed"));
    assert!(app.shows("Tuesday 24 November: nothing recorded"));
}

/// Each chart can be read in words (a screen reader hears it on the header).
#[test]
fn each_chart_can_be_read_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    with_history(dir.path());
    let mut app = open_app(dir.path());
    app.click("History");
    // The first point of the chart, in words: the first session that reached the plank.
    let sessions = app.app().sessions().to_vec();
    let first = strongback::domain::progress::figures::dose_series(&sessions, "plank")
        .first()
        .map(|p| format!("{} {} on {}", p.amount, p.unit, p.date.format("%-d %b")))
        .expect("a plank point");
    assert!(
        app.shows_containing(&format!(
            "The chart in words: Front plank (best set): {first}"
        )),
        "{first}"
    );
    assert!(app.shows_containing("The chart in words: Back pain "));
}
