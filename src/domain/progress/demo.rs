//! Generated, realistic-looking history for demos, tests and benchmarks: sessions of a plan as
//! the rules prescribe them day by day, check-ins with slowly falling pain, and session reports.
//! Deterministic (a fixed-seed generator), so figures and screenshots repeat.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Offset as _, TimeZone as _};

use crate::domain::care::checkin::{CheckIn, ClinicianSeen, Day, MorningAfter, SessionReport};
use crate::domain::care::rules::{
    Light, for_each_decision_before_sessions, referrals_raised, session_light, todays_circuit,
};
use crate::domain::plan::catalog::{Catalog, Dose};
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::plan::timeline::Timeline;
use crate::domain::session::record::{SessionOutcome, SessionRecord, SessionTimes};

/// A tiny deterministic generator (64-bit LCG), enough for varied demo numbers.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `days` days of history from `start`: a check-in on every `every_days`-th day and, unless
/// the rules say rest (48 hours after a red session), a session at 07:30 (UTC+1) with a report
/// after it.
///
/// Each session is what the rules prescribed that day, given the generated history before it
/// and that day's check-in: the check-ins and reports are generated first (a session's light
/// and the check-ins never depend on the doses), then one pass of the rules decides every
/// session date and each session is built from its day's circuit. A session ended early stops
/// after the warm-up block, so its report ("the warm-up completed, nothing else") is the same
/// whatever the doses were.
pub fn generate_history(
    plan: &CheckedPlan,
    catalog: &Catalog,
    start: NaiveDate,
    days: u32,
    every_days: u32,
) -> (Vec<SessionRecord>, Vec<Day>) {
    let mut rng = Lcg(0x5eed_2026);
    let offset = FixedOffset::east_opt(3600).unwrap_or(chrono::Utc.fix());
    let rules = &plan.plan.rules;
    let rest = Duration::hours(i64::from(rules.rest_hours_after_red));
    let warm_up: Vec<&str> = plan
        .circuit
        .blocks
        .first()
        .filter(|_| plan.circuit.blocks.len() > 1)
        .map(|b| b.items.iter().map(|i| i.exercise_id.as_str()).collect())
        .unwrap_or_default();
    let mut history = Vec::new();
    let mut ended_early = Vec::new();
    let mut last_red: Option<DateTime<FixedOffset>> = None;
    for n in (0..days).step_by(every_days.max(1) as usize) {
        let date = start + Duration::days(i64::from(n));
        let started: DateTime<FixedOffset> = offset
            .from_local_datetime(&date.and_hms_opt(7, 30, 0).unwrap_or_default())
            .single()
            .unwrap_or_else(|| {
                offset.from_utc_datetime(&date.and_hms_opt(6, 30, 0).unwrap_or_default())
            });
        let partial = rng.below(10) == 0;
        // Pain drifts down from about 6 to about 2 over the first months, with noise.
        let trend = 6.0 - 4.0 * (f64::from(n) / 120.0).min(1.0);
        let back = (trend + rng.below(3) as f64 - 1.0).clamp(0.0, 10.0) as u8;
        let leg = u8::try_from(rng.below(3)).unwrap_or(0);
        let morning = match rng.below(12) {
            0 => MorningAfter::WorseButSettled,
            1 => MorningAfter::Better,
            _ => MorningAfter::Same,
        };
        let worst_pain = (back + u8::try_from(rng.below(3)).unwrap_or(0)).min(10);
        let check_in = CheckIn {
            red_flags: Vec::new(),
            risk_factors_asked: n == 0,
            back_pain: Some(back),
            leg_pain: Some(leg),
            leg_extent: None,
            leg_trend: None,
            new_numbness: false,
            new_weakness: false,
            morning_after: (n > 0).then_some(morning),
            pain_kind: None,
            confirms_presentation: false,
            function: None,
        };
        // A rest day after a red session: the check-in, and no session.
        let resting = last_red.is_some_and(|red| started - red < rest);
        let report = (!resting).then(|| SessionReport {
            started_at: Some(started),
            worst_pain,
            sharp_or_shooting: false,
            completed: if partial {
                plan.circuit
                    .slots()
                    .map(|(_, item)| item.exercise_id.as_str())
                    .filter(|id| !warm_up.contains(id))
                    .map(|id| (id.to_owned(), false))
                    .collect()
            } else {
                Default::default()
            },
        });
        if let Some(report) = &report {
            if session_light(report, Some(back), None, rules) == Light::Red {
                last_red = Some(started);
            }
            ended_early.push(partial);
        }
        history.push(Day {
            date,
            check_in: Some(check_in),
            session: None,
            sessions: report.into_iter().collect(),
            clearance: None,
            clinician_seen: None,
            activities: Default::default(),
        });
    }
    see_a_clinician_when_referred(plan, catalog, &mut history);
    rate_activities(&mut history, rules.activity_rating_every_days);
    let sessions = sessions_as_decided(plan, catalog, &history, ended_early);
    (sessions, history)
}

