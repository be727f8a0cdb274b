//! What the person reports: the check-in before a session (clinical spec §3), red flags (§4),
//! the report after a session, and a clinician's clearance. Our own wording, not a validated score.

use super::activities::{ActivityEntry, ActivityLog, entry_problems};
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

pub use crate::domain::red_flags::{FlagKind, FlagTier, RedFlag, flag_list};

/// What the person said about one session, found in one place so that the session's detail,
/// its light, the report and the CSV all read the same answers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SaidAboutSession<'a> {
    /// The first check-in of the session's date.
    pub check_in: Option<&'a CheckIn>,
    /// Back pain at the session's date, from the first check-in that answered it.
    pub back_pain: Option<u8>,
    /// The session's own after-session report.
    pub report: Option<&'a SessionReport>,
    /// The morning-after answer of the first check-in on a later date.
    pub next_morning: Option<MorningAfter>,
}

/// What was said about the session that started at `started_at`, from the days on record.
pub fn said_about_session(days: &[Day], started_at: DateTime<FixedOffset>) -> SaidAboutSession<'_> {
    let date = started_at.date_naive();
    let same_date = || days.iter().filter(move |d| d.date == date);
    SaidAboutSession {
        check_in: same_date().find_map(|d| d.check_in.as_ref()),
        back_pain: same_date().find_map(|d| d.check_in.as_ref().and_then(|c| c.back_pain)),
        report: same_date().find_map(|d| d.report_for(started_at)),
        next_morning: days
            .iter()
            .filter(|d| d.date > date)
            .filter_map(|d| d.check_in.as_ref().map(|c| (d.date, c.morning_after)))
            .min_by_key(|(d, _)| *d)
            .and_then(|(_, morning)| morning),
    }
}

/// How far down a leg pain reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LegExtent {
    Buttock,
    Thigh,
    BelowKnee,
    Foot,
}

/// Leg symptoms since last time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegTrend {
    /// Closer to the back (centralising).
    Closer,
    Same,
    /// Further down the leg.
    Further,
}

/// The morning after the last session, compared with a usual morning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MorningAfter {
    Better,
    Same,
    WorseButSettled,
    WorseNotSettled,
}

/// Which words fit the pain best (suggests the presentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PainKind {
    SuddenLocking,
    ShootingIntoLeg,
    GeneralAche,
    NoPain,
}

/// Optional function items, each 0 (no trouble) to 4 (cannot), or absent when left alone
/// (written as a plain number; files before version 3 of the spec always had all three).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionScores {
    #[serde(default, with = "pain_value", skip_serializing_if = "Option::is_none")]
    pub sleep: Option<u8>,
    #[serde(default, with = "pain_value", skip_serializing_if = "Option::is_none")]
    pub sitting_or_driving: Option<u8>,
    #[serde(default, with = "pain_value", skip_serializing_if = "Option::is_none")]
    pub running: Option<u8>,
}

impl FunctionScores {
    /// At least one item was answered.
    pub fn any_answered(&self) -> bool {
        self.sleep.is_some() || self.sitting_or_driving.is_some() || self.running.is_some()
    }
}

/// The check-in before a session, at most once a day.
/// `Default` is a check-in with nothing answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// Red flags answered "yes".
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    /// The background risk factors were asked (at the intake, or for a plan with a later
    /// start date); the ones answered "yes" are in `red_flags`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub risk_factors_asked: bool,
    /// Back pain 0–10; absent when the check-in ended on a red flag (never 0 for "not asked").
    #[serde(default, with = "pain_value", skip_serializing_if = "Option::is_none")]
    pub back_pain: Option<u8>,
    /// Leg pain 0–10. Left out of a check-in that answered back pain, it means 0 (files
    /// before version 2 wrote it that way); see [`CheckIn::answered_leg_pain`].
    #[serde(default, with = "pain_value", skip_serializing_if = "Option::is_none")]
    pub leg_pain: Option<u8>,
    #[serde(default)]
    pub leg_extent: Option<LegExtent>,
    #[serde(default)]
    pub leg_trend: Option<LegTrend>,
    /// New numbness or tingling in a leg (files from before version 2 of the rules called
    /// this `new_numbness_or_weakness`).
    #[serde(default, alias = "new_numbness_or_weakness")]
    pub new_numbness: bool,
    /// New weakness in a leg or foot: a warning that also refers (clinical spec §5 R2).
    #[serde(default)]
    pub new_weakness: bool,
    #[serde(default)]
    pub morning_after: Option<MorningAfter>,
    #[serde(default)]
    pub pain_kind: Option<PainKind>,
    /// The person confirmed that `pain_kind` should set their presentation (a plan that does
    /// not set one takes it only on confirmation, clinical spec §5 R8).
    #[serde(default, skip_serializing_if = "is_false")]
    pub confirms_presentation: bool,
    #[serde(default)]
    pub function: Option<FunctionScores>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// A pain value written as a plain number (`back_pain: 3`), or absent; `Some(3)` is read too.
