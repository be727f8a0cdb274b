//! Plan files: round trips, the built-in plan, and no input that makes the checks panic.

use proptest::prelude::*;
use strongback::domain::plan::{Plan, Presentation};
use strongback::store::plan_file::{check_plan_bytes, check_plan_text, plan_to_text};
use strongback::store::ron_spans::SpanIndex;

use crate::common::{BUILT_IN_PLAN, EXAMPLE_PLAN as EXAMPLE, beside_source, catalog, example_plan};

#[test]
fn example_plan_loads_with_every_field() {
    let checked = example_plan();
    let plan = checked.plan;
    assert_eq!(plan.patient.as_deref(), Some("Sam"));
    let clinician = plan.clinician.expect("clinician");
    assert_eq!(clinician.name, "Alex Morgan, physiotherapist");
    assert_eq!(plan.presentation, Presentation::Nerve);
    assert_eq!(plan.limits.max_steps.get("side_plank"), Some(&2));
    assert_eq!(plan.limits.max_session_minutes, Some(30));
    assert_eq!(plan.rules.amber_max_pain, 5);
    assert_eq!(
        plan.rules.rest_hours_after_red, 48,
        "left out, so the default"
    );
    assert_eq!(checked.circuit.blocks[1].items[3].sets, 2);
}

#[test]
fn load_save_load_gives_the_same_plan() {
    let catalog = catalog();
    for (name, text) in [
        ("physio-plan.ron", EXAMPLE),
        ("back-care.ron", BUILT_IN_PLAN),
        (
            "v1_program.ron",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/plans/v1_program.ron"
            )),
        ),
    ] {
        let first = check_plan_text(name, text, &catalog).expect("valid").plan;
        let saved = plan_to_text(&first).expect("serialises");
        let second = check_plan_text("saved.ron", &saved, &catalog)
            .unwrap_or_else(|e| panic!("{name} re-saved is invalid: {e:?}\n{saved}"))
            .plan;
        assert_eq!(first, second, "{name}");
        assert_eq!(second.schema_version, Plan::SCHEMA_VERSION);
    }
}

#[test]
fn span_index_finds_nested_fields_lists_and_map_keys() {
    let spans = SpanIndex::build(EXAMPLE);
    let line_of = |needle: &str| {
        EXAMPLE
            .lines()
            .position(|l| l.contains(needle))
            .expect("in text")
            + 1
    };
    assert_eq!(
        spans.find("blocks[1].items[2].exercise").map(|p| p.0),
        Some(line_of("\"bird_dog\""))
    );
    assert_eq!(
        spans.find("limits.max_steps.bridge").map(|p| p.0),
        Some(line_of("max_steps:"))
    );
    assert_eq!(
        spans.find("blocks[1].items[3].dose.reps").map(|p| p.0),
        Some(line_of("reps: 10"))
    );
    assert_eq!(
        spans.find("clinician.contact").map(|p| p.0),
        Some(line_of("contact: \"01632")),
        "fields inside Some((...)) are found"
    );
    assert_eq!(
        spans.find("blocks[1].items[2].no_such_field").map(|p| p.0),
        Some(line_of("\"bird_dog\"")),
        "an unknown path falls back to its nearest known parent"
    );
}

proptest! {
    #![proptest_config(beside_source(ProptestConfig::with_cases(512)))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let catalog = catalog();
        let _ = check_plan_bytes("fuzz.ron", &bytes, &catalog);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let catalog = catalog();
        let _ = check_plan_text("fuzz.ron", &text, &catalog);
        let _ = SpanIndex::build(&text);
    }

    /// Damaged copies of a real plan: every error names the file and a line inside it.
    #[test]
    fn damaged_plans_give_located_errors_never_panics(
        cuts in prop::collection::vec((0usize..4000, 0usize..12, "[(){}\\[\\],:\"a-z0-9 ]{0,4}"), 1..4),
    ) {
        let catalog = catalog();
        let mut text = EXAMPLE.to_owned();
        for (at, len, insert) in cuts {
            let start = text.char_indices().map(|(i, _)| i).nth(at % text.chars().count().max(1)).unwrap_or(0);
            let end = text[start..].char_indices().map(|(i, _)| start + i).nth(len).unwrap_or(text.len());
            text.replace_range(start..end, &insert);
        }
        let lines = text.lines().count().max(1);
        if let Err(errors) = check_plan_text("damaged.ron", &text, &catalog) {
            prop_assert!(!errors.is_empty());
            for error in errors {
                prop_assert_eq!(&error.file, "damaged.ron");
                if let Some((line, col)) = error.position {
                    prop_assert!(line >= 1 && line <= lines + 1, "line {} of {}", line, lines);
                    prop_assert!(col >= 1);
                }
            }
        }
    }
}
