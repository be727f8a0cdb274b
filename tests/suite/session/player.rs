//! The timing engine (`SessionPlayer`) and its timeline: unit tests and property tests over
//! random circuits and frame timings.

use std::time::Duration;

use proptest::prelude::*;
use strongback::domain::plan::blocks::Timings;
use strongback::domain::plan::catalog::Dose;
use strongback::domain::plan::circuit::{Circuit, CircuitItem};
use strongback::domain::plan::timeline::{PhaseKind, Side, Timeline};
use strongback::domain::session::player::{PlayerEvent, PlayerState, SessionPlayer};

use crate::common::beside_source;

use super::{circuit_with, hold, item};

fn timings() -> Timings {
    Timings {
        get_ready_secs: 10,
        switch_sides_secs: 5,
        rest_between_sets_secs: 15,
        rest_between_exercises_secs: 30,
        rest_between_rounds_secs: 60,
        secs_per_rep_estimate: 4,
    }
}

fn circuit(blocks: Vec<(u32, Vec<CircuitItem>)>) -> Circuit {
    circuit_with(timings(), blocks)
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

#[test]
fn timeline_orders_sides_sets_rests_and_rounds() {
    let c = circuit(vec![(
        2,
        vec![item("a", hold(20), true, 1), item("b", hold(10), false, 2)],
    )]);
    let kinds: Vec<(PhaseKind, u32, Option<Side>)> = Timeline::build(&c)
        .phases
        .iter()
        .map(|p| (p.kind, p.planned_secs, p.side))
        .collect();
    use PhaseKind::*;
    let round = |first: PhaseKind, first_secs| {
        vec![
            (first, first_secs, Some(Side::Left)),
            (Work, 20, Some(Side::Left)),
            (SwitchSides, 5, Some(Side::Right)),
            (Work, 20, Some(Side::Right)),
            (Rest, 30, None),
            (Work, 10, None),
            (Rest, 15, None),
            (Work, 10, None),
        ]
    };
    let mut expected = round(GetReady, 10);
    expected.extend(round(RoundRest, 60));
    expected.push((Done, 0, None));
    assert_eq!(kinds, expected);
}

#[test]
fn block_rest_overrides_program_rest_between_exercises() {
    let mut c = circuit(vec![(
        1,
        vec![item("a", hold(5), false, 1), item("b", hold(5), false, 1)],
    )]);
    c.blocks[0].rest_between_exercises_secs = Some(8);
    let t = Timeline::build(&c);
    assert_eq!(t.phases[2].kind, PhaseKind::Rest);
    assert_eq!(t.phases[2].planned_secs, 8);
}

#[test]
fn zero_second_rests_are_left_out() {
    let mut c = circuit(vec![(
        1,
        vec![item("a", hold(5), false, 1), item("b", hold(5), false, 1)],
    )]);
    c.timings.rest_between_exercises_secs = 0;
    c.timings.get_ready_secs = 0;
    let kinds: Vec<_> = Timeline::build(&c).phases.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        vec![PhaseKind::Work, PhaseKind::Work, PhaseKind::Done]
    );
}

#[test]
fn nothing_moves_before_start() {
    let mut p = SessionPlayer::new(Timeline::build(&circuit(vec![(
        1,
        vec![item("a", hold(5), false, 1)],
    )])));
    assert!(p.advance(secs(100)).is_empty());
    assert_eq!(p.state(), PlayerState::NotStarted);
    assert_eq!(p.index(), 0);
}

#[test]
fn phases_follow_active_time_from_start() {
    let mut p = SessionPlayer::new(Timeline::build(&circuit(vec![(
        1,
        vec![item("a", hold(20), false, 1)],
    )])));
    p.start(secs(1000));
    p.advance(secs(1009));
    assert_eq!(p.current_phase().kind, PhaseKind::GetReady);
    p.advance(secs(1010));
    assert_eq!(p.current_phase().kind, PhaseKind::Work);
    let view = p.view(secs(1015));
    assert_eq!(view.remaining_display_secs(), Some(15));
    p.advance(secs(1030));
    assert_eq!(p.state(), PlayerState::Finished);
    assert!(!p.ended_early());
    assert_eq!(p.completed()[1], Some(hold(20)));
}

#[test]
fn countdown_shows_whole_seconds_rounded_up() {
    let mut p = SessionPlayer::new(Timeline::build(&circuit(vec![(
        1,
        vec![item("a", hold(20), false, 1)],
    )])));
    p.start(Duration::ZERO);
    assert_eq!(
        p.view(Duration::from_millis(100)).remaining_display_secs(),
        Some(10)
    );
    assert_eq!(
        p.view(Duration::from_millis(9_001))
            .remaining_display_secs(),
        Some(1)
    );
    assert_eq!(
        p.next_change_in(Duration::from_millis(9_250)),
        Some(Duration::from_millis(750))
    );
}

