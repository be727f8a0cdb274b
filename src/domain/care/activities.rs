//! What the person can do again (clinical spec §6): everyday activities they name in their own
//! words (1 to 5), each rated 0 (cannot do it at all) to 10 (as well as before the back
//! trouble), at the intake and every so many days after; the mean of the ratings, and the
//! changes that matter. Pure: dates come in as arguments. It never changes a dose or raises a
//! referral; a fall of 3 points on the mean is shown as worth telling the clinician.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::checkin::Day;

/// Most activities rated at once.
pub const MAX_ACTIVITIES: usize = 5;
/// Longest activity name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Highest rating: as well as before the back trouble.
pub const TOP_RATING: u8 = 10;
/// The smallest change of the mean that is more than measurement error.
pub const MEAN_CHANGE_THAT_MATTERS: f32 = 2.0;
/// The smallest change of one activity's rating that is more than measurement error.
pub const ACTIVITY_CHANGE_THAT_MATTERS: u8 = 3;
/// A fall of the mean by this much since the last rating is worth telling the clinician.
pub const FALL_WORTH_TELLING: f32 = 3.0;
/// How many times the intake's "name your activities" is asked when skipped.
const NAMING_ASKS: usize = 2;

/// One activity rated on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityRating {
    /// The activity, in the person's words when they named it.
    pub activity: String,
    /// 0 = cannot do it at all, 10 = as well as before the back trouble.
    pub rating: u8,
}

/// "Compared with when you started, your back is…" (seven answers, our wording).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GlobalChange {
    MuchBetter,
    Better,
    ALittleBetter,
    AboutTheSame,
    ALittleWorse,
    Worse,
    MuchWorse,
}

impl GlobalChange {
    pub const ALL: [GlobalChange; 7] = [
        GlobalChange::MuchBetter,
        GlobalChange::Better,
        GlobalChange::ALittleBetter,
        GlobalChange::AboutTheSame,
        GlobalChange::ALittleWorse,
        GlobalChange::Worse,
        GlobalChange::MuchWorse,
    ];

    /// The answer as the app and the report say it.
    pub fn label(self) -> &'static str {
        match self {
            GlobalChange::MuchBetter => "much better",
            GlobalChange::Better => "better",
            GlobalChange::ALittleBetter => "a little better",
            GlobalChange::AboutTheSame => "about the same",
            GlobalChange::ALittleWorse => "a little worse",
            GlobalChange::Worse => "worse",
            GlobalChange::MuchWorse => "much worse",
        }
    }
}

/// What a date's check-in recorded about the person's activities.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActivityEntry {
    /// Activities named on this date, in the person's words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub named: Vec<String>,
    /// Activities no longer rated from this date; their ratings stay in the history.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<String>,
    /// The ratings given on this date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<ActivityRating>,
    /// Asked and skipped for the day: asked again at the next check-in.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub skipped: bool,
    /// The answer to "compared with when you started", when it was asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_change: Option<GlobalChange>,
}

impl ActivityEntry {
    /// Nothing recorded (the entry is left out of the file).
    pub fn is_empty(&self) -> bool {
        *self == ActivityEntry::default()
    }
}

/// One activity's history: when it was named, retired, and each rating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityHistory {
    pub name: String,
    pub named_on: NaiveDate,
    pub retired_on: Option<NaiveDate>,
    pub ratings: Vec<(NaiveDate, u8)>,
}

impl ActivityHistory {
    /// The first and the latest rating, and whether the change passed the change that
    /// matters (3 points); `None` until it has two ratings.
    pub fn change(&self) -> Option<RatingChange> {
        let (&(first_on, first), &(latest_on, latest)) =
            (self.ratings.first()?, self.ratings.last()?);
        (self.ratings.len() > 1).then(|| RatingChange {
            first_on,
            first: f32::from(first),
            latest_on,
            latest: f32::from(latest),
            change: f32::from(latest) - f32::from(first),
            matters: latest.abs_diff(first) >= ACTIVITY_CHANGE_THAT_MATTERS,
        })
    }
}

/// A score at its first and latest dates, the change, and whether it matters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RatingChange {
    pub first_on: NaiveDate,
    pub first: f32,
    pub latest_on: NaiveDate,
    pub latest: f32,
    /// Latest minus first: above 0 is better.
    pub change: f32,
    /// The change is at least the change that matters (3 points on one activity, 2 on the mean).
    pub matters: bool,
}

