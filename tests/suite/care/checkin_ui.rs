//! Intake, check-ins, red flags, clearance and after-session answers, driven by their labels.

use std::time::Duration;

use crate::common::{self, assets, open_app, open_app_raw};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use strongback::ScreenKind;
use strongback::domain::care::checkin::RedFlag;
use strongback::domain::care::rules::Status;

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

#[test]
fn first_start_asks_the_intake_then_training_needs_no_second_check_in_that_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app_raw(dir.path());
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    assert!(app.shows("Welcome. First, a few safety questions"));
    // Asked as present now: a long-standing sign is what the intake must catch.
    assert!(app.shows(RedFlag::SaddleNumbness.intake_question()));
    assert!(!app.shows(RedFlag::SaddleNumbness.question()));
    assert!(app.shows_containing("These come first because"));
    // Ticking nothing is not an answer at the intake: there is no Next to press.
    assert!(!app.shows("Next"));
    app.click("None of these apply to me");
    assert!(app.shows_containing("not a validated score"));
    let save = app
        .harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Save check-in");
    assert!(
        save.accesskit_node().is_disabled(),
        "cannot save before answering"
    );
    assert!(app.shows_containing(
        "Still to answer: back pain right now, leg pain right now, which describes your pain \
         best, your activities (rate each, or skip for now)."
    ));
    app.choose("Back pain: 3");
    assert!(app.shows_containing("Still to answer: leg pain right now"));
    app.choose("Leg pain: 0");
    app.choose("pain shooting into a leg");
    app.skip_activities();
    app.click("Save check-in");
    // Today follows the intake's check-in too, with the answers still open to change.
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    assert!(app.shows("Your answers are saved. Here is today"));
    app.click("Change my answers");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    let three = app
        .harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, "Back pain: 3");
    assert_eq!(
        three.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True),
        "the answers as given"
    );
    app.skip_activities();
    app.click("Save check-in");
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    let today = &app.app().history()[0];
    assert_eq!(today.check_in.as_ref().and_then(|c| c.back_pain), Some(3));
    assert_eq!(today.check_in.as_ref().and_then(|c| c.leg_pain), Some(0));
    assert_eq!(
        today.check_in.as_ref().and_then(|c| c.function),
        None,
        "daily-life items left alone are not recorded"
    );
    app.click("Not now");
    app.click("Start");
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Player,
        "already checked in today"
    );
}

#[test]
fn a_daily_check_in_with_no_changes_lands_on_today_and_can_be_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.wait(DAY);
    app.click("Start");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    // The daily wording compares with the last check-in.
    assert!(app.shows(RedFlag::SaddleNumbness.question()));
    app.click("None of these apply to me");
    app.choose("Back pain: 2");
    app.choose("Leg pain: 0");
    app.skip_activities();
    app.click("Save check-in");
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    assert!(app.shows("Nothing changes from your plan today."));
    app.click("Change my answers");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    assert!(app.shows("Save check-in"));
}

#[test]
fn an_emergency_flag_stops_training_until_a_clearance_is_stated() {
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let mut app = open_app_raw(dir.path());
        app.tick(RedFlag::UrineChange.intake_question());
        app.click("Save answers");
        assert_eq!(app.app().screen_kind(), ScreenKind::Home);
        assert!(app.shows("STOP: get emergency care now"));
        assert!(app.shows_containing("emergency department or call emergency services now"));
        assert!(!app.shows("Start"), "no way to train");
    }
    // Still stopped after a restart and on later days.
    let mut app = open_app(dir.path());
    app.wait(DAY * 3);
    assert!(app.shows("STOP: get emergency care now"));
    app.click("A clinician has assessed me and cleared me to exercise");
    assert!(app.shows("Cleared to exercise?"));
    let field = app.harness.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "Who cleared you, and when (optional):",
    );
    field.focus();
    field.type_text("Dr Patel, A&E");
    app.harness.run();
    app.click("Yes, a clinician has cleared me");
    assert!(!app.shows("STOP: get emergency care now"));
    assert!(app.shows("Start"));
    let cleared = app
        .app()
        .history()
        .iter()
        .find(|d| d.clearance.is_some())
        .expect("clearance stored");
    assert_eq!(
        cleared.date.to_string(),
        "2026-11-27",
        "stored with its date"
    );
    assert_eq!(
        cleared.clearance.as_ref().map(|c| c.note.as_str()),
        Some("Dr Patel, A&E")
    );
}

