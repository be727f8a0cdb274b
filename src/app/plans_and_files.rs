//! The file picker and what it is for: opening a plan file (preview, accept), exporting the
//! plan, and saving the handout, the clinician report or the CSV.

use std::path::{Path, PathBuf};

use crate::domain::care::answers::CheckInMode;
use crate::domain::plan::checks::CheckedPlan;
use crate::platform::file_browser::{FileBrowser, FilePurpose};
use crate::report::handout::handout_html;
use crate::store::{export_plan, plan_file, write_shared};
use crate::ui::PickerAction;

use super::StrongbackApp;
use super::screens::Screen;

/// The plan part's state: the plan in use and the file picker.
pub(super) struct PlanState {
    /// The person's accepted plan, or the built-in one (`None` when the bundled files could
    /// not be read).
    pub in_use: Option<CheckedPlan>,
    pub file_picker: Option<FileBrowser>,
    /// A plan file given at start (`strongback open`) while something else had to come
    /// first (an interrupted session): shown the next time home would be.
    pub waiting_file: Option<PathBuf>,
    /// The first start's questions, asked once the person has seen the plan file given at
    /// start (whose agreed activities they rate).
    pub intake_after_file: bool,
}

impl StrongbackApp {
    /// Open the file picker for one of the file actions.
    pub(super) fn open_file_dialog(&mut self, purpose: FilePurpose) {
        let start_dir = self
            .prefs
            .settings
            .last_folder
            .clone()
            .filter(|dir| dir.is_dir())
            .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
            .unwrap_or_else(|| PathBuf::from("."));
        let draft_name = self.draft_name();
        let plan_name = match &draft_name {
            Some(name) => name.as_str(),
            None => self
                .plans
                .in_use
                .as_ref()
                .map_or("plan", |p| p.plan.name.as_str()),
        };
        let file_name = match purpose {
            FilePurpose::OpenPlan => String::new(),
            FilePurpose::ExportPlan => format!("{}.ron", file_stem_for(plan_name)),
            FilePurpose::SaveHandout => format!("{}-handout.html", file_stem_for(plan_name)),
            FilePurpose::SaveReport => format!("strongback-report-{}.html", self.today()),
            FilePurpose::SaveCsv => format!("strongback-sessions-{}.csv", self.today()),
            FilePurpose::SaveSession => self.unsaved_file_name(),
            FilePurpose::SaveDraftPlan => format!("{}.ron", file_stem_for(plan_name)),
            FilePurpose::SaveDraftHandout => {
                format!("{}-handout.html", file_stem_for(plan_name))
            }
            FilePurpose::SaveCalendar | FilePurpose::SaveDraftCalendar => {
                format!("{}-training-days.ics", file_stem_for(plan_name))
            }
        };
        self.plans.file_picker = Some(FileBrowser::new(purpose, start_dir, file_name));
    }

    pub(super) fn apply_picker(&mut self, action: PickerAction) {
        let Some(browser) = &mut self.plans.file_picker else {
            return;
        };
        match action {
            PickerAction::Navigate(dir) => browser.navigate(dir),
            PickerAction::FileName(name) => browser.set_file_name(name),
            PickerAction::Cancel => self.plans.file_picker = None,
            PickerAction::Confirm => {
                let Some(path) = browser.confirm() else {
                    return;
                };
                let purpose = browser.purpose;
                self.plans.file_picker = None;
                if let Some(folder) = path.parent()
                    && self.prefs.settings.last_folder.as_deref() != Some(folder)
                {
                    self.prefs.settings.last_folder = Some(folder.to_path_buf());
                    self.prefs.unsaved = true;
                }
                match purpose {
                    FilePurpose::OpenPlan => self.check_plan_file(&path),
                    FilePurpose::ExportPlan => self.export_plan(&path),
                    FilePurpose::SaveHandout => self.save_handout(&path),
                    FilePurpose::SaveReport => self.save_report(&path),
                    FilePurpose::SaveCsv => self.save_csv(&path),
                    FilePurpose::SaveSession => self.save_unsaved_session_to(&path),
                    FilePurpose::SaveDraftPlan => self.save_draft_plan_to(&path),
                    FilePurpose::SaveDraftHandout => self.save_draft_handout_to(&path),
                    FilePurpose::SaveCalendar => self.save_calendar_to(&path),
                    FilePurpose::SaveDraftCalendar => self.save_draft_calendar_to(&path),
                }
            }
        }
    }

