//! The bundled files and the repository's own files, the catalog, and dates.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};
use strongback::domain::plan::catalog::Catalog;
use strongback::domain::plan::checks::CheckedPlan;
use strongback::store::bundled::Assets;
use strongback::store::plan_file::check_plan_text;

/// The example physiotherapist's plan, `assets/examples/physio-plan.ron`.
pub const EXAMPLE_PLAN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/examples/physio-plan.ron"
));

/// The built-in plan, `assets/programs/back-care.ron`.
pub const BUILT_IN_PLAN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/programs/back-care.ron"
));

/// The bundled exercise catalog's text, `assets/catalog.ron`.
pub const CATALOG_TEXT: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/catalog.ron"));

/// The bundled assets: catalog, built-in plan and sounds.
pub fn assets() -> Assets {
    Assets::embedded().expect("bundled assets")
}

/// The bundled exercise catalog.
pub fn catalog() -> Catalog {
    assets().catalog
}

/// The example physiotherapist's plan, checked against the bundled catalog.
pub fn example_plan() -> CheckedPlan {
    check_plan_text("physio-plan.ron", EXAMPLE_PLAN, &catalog()).expect("valid example plan")
}

/// The built-in plan, checked against the bundled catalog.
pub fn built_in_plan() -> CheckedPlan {
    check_plan_text("back-care.ron", BUILT_IN_PLAN, &catalog()).expect("valid built-in plan")
}

/// A file of the repository, by its path from the repository's root.
pub fn repo_path(relative: impl AsRef<Path>) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A date written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> NaiveDate {
    text.parse().expect("valid date")
}

/// A date from its year, month and day.
pub fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// `config` with the seeds of failing cases kept beside the test's own source file, in
/// `<file stem>.proptest-regressions`, where they are read back on every run. (Proptest's
/// default walks up to the nearest `main.rs`, this suite's, and keeps them in a parallel
/// tree, `tests/proptest-regressions/<module path>.txt`.)
pub fn beside_source(config: ProptestConfig) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..config
    }
}