impl RatingChange {
    /// "2 on 1 Dec 2026, 5 on 15 Dec 2026: up 3, a change that matters (3 points or more)":
    /// the same words in History and in the report. `points` is what counts as mattering.
    pub fn describe(&self, points: &str) -> String {
        let amount = if self.change.fract().abs() < 1e-4 {
            format!("{}", self.change.abs().round())
        } else {
            format!("{:.1}", self.change.abs())
        };
        let direction = if self.change > 0.0 {
            format!("up {amount}")
        } else if self.change < 0.0 {
            format!("down {amount}")
        } else {
            "no change".to_owned()
        };
        let matters = if self.matters {
            format!("a change that matters ({points} or more)")
        } else {
            format!("less than a change that matters ({points})")
        };
        format!(
            "{} on {}, {} on {}: {direction}, {matters}",
            number(self.first),
            crate::domain::dates::short_date(self.first_on),
            number(self.latest),
            crate::domain::dates::short_date(self.latest_on),
        )
    }
}

/// A score as written: whole numbers without a decimal ("5"), means with one ("5.5").
fn number(value: f32) -> String {
    if value.fract().abs() < 1e-4 {
        format!("{}", value.round())
    } else {
        format!("{value:.1}")
    }
}

/// What counts as mattering for one activity, in words.
pub const ACTIVITY_POINTS: &str = "3 points";
/// What counts as mattering for the mean, in words.
pub const MEAN_POINTS: &str = "2 points";

/// What a check-in asks about activities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityQuestion {
    /// Name 1 to 5 activities and rate them (at the intake, or again once after "skip for now").
    Name,
    /// Rate the current activities again (every so many days); one may be retired or added.
    Rate,
}

/// Everything the history says about the person's activities.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityLog {
    /// Every activity ever named, in the order named (retired ones too).
    pub activities: Vec<ActivityHistory>,
    /// Dates with a rating, oldest first.
    pub rating_dates: Vec<NaiveDate>,
    /// Dates the question was skipped.
    pub skipped_on: Vec<NaiveDate>,
    pub global_changes: Vec<(NaiveDate, GlobalChange)>,
}

/// The mean of `ratings`, to one decimal.
pub fn mean(ratings: &[u8]) -> Option<f32> {
    if ratings.is_empty() {
        return None;
    }
    let sum: f32 = ratings.iter().map(|&r| f32::from(r)).sum();
    Some((sum / ratings.len() as f32 * 10.0).round() / 10.0)
}

impl ActivityLog {
    /// The log of `days` (in any order).
    pub fn from_days(days: &[Day]) -> ActivityLog {
        let mut entries: Vec<(NaiveDate, &ActivityEntry)> = days
            .iter()
            .filter(|d| !d.activities.is_empty())
            .map(|d| (d.date, &d.activities))
            .collect();
        entries.sort_by_key(|(date, _)| *date);
        let mut log = ActivityLog::default();
        for (date, entry) in entries {
            for name in &entry.retired {
                if let Some(activity) = log.current_mut(name) {
                    activity.retired_on = Some(date);
                }
            }
            for name in &entry.named {
                if log.current_mut(name).is_none() {
                    log.activities.push(ActivityHistory {
                        name: name.clone(),
                        named_on: date,
                        retired_on: None,
                        ratings: Vec::new(),
                    });
                }
            }
            for rating in &entry.ratings {
                if let Some(activity) = log.current_mut(&rating.activity) {
                    activity.ratings.push((date, rating.rating));
                }
            }
            if !entry.ratings.is_empty() {
                log.rating_dates.push(date);
            }
            if entry.skipped {
                log.skipped_on.push(date);
            }
            if let Some(answer) = entry.global_change {
                log.global_changes.push((date, answer));
            }
        }
        log
    }

