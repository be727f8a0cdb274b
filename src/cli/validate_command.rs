//! `strongback validate FILE...`: check plan files.

use std::path::PathBuf;

use crate::domain::catalog::Catalog;
use crate::store::plan_file::read_plan;

/// Check each plan file, printing `FILE: ok` or one located line per problem to `out`.
/// Returns whether all were valid.
pub fn validate(files: &[PathBuf], catalog: &Catalog, out: &mut impl std::io::Write) -> bool {
    let mut all_ok = true;
    for file in files {
        let written = match read_plan(file, catalog) {
            Ok(_) => writeln!(out, "{}: ok", file.display()),
            Err(problems) => {
                all_ok = false;
                problems
                    .iter()
                    .try_for_each(|problem| writeln!(out, "{problem}"))
            }
        };
        if written.is_err() {
            return false;
        }
    }
    all_ok
}
