//! The plan's name, patient, clinician, dates, presentation, sessions a week and screening.

use chrono::{Datelike, NaiveDate};

use crate::domain::care::checkin::{FlagKind, RedFlag};
use crate::domain::plan::{Clinician, PlanProblem, Presentation, ranges};

use super::{PlanDraft, number_row, problem_line};

pub(super) fn details_ui(
    ui: &mut egui::Ui,
    draft: &mut PlanDraft,
    problems: &[PlanProblem],
    today: NaiveDate,
) {
    let plan = &mut draft.plan;
    egui::Grid::new("plan_details")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label("Plan name");
            ui.vertical(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut plan.name)
                        .hint_text("e.g. Leg-friendly core plan")
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
                problem_line(ui, problems, "name");
            });
            ui.end_row();
            let label = ui.label("Description");
            ui.add(
                egui::TextEdit::multiline(&mut plan.description)
                    .hint_text("What the plan is for, in a sentence or two")
                    .desired_rows(2)
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Patient");
            optional_text(
                ui,
                &mut plan.patient,
                "The patient's name (optional)",
                label.id,
            );
            ui.end_row();
            clinician_rows(ui, &mut plan.clinician);
            ui.label("Start date");
            ui.vertical(|ui| {
                optional_date(ui, &mut plan.start_date, "start_date", today, None);
                problem_line(ui, problems, "start_date");
            });
            ui.end_row();
            ui.label("Review date");
            ui.vertical(|ui| {
                let start = plan.start_date;
                optional_date(ui, &mut plan.review_date, "review_date", today, start);
                problem_line(ui, problems, "review_date");
            });
            ui.end_row();
        });
    ui.add_space(8.0);
    ui.strong("Presentation");
    ui.label("The back-pain presentation the plan is built around; the rules adapt to it.");
    ui.horizontal_wrapped(|ui| {
        for presentation in [
            Presentation::NotSet,
            Presentation::Spasm,
            Presentation::Nerve,
            Presentation::Ache,
        ] {
            let label = match presentation {
                Presentation::NotSet => "not set (the person's answer decides)".to_owned(),
                other => other.label().to_owned(),
            };
            ui.radio_value(&mut plan.presentation, presentation, label);
        }
    });
    problem_line(ui, problems, "presentation");
    ui.add_space(8.0);
    number_row(
        ui,
        "Sessions a week",
        &mut plan.sessions_per_week,
        ranges::SESSIONS_PER_WEEK,
        "",
        "How many sessions the plan asks for each week (adherence is counted against it)",
    );
    problem_line(ui, problems, "sessions_per_week");
    ui.add_space(8.0);
    ui.strong("Screening done by the clinician");
    ui.checkbox(
        &mut plan.risk_factors_screened,
        "I have screened the background risk factors (the intake shows them as screened)",
    );
    ui.label("Current signs I have assessed (they count as cleared from the start date):");
    ui.horizontal_wrapped(|ui| {
        for flag in RedFlag::ALL
            .into_iter()
            .filter(|f| f.kind() == FlagKind::CurrentSign)
        {
            let mut on = plan.screened_signs.contains(&flag);
            if ui.checkbox(&mut on, flag.label()).changed() {
                if on {
                    plan.screened_signs.push(flag);
                    plan.screened_signs.sort();
                } else {
                    plan.screened_signs.retain(|f| *f != flag);
                }
            }
        }
    });
    agreed_activities_ui(ui, &mut plan.activities, problems);
}

