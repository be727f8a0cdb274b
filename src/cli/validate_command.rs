//! `strongback validate FILE...`: check plan files.

use std::path::PathBuf;

use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::rule_settings::looser_than_default;
use crate::store::plan_file::read_plan;
use crate::store::ron_spans::SpanIndex;

use super::terminal::escaped;

/// Check each plan file, printing `FILE: ok` or one located line per problem to `out` (text
/// from the file escaped, so each problem is one line). Returns whether all were valid, or
/// the error writing to `out` (a closed pipe).
pub fn validate(
    files: &[PathBuf],
    catalog: &Catalog,
    out: &mut impl std::io::Write,
) -> std::io::Result<bool> {
    let mut all_ok = true;
    for file in files {
        match read_plan(file, catalog) {
            Ok(checked) => {
                writeln!(out, "{}", escaped(&format!("{}: ok", file.display())))?;
                // Looser than the spec's default but inside the range: allowed, and said.
                let looser = looser_than_default(&checked.plan.rules);
                if !looser.is_empty() {
                    let spans = std::fs::read_to_string(file)
                        .map(|text| SpanIndex::build(&text))
                        .ok();
                    for (path, text) in looser {
                        let (line, col) =
                            spans.as_ref().and_then(|s| s.find(&path)).unwrap_or((1, 1));
                        writeln!(
                            out,
                            "{}",
                            escaped(&format!("{}:{line}:{col}: warning: {text}", file.display()))
                        )?;
                    }
                }
            }
            Err(problems) => {
                all_ok = false;
                for problem in &problems {
                    writeln!(out, "{}", escaped(&problem.to_string()))?;
                }
            }
        }
    }
    Ok(all_ok)
}
