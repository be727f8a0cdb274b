//! The report a patient brings to the clinic: one self-contained HTML page with inline SVG
//! charts. Built from the records alone; dates are arguments.

use super::clinician_style::STYLE;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::events::{CareEvent, EventKind, care_events};
use crate::domain::care::checkin::Day;
use crate::domain::care::rules::Light;
use crate::domain::dates::day_number;
use crate::domain::plan::Plan;
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::progress::adherence::{
    ADHERENCE_MEANS, AdherenceRecords, DONE_MEANS, MISSED_MEANS, PLANNED_MEANS, PeriodTally,
    STREAK_MEANS, WeekTally,
};
use crate::domain::progress::dose_changes::first_and_last;
use crate::domain::progress::figures::{
    MEANINGFUL_PAIN_CHANGE, PainTrend, dose_axis_title, dose_series, first_record_date, lights,
    pain_series, session_date, step_labels, weekly_mean_pain,
};
use crate::domain::session::record::SessionRecord;

use super::chart_svg::{Chart, Dot, Level, Marker, Series};
use super::html::escape;

/// The records a report is built from.
pub struct ReportSource<'a> {
    pub plan: &'a CheckedPlan,
    pub catalog: &'a Catalog,
    pub sessions: &'a [SessionRecord],
    pub days: &'a [Day],
    /// Files that could not be read, each in words: the report says at its top that it is
    /// incomplete, and why.
    pub unreadable: &'a [String],
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
/// `strongback report`. Its figures are as they stood on `to` (as History shows them on that
/// date).
pub fn clinician_report(source: &ReportSource<'_>, from: NaiveDate, to: NaiveDate) -> String {
    let records = AdherenceRecords::gather(
        source.plan,
        source.catalog,
        source.sessions,
        source.days,
        to,
    );
    let events = care_events(
        &source.plan.plan,
        &source.plan.circuit,
        source.catalog,
        source.days,
        from,
        to,
    );
    let html = report_html(&ReportInput {
        plan: &source.plan.plan,
        sessions: source.sessions,
        days: source.days,
        from,
        to,
        events: &events,
        records: &records,
    });
    if source.unreadable.is_empty() {
        return html;
    }
    let items: String = source
        .unreadable
        .iter()
        .map(|problem| format!("<li>{}</li>", super::html::escape(problem)))
        .collect();
    let warning = format!(
        "<div class=\"unreadable\" role=\"alert\"><strong>This report is incomplete: some records could not be read.</strong><ul>{items}</ul></div>\n"
    );
    html.replacen(
        "<h1>Strongback report</h1>\n",
        &format!("<h1>Strongback report</h1>\n{warning}"),
        1,
    )
}

/// What the report covers, once the referral events are known.
pub struct ReportInput<'a> {
    pub plan: &'a Plan,
    pub sessions: &'a [SessionRecord],
    pub days: &'a [Day],
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Red flags, warnings, referrals and clearances ([`care_events`]).
    pub events: &'a [CareEvent],
    /// What the adherence figures count from, as of `to`.
    pub records: &'a AdherenceRecords,
}

/// "1 Sep 2026".
fn long_date(date: NaiveDate) -> String {
    crate::domain::dates::short_date(date)
}

/// The report page: a first page a clinician reads in a minute, then the detail.
pub fn report_html(input: &ReportInput<'_>) -> String {
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
    html.push_str(&meta_table(input));
    html.push_str(&super::handout::looser_settings_html(input.plan));
    if sessions.is_empty() && days.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">No sessions or check-ins were recorded between {} and {}.</p></body></html>",
            long_date(input.from),
            long_date(input.to)
        );
        return html;
    }
    let tally = input.records.tally(input.from, input.to);
    html.push_str("<h2>Summary</h2>\n");
    html.push_str(&adherence_paragraph(input, &tally));
    html.push_str(&pain_summary(&days));
    html.push_str(&super::activities_section::activities_summary(
        &crate::domain::care::checkin::activity_log(input.days).within(input.from, input.to),
    ));
    html.push_str(&exercise_table(&sessions));
    html.push_str(&events_section(input));

    html.push_str("<div class=\"detail\"><h2>Detail</h2>\n");
    html.push_str(&period_table(&tally));
    html.push_str(&pain_detail(input, &days));
    html.push_str(&dose_charts(&sessions));
    let _ = writeln!(
        html,
        "<div class=\"keep\"><h3>How the figures are counted</h3><p class=\"defs\">{}<br>{}<br>{}<br>{}<br>{}<br>Counting starts at the later of the plan's start and the first record; the figures are as they stood on {}.</p></div>",
        escape(PLANNED_MEANS),
        escape(DONE_MEANS),
        escape(ADHERENCE_MEANS),
        escape(MISSED_MEANS),
        escape(STREAK_MEANS),
        long_date(input.to)
    );
    html.push_str("</div>\n<p><small>Made with Strongback. Check-in answers are the person's own; they are not a validated score.</small></p>\n</body></html>\n");
    html
}