    /// The log with only what was recorded from `from` to `to` (activities named before
    /// `from` keep their names; their ratings before it are left out).
    pub fn within(&self, from: NaiveDate, to: NaiveDate) -> ActivityLog {
        let inside = |d: &NaiveDate| *d >= from && *d <= to;
        ActivityLog {
            activities: self
                .activities
                .iter()
                .filter(|a| a.named_on <= to)
                .map(|a| ActivityHistory {
                    ratings: a
                        .ratings
                        .iter()
                        .copied()
                        .filter(|(d, _)| inside(d))
                        .collect(),
                    retired_on: a.retired_on.filter(|d| *d <= to),
                    ..a.clone()
                })
                .collect(),
            rating_dates: self.rating_dates.iter().copied().filter(inside).collect(),
            skipped_on: self.skipped_on.iter().copied().filter(inside).collect(),
            global_changes: self
                .global_changes
                .iter()
                .copied()
                .filter(|(d, _)| inside(d))
                .collect(),
        }
    }

    fn current_mut(&mut self, name: &str) -> Option<&mut ActivityHistory> {
        self.activities
            .iter_mut()
            .find(|a| a.name == name && a.retired_on.is_none())
    }

    /// The activities rated now (not retired), in the order named.
    pub fn current(&self) -> impl Iterator<Item = &ActivityHistory> {
        self.activities.iter().filter(|a| a.retired_on.is_none())
    }

    /// The mean of the ratings given on `date`, to one decimal.
    pub fn mean_on(&self, date: NaiveDate) -> Option<f32> {
        let ratings: Vec<u8> = self
            .activities
            .iter()
            .flat_map(|a| a.ratings.iter())
            .filter(|(on, _)| *on == date)
            .map(|(_, rating)| *rating)
            .collect();
        mean(&ratings)
    }

    /// The mean on every date with a rating, oldest first.
    pub fn means(&self) -> Vec<(NaiveDate, f32)> {
        self.rating_dates
            .iter()
            .filter_map(|&date| Some((date, self.mean_on(date)?)))
            .collect()
    }

    /// The first and latest mean, and whether the change passed 2 points.
    pub fn mean_change(&self) -> Option<RatingChange> {
        let means = self.means();
        let (&(first_on, first), &(latest_on, latest)) = (means.first()?, means.last()?);
        (means.len() > 1).then(|| {
            let change = ((latest - first) * 10.0).round() / 10.0;
            RatingChange {
                first_on,
                first,
                latest_on,
                latest,
                change,
                matters: change.abs() >= MEAN_CHANGE_THAT_MATTERS - 1e-4,
            }
        })
    }

    /// A fall of the mean by 3 points or more from the rating before the latest to the
    /// latest: (the earlier date and mean, the latest date and mean).
    pub fn fall_worth_telling(&self) -> Option<((NaiveDate, f32), (NaiveDate, f32))> {
        let means = self.means();
        let [.., before, latest] = means.as_slice() else {
            return None;
        };
        (before.1 - latest.1 >= FALL_WORTH_TELLING - 1e-4).then_some((*before, *latest))
    }

    /// "Compared with when you started" is due: the plan's review date has come and it has not
    /// been answered since.
    pub fn global_change_due(&self, today: NaiveDate, review_date: Option<NaiveDate>) -> bool {
        review_date.is_some_and(|review| {
            today >= review && !self.global_changes.iter().any(|(on, _)| *on >= review)
        })
    }

    /// The fall worth telling the clinician, in words, if there is one.
    pub fn fall_sentence(&self) -> Option<String> {
        let ((before_on, before), (latest_on, latest)) = self.fall_worth_telling()?;
        Some(format!(
            "How well you can do the things you named fell from {before:.1} ({}) to {latest:.1} \
             ({}) out of 10: worth telling your clinician. It does not change your sessions.",
            crate::domain::dates::short_date(before_on),
            crate::domain::dates::short_date(latest_on),
        ))
    }

