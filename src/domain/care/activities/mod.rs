//! What the person can do again (clinical spec §6): everyday activities they name in their own
//! words (1 to 5), each rated 0 (cannot do it at all) to 10 (as well as before the back
//! trouble), at the intake and every so many days after; the mean of the ratings, and the
//! changes that matter. Pure: dates come in as arguments. It never changes a dose or raises a
//! referral; a fall of 3 points on the mean is shown as worth telling the clinician.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod answers;
mod checks;
#[cfg(test)]
mod tests;

pub use answers::{ActivityAnswer, ActivityAnswers, ActivityPlan};
pub use checks::{entry_problems, name_problem};

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
    /// The log of the dates' entries (in any order).
    pub fn from_entries<'a>(
        dated: impl IntoIterator<Item = (NaiveDate, &'a ActivityEntry)>,
    ) -> ActivityLog {
        let mut entries: Vec<(NaiveDate, &ActivityEntry)> = dated
            .into_iter()
            .filter(|(_, entry)| !entry.is_empty())
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

    /// The means on `from` and `to` of the activities rated on both dates (a change of
    /// activities is never a change of score), with their names; `None` when none was rated
    /// on both.
    pub fn means_compared(&self, from: NaiveDate, to: NaiveDate) -> Option<(f32, f32, Vec<&str>)> {
        let on = |a: &ActivityHistory, date: NaiveDate| {
            a.ratings.iter().find(|(d, _)| *d == date).map(|(_, r)| *r)
        };
        let both: Vec<(&str, u8, u8)> = self
            .activities
            .iter()
            .filter_map(|a| Some((a.name.as_str(), on(a, from)?, on(a, to)?)))
            .collect();
        let first: Vec<u8> = both.iter().map(|(_, f, _)| *f).collect();
        let latest: Vec<u8> = both.iter().map(|(_, _, l)| *l).collect();
        Some((
            mean(&first)?,
            mean(&latest)?,
            both.iter().map(|(n, _, _)| *n).collect(),
        ))
    }

    /// The first and latest mean of the activities rated at both, and whether the change
    /// passed 2 points.
    pub fn mean_change(&self) -> Option<RatingChange> {
        let (&first_on, &latest_on) = (self.rating_dates.first()?, self.rating_dates.last()?);
        if first_on == latest_on {
            return None;
        }
        let (first, latest, _) = self.means_compared(first_on, latest_on)?;
        let change = ((latest - first) * 10.0).round() / 10.0;
        Some(RatingChange {
            first_on,
            first,
            latest_on,
            latest,
            change,
            matters: change.abs() >= MEAN_CHANGE_THAT_MATTERS - 1e-4,
        })
    }

    /// The activities whose first and latest ratings the mean's change compares, when some
    /// rated at the start are no longer rated or others were added (said beside the change).
    pub fn mean_compares_fewer(&self) -> Option<Vec<&str>> {
        let (&first_on, &latest_on) = (self.rating_dates.first()?, self.rating_dates.last()?);
        let (_, _, names) = self.means_compared(first_on, latest_on)?;
        let rated_either = self
            .activities
            .iter()
            .filter(|a| {
                a.ratings
                    .iter()
                    .any(|(d, _)| *d == first_on || *d == latest_on)
            })
            .count();
        (names.len() < rated_either).then_some(names)
    }

    /// A fall of the mean by 3 points or more from the rating before the latest to the
    /// latest, over the activities rated at both: (the earlier date and mean, the latest date
    /// and mean).
    pub fn fall_worth_telling(&self) -> Option<((NaiveDate, f32), (NaiveDate, f32))> {
        let [.., before_on, latest_on] = self.rating_dates.as_slice() else {
            return None;
        };
        let (before, latest, _) = self.means_compared(*before_on, *latest_on)?;
        (before - latest >= FALL_WORTH_TELLING - 1e-4)
            .then_some(((*before_on, before), (*latest_on, latest)))
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
    /// ratings when the last was `every_days` ago or more, or before the plan in use began.
    /// Nothing on a date already asked.
    /// A plan that began on `plan_started_on` asks for a fresh rating at its first check-in.
    pub fn question_on(
        &self,
        today: NaiveDate,
        every_days: u32,
        plan_started_on: Option<NaiveDate>,
    ) -> Option<ActivityQuestion> {
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
        let new_plan = plan_started_on
            .is_some_and(|start| start <= today && last.is_none_or(|last| last < start));
        // A skipped rating is asked again at the next check-in.
        let skipped_since = last_asked.is_some_and(|asked| last.is_none_or(|l| asked > l));
        (due || skipped_since || new_plan).then_some(ActivityQuestion::Rate)
    }
}
