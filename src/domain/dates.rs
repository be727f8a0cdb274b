//! The dates Strongback works with: 1900 to 2200. Dates outside are refused where they come
//! in (plan and days files, the app's own records, command-line arguments), so date arithmetic
//! in the rules and progress code can never overflow.

use chrono::{Datelike as _, NaiveDate};

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
