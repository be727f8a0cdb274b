//! One definition of each progress figure (sessions planned, completed, partial, missed,
//! adherence and the streak), used by History, home, the clinician report and the CSV, so the
//! same period gives the same numbers everywhere. The definitions are written out for people
//! in `docs/progress-figures.md`; keep the two in step.
//!
//! Pure: the sessions, the dates the rules prescribed no training and the dates come in as
//! arguments.
//!
//! - **Counted days.** From the later of the plan's start date and the first record (a plan
//!   cannot be missed before the app was in use) to the end of the period, never after today.
//!   Weeks run Monday to Sunday; a period or a plan that starts mid-week counts only its days.
//! - **Open days.** Counted days on which the rules allowed training: not a rest, paused or
//!   stopped day. A day with a session is always open (it was trained).
//! - **Planned, a finished week.** The plan's sessions a week pro-rated by the week's open
//!   days (`per_week × open ÷ 7`, rounded half up), and never fewer than the sessions done
//!   that week up to the plan's number: a session on a short week is never "unplanned".
//! - **Planned, the week under way.** The sessions done so far, plus the ones that can no
//!   longer be fitted into the days left (today included): nothing is missed while it can
//!   still be done.
//! - **Completed / partial.** A day with a session played to the end is completed; a day
//!   with only sessions ended early or interrupted is partial. Two sessions on a date count
//!   once. Days beyond a week's planned number are `extra` and do not raise adherence.
//! - **Missed.** Planned less the days counted as completed or partial.
//! - **Adherence.** (completed + ½ × partial) ÷ planned, as a percentage; none when nothing
//!   was planned.
//! - **Streak.** Weeks in a row whose completed sessions reached their planned number,
//!   ending with the last finished week, or with the week under way once it has reached the
//!   plan's number for that week. Weeks with nothing planned (rest or paused throughout) are
//!   passed over: they neither break nor lengthen it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};

use crate::domain::care::checkin::Day;
use crate::domain::care::rules::{Status, for_each_decision};
use crate::domain::dates::week_start;
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::session::record::{SessionOutcome, SessionRecord, SessionSummary};

/// One line each, shown beside the figures in the app and under them in the report.
pub const PLANNED_MEANS: &str = "Planned: your plan's sessions a week, shared over the days the rules allowed training (rest and paused days plan nothing).";
pub const DONE_MEANS: &str = "Completed: days with a session played to the end. Partial: days with only sessions ended early (a session with every exercise skipped counts as neither). Extra: the days among them beyond the week's planned number; they are shown but do not raise adherence.";
pub const ADHERENCE_MEANS: &str = "Adherence: completed sessions, plus half of each one ended early, as a share of those planned; extra sessions do not count above 100 %.";
pub const MISSED_MEANS: &str = "Missed: planned sessions not done. Nothing in the week under way counts as missed while there are days left to do it.";
pub const STREAK_MEANS: &str = "Streak: weeks in a row in which you completed the planned sessions; weeks of rest or pause are skipped, not broken.";

/// What a day's sessions add up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayDone {
    /// A session played to the end (perhaps beside one ended early).
    Completed,
    /// Only sessions ended early or interrupted.
    Partial,
}

/// What the figures are counted from.
#[derive(Clone, Copy, Debug)]
pub struct AdherenceBasis<'a> {
    /// Each date with a session, and what it adds up to.
    pub done: &'a BTreeMap<NaiveDate, DayDone>,
    /// Dates the rules prescribed no training (rest, paused, stopped).
    pub no_training: &'a BTreeSet<NaiveDate>,
    pub sessions_per_week: u32,
    /// The first counted day: the later of the plan's start and the first record.
    pub counted_from: NaiveDate,
    /// The last day that can have happened.
    pub today: NaiveDate,
}

/// One week's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekTally {
    pub monday: NaiveDate,
    pub planned: u32,
    /// Days with a session played to the end (all of them, extra ones too).
    pub completed: u32,
    /// Days with only sessions ended early or interrupted (all of them, extra ones too).
    pub partial: u32,
    pub missed: u32,
    /// Days with a session beyond the planned number, completed or partial (counted in
    /// `completed` and `partial` too; they do not raise adherence).
    pub extra: u32,
    /// The completed and partial days within the planned number: what adherence counts.
    pub counted_completed: u32,
    pub counted_partial: u32,
    /// The week contains today and is not over.
    pub under_way: bool,
    /// What the whole week asks for: for a finished week `planned`, for the week under way
    /// its pro-rated number over the days from the first counted one to Sunday.
    pub target: u32,
}

