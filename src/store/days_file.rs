//! Days files: a history of check-ins, sessions and clearances by date. The app's own
//! `history.ron` is one, and `strongback simulate` replays any of them.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::care::checkin::{Day, day_problems};
use crate::store::ron_file::{self, DataFileError, FileProblems};
use crate::store::ron_spans::SpanIndex;

/// A days file (schema version 3: dates may hold the activities the person named and rated).
/// Versions 1 and 2 still load: see [`DaysFile::upgraded`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaysFile {
    pub schema_version: u32,
    pub days: Vec<Day>,
}

impl DaysFile {
    pub const SCHEMA_VERSION: u32 = 3;

    /// A version 1 file in today's form. Version 1 had one `session` per entry (now
    /// `sessions`, each keyed by its start), and a "which describes your pain best" answer
    /// set the presentation at once: those answers count as confirmed, as they were acted on.
    pub fn upgraded(mut self) -> DaysFile {
        if self.schema_version < 2 {
            for check_in in self.days.iter_mut().filter_map(|d| d.check_in.as_mut()) {
                check_in.confirms_presentation |= check_in.pain_kind.is_some();
            }
        }
        for day in &mut self.days {
            day.normalise();
        }
        self.schema_version = Self::SCHEMA_VERSION;
        self
    }
}

/// Versions 1 and 2 read as version 3 (every field they had is still read, and version 3 only
/// adds); [`DaysFile::upgraded`] then moves them to today's form.
pub fn migrate_days(text: &str, _found: u32) -> Result<String, DataFileError> {
    Ok(text.to_owned())
}

impl DaysFile {
    /// The first problem the rules must not be given, as (field path, message).
    pub fn first_problem(&self) -> Option<(String, String)> {
        day_problems(&self.days, None)
            .into_iter()
            .next()
            .map(|p| (p.path, p.message))
    }
}

/// The largest days file read from outside: far beyond the app's own `history.ron` after ten
/// years of daily use (under 3 MB), so `simulate` reads what the app writes.
pub const MAX_DAYS_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Read a days file from outside (at most [`MAX_DAYS_FILE_BYTES`]). Every value the rules could not trust is
/// refused with its `FILE:LINE:COL: field:`; with `plan_exercises`, so are per-exercise answers
/// naming exercises the plan does not have.
pub fn read_days(path: &Path, plan_exercises: Option<&[&str]>) -> Result<DaysFile, FileProblems> {
    let name = path.display().to_string();
    let bytes = ron_file::read_bounded(path, MAX_DAYS_FILE_BYTES)?;
    let text = ron_file::text_within(&name, &bytes, MAX_DAYS_FILE_BYTES)?;
    let file: DaysFile =
        ron_file::parse_versioned(&name, text, DaysFile::SCHEMA_VERSION, migrate_days)?;
    let problems = day_problems(&file.days, plan_exercises);
    if problems.is_empty() {
        return Ok(file.upgraded());
    }
    let spans = SpanIndex::build(text);
    Err(FileProblems(
        problems
            .into_iter()
            .map(|p| {
                let (line, col) = spans.find(&p.path).unwrap_or((1, 1));
                DataFileError::at(&name, line, col, format!("{}: {}", p.path, p.message))
            })
            .collect(),
    ))
}
