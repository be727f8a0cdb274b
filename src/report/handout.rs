//! The printable handout a clinician gives with a plan: one self-contained HTML page.

use std::fmt::Write as _;

use crate::domain::plan::catalog::{Catalog, Exercise};
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::plan::circuit::{CircuitBlock, CircuitItem};
use crate::domain::plan::{Plan, Presentation};

use super::html::escape;
use super::svg::picture_svg;

const STYLE: &str = r#"
  * { box-sizing: border-box; }
  body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm; font-size: 10.5pt; line-height: 1.3; }
  h1 { font-size: 20pt; margin: 0 0 2mm; }
  h2 { font-size: 13pt; margin: 4mm 0 2mm; border-bottom: 1px solid #999; }
  .meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 3mm 0; }
  .meta dt { font-weight: bold; }
  .meta dd { margin: 0; }
  .safety { border: 1.5px solid #b03a2e; padding: 3mm; margin: 4mm 0; }
  .exercises { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; }
  .exercise { border: 1px solid #bbb; border-radius: 2mm; padding: 2mm 3mm; break-inside: avoid; page-break-inside: avoid; }
  .exercise p { margin: 1mm 0; }
  .exercise svg { width: 100%; height: 26mm; display: block; }
  .positions { display: flex; gap: 2mm; margin: 0; }
  .positions figure { flex: 1; margin: 0; min-width: 0; }
  .positions svg { height: 22mm; }
  .positions figcaption { font-size: 9pt; color: #444; }
  .exercise h3 { font-size: 12.5pt; margin: 1mm 0; }
  .dose { font-weight: bold; font-size: 12pt; }
  .step, .needs { color: #444; }
  .notes { background: #f3f3f3; padding: 1.5mm 2mm; border-left: 3px solid #555; }
  footer { margin-top: 6mm; color: #555; font-size: 9pt; }
  @page { margin: 12mm; }
  @media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; page-break-after: avoid; } }
"#;

/// The handout for `plan`: who prescribed it, dates, and each exercise with picture, how-to,
/// dose and the clinician's notes.
pub fn handout_html(checked: &CheckedPlan, catalog: &Catalog) -> String {
    let plan = &checked.plan;
    let mut html = String::new();
    write_head_and_title(&mut html, plan);
    write_plan_details(&mut html, plan);

    html.push_str(
        "<div class=\"safety\"><strong>Stop and contact your clinician</strong> if pain spreads further down a leg, \
         if you notice new numbness, tingling or weakness, or if a session leaves you worse the next day. \
         Get urgent medical help for numbness around the genitals or back passage, or new trouble passing urine \
         or controlling your bladder or bowels.</div>\n",
    );

    let t = &checked.circuit.timings;
    let _ = writeln!(
        html,
        "<p>Rest {} s between exercises and {} s between rounds. Per-side exercises: do the left side, then the right.</p>",
        t.rest_between_exercises_secs, t.rest_between_rounds_secs
    );

    for block in &checked.circuit.blocks {
        write_block(&mut html, block, plan, catalog);
    }
    html.push_str(
        "<footer>Made with Strongback, a back-care strength coach. It does not diagnose; follow your clinician's advice.</footer>\n</body></html>\n",
    );
    html
}

/// The page head with its style, the plan's name as the heading, and its description.
fn write_head_and_title(html: &mut String, plan: &Plan) {
    let _ = writeln!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>",
        escape(&plan.name)
    );
    let _ = writeln!(html, "<h1>{}</h1>", escape(&plan.name));
    if !plan.description.is_empty() {
        let _ = writeln!(html, "<p>{}</p>", escape(&plan.description));
    }
}

/// The list of who the plan is for, who prescribed it, its dates and sessions a week.
fn write_plan_details(html: &mut String, plan: &Plan) {
    html.push_str("<dl class=\"meta\">\n");
    let mut meta = |key: &str, value: &str| {
        let _ = writeln!(html, "<dt>{}</dt><dd>{}</dd>", escape(key), escape(value));
    };
    if let Some(patient) = &plan.patient {
        meta("For", patient);
    }
    match &plan.clinician {
        Some(clinician) => {
            meta("Clinician", &clinician.name);
            if !clinician.clinic.is_empty() {
                meta("Clinic", &clinician.clinic);
            }
            if !clinician.contact.is_empty() {
                meta("Contact", &clinician.contact);
            }
        }
        None => meta("Clinician", "none (built-in plan)"),
    }
    if let Some(start) = plan.start_date {
        meta("Start", &crate::domain::dates::short_date(start));
    }
    if let Some(review) = plan.review_date {
        meta("Review", &crate::domain::dates::short_date(review));
    }
    meta("Sessions", &format!("{} a week", plan.sessions_per_week));
    if plan.presentation != Presentation::NotSet {
        meta("Built for", plan.presentation.label());
    }
    html.push_str("</dl>\n");
    html.push_str(&looser_settings_html(plan));
}

/// The rule settings the clinician set looser than the spec's defaults, said in words (spec
/// §5 v3): on the handout and in the report. Empty when there are none.
pub fn looser_settings_html(plan: &Plan) -> String {
    let looser = crate::domain::plan::rule_settings::looser_than_default(&plan.rules);
    if looser.is_empty() {
        return String::new();
    }
    let items: String = looser
        .iter()
        .map(|(_, text)| format!("<li>{}</li>", escape(text)))
        .collect();
    format!(
        "<div class=\"looser\"><strong>Settings changed by the clinician</strong><ul>{items}</ul></div>\n"
    )
}

/// One block: its heading with the rounds, then a card for each exercise in the catalog.
fn write_block(html: &mut String, block: &CircuitBlock, plan: &Plan, catalog: &Catalog) {
    let rounds = if block.rounds > 1 {
        format!(" — {} rounds", block.rounds)
    } else {
        String::new()
    };
    let _ = writeln!(
        html,
        "<h2>{}{}</h2>\n<div class=\"exercises\">",
        escape(&block.name),
        rounds
    );
    for item in &block.items {
        let Some(exercise) = catalog.get(&item.exercise_id) else {
            continue;
        };
        write_exercise_card(html, item, exercise, plan);
    }
    html.push_str("</div>\n");
}

/// Step `step`'s positions: where the movement starts and where it ends, side by side, or the
/// one position held; each named for a screen reader.
fn write_positions(html: &mut String, exercise: &Exercise, step: u8) {
    let Some(picture) = exercise.picture_at(step) else {
        return;
    };
    let look = exercise.look_at(step, false);
    let view = picture.view_box(look);
    let positions: &[(&str, f32)] = if picture.moves() {
        &[("Start", 0.0), ("End", 1.0)]
    } else {
        &[("Hold this position", 1.0)]
    };
    html.push_str("<div class=\"positions\">");
    for (caption, toward_end) in positions {
        let title = format!("{}: {}", exercise.name, caption.to_lowercase());
        let _ = write!(
            html,
            "<figure>{}<figcaption>{caption}</figcaption></figure>",
            picture_svg(&picture.parts(*toward_end, look), view, &title)
        );
    }
    html.push_str("</div>");
}

/// One exercise's card: picture, name, dose, step, how-to, cue, notes and equipment.
fn write_exercise_card(html: &mut String, item: &CircuitItem, exercise: &Exercise, plan: &Plan) {
    let side = if item.per_side { " each side" } else { "" };
    let sets = if item.sets > 1 {
        format!(", {} sets", item.sets)
    } else {
        String::new()
    };
    // McGill-style holds are never longer than the plan's cap, as the rules prescribe.
    let dose = if exercise.mcgill_style {
        item.dose.capped_hold(plan.rules.max_mcgill_hold_secs)
    } else {
        item.dose
    };
    html.push_str("<section class=\"exercise\">");
    write_positions(html, exercise, item.step);
    let _ = write!(
        html,
        "<h3>{}</h3><div class=\"dose\">{}{}{}</div><div class=\"step\">Step {} of {}: {}</div><p>{}</p>",
        escape(&exercise.name),
        escape(&dose.describe()),
        side,
        sets,
        item.step,
        item.top_step,
        escape(&item.step_name),
        escape(exercise.how_to_at(item.step)),
    );
    if let Some(step) = exercise.step(item.step) {
        if !step.cue.is_empty() {
            let _ = write!(html, "<p><em>{}</em></p>", escape(&step.cue));
        }
        if let Some(tempo) = step.tempo {
            let _ = write!(html, "<p>Pace: {}</p>", escape(&tempo.describe()));
        }
    }
    if !item.notes.is_empty() {
        let _ = write!(html, "<p class=\"notes\">{}</p>", escape(&item.notes));
    }
    let equipment = exercise.equipment_at(item.step);
    if !equipment.is_empty() {
        let needs: Vec<&str> = equipment.iter().map(|e| e.label()).collect();
        let _ = write!(
            html,
            "<div class=\"needs\">You need: {}</div>",
            escape(&needs.join(", "))
        );
    }
    html.push_str("</section>\n");
}