/// A period's figures: the sum of its weeks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeriodTally {
    /// The counted days: `None` when the period has none (all before the first record or
    /// after today).
    pub counted: Option<(NaiveDate, NaiveDate)>,
    pub planned: u32,
    pub completed: u32,
    pub partial: u32,
    pub missed: u32,
    pub extra: u32,
    pub counted_completed: u32,
    pub counted_partial: u32,
    pub weeks: Vec<WeekTally>,
}

/// (completed + ½ partial) ÷ planned, 0–100 %; `None` when nothing was planned.
fn adherence(completed: u32, partial: u32, planned: u32) -> Option<f64> {
    (planned > 0)
        .then(|| (f64::from(completed) + 0.5 * f64::from(partial)) / f64::from(planned) * 100.0)
}

impl WeekTally {
    /// The week's adherence, as [`PeriodTally::adherence_percent`] counts it.
    pub fn adherence_percent(&self) -> Option<f64> {
        adherence(self.counted_completed, self.counted_partial, self.planned)
    }
}

impl PeriodTally {
    /// (completed + ½ partial, within each week's planned number) ÷ planned, 0–100 %;
    /// `None` when nothing was planned.
    pub fn adherence_percent(&self) -> Option<f64> {
        adherence(self.counted_completed, self.counted_partial, self.planned)
    }

    /// The figures in one sentence ("2 completed, 1 partial and 1 missed of 4 planned").
    pub fn sentence(&self) -> String {
        let mut text = format!(
            "{} completed, {} partial and {} missed of {} planned",
            self.completed, self.partial, self.missed, self.planned
        );
        if self.extra > 0 {
            text.push_str(&format!(
                " ({} of them extra: beyond the plan, so they do not raise adherence)",
                self.extra
            ));
        }
        text
    }

    /// This week in one line, as home and History show it: "This week: 1 of 3 sessions
    /// completed, 1 partial"; a week with nothing planned yet says so. `target` is what the
    /// whole week asks for.
    pub fn week_headline(&self, target: u32) -> String {
        if target == 0 && self.completed + self.partial == 0 {
            return "This week: no sessions planned yet".to_owned();
        }
        let mut text = format!(
            "This week: {} of {target} session{} completed",
            self.completed,
            if target == 1 { "" } else { "s" }
        );
        if self.partial > 0 {
            text.push_str(&format!(", {} partial", self.partial));
        }
        text
    }
}

/// Everything the figures are counted from, gathered once from the records: build it with
/// [`AdherenceRecords::gather`], then tally any period with [`AdherenceRecords::basis`].
#[derive(Clone, Debug)]
pub struct AdherenceRecords {
    pub done: BTreeMap<NaiveDate, DayDone>,
    pub no_training: BTreeSet<NaiveDate>,
    pub sessions_per_week: u32,
    /// `None` before there is any record.
    pub counted_from: Option<NaiveDate>,
    pub today: NaiveDate,
}

impl AdherenceRecords {
    /// From the plan, the sessions and the days file, up to `today`: the rules decide every
    /// counted date once (folding the history once), to find the days without training.
    pub fn gather(
        plan: &CheckedPlan,
        catalog: &Catalog,
        sessions: &[SessionRecord],
        days: &[Day],
        today: NaiveDate,
    ) -> Self {
        Self::gather_from(plan, catalog, days_done(sessions), days, today)
    }

    /// As [`Self::gather`], from what each date's sessions add up to ([`days_done_of`]).
    pub fn gather_from(
        plan: &CheckedPlan,
        catalog: &Catalog,
        done: BTreeMap<NaiveDate, DayDone>,
        days: &[Day],
        today: NaiveDate,
    ) -> Self {
        let first_record = done
            .keys()
            .next()
            .copied()
            .into_iter()
            .chain(days.iter().map(|d| d.date))
            .min();
        let counted_from = first_record.map(|first| match plan.plan.start_date {
            Some(start) => start.max(first),
            None => first,
        });
        let mut dates = Vec::new();
        if let Some(from) = counted_from {
            let mut date = from;
            while date <= today {
                dates.push(date);
                date += Duration::days(1);
            }
        }
        let mut no_training = BTreeSet::new();
        for_each_decision(&plan.plan, &plan.circuit, catalog, days, &dates, |d| {
            if matches!(d.status, Status::Rest | Status::Paused | Status::Stopped) {
                no_training.insert(d.date);
            }
        });
        Self {
            done,
            no_training,
            sessions_per_week: plan.plan.sessions_per_week,
            counted_from,
            today,
        }
    }