#[test]
fn cancelling_the_clearance_dialog_keeps_the_pause() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app_raw(dir.path());
    app.tick(RedFlag::FeverOrUnwell.intake_question());
    app.click("Save answers");
    assert!(app.shows("Training paused: see a doctor in the next few days"));
    app.click("A clinician has assessed me and cleared me to exercise");
    app.click("Cancel");
    assert!(app.shows("Training paused: see a doctor in the next few days"));
    assert_eq!(
        app.app().todays_decision().map(|d| d.status),
        Some(Status::Paused)
    );
}

#[test]
fn a_red_session_report_makes_the_next_day_a_rest_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.wait_secs(60);
    app.press(egui::Key::Escape);
    app.click("End and save");
    assert!(app.shows("How did it go?"));
    assert!(
        app.shows("Cat-camel"),
        "each exercise can be marked done or not"
    );
    app.choose("Worst pain: 7");
    app.click("Save answers");
    assert!(app.shows("Thank you, your answers are saved."));
    let report = app.app().history()[0]
        .sessions
        .first()
        .cloned()
        .expect("report stored");
    assert!(
        report.started_at.is_some(),
        "the report is keyed by its session's start"
    );
    assert_eq!(report.worst_pain, 7);
    assert!(
        !report.completed("plank"),
        "pre-filled from the record: not reached"
    );
    app.click("Back to home");
    app.wait(DAY);
    assert!(app.shows("Rest day"));
    assert!(app.shows_containing("was red"));
    assert!(!app.shows("Start"));
    app.wait(DAY);
    assert!(app.shows("Start"), "48 hours later");
}

#[test]
fn the_next_day_asks_again_including_the_morning_after() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.press(egui::Key::Escape);
    app.click("End and save");
    app.choose("Worst pain: 2");
    app.click("Save answers");
    app.click("Back to home");
    app.wait(DAY);
    app.click("Start");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    app.click("Next");
    assert!(app.shows_containing("The morning after your last session"));
    app.choose("Back pain: 2");
    app.choose("Leg pain: 0");
    app.choose("worse, and it has not settled");
    app.skip_activities();
    app.click("Save check-in");
    // The morning-after answer turned yesterday's session red: rest, shown before anything
    // starts, with no way to start.
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    assert!(app.shows("Rest day"));
    assert!(!app.shows("Start session"));
}

#[test]
fn leg_symptoms_spreading_show_why_today_is_different() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.wait(DAY);
    app.click("Start");
    app.click("Next");
    app.choose("Back pain: 3");
    app.choose("Leg pain: 4");
    app.choose("thigh");
    app.choose("further down the leg");
    app.skip_activities();
    app.click("Save check-in");
    // The decision comes first: the warning and its reason, before the session.
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    assert!(app.shows("What changes today, and why"));
    assert!(app.shows_containing("Your leg symptoms have spread"));
    // A wrong answer can be changed: back to the questions, answers kept.
    app.click("Change my answers");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    assert!(app.shows("Save check-in"));
    app.choose("about the same");
    app.skip_activities();
    app.click("Save check-in");
    assert_eq!(app.app().screen_kind(), ScreenKind::Today);
    assert!(!app.shows_containing("Your leg symptoms have spread"));
    let check_ins = app
        .app()
        .history()
        .iter()
        .filter(|d| d.check_in.is_some())
        .count();
    assert_eq!(check_ins, 2, "the intake and one check-in today, replaced");
    app.click("Start session");
    assert_eq!(
        app.app().screen_kind(),
        ScreenKind::Player,
        "starting is its own step"
    );
}

