//! History's chart of what the person can do again (clinical spec §6): the mean of the
//! activities they named and each activity over time, with the band of the change that
//! matters around the first mean, gaps where nothing was rated, and the chart in words.

use chrono::NaiveDate;

use crate::domain::care::activities::{
    ACTIVITY_POINTS, ActivityLog, MEAN_CHANGE_THAT_MATTERS, MEAN_POINTS,
};
use crate::domain::dates::short_date;

/// One activity's line: its rating on every rating date from its first rating to its last
/// (`None`, a gap, where it was not rated).
#[derive(Clone, Debug, PartialEq)]
pub struct ActivitySeries {
    pub name: String,
    pub points: Vec<(NaiveDate, Option<u8>)>,
    pub retired_on: Option<NaiveDate>,
}

/// Everything History draws for the activities.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityFigures {
    /// The mean on each rating date, to one decimal.
    pub means: Vec<(NaiveDate, f32)>,
    pub series: Vec<ActivitySeries>,
    /// Within this band of the first mean, a change is less than the change that matters.
    pub band: Option<(f32, f32)>,
    pub in_words: String,
    /// Dates the set of activities changed (one named or retired after the first rating):
    /// the mean of a date is of different activities either side.
    pub set_changes: Vec<NaiveDate>,
    /// The answers to "compared with when you started", oldest first.
    pub global_changes: Vec<(NaiveDate, crate::domain::care::activities::GlobalChange)>,
}

/// History's activity figures from the log.
pub fn activity_figures(log: &ActivityLog) -> ActivityFigures {
    let means = log.means();
    let series = log
        .activities
        .iter()
        .filter(|a| !a.ratings.is_empty())
        .map(|a| {
            let first = a.ratings.first().map(|(d, _)| *d);
            let last = a.ratings.last().map(|(d, _)| *d);
            let points = log
                .rating_dates
                .iter()
                .filter(|d| first.is_some_and(|f| **d >= f) && last.is_some_and(|l| **d <= l))
                .map(|d| {
                    let rating = a.ratings.iter().find(|(on, _)| on == d).map(|(_, r)| *r);
                    (*d, rating)
                })
                .collect();
            ActivitySeries {
                name: a.name.clone(),
                points,
                retired_on: a.retired_on,
            }
        })
        .collect();
    let band = means.first().map(|(_, first)| {
        (
            (first - MEAN_CHANGE_THAT_MATTERS).max(0.0),
            (first + MEAN_CHANGE_THAT_MATTERS).min(10.0),
        )
    });
    let first_rated = log.rating_dates.first().copied();
    let mut set_changes: Vec<NaiveDate> = log
        .activities
        .iter()
        .flat_map(|a| [Some(a.named_on), a.retired_on])
        .flatten()
        .filter(|d| first_rated.is_some_and(|f| *d > f))
        .collect();
    set_changes.sort_unstable();
    set_changes.dedup();
    ActivityFigures {
        set_changes,
        global_changes: log.global_changes.clone(),
        in_words: in_words(log),
        means,
        series,
        band,
    }
}

/// ", comparing only run 5 km and lift my child (rated on both dates)", when the activities
/// changed between the first and latest rating.
pub fn compared(log: &ActivityLog) -> String {
    log.mean_compares_fewer()
        .map(|names| {
            format!(
                ", comparing only {} (rated on both dates)",
                names.join(" and ")
            )
        })
        .unwrap_or_default()
}

/// The chart in words: the mean's first and latest, then each activity's, in the words the
/// report uses.
fn in_words(log: &ActivityLog) -> String {
    let means = log.means();
    let Some((first_on, first)) = means.first() else {
        return "No activity rated yet.".to_owned();
    };
    let mut lines = vec![
        "How well you can do the things you named, from 0 (cannot do it at all) to 10 (as well \
         as before)."
            .to_owned(),
    ];
    lines.push(match log.mean_change() {
        Some(change) => format!("Mean: {}{}.", change.describe(MEAN_POINTS), compared(log)),
        None => format!(
            "Mean: {first:.1} on {}, rated once so far.",
            short_date(*first_on)
        ),
    });
    for activity in log.activities.iter().filter(|a| !a.ratings.is_empty()) {
        let retired = activity
            .retired_on
            .map(|d| format!(" (no longer rated from {})", short_date(d)))
            .unwrap_or_default();
        lines.push(match activity.change() {
            Some(change) => format!(
                "{}{retired}: {}.",
                activity.name,
                change.describe(ACTIVITY_POINTS)
            ),
            None => {
                let (on, rating) = activity.ratings[0];
                format!(
                    "{}{retired}: {rating} on {}, rated once.",
                    activity.name,
                    short_date(on)
                )
            }
        });
    }
    lines.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care::activities::{ActivityEntry, ActivityRating};
    use crate::domain::care::checkin::Day;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).expect("a date")
    }

    fn rated(on: u32, named: &[&str], ratings: &[(&str, u8)]) -> Day {
        let mut day = Day::on(date(on));
        day.activities = ActivityEntry {
            named: named.iter().map(|n| (*n).to_owned()).collect(),
            ratings: ratings
                .iter()
                .map(|(a, r)| ActivityRating {
                    activity: (*a).to_owned(),
                    rating: *r,
                })
                .collect(),
            ..ActivityEntry::default()
        };
        day
    }

    #[test]
    fn an_activity_not_rated_on_a_date_is_a_gap_and_the_band_is_2_around_the_first_mean() {
        let days = [
            rated(1, &["run", "lift"], &[("run", 2), ("lift", 5)]),
            rated(15, &[], &[("run", 4)]),
            rated(29, &[], &[("run", 6), ("lift", 7)]),
        ];
        let figures = activity_figures(&crate::domain::care::checkin::activity_log(&days));
        assert_eq!(
            figures.means,
            vec![(date(1), 3.5), (date(15), 4.0), (date(29), 6.5)]
        );
        let lift = &figures.series[1];
        assert_eq!(
            lift.points,
            vec![(date(1), Some(5)), (date(15), None), (date(29), Some(7))],
            "not rated on the 15th: a gap, never 0"
        );
        assert_eq!(figures.band, Some((1.5, 5.5)));
        assert!(
            figures.in_words.contains(
                "Mean: 3.5 on 1 Nov 2026, 6.5 on 29 Nov 2026: up 3, a change that matters (2 points or more)."
            ),
            "{}",
            figures.in_words
        );
        assert!(
            figures
                .in_words
                .contains("run: 2 on 1 Nov 2026, 6 on 29 Nov 2026: up 4")
        );
    }
}
