//! The plan editor's state and what its actions do: every edit is checked as `validate` would
//! and kept as a draft in the data folder; the projection is computed when it is looked at;
//! a valid plan can be saved to a file, printed as a handout, or installed after the preview.

use std::path::Path;

use crate::domain::care::projection::{Scenario, project, projected_weeks};
use crate::domain::plan::Plan;
use crate::store::{export_plan, ron_file};
use crate::ui::Action;
use crate::ui::plan_editor::{EditorTab, PlanDraft, PlanEditorModel, plan_editor_ui};

use super::StrongbackApp;
use super::editor_state::{EditorStart, EditorState, empty_plan};
use super::screens::Screen;

impl StrongbackApp {
    /// Open the plan editor (for `strongback edit`, and tests).
    pub fn open_editor(&mut self, start: EditorStart) {
        self.open_plan_editor(start);
    }

    pub(super) fn open_plan_editor(&mut self, start: EditorStart) {
        let (plan, source) = match start {
            EditorStart::New => (empty_plan(), None),
            EditorStart::Template(which) => {
                let plan = self
                    .assets
                    .as_ref()
                    .map(|assets| crate::store::bundled::template_plan(which, assets));
                match plan {
                    Some(Ok(plan)) => (plan, None),
                    Some(Err(problems)) => {
                        self.notices.problem(problems.to_string());
                        (empty_plan(), None)
                    }
                    None => (empty_plan(), None),
                }
            }
            EditorStart::Current => (
                self.plans
                    .in_use
                    .as_ref()
                    .map_or_else(empty_plan, |p| p.plan.clone()),
                None,
            ),
            EditorStart::Draft => {
                let (draft, problem) = self.store.load_plan_draft();
                if let Some(problem) = &problem {
                    self.notices.unreadable(problem);
                }
                (draft.unwrap_or_else(empty_plan), None)
            }
            EditorStart::File(path) => match read_plan_unchecked(&path) {
                Ok(plan) => (plan, Some(path)),
                Err(message) => {
                    self.notices.problem(message);
                    (empty_plan(), None)
                }
            },
        };
        let saved = source.as_ref().map(|_| plan.clone());
        let mut state = EditorState {
            draft: PlanDraft::new(plan),
            problems: Vec::new(),
            projections: None,
            source,
            saved,
        };
        self.check_draft(&mut state);
        self.show(Screen::PlanEditor(Box::new(state)));
    }

    /// The plan being edited, while the editor is open.
    pub fn plan_draft(&self) -> Option<&Plan> {
        match &self.screen {
            Screen::PlanEditor(state) => Some(&state.draft.plan),
            _ => None,
        }
    }

    /// Whether a draft is kept in the data folder (home offers to continue it).
    pub(super) fn has_plan_draft(&self) -> bool {
        self.store.has_plan_draft()
    }

    fn check_draft(&self, state: &mut EditorState) {
        state.problems = match &self.assets {
            Some(assets) => match state.draft.plan.checked(&assets.catalog) {
                Ok(_) => Vec::new(),
                Err(problems) => problems,
            },
            None => Vec::new(),
        };
    }

    /// The draft as edited on screen: check it and keep it.
    pub(super) fn edit_plan_draft(&mut self, draft: PlanDraft) {
        let Screen::PlanEditor(mut state) = std::mem::replace(&mut self.screen, Screen::Home)
        else {
            return;
        };
        let plan_changed = state.draft.plan != draft.plan;
        state.draft = draft;
        if plan_changed {
            self.check_draft(&mut state);
            if let Err(err) = self.store.save_plan_draft(&state.draft.plan) {
                self.notices
                    .problem(format!("The draft could not be kept: {err}"));
            }
        }
        self.refresh_projections(&mut state);
        self.show(Screen::PlanEditor(state));
    }

    /// Compute the projections when the Projection tab shows a valid plan they are not for.
    fn refresh_projections(&self, state: &mut EditorState) {
        if state.draft.tab != EditorTab::Projection || !state.problems.is_empty() {
            return;
        }
        if state
            .projections
            .as_ref()
            .is_some_and(|(plan, _)| *plan == state.draft.plan)
        {
            return;
        }
        let Some(assets) = &self.assets else {
            return;
        };
        let Ok(checked) = state.draft.plan.checked(&assets.catalog) else {
            return;
        };
        let start = checked.plan.start_date.unwrap_or_else(|| self.today());
        let weeks = projected_weeks(&checked, start);
        let projections = Scenario::ALL
            .into_iter()
            .map(|scenario| project(&checked, &assets.catalog, scenario, start, weeks))
            .collect();
        state.projections = Some((state.draft.plan.clone(), projections));
    }

    pub(super) fn close_editor(&mut self) {
        self.show(Screen::Home);
    }

    /// A valid draft, with its circuit.
    pub(super) fn checked_draft(&self) -> Option<crate::domain::plan::checks::CheckedPlan> {
        let Screen::PlanEditor(state) = &self.screen else {
            return None;
        };
        state
            .draft
            .plan
            .checked(&self.assets.as_ref()?.catalog)
            .ok()
    }

    /// "Install on this computer": the usual preview, then it becomes the plan in use.
    pub(super) fn install_draft_plan(&mut self) {
        let Some(candidate) = self.checked_draft() else {
            return;
        };
        self.show(Screen::PlanPreview {
            candidate: Box::new(candidate),
            source: "the plan editor".to_owned(),
            from_editor: true,
        });
    }

    /// The plan name the save dialog suggests.
    pub(super) fn draft_name(&self) -> Option<String> {
        match &self.screen {
            Screen::PlanEditor(state) => Some(state.draft.plan.name.clone()),
            _ => None,
        }
    }

    pub(super) fn save_draft_plan_to(&mut self, path: &Path) {
        let Some(checked) = self.checked_draft() else {
            return;
        };
        match export_plan(&checked.plan, path) {
            Ok(()) => {
                self.notices
                    .info(format!("Plan saved to {}.", path.display()));
                if let Screen::PlanEditor(state) = &mut self.screen {
                    state.source = Some(path.to_path_buf());
                    state.saved = Some(checked.plan);
                }
            }
            Err(err) => self
                .notices
                .problem(format!("The plan could not be saved: {err}")),
        }
    }

    pub(super) fn save_draft_handout_to(&mut self, path: &Path) {
        if let Some(checked) = self.checked_draft() {
            self.write_handout(&checked, path);
        }
    }

    pub(super) fn plan_editor_screen_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let (Screen::PlanEditor(state), Some(assets)) = (&self.screen, &self.assets) else {
            return Vec::new();
        };
        let source = state.source.as_ref().map(|p| p.display().to_string());
        let model = PlanEditorModel {
            draft: &state.draft,
            problems: &state.problems,
            catalog: &assets.catalog,
            projections: state.projections.as_ref().map(|(_, p)| p.as_slice()),
            source: source.as_deref(),
            unsaved: state.saved.as_ref() != Some(&state.draft.plan),
            today: self.today(),
        };
        plan_editor_ui(ui, &model)
    }
}

/// A plan file read for editing: its fields as written, whether or not they pass the checks
/// (the editor shows the problems), or why it could not be read at all.
fn read_plan_unchecked(path: &Path) -> Result<Plan, String> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|err| format!("{file}: {err}"))?;
    match ron_file::parse_ron::<Plan>(&file, &text) {
        Ok(plan) => Ok(plan),
        Err(err) => ron_file::parse_ron::<crate::domain::plan::PlanV1>(&file, &text)
            .map(Plan::from)
            .map_err(|_| format!("{err} (the editor opened a new plan instead)")),
    }
}