#[test]
fn the_app_and_simulate_decide_the_same_from_the_same_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    for pain in [2, 2, 5, 7] {
        app.start();
        app.press(egui::Key::Escape);
        app.click("End and save");
        app.choose(&format!("Worst pain: {pain}"));
        app.click("Save answers");
        app.click("Back to home");
        app.wait(DAY * 2);
    }
    let from_app = app.app().todays_decision().expect("decision");
    let assets = assets();
    let plan = app.app().plan().expect("plan").clone();
    let history = strongback::store::days_file::read_days(&dir.path().join("history.ron"), None)
        .expect("history file reads as a days file");
    let replayed = strongback::domain::care::rules::replay(&plan, &assets.catalog, &history.days);
    let mut extended = history.days.clone();
    extended.push(strongback::domain::care::checkin::Day::on(from_app.date));
    let today_from_simulate =
        strongback::domain::care::rules::replay(&plan, &assets.catalog, &extended)
            .into_iter()
            .find(|d| d.date == from_app.date)
            .expect("today");
    assert_eq!(today_from_simulate, from_app);
    assert!(!replayed.is_empty());
}

/// Three red sessions in two weeks: the request to book a clinician stays on home until the
/// person says they have seen one; that is saved with the date and the request goes.
#[test]
fn a_referral_stays_until_the_person_says_a_clinician_has_seen_them() {
    use strongback::domain::care::checkin::Day;
    let dir = tempfile::tempdir().expect("temp dir");
    let today = common::morning().date_naive();
    let days: Vec<Day> = [12, 8, 4]
        .iter()
        .map(|ago| Day {
            check_in: Some(common::check_in(3)),
            sessions: vec![common::report(7)],
            ..Day::on(today - chrono::Duration::days(*ago))
        })
        .collect();
    let store = strongback::store::Store::open(dir.path()).expect("store");
    store.save_history(&days).expect("save");
    let mut app = open_app(dir.path());
    assert_eq!(
        app.app().todays_decision().map(|d| d.referral),
        Some(strongback::domain::care::rules::Referral::Routine)
    );
    assert!(app.shows_containing("please book an appointment with a clinician"));
    app.click("I have seen a clinician about this");
    assert!(app.shows("Seen a clinician?"));
    app.click("Yes, I have seen a clinician");
    assert_eq!(
        app.app().todays_decision().map(|d| d.referral),
        Some(strongback::domain::care::rules::Referral::None)
    );
    assert!(!app.shows("I have seen a clinician about this"));
    let (saved, _) = store.load_history();
    assert!(
        saved
            .iter()
            .any(|d| d.date == today && d.clinician_seen.is_some()),
        "saved with today's date"
    );
}

/// A background risk factor is asked once, at the intake: a "yes" pauses training and the
/// pause names it; the clearance says what it covers; the next day's check-in asks only the
/// current signs, as "new or worse".
#[test]
fn a_risk_factor_is_asked_once_and_cleared_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app_raw(dir.path());
    assert!(app.shows("About your health in general"));
    app.tick(RedFlag::CancerHistory.question());
    app.click("Save answers");
    assert!(app.shows("Training paused: see a doctor in the next few days"));
    assert!(
        app.shows_containing("You answered yes to: a history of cancer."),
        "the pause names the answer"
    );
    let check_in = app.app().history()[0].check_in.clone().expect("stored");
    assert_eq!(
        (check_in.back_pain, check_in.leg_pain),
        (None, None),
        "ended by a red flag: no pain recorded, not zeros"
    );
    app.click("A clinician has assessed me and cleared me to exercise");
    assert!(app.shows_containing("It covers: a history of cancer."));
    app.click("Yes, a clinician has cleared me");
    let clearance = app
        .app()
        .history()
        .iter()
        .find_map(|d| d.clearance.clone())
        .expect("clearance stored");
    assert_eq!(clearance.covers, vec![RedFlag::CancerHistory]);
    assert!(app.shows("Start"));
    app.wait(DAY);
    app.click("Start");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    assert!(app.shows(RedFlag::MidBackPain.question()));
    assert!(
        !app.shows(RedFlag::CancerHistory.question()),
        "not asked again each day"
    );
    assert!(!app.shows("About your health in general"));
}

/// The pain-kind answer shapes a plan without a presentation only when the person says so.
#[test]
fn the_kind_of_pain_shapes_the_plan_only_when_confirmed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app_raw(dir.path());
    app.click("None of these apply to me");
    app.choose("Back pain: 3");
    app.choose("Leg pain: 0");
    app.choose("pain shooting into a leg");
    app.tick("Use this answer to shape my plan (for example, no forward bending with leg pain)");
    app.skip_activities();
    app.click("Save check-in");
    let check_in = app.app().history()[0].check_in.clone().expect("stored");
    assert!(check_in.confirms_presentation);
}

