//! R8: what each presentation (spasm, nerve, ache) changes.

use chrono::NaiveDate;

use super::doses::{Slot, cap_step, gentle_slots};
use super::lights::Lit;
use super::{Light, Status};
use crate::domain::catalog::{Catalog, Dose, MovementBias};
use crate::domain::checkin::{CheckIn, Day, PainKind};
use crate::domain::plan::{Plan, Presentation, RuleSettings};

/// The plan's presentation or, when the plan leaves it unset, the one the person's latest
/// answer suggests (clinical spec §3, question 8).
pub fn effective_presentation(plan: &Plan, days: &[&Day]) -> Presentation {
    if plan.presentation != Presentation::NotSet {
        return plan.presentation;
    }
    let answer = days
        .iter()
        .rev()
        .find_map(|d| d.check_in.as_ref().and_then(|c| c.pain_kind));
    match answer {
        Some(PainKind::SuddenLocking) => Presentation::Spasm,
        Some(PainKind::ShootingIntoLeg) => Presentation::Nerve,
        Some(PainKind::GeneralAche) => Presentation::Ache,
        Some(PainKind::NoPain) | None => Presentation::NotSet,
    }
}

/// Spasm: pain has come down from a gentle day, but fewer than the needed greens since.
pub(super) fn spasm_settling(
    days: &[&Day],
    lit: &[Lit<'_>],
    today: NaiveDate,
    rules: &RuleSettings,
) -> bool {
    let last_gentle = days
        .iter()
        .filter(|d| d.date < today)
        .filter(|d| {
            d.check_in
                .as_ref()
                .is_some_and(|c| c.back_pain >= rules.spasm_gentle_day_pain)
        })
        .map(|d| d.date)
        .next_back();
    let Some(last_gentle) = last_gentle else {
        return false;
    };
    let greens_since = lit
        .iter()
        .filter(|l| l.date >= last_gentle && l.light == Light::Green)
        .count();
    greens_since < usize::from(rules.greens_to_progress)
}

/// What a spasm day is decided from.
pub(super) struct SpasmDay<'a> {
    pub check_in: &'a CheckIn,
    pub days: &'a [&'a Day],
    pub lit: &'a [Lit<'a>],
    pub today: NaiveDate,
    pub plan: &'a Plan,
    pub catalog: &'a Catalog,
}

/// R8 spasm: a gentle day while pain is high; short holds until enough greens after one.
/// Returns the day's status.
pub(super) fn spasm_day(
    slots: &mut Vec<Slot>,
    reasons: &mut Vec<String>,
    day: SpasmDay<'_>,
) -> Status {
    let rules = &day.plan.rules;
    let pain = day.check_in.back_pain;
    if pain >= rules.spasm_gentle_day_pain || pain > rules.spasm_short_holds_pain {
        reasons.insert(
            0,
            format!(
                "Gentle day: with muscle spasm and back pain of {pain}/10, today is walking, gentle movement and stretches only."
            ),
        );
        *slots = gentle_slots(day.plan, day.catalog);
        return Status::Gentle;
    }
    if spasm_settling(day.days, day.lit, day.today, rules) {
        reasons.push(format!(
            "Short holds (at most {} s, step {} at most) while the spasm settles; the full plan returns after {} green sessions.",
            rules.spasm_short_hold_secs, rules.spasm_max_step, rules.greens_to_progress
        ));
        for slot in slots.iter_mut() {
            cap_step(slot, rules.spasm_max_step, day.catalog);
            if let Dose::Hold { hold_secs } = &mut slot.dose {
                *hold_secs = (*hold_secs).min(rules.spasm_short_hold_secs);
            }
        }
    }
    Status::Train
}

/// R8 nerve: never flexion; press-ups only while leg symptoms move back toward the back.
pub(super) fn nerve_day(slots: &mut Vec<Slot>, reasons: &mut Vec<String>, centralising: bool) {
    slots.retain(|slot| {
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
