//! The plan editor's state while it is open, and where it starts from.

use std::path::PathBuf;

use crate::domain::care::projection::Projection;
use crate::domain::plan::blocks::Timings;
use crate::domain::plan::{Limits, Plan, PlanProblem, Presentation, RuleSettings};
use crate::ui::plan_editor::PlanDraft;

/// Where the editor starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorStart {
    /// An empty plan.
    New,
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
    Plan {
        schema_version: Plan::SCHEMA_VERSION,
        name: String::new(),
        description: String::new(),
        patient: None,
        clinician: None,
        start_date: None,
        review_date: None,
        presentation: Presentation::NotSet,
        sessions_per_week: 3,
        timings: Timings::default(),
        blocks: Vec::new(),
        limits: Limits::default(),
        rules: RuleSettings::default(),
        risk_factors_screened: false,
        screened_signs: Vec::new(),
    }
}
