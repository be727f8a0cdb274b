//! The data the app ships with: the exercise catalog, the built-in plan and voice clips.
//!
//! They are compiled in, so the app runs from a single binary, and parsed at start-up; a
//! broken asset (or one given with `--assets DIR`) is reported with file, line and column.

use std::path::Path;

use crate::data_file::{self, DataFileError};
use crate::domain::catalog::Catalog;
use crate::domain::plan::Plan;
use crate::domain::program::Circuit;
use crate::plan_file;

pub const CATALOG_FILE: &str = "assets/catalog.ron";
pub const PROGRAM_FILE: &str = "assets/programs/back-care.ron";

const CATALOG_RON: &str = include_str!("../assets/catalog.ron");
const PROGRAM_RON: &str = include_str!("../assets/programs/back-care.ron");

/// Parsed, checked start-up data.
#[derive(Clone, Debug)]
pub struct Assets {
    pub catalog: Catalog,
    /// The built-in plan.
    pub plan: Plan,
    /// The built-in plan resolved against the catalog.
    pub circuit: Circuit,
}

impl Assets {
    /// The copies compiled into the binary.
    pub fn embedded() -> Result<Assets, Vec<DataFileError>> {
        Self::parse(CATALOG_FILE, CATALOG_RON, PROGRAM_FILE, PROGRAM_RON)
    }

    /// `catalog.ron` and `programs/back-care.ron` from a folder laid out like `assets/`.
    pub fn from_dir(dir: &Path) -> Result<Assets, Vec<DataFileError>> {
        let catalog_path = dir.join("catalog.ron");
        let program_path = dir.join("programs").join("back-care.ron");
        let read = |path: &Path| {
            let name = path.display().to_string();
            std::fs::read(path)
                .map_err(|err| DataFileError::new(&name, format!("cannot read: {err}")))
                .map(|bytes| (name, bytes))
        };
        let (catalog_name, catalog_bytes) = read(&catalog_path).map_err(|e| vec![e])?;
        let (program_name, program_bytes) = read(&program_path).map_err(|e| vec![e])?;
        let catalog_text =
            data_file::text_from_bytes(&catalog_name, &catalog_bytes).map_err(|e| vec![e])?;
        let program_text =
            data_file::text_from_bytes(&program_name, &program_bytes).map_err(|e| vec![e])?;
        Self::parse(&catalog_name, catalog_text, &program_name, program_text)
    }

    /// Parse and check both files; every problem found is returned.
    pub fn parse(
        catalog_file: &str,
        catalog_text: &str,
        program_file: &str,
        program_text: &str,
    ) -> Result<Assets, Vec<DataFileError>> {
        let catalog: Catalog = data_file::parse_versioned(
            catalog_file,
            catalog_text,
            Catalog::SCHEMA_VERSION,
            data_file::no_older_versions(catalog_file),
        )
        .map_err(|e| vec![e])?;
        let catalog_problems: Vec<_> = catalog
            .problems()
            .into_iter()
            .map(|p| DataFileError::new(catalog_file, p))
            .collect();
        if !catalog_problems.is_empty() {
            return Err(catalog_problems);
        }
        let checked = plan_file::check_plan_text(program_file, program_text, &catalog)?;
        Ok(Assets {
            catalog,
            plan: checked.plan,
            circuit: checked.circuit,
        })
    }
}

/// Spoken clips compiled in, by file stem (exercise id or phrase name).
pub fn voice_clip(name: &str) -> Option<&'static [u8]> {
    VOICE_CLIPS
        .iter()
        .find(|(stem, _)| *stem == name)
        .map(|(_, bytes)| *bytes)
}

include!("../assets/voice/clips.rs");
