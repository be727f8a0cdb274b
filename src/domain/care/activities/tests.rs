//! The score, its thresholds and the questions, from the spec's numbers.

use super::*;

/// A date and what it recorded (the part of a day the log reads).
#[derive(Clone)]
struct Day {
    date: NaiveDate,
    activities: ActivityEntry,
}

fn from_days(days: &[Day]) -> ActivityLog {
    ActivityLog::from_entries(days.iter().map(|d| (d.date, &d.activities)))
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).expect("a date")
}

fn day_with(on: u32, entry: ActivityEntry) -> Day {
    Day {
        date: date(on),
        activities: entry,
    }
}

fn rated(pairs: &[(&str, u8)]) -> Vec<ActivityRating> {
    pairs
        .iter()
        .map(|(a, r)| ActivityRating {
            activity: (*a).to_owned(),
            rating: *r,
        })
        .collect()
}

fn rated_pairs() -> Vec<ActivityRating> {
    rated(&[("run 5 km", 3), ("lift my child", 5)])
}

fn two_ratings() -> Vec<Day> {
    vec![
        day_with(
            1,
            ActivityEntry {
                named: vec!["run 5 km".into(), "lift my child".into()],
                ratings: rated(&[("run 5 km", 2), ("lift my child", 5)]),
                ..ActivityEntry::default()
            },
        ),
        day_with(
            15,
            ActivityEntry {
                ratings: rated(&[("run 5 km", 5), ("lift my child", 6)]),
                ..ActivityEntry::default()
            },
        ),
    ]
}

#[test]
fn the_score_is_the_mean_to_one_decimal_and_absent_is_never_0() {
    assert_eq!(mean(&[2, 5]), Some(3.5));
    assert_eq!(mean(&[1, 2, 2]), Some(1.7));
    assert_eq!(mean(&[]), None, "nothing rated is no score, not 0");
    let log = from_days(&two_ratings());
    assert_eq!(log.means(), vec![(date(1), 3.5), (date(15), 5.5)]);
    assert_eq!(log.mean_on(date(8)), None, "no rating that date: a gap");
}

#[test]
fn a_change_of_2_on_the_mean_and_3_on_one_activity_matters() {
    let log = from_days(&two_ratings());
    let mean = log.mean_change().expect("two means");
    assert_eq!((mean.first, mean.latest, mean.change), (3.5, 5.5, 2.0));
    assert!(mean.matters, "2 points on the mean");
    let run = log.activities[0].change().expect("two ratings");
    assert_eq!((run.change, run.matters), (3.0, true));
    let lift = log.activities[1].change().expect("two ratings");
    assert_eq!((lift.change, lift.matters), (1.0, false));
    let mut smaller = two_ratings();
    smaller[1].activities.ratings = rated(&[("run 5 km", 4), ("lift my child", 6)]);
    let log = from_days(&smaller);
    let mean = log.mean_change().expect("two means");
    assert_eq!((mean.change, mean.matters), (1.5, false));
    assert!(!log.activities[0].change().expect("two").matters, "2 < 3");
}

#[test]
fn a_fall_of_3_on_the_mean_since_the_last_rating_is_worth_telling() {
    let mut days = two_ratings();
    days.push(day_with(
        29,
        ActivityEntry {
            ratings: rated(&[("run 5 km", 2), ("lift my child", 3)]),
            ..ActivityEntry::default()
        },
    ));
    let log = from_days(&days);
    assert_eq!(
        log.fall_worth_telling(),
        Some(((date(15), 5.5), (date(29), 2.5)))
    );
    days[2].activities.ratings = rated(&[("run 5 km", 3), ("lift my child", 3)]);
    assert_eq!(from_days(&days).fall_worth_telling(), None, "2.5");
}

#[test]
fn a_retired_activity_keeps_its_history_and_is_no_longer_asked() {
    let mut days = two_ratings();
    days.push(day_with(
        29,
        ActivityEntry {
            retired: vec!["lift my child".into()],
            named: vec!["sit through a film".into()],
            ratings: rated(&[("run 5 km", 6), ("sit through a film", 4)]),
            ..ActivityEntry::default()
        },
    ));
    let log = from_days(&days);
    let lift = &log.activities[1];
    assert_eq!(lift.retired_on, Some(date(29)));
    assert_eq!(lift.ratings.len(), 2, "its ratings stay");
    let current: Vec<&str> = log.current().map(|a| a.name.as_str()).collect();
    assert_eq!(current, ["run 5 km", "sit through a film"]);
    // A new wording is a new activity: not compared with the old one.
    assert!(log.activities[2].change().is_none());
}

