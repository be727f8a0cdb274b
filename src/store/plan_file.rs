//! Reading and writing plan files: every problem as `FILE:LINE:COL: field: message`.

use std::path::Path;

use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::plan::{Plan, PlanV1};
use crate::store::ron_file::{self, DataFileError, FileProblems};
use crate::store::ron_spans::SpanIndex;

/// Read and check a plan file from disk.
pub fn read_plan(path: &Path, catalog: &Catalog) -> Result<CheckedPlan, FileProblems> {
    let name = path.display().to_string();
    let bytes = ron_file::read_bounded(path, ron_file::MAX_FILE_BYTES)?;
    check_plan_bytes(&name, &bytes, catalog)
}

/// Check raw bytes (size, encoding), then the text.
pub fn check_plan_bytes(
    file: &str,
    bytes: &[u8],
    catalog: &Catalog,
) -> Result<CheckedPlan, FileProblems> {
    let text = ron_file::text_from_bytes(file, bytes)?;
    check_plan_text(file, text, catalog)
}

#[derive(serde::Deserialize)]
struct VersionProbe {
    schema_version: u32,
}

/// Parse a plan (schema version 1 or 2) and report every problem found, each at its place.
pub fn check_plan_text(
    file: &str,
    text: &str,
    catalog: &Catalog,
) -> Result<CheckedPlan, FileProblems> {
    let version = match ron::from_str::<VersionProbe>(text) {
        Ok(probe) => probe.schema_version,
        Err(_) => Plan::SCHEMA_VERSION, // let the full parse say what is wrong
    };
    let plan: Plan = match version {
        1 => ron_file::parse_ron::<PlanV1>(file, text)
            .map_err(|e| name_the_field(e, text))?
            .into(),
        2 => ron_file::parse_ron(file, text).map_err(|e| name_the_field(e, text))?,
        v => {
            let spans = SpanIndex::build(text);
            let (line, col) = spans.find("schema_version").unwrap_or((1, 1));
            let message = if v > Plan::SCHEMA_VERSION {
                format!(
                    "schema_version: {v} is newer than this version of Strongback understands (1 to {}); update the app",
                    Plan::SCHEMA_VERSION
                )
            } else {
                format!(
                    "schema_version: {v} is not a plan version (1 to {})",
                    Plan::SCHEMA_VERSION
                )
            };
            return Err(DataFileError::at(file, line, col, message).into());
        }
    };
    match plan.checked(catalog) {
        Ok(checked) => Ok(checked),
        Err(problems) => {
            let spans = SpanIndex::build(text);
            let mut errors: Vec<DataFileError> = problems
                .into_iter()
                .map(|p| {
                    let (line, col) = spans.find(&p.path).unwrap_or((1, 1));
                    DataFileError::at(file, line, col, format!("{}: {}", p.path, p.message))
                })
                .collect();
            errors.sort_by_key(|e| e.position);
            if errors.is_empty() {
                errors.push(DataFileError::new(file, "the plan cannot be used"));
            }
            Err(FileProblems(errors))
        }
    }
}

/// Prefix a parse error with the field it is in, when the parser's message does not say.
fn name_the_field(mut error: DataFileError, text: &str) -> DataFileError {
    let Some((line, col)) = error.position else {
        return error;
    };
    if error.message.contains("field `") {
        return error;
    }
    let spans = SpanIndex::build(text);
    if let Some(path) = spans
        .path_at(line, col)
        .filter(|path| !error.message.starts_with(&format!("{path}: ")))
    {
        let hint = if path.ends_with("_date") {
            " (dates are written \"YYYY-MM-DD\" and must exist)"
        } else {
            ""
        };
        error.message = format!("{path}: {}{hint}", error.message);
    }
    error
}

/// The plan as RON text, with a header comment; it reads back to the same plan.
pub fn plan_to_text(plan: &Plan) -> Result<String, ron::Error> {
    let body = ron_file::to_ron(plan)?;
    Ok(format!(
        "// Strongback plan file (schema_version {}). Field reference: docs/plan-format.md\n{body}\n",
        Plan::SCHEMA_VERSION
    ))
}
