//! What start-up reads, and what the app keeps in memory: today's decided from a large history
//! as soon as it is read (and never from days that changed since), and years of session
//! records read for History and let go when a session starts.

use strongback::ScreenKind;
use strongback::domain::care::rules::decide;
use strongback::store::Store;
use strongback::ui::{Action, Destination};

use crate::common::{self, generated, long_history, morning, open_app_raw, ymd};

/// The rules' decision for today from the app's own days and plan, made afresh.
fn decided_afresh(app: &common::TestApp) -> strongback::domain::care::rules::DayDecision {
    let assets = common::assets();
    let plan = app.app().plan().expect("a plan");
    decide(
        &plan.plan,
        &plan.circuit,
        &assets.catalog,
        app.app().history(),
        morning().date_naive(),
    )
}

#[test]
fn todays_decision_from_a_large_history_is_the_rules_own_and_follows_a_new_check_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("store");
    store.save_history(&long_history()).expect("save");
    let mut app = open_app_raw(dir.path());
    app.harness.state_mut().wait_for_background_loading();
    app.harness.run();
    assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    let at_start = app.app().todays_decision().expect("decided");
    assert_eq!(at_start, decided_afresh(&app));
    // After a check-in, today's decision is made from the days as they are now.
    app.click("Start");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    app.answer_check_in(6);
    let after = app.app().todays_decision().expect("decided");
    assert_eq!(after, decided_afresh(&app));
}

#[test]
fn years_of_session_records_are_read_for_history_and_let_go_when_a_session_starts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = morning().date_naive();
    let (sessions, days) = generated(ymd(2026, 9, 20), 60, 1);
    let sessions: Vec<_> = sessions
        .into_iter()
        .filter(|s| s.started_at.date_naive() < today)
        .collect();
    let days: Vec<_> = days.into_iter().filter(|d| d.date < today).collect();
    let store = Store::open(dir.path()).expect("store");
    for record in &sessions {
        store.save_session(record).expect("save");
    }
    store.save_history(&days).expect("save");
    let newest = sessions.last().expect("sessions").started_at;

    let mut app = open_app_raw(dir.path());
    app.harness.state_mut().wait_for_background_loading();
    app.harness.run();
    let kept = app.app().sessions();
    assert!(kept.len() <= 20, "home keeps only the newest records");
    assert_eq!(kept.last().map(|s| s.started_at), Some(newest));

    app.click("History");
    assert_eq!(app.app().screen_kind(), ScreenKind::History);
    assert_eq!(
        app.app().sessions().len(),
        sessions.len(),
        "History reads them all"
    );

    app.apply(Action::Go(Destination::Home));
    app.start();
    assert_eq!(app.app().screen_kind(), ScreenKind::Player);
    assert!(
        app.app().sessions().len() <= 20,
        "a session starts without years of records in memory"
    );
}