#[test]
fn pips_come_three_two_one_before_work_and_halfway_only_on_long_holds() {
    let c = circuit(vec![(
        1,
        vec![
            item("long", hold(20), false, 1),
            item("short", hold(19), false, 1),
        ],
    )]);
    let mut p = SessionPlayer::new(Timeline::build(&c));
    let mut events = p.start(Duration::ZERO);
    for t in 1..=200 {
        events.extend(p.advance(secs(t)));
    }
    let just: Vec<PlayerEvent> = events.iter().map(|e| e.event).collect();
    let countdowns = just
        .iter()
        .filter(|e| matches!(e, PlayerEvent::Countdown { .. }))
        .count();
    assert_eq!(countdowns, 6, "3 before each of the two work phases");
    let halfways = just.iter().filter(|e| **e == PlayerEvent::Halfway).count();
    assert_eq!(halfways, 1, "only the 20 s hold has a halfway cue");
    let first_pips: Vec<_> = just.iter().take(4).copied().collect();
    assert_eq!(
        first_pips,
        vec![
            PlayerEvent::PhaseStarted { index: 0 },
            PlayerEvent::Countdown { secs_left: 3 },
            PlayerEvent::Countdown { secs_left: 2 },
            PlayerEvent::Countdown { secs_left: 1 },
        ]
    );
}

#[test]
fn rep_items_wait_for_done_then_rest_starts() {
    let c = circuit(vec![(
        1,
        vec![
            item("reps", Dose::Reps { reps: 12 }, false, 1),
            item("b", hold(5), false, 1),
        ],
    )]);
    let mut p = SessionPlayer::new(Timeline::build(&c));
    p.start(Duration::ZERO);
    p.advance(secs(10));
    assert!(p.current_phase().waits_for_done);
    p.advance(secs(10_000));
    assert!(p.current_phase().waits_for_done, "never times out");
    let events = p.done(secs(10_000));
    assert_eq!(events[0].event, PlayerEvent::PhaseStarted { index: 2 });
    assert_eq!(p.current_phase().kind, PhaseKind::Rest);
    assert_eq!(p.completed()[1], Some(Dose::Reps { reps: 12 }));
    // the rest is timed from the moment Done was pressed
    p.advance(secs(10_029));
    assert_eq!(p.current_phase().kind, PhaseKind::Rest);
    p.advance(secs(10_030));
    assert_eq!(p.current_phase().kind, PhaseKind::Work);
}

#[test]
fn done_is_ignored_on_timed_phases() {
    let mut p = SessionPlayer::new(Timeline::build(&circuit(vec![(
        1,
        vec![item("a", hold(20), false, 1)],
    )])));
    p.start(Duration::ZERO);
    assert!(p.done(secs(1)).is_empty());
    assert_eq!(p.index(), 0);
}

#[test]
fn skipping_a_hold_records_the_seconds_held() {
    let mut p = SessionPlayer::new(Timeline::build(&circuit(vec![(
        1,
        vec![item("a", hold(30), false, 1)],
    )])));
    p.start(Duration::ZERO);
    p.advance(secs(10));
    p.skip(secs(22));
    assert_eq!(p.completed()[1], Some(hold(12)));
    assert_eq!(p.state(), PlayerState::Finished);
}

#[test]
fn redoing_a_set_never_erases_a_better_attempt() {
    let c = circuit(vec![(
        1,
        vec![item("a", hold(10), false, 1), item("b", hold(10), false, 1)],
    )]);
    let mut p = SessionPlayer::new(Timeline::build(&c));
    p.start(Duration::ZERO);
    p.advance(secs(20)); // a done in full, now resting
    assert_eq!(p.completed()[1], Some(hold(10)));
    p.back(secs(21)); // back into a
    assert_eq!(p.index(), 1);
    p.skip(secs(23)); // 2 s on the redo
    assert_eq!(p.completed()[1], Some(hold(10)));
}

#[test]
fn end_records_partial_work_and_finishes_early() {
    let mut p = SessionPlayer::new(Timeline::build(&circuit(vec![(
        1,
        vec![item("a", hold(30), false, 1)],
    )])));
    p.start(Duration::ZERO);
    p.advance(secs(25));
    p.end(secs(25));
    assert_eq!(p.state(), PlayerState::Finished);
    assert!(p.ended_early());
    assert_eq!(p.completed()[1], Some(hold(15)));
    assert_eq!(p.active_time(secs(500)), secs(25), "time stops at the end");
}

