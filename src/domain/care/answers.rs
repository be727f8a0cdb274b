//! What the person's answers mean, before they become a record: which check-in answers are
//! required, and how answers become a [`CheckIn`] or a [`SessionReport`]. The screens hold the
//! answers being typed; the decisions are here, with tests.

use std::collections::BTreeSet;

use crate::domain::care::activities::ActivityAnswers;
use crate::domain::care::checkin::{
    CheckIn, FlagKind, FunctionScores, LegExtent, LegTrend, MorningAfter, PainKind, RedFlag,
    SessionReport,
};
use crate::domain::care::rules::OpenLegWarning;
use crate::domain::session::record::SessionRecord;

/// Whether this is the first-start intake or a day's check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckInMode {
    Intake,
    Daily,
}

/// Check-in answers as far as they are given.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckInAnswers {
    pub mode: CheckInMode,
    /// The background risk factors are asked (at the intake, or for a plan with a later start
    /// date, unless its clinician screened them).
    pub ask_risk_factors: bool,
    pub red_flags: BTreeSet<RedFlag>,
    pub back_pain: Option<u8>,
    /// Starts unanswered like every question (clinical spec §3, version 3): 0 is an answer.
    pub leg_pain: Option<u8>,
    pub leg_extent: Option<LegExtent>,
    pub leg_trend: Option<LegTrend>,
    /// New numbness or tingling; while an earlier warning is open (`open_leg_warning`), the
    /// numbness reported then still being there.
    pub new_numbness: bool,
    /// New weakness; while an earlier warning of weakness is open, that weakness still there.
    pub new_weakness: bool,
    /// A leg-symptom warning from an earlier check-in that no check-in has yet found gone
    /// (clinical spec §5 R2): its numbness or weakness is asked as "still there?".
    pub open_leg_warning: Option<OpenLegWarning>,
    /// Asked only when there was a session before.
    pub ask_morning_after: bool,
    pub morning_after: Option<MorningAfter>,
    pub pain_kind: Option<PainKind>,
    /// The person chose to let the pain-kind answer set their presentation (only offered
    /// when the plan does not set one).
    pub confirms_presentation: bool,
    /// The plan does not set a presentation, so the pain-kind answer may, on confirmation.
    pub offer_presentation: bool,
    /// The plan's clinician screened the background risk factors (shown, not asked).
    pub risk_factors_screened: bool,
    /// The optional daily-life items, each unanswered until chosen; those left alone are
    /// stored as absent, never as 0.
    pub function: FunctionScores,
    /// The activities the person names and rates (clinical spec §6), when asked.
    pub activities: ActivityAnswers,
}

/// A required answer that is still missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingAnswer {
    BackPain,
    LegPain,
    /// How far down the leg (asked when there is leg pain).
    LegExtent,
    /// Which way the leg pain moved since last time (asked after the intake, with leg pain).
    LegTrend,
    MorningAfter,
    PainKind,
    /// A rating for each activity (or "skip"), or a name that cannot be kept.
    Activities,
}

impl MissingAnswer {
    /// The question, as the page names it when it is still to be answered.
    pub fn question(self) -> &'static str {
        match self {
            MissingAnswer::BackPain => "back pain right now",
            MissingAnswer::LegPain => "leg pain right now",
            MissingAnswer::LegExtent => "how far down the leg it goes",
            MissingAnswer::LegTrend => "which way the leg pain has moved",
            MissingAnswer::MorningAfter => "the morning after your last session",
            MissingAnswer::PainKind => "which describes your pain best",
            MissingAnswer::Activities => "your activities (rate each, or skip for now)",
        }
    }
}

impl CheckInAnswers {
    pub fn new(mode: CheckInMode, ask_morning_after: bool) -> Self {
        Self {
            mode,
            ask_risk_factors: mode == CheckInMode::Intake,
            red_flags: BTreeSet::new(),
            back_pain: None,
            leg_pain: None,
            leg_extent: None,
            leg_trend: None,
            new_numbness: false,
            new_weakness: false,
            open_leg_warning: None,
            ask_morning_after,
            morning_after: None,
            pain_kind: None,
            confirms_presentation: false,
            offer_presentation: false,
            risk_factors_screened: false,
            function: FunctionScores::default(),
            activities: ActivityAnswers::default(),
        }
    }