#[test]
fn the_names_are_asked_at_the_intake_and_once_more_after_a_skip() {
    let empty = ActivityLog::default();
    assert_eq!(
        empty.question_on(date(1), 14, None),
        Some(ActivityQuestion::Name)
    );
    let skipped_once = from_days(&[day_with(
        1,
        ActivityEntry {
            skipped: true,
            ..ActivityEntry::default()
        },
    )]);
    assert_eq!(
        skipped_once.question_on(date(1), 14, None),
        None,
        "not twice a day"
    );
    assert_eq!(
        skipped_once.question_on(date(2), 14, None),
        Some(ActivityQuestion::Name)
    );
    let skipped_twice = from_days(&[
        day_with(
            1,
            ActivityEntry {
                skipped: true,
                ..ActivityEntry::default()
            },
        ),
        day_with(
            2,
            ActivityEntry {
                skipped: true,
                ..ActivityEntry::default()
            },
        ),
    ]);
    assert_eq!(
        skipped_twice.question_on(date(3), 14, None),
        None,
        "asked twice, then left"
    );
}

#[test]
fn ratings_are_asked_every_14_days_and_again_after_a_skip() {
    let log = from_days(&two_ratings()[..1]);
    assert_eq!(log.question_on(date(14), 14, None), None, "13 days");
    assert_eq!(
        log.question_on(date(15), 14, None),
        Some(ActivityQuestion::Rate)
    );
    assert_eq!(
        log.question_on(date(8), 7, None),
        Some(ActivityQuestion::Rate),
        "a setting"
    );
    let mut days = two_ratings()[..1].to_vec();
    days.push(day_with(
        15,
        ActivityEntry {
            skipped: true,
            ..ActivityEntry::default()
        },
    ));
    let log = from_days(&days);
    assert_eq!(
        log.question_on(date(15), 14, None),
        None,
        "skipped for the day"
    );
    assert_eq!(
        log.question_on(date(16), 14, None),
        Some(ActivityQuestion::Rate)
    );
}

#[test]
fn answers_need_a_rating_for_each_activity_kept_or_a_skip() {
    let log = from_days(&two_ratings()[..1]);
    let mut answers = ActivityAnswers::for_check_in(&log, date(15), ActivityPlan::default());
    assert_eq!(answers.question, Some(ActivityQuestion::Rate));
    assert_eq!(answers.days_since_rated, Some(14));
    assert!(
        answers.activities.iter().all(|a| a.rating.is_none()),
        "nothing chosen"
    );
    assert_eq!(
        answers.problems(),
        [
            "how well you can run 5 km now",
            "how well you can lift my child now"
        ]
    );
    answers.activities[0].rating = Some(4);
    answers.activities[1].retire = true;
    answers.activities.push(ActivityAnswer {
        name: " sit through a film ".into(),
        rating: Some(3),
        ..ActivityAnswer::default()
    });
    assert!(answers.problems().is_empty(), "{:?}", answers.problems());
    let entry = answers.to_entry();
    assert_eq!(entry.retired, ["lift my child"]);
    assert_eq!(entry.named, ["sit through a film"]);
    assert_eq!(
        entry.ratings,
        rated(&[("run 5 km", 4), ("sit through a film", 3)])
    );
    assert!(entry_problems(&entry, &["run 5 km".into(), "lift my child".into()]).is_empty());
    answers.skipped = true;
    assert!(answers.problems().is_empty());
    assert_eq!(
        answers.to_entry(),
        ActivityEntry {
            skipped: true,
            ..ActivityEntry::default()
        }
    );
    let intake =
        ActivityAnswers::for_check_in(&ActivityLog::default(), date(1), ActivityPlan::default());
    assert_eq!(intake.question, Some(ActivityQuestion::Name));
    assert_eq!(
        intake.problems(),
        ["at least one activity, or \"Skip for now\""]
    );
}

#[test]
fn a_change_is_said_in_the_same_words_everywhere() {
    let log = from_days(&two_ratings());
    let run = log.activities[0].change().expect("two ratings");
    assert_eq!(
        run.describe(ACTIVITY_POINTS),
        "2 on 1 Nov 2026, 5 on 15 Nov 2026: up 3, a change that matters (3 points or more)"
    );
    let mean = log.mean_change().expect("two means");
    assert_eq!(
        mean.describe(MEAN_POINTS),
        "3.5 on 1 Nov 2026, 5.5 on 15 Nov 2026: up 2, a change that matters (2 points or more)"
    );
    let later = log.within(date(2), date(30));
    assert_eq!(later.means(), vec![(date(15), 5.5)], "only what is inside");
    assert_eq!(later.activities.len(), 2, "names kept");
}

#[test]
fn the_change_since_the_start_is_asked_from_the_review_date_until_answered() {
    let log = from_days(&two_ratings());
    let review = Some(date(20));
    assert!(!log.global_change_due(date(19), review));
    assert!(log.global_change_due(date(20), review));
    assert!(
        !log.global_change_due(date(20), None),
        "no review date, not asked"
    );
    let mut answers = ActivityAnswers::for_check_in(
        &log,
        date(21),
        ActivityPlan {
            review_date: review,
            ..ActivityPlan::default()
        },
    );
    assert!(answers.ask_global_change);
    assert!(answers.problems().is_empty(), "optional");
    answers.question = None;
    assert_eq!(
        answers.to_entry(),
        ActivityEntry::default(),
        "untouched is absent"
    );
    answers.global_change = Some(GlobalChange::Better);
    let entry = answers.to_entry();
    assert_eq!(entry.global_change, Some(GlobalChange::Better));
    let mut days = two_ratings();
    days.push(day_with(21, entry));
    assert!(!from_days(&days).global_change_due(date(22), review));
}