mod pain_value {
    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::Serializer;

    pub fn serialize<S: Serializer>(value: &Option<u8>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_u8(*value),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u8>, D::Error> {
        struct PainVisitor;
        impl<'de> Visitor<'de> for PainVisitor {
            type Value = Option<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number from 0 to 10")
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
                u8::try_from(value).map(Some).map_err(|_| {
                    E::custom(format!(
                        "{value} is not a pain score; use a whole number from 0 to 10"
                    ))
                })
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
                u64::try_from(value)
                    .map_err(|_| {
                        E::custom(format!(
                            "{value} is not a pain score; use a whole number from 0 to 10"
                        ))
                    })
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
                Err(E::custom(format!(
                    "{value} is not a pain score; use a whole number from 0 to 10"
                )))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(PainVisitor)
            }
        }
        deserializer.deserialize_any(PainVisitor)
    }
}

impl CheckIn {
    /// Leg pain 0–10 when pain was answered (a check-in ended by a red flag has none).
    pub fn answered_leg_pain(&self) -> Option<u8> {
        self.leg_pain.or(self.back_pain.map(|_| 0))
    }

    /// What the person reported themselves: leg symptoms further down, or new numbness,
    /// tingling or weakness. (The rules also compare the leg's extent with earlier check-ins.)
    pub fn nerve_warning(&self) -> bool {
        self.leg_trend == Some(LegTrend::Further) || self.new_numbness || self.new_weakness
    }

    pub fn worst_flag(&self) -> Option<FlagTier> {
        self.red_flags.iter().map(|f| f.tier()).max()
    }

    /// A check-in with only red-flag answers: the flag ended it before the pain questions.
    pub fn ended_by_red_flag(&self) -> bool {
        !self.red_flags.is_empty() && self.back_pain.is_none()
    }
}

/// After a session: the worst pain during it, sharp or shooting pain, and per exercise whether
/// the prescribed dose was completed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionReport {
    /// The session this report belongs to: its start (a second session on a date has its
    /// own report). Optional in hand-written days files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<DateTime<FixedOffset>>,
    pub worst_pain: u8,
    #[serde(default)]
    pub sharp_or_shooting: bool,
    /// Exercise id → dose completed. An exercise prescribed that day but not listed counts as
    /// completed; one that was not prescribed never counts (clinical spec §5 R4).
    #[serde(default)]
    pub completed: BTreeMap<String, bool>,
}

impl SessionReport {
    pub fn completed(&self, exercise_id: &str) -> bool {
        self.completed.get(exercise_id).copied().unwrap_or(true)
    }
}

/// The person's statement that a clinician assessed them and cleared them to exercise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clearance {
    /// Who cleared them, in the person's words (may be empty).
    #[serde(default)]
    pub note: String,
    /// The red-flag answers it covers, as they stood on its date. Empty (files before version
    /// 2) covers every answer not cleared by then.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<RedFlag>,
}

/// The person's statement that they have seen a clinician about a referral (R7): the referral
/// is shown until then, and afterwards only what happens after this date raises it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClinicianSeen {
    /// Whom they saw, or why the referral was closed, in their words (may be empty).
    #[serde(default)]
    pub note: String,
}

/// Everything recorded on one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    pub date: NaiveDate,
    #[serde(default)]
    pub check_in: Option<CheckIn>,
    /// The report of a session (days files before version 2; [`Day::reports`] reads both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionReport>,
    /// The date's session reports, one per session, in the order the sessions ran.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<SessionReport>,
    #[serde(default)]
    pub clearance: Option<Clearance>,
    #[serde(default)]
    pub clinician_seen: Option<ClinicianSeen>,
    /// The activities the person named, retired or rated on this date (clinical spec §6).
    #[serde(default, skip_serializing_if = "ActivityEntry::is_empty")]
    pub activities: ActivityEntry,
}

impl Day {
    /// An empty entry for `date`.
    pub fn on(date: NaiveDate) -> Day {
        Day {
            date,
            check_in: None,
            session: None,
            sessions: Vec::new(),
            clearance: None,
            clinician_seen: None,
            activities: ActivityEntry::default(),
        }
    }

