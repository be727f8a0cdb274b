//! R8: what each presentation (spasm, nerve, ache) changes.

use super::Status;
use super::doses::{Caution, DaySlot, gentle_slots};
use crate::domain::care::checkin::{CheckIn, Day, PainKind};
use crate::domain::plan::catalog::{Catalog, MovementBias};
use crate::domain::plan::{Plan, Presentation};

/// The plan's presentation or, when the plan leaves it unset, the one the person's latest
/// "which describes your pain best" answer suggests (clinical spec §3, question 8).
pub fn of(plan: &Plan, latest_answer: Option<PainKind>) -> Presentation {
    if plan.presentation != Presentation::NotSet {
        return plan.presentation;
    }
    match latest_answer {
        Some(PainKind::SuddenLocking) => Presentation::Spasm,
        Some(PainKind::ShootingIntoLeg) => Presentation::Nerve,
        Some(PainKind::GeneralAche) => Presentation::Ache,
        Some(PainKind::NoPain) | None => Presentation::NotSet,
    }
}

/// The presentation after the last of `days` (in date order), as the rules follow it.
pub fn effective_presentation(plan: &Plan, days: &[&Day]) -> Presentation {
    let mut answer = None;
    for check_in in days.iter().filter_map(|d| d.check_in.as_ref()) {
        answer = followed_answer(plan, answer, check_in);
    }
    of(plan, answer)
}

/// R8: the pain-kind answer the presentation follows after `check_in`. An answer counts only
/// when the person confirmed it, and never moves a nerve presentation elsewhere while the
/// leg hurts.
pub(super) fn followed_answer(
    plan: &Plan,
    current: Option<PainKind>,
    check_in: &CheckIn,
) -> Option<PainKind> {
    let Some(answer) = check_in
        .pain_kind
        .filter(|_| check_in.confirms_presentation)
    else {
        return current;
    };
    let leg_hurts = check_in.answered_leg_pain().is_some_and(|p| p > 0);
    let leaving_nerve =
        of(plan, current) == Presentation::Nerve && of(plan, Some(answer)) != Presentation::Nerve;
    if leaving_nerve && leg_hurts {
        return current;
    }
    Some(answer)
}

/// What a spasm day is decided from.
pub(super) struct SpasmDay<'a> {
    pub check_in: &'a CheckIn,
    pub plan: &'a Plan,
    pub catalog: &'a Catalog,
    /// Pain has come down from a gentle day, with fewer than the needed greens since.
    pub settling: bool,
}

/// R8 spasm: a gentle day while pain is high; short holds until enough greens after one.
/// Returns the day's status.
pub(super) fn spasm_day(
    slots: &mut Vec<DaySlot>,
    reasons: &mut Vec<String>,
    day: SpasmDay<'_>,
) -> Status {
    let (plan, catalog) = (day.plan, day.catalog);
    let rules = &plan.rules;
    let Some(pain) = day.check_in.back_pain else {
        return Status::Train;
    };
    if pain >= rules.spasm_gentle_day_pain || pain > rules.spasm_short_holds_pain {
        reasons.insert(
            0,
            format!(
                "Gentle day: with muscle spasm and back pain of {pain}/10, today is walking, gentle movement and stretches only."
            ),
        );
        *slots = gentle_slots(plan, catalog)
            .into_iter()
            .map(DaySlot::gentle)
            .collect();
        return Status::Gentle;
    }
    if day.settling {
        reasons.push(format!(
            "Short holds (at most {} s, step {} at most) while the spasm settles; the full plan returns after {} green sessions.",
            rules.spasm_short_hold_secs, rules.spasm_max_step, rules.greens_to_progress
        ));
        // Strength work only: walking, cat-camel and the stretches keep their dose.
        for d in slots.iter_mut().filter(|d| !d.slot.mobility) {
            d.add(Caution::MaxStep(rules.spasm_max_step), catalog, rules);
            d.add(
                Caution::MaxHold(rules.spasm_short_hold_secs),
                catalog,
                rules,
            );
        }
    }
    Status::Train
}

/// R8 nerve: never flexion; press-ups only while leg symptoms move back toward the back.
pub(super) fn nerve_day(slots: &mut Vec<DaySlot>, reasons: &mut Vec<String>, centralising: bool) {
    slots.retain(|d| {
        let slot = &d.slot;
        if slot.bias == MovementBias::Flexion {
            reasons.push(format!("{} is left out: it bends the spine forward, which is avoided with nerve-related leg pain.", slot.name));
            return false;
        }
        if slot.exercise_id == "press_up" && !centralising {
            reasons.push(format!("{} is left out today: it is only used while leg symptoms are easing toward the back.", slot.name));
            return false;
        }
        true
    });
}
