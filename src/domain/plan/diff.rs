//! What would change if a new plan replaced the current one, in words a patient can check.

use crate::domain::plan::Plan;
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::circuit::{Circuit, CircuitItem};

/// One difference, as a line of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanChange {
    pub text: String,
}

fn describe_item(item: &CircuitItem) -> String {
    format!(
        "step {} ({}), {}",
        item.step,
        item.step_name,
        item.dose_summary()
    )
}

/// Note `what` changed from `before` to `after`, if it did.
fn change(changes: &mut Vec<PlanChange>, what: &str, before: String, after: String) {
    if before != after {
        changes.push(PlanChange {
            text: format!("{what}: {after} (was {before})"),
        });
    }
}

fn items_of(c: &Circuit) -> Vec<(String, &CircuitItem)> {
    c.blocks
        .iter()
        .flat_map(|b| b.items.iter().map(move |i| (b.name.clone(), i)))
        .collect()
}

fn or_none(value: Option<String>) -> String {
    value.unwrap_or_else(|| "none".to_owned())
}

/// Differences from `old` to `new`: plan details, clinician, exercises (added, removed,
/// changed), and limits. Empty when nothing that matters changes.
pub fn plan_changes(
    old: &Plan,
    old_circuit: &Circuit,
    new: &Plan,
    new_circuit: &Circuit,
    catalog: &Catalog,
) -> Vec<PlanChange> {
    let mut changes = Vec::new();
    detail_changes(&mut changes, old, new);
    exercise_changes(&mut changes, old_circuit, new_circuit);
    limit_changes(&mut changes, old, new, catalog);
    changes
}

/// The plan's clinician as one line: name, then clinic and contact where given.
fn clinician_text(p: &Plan) -> String {
    or_none(p.clinician.as_ref().map(|c| {
        let details: Vec<&str> = [c.clinic.as_str(), c.contact.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if details.is_empty() {
            c.name.clone()
        } else {
            format!("{} ({})", c.name, details.join(", "))
        }
    }))
}

/// Changes to the plan's details: name, clinician, patient, dates, presentation, sessions.
fn detail_changes(changes: &mut Vec<PlanChange>, old: &Plan, new: &Plan) {
    change(changes, "Plan", old.name.clone(), new.name.clone());
    change(
        changes,
        "Clinician",
        clinician_text(old),
        clinician_text(new),
    );
    change(
        changes,
        "Patient",
        or_none(old.patient.clone()),
        or_none(new.patient.clone()),
    );
    change(
        changes,
        "Start date",
        or_none(old.start_date.map(crate::domain::dates::short_date)),
        or_none(new.start_date.map(crate::domain::dates::short_date)),
    );
    change(
        changes,
        "Review date",
        or_none(old.review_date.map(crate::domain::dates::short_date)),
        or_none(new.review_date.map(crate::domain::dates::short_date)),
    );
    change(
        changes,
        "Presentation",
        old.presentation.label().to_owned(),
        new.presentation.label().to_owned(),
    );
    change(
        changes,
        "Sessions per week",
        old.sessions_per_week.to_string(),
        new.sessions_per_week.to_string(),
    );
}

/// Exercises added, changed and removed (each within its block), then the rounds per block.
fn exercise_changes(changes: &mut Vec<PlanChange>, old_circuit: &Circuit, new_circuit: &Circuit) {
    let (old_items, new_items) = (items_of(old_circuit), items_of(new_circuit));
    let find = |list: &[(String, &CircuitItem)], block: &str, id: &str| {
        list.iter()
            .find(|(b, i)| b == block && i.exercise_id == id)
            .map(|(_, i)| describe_item(i))
    };
    for (block, item) in &new_items {
        match find(&old_items, block, &item.exercise_id) {
            None => changes.push(PlanChange {
                text: format!("{block}: {}: added, {}", item.name, describe_item(item)),
            }),
            Some(before) => change(
                changes,
                &format!("{block}: {}", item.name),
                before,
                describe_item(item),
            ),
        }
    }
    for (block, item) in &old_items {
        if find(&new_items, block, &item.exercise_id).is_none() {
            changes.push(PlanChange {
                text: format!(
                    "{block}: {}: removed (was {})",
                    item.name,
                    describe_item(item)
                ),
            });
        }
    }
    let rounds = |c: &Circuit| {
        c.blocks
            .iter()
            .map(|b| format!("{} × {}", b.name, b.rounds))
            .collect::<Vec<_>>()
            .join(", ")
    };
    change(changes, "Rounds", rounds(old_circuit), rounds(new_circuit));
}

/// Changes to the physio's limits (excluded, highest steps, longest session) and the rules.
fn limit_changes(changes: &mut Vec<PlanChange>, old: &Plan, new: &Plan, catalog: &Catalog) {
    // An exercise by its name, as the person knows it (its id if the catalog lacks it).
    let name = |id: &str| {
        catalog
            .get(id)
            .map_or_else(|| id.to_owned(), |e| e.name.clone())
    };
    let excluded = |p: &Plan| {
        if p.limits.excluded_exercises.is_empty() {
            "none".to_owned()
        } else {
            p.limits
                .excluded_exercises
                .iter()
                .map(|id| name(id))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    change(changes, "Excluded exercises", excluded(old), excluded(new));
    let max_steps = |p: &Plan| {
        if p.limits.max_steps.is_empty() {
            "none".to_owned()
        } else {
            p.limits
                .max_steps
                .iter()
                .map(|(id, step)| format!("{} up to step {step}", name(id)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    change(changes, "Highest steps", max_steps(old), max_steps(new));
    change(
        changes,
        "Longest session",
        or_none(old.limits.max_session_minutes.map(|m| format!("{m} min"))),
        or_none(new.limits.max_session_minutes.map(|m| format!("{m} min"))),
    );
    if old.rules != new.rules {
        changes.push(PlanChange {
            text: "Rule settings: changed by the plan (see the plan file)".to_owned(),
        });
    }
}
