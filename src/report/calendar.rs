//! The training-days calendar file (`.ics`, RFC 5545): one repeating event on the training
//! weekdays at the chosen time, with an alert, so the calendar a person already uses on their
//! phone or desktop reminds them too. The person saves it from Reminders…; the physio from the
//! plan editor, to hand over with the handout.

use chrono::{
    DateTime, Datelike as _, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday,
};
use icalendar::{Alarm, Calendar, Component as _, Event, EventLike as _};

/// What the calendar holds.
#[derive(Clone, Debug)]
pub struct TrainingCalendar<'a> {
    pub plan_name: &'a str,
    /// Who prescribed it ("Alex Morgan, physiotherapist"), if anyone.
    pub clinician: Option<&'a str>,
    pub weekdays: &'a [Weekday],
    pub hour: u8,
    pub minute: u8,
    /// The first day it may fall on.
    pub from: NaiveDate,
    /// The last (the plan's review date), if it ends.
    pub until: Option<NaiveDate>,
    /// How long the event lasts.
    pub minutes: u32,
    /// When the file is made (its DTSTAMP).
    pub made_at: DateTime<Utc>,
}

/// A plan's training days as a calendar file: from its start (or `today`, if later) to its
/// review date, each event as long as the plan's session.
pub fn plan_calendar(
    plan: &crate::domain::plan::checks::CheckedPlan,
    weekdays: &[Weekday],
    (hour, minute): (u8, u8),
    today: NaiveDate,
    made_at: DateTime<Utc>,
) -> String {
    let minutes = crate::domain::plan::timeline::Timeline::build(&plan.circuit)
        .planned_total_secs()
        .div_ceil(60);
    training_calendar(&TrainingCalendar {
        plan_name: &plan.plan.name,
        clinician: plan.plan.clinician.as_ref().map(|c| c.name.as_str()),
        weekdays,
        hour,
        minute,
        from: plan.plan.start_date.map_or(today, |start| start.max(today)),
        until: plan.plan.review_date.filter(|review| *review >= today),
        minutes: u32::try_from(minutes).unwrap_or(60),
        made_at,
    })
}

/// `MO`, `TU`… as RFC 5545 writes weekdays.
fn ical_day(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// The calendar file's text.
pub fn training_calendar(request: &TrainingCalendar<'_>) -> String {
    let mut weekdays = request.weekdays.to_vec();
    weekdays.sort_by_key(Weekday::num_days_from_monday);
    weekdays.dedup();
    if weekdays.is_empty() {
        weekdays.push(Weekday::Wed);
    }
    let time = NaiveTime::from_hms_opt(
        u32::from(request.hour.min(23)),
        u32::from(request.minute.min(59)),
        0,
    )
    .unwrap_or(NaiveTime::MIN);
    // The first training weekday on or after `from`.
    let first = (0..7)
        .map(|n| request.from + Duration::days(n))
        .find(|d| weekdays.contains(&d.weekday()))
        .unwrap_or(request.from);
    let start = NaiveDateTime::new(first, time);
    let end = start + Duration::minutes(i64::from(request.minutes.max(5)));
    let days: Vec<&str> = weekdays.iter().map(|d| ical_day(*d)).collect();
    let mut rule = format!("FREQ=WEEKLY;BYDAY={}", days.join(","));
    if let Some(until) = request.until {
        // Floating time, as DTSTART is: the end of that day wherever the person is.
        rule.push_str(&format!(";UNTIL={}T235959", until.format("%Y%m%d")));
    }
    let mut description = format!(
        "Your back-care strength session ({}). Open Strongback for the check-in and the \
         session. If the check-in finds a warning sign, the app tells you what to do instead \
         of training.",
        request.plan_name
    );
    if let Some(clinician) = request.clinician {
        description.push_str(&format!(" Plan from {clinician}."));
    }
    // One series per plan: saved again (another day, another time), it replaces the one
    // in the calendar instead of adding a second, since its sequence number is higher.
    let slug: String = request
        .plan_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let uid = format!("strongback-training-{slug}@strongback.invalid");
    let sequence = (request.made_at.timestamp() / 60).max(0).to_string();
    // An alert when it starts, with its own id and time stamp given (the library would make
    // random ones), so the same request makes the same file.
    let mut alert = Alarm::display("Time for your back-care session", -Duration::zero());
    alert
        .uid(&format!("alert-{uid}"))
        .timestamp(request.made_at);
    let event = Event::new()
        .uid(&uid)
        .timestamp(request.made_at)
        .summary("Back-care session (Strongback)")
        .description(&description)
        .starts(start)
        .ends(end)
        .add_property("RRULE", rule)
        .add_property("SEQUENCE", sequence)
        .alarm(alert)
        .done();
    let mut calendar = Calendar::new();
    calendar.name("Strongback training days").push(event);
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr as _;

    fn request() -> TrainingCalendar<'static> {
        TrainingCalendar {
            plan_name: "Leg-friendly core plan",
            clinician: Some("Alex Morgan, physiotherapist"),
            weekdays: &[Weekday::Fri, Weekday::Mon, Weekday::Wed],
            hour: 18,
            minute: 30,
            // A Sunday: the first session is the Monday after.
            from: NaiveDate::from_ymd_opt(2026, 12, 6).expect("date"),
            until: NaiveDate::from_ymd_opt(2027, 1, 12),
            minutes: 25,
            made_at: DateTime::from_timestamp(1_796_000_000, 0).expect("time"),
        }
    }

    #[test]
    fn the_calendar_parses_back_with_its_days_time_and_alert() {
        let text = training_calendar(&request());
        assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
        assert!(text.contains("\r\n"), "lines end CRLF as RFC 5545 asks");
        let parsed = Calendar::from_str(&text).expect("parses");
        let events: Vec<&Event> = parsed.events().collect();
        assert_eq!(events.len(), 1);
        let event = events[0];
        assert_eq!(event.get_summary(), Some("Back-care session (Strongback)"));
        assert_eq!(event.property_value("DTSTART"), Some("20261207T183000"));
        assert_eq!(event.property_value("DTEND"), Some("20261207T185500"));
        assert_eq!(
            event.property_value("RRULE"),
            Some("FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270112T235959")
        );
        assert!(
            event
                .get_description()
                .is_some_and(|d| d.contains("Alex Morgan")),
            "{text}"
        );
        assert!(text.contains("BEGIN:VALARM"), "{text}");
        assert!(text.contains("ACTION:DISPLAY"), "{text}");
        // Made twice from the same request: the same file (nothing taken from the clock).
        assert_eq!(text, training_calendar(&request()));
        // Saved again later with other days: the same series, a higher sequence.
        let mut later = request();
        later.weekdays = &[Weekday::Tue];
        later.made_at += Duration::days(3);
        let again = Calendar::from_str(&training_calendar(&later)).expect("parses");
        let again = again.events().next().expect("an event");
        assert_eq!(again.get_uid(), event.get_uid());
        let seq = |e: &Event| {
            e.property_value("SEQUENCE")
                .and_then(|s| s.parse::<i64>().ok())
                .expect("a sequence")
        };
        assert!(seq(again) > seq(event));
    }
}
