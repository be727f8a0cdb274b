//! The clinical rules (clinical spec §3–§5), by topic: red flags (`safety`), leg warnings,
//! session lights, progression, reductions, referrals, presentations, limits, caution, and the
//! history as the rules read it (`replay`). Scenarios on small test plans, and properties over
//! random histories; the builders they share are defined here, once.

mod caution;
mod leg_warnings;
mod lights;
mod limits;
mod presentation;
mod progression;
mod reductions;
mod referrals;
mod replay;
mod safety;

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use proptest::prelude::*;
use strongback::domain::care::checkin::{
    CheckIn, Clearance, ClinicianSeen, Day, LegExtent, LegTrend, MorningAfter, RedFlag,
    SessionReport,
};
use strongback::domain::care::rules::{DayDecision, Prescribed, decide};
use strongback::domain::plan::checks::CheckedPlan;
use strongback::store::plan_file::check_plan_text;

use crate::common::{catalog, check_in, report, ymd};

// ---------------------------------------------------------------- days

/// Day `n` of a test history; day 1 is 1 December 2026.
fn date(n: u32) -> NaiveDate {
    ymd(2026, 12, 1) + chrono::Duration::days(i64::from(n) - 1)
}

/// Day `n`, with this check-in and this session's report.
fn day(n: u32, check: Option<CheckIn>, session: Option<SessionReport>) -> Day {
    Day {
        check_in: check,
        sessions: session.into_iter().collect(),
        ..Day::on(date(n))
    }
}

/// A session day with a calm check-in; `worst_pain` is the session's worst pain.
fn session_day(n: u32, worst_pain: u8) -> Day {
    day(n, Some(check_in(2)), Some(report(worst_pain)))
}

/// A session every other day up to day `days`, each with a calm check-in; `worst(n)` is its
/// worst pain.
fn sessions_every_other_day(days: u32, worst: impl Fn(u32) -> u8) -> Vec<Day> {
    (1..=days)
        .step_by(2)
        .map(|n| session_day(n, worst(n)))
        .collect()
}

/// A check-in with this back pain on each of these days, and no session.
fn daily_check_ins(days: RangeInclusive<u32>, back_pain: u8) -> Vec<Day> {
    days.map(|n| day(n, Some(check_in(back_pain)), None))
        .collect()
}

/// A check-in with leg pain: how much, how far down, and whether it moved further or closer.
fn leg_check_in(
    back_pain: u8,
    leg_pain: u8,
    extent: LegExtent,
    trend: Option<LegTrend>,
) -> CheckIn {
    CheckIn {
        leg_pain: Some(leg_pain),
        leg_extent: Some(extent),
        leg_trend: trend,
        ..check_in(back_pain)
    }
}

/// A check-in ended by these red flags, before the pain questions; `intake` when the
/// background risk factors were asked too.
fn flagged(n: u32, flags: &[RedFlag], intake: bool) -> Day {
    let check = CheckIn {
        red_flags: flags.to_vec(),
        risk_factors_asked: intake,
        ..CheckIn::default()
    };
    day(n, Some(check), None)
}

/// A clearance on day `n` of the answers it names.
fn cleared(n: u32, covers: &[RedFlag]) -> Day {
    Day {
        clearance: Some(Clearance {
            note: "Dr Okafor".into(),
            covers: covers.to_vec(),
        }),
        ..Day::on(date(n))
    }
}

/// On day `n` the person says they have seen a clinician.
fn seen_clinician(n: u32) -> Day {
    Day {
        clinician_seen: Some(ClinicianSeen {
            note: String::new(),
        }),
        ..Day::on(date(n))
    }
}

// ---------------------------------------------------------------- plans

/// A plan from its blocks, with `extra` inside it (limits, presentation, screening), checked
/// like a plan file.
fn plan_from_blocks(extra: &str, blocks: &str) -> CheckedPlan {
    let text = format!(
        r#"(
    schema_version: 2,
    name: "Rules test",
    {extra}
    blocks: [{blocks}],
)"#
    );
    check_plan_text("rules-test.ron", &text, &catalog()).expect("test plan is valid")
}

