//! The printable handout: what it contains, that it needs no network, and both ways to make it.

use strongback::cli::{Command, run_command};
use strongback::report::handout::handout_html;
use strongback::store::plan_file::check_plan_text;

use crate::common::{self, EXAMPLE_PLAN, catalog, example_plan};

fn example_handout() -> String {
    handout_html(&example_plan(), &catalog())
}

#[test]
fn handout_has_clinician_dates_and_every_exercise_with_picture_dose_and_notes() {
    let html = example_handout();
    for expected in [
        "<h1>Leg-friendly core plan</h1>",
        "Alex Morgan, physiotherapist",
        "Riverside Clinic",
        "01632 960 123",
        "1 Dec 2026",
        "12 Jan 2027",
        "3 a week",
        "Curl-up",
        "Side plank",
        "10 s each side",
        "10 reps, 2 sets",
        "Slow and smooth; the stick stays in contact.",
        "You need: broomstick or dowel",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    let exercises = html.matches("<section class=\"exercise\">").count();
    assert_eq!(exercises, 7);
    // Each step's start and end, or its one held position, with its own words.
    let holds = html
        .matches("<figcaption>Hold this position</figcaption>")
        .count();
    let moving = html.matches("<figcaption>Start</figcaption>").count();
    assert_eq!(html.matches("<figcaption>End</figcaption>").count(), moving);
    assert_eq!(
        holds + moving,
        exercises,
        "every exercise has its positions"
    );
    assert!(holds > 0 && moving > 0, "{holds} holds, {moving} moving");
    assert_eq!(html.matches("<svg ").count(), holds + 2 * moving);
    assert!(html.contains("aria-label=\"Bird dog: start\""));
    assert!(html.contains("aria-label=\"Bird dog: end\""));
}

#[test]
fn handout_is_self_contained_and_prints_on_a4_and_letter() {
    let html = example_handout();
    for forbidden in ["<script", "<link", "<img", "src=", "url(http", "@import"] {
        assert!(
            !html.contains(forbidden),
            "{forbidden} would need the network or a file"
        );
    }
    let hrefs: Vec<_> = html
        .match_indices("http")
        .map(|(i, _)| &html[i..i + 26])
        .collect();
    assert!(
        hrefs
            .iter()
            .all(|h| h.starts_with("http://www.w3.org/2000/svg")),
        "only the SVG namespace: {hrefs:?}"
    );
    assert!(
        html.contains("@page { margin: 12mm; }"),
        "no fixed paper size, so A4 and Letter both fit"
    );
    assert!(
        html.contains("break-inside: avoid"),
        "an exercise is never split across pages"
    );
}

#[test]
fn text_from_the_plan_is_escaped() {
    let catalog = catalog();
    let text = EXAMPLE_PLAN.replace(
        "Slow and smooth; the stick stays in contact.",
        "<script>alert('x')</script> & \\\"quotes\\\"",
    );
    let checked = check_plan_text("p.ron", &text, &catalog).expect("valid");
    let html = handout_html(&checked, &catalog);
    assert!(!html.contains("<script>"));
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
    );
}

/// The physio's handout with the training days as a calendar file: the plan's three sessions
/// a week on Mon, Wed and Fri, until its review date, parsed back.
#[test]
fn cli_writes_the_calendar_file_beside_the_handout() {
    use icalendar::Component as _;
    use std::str::FromStr as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("handout.html");
    let calendar = dir.path().join("training days.ics");
    let code = run_command(
        &Command::Handout {
            plan: "assets/examples/physio-plan.ron".into(),
            out: out.clone(),
            calendar: Some(calendar.clone()),
            force: false,
        },
        None,
        None,
    )
    .expect("runs");
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&calendar).expect("written");
    let parsed = icalendar::Calendar::from_str(&text).expect("parses");
    let event = parsed.events().next().expect("one event");
    let rule = event.property_value("RRULE").expect("repeats");
    assert!(rule.starts_with("FREQ=WEEKLY;BYDAY="), "{rule}");
    let plan = example_plan();
    let review = plan
        .plan
        .review_date
        .expect("the example has a review date");
    if review >= chrono::Local::now().date_naive() {
        assert!(
            rule.ends_with(&format!(";UNTIL={}T235959", review.format("%Y%m%d"))),
            "{rule}"
        );
    }
    assert!(
        event
            .get_description()
            .is_some_and(|d| d.contains("Alex Morgan")),
        "{text}"
    );
}

#[test]
fn cli_writes_the_handout_and_refuses_an_invalid_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("handout.html");
    let code = run_command(
        &Command::Handout {
            plan: "assets/examples/physio-plan.ron".into(),
            out: out.clone(),
            calendar: None,
            force: false,
        },
        None,
        None,
    )
    .expect("runs");
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        example_handout()
    );

    let refused = dir.path().join("refused.html");
    let code = run_command(
        &Command::Handout {
            plan: "tests/fixtures/plans/unknown_exercise.ron".into(),
            out: refused.clone(),
            calendar: None,
            force: false,
        },
        None,
        None,
    )
    .expect("runs");
    assert_eq!(code, 1);
    assert!(!refused.exists());

    // An existing file is not replaced without --force.
    std::fs::write(&out, "the physio's own notes").expect("write");
    let handout = |force| Command::Handout {
        plan: "assets/examples/physio-plan.ron".into(),
        out: out.clone(),
        calendar: None,
        force,
    };
    assert_eq!(run_command(&handout(false), None, None).expect("runs"), 1);
    assert_eq!(
        std::fs::read_to_string(&out).expect("kept"),
        "the physio's own notes"
    );
    assert_eq!(run_command(&handout(true), None, None).expect("runs"), 0);
    assert_eq!(
        std::fs::read_to_string(&out).expect("replaced"),
        example_handout()
    );
}

#[test]
fn the_handout_button_saves_the_current_plan_as_a_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::open_app(dir.path());
    app.click("Handout…");
    assert!(app.shows("Save a printable handout"));
    assert_eq!(
        app.app().file_picker().expect("picker").file_name,
        "back-care-circuit-handout.html"
    );
    app.save_in(dir.path());
    let page =
        std::fs::read_to_string(dir.path().join("back-care-circuit-handout.html")).expect("saved");
    assert!(page.contains("<h1>Back-care circuit</h1>"));
    assert!(page.contains("none (built-in plan)"));
    assert!(app.shows_containing("Handout saved to"));
}

/// A setting looser than the spec's default is allowed inside its range, and the handout and
/// the report say so in words.
#[test]
fn a_looser_setting_is_printed_on_the_handout_and_in_the_report() {
    let mut plan = example_plan();
    let sentence = "Red starts at 7/10 instead of 6/10, set by the clinician.";
    assert!(!handout_html(&plan, &catalog()).contains(sentence));
    plan.plan.rules.amber_max_pain = 6;
    let plan = plan
        .plan
        .checked(&catalog())
        .expect("amber 6 is inside its range");
    assert!(handout_html(&plan, &catalog()).contains(sentence));
    let report = strongback::report::clinician::clinician_report(
        &strongback::report::clinician::ReportSource {
            plan: &plan,
            catalog: &catalog(),
            sessions: &[],
            days: &[],
            unreadable: &[],
        },
        common::ymd(2026, 12, 1),
        common::ymd(2026, 12, 7),
    );
    assert!(report.contains(sentence));
}
