//! R2 (clinical spec §5): leg-symptom warnings, followed from one check-in to the next until a
//! check-in finds them gone, and whether they are still there 48 h or more after they began.

use chrono::NaiveDate;

use crate::domain::care::checkin::{CheckIn, LegExtent, LegTrend};

/// What one check-in warns of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct LegWarning {
    /// The leg symptoms are further down: said so, or the extent is more distal than at the
    /// last check-in with leg pain, or it reaches below the knee after a check-in without.
    pub further: bool,
    pub numbness: bool,
    pub weakness: bool,
}

impl LegWarning {
    pub fn any(self) -> bool {
        self.further || self.numbness || self.weakness
    }
}

/// A run of leg-symptom warnings, from the first, until a check-in finds them gone.
#[derive(Clone, Copy, Debug)]
struct LegEpisode {
    start: NaiveDate,
    warned: LegWarning,
    extent_at_start: Option<LegExtent>,
    /// A "closer to the back" answer came since the warning.
    closer_since: bool,
}

/// A leg-symptom warning not yet found gone: the check-in asks whether the numbness or
/// weakness reported then is still there (rather than whether it is new).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenLegWarning {
    /// The check-in that first warned.
    pub since: NaiveDate,
    pub numbness: bool,
    pub weakness: bool,
}

/// The R2 state of the history folded so far.
#[derive(Clone, Debug, Default)]
pub(super) struct LegFollow {
    /// The leg's extent at the most recent check-in with leg pain.
    last_extent: Option<LegExtent>,
    /// Leg pain at the most recent check-in.
    previous_pain: Option<u8>,
    episode: Option<LegEpisode>,
    /// What today's check-in warns of.
    pub today_warning: LegWarning,
    /// The first warning of symptoms still present at today's check-in, 48 h or more on.
    pub symptoms_since: Option<NaiveDate>,
}

impl LegFollow {
    /// A new date: nothing is warned of on it yet.
    pub fn start_date(&mut self) {
        self.today_warning = LegWarning::default();
        self.symptoms_since = None;
    }

    /// The person saw a clinician: earlier warnings are covered by the visit.
    pub fn seen_clinician(&mut self) {
        self.episode = None;
    }

    /// The warning still open, if any.
    pub fn open(&self) -> Option<OpenLegWarning> {
        self.episode.map(|episode| OpenLegWarning {
            since: episode.start,
            numbness: episode.warned.numbness,
            weakness: episode.warned.weakness,
        })
    }

    /// What this check-in warns of, and whether an earlier warning is still present.
    pub fn follow(&mut self, date: NaiveDate, check_in: &CheckIn, recheck_hours: u32) {
        let leg_pain = check_in.answered_leg_pain().unwrap_or(0);
        let leg = leg_pain > 0;
        let extent = if leg { check_in.leg_extent } else { None };
        let further = check_in.leg_trend == Some(LegTrend::Further)
            || (leg && extent > self.last_extent && self.last_extent.is_some())
            || (leg && extent >= Some(LegExtent::BelowKnee) && self.previous_pain == Some(0));
        let warning = LegWarning {
            further,
            numbness: check_in.new_numbness,
            weakness: check_in.new_weakness,
        };
        if let Some(episode) = &mut self.episode {
            if check_in.leg_trend == Some(LegTrend::Closer) {
                episode.closer_since = true;
            }
            // The safer reading: any one sign of the warning still there keeps it present.
            let leg_still = episode.warned.further
                && (warning.further
                    || (leg && (extent >= episode.extent_at_start || !episode.closer_since)));
            let numb_still = episode.warned.numbness && check_in.new_numbness;
            let weak_still = episode.warned.weakness && check_in.new_weakness;
            let still_present = leg_still || numb_still || weak_still;
            let hours = (date - episode.start).num_hours();
            if still_present && hours >= i64::from(recheck_hours) {
                self.symptoms_since = Some(episode.start);
            }
            if !still_present {
                // Gone; a new warning today starts a new episode below.
                self.episode = None;
            }
        }
        if warning.any() {
            match &mut self.episode {
                Some(episode) => {
                    episode.warned.further |= warning.further;
                    episode.warned.numbness |= warning.numbness;
                    episode.warned.weakness |= warning.weakness;
                }
                None => {
                    self.episode = Some(LegEpisode {
                        start: date,
                        warned: warning,
                        extent_at_start: extent,
                        closer_since: false,
                    });
                }
            }
        }
        self.today_warning = warning;
        if leg {
            self.last_extent = extent.or(self.last_extent);
        }
        self.previous_pain = Some(leg_pain);
    }
}
