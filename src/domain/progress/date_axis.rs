//! Date ticks for charts, shared by the app's plots and the report's SVG: one tick per day,
//! week, month or year, chosen by the span, so no label ever repeats. Pure: day numbers (days
//! since 1970-01-01, as [`crate::domain::dates::day_number`]) in, ticks out.

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::dates::{date_of_day_number, day_number, week_start};

/// What one tick stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    Day,
    Week,
    Month,
    Year,
}

impl TickUnit {
    /// Roughly how many days apart its ticks are.
    pub fn days(self) -> f64 {
        match self {
            TickUnit::Day => 1.0,
            TickUnit::Week => 7.0,
            TickUnit::Month => 30.4,
            TickUnit::Year => 365.25,
        }
    }

    /// The label of a tick on `date` ("3 Dec", "Dec 2026", "2027").
    pub fn label(self, date: NaiveDate) -> String {
        match self {
            TickUnit::Day | TickUnit::Week => date.format("%-d %b").to_string(),
            TickUnit::Month => date.format("%b %Y").to_string(),
            TickUnit::Year => date.format("%Y").to_string(),
        }
    }
}

/// A tick: its day number and label.
#[derive(Clone, Debug, PartialEq)]
pub struct DateTick {
    pub x: f64,
    pub label: String,
}

/// The unit for a chart spanning `span_days` with room for about `max_ticks` labels.
pub fn tick_unit(span_days: f64, max_ticks: usize) -> TickUnit {
    let room = max_ticks.max(2) as f64;
    // Day and week labels ("3 Dec") only within a year, so that they never repeat.
    if span_days < 360.0 && span_days <= room * 2.0 {
        TickUnit::Day
    } else if span_days < 360.0 && span_days / 7.0 <= room * 4.0 {
        TickUnit::Week
    } else if span_days / 30.4 <= room * 6.0 {
        TickUnit::Month
    } else {
        TickUnit::Year
    }
}

/// How many units apart labelled ticks go, so that at most about `room` fit.
fn every(span_days: f64, unit: TickUnit, room: f64) -> u32 {
    let needed = (span_days / unit.days() / room).ceil().max(1.0) as u32;
    let steps: &[u32] = match unit {
        TickUnit::Day => &[1, 2],
        TickUnit::Week => &[1, 2, 4],
        TickUnit::Month => &[1, 2, 3, 6],
        TickUnit::Year => &[1, 2, 5, 10, 20, 50],
    };
    steps
        .iter()
        .copied()
        .find(|s| *s >= needed)
        .unwrap_or(needed)
}

/// Ticks between the day numbers `min` and `max` (inclusive), at most about `max_ticks`,
/// each label distinct.
pub fn date_ticks(min: f64, max: f64, max_ticks: usize) -> (TickUnit, Vec<DateTick>) {
    let (Some(first), Some(last)) = (date_of_day_number(min.ceil()), date_of_day_number(max))
    else {
        return (TickUnit::Day, Vec::new());
    };
    let span = (max - min).max(0.0);
    let unit = tick_unit(span, max_ticks);
    let step = every(span, unit, max_ticks.max(2) as f64);
    let mut ticks = Vec::new();
    let mut date = match unit {
        TickUnit::Day => first,
        TickUnit::Week => {
            let monday = week_start(first);
            if monday < first {
                monday + Duration::weeks(1)
            } else {
                monday
            }
        }
        TickUnit::Month => next_month_start(first),
        TickUnit::Year => next_year_start(first),
    };
    let mut index = 0u32;
    while date <= last {
        if index.is_multiple_of(step) {
            ticks.push(DateTick {
                x: day_number(date),
                label: unit.label(date),
            });
        }
        index += 1;
        date = match unit {
            TickUnit::Day => date + Duration::days(1),
            TickUnit::Week => date + Duration::weeks(1),
            TickUnit::Month => next_month_start(date + Duration::days(1)),
            TickUnit::Year => next_year_start(date + Duration::days(1)),
        };
    }
    (unit, ticks)
}

/// The first of the month on or after `date`.
fn next_month_start(date: NaiveDate) -> NaiveDate {
    if date.day() == 1 {
        return date;
    }
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date)
}

/// The first of January on or after `date`.
fn next_year_start(date: NaiveDate) -> NaiveDate {
    if date.ordinal() == 1 {
        return date;
    }
    NaiveDate::from_ymd_opt(date.year() + 1, 1, 1).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> f64 {
        day_number(text.parse().expect("date"))
    }

    fn labels(min: &str, max: &str, max_ticks: usize) -> (TickUnit, Vec<String>) {
        let (unit, ticks) = date_ticks(day(min), day(max), max_ticks);
        (unit, ticks.into_iter().map(|t| t.label).collect())
    }

    fn distinct(labels: &[String]) -> bool {
        let mut sorted = labels.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted.len() == labels.len()
    }

    #[test]
    fn a_week_has_day_ticks() {
        let (unit, labels) = labels("2026-11-28", "2026-12-04", 8);
        assert_eq!(unit, TickUnit::Day);
        assert_eq!(labels.first().map(String::as_str), Some("28 Nov"));
        assert_eq!(labels.len(), 7);
    }

    #[test]
    fn two_months_have_monday_ticks_and_a_year_month_ticks_and_ten_years_year_ticks() {
        let (unit, weekly) = labels("2026-10-01", "2026-12-01", 10);
        assert_eq!(unit, TickUnit::Week);
        assert!(distinct(&weekly));
        let (unit, monthly) = labels("2025-12-01", "2026-12-01", 8);
        assert_eq!(unit, TickUnit::Month);
        assert!(distinct(&monthly) && monthly.len() <= 8, "{monthly:?}");
        let (unit, yearly) = labels("2016-12-01", "2026-12-01", 8);
        assert_eq!(unit, TickUnit::Year);
        assert!(distinct(&yearly) && yearly.len() <= 8, "{yearly:?}");
    }

    #[test]
    fn a_single_day_gets_its_own_tick_and_labels_never_repeat_at_any_span() {
        let (_, one) = labels("2026-12-01", "2026-12-01", 6);
        assert_eq!(one, vec!["1 Dec".to_owned()]);
        for span in [0, 1, 3, 10, 30, 90, 200, 364, 400, 800, 2000, 3650, 20000] {
            for max_ticks in [3, 6, 12] {
                let min = day("2020-02-29");
                let (_, ticks) = date_ticks(min, min + f64::from(span), max_ticks);
                let names: Vec<String> = ticks.iter().map(|t| t.label.clone()).collect();
                assert!(distinct(&names), "span {span}: {names:?}");
                assert!(
                    ticks.len() <= max_ticks + 1,
                    "span {span}, room {max_ticks}: {}",
                    ticks.len()
                );
            }
        }
    }
}
