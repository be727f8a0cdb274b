//! The report a patient brings to the clinic: one self-contained HTML page with inline SVG
//! charts. Built from the records alone; dates are arguments.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::catalog::Catalog;
use crate::domain::checkin::{Day, FlagTier};
use crate::domain::plan::{CheckedPlan, Plan};
use crate::domain::progress::{
    adherence_percent, date_of_day_number, day_number, dose_series, first_record_date, lights,
    pain_series, session_date, streak_weeks, weekly_mean_back_pain,
};
use crate::domain::record::{SessionOutcome, SessionRecord};
use crate::domain::rules::{Light, Referral, referral_events};

use super::html::escape;
use super::svg::{ChartDot, ChartLine, line_chart_svg};

const STYLE: &str = r#"
  body { font-family: "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 190mm; margin: 0 auto; padding: 8mm; font-size: 10.5pt; }
  h1 { font-size: 19pt; margin: 0 0 2mm; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin: 6mm 0 2mm; }
  table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: 1mm 2mm; text-align: left; }
  .chart { width: 100%; height: auto; break-inside: avoid; }
  .empty { border: 1px solid #999; padding: 4mm; }
  @page { margin: 12mm; }
  @media print { h2 { break-after: avoid; page-break-after: avoid; } }
"#;

/// The records a report is built from.
pub struct ReportSource<'a> {
    pub plan: &'a CheckedPlan,
    pub catalog: &'a Catalog,
    pub sessions: &'a [SessionRecord],
    pub days: &'a [Day],
}

/// The period a report covers: `from` defaults to the first record (or `to` when there is
/// none). Used by the app and `strongback report`, so both cover the same dates.
pub fn report_period(
    source: &ReportSource<'_>,
    from: Option<NaiveDate>,
    to: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let first = first_record_date(source.sessions, source.days);
    (from.or(first).unwrap_or(to), to)
}

/// The clinician report for `from..=to`: the one builder behind the app's Report… button and
/// `strongback report`.
pub fn clinician_report(source: &ReportSource<'_>, from: NaiveDate, to: NaiveDate) -> String {
    let referrals = referral_events(
        &source.plan.plan,
        &source.plan.circuit,
        source.catalog,
        source.days,
        from,
        to,
    );
    report_html(&ReportInput {
        plan: &source.plan.plan,
        sessions: source.sessions,
        days: source.days,
        from,
        to,
        referrals: &referrals,
    })
}

/// What the report covers, once the referral events are known.
pub struct ReportInput<'a> {
    pub plan: &'a Plan,
    pub sessions: &'a [SessionRecord],
    pub days: &'a [Day],
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Referral events from the rules: (date, level, reason).
    pub referrals: &'a [(NaiveDate, Referral, String)],
}

fn light_colour(light: Light) -> &'static str {
    match light {
        Light::Green => "#1f9d55",
        Light::Amber => "#e08e0b",
        Light::Red => "#c0392b",
    }
}