/// Patient, plan, period and clinician, one per line.
fn meta_table(input: &ReportInput<'_>) -> String {
    let plan = input.plan;
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(patient) = &plan.patient {
        rows.push(("Patient", escape(patient)));
    }
    rows.push(("Plan", escape(&plan.name)));
    let weeks = ((input.to - input.from).num_days() + 1) as f64 / 7.0;
    rows.push((
        "Period",
        format!(
            "{} to {} ({weeks:.0} week{})",
            long_date(input.from),
            long_date(input.to),
            if weeks.round() == 1.0 { "" } else { "s" }
        ),
    ));
    if let Some(clinician) = &plan.clinician {
        rows.push(("Clinician", escape(&clinician.name)));
        if !clinician.clinic.is_empty() {
            rows.push(("Clinic", escape(&clinician.clinic)));
        }
        if !clinician.contact.is_empty() {
            rows.push(("Contact", escape(&clinician.contact)));
        }
    }
    let mut html = String::from("<table class=\"meta\">\n");
    for (label, value) in rows {
        let _ = writeln!(html, "<tr><td><b>{label}</b></td><td>{value}</td></tr>");
    }
    html.push_str("</table>\n");
    html
}

fn adherence_paragraph(input: &ReportInput<'_>, tally: &PeriodTally) -> String {
    let percent = tally
        .adherence_percent()
        .map_or("no sessions were planned".to_owned(), |p| {
            format!("{p:.0} %")
        });
    let streak = input.records.streak_weeks();
    format!(
        "<p><b>Adherence: {percent}</b>: {}; the plan asks for {} a week. Streak on {}: {streak} week{} meeting the plan.</p>\n",
        tally.sentence(),
        input.plan.sessions_per_week,
        long_date(input.to),
        if streak == 1 { "" } else { "s" }
    )
}

/// The trend of back and leg pain, first week to last, with the weekly means charted and the
/// meaningful change marked.
fn pain_summary(days: &[Day]) -> String {
    let weeks = weekly_mean_pain(days);
    let mut html = String::new();
    let back = PainTrend::of(&weeks, |w| w.back);
    let leg = PainTrend::of(&weeks, |w| w.leg);
    let describe = |trend: Option<PainTrend>| {
        trend.map_or(
            "fewer than two weeks with an answer, so no trend".to_owned(),
            |t| t.sentence(),
        )
    };
    let _ = writeln!(
        html,
        "<p><b>Pain</b> (weekly mean of the check-ins, 0–10, first week to last). Back: {}. Leg: {}.</p>",
        describe(back),
        describe(leg)
    );
    if weeks.is_empty() {
        return html;
    }
    let mut levels = Vec::new();
    if let Some(trend) = back {
        levels.push(Level {
            y: (trend.first - MEANINGFUL_PAIN_CHANGE).max(0.0),
            label: format!(
                "a meaningful fall in back pain ({MEANINGFUL_PAIN_CHANGE:.0} points below the first week)"
            ),
            colour: "#1f9d55",
        });
    }
    let x = |w: &crate::domain::progress::figures::WeeklyPain| day_number(w.monday) + 3.0;
    html.push_str(
        &Chart {
            title: "Weekly mean pain",
            y_unit: "pain 0–10",
            y_max: 10.0,
            series: vec![
                Series {
                    label: "back pain".into(),
                    colour: "#2b7bd6",
                    points: weeks.iter().map(|w| (x(w), w.back)).collect(),
                    dashed: false,
                },
                Series {
                    label: "leg pain".into(),
                    colour: "#8e44ad",
                    points: weeks.iter().map(|w| (x(w), w.leg)).collect(),
                    dashed: false,
                },
            ],
            dots_label: None,
            dots: Vec::new(),
            levels,
            markers: Vec::new(),
        }
        .svg(),
    );
    html
}