#[test]
fn recovered_player_starts_paused_at_the_saved_phase() {
    let c = circuit(vec![(
        1,
        vec![item("a", hold(10), false, 1), item("b", hold(10), false, 1)],
    )]);
    let timeline = Timeline::build(&c);
    let mut completed = vec![None; timeline.phases.len()];
    completed[1] = Some(hold(10));
    let mut p = SessionPlayer::recovered(timeline, 3, completed, Duration::ZERO, secs(50));
    assert_eq!(p.state(), PlayerState::Paused);
    assert_eq!(p.index(), 3);
    p.advance(secs(500));
    assert_eq!(p.index(), 3, "waits for resume");
    p.resume(secs(500));
    p.advance(secs(510));
    assert_eq!(p.state(), PlayerState::Finished);
    assert_eq!(p.completed()[1], Some(hold(10)));
}

#[test]
fn recovered_player_clamps_a_bad_index() {
    let c = circuit(vec![(1, vec![item("a", hold(10), false, 1)])]);
    let p = SessionPlayer::recovered(Timeline::build(&c), 9_999, vec![], Duration::ZERO, secs(0));
    assert!(p.index() < p.timeline().phases.len());
    assert_ne!(p.current_phase().kind, PhaseKind::Done);
}

// ---- property tests ----

fn arb_dose() -> impl Strategy<Value = Dose> {
    prop_oneof![
        (1u32..45).prop_map(|hold_secs| Dose::Hold { hold_secs }),
        (1u32..8, 1u32..8, 0u32..3).prop_map(|(reps, secs_per_rep, fewer_per_set)| Dose::Paced {
            reps,
            secs_per_rep,
            fewer_per_set
        }),
    ]
}

fn arb_item() -> impl Strategy<Value = CircuitItem> {
    (arb_dose(), any::<bool>(), 1u32..3)
        .prop_map(|(dose, per_side, sets)| item("x", dose, per_side, sets))
}

fn arb_timed_circuit() -> impl Strategy<Value = Circuit> {
    let timings = (0u32..12, 0u32..6, 0u32..20, 0u32..35, 0u32..90).prop_map(
        |(
            get_ready_secs,
            switch_sides_secs,
            rest_between_sets_secs,
            rest_between_exercises_secs,
            rest_between_rounds_secs,
        )| Timings {
            get_ready_secs,
            switch_sides_secs,
            rest_between_sets_secs,
            rest_between_exercises_secs,
            rest_between_rounds_secs,
            secs_per_rep_estimate: 3,
        },
    );
    let block = (1u32..4, prop::collection::vec(arb_item(), 1..4));
    (timings, prop::collection::vec(block, 1..3)).prop_map(|(timings, blocks)| {
        let mut c = circuit(blocks);
        c.timings = timings;
        c
    })
}

/// Index of the phase that is running at active time `t`, from the planned lengths alone.
fn expected_index(timeline: &Timeline, t: Duration) -> usize {
    let mut end = Duration::ZERO;
    for (i, p) in timeline.phases.iter().enumerate() {
        end += secs(u64::from(p.planned_secs));
        if p.kind == PhaseKind::Done || t < end {
            return i;
        }
    }
    timeline.phases.len() - 1
}