/// A small plan, one exercise of each kind: cat-camel (mobility), plank (hold), bridge (reps,
/// 2 sets), bird dog (paced), knee to chest (flexion), superman (extension), with the
/// clinician's contact. `presentation` (`NotSet`, `Spasm`, `Nerve`, `Ache`) and `limits` are set
/// after the checks, so the rules are shown to enforce them on their own (validate refuses a
/// circuit that breaks its own limits, and forward-bending exercises in a Nerve plan).
fn small_plan(presentation: &str, limits: &str) -> CheckedPlan {
    let mut checked = plan_from_blocks(
        r#"clinician: Some((name: "Alex Morgan", contact: "01632 960 123")),
    presentation: NotSet,"#,
        r#"(name: "Circuit", rounds: 2, items: [
        (exercise: "cat_camel", step: 1),
        (exercise: "plank", step: 2),
        (exercise: "bridge", step: 2, sets: 2),
        (exercise: "bird_dog", step: 2),
        (exercise: "knee_to_chest", step: 2),
        (exercise: "superman", step: 1),
    ])"#,
    );
    checked.plan.limits = ron::from_str(&format!("({limits})")).expect("limits parse");
    checked.plan.presentation = ron::from_str(presentation).expect("presentation parses");
    checked
}

/// A plan with McGill-style exercises in pyramids, holds, reps and mobility: a warm-up (walk,
/// cat-camel), a circuit of two rounds (plank, bird dog, curl-up, bridge, side plank) and
/// stretches; `extra` is added inside the plan (limits, presentation, screening).
fn mcgill_plan(extra: &str) -> CheckedPlan {
    plan_from_blocks(
        extra,
        r#"
        (name: "Warm-up", rounds: 1, items: [
            (exercise: "walk", step: 1),
            (exercise: "cat_camel", step: 1),
        ]),
        (name: "Circuit", rounds: 2, items: [
            (exercise: "plank", step: 2, sets: 2),
            (exercise: "bird_dog", step: 2, sets: 3),
            (exercise: "curl_up", step: 1, sets: 3),
            (exercise: "bridge", step: 2, sets: 3),
            (exercise: "side_plank", step: 1),
        ]),
        (name: "Stretches", rounds: 1, items: [
            (exercise: "hip_flexor_stretch", step: 1),
            (exercise: "hamstring_stretch", step: 1),
        ]),
    "#,
    )
}

/// The `mcgill_plan` circuit with dead bug and ball curl added: reps above step 1, holds at
/// step 1.
fn plan_with_floor_work(extra: &str) -> CheckedPlan {
    plan_from_blocks(
        extra,
        r#"
        (name: "Warm-up", rounds: 1, items: [
            (exercise: "walk", step: 1),
            (exercise: "cat_camel", step: 1),
        ]),
        (name: "Circuit", rounds: 2, items: [
            (exercise: "plank", step: 2, sets: 2),
            (exercise: "bird_dog", step: 2, sets: 3),
            (exercise: "dead_bug", step: 2, sets: 2),
            (exercise: "ball_curl", step: 2, sets: 2),
            (exercise: "bridge", step: 2, sets: 3),
        ]),
        (name: "Stretches", rounds: 1, items: [
            (exercise: "hamstring_stretch", step: 1),
        ]),"#,
    )
}

/// The McGill plan, or the same with dead bug and ball curl (reps above step 1, holds at
/// step 1), with `extra` inside it.
fn either_plan(with_floor_work: bool, extra: &str) -> CheckedPlan {
    if with_floor_work {
        plan_with_floor_work(extra)
    } else {
        mcgill_plan(extra)
    }
}

// ---------------------------------------------------------------- decisions

fn decide_on(plan: &CheckedPlan, days: &[Day], n: u32) -> DayDecision {
    decide(&plan.plan, &plan.circuit, &catalog(), days, date(n))
}

/// The exercise as prescribed that day, if it is.
fn exercise<'a>(d: &'a DayDecision, id: &str) -> Option<&'a Prescribed> {
    d.exercises.iter().find(|e| e.exercise_id == id)
}

/// The exercise as prescribed that day; it must be.
fn rx<'a>(d: &'a DayDecision, id: &str) -> &'a Prescribed {
    exercise(d, id).unwrap_or_else(|| panic!("{id} prescribed on {}: {:?}", d.date, d.reasons))
}

/// How long each hold lasts, for a held or paced exercise.
fn held_secs(p: &Prescribed) -> Option<u32> {
    p.dose.hold_secs()
}

// ---------------------------------------------------------------- random histories