/// The generated person names three activities at the first check-in and rates them again
/// every `every_days` days (at the first check-in on or after the day it is due); how well they
/// can do each rises with the sessions done so far, with a little noise. After four months they
/// stop rating one and name another. Its own generator, so the rest of the history is as
/// before.
fn rate_activities(history: &mut [Day], every_days: u32) {
    use crate::domain::care::activities::{ActivityEntry, ActivityRating};
    let mut rng = Lcg(0xac71_2026);
    let Some(first) = history.first().map(|d| d.date) else {
        return;
    };
    // (name, how well at first, sessions done when it was named)
    let mut named: Vec<(&str, i64, i64)> = vec![
        ("run 5 km", 2, 0),
        ("sit through a film", 4, 0),
        ("lift my child", 3, 0),
    ];
    let mut sessions_done = 0_i64;
    let mut next_due = first;
    let mut swapped = false;
    for day in history.iter_mut() {
        sessions_done += i64::try_from(day.reports().count()).unwrap_or(0);
        if day.date < next_due || day.check_in.is_none() {
            continue;
        }
        let mut entry = ActivityEntry::default();
        if day.date == first {
            entry.named = named.iter().map(|(n, _, _)| (*n).to_owned()).collect();
        } else if !swapped && (day.date - first).num_days() >= 120 {
            swapped = true;
            entry.retired = vec![named[1].0.to_owned()];
            named[1] = ("dig the garden", 2, sessions_done);
            entry.named = vec![named[1].0.to_owned()];
        }
        entry.ratings = named
            .iter()
            .map(|(name, base, since)| {
                // About two sessions a week for four months bring it most of the way back.
                let gained = ((sessions_done - since) * 6 / 36).min(6);
                let noise = i64::try_from(rng.below(3)).unwrap_or(1) - 1;
                ActivityRating {
                    activity: (*name).to_owned(),
                    rating: u8::try_from((base + gained + noise).clamp(0, 10)).unwrap_or(0),
                }
            })
            .collect();
        day.activities = entry;
        next_due = day.date + Duration::days(i64::from(every_days.max(1)));
    }
}

/// Each session of `history` as the rules prescribed it that day (before its own session),
/// ended early after the warm-up where `ended_early` says so (one entry per session, in order).
fn sessions_as_decided(
    plan: &CheckedPlan,
    catalog: &Catalog,
    history: &[Day],
    ended_early: Vec<bool>,
) -> Vec<SessionRecord> {
    let session_days: Vec<&Day> = history.iter().filter(|d| !d.sessions.is_empty()).collect();
    let dates: Vec<NaiveDate> = session_days.iter().map(|d| d.date).collect();
    let mut sessions = Vec::with_capacity(dates.len());
    let mut partials = ended_early.into_iter();
    let mut days_iter = session_days.iter();
    for_each_decision_before_sessions(
        &plan.plan,
        &plan.circuit,
        catalog,
        history,
        &dates,
        |decision| {
            let (Some(day), Some(partial)) = (days_iter.next(), partials.next()) else {
                return;
            };
            let Some(started) = day.sessions.first().and_then(|r| r.started_at) else {
                return;
            };
            let today = todays_circuit(&plan.circuit, &decision, catalog);
            let timeline = Timeline::build(&today);
            let completed: Vec<Option<Dose>> = timeline
                .phases
                .iter()
                .map(|p| (p.is_work() && (!partial || p.slot.block == 0)).then_some(p.dose))
                .collect();
            let active_secs = timeline.planned_total_secs();
            sessions.push(SessionRecord::build(
                &today,
                &timeline,
                &completed,
                SessionTimes {
                    started_at: started,
                    ended_at: started + Duration::seconds(active_secs as i64 + 60),
                    active_secs,
                },
                if partial {
                    SessionOutcome::EndedEarly
                } else {
                    SessionOutcome::Completed
                },
            ));
        },
    );
    sessions
}

/// The generated person books a clinician when the app asks them to, and says so a week
/// later: each referral is closed as a person following the app would close it (a referral
/// raised within the last week stays open).
fn see_a_clinician_when_referred(plan: &CheckedPlan, catalog: &Catalog, history: &mut Vec<Day>) {
    let (Some(first), Some(last)) = (history.first(), history.last()) else {
        return;
    };
    let (first, last) = (first.date, last.date);
    // Each statement closes every referral open on its date; at most one round per referral.
    for _ in 0..history.len() {
        let raised = referrals_raised(&plan.plan, &plan.circuit, catalog, history, first, last);
        let Some(seen_on) = raised
            .iter()
            .filter(|r| r.closed_on.is_none())
            .map(|r| r.raised_on + Duration::days(7))
            .find(|date| *date <= last)
        else {
            return;
        };
        let seen = ClinicianSeen {
            note: "saw the physiotherapist".to_owned(),
        };
        match history.iter_mut().find(|d| d.date == seen_on) {
            Some(day) => day.clinician_seen = Some(seen),
            None => {
                let at = history.partition_point(|d| d.date < seen_on);
                history.insert(
                    at,
                    Day {
                        clinician_seen: Some(seen),
                        ..Day::on(seen_on)
                    },
                );
            }
        }
    }
}