    /// What [`tally`] and [`streak_weeks`] count from (`None` before any record).
    pub fn basis(&self) -> Option<AdherenceBasis<'_>> {
        Some(AdherenceBasis {
            done: &self.done,
            no_training: &self.no_training,
            sessions_per_week: self.sessions_per_week,
            counted_from: self.counted_from?,
            today: self.today,
        })
    }

    /// The figures for `from..=to` (all zero before any record).
    pub fn tally(&self, from: NaiveDate, to: NaiveDate) -> PeriodTally {
        match self.basis() {
            Some(basis) => tally(&basis, from, to),
            None => PeriodTally::default(),
        }
    }

    /// The week under way, Monday to today.
    pub fn this_week(&self) -> PeriodTally {
        self.tally(week_start(self.today), self.today)
    }

    /// The last four weeks: today and the 27 days before it.
    pub fn last_4_weeks(&self) -> PeriodTally {
        self.tally(self.today - chrono::Duration::days(27), self.today)
    }

    /// The streak as of `today`.
    pub fn streak_weeks(&self) -> u32 {
        self.basis().map_or(0, |basis| streak_weeks(&basis))
    }

    /// The figures from the first counted day to today.
    pub fn since_start(&self) -> PeriodTally {
        match self.counted_from {
            Some(from) => self.tally(from, self.today),
            None => PeriodTally::default(),
        }
    }
}

/// What each date's sessions add up to: completed wins over partial on the same date.
pub fn days_done(sessions: &[SessionRecord]) -> BTreeMap<NaiveDate, DayDone> {
    days_done_of(sessions.iter().map(SessionRecord::summary))
}

/// [`days_done`] from the sessions' summaries.
pub fn days_done_of(
    sessions: impl IntoIterator<Item = SessionSummary>,
) -> BTreeMap<NaiveDate, DayDone> {
    let mut done = BTreeMap::new();
    for record in sessions {
        let this = match record.outcome {
            SessionOutcome::Completed => DayDone::Completed,
            SessionOutcome::EndedEarly | SessionOutcome::Interrupted => DayDone::Partial,
            // Every exercise skipped: no session done.
            SessionOutcome::NothingDone => continue,
        };
        let entry = done.entry(record.started_at.date_naive()).or_insert(this);
        if this == DayDone::Completed {
            *entry = DayDone::Completed;
        }
    }
    done
}

/// `per_week × days ÷ 7`, rounded half up.
fn pro_rated(per_week: u32, days: u32) -> u32 {
    (per_week * days * 2 + 7) / 14
}

/// The figures for `from..=to`.
pub fn tally(basis: &AdherenceBasis<'_>, from: NaiveDate, to: NaiveDate) -> PeriodTally {
    let first = from.max(basis.counted_from);
    let last = to.min(basis.today);
    let mut period = PeriodTally {
        counted: None,
        planned: 0,
        completed: 0,
        partial: 0,
        missed: 0,
        extra: 0,
        counted_completed: 0,
        counted_partial: 0,
        weeks: Vec::new(),
    };
    if first > last || basis.sessions_per_week == 0 {
        return period;
    }
    period.counted = Some((first, last));
    let mut monday = week_start(first);
    while monday <= last {
        let week = tally_week(basis, monday, first, last);
        period.planned += week.planned;
        period.completed += week.completed;
        period.partial += week.partial;
        period.missed += week.missed;
        period.extra += week.extra;
        period.counted_completed += week.counted_completed;
        period.counted_partial += week.counted_partial;
        period.weeks.push(week);
        monday += Duration::weeks(1);
    }
    period
}