#[test]
fn activities_agreed_in_the_plan_are_only_rated_at_the_intake() {
    let agreed = ["walk the dog".to_owned(), "garden for an hour".to_owned()];
    let mut answers = ActivityAnswers::for_check_in(
        &ActivityLog::default(),
        date(1),
        ActivityPlan {
            agreed: &agreed,
            ..ActivityPlan::default()
        },
    );
    assert_eq!(answers.question, Some(ActivityQuestion::Name));
    let names: Vec<&str> = answers.activities.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["walk the dog", "garden for an hour"]);
    assert!(
        answers
            .activities
            .iter()
            .all(|a| a.from_plan && a.rating.is_none())
    );
    assert_eq!(answers.problems().len(), 2, "each needs its rating");
    answers.activities[0].rating = Some(6);
    answers.activities[1].rating = Some(2);
    let entry = answers.to_entry();
    assert_eq!(entry.named, agreed);
    assert_eq!(entry.ratings.len(), 2);
}

#[test]
fn a_new_plan_asks_for_a_fresh_rating_and_its_agreed_activities() {
    let log = from_days(&two_ratings()[..1]);
    assert_eq!(
        log.question_on(date(5), 14, None),
        None,
        "4 days after the intake"
    );
    let agreed = ["garden for an hour".to_owned()];
    let plan = ActivityPlan {
        agreed: &agreed,
        started_on: Some(date(5)),
        ..ActivityPlan::default()
    };
    let answers = ActivityAnswers::for_check_in(&log, date(5), plan);
    assert_eq!(
        answers.question,
        Some(ActivityQuestion::Rate),
        "a new plan, a fresh rating"
    );
    let rows: Vec<(&str, bool)> = answers
        .activities
        .iter()
        .map(|a| (a.name.as_str(), a.from_plan))
        .collect();
    assert_eq!(
        rows,
        [
            ("run 5 km", false),
            ("lift my child", false),
            ("garden for an hour", true)
        ]
    );
    let mut rated = two_ratings()[..1].to_vec();
    rated.push(day_with(
        6,
        ActivityEntry {
            ratings: rated_pairs(),
            ..ActivityEntry::default()
        },
    ));
    assert_eq!(
        from_days(&rated).question_on(date(7), 14, Some(date(5))),
        None,
        "rated since"
    );
}

#[test]
fn a_change_of_activities_is_never_a_change_of_the_mean() {
    // "lift my child" (5) is retired and "dig the garden" (2) named: the mean of the date
    // falls from 3.5 to 2.5, but the activity rated on both dates went up.
    let mut days = two_ratings()[..1].to_vec();
    days.push(day_with(
        15,
        ActivityEntry {
            retired: vec!["lift my child".into()],
            named: vec!["dig the garden".into()],
            ratings: rated(&[("run 5 km", 3), ("dig the garden", 2)]),
            ..ActivityEntry::default()
        },
    ));
    let log = from_days(&days);
    assert_eq!(
        log.means(),
        vec![(date(1), 3.5), (date(15), 2.5)],
        "each date's own"
    );
    let change = log.mean_change().expect("one activity in common");
    assert_eq!(
        (change.first, change.latest, change.change),
        (2.0, 3.0, 1.0)
    );
    assert_eq!(log.mean_compares_fewer(), Some(vec!["run 5 km"]));
    days[1].activities.ratings = rated(&[("dig the garden", 2)]);
    let log = from_days(&days);
    assert_eq!(
        log.mean_change(),
        None,
        "nothing rated on both dates: not compared"
    );
    assert_eq!(log.fall_worth_telling(), None);
}

#[test]
fn bad_entries_are_refused_with_their_field() {
    let long = "x".repeat(10_000);
    let entry = ActivityEntry {
        named: vec![
            "".into(),
            long.clone(),
            "a".into(),
            "b".into(),
            "c".into(),
            "d".into(),
            "e".into(),
            "f".into(),
        ],
        ratings: rated(&[("a", 11), ("nowhere", 3)]),
        ..ActivityEntry::default()
    };
    let problems = entry_problems(&entry, &[]);
    let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "named[0]",
            "named[1]",
            "named",
            "ratings[0].rating",
            "ratings[1].activity"
        ]
    );
    assert!(problems[1].1.contains("10000 characters"), "{problems:?}");
    assert!(problems[2].1.contains("6 activities"), "{problems:?}");
}
