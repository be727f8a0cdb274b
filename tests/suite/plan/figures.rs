//! The figure of every ladder step (catalog schema 3): its own, in its box, resting on the
//! floor or its equipment, the same bones at the start and the end, moving between them with
//! bones of constant length and planted hands and feet, at the step's tempo, frozen by a
//! pause. The app's own (egui) drawing of every step can be looked at:
//!
//! `POSE_SHEET_DIR=/tmp/egui-figures cargo test --test suite plan::figures:: -- --ignored`
//!
//! writes one PNG per exercise with each step's start and end at full size.

use std::time::Duration;

use egui::Vec2;
use egui_kittest::Harness;
use strongback::domain::plan::blocks::Timings;
use strongback::domain::plan::catalog::{Catalog, Dose, Exercise, Figure, Picture, Prop, Tempo};
use strongback::domain::plan::circuit::{Circuit, CircuitBlock, CircuitItem};
use strongback::domain::plan::figure::checks::figure_faults;
use strongback::domain::plan::figure::distance;
use strongback::domain::plan::timeline::{PhaseKind, Timeline};
use strongback::domain::session::motion::{FigureMoment, FigureShown};
use strongback::domain::session::player::SessionPlayer;
use strongback::ui::widgets::figure::figure_ui;

use crate::common::catalog;

fn catalog_exercise<'a>(catalog: &'a Catalog, id: &str) -> &'a Exercise {
    catalog
        .get(id)
        .unwrap_or_else(|| panic!("{id} is in the catalog"))
}

/// Step `n`'s own figure (not a lower step's, not a stick drawing).
fn own_figure(exercise: &Exercise, n: u8) -> &Figure {
    exercise
        .step(n)
        .and_then(|step| step.figure.as_ref())
        .unwrap_or_else(|| panic!("{} step {n} has its own figure", exercise.id))
}

#[test]
fn every_ladder_step_has_its_own_figure_in_its_box_resting_on_the_floor_or_its_equipment() {
    let catalog = catalog();
    for exercise in &catalog.exercises {
        for n in 1..=exercise.top_step() {
            let figure = own_figure(exercise, n);
            assert_eq!(exercise.picture_at(n), Some(Picture::Figure(figure)));
            let problems = figure.problems();
            assert!(
                problems.is_empty(),
                "{} step {n}: {problems:?}",
                exercise.id
            );
            let faults = figure_faults(figure);
            assert!(faults.is_empty(), "{} step {n}: {faults:?}", exercise.id);
        }
    }
}

#[test]
fn a_step_that_moves_has_an_end_position_and_a_hold_has_none() {
    let catalog = catalog();
    for exercise in &catalog.exercises {
        for n in 1..=exercise.top_step() {
            let figure = own_figure(exercise, n);
            let tempo = exercise.step(n).and_then(|s| s.tempo);
            match tempo {
                Some(Tempo::Hold) => assert!(
                    figure.end.is_none(),
                    "{} step {n} is a hold: one position",
                    exercise.id
                ),
                _ => assert!(
                    figure.end.is_some_and(|end| end != figure.start),
                    "{} step {n} moves ({tempo:?}): a start and a different end",
                    exercise.id
                ),
            }
        }
    }
}

/// Steps whose body positions differ, so their figures must too.
const DIFFERENT: &[(&str, u8, u8)] = &[
    ("plank", 1, 2),
    ("plank", 2, 3),
    ("plank", 3, 4),
    ("plank", 3, 5),
    ("plank", 4, 5),
    ("side_plank", 1, 2),
    ("side_plank", 1, 3),
    ("side_plank", 2, 5),
    ("side_plank", 3, 4),
    ("side_plank", 4, 5),
    ("bird_dog", 1, 2),
    ("bird_dog", 2, 5),
    ("curl_up", 1, 2),
    ("curl_up", 2, 3),
    ("bridge", 1, 2),
    ("bridge", 2, 3),
    ("bridge", 3, 4),
    ("bridge", 4, 5),
    ("bridge", 5, 6),
    ("ball_curl", 1, 2),
    ("ball_curl", 2, 4),
    ("dead_bug", 1, 2),
    ("dead_bug", 2, 3),
    ("dead_bug", 3, 4),
    ("dead_bug", 4, 5),
    ("clamshell", 1, 4),
    ("clamshell", 1, 5),
    ("clamshell", 4, 5),
    ("superman", 1, 2),
    ("superman", 2, 3),
    ("hip_hinge", 1, 2),
    ("hip_hinge", 2, 3),
    ("hip_hinge", 3, 4),
    ("press_up", 1, 2),
    ("press_up", 2, 3),
    ("knee_to_chest", 1, 2),
    ("knee_to_chest", 2, 3),
];

#[test]
fn steps_with_a_different_body_position_have_different_figures() {
    let catalog = catalog();
    for &(id, a, b) in DIFFERENT {
        let exercise = catalog_exercise(&catalog, id);
        assert_ne!(
            own_figure(exercise, a),
            own_figure(exercise, b),
            "{id}: steps {a} and {b} show one figure"
        );
    }
}