/// Two sessions on one day: each keeps its own after-session answers.
#[test]
fn a_second_session_on_a_day_keeps_the_first_ones_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    for pain in [2, 4] {
        app.start();
        app.wait_secs(20);
        app.press(egui::Key::Escape);
        app.click("End and save");
        app.choose(&format!("Worst pain: {pain}"));
        app.click("Save answers");
        app.click("Back to home");
        app.wait_secs(600);
    }
    let today = app
        .app()
        .history()
        .iter()
        .find(|d| d.date == common::morning().date_naive())
        .expect("today");
    let pains: Vec<u8> = today.reports().map(|r| r.worst_pain).collect();
    assert_eq!(pains, vec![2, 4], "one report per session");
}

#[test]
fn the_morning_after_question_comes_only_at_the_first_check_in_after_a_session() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.start();
    app.wait_secs(60);
    app.press(egui::Key::Escape);
    app.click("End and save");
    app.choose("Worst pain: 2");
    app.click("Save answers");
    app.click("Back to home");
    // The next day: asked.
    app.wait_secs(24 * 3600);
    app.click("Start");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    app.click("Next");
    assert!(app.shows_containing("The morning after your last session"));
    app.choose("better");
    app.choose("Back pain: 2");
    app.choose("Leg pain: 0");
    app.choose("a general ache across the low back");
    app.skip_activities();
    app.click("Save check-in");
    app.click("Not now");
    // A day later, with no session in between: not asked again.
    app.wait_secs(24 * 3600);
    app.click("Start");
    assert_eq!(app.app().screen_kind(), ScreenKind::CheckIn);
    app.click("Next");
    assert!(
        !app.shows_containing("The morning after your last session"),
        "that session's morning after was already answered"
    );
}

/// Numbness reported one day is asked about as "still there" the next (not as "new"), and
/// ticking it keeps the warning: 48 h on, a routine referral.
#[test]
fn numbness_from_an_earlier_check_in_is_asked_as_still_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app(dir.path());
    app.wait(DAY);
    app.click("Start");
    app.click("Next");
    app.choose("Back pain: 3");
    app.choose("Leg pain: 0");
    app.tick("I have new numbness or tingling in a leg");
    app.skip_activities();
    app.click("Save check-in");
    assert!(app.shows_containing("Your leg symptoms have spread"));
    let first = app.app().todays_decision().expect("decision").date;
    let reported = first.format("%-d %b").to_string();
    for _ in 0..2 {
        app.click("Not now");
        app.wait(DAY);
        app.click("Start");
        app.click("Next");
        assert!(!app.shows("I have new numbness or tingling in a leg"));
        app.choose("Back pain: 3");
        app.choose("Leg pain: 0");
        app.tick(&format!(
            "The numbness or tingling in my leg that I reported on {reported} is still there"
        ));
        app.skip_activities();
        app.click("Save check-in");
    }
    let decision = app.app().todays_decision().expect("decision");
    assert_eq!(
        decision.referral,
        strongback::domain::care::rules::Referral::Routine,
        "{:?}",
        decision.reasons
    );
}

/// Answering one question never moves the next under the pointer: choosing a leg pain, or a
/// kind of pain, leaves every later question where it was.
#[test]
fn answers_never_move_the_questions_below_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = open_app_raw(dir.path());
    app.click("None of these apply to me");
    let place = |app: &common::TestApp, label: &str| app.harness.get_by_label(label).rect();
    let before = place(&app, "pain shooting into a leg");
    let daily_life = place(&app, "How your back affects daily life (optional)");
    app.choose("Leg pain: 4");
    assert_eq!(place(&app, "pain shooting into a leg"), before);
    app.choose("pain shooting into a leg");
    assert_eq!(
        place(&app, "How your back affects daily life (optional)"),
        daily_life
    );
    assert!(
        !app.shows("Since last time, is it…"),
        "the intake has no last time"
    );
}
