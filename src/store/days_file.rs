//! Days files: a history of check-ins, sessions and clearances by date. The app's own
//! `history.ron` is one, and `strongback simulate` replays any of them.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::checkin::Day;
use crate::domain::dates;
use crate::store::ron_file::{self, DataFileError};
use crate::store::ron_spans::SpanIndex;

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

impl DaysFile {
    /// The first day whose date is outside the supported years, as (index, message).
    pub fn date_problem(&self) -> Option<(usize, String)> {
        self.days
            .iter()
            .position(|d| !dates::supported(d.date))
            .map(|i| (i, dates::unsupported_message(self.days[i].date)))
    }
}

/// Read a days file from outside (at most 1 MiB), with located errors.
pub fn read_days(path: &Path) -> Result<DaysFile, DataFileError> {
    let name = path.display().to_string();
    let bytes = ron_file::read_bounded(path, ron_file::MAX_FILE_BYTES)?;
    let text = ron_file::text_within(&name, &bytes, ron_file::MAX_FILE_BYTES)?;
    let file: DaysFile = ron_file::parse_versioned(
        &name,
        text,
        DaysFile::SCHEMA_VERSION,
        ron_file::no_older_versions(&name),
    )?;
    match file.date_problem() {
        None => Ok(file),
        Some((index, message)) => {
            let field = format!("days[{index}].date");
            let (line, col) = SpanIndex::build(text).find(&field).unwrap_or((1, 1));
            Err(DataFileError::at(
                &name,
                line,
                col,
                format!("{field}: {message}"),
            ))
        }
    }
}