proptest! {
    #![proptest_config(beside_source(ProptestConfig::default()))]

    #[test]
    fn session_length_is_the_sum_of_its_phases(c in arb_timed_circuit()) {
        let timeline = Timeline::build(&c);
        let total = secs(timeline.planned_total_secs());
        let sum: u64 = timeline.phases.iter().map(|p| u64::from(p.planned_secs)).sum();
        prop_assert_eq!(total, secs(sum));
        let mut p = SessionPlayer::new(timeline);
        p.start(Duration::ZERO);
        p.advance(total.saturating_sub(Duration::from_millis(1)));
        prop_assert_ne!(p.state(), PlayerState::Finished);
        p.advance(total);
        prop_assert_eq!(p.state(), PlayerState::Finished);
        prop_assert!(p.completed().iter().zip(&p.timeline().phases).all(|(done, phase)| {
            !phase.is_work() || *done == Some(phase.dose)
        }), "every work phase recorded in full");
    }

    #[test]
    fn no_drift_under_random_frame_timing(
        c in arb_timed_circuit(),
        frames_ms in prop::collection::vec(1u64..2500, 1..400),
    ) {
        let timeline = Timeline::build(&c);
        let mut p = SessionPlayer::new(timeline.clone());
        let mut started = p.start(Duration::ZERO).len();
        let mut now = Duration::ZERO;
        let mut seen = vec![0usize];
        for frame in frames_ms {
            now += Duration::from_millis(frame);
            for e in p.advance(now) {
                if let PlayerEvent::PhaseStarted { index } = e.event {
                    seen.push(index);
                    started += 1;
                }
            }
            prop_assert_eq!(p.index(), expected_index(&timeline, now));
        }
        let expected_seen: Vec<usize> = (0..=p.index()).collect();
        prop_assert_eq!(seen, expected_seen, "each phase starts once, in order");
        prop_assert_eq!(started, p.index() + 1);
    }

    #[test]
    fn pause_does_not_advance(
        c in arb_timed_circuit(),
        steps in prop::collection::vec((1u64..5000, 0u64..60_000), 1..30),
    ) {
        let timeline = Timeline::build(&c);
        let mut p = SessionPlayer::new(timeline.clone());
        p.start(Duration::ZERO);
        let mut now = Duration::ZERO;
        let mut active = Duration::ZERO;
        for (run_ms, pause_ms) in steps {
            now += Duration::from_millis(run_ms);
            active += Duration::from_millis(run_ms);
            p.advance(now);
            if p.state() == PlayerState::Finished { break; }
            p.pause(now);
            let index_at_pause = p.index();
            let view_at_pause = p.view(now);
            now += Duration::from_millis(pause_ms);
            p.advance(now);
            prop_assert_eq!(p.index(), index_at_pause);
            prop_assert_eq!(p.view(now).remaining, view_at_pause.remaining);
            prop_assert_eq!(p.next_change_in(now), None, "no repaint while paused");
            p.resume(now);
            prop_assert_eq!(p.active_time(now), active);
            prop_assert_eq!(p.index(), expected_index(&timeline, active));
        }
    }

    #[test]
    fn skip_back_and_done_never_leave_the_timeline(
        c in arb_timed_circuit(),
        actions in prop::collection::vec((0u8..6, 0u64..8000), 1..120),
    ) {
        let mut p = SessionPlayer::new(Timeline::build(&c));
        p.start(Duration::ZERO);
        let mut now = Duration::ZERO;
        let len = p.timeline().phases.len();
        for (action, wait_ms) in actions {
            now += Duration::from_millis(wait_ms);
            match action {
                0 => { p.skip(now); }
                1 => { p.back(now); }
                2 => { p.done(now); }
                3 => p.pause(now),
                4 => p.resume(now),
                _ => { p.advance(now); }
            }
            prop_assert!(p.index() < len);
            let finished = p.state() == PlayerState::Finished;
            let at_done = p.current_phase().kind == PhaseKind::Done;
            prop_assert_eq!(finished, at_done, "finished exactly when the Done phase is reached");
            let view = p.view(now);
            prop_assert!((0.0..=1.0).contains(&view.progress));
        }
    }
}

/// The figure's movement comes from the time in the phase, which a pause stops: a bridge
/// rep (2 s up, 3 s held, 2 s down) half way up stays half way up however long the pause.
#[test]
fn a_pause_freezes_the_movement_where_it_was() {
    use strongback::domain::plan::tempo::Tempo;
    use strongback::domain::session::motion::{Stage, motion_at};
    let bridge = Tempo::Rep {
        up_secs: 2,
        hold_secs: 3,
        down_secs: 2,
    };
    let c = circuit(vec![(1, vec![item("a", hold(30), false, 1)])]);
    let mut player = SessionPlayer::new(Timeline::build(&c));
    player.start(secs(0));
    // Through the 10 s get-ready, then 1 s into the work.
    player.advance(secs(10));
    assert_eq!(player.current_phase().kind, PhaseKind::Work);
    let now = secs(11);
    player.advance(now);
    let moving = motion_at(bridge, player.elapsed_in_phase(now).as_secs_f64());
    assert_eq!((moving.stage, moving.toward_end), (Stage::Rising, 0.5));
    player.pause(now);
    let later = secs(71);
    player.advance(later);
    let paused = motion_at(bridge, player.elapsed_in_phase(later).as_secs_f64());
    assert_eq!(paused, moving, "a minute's pause moves nothing");
    player.resume(later);
    let after = motion_at(bridge, player.elapsed_in_phase(secs(72)).as_secs_f64());
    assert_eq!(
        (after.stage, after.toward_end),
        (Stage::AtTop, 1.0),
        "and on from there"
    );
}