fn has(figure: &Figure, prop: fn(&Prop) -> bool) -> bool {
    figure.props.iter().any(prop)
}

#[test]
fn the_figures_show_the_equipment_their_step_needs() {
    let catalog = catalog();
    let bench = |p: &Prop| matches!(p, Prop::Bench { .. });
    let ball = |p: &Prop| matches!(p, Prop::Ball { .. });
    let plank = catalog_exercise(&catalog, "plank");
    assert!(has(own_figure(plank, 1), bench), "hands on a bench");
    for n in 2..=plank.top_step() {
        assert!(!has(own_figure(plank, n), bench), "plank step {n}");
    }
    let bridge = catalog_exercise(&catalog, "bridge");
    assert!(has(own_figure(bridge, 6), bench), "feet raised");
    let ball_curl = catalog_exercise(&catalog, "ball_curl");
    for n in 1..=ball_curl.top_step() {
        assert!(has(own_figure(ball_curl, n), ball), "ball curl step {n}");
    }
}

/// Every bone's length at `t` of the way, against the start's.
fn worst_bone_change(figure: &Figure, t: f32) -> f32 {
    let start = figure.start.bone_lengths();
    let now = figure.body_at(t).bone_lengths();
    start
        .iter()
        .zip(now)
        .map(|(a, b)| (a - b).abs() / a.max(1.0))
        .fold(0.0, f32::max)
}

#[test]
fn between_start_and_end_bones_keep_their_length_and_planted_hands_and_feet_stay_put() {
    let catalog = catalog();
    for exercise in &catalog.exercises {
        for n in 1..=exercise.top_step() {
            let figure = own_figure(exercise, n);
            let Some(end) = figure.end else { continue };
            assert_eq!(figure.body_at(0.0), figure.start, "{} {n}", exercise.id);
            let reached = figure.body_at(1.0);
            for ((name, a), (_, b)) in reached.joints().iter().zip(end.joints()) {
                assert!(
                    distance(*a, b) < 0.05,
                    "{} step {n}: the {name} reaches its end position",
                    exercise.id
                );
            }
            for tenth in 1..10 {
                let t = tenth as f32 / 10.0;
                let change = worst_bone_change(figure, t);
                assert!(
                    change <= 0.11,
                    "{} step {n} at {t}: a bone changes length by {:.0} %",
                    exercise.id,
                    change * 100.0
                );
                let body = figure.body_at(t);
                for ((name, start), (_, now)) in figure.start.joints().iter().zip(body.joints()) {
                    let planted = end.joints().iter().any(|(n, p)| n == name && p == start);
                    if planted
                        && matches!(*name, "near hand" | "far hand" | "near ankle" | "far ankle")
                    {
                        assert!(
                            distance(*start, now) < 0.05,
                            "{} step {n} at {t}: the {name} stays on the floor",
                            exercise.id
                        );
                    }
                }
            }
        }
    }
}

fn bridge_circuit(step: u8, dose: Dose) -> Circuit {
    Circuit {
        name: "bridge".to_owned(),
        timings: Timings {
            get_ready_secs: 10,
            ..Timings::default()
        },
        blocks: vec![CircuitBlock {
            name: "block".to_owned(),
            rounds: 1,
            rest_between_exercises_secs: None,
            items: vec![CircuitItem {
                exercise_id: "bridge".to_owned(),
                name: "Glute bridge".to_owned(),
                step,
                step_name: "full bridge with hold".to_owned(),
                cue: String::new(),
                top_step: 6,
                per_side: false,
                bias: strongback::domain::plan::catalog::MovementBias::Neutral,
                sets: 1,
                dose,
                notes: String::new(),
            }],
        }],
    }
}

/// The hips' height in the body the player shows at `now`.
fn hip_height(player: &SessionPlayer, now: Duration, circuit: &Circuit, catalog: &Catalog) -> f32 {
    let view = player.view(now);
    let moment = FigureMoment::of_phase(
        &view.phase,
        view.elapsed_in_phase.as_secs_f64(),
        circuit,
        catalog,
        false,
    )
    .expect("the bridge has a figure");
    let figure = own_figure(catalog_exercise(catalog, "bridge"), 2);
    let toward_end = match moment.shown() {
        FigureShown::Moving { toward_end, .. } | FigureShown::Still { toward_end } => toward_end,
        FigureShown::StartAndEnd => panic!("motion is on"),
    };
    figure.body_at(toward_end).hip.1
}