    /// What the check-in on `today` asks, given a rating every `every_days` days: the names
    /// while there are no current activities (asked twice at most after "skip for now"), the
    /// ratings when the last was `every_days` ago or more. Nothing on a date already asked.
    pub fn question_on(&self, today: NaiveDate, every_days: u32) -> Option<ActivityQuestion> {
        if self.rating_dates.contains(&today) || self.skipped_on.contains(&today) {
            return None;
        }
        if self.current().next().is_none() {
            // Skips since the last activity was retired (or ever) count toward the limit.
            let since = self
                .activities
                .iter()
                .filter_map(|a| a.retired_on)
                .max()
                .unwrap_or(NaiveDate::MIN);
            let skips = self.skipped_on.iter().filter(|d| **d >= since).count();
            return (skips < NAMING_ASKS).then_some(ActivityQuestion::Name);
        }
        let last = self.rating_dates.last().copied();
        let last_asked = self
            .skipped_on
            .last()
            .copied()
            .into_iter()
            .chain(last)
            .max();
        let due = match last {
            None => true,
            Some(last) => (today - last).num_days() >= i64::from(every_days),
        };
        // A skipped rating is asked again at the next check-in.
        let skipped_since = last_asked.is_some_and(|asked| last.is_none_or(|l| asked > l));
        (due || skipped_since).then_some(ActivityQuestion::Rate)
    }
}

/// One activity being rated in a check-in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityAnswer {
    /// Its name: fixed for one named before, typed for one named now.
    pub name: String,
    /// Starts unanswered: nothing is chosen for the person.
    pub rating: Option<u8>,
    /// Named before this check-in (it can be retired, not renamed).
    pub named_before: bool,
    /// Agreed with the clinician in the plan: named already, rated now.
    pub from_plan: bool,
    /// No longer rated from today (its history stays).
    pub retire: bool,
}

/// The activity questions of a check-in, as far as answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityAnswers {
    /// What is asked; `None` when nothing is asked this time.
    pub question: Option<ActivityQuestion>,
    /// The activities: those named before (to rate or retire), then those named now.
    pub activities: Vec<ActivityAnswer>,
    /// "Skip for now" (naming) or "not today" (rating).
    pub skipped: bool,
    /// Days since the last rating, when there was one (said on the page).
    pub days_since_rated: Option<i64>,
    /// "Compared with when you started, your back is…" is asked (at the plan's review date).
    pub ask_global_change: bool,
    /// Its answer: optional, and absent until chosen.
    pub global_change: Option<GlobalChange>,
}

impl ActivityAnswers {
    /// The questions the check-in on `today` asks, from the history and the plan's review
    /// date.
    /// `agreed` are the activities the plan lists: at the intake they are named already and
    /// only rated.
    pub fn for_check_in(
        log: &ActivityLog,
        today: NaiveDate,
        every_days: u32,
        review_date: Option<NaiveDate>,
        agreed: &[String],
    ) -> ActivityAnswers {
        let question = log.question_on(today, every_days);
        let activities = match question {
            Some(ActivityQuestion::Rate) => log
                .current()
                .map(|a| ActivityAnswer {
                    name: a.name.clone(),
                    rating: None,
                    named_before: true,
                    from_plan: false,
                    retire: false,
                })
                .collect(),
            Some(ActivityQuestion::Name) if !agreed.is_empty() => agreed
                .iter()
                .take(MAX_ACTIVITIES)
                .map(|name| ActivityAnswer {
                    name: name.clone(),
                    from_plan: true,
                    ..ActivityAnswer::default()
                })
                .collect(),
            Some(ActivityQuestion::Name) => vec![ActivityAnswer::default()],
            None => Vec::new(),
        };
        ActivityAnswers {
            question,
            activities,
            skipped: false,
            days_since_rated: log
                .rating_dates
                .last()
                .map(|last| (today - *last).num_days()),
            ask_global_change: log.global_change_due(today, review_date),
            global_change: None,
        }
    }

    /// Anything is asked about activities or the change since the start.
    pub fn asked(&self) -> bool {
        self.question.is_some() || self.ask_global_change
    }

    /// The activities that will be rated from today on (not retired, not left empty).
    fn kept(&self) -> impl Iterator<Item = &ActivityAnswer> {
        self.activities
            .iter()
            .filter(|a| !a.retire && (a.named_before || !a.name.trim().is_empty()))
    }

    /// Room for another activity (at most five are rated at once).
    pub fn can_add(&self) -> bool {
        self.kept().count() < MAX_ACTIVITIES
            && self
                .activities
                .iter()
                .all(|a| a.named_before || !a.name.trim().is_empty())
    }

