//! Whether today's training reminder is due, and what it says (issue 30): on a day the plan
//! asks for (by default, a day without a session while the week is behind the plan's sessions a
//! week; or the weekdays the person chose), not when they have trained today, not while the app
//! is open, at most once a day. While training is stopped or paused by a red flag, it says what
//! the stop says (see a clinician), never "time to train". Pure: the date and every fact come in.

use chrono::{Datelike as _, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::rules::{Referral, Status};

/// The person's choice of reminder (kept in the settings). Off until they turn it on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReminderSetting {
    pub on: bool,
    /// The time of day, local: 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    pub days: ReminderDays,
}

impl Default for ReminderSetting {
    fn default() -> Self {
        Self {
            on: false,
            hour: 18,
            minute: 0,
            days: ReminderDays::AsThePlanAsks,
        }
    }
}

impl ReminderSetting {
    /// Hand-edited values brought back into range; no chosen weekday means the plan's days.
    #[must_use]
    pub fn sanitized(mut self) -> Self {
        self.hour = self.hour.min(23);
        self.minute = self.minute.min(59);
        if let ReminderDays::Weekdays(days) = &mut self.days {
            days.sort_by_key(Weekday::num_days_from_monday);
            days.dedup();
            if days.is_empty() {
                self.days = ReminderDays::AsThePlanAsks;
            }
        }
        self
    }

    /// `18:00`.
    pub fn time_label(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// The days in words: "the days your plan asks for" or "Mon, Wed and Fri".
    pub fn days_label(&self) -> String {
        match &self.days {
            ReminderDays::AsThePlanAsks => "the days your plan asks for".to_owned(),
            ReminderDays::Weekdays(days) if days.len() == 7 => "every day".to_owned(),
            ReminderDays::Weekdays(days) => {
                let names: Vec<String> = days.iter().map(ToString::to_string).collect();
                match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => names.concat(),
                }
            }
        }
    }

    /// The weekdays a calendar repeats on: the chosen ones, or the plan's sessions a week
    /// spread over the week.
    pub fn calendar_weekdays(&self, sessions_per_week: u32) -> Vec<Weekday> {
        match &self.days {
            ReminderDays::Weekdays(days) => days.clone(),
            ReminderDays::AsThePlanAsks => spread_over_the_week(sessions_per_week),
        }
    }
}

/// N sessions a week on days with rest between them where there is room.
pub fn spread_over_the_week(sessions_per_week: u32) -> Vec<Weekday> {
    use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    match sessions_per_week {
        0 | 1 => vec![Wed],
        2 => vec![Tue, Fri],
        3 => vec![Mon, Wed, Fri],
        4 => vec![Mon, Tue, Thu, Fri],
        5 => vec![Mon, Tue, Wed, Thu, Fri],
        6 => vec![Mon, Tue, Wed, Thu, Fri, Sat],
        _ => vec![Mon, Tue, Wed, Thu, Fri, Sat, Sun],
    }
}

/// Which days a reminder may come.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReminderDays {
    /// The days the plan asks for: a day without a session while the week is behind.
    AsThePlanAsks,
    /// These weekdays, whatever the week so far.
    Weekdays(Vec<Weekday>),
}

/// Everything the decision needs, gathered by the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderFacts {
    pub today: NaiveDate,
    pub days: ReminderDays,
    pub sessions_per_week: u32,
    /// Dates of this week (Monday to today) with a session done.
    pub trained_on: Vec<NaiveDate>,
    /// Today's decision by the rules: its status and any referral.
    pub status: Status,
    pub referral: Referral,
    /// The app is open (it says so itself; no reminder needed).
    pub app_open: bool,
    /// Today's reminder has already been sent.
    pub sent_today: bool,
    /// The local time now, and the time the reminder is set for, in minutes after midnight:
    /// a run before the time (a timer catching up at the next morning's wake) sends nothing,
    /// so that day's own reminder still comes.
    pub minutes_now: u32,
    pub due_at_minutes: u32,
}

/// Why no reminder today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quiet {
    AlreadySentToday,
    AppOpen,
    TrainedToday,
    /// The week is on track.
    NotAPlannedDay,
    /// Today is not one of the weekdays the person chose.
    NotAChosenDay,
    /// The day's time has not come yet.
    NotYetTime,
    /// The rules say rest today (after a red session).
    RestDay,
}

impl Quiet {
    /// Why no reminder today, in words (`strongback remind --print`).
    pub fn describe(self) -> &'static str {
        match self {
            Quiet::AlreadySentToday => "today's reminder has been sent already",
            Quiet::AppOpen => "Strongback is open",
            Quiet::TrainedToday => "you have trained today",
            Quiet::NotAPlannedDay => "your week is on track, so today is not a training day",
            Quiet::NotAChosenDay => "today is not one of the days you chose",
            Quiet::NotYetTime => "its time has not come yet today",
            Quiet::RestDay => "today is a rest day by the rules",
        }
    }
}

/// The reminder to post, or why none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reminder {
    Post { title: String, body: String },
    None(Quiet),
}