/// One week of the period `first..=last`.
fn tally_week(
    basis: &AdherenceBasis<'_>,
    monday: NaiveDate,
    first: NaiveDate,
    last: NaiveDate,
) -> WeekTally {
    let sunday = monday + Duration::days(6);
    let start = monday.max(first);
    let end = sunday.min(last);
    let per_week = basis.sessions_per_week;
    let mut open = 0;
    let (mut completed_days, mut partial_days) = (0, 0);
    let mut day = start;
    while day <= end {
        match basis.done.get(&day) {
            Some(DayDone::Completed) => completed_days += 1,
            Some(DayDone::Partial) => partial_days += 1,
            None => {}
        }
        if basis.done.contains_key(&day) || !basis.no_training.contains(&day) {
            open += 1;
        }
        day += Duration::days(1);
    }
    let sessions: u32 = completed_days + partial_days;
    // The week under way: today is in it and it is not over.
    let under_way = (start..=end).contains(&basis.today) && basis.today < sunday;
    let (planned, target) = if under_way {
        // Days from today to Sunday, today included: still open.
        let left = u32::try_from((sunday - basis.today).num_days() + 1).unwrap_or(0);
        // Today was counted in `open` if it is open; count it once.
        let today_open = u32::from(
            basis.done.contains_key(&basis.today) || !basis.no_training.contains(&basis.today),
        );
        let target = pro_rated(per_week, open - today_open + left).max(sessions.min(per_week));
        let cannot_fit = target.saturating_sub(sessions + left);
        (sessions.min(target) + cannot_fit, target)
    } else {
        let planned = pro_rated(per_week, open).max(sessions.min(per_week));
        (planned, planned)
    };
    let counted_completed = completed_days.min(planned);
    let counted_partial = partial_days.min(planned - counted_completed);
    WeekTally {
        monday,
        planned,
        completed: completed_days,
        partial: partial_days,
        missed: planned - counted_completed - counted_partial,
        extra: sessions - counted_completed - counted_partial,
        counted_completed,
        counted_partial,
        under_way,
        target,
    }
}