    /// What is still missing or wrong, in words ("a rating for run 5 km"); empty when the
    /// answers can be saved. Skipping needs nothing.
    pub fn problems(&self) -> Vec<String> {
        if self.question.is_none() || self.skipped {
            return Vec::new();
        }
        let mut problems = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for activity in self.kept() {
            let name = activity.name.trim();
            if !activity.named_before {
                if let Some(problem) = name_problem(name) {
                    problems.push(problem);
                    continue;
                }
                if seen.contains(&name) {
                    problems.push(format!("\"{name}\" is named twice"));
                }
            }
            seen.push(name);
            if activity.rating.is_none() {
                problems.push(format!("how well you can {name} now"));
            }
        }
        if self.kept().count() == 0 && self.question == Some(ActivityQuestion::Name) {
            problems.push("at least one activity, or \"Skip for now\"".to_owned());
        }
        if self.kept().count() > MAX_ACTIVITIES {
            problems.push(format!("at most {MAX_ACTIVITIES} activities at once"));
        }
        problems
    }

    /// What the check-in records (empty when nothing was asked).
    pub fn to_entry(&self) -> ActivityEntry {
        let global_change = self.global_change.filter(|_| self.ask_global_change);
        if self.question.is_none() {
            return ActivityEntry {
                global_change,
                ..ActivityEntry::default()
            };
        }
        if self.skipped {
            return ActivityEntry {
                skipped: true,
                global_change,
                ..ActivityEntry::default()
            };
        }
        ActivityEntry {
            named: self
                .kept()
                .filter(|a| !a.named_before)
                .map(|a| a.name.trim().to_owned())
                .collect(),
            retired: self
                .activities
                .iter()
                .filter(|a| a.named_before && a.retire)
                .map(|a| a.name.clone())
                .collect(),
            ratings: self
                .kept()
                .filter_map(|a| {
                    Some(ActivityRating {
                        activity: a.name.trim().to_owned(),
                        rating: a.rating?,
                    })
                })
                .collect(),
            skipped: false,
            global_change,
        }
    }
}

/// Problems with a date's activity entry, as (field, message), given the activities current
/// before it: ratings above 10, empty or over-long names, more than five activities at once,
/// a rating or retirement of an activity that is not current, a name given twice.
pub fn entry_problems(entry: &ActivityEntry, current_before: &[String]) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let mut current: Vec<String> = current_before.to_vec();
    for (i, name) in entry.retired.iter().enumerate() {
        match current.iter().position(|c| c == name) {
            Some(at) => {
                current.remove(at);
            }
            None => problems.push((
                format!("retired[{i}]"),
                format!("\"{}\" is not an activity being rated", shorten(name)),
            )),
        }
    }
    for (i, name) in entry.named.iter().enumerate() {
        if let Some(problem) = name_problem(name) {
            problems.push((format!("named[{i}]"), problem));
        } else if current.contains(name) {
            problems.push((
                format!("named[{i}]"),
                format!("\"{name}\" is already being rated"),
            ));
        } else {
            current.push(name.clone());
        }
    }
    if current.len() > MAX_ACTIVITIES {
        problems.push((
            "named".to_owned(),
            format!(
                "{} activities at once; at most {MAX_ACTIVITIES} (retire one to add another)",
                current.len()
            ),
        ));
    }
    for (i, rating) in entry.ratings.iter().enumerate() {
        if rating.rating > TOP_RATING {
            problems.push((
                format!("ratings[{i}].rating"),
                format!(
                    "{} is out of range; use 0 (cannot do it at all) to 10 (as well as before)",
                    rating.rating
                ),
            ));
        }
        if !current.contains(&rating.activity) {
            problems.push((
                format!("ratings[{i}].activity"),
                format!(
                    "\"{}\" is not an activity being rated on this date; name it first",
                    shorten(&rating.activity)
                ),
            ));
        }
    }
    problems
}

/// Why `name` cannot name an activity, if it cannot.
pub fn name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("an activity needs a name, in a few words".to_owned());
    }
    let chars = name.chars().count();
    (chars > MAX_NAME_CHARS).then(|| {
        format!("the name is {chars} characters long; at most {MAX_NAME_CHARS}, in a few words")
    })
}

