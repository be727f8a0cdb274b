//! `strongback validate FILE...`: check plan files.

use std::path::PathBuf;

use crate::domain::plan::catalog::Catalog;
use crate::store::plan_file::read_plan;

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
            Ok(_) => writeln!(out, "{}", escaped(&format!("{}: ok", file.display())))?,
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