/// A random day of a 12-week history: now and then any red flag, any morning-after answer and
/// leg trend, a session (sometimes sharp), and now and then a clearance of everything before.
fn arb_flag_day(n: u32) -> impl Strategy<Value = Day> {
    let flag = prop_oneof![
        20 => Just(None),
        1 => prop::sample::select(RedFlag::ALL.to_vec()).prop_map(Some),
    ];
    let morning = prop::option::of(prop::sample::select(vec![
        MorningAfter::Better,
        MorningAfter::Same,
        MorningAfter::WorseButSettled,
        MorningAfter::WorseNotSettled,
    ]));
    let trend = prop::option::of(prop::sample::select(vec![
        LegTrend::Closer,
        LegTrend::Same,
        LegTrend::Further,
    ]));
    (
        any::<bool>(),
        0u8..=10,
        flag,
        morning,
        trend,
        prop::option::of((0u8..=10, any::<bool>())),
        prop_oneof![15 => Just(false), 1 => Just(true)],
    )
        .prop_map(
            move |(has_check_in, back_pain, flag, morning_after, leg_trend, session, cleared)| {
                let check_in = has_check_in.then(|| CheckIn {
                    red_flags: flag.into_iter().collect(),
                    leg_trend,
                    morning_after,
                    ..check_in(back_pain)
                });
                Day {
                    check_in,
                    sessions: session
                        .map(|(worst_pain, sharp)| SessionReport {
                            sharp_or_shooting: sharp,
                            ..report(worst_pain)
                        })
                        .into_iter()
                        .collect(),
                    clearance: cleared.then(|| Clearance {
                        covers: Vec::new(),
                        note: String::new(),
                    }),
                    ..Day::on(date(n))
                }
            },
        )
}

/// 12 weeks of `arb_flag_day`.
fn arb_flag_history() -> impl Strategy<Value = Vec<Day>> {
    (1u32..=84).map(arb_flag_day).collect::<Vec<_>>()
}

/// A random day with leg symptoms: a check-in (sometimes with leg pain, its extent and trend,
/// new numbness, or ended by one of three red flags), a session now and then, and now and then
/// a clearance of every answer given before it.
fn arb_leg_day(n: u32) -> impl Strategy<Value = Day> {
    let leg = prop_oneof![
        2 => Just(None),
        1 => (
            1u8..=6,
            prop::sample::select(vec![
                LegExtent::Buttock,
                LegExtent::Thigh,
                LegExtent::BelowKnee,
                LegExtent::Foot,
            ]),
            prop::option::of(prop::sample::select(vec![
                LegTrend::Closer,
                LegTrend::Same,
                LegTrend::Further,
            ])),
        )
            .prop_map(Some),
    ];
    let flag = prop_oneof![
        24 => Just(None),
        1 => prop::sample::select(vec![
            RedFlag::MidBackPain,
            RedFlag::SevereLegWeakness,
            RedFlag::CancerHistory,
        ])
        .prop_map(Some),
    ];
    (
        0u8..=7,
        prop::option::of(0u8..=8),
        prop_oneof![4 => Just(None), 1 => Just(Some(MorningAfter::WorseButSettled)), 1 => Just(Some(MorningAfter::WorseNotSettled))],
        prop_oneof![6 => Just(false), 1 => Just(true)],
        leg,
        flag,
        prop_oneof![8 => Just(false), 1 => Just(true)],
    )
        .prop_map(move |(back, worst, morning, numb, leg, flag, clear)| {
            let mut c = check_in(back);
            c.morning_after = morning;
            c.new_numbness = numb;
            if let Some((pain, extent, trend)) = leg {
                c.leg_pain = Some(pain);
                c.leg_extent = Some(extent);
                c.leg_trend = trend;
            }
            let mut d = match flag {
                Some(flag) => flagged(n, &[flag], flag == RedFlag::CancerHistory),
                None => day(n, Some(c), worst.map(report)),
            };
            if clear {
                d.clearance = Some(Clearance {
                    note: String::new(),
                    covers: Vec::new(),
                });
            }
            d
        })
}

/// 60 days of `arb_leg_day`.
fn arb_leg_history() -> impl Strategy<Value = Vec<Day>> {
    (1u32..=60).map(arb_leg_day).collect::<Vec<_>>()
}

/// A presentation as `small_plan` takes it.
fn presentation_values() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["NotSet", "Spasm", "Nerve", "Ache"])
}

/// A presentation as the `extra` of `mcgill_plan` takes it (none, or one of the three).
fn presentations() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "presentation: Spasm,",
        "presentation: Nerve,",
        "presentation: Ache,",
    ])
}