    /// The red-flag answers "yes" among the questions asked.
    /// The numbness question asks whether the numbness reported on an earlier date is still
    /// there: that date.
    pub fn numbness_reported_on(&self) -> Option<chrono::NaiveDate> {
        self.open_leg_warning
            .filter(|open| open.numbness)
            .map(|open| open.since)
    }

    /// The weakness question asks whether the weakness reported on an earlier date is still
    /// there: that date.
    pub fn weakness_reported_on(&self) -> Option<chrono::NaiveDate> {
        self.open_leg_warning
            .filter(|open| open.weakness)
            .map(|open| open.since)
    }

    pub fn flags_given(&self) -> Vec<RedFlag> {
        self.red_flags
            .iter()
            .copied()
            .filter(|f| self.ask_risk_factors || f.kind() == FlagKind::CurrentSign)
            .collect()
    }

    /// Whether "which describes your pain best" must be answered (at the intake only).
    pub fn pain_kind_required(&self) -> bool {
        self.mode == CheckInMode::Intake
    }

    /// The required answers not given yet. A red flag needs nothing more: any "yes" ends the
    /// check-in, so safety never waits on the other questions.
    pub fn missing(&self) -> Vec<MissingAnswer> {
        if !self.flags_given().is_empty() {
            return Vec::new();
        }
        let mut missing = Vec::new();
        if self.back_pain.is_none() {
            missing.push(MissingAnswer::BackPain);
        }
        if self.leg_pain.is_none() {
            missing.push(MissingAnswer::LegPain);
        }
        if self.has_leg_pain() {
            if self.leg_extent.is_none() {
                missing.push(MissingAnswer::LegExtent);
            }
            if self.mode == CheckInMode::Daily && self.leg_trend.is_none() {
                missing.push(MissingAnswer::LegTrend);
            }
        }
        if self.ask_morning_after && self.morning_after.is_none() {
            missing.push(MissingAnswer::MorningAfter);
        }
        if self.pain_kind_required() && self.pain_kind.is_none() {
            missing.push(MissingAnswer::PainKind);
        }
        if !self.activities.problems().is_empty() {
            missing.push(MissingAnswer::Activities);
        }
        missing
    }

    /// Leg pain above 0 was given: the leg questions are asked.
    pub fn has_leg_pain(&self) -> bool {
        self.leg_pain.is_some_and(|pain| pain > 0)
    }

    /// Everything required is answered.
    pub fn complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// The answers as a check-in, once complete. A red flag ends the check-in: nothing else
    /// is recorded, so unasked pain is absent, never 0. Leg details count only with leg
    /// pain, and the daily-life items only when the person chose to answer them.
    pub fn to_check_in(&self) -> Option<CheckIn> {
        if !self.complete() {
            return None;
        }
        let red_flags = self.flags_given();
        if !red_flags.is_empty() {
            return Some(CheckIn {
                red_flags,
                risk_factors_asked: self.ask_risk_factors,
                back_pain: None,
                leg_pain: None,
                leg_extent: None,
                leg_trend: None,
                new_numbness: false,
                new_weakness: false,
                morning_after: None,
                pain_kind: None,
                confirms_presentation: false,
                function: None,
            });
        }
        let leg = self.has_leg_pain();
        Some(CheckIn {
            red_flags,
            risk_factors_asked: self.ask_risk_factors,
            back_pain: self.back_pain,
            leg_pain: self.leg_pain,
            leg_extent: if leg { self.leg_extent } else { None },
            leg_trend: if leg { self.leg_trend } else { None },
            new_numbness: self.new_numbness,
            new_weakness: self.new_weakness,
            morning_after: self.morning_after,
            pain_kind: self.pain_kind,
            confirms_presentation: self.offer_presentation
                && self.confirms_presentation
                && self.pain_kind.is_some(),
            function: self.function.any_answered().then_some(self.function),
        })
    }
}

/// One exercise in the after-session question "did you complete the whole dose?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletedAnswer {
    pub exercise_id: String,
    pub name: String,
    pub completed: bool,
    /// Some of it was done: only these are asked about (a skipped or unreached exercise was
    /// not completed, and asking would only add noise).
    pub done_any: bool,
}

