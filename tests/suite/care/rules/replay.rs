//! The history as the rules read it: one decision per date whatever the order of its
//! entries, deciding a date alone or in a replay, a check-in ended by a red flag, old days
//! files, and `simulate`.

use proptest::prelude::*;
use strongback::domain::care::checkin::RedFlag;
use strongback::domain::care::rules::{Light, Status, decide, replay};

use super::{
    arb_flag_history, date, day, decide_on, flagged, mcgill_plan, presentation_values, small_plan,
};
use crate::common::{beside_source, catalog, check_in, example_plan, report};

proptest! {
    #![proptest_config(beside_source(ProptestConfig::with_cases(48)))]

    /// Replaying a whole history date by date (one fold, as `simulate` does) decides every
    /// date exactly as deciding that date alone does.
    #[test]
    fn replaying_a_history_decides_each_date_as_deciding_it_alone(
        days in arb_flag_history(),
        presentation in presentation_values(),
    ) {
        let p = small_plan(presentation, "");
        let catalog = catalog();
        let replayed = replay(&p, &catalog, &days);
        let mut dates: Vec<_> = days.iter().map(|d| d.date).collect();
        dates.sort();
        dates.dedup();
        prop_assert_eq!(replayed.len(), dates.len());
        for (decision, date) in replayed.iter().zip(dates) {
            let alone = decide(&p.plan, &p.circuit, &catalog, &days, date);
            prop_assert_eq!(decision, &alone);
        }
    }
}

#[test]
fn entries_of_one_date_decide_the_same_in_any_order() {
    let p = small_plan("NotSet", "");
    let mut warn = check_in(4);
    warn.new_numbness = true;
    let check = day(3, Some(warn), None);
    let session = day(3, None, Some(report(5)));
    let before = vec![day(1, Some(check_in(4)), Some(report(2)))];
    let mut a = before.clone();
    a.extend([check.clone(), session.clone()]);
    let mut b = before;
    b.extend([session, check]);
    for n in [3, 4, 6] {
        assert_eq!(decide_on(&p, &a, n), decide_on(&p, &b, n), "day {n}");
    }
    // The session took that day's check-in pain (4): 5 is within green_rise, so green.
    assert_eq!(decide_on(&p, &a, 4).light, Some(Light::Green));
}

#[test]
fn a_check_in_ended_by_a_red_flag_has_no_pain_and_is_a_gap_in_the_chart() {
    let days = vec![
        day(1, Some(check_in(3)), None),
        flagged(2, &[RedFlag::ConstantNightPain], false),
    ];
    let points = strongback::domain::progress::figures::pain_series(&days);
    assert_eq!(points.len(), 2);
    assert_eq!(points[0].back, Some(3.0));
    assert_eq!(
        (points[1].back, points[1].leg),
        (None, None),
        "a gap, not a zero"
    );
}

#[test]
fn simulate_gives_one_json_object_per_date_in_date_order() {
    use strongback::cli::simulate_command::decision_json;
    use strongback::store::days_file::read_days;
    let p = example_plan();
    let mut days = read_days(std::path::Path::new("assets/examples/days.ron"), None)
        .expect("example days file")
        .days;
    days.reverse(); // order in the file does not matter
    let decisions = replay(&p, &catalog(), &days);
    let lines: Vec<serde_json::Value> = decisions
        .iter()
        .map(|d| serde_json::from_str(&decision_json(d)).expect("valid JSON"))
        .collect();
    let dates: Vec<&str> = lines
        .iter()
        .map(|l| l["date"].as_str().expect("date"))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(dates, sorted, "one line per date, in order");
    assert_eq!(dates.len(), 12);
    for line in &lines {
        let keys: Vec<&String> = line.as_object().expect("object").keys().collect();
        assert_eq!(keys.len(), 6, "{keys:?}");
        for key in [
            "date",
            "status",
            "light",
            "referral",
            "exercises",
            "reasons",
        ] {
            assert!(line.get(key).is_some(), "{key}");
        }
        for exercise in line["exercises"].as_array().expect("array") {
            for key in ["id", "step", "sets", "hold_secs", "reps", "per_side"] {
                assert!(exercise.get(key).is_some(), "{key}");
            }
        }
    }
    assert_eq!(lines[0]["light"], serde_json::Value::Null);
    assert_eq!(lines[1]["light"], "green");
    let paused = lines
        .iter()
        .find(|l| l["date"] == "2026-12-12")
        .expect("12th");
    assert_eq!(paused["status"], "paused");
    assert_eq!(paused["referral"], "urgent");
    assert_eq!(paused["exercises"].as_array().map(Vec::len), Some(0));
    let rest = lines
        .iter()
        .find(|l| l["date"] == "2026-12-06")
        .expect("6th");
    assert_eq!(rest["status"], "rest");
}

