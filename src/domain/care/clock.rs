//! Time runs forward: a computer clock set earlier than the newest record is noticed before
//! a past day's check-in is used again or a session is filed under that earlier date.

use chrono::NaiveDate;

use super::checkin::Day;

/// The computer's date is earlier than the newest record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockBehind {
    /// The date the computer's clock gives.
    pub today: NaiveDate,
    /// The newest date anything was recorded on.
    pub newest: NaiveDate,
}

/// Whether `today` is earlier than the newest date in `days` or of the newest session
/// (`newest_session`, when a session record is newer than the days, as after a failed save).
pub fn clock_behind(
    today: NaiveDate,
    days: &[Day],
    newest_session: Option<NaiveDate>,
) -> Option<ClockBehind> {
    let newest = days.iter().map(|d| d.date).chain(newest_session).max()?;
    (newest > today).then_some(ClockBehind { today, newest })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn only_a_date_before_the_newest_record_is_behind() {
        let days = [Day::on(date("2026-12-05")), Day::on(date("2026-11-20"))];
        assert_eq!(
            clock_behind(date("2026-11-21"), &days, None),
            Some(ClockBehind {
                today: date("2026-11-21"),
                newest: date("2026-12-05")
            })
        );
        assert_eq!(clock_behind(date("2026-12-05"), &days, None), None);
        assert_eq!(clock_behind(date("2026-12-06"), &days, None), None);
        assert_eq!(clock_behind(date("2026-12-06"), &[], None), None);
        // A session record newer than the days counts too.
        assert_eq!(
            clock_behind(date("2026-12-06"), &days, Some(date("2026-12-07"))).map(|c| c.newest),
            Some(date("2026-12-07"))
        );
    }
}
