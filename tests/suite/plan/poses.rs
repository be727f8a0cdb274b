//! Pictures per ladder step: the bundled catalog gives a step its own drawing where the body
//! position differs (bench plank against forearm plank, bent-knee against straight side plank,
//! one limb against opposite arm and leg), every drawing stays in its box, and the app's own
//! (egui) drawing of every step can be looked at:
//!
//! `POSE_SHEET_DIR=/tmp/egui-poses cargo test --test suite plan::poses:: -- --ignored`
//!
//! writes one PNG per exercise with each step at thumbnail and at full size.

use egui::Vec2;
use egui_kittest::Harness;
use strongback::domain::plan::catalog::{Catalog, Exercise, Pose, Prop};
use strongback::ui::widgets::figure::figure_ui;

use crate::common::catalog;

fn catalog_exercise<'a>(catalog: &'a Catalog, id: &str) -> &'a Exercise {
    catalog
        .get(id)
        .unwrap_or_else(|| panic!("{id} is in the catalog"))
}

#[test]
fn every_step_picture_is_drawn_inside_its_box() {
    let catalog = catalog();
    for exercise in &catalog.exercises {
        for n in 1..=exercise.top_step() {
            let problems = exercise.pose_at(n).problems();
            assert!(
                problems.is_empty(),
                "{} step {n}: {problems:?}",
                exercise.id
            );
        }
    }
}

#[test]
fn the_exercise_picture_is_the_picture_of_its_pose_step() {
    // Screens that do not know the step show `pose`; it must agree with the ladder.
    let catalog = catalog();
    for exercise in &catalog.exercises {
        assert_eq!(
            &exercise.pose,
            exercise.pose_at(exercise.pose_step),
            "{}",
            exercise.id
        );
    }
}

/// Steps whose body positions differ, so their pictures must too.
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

/// Steps that change the dose or the load, not the body position: they share a picture.
const SAME: &[(&str, u8, u8)] = &[
    ("bird_dog", 2, 3),
    ("bird_dog", 2, 4),
    ("curl_up", 3, 4),
    ("ball_curl", 2, 3),
    ("dead_bug", 5, 6),
    ("clamshell", 1, 2),
    ("clamshell", 1, 3),
];

#[test]
fn steps_with_a_different_body_position_have_their_own_picture() {
    let catalog = catalog();
    for &(id, a, b) in DIFFERENT {
        let exercise = catalog_exercise(&catalog, id);
        assert!(exercise.step(a).is_some() && exercise.step(b).is_some());
        assert_ne!(
            exercise.pose_at(a),
            exercise.pose_at(b),
            "{id}: steps {a} and {b} show one picture"
        );
    }
    for &(id, a, b) in SAME {
        let exercise = catalog_exercise(&catalog, id);
        assert_eq!(
            exercise.pose_at(a),
            exercise.pose_at(b),
            "{id}: {a} and {b}"
        );
    }
}

fn has_bench(pose: &Pose) -> bool {
    pose.props.iter().any(|p| matches!(p, Prop::Bench { .. }))
}

#[test]
fn the_bench_plank_shows_the_bench_and_the_forearm_plank_does_not() {
    let catalog = catalog();
    let plank = catalog_exercise(&catalog, "plank");
    assert!(has_bench(plank.pose_at(1)), "hands on a bench");
    for n in 2..=plank.top_step() {
        assert!(!has_bench(plank.pose_at(n)), "plank step {n}");
    }
    assert!(
        has_bench(catalog_exercise(&catalog, "bridge").pose_at(6)),
        "feet raised"
    );
    let ball_curl = catalog_exercise(&catalog, "ball_curl");
    for n in 1..=ball_curl.top_step() {
        let pose = ball_curl.pose_at(n);
        assert!(
            pose.props.iter().any(|p| matches!(p, Prop::Ball { .. })),
            "ball curl step {n} shows the ball"
        );
    }
}

#[test]
fn the_side_plank_is_seen_from_the_front_with_the_top_arm_raised() {
    // A side view of a side plank reads as a sagging front plank; seen from the front, the top
    // arm points at the ceiling, above the head, at every step.
    let catalog = catalog();
    let side_plank = catalog_exercise(&catalog, "side_plank");
    for n in 1..=side_plank.top_step() {
        let pose = side_plank.pose_at(n);
        let highest = pose
            .lines
            .iter()
            .flatten()
            .map(|p| p.1)
            .fold(f32::INFINITY, f32::min);
        assert!(
            highest < pose.head.1 - 15.0,
            "side plank step {n}: a hand well above the head"
        );
    }
}

const THUMB: Vec2 = Vec2::new(56.0, 34.0);
const FULL: Vec2 = Vec2::new(460.0, 276.0);

/// Every step of `exercise`, at thumbnail size in one row and at full size below (three to a
/// row), drawn by the app's own figure widget.
fn exercise_sheet(ui: &mut egui::Ui, exercise: &Exercise) {
    ui.heading(&exercise.name);
    let steps: Vec<u8> = (1..=exercise.top_step()).collect();
    ui.horizontal(|ui| {
        for &n in &steps {
            ui.vertical(|ui| {
                ui.set_width(160.0);
                figure_ui(ui, exercise.pose_at(n), THUMB, false, "thumbnail");
                ui.small(step_label(exercise, n));
            });
        }
    });
    for row in steps.chunks(3) {
        ui.horizontal(|ui| {
            for &n in row {
                ui.vertical(|ui| {
                    figure_ui(ui, exercise.pose_at(n), FULL, false, "full size");
                    ui.label(step_label(exercise, n));
                });
            }
        });
    }
}

fn step_label(exercise: &Exercise, n: u8) -> String {
    let name = exercise.step(n).map(|s| s.name.as_str()).unwrap_or("");
    format!("step {n}: {name}")
}

#[test]
#[ignore = "writes PNGs to look at; set POSE_SHEET_DIR"]
fn egui_pose_sheet() {
    let Some(dir) = std::env::var_os("POSE_SHEET_DIR") else {
        panic!("set POSE_SHEET_DIR to the folder for the PNGs");
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("sheet folder");
    let catalog = catalog();
    for exercise in &catalog.exercises {
        let rows = exercise.ladder.len().div_ceil(3) as f32;
        let size = Vec2::new(1440.0, 110.0 + rows * (FULL.y + 36.0));
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
