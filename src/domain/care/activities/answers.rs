//! The activity questions of one check-in, as far as answered, and what they record.

use chrono::NaiveDate;

use super::checks::name_problem;
use super::{
    ActivityEntry, ActivityLog, ActivityQuestion, ActivityRating, GlobalChange, MAX_ACTIVITIES,
};

/// What the plan in use says about the activity questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActivityPlan<'a> {
    /// Days between ratings (a rule setting).
    pub every_days: u32,
    /// "Compared with when you started" is asked from this date.
    pub review_date: Option<NaiveDate>,
    /// Activities agreed with the clinician: named already, only rated.
    pub agreed: &'a [String],
    /// The day the plan in use began: its first check-in asks for a fresh rating.
    pub started_on: Option<NaiveDate>,
}

impl Default for ActivityPlan<'_> {
    /// No plan: the spec's every 14 days, nothing agreed, no review date.
    fn default() -> Self {
        ActivityPlan {
            every_days: 14,
            review_date: None,
            agreed: &[],
            started_on: None,
        }
    }
}

/// One activity being rated in a check-in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityAnswer {
    /// Its name: fixed for one named before, typed for one named now.
    pub name: String,
    /// Starts unanswered: nothing is chosen for the person.
    pub rating: Option<u8>,
    /// Named before this check-in (it can be retired, not renamed).
    pub named_before: bool,
    /// Agreed with the clinician in the plan: named already, rated now.
    pub from_plan: bool,
    /// No longer rated from today (its history stays).
    pub retire: bool,
}

/// The activity questions of a check-in, as far as answered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityAnswers {
    /// What is asked; `None` when nothing is asked this time.
    pub question: Option<ActivityQuestion>,
    /// The activities: those named before (to rate or retire), then those named now.
    pub activities: Vec<ActivityAnswer>,
    /// "Skip for now" (naming) or "not today" (rating).
    pub skipped: bool,
    /// Days since the last rating, when there was one (said on the page).
    pub days_since_rated: Option<i64>,
    /// "Compared with when you started, your back is…" is asked (at the plan's review date).
    pub ask_global_change: bool,
    /// Its answer: optional, and absent until chosen.
    pub global_change: Option<GlobalChange>,
}

impl ActivityAnswers {
    /// The questions the check-in on `today` asks, from the history and the plan's review
    /// date.
    /// `agreed` are the activities the plan lists: at the intake they are named already and
    /// only rated.
    pub fn for_check_in(
        log: &ActivityLog,
        today: NaiveDate,
        plan: ActivityPlan<'_>,
    ) -> ActivityAnswers {
        let question = log.question_on(today, plan.every_days, plan.started_on);
        // The plan's agreed activities not rated yet: named already, to be rated now.
        let agreed = |room: usize| {
            plan.agreed
                .iter()
                .filter(|name| !log.current().any(|a| a.name == **name))
                .take(room)
                .map(|name| ActivityAnswer {
                    name: name.clone(),
                    from_plan: true,
                    ..ActivityAnswer::default()
                })
                .collect::<Vec<_>>()
        };
        let activities = match question {
            Some(ActivityQuestion::Rate) => {
                let mut rows: Vec<ActivityAnswer> = log
                    .current()
                    .map(|a| ActivityAnswer {
                        name: a.name.clone(),
                        rating: None,
                        named_before: true,
                        from_plan: false,
                        retire: false,
                    })
                    .collect();
                rows.extend(agreed(MAX_ACTIVITIES.saturating_sub(rows.len())));
                rows
            }
            Some(ActivityQuestion::Name) if !plan.agreed.is_empty() => agreed(MAX_ACTIVITIES),
            Some(ActivityQuestion::Name) => vec![ActivityAnswer::default()],
            None => Vec::new(),
        };
        ActivityAnswers {
            question,
            activities,
            skipped: false,
            days_since_rated: log
                .rating_dates
                .last()
                .map(|last| (today - *last).num_days()),
            ask_global_change: log.global_change_due(today, plan.review_date),
            global_change: None,
        }
    }

    /// Anything is asked about activities or the change since the start.
    pub fn asked(&self) -> bool {
        self.question.is_some() || self.ask_global_change
    }

    /// The activities that will be rated from today on (not retired, not left empty).
    fn kept(&self) -> impl Iterator<Item = &ActivityAnswer> {
        self.activities
            .iter()
            .filter(|a| !a.retire && (a.named_before || !a.name.trim().is_empty()))
    }

    /// Room for another activity (at most five are rated at once).
    pub fn can_add(&self) -> bool {
        self.kept().count() < MAX_ACTIVITIES
            && self
                .activities
                .iter()
                .all(|a| a.named_before || !a.name.trim().is_empty())
    }

    /// What is still missing or wrong, in words ("a rating for run 5 km"); empty when the
    /// answers can be saved. Skipping needs nothing.
    pub fn problems(&self) -> Vec<String> {
        if self.question.is_none() || self.skipped {
            return Vec::new();
        }
        let mut problems = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for activity in self.kept() {
            let name = activity.name.trim();
            if !activity.named_before {
                if let Some(problem) = name_problem(name) {
                    problems.push(problem);
                    continue;
                }
                if seen.contains(&name) {
                    problems.push(format!("\"{name}\" is named twice"));
                }
            }
            seen.push(name);
            if activity.rating.is_none() {
                problems.push(format!("how well you can {name} now"));
            }
        }
        if self.kept().count() == 0 && self.question == Some(ActivityQuestion::Name) {
            problems.push("at least one activity, or \"Skip for now\"".to_owned());
        }
        if self.kept().count() > MAX_ACTIVITIES {
            problems.push(format!("at most {MAX_ACTIVITIES} activities at once"));
        }
        problems
    }

    /// What the check-in records (empty when nothing was asked).
    pub fn to_entry(&self) -> ActivityEntry {
        let global_change = self.global_change.filter(|_| self.ask_global_change);
        if self.question.is_none() {
            return ActivityEntry {
                global_change,
                ..ActivityEntry::default()
            };
        }
        if self.skipped {
            return ActivityEntry {
                skipped: true,
                global_change,
                ..ActivityEntry::default()
            };
        }
        ActivityEntry {
            named: self
                .kept()
                .filter(|a| !a.named_before)
                .map(|a| a.name.trim().to_owned())
                .collect(),
            retired: self
                .activities
                .iter()
                .filter(|a| a.named_before && a.retire)
                .map(|a| a.name.clone())
                .collect(),
            ratings: self
                .kept()
                .filter_map(|a| {
                    Some(ActivityRating {
                        activity: a.name.trim().to_owned(),
                        rating: a.rating?,
                    })
                })
                .collect(),
            skipped: false,
            global_change,
        }
    }
}