    /// The date's session reports, the old single `session` first.
    pub fn reports(&self) -> impl Iterator<Item = &SessionReport> {
        self.session.iter().chain(&self.sessions)
    }

    /// The report of the session that started at `started_at`: the one keyed by it, or a
    /// date's only report when it has no key (files before version 2).
    pub fn report_for(&self, started_at: DateTime<FixedOffset>) -> Option<&SessionReport> {
        let mut reports = self.reports();
        if let Some(report) = self.reports().find(|r| r.started_at == Some(started_at)) {
            return Some(report);
        }
        match (reports.next(), reports.next()) {
            (Some(only), None) if only.started_at.is_none() => Some(only),
            _ => None,
        }
    }

    /// Move an old-style `session` into `sessions`, so the entry is written in today's form.
    pub fn normalise(&mut self) {
        if let Some(report) = self.session.take() {
            self.sessions.insert(0, report);
        }
    }

    /// Keep `report` as the report of its session: it replaces the report with the same start,
    /// or is added (a report without a start is added).
    pub fn keep_report(&mut self, report: SessionReport) {
        self.normalise();
        let existing = report.started_at.and_then(|start| {
            self.sessions
                .iter()
                .position(|r| r.started_at == Some(start))
        });
        match existing {
            Some(index) => self.sessions[index] = report,
            None => self.sessions.push(report),
        }
    }
}

/// A check-in's answers out of range, as (field after `check_in`, message): pain 0–10,
/// daily-life items 0–4, and pain missing where no red flag ended the check-in.
fn answer_problems(check_in: &CheckIn) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    for (field, value) in [
        ("back_pain", check_in.back_pain),
        ("leg_pain", check_in.leg_pain),
    ] {
        if let Some(value) = value.filter(|v| *v > 10) {
            problems.push((
                format!(".{field}"),
                format!("{value} is not a pain score; use a whole number from 0 to 10"),
            ));
        }
    }
    if check_in.back_pain.is_none() && check_in.red_flags.is_empty() {
        problems.push((
            String::new(),
            "back_pain is missing; only a check-in ended by a red flag has no pain answers"
                .to_owned(),
        ));
    }
    if let Some(function) = check_in.function {
        for (field, value) in [
            ("sleep", function.sleep),
            ("sitting_or_driving", function.sitting_or_driving),
            ("running", function.running),
        ] {
            if let Some(value) = value.filter(|&value| value > 4) {
                problems.push((
                    format!(".function.{field}"),
                    format!("{value} is out of range; use 0 (no trouble) to 4 (cannot)"),
                ));
            }
        }
    }
    problems
}

/// A date's activity entry checked against the activities being rated before it, which it
/// then moves on (retired ones out, well-named new ones in).
fn activity_problems(entry: &ActivityEntry, current: &mut Vec<String>) -> Vec<(String, String)> {
    let problems = entry_problems(entry, current);
    current.retain(|name| !entry.retired.contains(name));
    for name in &entry.named {
        let usable = super::activities::name_problem(name).is_none();
        if usable && !current.contains(name) {
            current.push(name.clone());
        }
    }
    problems
}

/// What the dates of `days` say about the activities the person named (clinical spec §6).
pub fn activity_log(days: &[Day]) -> ActivityLog {
    ActivityLog::from_entries(days.iter().map(|d| (d.date, &d.activities)))
}

/// Something in a history the rules must not be given, at its field path
/// (`days[3].check_in.back_pain`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayProblem {
    pub path: String,
    pub message: String,
}

