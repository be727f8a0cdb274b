//! R0–R2: red flags that stop or pause training until a clearance, and leg-symptom warnings.

use super::doses::{HalveAtStepOne, Slot, step_down};
use super::{Referral, Status};
use crate::domain::catalog::{Catalog, MovementBias};
use crate::domain::checkin::FlagTier;

/// R0, R1: the status, referral and reasons while a red flag is uncleared.
pub(super) fn red_flag_stop(
    tier: FlagTier,
    contact: Option<&str>,
) -> (Status, Referral, Vec<String>) {
    let (status, referral, text) = match tier {
        FlagTier::Emergency => (
            Status::Stopped,
            Referral::Emergency,
            "Your answers suggest a problem that needs emergency care today. Stop exercising and go to an emergency department or call emergency services now.",
        ),
        FlagTier::Urgent => (
            Status::Paused,
            Referral::Urgent,
            "Your answers suggest you should see a doctor in the next few days. Training is paused until a clinician has checked you.",
        ),
    };
    let mut reasons = vec![text.to_owned()];
    reasons.push("Training starts again once you confirm that a clinician has assessed you and cleared you to exercise.".to_owned());
    if let Some(contact) = contact {
        reasons.push(format!("Your clinician: {contact}."));
    }
    (status, referral, reasons)
}

/// R2: a nerve warning today: no flexion, and every other exercise one step down.
pub(super) fn nerve_warning_day(
    slots: &mut Vec<Slot>,
    reasons: &mut Vec<String>,
    catalog: &Catalog,
) {
    reasons.insert(0, "Your leg symptoms have spread or you noticed new numbness, tingling or weakness: today leaves out forward-bending exercises and the hamstring stretch, and takes every other exercise one step down. If it is still there in 48 hours, see a clinician.".to_owned());
    slots.retain(|s| s.bias != MovementBias::Flexion && s.exercise_id != "hamstring_stretch");
    for slot in slots.iter_mut().filter(|s| !s.mobility) {
        step_down(slot, catalog, HalveAtStepOne::No);
    }
}