/// A bridge rep at step 2 (2 s up, 3 s held at the top, 2 s down), played by the session
/// player with its clock stepped by hand: the hips are down at 0 s, up at 2 s, still up at
/// 4.9 s, half way down at 6 s and down again at 7 s as the next rep starts; a pause freezes
/// them where they were.
#[test]
fn the_bridge_figure_rises_holds_and_lowers_at_its_tempo_and_a_pause_freezes_it() {
    let catalog = catalog();
    let bridge = catalog_exercise(&catalog, "bridge");
    assert_eq!(
        bridge.step(2).and_then(|s| s.tempo),
        Some(Tempo::Rep {
            up_secs: 2,
            hold_secs: 3,
            down_secs: 2
        })
    );
    let figure = own_figure(bridge, 2);
    let (down, up) = (figure.start.hip.1, figure.end.expect("an end").hip.1);
    assert!(up < down - 5.0, "the hips rise (y grows downward)");
    let circuit = bridge_circuit(2, Dose::Reps { reps: 12 });
    let mut player = SessionPlayer::new(Timeline::build(&circuit));
    player.start(Duration::ZERO);
    let get_ready = Duration::from_secs(10);
    player.advance(get_ready);
    assert_eq!(player.current_phase().kind, PhaseKind::Work);
    let at = |player: &mut SessionPlayer, secs: f64| {
        let now = get_ready + Duration::from_secs_f64(secs);
        player.advance(now);
        hip_height(player, now, &circuit, &catalog)
    };
    let close = |a: f32, b: f32| (a - b).abs() < 0.05;
    assert!(close(at(&mut player, 0.0), down), "down at the start");
    assert!(
        close(at(&mut player, 1.0), (down + up) / 2.0),
        "half way up at 1 s"
    );
    assert!(close(at(&mut player, 2.0), up), "up at 2 s");
    assert!(close(at(&mut player, 4.9), up), "held until 5 s");
    assert!(
        close(at(&mut player, 6.0), (down + up) / 2.0),
        "half way down at 6 s"
    );
    assert!(
        close(at(&mut player, 7.0), down),
        "down at 7 s: the next rep"
    );
    // Pause half way up the second rep, for a minute.
    let half_way = at(&mut player, 8.0);
    let paused_at = get_ready + Duration::from_secs(8);
    player.pause(paused_at);
    let later = paused_at + Duration::from_secs(60);
    player.advance(later);
    assert!(close(
        hip_height(&player, later, &circuit, &catalog),
        half_way
    ));
    assert_eq!(player.next_change_in(later), None, "no frames while paused");
    player.resume(later);
    let on = later + Duration::from_secs(1);
    player.advance(on);
    assert!(
        close(hip_height(&player, on, &circuit, &catalog), up),
        "and on from there"
    );
}

#[test]
fn with_less_motion_the_work_shows_the_start_and_end_still() {
    let catalog = catalog();
    let circuit = bridge_circuit(2, Dose::Reps { reps: 12 });
    let mut player = SessionPlayer::new(Timeline::build(&circuit));
    player.start(Duration::ZERO);
    let now = Duration::from_secs(11);
    player.advance(now);
    let view = player.view(now);
    let moment = |reduce_motion| {
        FigureMoment::of_phase(&view.phase, 1.0, &circuit, &catalog, reduce_motion).expect("figure")
    };
    assert_eq!(moment(true).shown(), FigureShown::StartAndEnd);
    assert_eq!(moment(true).next_frame_secs(), None, "nothing to redraw");
    assert!(matches!(moment(false).shown(), FigureShown::Moving { .. }));
    let frame = moment(false).next_frame_secs().expect("moving");
    assert!(
        (1.0 / 30.0..=1.0 / 10.0).contains(&frame),
        "between 10 and 30 frames a second: {frame}"
    );
}

const FULL: Vec2 = Vec2::new(460.0, 276.0);

/// Every step of `exercise`: start and end (or the hold) at full size, two steps to a row.
fn exercise_sheet(ui: &mut egui::Ui, exercise: &Exercise) {
    ui.heading(&exercise.name);
    let steps: Vec<u8> = (1..=exercise.top_step()).collect();
    for row in steps.chunks(2) {
        ui.horizontal(|ui| {
            for &n in row {
                let Some(picture) = exercise.picture_at(n) else {
                    continue;
                };
                let look = exercise.look_at(n, false);
                for t in if picture.moves() {
                    vec![0.0, 1.0]
                } else {
                    vec![0.0]
                } {
                    ui.vertical(|ui| {
                        figure_ui(
                            ui,
                            &picture.parts(t, look),
                            picture.view_box(look),
                            FULL * 0.7,
                            "figure",
                        );
                        ui.label(format!("step {n} at {t}"));
                    });
                }
            }
        });
    }
}

#[test]
#[ignore = "writes PNGs to look at; set POSE_SHEET_DIR"]
fn egui_figure_sheet() {
    let Some(dir) = std::env::var_os("POSE_SHEET_DIR") else {
        panic!("set POSE_SHEET_DIR to the folder for the PNGs");
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("sheet folder");
    let catalog = catalog();
    for exercise in &catalog.exercises {
        let rows = exercise.ladder.len().div_ceil(2) as f32;
        let size = Vec2::new(1400.0, 60.0 + rows * (FULL.y * 0.7 + 30.0));
        let mut harness = Harness::builder().with_size(size).build_ui(|ui| {
            egui::CentralPanel::default().show(ui, |ui| exercise_sheet(ui, exercise));
        });
        harness.run();
        let image = harness.render().expect("render");
        image
            .save(dir.join(format!("{}.png", exercise.id)))
            .expect("save PNG");
    }
}
