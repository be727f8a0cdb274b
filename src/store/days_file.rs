//! Days files: a history of check-ins, sessions and clearances by date. The app's own
//! `history.ron` is one, and `strongback simulate` replays any of them.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::checkin::Day;
use crate::store::ron_file::{self, DataFileError};

/// A days file (schema version 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaysFile {
    pub schema_version: u32,
    pub days: Vec<Day>,
}

impl DaysFile {
    pub const SCHEMA_VERSION: u32 = 1;
}

/// Read a days file, with located errors.
pub fn read_days(path: &Path) -> Result<DaysFile, DataFileError> {
    ron_file::read_versioned(
        path,
        DaysFile::SCHEMA_VERSION,
        ron_file::no_older_versions(&path.display().to_string()),
    )
}
