//! R0–R2: red flags that stop or pause training until a clearance, and leg-symptom warnings.

use super::doses::{Caution, DaySlot};
use super::{Referral, Status};
use crate::domain::care::checkin::{FlagTier, RedFlag, flag_list};
use crate::domain::plan::RuleSettings;
use crate::domain::plan::catalog::{Catalog, MovementBias};

/// R0, R1: the status, referral and reasons while red-flag answers are uncleared; the
/// message names the answers that caused it.
pub(super) fn red_flag_stop(
    tier: FlagTier,
    flags: &[RedFlag],
    contact: Option<&str>,
) -> (Status, Referral, Vec<String>) {
    let (status, referral, text) = match tier {
        FlagTier::Emergency => (
            Status::Stopped,
            Referral::Emergency,
            "Your answers suggest a problem that needs emergency care. Stop exercising and go to an emergency department or call emergency services now: do not wait.",
        ),
        FlagTier::Urgent => (
            Status::Paused,
            Referral::Urgent,
            "Your answers suggest you should see a doctor in the next few days. Training is paused until a clinician has checked you.",
        ),
    };
    let mut reasons = vec![text.to_owned()];
    if !flags.is_empty() {
        reasons.push(format!("You answered yes to: {}.", flag_list(flags)));
    }
    reasons.push("Training starts again once you confirm that a clinician has assessed these answers and cleared you to exercise.".to_owned());
    if let Some(contact) = contact {
        reasons.push(format!("Your clinician: {contact}."));
    }
    (status, referral, reasons)
}

/// R2: a nerve warning today, on every day with a session (a gentle day too): no flexion and
/// no hamstring stretch, and every other exercise one step down (at step 1, not halved).
pub(super) fn nerve_warning_day(
    day: &mut Vec<DaySlot>,
    reasons: &mut Vec<String>,
    catalog: &Catalog,
    rules: &RuleSettings,
) {
    let text = if day.iter().all(|d| d.gentle) {
        "Your leg symptoms have spread or you noticed new numbness, tingling or weakness: today leaves out forward-bending exercises and the hamstring stretch. If it is still there in 48 hours, see a clinician."
    } else {
        "Your leg symptoms have spread or you noticed new numbness, tingling or weakness: today leaves out forward-bending exercises and the hamstring stretch, and takes every other exercise one step down. If it is still there in 48 hours, see a clinician."
    };
    reasons.insert(0, text.to_owned());
    day.retain(|d| {
        d.slot.bias != MovementBias::Flexion && d.slot.exercise_id != "hamstring_stretch"
    });
    for d in day.iter_mut().filter(|d| !d.slot.mobility) {
        d.add(Caution::StepDown, catalog, rules);
    }
}