    /// Open a plan file given on the command line (`strongback open`, "Open with
    /// Strongback"): what it would change, or why it was refused; accepting it is the
    /// person's choice, as from "Open plan…".
    pub fn open_plan_file(&mut self, path: &Path) {
        match &self.screen {
            Screen::Home => self.check_plan_file(path),
            // A first start: the plan first, then the questions (its agreed activities are
            // the ones rated).
            Screen::CheckIn(draft) if draft.answers.mode == CheckInMode::Intake => {
                self.plans.intake_after_file = true;
                self.check_plan_file(path);
            }
            _ => self.plans.waiting_file = Some(path.to_path_buf()),
        }
    }

    /// Where "home" leads while a plan file given at start is still to be seen, or the
    /// first start's questions still to be asked after it.
    pub(super) fn home_or_waiting(&mut self) -> Option<Screen> {
        if std::mem::take(&mut self.plans.intake_after_file) {
            return Some(Screen::CheckIn(Box::new(
                self.check_in_draft(CheckInMode::Intake, false),
            )));
        }
        let path = self.plans.waiting_file.take()?;
        let assets = self.assets.as_ref()?;
        Some(Self::plan_file_screen(&path, &assets.catalog))
    }

    /// Check a chosen plan file; show what would change, or why it was refused.
    fn check_plan_file(&mut self, path: &Path) {
        let Some(assets) = &self.assets else {
            return;
        };
        let screen = Self::plan_file_screen(path, &assets.catalog);
        self.show(screen);
    }

    /// What a plan file would change, or why it was refused.
    fn plan_file_screen(path: &Path, catalog: &crate::domain::plan::catalog::Catalog) -> Screen {
        let source = path.display().to_string();
        match plan_file::read_plan(path, catalog) {
            Ok(candidate) => Screen::PlanPreview {
                candidate: Box::new(candidate),
                source,
                from_editor: false,
            },
            Err(problems) => Screen::PlanRejected { source, problems },
        }
    }

    pub(super) fn accept_plan(&mut self) {
        let Screen::PlanPreview {
            candidate,
            from_editor,
            ..
        } = &self.screen
        else {
            return;
        };
        let from_editor = *from_editor;
        let candidate: CheckedPlan = (**candidate).clone();
        match self.store.save_plan(&candidate.plan) {
            Ok(()) => {
                self.notices
                    .info(format!("Now training from \"{}\".", candidate.plan.name));
                // The editor's draft is done with once it is the plan in use.
                if from_editor && let Err(err) = self.store.remove_plan_draft() {
                    log::warn!("{err}");
                }
                self.plans.in_use = Some(candidate);
                // A new plan from a clinician ends an open referral (clinical spec §5 R7).
                self.record_seen_clinician(super::care::PLAN_ACCEPTED_NOTE.to_owned());
            }
            Err(err) => self.notices.problem(format!(
                "The plan could not be saved, so it was not changed: {err}"
            )),
        }
        self.show(Screen::Home);
    }

    fn export_plan(&mut self, path: &Path) {
        let Some(plan) = &self.plans.in_use else {
            return;
        };
        match export_plan(&plan.plan, path) {
            Ok(()) => self
                .notices
                .info(format!("Plan exported to {}.", path.display())),
            Err(err) => self
                .notices
                .problem(format!("The plan could not be exported: {err}")),
        }
    }

    fn save_handout(&mut self, path: &Path) {
        if let Some(plan) = self.plans.in_use.clone() {
            self.write_handout(&plan, path);
        }
    }

    /// The printable handout of `plan` at `path`, and a notice saying where (or why not).
    pub(super) fn write_handout(&mut self, plan: &CheckedPlan, path: &Path) {
        let Some(assets) = &self.assets else {
            return;
        };
        let html = handout_html(plan, &assets.catalog);
        match write_shared(path, html.as_bytes()) {
            Ok(()) => self.notices.info(format!(
                "Handout saved to {}. Open it in a web browser to print it.",
                path.display()
            )),
            Err(err) => self
                .notices
                .problem(format!("The handout could not be saved: {err}")),
        }
    }
}

/// A file name from a plan name: "Leg-friendly core plan" -> "leg-friendly-core-plan".
fn file_stem_for(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "plan".to_owned()
    } else {
        stem
    }
}
