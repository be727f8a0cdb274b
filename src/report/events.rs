//! Every red flag, leg warning, referral, clearance and statement of a clinician seen in a
//! period: the one list behind the report's "Red flags, warnings, referrals and clearances"
//! and the events CSV. Referrals come from the rules' own record of what they raised
//! ([`referrals_raised`]), the record the app's open referral is read from, so the app, the
//! report and the CSV give each one the same date.

use chrono::NaiveDate;

use crate::domain::care::checkin::{Day, FlagTier};
use crate::domain::care::rules::{Referral, referrals_raised};
use crate::domain::plan::Plan;
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::circuit::Circuit;

/// What kind of item an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventKind {
    RedFlag(FlagTier),
    LegWarning,
    Referral(Referral),
    Clearance,
    ClinicianSeen,
}

impl EventKind {
    /// The words the report and the CSV use for it.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::RedFlag(FlagTier::Emergency) => "red flag (emergency)",
            EventKind::RedFlag(FlagTier::Urgent) => "red flag (urgent)",
            EventKind::LegWarning => "leg warning",
            EventKind::Referral(Referral::Emergency) => "emergency referral",
            EventKind::Referral(Referral::Urgent) => "urgent referral",
            EventKind::Referral(_) => "routine referral",
            EventKind::Clearance => "clearance",
            EventKind::ClinicianSeen => "seen a clinician",
        }
    }
}

/// One dated item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CareEvent {
    pub date: NaiveDate,
    pub kind: EventKind,
    pub text: String,
    /// A referral: the date the person said they had seen a clinician (`None`: still open).
    pub closed_on: Option<NaiveDate>,
}

/// The period's items, by date (a referral raised before `from` and still open on it is
/// included with the date it was raised).
pub fn care_events(
    plan: &Plan,
    circuit: &Circuit,
    catalog: &Catalog,
    days: &[Day],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<CareEvent> {
    let mut events = Vec::new();
    let event = |date, kind, text: String| CareEvent {
        date,
        kind,
        text,
        closed_on: None,
    };
    for day in days.iter().filter(|d| (from..=to).contains(&d.date)) {
        if let Some(check_in) = &day.check_in {
            for flag in &check_in.red_flags {
                events.push(event(
                    day.date,
                    EventKind::RedFlag(flag.tier()),
                    flag.question().to_owned(),
                ));
            }
            if check_in.nerve_warning() {
                events.push(event(
                    day.date,
                    EventKind::LegWarning,
                    "symptoms further down the leg, or numbness or weakness".to_owned(),
                ));
            }
        }
        if let Some(clearance) = &day.clearance {
            let note = if clearance.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", clearance.note)
            };
            events.push(event(
                day.date,
                EventKind::Clearance,
                format!("stated that a clinician cleared them to exercise{note}"),
            ));
        }
        if let Some(seen) = &day.clinician_seen {
            events.push(event(
                day.date,
                EventKind::ClinicianSeen,
                format!("stated that they had seen a clinician ({})", seen.note),
            ));
        }
    }
    for raised in referrals_raised(plan, circuit, catalog, days, from, to) {
        events.push(CareEvent {
            date: raised.raised_on,
            kind: EventKind::Referral(raised.level),
            text: raised.reason,
            closed_on: raised.closed_on,
        });
    }
    // Stable: a date's items keep the order above.
    events.sort_by_key(|e| e.date);
    events
}
