//! The physio's desk: a plan built and changed without touching text. Every field of a plan
//! file, a catalog browser, the same checks as `strongback validate` shown beside the fields
//! as you type, a projection of the plan over the weeks, and the hand-over (save, handout,
//! install). The screen edits a copy of the draft and returns it as
//! [`Action::Plan(PlanAction::EditDraft)`]; the app checks it and keeps it.

mod catalog_tab;
mod details_tab;
mod projection_tab;
mod rules_tab;
mod session_tab;

use crate::platform::file_browser::FilePurpose;
use crate::ui::PlanAction;
use egui::RichText;

use crate::domain::care::projection::{Projection, Scenario};
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::catalog_filter::CatalogFilter;
use crate::domain::plan::{Plan, PlanProblem};

use super::{Action, palette};

/// The part of the editor showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorTab {
    Details,
    Session,
    LimitsAndRules,
    Catalog,
    Projection,
}

impl EditorTab {
    const ALL: [EditorTab; 5] = [
        EditorTab::Details,
        EditorTab::Session,
        EditorTab::LimitsAndRules,
        EditorTab::Catalog,
        EditorTab::Projection,
    ];

    fn label(self) -> &'static str {
        match self {
            EditorTab::Details => "Patient and dates",
            EditorTab::Session => "Session",
            EditorTab::LimitsAndRules => "Limits and rules",
            EditorTab::Catalog => "Catalog",
            EditorTab::Projection => "Projection",
        }
    }
}

/// The plan being edited and how the editor shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDraft {
    pub plan: Plan,
    pub tab: EditorTab,
    pub filter: CatalogFilter,
    /// The exercise open in the catalog browser.
    pub browsing: Option<String>,
    /// Where "Add to session" puts an exercise.
    pub add_to_block: usize,
    pub scenario: Scenario,
    /// The exercise the projection chart follows.
    pub projected_exercise: Option<String>,
}

impl PlanDraft {
    pub fn new(plan: Plan) -> Self {
        Self {
            plan,
            tab: EditorTab::Details,
            filter: CatalogFilter::default(),
            browsing: None,
            add_to_block: 0,
            scenario: Scenario::AllGreen,
            projected_exercise: None,
        }
    }
}

/// What the editor is drawn from.
pub struct PlanEditorModel<'a> {
    pub draft: &'a PlanDraft,
    /// Every problem `validate` would report, at its field path.
    pub problems: &'a [PlanProblem],
    pub catalog: &'a Catalog,
    /// The projections, once the plan has no problems (one per scenario).
    pub projections: Option<&'a [Projection]>,
    /// Where the plan came from or was last saved, for the title.
    pub source: Option<&'a str>,
    /// The draft differs from what was last saved to a file.
    pub unsaved: bool,
    /// Today, for a date set without one.
    pub today: chrono::NaiveDate,
}

/// Draw the editor. Edits come back as one [`Action::Plan(PlanAction::EditDraft)`] with the whole draft.
pub fn plan_editor_ui(ui: &mut egui::Ui, model: &PlanEditorModel<'_>) -> Vec<Action> {
    let mut draft = model.draft.clone();
    let mut actions = Vec::new();
    egui::Panel::top("editor_top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            crate::ui::widgets::a11y::screen_heading(
                ui,
                RichText::new("Plan editor").size(22.0),
                "plan editor",
            );
            ui.label(model.source.unwrap_or("new plan"));
            if model.unsaved {
                ui.label(RichText::new("· not saved to a file yet").weak());
            }
        });
        ui.horizontal_wrapped(|ui| {
            let valid = model.problems.is_empty();
            let why = "Fix the problems listed first: only a plan that passes every check can be saved or used.";
            let save = ui.add_enabled(valid, egui::Button::new("Save plan…"));
            if save.on_disabled_hover_text(why).clicked() {
                actions.push(Action::ChooseFile(FilePurpose::SaveDraftPlan));
            }
            let handout = ui.add_enabled(valid, egui::Button::new("Handout…"));
            if handout.on_disabled_hover_text(why).clicked() {
                actions.push(Action::ChooseFile(FilePurpose::SaveDraftHandout));
            }
            let calendar = ui.add_enabled(valid, egui::Button::new("Calendar file…"));
            if calendar
                .on_hover_text(
                    "The training days as a calendar file (.ics) to give with the handout: \
                     the patient's calendar reminds them",
                )
                .on_disabled_hover_text(why)
                .clicked()
            {
                actions.push(Action::ChooseFile(FilePurpose::SaveDraftCalendar));
            }
            let install = ui.add_enabled(valid, egui::Button::new("Install on this computer"));
            if install
                .on_hover_text("Make it the plan in use here, after the usual preview")
                .on_disabled_hover_text(why)
                .clicked()
            {
                actions.push(Action::Plan(PlanAction::InstallDraft));
            }
            if ui
                .button("Close")
                .on_hover_text("Back to home; the draft is kept in the data folder")
                .clicked()
            {
                actions.push(Action::Plan(PlanAction::CloseEditor));
            }
        });
        ui.horizontal_wrapped(|ui| {
            for tab in EditorTab::ALL {
                let count = problems_in_tab(model.problems, tab);
                let label = if count > 0 {
                    format!("{} ({count})", tab.label())
                } else {
                    tab.label().to_owned()
                };
                ui.selectable_value(&mut draft.tab, tab, label);
            }
        });
        if !model.problems.is_empty() {
            ui.colored_label(
                palette::WARNING,
                format!(
                    "{} problem{} to fix before the plan can be saved (shown beside each field).",
                    model.problems.len(),
                    if model.problems.len() == 1 { "" } else { "s" }
                ),
            );
        } else {
            ui.colored_label(
                palette::DONE,
                "Passes every check: strongback validate accepts it.",
            );
        }
        ui.add_space(4.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match draft.tab {
                EditorTab::Details => {
                    details_tab::details_ui(ui, &mut draft, model.problems, model.today)
                }
                EditorTab::Session => {
                    session_tab::session_ui(ui, &mut draft, model.problems, model.catalog)
                }
                EditorTab::LimitsAndRules => {
                    rules_tab::rules_ui(ui, &mut draft, model.problems, model.catalog)
                }
                EditorTab::Catalog => catalog_tab::catalog_ui(ui, &mut draft, model.catalog),
                EditorTab::Projection => {
                    projection_tab::projection_ui(ui, &mut draft, model.projections, model.catalog)
                }
            });
    });
    if draft != *model.draft {
        actions.insert(0, Action::Plan(PlanAction::EditDraft(Box::new(draft))));
    }
    actions
}