/// Whether a reminder is due today, and its words.
pub fn decide_reminder(facts: &ReminderFacts) -> Reminder {
    if facts.sent_today {
        return Reminder::None(Quiet::AlreadySentToday);
    }
    if facts.app_open {
        return Reminder::None(Quiet::AppOpen);
    }
    if facts.minutes_now < facts.due_at_minutes {
        return Reminder::None(Quiet::NotYetTime);
    }
    // A stop or pause is said whatever the day: it is what the person must act on.
    match facts.status {
        Status::Stopped => {
            return Reminder::Post {
                title: "Strongback: training is stopped".to_owned(),
                body: "Your answers showed signs that need emergency care, not exercise. If you \
                       have not been seen yet, go to an emergency department or call your \
                       emergency number now. Training starts again only once a clinician has \
                       cleared you."
                    .to_owned(),
            };
        }
        Status::Paused => {
            return Reminder::Post {
                title: "Strongback: training is paused".to_owned(),
                body: "Please see a clinician about what you reported before training again. \
                       Open the app to tell it once a clinician has cleared you."
                    .to_owned(),
            };
        }
        Status::Rest => return Reminder::None(Quiet::RestDay),
        Status::Train | Status::Gentle | Status::Deload => {}
    }
    if facts.trained_on.contains(&facts.today) {
        return Reminder::None(Quiet::TrainedToday);
    }
    if !planned_day(facts) {
        return Reminder::None(match facts.days {
            ReminderDays::AsThePlanAsks => Quiet::NotAPlannedDay,
            ReminderDays::Weekdays(_) => Quiet::NotAChosenDay,
        });
    }
    let mut body = match facts.status {
        Status::Gentle => "Today is a gentle day: a short, easy session is ready.".to_owned(),
        Status::Deload => "An easier week: today's session is lighter than usual.".to_owned(),
        _ => "Your back-care session is ready when you are.".to_owned(),
    };
    match facts.referral {
        Referral::Urgent => {
            body.push_str(" Please also see a doctor in the next few days, as the app advised.");
        }
        Referral::Routine => {
            body.push_str(" Remember to book the clinician appointment the app suggested.");
        }
        _ => {}
    }
    Reminder::Post {
        title: "Strongback: time for your session".to_owned(),
        body,
    }
}

