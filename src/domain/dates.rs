//! The dates Strongback works with: 1900 to 2200. Dates outside are refused where they come
//! in (plan and days files, the app's own records, command-line arguments), so date arithmetic
//! in the rules and progress code can never overflow.

use chrono::{Datelike as _, Duration, NaiveDate};

pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// Whether `date` is within the years Strongback accepts.
pub fn supported(date: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// Why a date is refused, for messages.
pub fn unsupported_message(date: NaiveDate) -> String {
    format!("{date} is outside the dates Strongback accepts ({FIRST_YEAR} to {LAST_YEAR})")
}

/// The Monday of the week `date` is in.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// Days since 1970-01-01, the x value charts use for a date.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - 719_163)
}

/// The date for a chart's x value.
pub fn date_of_day_number(x: f64) -> Option<NaiveDate> {
    let days = x.round();
    if !days.is_finite() || days.abs() > 1e7 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32 + 719_163)
}

/// A date as people read it in a sentence: "15 Dec 2025" (ISO stays in CSV and JSON).
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// A date as people write it: "Monday 7 December 2026".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_1900_to_2200_are_supported_and_no_others() {
        let date = |y| NaiveDate::from_ymd_opt(y, 6, 1).expect("valid");
        assert!(supported(date(1900)));
        assert!(supported(date(2026)));
        assert!(supported(date(2200)));
        assert!(!supported(date(1899)));
        assert!(!supported(date(2201)));
        assert!(!supported(NaiveDate::MAX));
        assert!(!supported(NaiveDate::MIN));
    }
}