/// A name cut to a readable length for a message.
fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX_NAME_CHARS).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).expect("a date")
    }

    fn day_with(on: u32, entry: ActivityEntry) -> Day {
        let mut day = Day::on(date(on));
        day.activities = entry;
        day
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
        let log = ActivityLog::from_days(&two_ratings());
        assert_eq!(log.means(), vec![(date(1), 3.5), (date(15), 5.5)]);
        assert_eq!(log.mean_on(date(8)), None, "no rating that date: a gap");
    }

    #[test]
    fn a_change_of_2_on_the_mean_and_3_on_one_activity_matters() {
        let log = ActivityLog::from_days(&two_ratings());
        let mean = log.mean_change().expect("two means");
        assert_eq!((mean.first, mean.latest, mean.change), (3.5, 5.5, 2.0));
        assert!(mean.matters, "2 points on the mean");
        let run = log.activities[0].change().expect("two ratings");
        assert_eq!((run.change, run.matters), (3.0, true));
        let lift = log.activities[1].change().expect("two ratings");
        assert_eq!((lift.change, lift.matters), (1.0, false));
        let mut smaller = two_ratings();
        smaller[1].activities.ratings = rated(&[("run 5 km", 4), ("lift my child", 6)]);
        let log = ActivityLog::from_days(&smaller);
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
        let log = ActivityLog::from_days(&days);
        assert_eq!(
            log.fall_worth_telling(),
            Some(((date(15), 5.5), (date(29), 2.5)))
        );
        days[2].activities.ratings = rated(&[("run 5 km", 3), ("lift my child", 3)]);
        assert_eq!(
            ActivityLog::from_days(&days).fall_worth_telling(),
            None,
            "2.5"
        );
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
        let log = ActivityLog::from_days(&days);
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
        assert_eq!(empty.question_on(date(1), 14), Some(ActivityQuestion::Name));
        let skipped_once = ActivityLog::from_days(&[day_with(
            1,
            ActivityEntry {
                skipped: true,
                ..ActivityEntry::default()
            },
        )]);
        assert_eq!(
            skipped_once.question_on(date(1), 14),
            None,
            "not twice a day"
        );
        assert_eq!(
            skipped_once.question_on(date(2), 14),
            Some(ActivityQuestion::Name)
        );
        let skipped_twice = ActivityLog::from_days(&[
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
            skipped_twice.question_on(date(3), 14),
            None,
            "asked twice, then left"
        );
    }

    #[test]
    fn ratings_are_asked_every_14_days_and_again_after_a_skip() {
        let log = ActivityLog::from_days(&two_ratings()[..1]);
        assert_eq!(log.question_on(date(14), 14), None, "13 days");
        assert_eq!(log.question_on(date(15), 14), Some(ActivityQuestion::Rate));
        assert_eq!(
            log.question_on(date(8), 7),
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
        let log = ActivityLog::from_days(&days);
        assert_eq!(log.question_on(date(15), 14), None, "skipped for the day");
        assert_eq!(log.question_on(date(16), 14), Some(ActivityQuestion::Rate));
    }

    #[test]
    fn answers_need_a_rating_for_each_activity_kept_or_a_skip() {
        let log = ActivityLog::from_days(&two_ratings()[..1]);
        let mut answers = ActivityAnswers::for_check_in(&log, date(15), 14, None, &[]);
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
        let intake = ActivityAnswers::for_check_in(&ActivityLog::default(), date(1), 14, None, &[]);
        assert_eq!(intake.question, Some(ActivityQuestion::Name));
        assert_eq!(
            intake.problems(),
            ["at least one activity, or \"Skip for now\""]
        );
    }

    #[test]
    fn a_change_is_said_in_the_same_words_everywhere() {
        let log = ActivityLog::from_days(&two_ratings());
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
        let log = ActivityLog::from_days(&two_ratings());
        let review = Some(date(20));
        assert!(!log.global_change_due(date(19), review));
        assert!(log.global_change_due(date(20), review));
        assert!(
            !log.global_change_due(date(20), None),
            "no review date, not asked"
        );
        let mut answers = ActivityAnswers::for_check_in(&log, date(21), 14, review, &[]);
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
        assert!(!ActivityLog::from_days(&days).global_change_due(date(22), review));
    }

    #[test]
    fn activities_agreed_in_the_plan_are_only_rated_at_the_intake() {
        let agreed = ["walk the dog".to_owned(), "garden for an hour".to_owned()];
        let mut answers =
            ActivityAnswers::for_check_in(&ActivityLog::default(), date(1), 14, None, &agreed);
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
}
