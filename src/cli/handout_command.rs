//! `strongback handout PLAN --out FILE.html`: a printable page of a plan.

use std::path::Path;

use crate::domain::plan::catalog::Catalog;
use crate::report::handout::handout_html;
use crate::store::write_shared;

/// Write the handout; returns the exit code.
pub fn run(plan: &Path, out: &Path, force: bool, catalog: &Catalog) -> anyhow::Result<u8> {
    let Some(checked) = super::read_plan_or_report(plan, catalog) else {
        return Ok(1);
    };
    if super::refuse_to_replace(out, force) {
        return Ok(1);
    }
    write_shared(out, handout_html(&checked, catalog).as_bytes())?;
    super::terminal::say(&format!("{}: handout written", out.display()))?;
    Ok(0)
}