#[test]
fn simulate_replays_a_version_one_days_file_with_its_old_session_field() {
    let text = r#"(schema_version: 1, days: [
        (date: "2026-12-01", check_in: Some((back_pain: 2, pain_kind: Some(GeneralAche))), session: Some((worst_pain: 7))),
    ])"#;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.ron");
    std::fs::write(&path, text).expect("write");
    let file = strongback::store::days_file::read_days(&path, None).expect("reads");
    assert_eq!(file.days[0].sessions.len(), 1, "moved into sessions");
    assert!(
        file.days[0]
            .check_in
            .as_ref()
            .is_some_and(|c| c.confirms_presentation),
        "version 1 acted on the answer"
    );
    let p = mcgill_plan("");
    let decisions = replay(&p, &catalog(), &file.days);
    assert_eq!(decisions.len(), 1);
    let next = decide(&p.plan, &p.circuit, &catalog(), &file.days, date(2));
    assert_eq!(next.status, Status::Rest);
}

#[test]
fn simulate_takes_the_exercises_the_rules_prescribed_and_refuses_unknown_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan_path = dir.path().join("plan.ron");
    std::fs::write(
        &plan_path,
        r#"(schema_version: 2, name: "Spasm", presentation: Spasm, blocks: [
            (name: "Circuit", rounds: 1, items: [(exercise: "plank", step: 1), (exercise: "bridge", step: 2)]),
        ])"#,
    )
    .expect("write plan");
    let run = |completed: &str| {
        let days_path = dir.path().join("days.ron");
        std::fs::write(
            &days_path,
            format!(
                "(schema_version: 2, days: [\n(date: \"2026-12-01\", check_in: Some((back_pain: 7)), sessions: [(worst_pain: 3, completed: {{{completed}}})]),\n])"
            ),
        )
        .expect("write days");
        std::process::Command::new(env!("CARGO_BIN_EXE_strongback"))
            .arg("simulate")
            .arg(&plan_path)
            .arg(&days_path)
            .output()
            .expect("runs")
    };
    // A gentle day prescribes the walk and the clamshell, which the plan does not have.
    let out = run(r#""walk": true, "clamshell": true"#);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("gentle"));
    let out = run(r#""walk": true, "clamshel": true"#);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("days.ron:2:") && err.contains("`clamshel`"),
        "FILE:LINE:COL and the id: {err}"
    );
}

/// `simulate` reads the activities a person named and rated (days format version 3) and
/// echoes each date's ratings and their mean under its decision, in the table and in JSON.
#[test]
fn simulate_echoes_the_activity_ratings_and_their_mean() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = |json: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_strongback"));
        command
            .arg("simulate")
            .arg(format!("{root}/assets/examples/physio-plan.ron"))
            .arg(format!("{root}/assets/examples/days.ron"));
        if json {
            command.arg("--json");
        }
        let out = command.output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let table = run(false);
    assert!(
        table.contains("activities: run 5 km 2/10, lift my child 5/10 (mean 3.5)"),
        "{table}"
    );
    assert!(table.contains("activities: run 5 km 5/10, lift my child 6/10 (mean 5.5)"));
    let json = run(true);
    let first: serde_json::Value =
        serde_json::from_str(json.lines().next().expect("a line")).expect("JSON");
    assert_eq!(first["activities"]["run 5 km"], 2);
    assert_eq!(first["activity_mean"], 3.5);
    let second: serde_json::Value =
        serde_json::from_str(json.lines().nth(1).expect("a line")).expect("JSON");
    assert!(
        second.get("activities").is_none(),
        "a date without ratings has none"
    );
}