/// Each exercise's step and dose at the start and at the end of the period.
fn exercise_table(sessions: &[SessionRecord]) -> String {
    let rows = first_and_last(sessions);
    if rows.is_empty() {
        return "<p>No sessions in this period.</p>\n".to_owned();
    }
    let mut html = String::from(
        "<h3>Each exercise at the start and the end of the period (as prescribed)</h3><table><tr><th>Exercise</th><th>Start</th><th>End</th></tr>\n",
    );
    for (_, name, (first_date, first), (last_date, last)) in rows {
        let end = if last == first {
            "unchanged".to_owned()
        } else {
            format!(
                "{} <small class=\"date\">({})</small>",
                escape(&last.full_text()),
                last_date.format("%-d %b")
            )
        };
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{} <small class=\"date\">({})</small></td><td>{end}</td></tr>",
            escape(&name),
            escape(&first.full_text()),
            first_date.format("%-d %b")
        );
    }
    html.push_str("</table>\n");
    html
}

/// Every red flag, warning, referral, clearance and statement of a clinician seen, dated
/// (the same list as the events CSV).
fn events_section(input: &ReportInput<'_>) -> String {
    let mut html = String::from("<h3>Red flags, warnings, referrals and clearances</h3>\n");
    if input.events.is_empty() {
        html.push_str("<p>None in this period.</p>\n");
        return html;
    }
    html.push_str("<ul>\n");
    for event in input.events {
        let state = match (event.kind, event.closed_on) {
            (EventKind::Referral(_), Some(closed)) => format!(
                " <em>Closed on {}: they said they had seen a clinician.</em>",
                long_date(closed)
            ),
            (EventKind::Referral(_), None) => {
                format!(" <em>Still open on {}.</em>", long_date(input.to))
            }
            _ => String::new(),
        };
        let _ = writeln!(
            html,
            "<li>{}: {}: {}{state}</li>",
            long_date(event.date),
            event.kind.label(),
            escape(&event.text)
        );
    }
    html.push_str("</ul>\n");
    html
}

/// The period's figures by week (up to 16 weeks), by month (up to two years) or by year.
fn period_table(tally: &PeriodTally) -> String {
    let weeks = &tally.weeks;
    let (unit, groups): (&str, Vec<(String, Vec<&WeekTally>)>) = if weeks.len() <= 16 {
        (
            "Week of",
            weeks
                .iter()
                .map(|w| (w.monday.format("%-d %b %Y").to_string(), vec![w]))
                .collect(),
        )
    } else {
        let by_year = weeks.len() > 104;
        let mut groups: Vec<(String, Vec<&WeekTally>)> = Vec::new();
        for week in weeks {
            let key = if by_year {
                week.monday.format("%Y").to_string()
            } else {
                week.monday.format("%b %Y").to_string()
            };
            match groups.last_mut() {
                Some((last, members)) if *last == key => members.push(week),
                _ => groups.push((key, vec![week])),
            }
        }
        (
            if by_year {
                "Year (weeks starting)"
            } else {
                "Month (weeks starting)"
            },
            groups,
        )
    };
    let mut html = format!(
        "<h3>Sessions</h3><table><tr><th>{unit}</th><th class=\"n\">Planned</th><th class=\"n\">Completed</th><th class=\"n\">Partial</th><th class=\"n\">Missed</th><th class=\"n\">Extra</th><th class=\"n\">Adherence</th></tr>\n"
    );
    for (label, members) in groups {
        let sum = |f: fn(&WeekTally) -> u32| members.iter().map(|w| f(w)).sum::<u32>();
        let group = PeriodTally {
            counted: None,
            planned: sum(|w| w.planned),
            completed: sum(|w| w.completed),
            partial: sum(|w| w.partial),
            missed: sum(|w| w.missed),
            extra: sum(|w| w.extra),
            counted_completed: sum(|w| w.counted_completed),
            counted_partial: sum(|w| w.counted_partial),
            weeks: Vec::new(),
        };
        let _ = writeln!(
            html,
            "<tr><td>{label}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            group.planned,
            group.completed,
            group.partial,
            group.missed,
            group.extra,
            group
                .adherence_percent()
                .map_or("—".to_owned(), |p| format!("{p:.0} %"))
        );
    }
    let _ = writeln!(
        html,
        "<tr><td><b>Period</b></td><td class=\"n\"><b>{}</b></td><td class=\"n\"><b>{}</b></td><td class=\"n\"><b>{}</b></td><td class=\"n\"><b>{}</b></td><td class=\"n\"><b>{}</b></td><td class=\"n\"><b>{}</b></td></tr>\n</table>",
        tally.planned,
        tally.completed,
        tally.partial,
        tally.missed,
        tally.extra,
        tally
            .adherence_percent()
            .map_or("—".to_owned(), |p| format!("{p:.0} %"))
    );
    html
}

