//! Generated, realistic-looking history for demos, tests and benchmarks: daily sessions of a
//! circuit with doses that progress, check-ins with slowly falling pain, and session reports.
//! Deterministic (a fixed-seed generator), so figures and screenshots repeat.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Offset as _, TimeZone as _};

use crate::domain::care::checkin::{CheckIn, Day, MorningAfter, SessionReport};
use crate::domain::plan::catalog::{Catalog, Dose};
use crate::domain::plan::circuit::Circuit;
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

/// `days` days of history from `start`: a session on every `every_days`-th day at 07:30
/// (UTC+1), a check-in each of those days and a report after.
pub fn generate_history(
    circuit: &Circuit,
    catalog: &Catalog,
    start: NaiveDate,
    days: u32,
    every_days: u32,
) -> (Vec<SessionRecord>, Vec<Day>) {
    let mut rng = Lcg(0x5eed_2026);
    let offset = FixedOffset::east_opt(3600).unwrap_or(chrono::Utc.fix());
    let mut sessions = Vec::new();
    let mut history = Vec::new();
    for n in (0..days).step_by(every_days.max(1) as usize) {
        let date = start + Duration::days(i64::from(n));
        let mut today = circuit.clone();
        let fortnight = n / 14;
        for item in today.blocks.iter_mut().flat_map(|b| b.items.iter_mut()) {
            let Some(exercise) = catalog.get(&item.exercise_id) else {
                continue;
            };
            if exercise.ladder.len() <= 1 {
                continue;
            }
            let climbs = fortnight / 4;
            let step = (u32::from(item.step) + climbs).min(u32::from(exercise.top_step()));
            item.step = u8::try_from(step).unwrap_or(item.step);
            if let Some(ladder_step) = exercise.step(item.step) {
                item.step_name = ladder_step.name.clone();
            }
            let base = exercise.step(item.step).map_or(item.dose, |s| s.dose);
            let extra = fortnight % 4;
            item.dose = match base {
                Dose::Hold { hold_secs } => Dose::Hold {
                    hold_secs: hold_secs + 5 * extra,
                },
                Dose::Reps { reps } => Dose::Reps {
                    reps: reps + 2 * extra,
                },
                Dose::Paced {
                    reps,
                    secs_per_rep,
                    fewer_per_set,
                } => Dose::Paced {
                    reps: reps + extra,
                    secs_per_rep,
                    fewer_per_set,
                },
            };
        }
        let timeline = Timeline::build(&today);
        let partial = rng.below(10) == 0;
        let completed: Vec<Option<Dose>> = timeline
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (p.is_work() && !(partial && i > timeline.phases.len() / 2)).then_some(p.dose)
            })
            .collect();
        let started: DateTime<FixedOffset> = offset
            .from_local_datetime(&date.and_hms_opt(7, 30, 0).unwrap_or_default())
            .single()
            .unwrap_or_else(|| {
                offset.from_utc_datetime(&date.and_hms_opt(6, 30, 0).unwrap_or_default())
            });
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
        // Pain drifts down from about 6 to about 2 over the first months, with noise.
        let trend = 6.0 - 4.0 * (f64::from(n) / 120.0).min(1.0);
        let back = (trend + rng.below(3) as f64 - 1.0).clamp(0.0, 10.0) as u8;
        let leg = u8::try_from(rng.below(3)).unwrap_or(0);
        let morning = match rng.below(12) {
            0 => MorningAfter::WorseButSettled,
            1 => MorningAfter::Better,
            _ => MorningAfter::Same,
        };
        history.push(Day {
            date,
            check_in: Some(CheckIn {
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
            }),
            session: None,
            sessions: vec![SessionReport {
                started_at: Some(started),
                worst_pain: (back + u8::try_from(rng.below(3)).unwrap_or(0)).min(10),
                sharp_or_shooting: false,
                completed: Default::default(),
            }],
            clearance: None,
            clinician_seen: None,
        });
    }
    (sessions, history)
}