/// The problems whose field belongs to `tab`.
fn problems_in_tab(problems: &[PlanProblem], tab: EditorTab) -> usize {
    problems.iter().filter(|p| tab_of(&p.path) == tab).count()
}

fn tab_of(path: &str) -> EditorTab {
    if path.starts_with("blocks") || path.starts_with("timings") {
        EditorTab::Session
    } else if path.starts_with("limits") || path.starts_with("rules") {
        EditorTab::LimitsAndRules
    } else {
        EditorTab::Details
    }
}

/// Show the problems at exactly `path` under the field, in the warning colour.
fn problems_at(ui: &mut egui::Ui, problems: &[PlanProblem], path: &str) {
    for problem in problems.iter().filter(|p| p.path == path) {
        ui.colored_label(palette::WARNING, format!("Problem: {}", problem.message));
    }
}

/// The problems at `path` on one line that is always there (empty when there are none), so
/// a problem coming or going moves nothing below it; every problem in full on hover.
fn problem_line(ui: &mut egui::Ui, problems: &[PlanProblem], path: &str) {
    problem_text(ui, problems, |p| p == path);
}

/// The problems whose path `matches`, as one truncated line (the first, and how many more),
/// every one in full on hover; an empty line when there are none. Placed at the end of a row
/// that is always there, it moves nothing.
fn problem_text(ui: &mut egui::Ui, problems: &[PlanProblem], matches: impl Fn(&str) -> bool) {
    let here: Vec<&str> = problems
        .iter()
        .filter(|p| matches(&p.path))
        .map(|p| p.message.as_str())
        .collect();
    let text = match here.as_slice() {
        [] => String::new(),
        [one] => format!("Problem: {one}"),
        [first, rest @ ..] => format!("Problem: {first} (and {} more)", rest.len()),
    };
    let line =
        ui.add(egui::Label::new(egui::RichText::new(&text).color(palette::WARNING)).truncate());
    if !here.is_empty() {
        line.on_hover_text(here.join("\n"));
    }
}

/// Whether `path` is `under` or anywhere below it (`blocks[0]` covers its items).
fn is_under(path: &str, under: &str) -> bool {
    path == under
        || path.starts_with(&format!("{under}."))
        || path.starts_with(&format!("{under}["))
}

/// Show the problems at `path` or anywhere below it (`blocks[0]` covers its items).
fn problems_under(ui: &mut egui::Ui, problems: &[PlanProblem], path: &str) {
    for problem in problems.iter().filter(|p| {
        p.path == path
            || p.path.starts_with(&format!("{path}."))
            || p.path.starts_with(&format!("{path}["))
    }) {
        ui.colored_label(palette::WARNING, format!("Problem: {}", problem.message));
    }
}

/// A labelled whole-number field with its range, and the problems at its path.
fn number_row(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut u32,
    range: std::ops::RangeInclusive<u32>,
    unit: &str,
    help: &str,
) {
    ui.horizontal(|ui| {
        let label = ui.label(label).on_hover_text(help);
        ui.add(
            // Typed values are kept as typed; a problem beside the field says when one is
            // outside its range.
            egui::DragValue::new(value)
                .range(crate::domain::plan::ranges::TYPED)
                .suffix(unit)
                .speed(0.2),
        )
        .labelled_by(label.id)
        .on_hover_text(format!(
            "{help} (allowed {} to {})",
            range.start(),
            range.end()
        ));
    });
}