/// Every value a history must hold before the rules may decide from it: dates from 1900 to
/// 2200, pain 0–10, daily-life items 0–4, at most one check-in per date, and, when
/// `plan_exercises` is given, per-exercise answers that name exercises of the plan.
pub fn day_problems(days: &[Day], plan_exercises: Option<&[&str]>) -> Vec<DayProblem> {
    let mut problems = Vec::new();
    let mut problem = |path: String, message: String| problems.push(DayProblem { path, message });
    let mut checked_in: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    // The activities being rated as the file goes, for its entries' checks.
    let mut current_activities: Vec<String> = Vec::new();
    let pain = |value: u8| value > 10;
    for (i, day) in days.iter().enumerate() {
        let at = format!("days[{i}]");
        if !crate::domain::dates::supported(day.date) {
            problem(
                format!("{at}.date"),
                crate::domain::dates::unsupported_message(day.date),
            );
        }
        if let Some(check_in) = &day.check_in {
            if let Some(first) = checked_in.insert(day.date, i) {
                problem(
                    format!("{at}.check_in"),
                    format!(
                        "a second check-in on {} (the first is days[{first}]); a date has at most one",
                        day.date
                    ),
                );
            }
            for (field, message) in answer_problems(check_in) {
                problem(format!("{at}.check_in{field}"), message);
            }
        }
        if !day.activities.is_empty() {
            for (field, message) in activity_problems(&day.activities, &mut current_activities) {
                problem(format!("{at}.activities.{field}"), message);
            }
        }
        let reports = day
            .session
            .iter()
            .map(|r| (format!("{at}.session"), r))
            .chain(
                day.sessions
                    .iter()
                    .enumerate()
                    .map(|(n, r)| (format!("{at}.sessions[{n}]"), r)),
            );
        let mut starts = Vec::new();
        for (at, session) in reports {
            if pain(session.worst_pain) {
                problem(
                    format!("{at}.worst_pain"),
                    format!(
                        "{} is not a pain score; use a whole number from 0 to 10",
                        session.worst_pain
                    ),
                );
            }
            if let Some(start) = session.started_at {
                // A report belongs to a session of its own day.
                if start.date_naive() != day.date {
                    problem(
                        format!("{at}.started_at"),
                        format!(
                            "{start} is not on {}, the date of this day; a session's report is kept on the day it started",
                            day.date
                        ),
                    );
                }
                if starts.contains(&start) {
                    problem(
                        format!("{at}.started_at"),
                        format!(
                            "a second report for the session started at {start}; a session has one report"
                        ),
                    );
                }
                starts.push(start);
            }
            if let Some(known) = plan_exercises {
                for id in session.completed.keys() {
                    if !known.contains(&id.as_str()) {
                        problem(
                            format!("{at}.completed.{id}"),
                            format!(
                                "`{id}` is not an exercise of the plan; known: `{}`",
                                known.join("`, `")
                            ),
                        );
                    }
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("a valid time")
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a valid date")
    }

    fn report(started_at: Option<&str>, worst_pain: u8) -> SessionReport {
        SessionReport {
            started_at: started_at.map(at),
            worst_pain,
            sharp_or_shooting: false,
            completed: BTreeMap::new(),
        }
    }

    #[test]
    fn what_was_said_about_a_session_is_found_across_a_dates_entries() {
        let mut first = Day::on(date("2026-03-02"));
        first.check_in = Some(CheckIn {
            back_pain: Some(4),
            ..CheckIn::default()
        });
        let mut second = Day::on(date("2026-03-02"));
        second.sessions = vec![
            report(Some("2026-03-02T08:00:00+01:00"), 3),
            report(Some("2026-03-02T18:00:00+01:00"), 6),
        ];
        let mut later = Day::on(date("2026-03-05"));
        later.check_in = Some(CheckIn {
            back_pain: Some(2),
            morning_after: Some(MorningAfter::WorseNotSettled),
            ..CheckIn::default()
        });
        let mut next = Day::on(date("2026-03-03"));
        next.check_in = Some(CheckIn {
            back_pain: Some(3),
            morning_after: Some(MorningAfter::Same),
            ..CheckIn::default()
        });
        let days = [first, second, later, next];
        let evening = said_about_session(&days, at("2026-03-02T18:00:00+01:00"));
        assert_eq!(evening.back_pain, Some(4));
        assert_eq!(evening.report.map(|r| r.worst_pain), Some(6));
        // The next check-in by date, not by its place in the list.
        assert_eq!(evening.next_morning, Some(MorningAfter::Same));
        let morning = said_about_session(&days, at("2026-03-02T08:00:00+01:00"));
        assert_eq!(morning.report.map(|r| r.worst_pain), Some(3));
        let unknown = said_about_session(&days, at("2026-03-04T08:00:00+01:00"));
        assert_eq!(unknown.report, None);
        assert_eq!(unknown.back_pain, None);
    }

    #[test]
    fn daily_life_items_from_before_version_3_load_and_unanswered_ones_are_left_out() {
        let old: FunctionScores =
            ron::from_str("(sleep: 2, sitting_or_driving: 0, running: 4)").expect("old file");
        assert_eq!(
            (old.sleep, old.sitting_or_driving, old.running),
            (Some(2), Some(0), Some(4))
        );
        let some = FunctionScores {
            running: Some(3),
            ..FunctionScores::default()
        };
        let text = ron::to_string(&some).expect("written");
        assert_eq!(text, "(running:3)", "unanswered items are not written as 0");
        assert_eq!(
            ron::from_str::<FunctionScores>(&text).expect("read back"),
            some
        );
    }
}