/// After-session answers as far as they are given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionAnswers {
    /// The session the answers are about (its report is keyed by this).
    pub started_at: chrono::DateTime<chrono::FixedOffset>,
    /// Starts unanswered, so a skipped report never records a false green.
    pub worst_pain: Option<u8>,
    pub sharp_or_shooting: bool,
    /// One entry per exercise in the session, pre-filled from the record.
    pub completed: Vec<CompletedAnswer>,
}

impl SessionAnswers {
    /// Pre-filled from the record: an exercise counts as completed when every set of it was
    /// done in full.
    pub fn from_record(record: &SessionRecord) -> Self {
        let mut completed: Vec<CompletedAnswer> = Vec::new();
        for exercise in &record.exercises {
            let done = exercise.fully_completed();
            let done_any = exercise.sets.iter().any(|s| !s.completed.is_nothing());
            match completed
                .iter_mut()
                .find(|c| c.exercise_id == exercise.exercise_id)
            {
                Some(entry) => {
                    entry.completed &= done;
                    entry.done_any |= done_any;
                }
                None => completed.push(CompletedAnswer {
                    exercise_id: exercise.exercise_id.clone(),
                    name: exercise.name.clone(),
                    completed: done,
                    done_any,
                }),
            }
        }
        Self {
            started_at: record.started_at,
            worst_pain: None,
            sharp_or_shooting: false,
            completed,
        }
    }