/// The report page.
pub fn report_html(input: &ReportInput<'_>) -> String {
    let plan = input.plan;
    let in_range = |d: NaiveDate| d >= input.from && d <= input.to;
    let sessions: Vec<SessionRecord> = input
        .sessions
        .iter()
        .filter(|s| in_range(session_date(s)))
        .cloned()
        .collect();
    let days: Vec<Day> = input
        .days
        .iter()
        .filter(|d| in_range(d.date))
        .cloned()
        .collect();

    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Strongback report</title><style>{STYLE}</style></head><body>\n<h1>Strongback report</h1>\n"
    );
    let mut meta = Vec::new();
    if let Some(patient) = &plan.patient {
        meta.push(format!("<b>Patient:</b> {}", escape(patient)));
    }
    meta.push(format!("<b>Plan:</b> {}", escape(&plan.name)));
    if let Some(clinician) = &plan.clinician {
        meta.push(format!(
            "<b>Clinician:</b> {} {}",
            escape(&clinician.name),
            escape(&clinician.contact)
        ));
    }
    meta.push(format!("<b>Period:</b> {} to {}", input.from, input.to));
    let _ = writeln!(html, "<p>{}</p>", meta.join("<br>"));

    if sessions.is_empty() && days.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">No sessions or check-ins were recorded between {} and {}.</p></body></html>",
            input.from, input.to
        );
        return html;
    }

    // Adherence.
    let completed = sessions
        .iter()
        .filter(|s| s.outcome == SessionOutcome::Completed)
        .count();
    let partial = sessions.len() - completed;
    let adherence = adherence_percent(&sessions, plan.sessions_per_week, input.from, input.to)
        .map_or("—".to_owned(), |p| format!("{p:.0} %"));
    let _ = writeln!(
        html,
        "<h2>Adherence</h2><p>{completed} sessions completed and {partial} partial, against {} a week planned: <b>{adherence}</b>. Current streak: {} week(s) meeting the plan.</p>",
        plan.sessions_per_week,
        streak_weeks(&sessions, plan.sessions_per_week, input.to)
    );

    // Progression per exercise.
    let mut ids: Vec<(String, String)> = Vec::new();
    for s in &sessions {
        for e in &s.exercises {
            if !ids.iter().any(|(id, _)| *id == e.exercise_id) {
                ids.push((e.exercise_id.clone(), e.name.clone()));
            }
        }
    }
    html.push_str("<h2>Progression per exercise</h2><table><tr><th>Exercise</th><th>First</th><th>Latest</th><th>Step changes</th></tr>\n");
    for (id, name) in &ids {
        let series: Vec<_> = dose_series(&sessions, id)
            .into_iter()
            .filter(|p| p.side != Some(crate::domain::timeline::Side::Right))
            .collect();
        let (Some(first), Some(last)) = (series.first(), series.last()) else {
            continue;
        };
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}: step {}, {} {}</td><td>{}: step {}, {} {}</td><td>{}</td></tr>",
            escape(name),
            first.date,
            first.step,
            first.amount,
            first.unit,
            last.date,
            last.step,
            last.amount,
            last.unit,
            series.iter().filter(|p| p.step_changed).count()
        );
    }
    html.push_str("</table>\n<p>Amounts are the best set of each session.</p>\n");

    // Pain and lights.
    let label =
        |x: f64| date_of_day_number(x).map_or(String::new(), |d| d.format("%-d %b %y").to_string());
    let pain = pain_series(&days);
    let session_lights = lights(&days, &plan.rules);
    html.push_str("<h2>Pain</h2>\n");
    if pain.is_empty() && session_lights.is_empty() {
        html.push_str("<p>No check-ins in this period.</p>\n");
    } else {
        let back = ChartLine {
            label: "back pain (0–10)".into(),
            colour: "#2b7bd6",
            points: pain.iter().map(|p| (day_number(p.date), p.back)).collect(),
        };
        let leg = ChartLine {
            label: "leg pain (0–10)".into(),
            colour: "#8e44ad",
            points: pain.iter().map(|p| (day_number(p.date), p.leg)).collect(),
        };
        let dots: Vec<ChartDot> = session_lights
            .iter()
            .map(|(date, light, worst)| ChartDot {
                x: day_number(*date),
                y: f64::from(*worst),
                colour: light_colour(*light),
                title: format!("{date}: {light:?}, worst pain {worst}"),
            })
            .collect();
        html.push_str(&line_chart_svg(
            "Pain at check-in, with each session's worst pain coloured by its light",
            &[back, leg],
            &dots,
            10.0,
            &label,
        ));
        let weekly = ChartLine {
            label: "weekly mean back pain".into(),
            colour: "#2b7bd6",
            points: weekly_mean_back_pain(&days)
                .iter()
                .map(|(monday, mean)| (day_number(*monday), *mean))
                .collect(),
        };
        html.push_str(&line_chart_svg(
            "Weekly mean back pain",
            &[weekly],
            &[],
            10.0,
            &label,
        ));
    }
    let count = |wanted: Light| {
        session_lights
            .iter()
            .filter(|(_, l, _)| *l == wanted)
            .count()
    };
    let _ = writeln!(
        html,
        "<h2>Lights</h2><p>Green {} · amber {} · red {}</p>",
        count(Light::Green),
        count(Light::Amber),
        count(Light::Red)
    );

    // Events.
    html.push_str("<h2>Red flags, referrals and clearances</h2>\n");
    let mut events = Vec::new();
    for day in &days {
        if let Some(check_in) = &day.check_in {
            for flag in &check_in.red_flags {
                let tier = match flag.tier() {
                    FlagTier::Emergency => "emergency",
                    FlagTier::Urgent => "urgent",
                };
                events.push(format!(
                    "{}: red flag ({tier}): {}",
                    day.date,
                    escape(flag.question())
                ));
            }
            if check_in.nerve_warning() {
                events.push(format!(
                    "{}: leg symptoms spreading or new numbness/weakness",
                    day.date
                ));
            }
        }
        if let Some(clearance) = &day.clearance {
            events.push(format!(
                "{}: stated that a clinician cleared them to exercise{}",
                day.date,
                if clearance.note.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", escape(&clearance.note))
                }
            ));
        }
    }
    for (date, level, reason) in input.referrals {
        let level = match level {
            Referral::None => continue,
            Referral::Routine => "routine",
            Referral::Urgent => "urgent",
            Referral::Emergency => "emergency",
        };
        events.push(format!("{date}: {level} referral: {}", escape(reason)));
    }
    // Dated events in date order (each starts with its YYYY-MM-DD date).
    events.sort();
    if events.is_empty() {
        html.push_str("<p>None.</p>\n");
    } else {
        html.push_str("<ul>\n");
        for event in events {
            let _ = writeln!(html, "<li>{event}</li>");
        }
        html.push_str("</ul>\n");
    }
    html.push_str("<p><small>Made with Strongback. Check-in answers are the person's own; they are not a validated score.</small></p>\n</body></html>\n");
    html
}
