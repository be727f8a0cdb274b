//! The plan editor's state while it is open, and where it starts from.

use std::path::PathBuf;

use crate::domain::care::projection::Projection;
use crate::domain::plan::{Plan, PlanProblem};
use crate::ui::plan_editor::PlanDraft;

/// Where the editor starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorStart {
    /// An empty plan.
    New,
    /// A starting plan ("New plan…" offers them).
    Template(crate::domain::plan::PlanTemplate),
    /// The plan in use.
    Current,
    /// The draft kept in the data folder (or a new plan when there is none).
    Draft,
    /// A plan file (one that fails the checks opens too, to be fixed).
    File(PathBuf),
}

/// The editor while it is open.
pub(super) struct EditorState {
    pub draft: PlanDraft,
    pub problems: Vec<PlanProblem>,
    /// The projections of the plan as it was when they were computed.
    pub projections: Option<(Plan, Vec<Projection>)>,
    /// The file it came from or was last saved to.
    pub source: Option<PathBuf>,
    /// The plan as last saved to `source`.
    pub saved: Option<Plan>,
}

/// A plan with nothing in it yet, for "New plan…".
pub fn empty_plan() -> Plan {
    Plan::empty()
}