/// Weeks in a row whose completed sessions reached their planned number, ending with the
/// last finished week, or with the week under way once it has reached its target.
pub fn streak_weeks(basis: &AdherenceBasis<'_>) -> u32 {
    let weeks = tally(basis, basis.counted_from, basis.today).weeks;
    let mut streak = 0;
    for week in weeks.iter().rev() {
        if week.under_way {
            if week.target > 0 && week.completed >= week.target {
                streak += 1;
            }
        } else if week.planned == 0 {
            // Rest or paused throughout: passed over.
        } else if week.completed >= week.planned {
            streak += 1;
        } else {
            break;
        }
    }
    streak
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(d: &str) -> NaiveDate {
        d.parse().expect("date")
    }

    struct Fixture {
        done: BTreeMap<NaiveDate, DayDone>,
        rest: BTreeSet<NaiveDate>,
    }

    impl Fixture {
        fn new(done: &[(&str, DayDone)], rest: &[&str]) -> Self {
            Self {
                done: done.iter().map(|(d, k)| (date(d), *k)).collect(),
                rest: rest.iter().map(|d| date(d)).collect(),
            }
        }

        fn basis(&self, from: &str, today: &str) -> AdherenceBasis<'_> {
            AdherenceBasis {
                done: &self.done,
                no_training: &self.rest,
                sessions_per_week: 3,
                counted_from: date(from),
                today: date(today),
            }
        }
    }

    // 2026-11-30 is a Monday.

    #[test]
    fn one_partial_session_on_the_first_day_is_half_of_one_planned() {
        let f = Fixture::new(&[("2026-12-02", DayDone::Partial)], &[]);
        let basis = f.basis("2026-12-02", "2026-12-02");
        let t = tally(&basis, date("2026-11-05"), date("2026-12-02"));
        assert_eq!((t.planned, t.completed, t.partial, t.missed), (1, 0, 1, 0));
        assert_eq!(t.adherence_percent(), Some(50.0));
        // The last 4 weeks and "since the first session" agree: nothing before it counts.
        let all = tally(&basis, date("2026-12-02"), date("2026-12-02"));
        assert_eq!(all, t);
    }

    #[test]
    fn a_finished_week_plans_the_plans_number_and_misses_what_was_not_done() {
        let f = Fixture::new(&[("2026-11-30", DayDone::Completed)], &[]);
        let t = tally(
            &f.basis("2026-11-30", "2026-12-10"),
            date("2026-11-30"),
            date("2026-12-06"),
        );
        assert_eq!((t.planned, t.completed, t.missed), (3, 1, 2));
        assert_eq!(
            t.sentence(),
            "1 completed, 0 partial and 2 missed of 3 planned"
        );
    }

    #[test]
    fn a_week_starting_on_thursday_plans_its_share() {
        // Thu–Sun: 4 days of 7 × 3 = 1.7, rounded to 2.
        let f = Fixture::new(&[], &[]);
        let t = tally(
            &f.basis("2026-12-03", "2026-12-20"),
            date("2026-12-03"),
            date("2026-12-06"),
        );
        assert_eq!((t.planned, t.missed), (2, 2));
    }

    #[test]
    fn rest_days_of_the_rules_are_not_planned() {
        let rest = [
            "2026-11-30",
            "2026-12-01",
            "2026-12-02",
            "2026-12-03",
            "2026-12-04",
        ];
        let f = Fixture::new(&[], &rest);
        let t = tally(
            &f.basis("2026-11-30", "2026-12-10"),
            date("2026-11-30"),
            date("2026-12-06"),
        );
        // Two open days of seven: 0.86, one session.
        assert_eq!((t.planned, t.missed), (1, 1));
        let paused = Fixture::new(
            &[],
            &[
                "2026-11-30",
                "2026-12-01",
                "2026-12-02",
                "2026-12-03",
                "2026-12-04",
                "2026-12-05",
                "2026-12-06",
            ],
        );
        let t = tally(
            &paused.basis("2026-11-30", "2026-12-10"),
            date("2026-11-30"),
            date("2026-12-06"),
        );
        assert_eq!(t.planned, 0);
        assert_eq!(t.adherence_percent(), None);
    }

    #[test]
    fn nothing_is_missed_in_the_week_under_way_while_it_can_still_be_done() {
        let f = Fixture::new(&[], &[]);
        // Wednesday, nothing yet: three sessions still fit in Wed–Sun.
        let t = tally(
            &f.basis("2026-11-30", "2026-12-02"),
            date("2026-11-30"),
            date("2026-12-02"),
        );
        assert_eq!((t.planned, t.missed), (0, 0));
        // Saturday, nothing yet: only two days left for three.
        let t = tally(
            &f.basis("2026-11-30", "2026-12-05"),
            date("2026-11-30"),
            date("2026-12-05"),
        );
        assert_eq!((t.planned, t.missed), (1, 1));
    }

    #[test]
    fn extra_sessions_never_pass_one_hundred_percent() {
        let done: Vec<(String, DayDone)> = (0..7)
            .map(|n| {
                (
                    (date("2026-11-30") + Duration::days(n)).to_string(),
                    DayDone::Completed,
                )
            })
            .collect();
        let done: Vec<(&str, DayDone)> = done.iter().map(|(d, k)| (d.as_str(), *k)).collect();
        let f = Fixture::new(&done, &[]);
        let t = tally(
            &f.basis("2026-11-30", "2026-12-10"),
            date("2026-11-30"),
            date("2026-12-06"),
        );
        assert_eq!(
            (t.planned, t.completed, t.extra),
            (3, 7, 4),
            "every day counts, 4 of them beyond the plan"
        );
        assert_eq!((t.counted_completed, t.missed), (3, 0));
        assert_eq!(t.adherence_percent(), Some(100.0));
    }

    #[test]
    fn the_streak_counts_finished_weeks_and_passes_over_paused_ones() {
        let mut done = Vec::new();
        for monday in ["2026-11-02", "2026-11-09", "2026-11-23"] {
            for n in [0, 2, 4] {
                done.push((
                    (date(monday) + Duration::days(n)).to_string(),
                    DayDone::Completed,
                ));
            }
        }
        let rest: Vec<String> = (0..7)
            .map(|n| (date("2026-11-16") + Duration::days(n)).to_string())
            .collect();
        let done: Vec<(&str, DayDone)> = done.iter().map(|(d, k)| (d.as_str(), *k)).collect();
        let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
        let f = Fixture::new(&done, &rest);
        // Tuesday 1 Dec: this week is under way and not yet met, so it neither counts nor
        // breaks; the paused week of 16 Nov is passed over.
        assert_eq!(streak_weeks(&f.basis("2026-11-02", "2026-12-01")), 3);
    }
}
