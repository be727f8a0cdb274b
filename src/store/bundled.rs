//! The data the app ships with: the exercise catalog, the built-in plan and voice clips.
//!
//! They are compiled in, so the app runs from a single binary, and parsed at start-up; a
//! broken asset (or one given with `--assets DIR`) is reported with file, line and column.

use std::path::Path;

use crate::domain::plan::PlanTemplate;
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::checks::CheckedPlan;
use crate::store::plan_file;
use crate::store::ron_file::{self, DataFileError, FileProblems};

pub const CATALOG_FILE: &str = "assets/catalog.ron";
pub const PROGRAM_FILE: &str = "assets/programs/back-care.ron";

const CATALOG_RON: &str = include_str!("../../assets/catalog.ron");
const PROGRAM_RON: &str = include_str!("../../assets/programs/back-care.ron");

/// The starting plans for each presentation (assets/templates), compiled in.
const TEMPLATES: [(PlanTemplate, &str, &str); 3] = [
    (
        PlanTemplate::Spasm,
        "assets/templates/spasm.ron",
        include_str!("../../assets/templates/spasm.ron"),
    ),
    (
        PlanTemplate::Nerve,
        "assets/templates/nerve.ron",
        include_str!("../../assets/templates/nerve.ron"),
    ),
    (
        PlanTemplate::Ache,
        "assets/templates/ache.ron",
        include_str!("../../assets/templates/ache.ron"),
    ),
];

/// The plan "New plan…" starts from: every template passes every check (a test reads each),
/// so a problem here is reported like any plan file's.
pub fn template_plan(
    which: PlanTemplate,
    assets: &Assets,
) -> Result<crate::domain::plan::Plan, FileProblems> {
    match which {
        PlanTemplate::Empty => Ok(crate::domain::plan::Plan::empty()),
        PlanTemplate::BuiltIn => Ok(assets.plan.plan.clone()),
        _ => {
            let (_, file, text) = TEMPLATES
                .iter()
                .find(|(t, ..)| *t == which)
                .copied()
                .unwrap_or(TEMPLATES[0]);
            plan_file::check_plan_text(file, text, &assets.catalog).map(|checked| checked.plan)
        }
    }
}

/// Parsed, checked start-up data.
#[derive(Clone, Debug)]
pub struct Assets {
    pub catalog: Catalog,
    /// The built-in plan, checked and resolved against the catalog.
    pub plan: CheckedPlan,
}

impl Assets {
    /// The copies compiled into the binary.
    pub fn embedded() -> Result<Assets, FileProblems> {
        Self::parse(CATALOG_FILE, CATALOG_RON, PROGRAM_FILE, PROGRAM_RON)
    }

    /// `catalog.ron` and `programs/back-care.ron` from a folder laid out like `assets/`.
    pub fn from_dir(dir: &Path) -> Result<Assets, FileProblems> {
        let catalog_path = dir.join("catalog.ron");
        let program_path = dir.join("programs").join("back-care.ron");
        let read = |path: &Path| {
            let name = path.display().to_string();
            ron_file::read_bounded(path, ron_file::MAX_FILE_BYTES).map(|bytes| (name, bytes))
        };
        let (catalog_name, catalog_bytes) = read(&catalog_path)?;
        let (program_name, program_bytes) = read(&program_path)?;
        let catalog_text = ron_file::text_from_bytes(&catalog_name, &catalog_bytes)?;
        let program_text = ron_file::text_from_bytes(&program_name, &program_bytes)?;
        Self::parse(&catalog_name, catalog_text, &program_name, program_text)
    }

    /// Parse and check both files; every problem found is returned.
    pub fn parse(
        catalog_file: &str,
        catalog_text: &str,
        program_file: &str,
        program_text: &str,
    ) -> Result<Assets, FileProblems> {
        let catalog: Catalog = ron_file::parse_versioned(
            catalog_file,
            catalog_text,
            Catalog::SCHEMA_VERSION,
            // Versions 1 and 2 are version 3 without the per-step fields (words, then
            // figures), which default.
            |text, _| Ok(text.to_owned()),
        )?;
        let catalog_problems: Vec<_> = catalog
            .problems()
            .into_iter()
            .map(|p| DataFileError::new(catalog_file, p))
            .collect();
        if !catalog_problems.is_empty() {
            return Err(FileProblems(catalog_problems));
        }
        let plan = plan_file::check_plan_text(program_file, program_text, &catalog)?;
        Ok(Assets { catalog, plan })
    }
}

/// Spoken clips compiled in, by file stem (exercise id or phrase name).
pub fn voice_clip(name: &str) -> Option<&'static [u8]> {
    VOICE_CLIPS
        .iter()
        .find(|(stem, _)| *stem == name)
        .map(|(_, bytes)| *bytes)
}

/// The stems of every bundled voice clip.
pub fn voice_clip_names() -> impl Iterator<Item = &'static str> {
    VOICE_CLIPS.iter().map(|(stem, _)| *stem)
}

/// The recorded key cue of a ladder step (`<exercise id>_<step>`): the words it says and its
/// Ogg Vorbis bytes.
pub fn step_cue_clip(stem: &str) -> Option<(&'static str, &'static [u8])> {
    STEP_CUE_CLIPS
        .iter()
        .find(|(name, _, _)| *name == stem)
        .map(|(_, words, bytes)| (*words, *bytes))
}

/// The stems of every recorded step cue.
pub fn step_cue_clip_names() -> impl Iterator<Item = &'static str> {
    STEP_CUE_CLIPS.iter().map(|(stem, _, _)| *stem)
}

include!("../../assets/voice/clips.rs");
include!("../../assets/voice/cue_clips.rs");