    /// The report, once the worst pain is answered.
    pub fn to_report(&self) -> Option<SessionReport> {
        Some(SessionReport {
            started_at: Some(self.started_at),
            worst_pain: self.worst_pain?,
            sharp_or_shooting: self.sharp_or_shooting,
            completed: self
                .completed
                .iter()
                .map(|c| (c.exercise_id.clone(), c.completed))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_in_ended_by_a_red_flag_records_no_pain() {
        let mut answers = CheckInAnswers::new(CheckInMode::Daily, true);
        answers.back_pain = Some(4);
        answers.leg_pain = Some(2);
        answers.red_flags.insert(RedFlag::ConstantNightPain);
        let check_in = answers.to_check_in().expect("a red flag completes it");
        assert_eq!((check_in.back_pain, check_in.leg_pain), (None, None));
        assert!(check_in.ended_by_red_flag());
    }

    #[test]
    fn background_risk_factors_count_only_where_they_are_asked() {
        let mut daily = CheckInAnswers::new(CheckInMode::Daily, false);
        daily.back_pain = Some(2);
        daily.leg_pain = Some(0);
        daily.red_flags.insert(RedFlag::CancerHistory);
        let check_in = daily.to_check_in().expect("complete");
        assert!(check_in.red_flags.is_empty(), "not asked daily");
        assert!(!check_in.risk_factors_asked);
        let mut intake = CheckInAnswers::new(CheckInMode::Intake, false);
        intake.red_flags.insert(RedFlag::CancerHistory);
        let check_in = intake.to_check_in().expect("complete");
        assert_eq!(check_in.red_flags, vec![RedFlag::CancerHistory]);
        assert!(check_in.risk_factors_asked);
    }

    #[test]
    fn a_red_flag_alone_completes_the_check_in() {
        let mut answers = CheckInAnswers::new(CheckInMode::Intake, true);
        assert!(!answers.complete());
        answers.red_flags.insert(RedFlag::ALL[0]);
        assert!(answers.complete());
        let check_in = answers.to_check_in().expect("complete");
        assert_eq!(check_in.red_flags, vec![RedFlag::ALL[0]]);
    }

    #[test]
    fn daily_check_in_needs_back_pain_and_the_morning_after_when_asked() {
        let mut answers = CheckInAnswers::new(CheckInMode::Daily, true);
        assert_eq!(
            answers.missing(),
            vec![
                MissingAnswer::BackPain,
                MissingAnswer::LegPain,
                MissingAnswer::MorningAfter
            ]
        );
        answers.back_pain = Some(3);
        answers.leg_pain = Some(0);
        assert_eq!(answers.missing(), vec![MissingAnswer::MorningAfter]);
        assert_eq!(answers.to_check_in(), None);
        answers.morning_after = Some(MorningAfter::Same);
        assert!(answers.complete());
        assert_eq!(answers.to_check_in().and_then(|c| c.back_pain), Some(3));
    }

    #[test]
    fn intake_needs_the_kind_of_pain_but_not_the_morning_after() {
        let mut answers = CheckInAnswers::new(CheckInMode::Intake, false);
        answers.back_pain = Some(2);
        answers.leg_pain = Some(0);
        assert_eq!(answers.missing(), vec![MissingAnswer::PainKind]);
        answers.pain_kind = Some(PainKind::GeneralAche);
        assert!(answers.complete());
        let daily = CheckInAnswers {
            back_pain: Some(2),
            leg_pain: Some(0),
            ..CheckInAnswers::new(CheckInMode::Daily, false)
        };
        assert!(daily.complete(), "the kind of pain is optional daily");
    }

    #[test]
    fn leg_details_are_dropped_without_leg_pain() {
        let mut answers = CheckInAnswers::new(CheckInMode::Daily, false);
        answers.back_pain = Some(1);
        answers.leg_pain = Some(0);
        answers.leg_extent = Some(LegExtent::Foot);
        answers.leg_trend = Some(LegTrend::Further);
        let check_in = answers.to_check_in().expect("complete");
        assert_eq!((check_in.leg_extent, check_in.leg_trend), (None, None));
        answers.leg_pain = Some(4);
        let check_in = answers.to_check_in().expect("complete");
        assert_eq!(check_in.leg_extent, Some(LegExtent::Foot));
        assert_eq!(check_in.leg_trend, Some(LegTrend::Further));
    }

    #[test]
    fn nothing_is_answered_for_the_person() {
        let answers = CheckInAnswers::new(CheckInMode::Daily, false);
        assert_eq!((answers.back_pain, answers.leg_pain), (None, None));
        assert_eq!(answers.function, FunctionScores::default());
        assert_eq!(answers.to_check_in(), None, "nothing to save yet");
    }

    #[test]
    fn leg_pain_above_0_asks_where_and_which_way() {
        let mut answers = CheckInAnswers::new(CheckInMode::Daily, false);
        answers.back_pain = Some(1);
        answers.leg_pain = Some(3);
        assert_eq!(
            answers.missing(),
            vec![MissingAnswer::LegExtent, MissingAnswer::LegTrend]
        );
        answers.leg_extent = Some(LegExtent::Thigh);
        answers.leg_trend = Some(LegTrend::Same);
        assert!(answers.complete());
        let mut intake = CheckInAnswers::new(CheckInMode::Intake, false);
        intake.back_pain = Some(1);
        intake.leg_pain = Some(3);
        intake.pain_kind = Some(PainKind::ShootingIntoLeg);
        assert_eq!(
            intake.missing(),
            vec![MissingAnswer::LegExtent],
            "no last time to compare with at the intake"
        );
    }

    #[test]
    fn daily_life_items_left_alone_are_absent_not_0() {
        let mut answers = CheckInAnswers::new(CheckInMode::Daily, false);
        answers.back_pain = Some(1);
        answers.leg_pain = Some(0);
        assert_eq!(answers.to_check_in().and_then(|c| c.function), None);
        answers.function.running = Some(3);
        let function = answers.to_check_in().and_then(|c| c.function);
        assert_eq!(function.map(|f| f.running), Some(Some(3)));
        assert_eq!(
            function.map(|f| (f.sleep, f.sitting_or_driving)),
            Some((None, None)),
            "untouched items stay unanswered"
        );
    }

    #[test]
    fn a_session_report_needs_the_worst_pain() {
        let mut answers = SessionAnswers {
            started_at: chrono::DateTime::parse_from_rfc3339("2026-11-24T07:30:00+01:00")
                .expect("a valid time"),
            worst_pain: None,
            sharp_or_shooting: true,
            completed: vec![CompletedAnswer {
                exercise_id: "plank".to_owned(),
                name: "Front plank".to_owned(),
                completed: false,
                done_any: true,
            }],
        };
        assert_eq!(answers.to_report(), None);
        answers.worst_pain = Some(4);
        let report = answers.to_report().expect("answered");
        assert_eq!(report.worst_pain, 4);
        assert!(report.sharp_or_shooting);
        assert_eq!(report.completed.get("plank"), Some(&false));
    }
}
