//! Every ladder step is its own exercise to the person (clinical spec §2, version 3): its own
//! how-to, key cue and tempo, none shared with another step; a catalog from before still loads.

use strongback::domain::plan::catalog::{Dose, Tempo};
use strongback::store::bundled::{Assets, CATALOG_FILE, PROGRAM_FILE};

use crate::common::{BUILT_IN_PLAN as PROGRAM, assets};

#[test]
fn every_step_has_its_own_how_to_cue_and_tempo() {
    let catalog = assets().catalog;
    let mut steps = 0;
    for exercise in &catalog.exercises {
        let mut seen: Vec<&str> = Vec::new();
        for (i, step) in exercise.ladder.iter().enumerate() {
            let at = format!("{} step {} ({})", exercise.id, i + 1, step.name);
            assert!(step.how_to.len() > 40, "{at}: no how-to of its own");
            assert!(!step.cue.is_empty(), "{at}: no cue");
            let Some(tempo) = step.tempo else {
                panic!("{at}: no tempo");
            };
            assert!(
                !seen.contains(&step.how_to.as_str()),
                "{at}: the same how-to as a lower step"
            );
            seen.push(&step.how_to);
            // The tempo moves as the dose asks: a hold holds, a rep has a pace, and a paced
            // rep's hold is its seconds per rep.
            match (step.dose, tempo) {
                (Dose::Hold { .. }, Tempo::Hold | Tempo::Steady) => {}
                (Dose::Reps { .. }, Tempo::Rep { .. } | Tempo::Cycle { .. }) => {}
                (
                    Dose::Paced { secs_per_rep, .. },
                    Tempo::Rep { hold_secs, .. } | Tempo::Cycle { secs: hold_secs },
                ) => assert!(
                    hold_secs <= secs_per_rep,
                    "{at}: a {hold_secs} s hold in a {secs_per_rep} s rep"
                ),
                (dose, tempo) => panic!("{at}: {tempo:?} does not fit {dose:?}"),
            }
            assert_eq!(
                exercise.how_to_at(u8::try_from(i + 1).expect("step")),
                step.how_to,
                "{at}: shown as its own"
            );
            steps += 1;
        }
    }
    assert!(steps >= 55, "{steps} steps");
}

#[test]
fn the_front_plank_and_bird_dog_easiest_steps_describe_themselves() {
    let catalog = assets().catalog;
    let plank = catalog.get("plank").expect("plank");
    assert!(
        !plank.how_to_at(1).to_lowercase().contains("forearm"),
        "step 1 is hands on a bench: {}",
        plank.how_to_at(1)
    );
    assert_eq!(
        plank.equipment_at(1),
        [strongback::domain::plan::catalog::Equipment::Bench],
        "step 1 needs a bench, not a mat"
    );
    let bird_dog = catalog.get("bird_dog").expect("bird dog");
    assert!(
        !bird_dog
            .how_to_at(1)
            .to_lowercase()
            .contains("opposite arm and leg"),
        "step 1 moves one limb at a time: {}",
        bird_dog.how_to_at(1)
    );
}

/// The catalog as shipped before figures (schema 2, stick drawings).
const CATALOG_V2: &str = include_str!("../../fixtures/catalogs/catalog-v2.ron");

/// A version 2 catalog, with stick drawings and no figures, still loads and every step shows
/// its stick drawing (its own, a lower step's, or the exercise's), drawable in the player.
#[test]
fn a_catalog_from_before_figures_still_loads_and_shows_its_stick_drawings() {
    use strongback::domain::plan::catalog::Picture;
    use strongback::domain::plan::figure::parts::Look;
    let old = Assets::parse(CATALOG_FILE, CATALOG_V2, PROGRAM_FILE, PROGRAM).expect("loads");
    for exercise in &old.catalog.exercises {
        for n in 1..=exercise.top_step() {
            let Some(Picture::Sketch(pose)) = exercise.picture_at(n) else {
                panic!("{} step {n}: a stick drawing", exercise.id);
            };
            assert!(!pose.lines.is_empty());
            let parts = Picture::Sketch(pose).parts(0.5, Look::default());
            assert!(parts.len() >= 2, "the floor and the body at least");
        }
    }
    // The plank's bench step keeps its own drawing, with the bench.
    let plank = old.catalog.get("plank").expect("plank");
    assert!(matches!(
        plank.picture_at(1),
        Some(Picture::Sketch(pose)) if !pose.props.is_empty()
    ));
    // The bundled catalog of today draws figures, not stick drawings.
    let today = assets();
    assert!(matches!(
        today.catalog.get("plank").and_then(|p| p.picture_at(1)),
        Some(Picture::Figure(_))
    ));
}

/// A version 1 catalog, without any step's own words, still loads: each step shows the
/// exercise's how-to.
#[test]
fn a_catalog_from_before_per_step_content_still_loads() {
    let mut old = CATALOG_V2.replacen("schema_version: 2", "schema_version: 1", 1);
    for field in ["how_to: \"", "equipment: Some(", "tempo: Some("] {
        // Remove every per-step field (they are written on their own lines in the ladder).
        old = old
            .lines()
            .filter(|line| {
                !line.trim_start().starts_with(field) || !line.starts_with("                    ")
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    let assets = Assets::parse(CATALOG_FILE, &old, PROGRAM_FILE, PROGRAM).expect("loads");
    let plank = assets.catalog.get("plank").expect("plank");
    assert!(
        plank
            .ladder
            .iter()
            .all(|s| s.how_to.is_empty() && s.tempo.is_none())
    );
    assert_eq!(plank.how_to_at(1), plank.how_to);
}