/// Today is one the reminder may come on: a chosen weekday, or (as the plan asks) a day when
/// the sessions done this week are fewer than the plan's share of the week so far.
fn planned_day(facts: &ReminderFacts) -> bool {
    match &facts.days {
        ReminderDays::Weekdays(days) => days.contains(&facts.today.weekday()),
        ReminderDays::AsThePlanAsks => {
            let monday = facts.today
                - chrono::Duration::days(i64::from(facts.today.weekday().num_days_from_monday()));
            let mut dates: Vec<NaiveDate> = facts
                .trained_on
                .iter()
                .copied()
                .filter(|d| *d >= monday && *d <= facts.today)
                .collect();
            dates.sort_unstable();
            dates.dedup();
            let done = dates.len();
            // Days of the week so far, today included; the plan's share of them, rounded up.
            let days_so_far = facts.today.weekday().num_days_from_monday() + 1;
            let due = (facts.sessions_per_week * days_so_far).div_ceil(7);
            u32::try_from(done).unwrap_or(u32::MAX) < due
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday 7 December 2026.
    fn monday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date")
    }

    fn facts(today: NaiveDate) -> ReminderFacts {
        ReminderFacts {
            today,
            days: ReminderDays::AsThePlanAsks,
            sessions_per_week: 3,
            trained_on: Vec::new(),
            status: Status::Train,
            referral: Referral::None,
            app_open: false,
            sent_today: false,
            minutes_now: 18 * 60,
            due_at_minutes: 18 * 60,
        }
    }

    fn day(n: i64) -> NaiveDate {
        monday() + chrono::Duration::days(n)
    }

    fn posts(reminder: &Reminder) -> bool {
        matches!(reminder, Reminder::Post { .. })
    }

    #[test]
    fn three_a_week_reminds_while_the_week_is_behind_and_not_when_ahead() {
        // Monday, nothing done: 3 of 7 days' share rounds up to 1, so behind.
        assert!(posts(&decide_reminder(&facts(day(0)))));
        // Trained Monday: on Tuesday the share is still 1, on track.
        let mut tuesday = facts(day(1));
        tuesday.trained_on = vec![day(0)];
        assert_eq!(
            decide_reminder(&tuesday),
            Reminder::None(Quiet::NotAPlannedDay)
        );
        // Wednesday the share is 2: one session is behind.
        let mut wednesday = facts(day(2));
        wednesday.trained_on = vec![day(0)];
        assert!(posts(&decide_reminder(&wednesday)));
        // Two sessions on one date count as one date: still behind.
        wednesday.trained_on = vec![day(0), day(0)];
        assert!(posts(&decide_reminder(&wednesday)));
        // On track: Monday and Tuesday.
        wednesday.trained_on = vec![day(0), day(1)];
        assert_eq!(
            decide_reminder(&wednesday),
            Reminder::None(Quiet::NotAPlannedDay)
        );
        // Last week's sessions do not count for this week.
        let mut fresh = facts(day(0));
        fresh.trained_on = vec![day(-1), day(-2), day(-3)];
        assert!(posts(&decide_reminder(&fresh)));
    }

    #[test]
    fn chosen_weekdays_remind_on_those_days_only() {
        let mut f = facts(day(1));
        f.days = ReminderDays::Weekdays(vec![Weekday::Tue, Weekday::Thu]);
        f.trained_on = vec![day(0)];
        assert!(
            posts(&decide_reminder(&f)),
            "a chosen day, whatever the week"
        );
        f.today = day(2);
        assert_eq!(decide_reminder(&f), Reminder::None(Quiet::NotAChosenDay));
    }

    #[test]
    fn no_reminder_after_training_today_while_the_app_is_open_or_twice_a_day() {
        let mut f = facts(day(0));
        f.trained_on = vec![day(0)];
        assert_eq!(decide_reminder(&f), Reminder::None(Quiet::TrainedToday));
        let mut f = facts(day(0));
        f.app_open = true;
        assert_eq!(decide_reminder(&f), Reminder::None(Quiet::AppOpen));
        let mut f = facts(day(0));
        f.sent_today = true;
        assert_eq!(decide_reminder(&f), Reminder::None(Quiet::AlreadySentToday));
        // A timer catching up at 08:10 the next morning (the computer slept through 18:00)
        // sends nothing then: that day's own reminder comes at 18:00.
        let mut f = facts(day(0));
        f.minutes_now = 8 * 60 + 10;
        assert_eq!(decide_reminder(&f), Reminder::None(Quiet::NotYetTime));
        f.minutes_now = 21 * 60;
        assert!(posts(&decide_reminder(&f)), "late is still today's");
    }

    #[test]
    fn a_stop_or_pause_says_see_a_clinician_never_time_to_train() {
        for status in [Status::Stopped, Status::Paused] {
            let mut f = facts(day(1));
            f.status = status;
            f.trained_on = vec![day(0)];
            let Reminder::Post { title, body } = decide_reminder(&f) else {
                panic!("{status:?}: said even on an off day");
            };
            assert!(!title.contains("time for"), "{title}");
            assert!(body.contains("clinician"), "{body}");
            if status == Status::Stopped {
                assert!(body.contains("emergency"), "a stop is an emergency: {body}");
            }
        }
        let mut rest = facts(day(0));
        rest.status = Status::Rest;
        assert_eq!(decide_reminder(&rest), Reminder::None(Quiet::RestDay));
    }

    #[test]
    fn the_setting_is_kept_in_range_and_said_in_words() {
        let setting = ReminderSetting {
            on: true,
            hour: 31,
            minute: 75,
            days: ReminderDays::Weekdays(vec![Weekday::Fri, Weekday::Mon, Weekday::Fri]),
        }
        .sanitized();
        assert_eq!(setting.time_label(), "23:59");
        assert_eq!(setting.days_label(), "Mon and Fri");
        let none_chosen = ReminderSetting {
            days: ReminderDays::Weekdays(Vec::new()),
            ..ReminderSetting::default()
        }
        .sanitized();
        assert_eq!(none_chosen.days, ReminderDays::AsThePlanAsks);
        assert_eq!(none_chosen.days_label(), "the days your plan asks for");
        assert!(!ReminderSetting::default().on, "off until chosen");
        assert_eq!(
            none_chosen.calendar_weekdays(3),
            vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]
        );
        for n in 0..=9 {
            let days = spread_over_the_week(n);
            assert_eq!(days.len(), n.clamp(1, 7) as usize, "{n} a week");
        }
    }

    #[test]
    fn an_urgent_referral_is_remembered_and_ahead_of_the_week_is_quiet() {
        let mut f = facts(day(0));
        f.referral = Referral::Urgent;
        let Reminder::Post { body, .. } = decide_reminder(&f) else {
            panic!("due");
        };
        assert!(body.contains("see a doctor in the next few days"), "{body}");
        // Friday, three sessions done (Mon, Tue, Wed): the week's share (3) is met.
        let mut ahead = facts(day(4));
        ahead.trained_on = vec![day(0), day(1), day(2)];
        assert_eq!(
            decide_reminder(&ahead),
            Reminder::None(Quiet::NotAPlannedDay)
        );
        // Sunday with two of three: behind, reminded.
        let mut behind = facts(day(6));
        behind.trained_on = vec![day(0), day(3)];
        assert!(posts(&decide_reminder(&behind)));
    }

    #[test]
    fn an_open_referral_is_remembered_in_the_reminder() {
        let mut f = facts(day(0));
        f.referral = Referral::Routine;
        let Reminder::Post { body, .. } = decide_reminder(&f) else {
            panic!("due");
        };
        assert!(body.contains("book the clinician appointment"), "{body}");
    }
}