fn light_colour(light: Light) -> &'static str {
    match light {
        Light::Green => "#1f9d55",
        Light::Amber => "#e08e0b",
        Light::Red => "#c0392b",
    }
}

/// Pain at every check-in (absent answers are gaps), each session's worst pain coloured by
/// its light, and the count of lights.
fn pain_detail(input: &ReportInput<'_>, days: &[Day]) -> String {
    let pain = pain_series(days);
    let session_lights = lights(days, &input.plan.rules);
    let mut html = String::from("<h3>Pain at each check-in</h3>\n");
    if pain.is_empty() && session_lights.is_empty() {
        html.push_str("<p>No check-ins in this period.</p>\n");
        return html;
    }
    let unanswered = pain.iter().filter(|p| p.back.is_none()).count();
    if unanswered > 0 {
        let _ = writeln!(
            html,
            "<p>{unanswered} check-in{} ended on a red flag before the pain questions: not answered, shown as gaps.</p>",
            if unanswered == 1 { "" } else { "s" }
        );
    }
    html.push_str(
        &Chart {
            title: "Pain at check-in, and each session's worst pain by its light",
            y_unit: "pain 0–10",
            y_max: 10.0,
            series: vec![
                Series {
                    label: "back pain".into(),
                    colour: "#2b7bd6",
                    points: pain.iter().map(|p| (day_number(p.date), p.back)).collect(),
                    dashed: false,
                },
                Series {
                    label: "leg pain".into(),
                    colour: "#8e44ad",
                    points: pain.iter().map(|p| (day_number(p.date), p.leg)).collect(),
                    dashed: false,
                },
            ],
            dots_label: Some("a session's worst pain (green, amber or red)"),
            dots: session_lights
                .iter()
                .map(|(date, light, worst)| Dot {
                    x: day_number(*date),
                    y: f64::from(*worst),
                    colour: light_colour(*light),
                    title: format!("{}: {}, worst pain {worst}", long_date(*date), light.name()),
                })
                .collect(),
            levels: Vec::new(),
            markers: Vec::new(),
        }
        .svg(),
    );
    let count = |wanted: Light| {
        session_lights
            .iter()
            .filter(|(_, l, _)| *l == wanted)
            .count()
    };
    let _ = writeln!(
        html,
        "<p>Session lights: green {} · amber {} · red {}.</p>",
        count(Light::Green),
        count(Light::Amber),
        count(Light::Red)
    );
    html
}

/// The best set of each session for every exercise whose dose changed, with step changes
/// marked.
fn dose_charts(sessions: &[SessionRecord]) -> String {
    let mut html = String::new();
    let mut seen: Vec<&str> = Vec::new();
    for session in sessions {
        for exercise in &session.exercises {
            if seen.contains(&exercise.exercise_id.as_str()) {
                continue;
            }
            seen.push(&exercise.exercise_id);
            let series: Vec<_> = dose_series(sessions, &exercise.exercise_id)
                .into_iter()
                .filter(|p| p.side != Some(crate::domain::plan::timeline::Side::Right))
                .collect();
            let changed = series
                .windows(2)
                .any(|w| w[0].amount != w[1].amount || w[0].step != w[1].step);
            if !changed {
                continue;
            }
            if html.is_empty() {
                html.push_str("<h3>Dose over time (best set of each session)</h3>\n");
            }
            let unit = dose_axis_title(&series);
            let y_max = series.iter().map(|p| p.amount).fold(0.0, f64::max) * 1.15;
            let title = exercise.name.clone();
            html.push_str(
                &Chart {
                    title: &title,
                    y_unit: unit,
                    y_max: y_max.max(1.0),
                    series: vec![Series {
                        label: format!("{} ({unit})", exercise.name),
                        colour: "#d35400",
                        points: series
                            .iter()
                            .map(|p| (day_number(p.date), Some(p.amount)))
                            .collect(),
                        dashed: false,
                    }],
                    dots_label: None,
                    dots: Vec::new(),
                    levels: Vec::new(),
                    // The step the line starts at, then each change of step: a move to a
                    // harder step at a shorter hold reads as a step, not a fall.
                    markers: step_labels(&series)
                        .into_iter()
                        .map(|(p, label)| Marker {
                            x: day_number(p.date),
                            label,
                        })
                        .collect(),
                }
                .svg(),
            );
        }
    }
    html
}