/// The everyday activities agreed with the person (up to five, in their words): the intake
/// then asks only how well they can do each.
fn agreed_activities_ui(ui: &mut egui::Ui, activities: &mut Vec<String>, problems: &[PlanProblem]) {
    ui.add_space(8.0);
    ui.strong("Activities agreed with the person (optional)");
    ui.label(
        "Up to five everyday things their back makes hard, in their words (\"run 5 km\", \
         \"lift my child\"). The app asks them to rate each at the start and every couple of \
         weeks; without any, they name their own.",
    );
    let mut remove = None;
    for (i, name) in activities.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let label = ui.label(format!("Activity {}", i + 1));
            ui.add(
                egui::TextEdit::singleline(name)
                    .hint_text("e.g. sit through a film")
                    .char_limit(crate::domain::care::activities::MAX_NAME_CHARS)
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
            if ui.button(format!("Remove activity {}", i + 1)).clicked() {
                remove = Some(i);
            }
        });
        problem_line(ui, problems, &format!("activities[{i}]"));
    }
    if let Some(i) = remove {
        activities.remove(i);
    }
    if activities.len() < crate::domain::care::activities::MAX_ACTIVITIES
        && ui.button("Add an agreed activity").clicked()
    {
        activities.push(String::new());
    }
    problem_line(ui, problems, "activities");
}

/// A text field for an optional value: empty means none.
fn optional_text(ui: &mut egui::Ui, value: &mut Option<String>, hint: &str, label: egui::Id) {
    let mut text = value.clone().unwrap_or_default();
    ui.add(
        egui::TextEdit::singleline(&mut text)
            .hint_text(hint)
            .desired_width(360.0),
    )
    .labelled_by(label);
    *value = (!text.trim().is_empty()).then_some(text);
}

/// Clinician name, clinic and contact as separate fields; all empty means no clinician.
fn clinician_rows(ui: &mut egui::Ui, clinician: &mut Option<Clinician>) {
    let mut c = clinician.clone().unwrap_or(Clinician {
        name: String::new(),
        clinic: String::new(),
        contact: String::new(),
    });
    for (label, value, hint) in [
        (
            "Clinician",
            &mut c.name,
            "e.g. Alex Morgan, physiotherapist",
        ),
        ("Clinic", &mut c.clinic, "e.g. Riverside Clinic"),
        ("Contact", &mut c.contact, "phone, e-mail or address"),
    ] {
        let label = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(360.0),
        )
        .labelled_by(label.id);
        ui.end_row();
    }
    let empty =
        c.name.trim().is_empty() && c.clinic.trim().is_empty() && c.contact.trim().is_empty();
    *clinician = (!empty).then_some(c);
}

/// A date that may be unset: a tick to set it, then a date picker.
/// A date that may be unset: a tick, the date (a calendar on click, weekends not marked), a
/// week back or forward, and for the review date "+6 weeks" and "+12 weeks" from the start.
fn optional_date(
    ui: &mut egui::Ui,
    value: &mut Option<NaiveDate>,
    id: &str,
    today: NaiveDate,
    weeks_from: Option<NaiveDate>,
) {
    ui.horizontal(|ui| {
        let mut set = value.is_some();
        if ui.checkbox(&mut set, "set").changed() {
            *value = set.then(|| value.unwrap_or(today));
        }
        if let Some(date) = value {
            let mut picked = to_jiff(*date);
            ui.add(
                egui_extras::DatePickerButton::new(&mut picked)
                    .id_salt(id)
                    .calendar_week(false)
                    .highlight_weekends(false)
                    .format("%-d %b %Y")
                    .show_icon(false),
            );
            if let Some(back) = from_jiff(picked) {
                *date = back;
            }
            let week = chrono::Duration::weeks(1);
            if ui.small_button("− 1 week").clicked() {
                *date -= week;
            }
            if ui.small_button("+ 1 week").clicked() {
                *date += week;
            }
        }
        if let Some(from) = weeks_from {
            for weeks in [6, 12] {
                if ui
                    .small_button(format!("{weeks} weeks after the start"))
                    .clicked()
                {
                    *value = Some(from + chrono::Duration::weeks(weeks));
                }
            }
        }
    });
}

fn to_jiff(date: NaiveDate) -> jiff::civil::Date {
    let fallback = jiff::civil::Date::constant(2026, 1, 1);
    let (Ok(year), Ok(month), Ok(day)) = (
        i16::try_from(date.year()),
        i8::try_from(date.month()),
        i8::try_from(date.day()),
    ) else {
        return fallback;
    };
    jiff::civil::Date::new(year, month, day).unwrap_or(fallback)
}

fn from_jiff(date: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).ok()?,
        u32::try_from(date.day()).ok()?,
    )
}
