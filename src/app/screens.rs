//! Which screen is showing, and the view model each screen is drawn from. Screens only read
//! these models and return actions.

use crate::ui::action::{Destination};
use crate::domain::care::answers::SessionAnswers;
use crate::domain::care::rules::{DayDecision, Light};
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::plan::diff::plan_changes;
use crate::domain::session::record::{InProgressSession, SessionRecord};
use crate::store::ron_file::FileProblems;
use crate::ui::checkin_screen::CheckInDraft;
use crate::ui::history_screen::HistoryModel;
use crate::ui::{self, Action};

use super::StrongbackApp;

/// Which screen is showing (for tests and the window title).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenKind {
    Home,
    Player,
    Summary,
    Recovery,
    LoadError,
    PlanPreview,
    PlanRejected,
    CheckIn,
    /// After the check-in: what the rules made of it, before starting.
    Today,
    History,
    SessionDetail,
    PlanEditor,
}

impl ScreenKind {
    /// The screen's name, as the window's accessible name says it ("Strongback: Check-in").
    pub fn title(self) -> &'static str {
        match self {
            ScreenKind::Home => "Home",
            ScreenKind::Player => "Session",
            ScreenKind::Summary => "Session finished",
            ScreenKind::Recovery => "Unfinished session",
            ScreenKind::LoadError => "Cannot start",
            ScreenKind::PlanPreview => "Open plan",
            ScreenKind::PlanRejected => "Plan not usable",
            ScreenKind::CheckIn => "Check-in",
            ScreenKind::Today => "Today",
            ScreenKind::History => "History",
            ScreenKind::SessionDetail => "Past session",
            ScreenKind::PlanEditor => "Plan editor",
        }
    }
}

/// The screen showing, with the state only it needs.
pub(super) enum Screen {
    Home,
    Player,
    Summary(Box<SummaryState>),
    CheckIn(Box<CheckInDraft>),
    /// The day's decision after the check-in; the answers, to change them.
    Today(Box<CheckInDraft>),
    History(Box<HistoryModel>),
    SessionDetail {
        index: usize,
        decision: Option<DayDecision>,
        /// The session's light, found once when the screen opens.
        light: Option<Light>,
    },
    Recovery(Box<InProgressSession>),
    LoadError(FileProblems),
    /// A valid plan file, shown with what would change before the person accepts it.
    PlanPreview {
        candidate: Box<CheckedPlan>,
        source: String,
    },
    /// A plan file that failed the checks; nothing was changed.
    PlanRejected {
        source: String,
        problems: FileProblems,
    },
    /// The physio's plan editor.
    PlanEditor(Box<super::plan_editing::EditorState>),
}

/// A finished session and the after-session answers being given.
pub(super) struct SummaryState {
    pub record: SessionRecord,
    /// Where the record was saved, or `None` when it could not be.
    pub saved_to: Option<String>,
    pub answers: SessionAnswers,
    pub answers_saved: bool,
}

impl Screen {
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Home => ScreenKind::Home,
            Screen::Player => ScreenKind::Player,
            Screen::Summary(_) => ScreenKind::Summary,
            Screen::Recovery(_) => ScreenKind::Recovery,
            Screen::LoadError(_) => ScreenKind::LoadError,
            Screen::PlanPreview { .. } => ScreenKind::PlanPreview,
            Screen::PlanRejected { .. } => ScreenKind::PlanRejected,
            Screen::CheckIn(_) => ScreenKind::CheckIn,
            Screen::Today(_) => ScreenKind::Today,
            Screen::History(_) => ScreenKind::History,
            Screen::SessionDetail { .. } => ScreenKind::SessionDetail,
            Screen::PlanEditor(_) => ScreenKind::PlanEditor,
        }
    }
}

impl StrongbackApp {
    pub(super) fn current_screen_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        if matches!(self.screen, Screen::Home) {
            return self.home_ui(ui);
        }
        if matches!(self.screen, Screen::Today(_)) {
            let Some(cache) = self.today_cache() else {
                return Vec::new();
            };
            let Some(decision) = &cache.decision else {
                return vec![Action::Go(Destination::Home)];
            };
            return ui::today_screen::today_ui(
                ui,
                &ui::today_screen::TodayModel {
                    decision,
                    planned_total_secs: cache.planned_total_secs,
                    exercise_count: decision.exercises.len(),
                },
            );
        }
        if matches!(self.screen, Screen::PlanEditor(_)) {
            return self.plan_editor_screen_ui(ui);
        }
        let now = self.clock.monotonic();
        match &self.screen {
            Screen::Home | Screen::Today(_) | Screen::PlanEditor(_) => Vec::new(),
            Screen::Summary(summary) => ui::summary_screen::summary_ui(
                ui,
                &ui::summary_screen::SummaryModel {
                    record: &summary.record,
                    saved_to: summary.saved_to.as_deref(),
                    answers: &summary.answers,
                    answers_saved: summary.answers_saved,
                },
            ),
            Screen::CheckIn(draft) => ui::checkin_screen::checkin_ui(ui, draft),
            Screen::History(model) => ui::history_screen::history_ui(ui, model),
            Screen::PlanPreview { candidate, source } => {
                let (Some(current), Some(assets)) = (&self.plan, &self.assets) else {
                    return vec![Action::Go(Destination::Home)];
                };
                let changes = plan_changes(
                    &current.plan,
                    &current.circuit,
                    &candidate.plan,
                    &candidate.circuit,
                );
                ui::plan_preview_screen::plan_preview_ui(
                    ui,
                    &ui::plan_preview_screen::PlanPreviewModel {
                        source,
                        candidate,
                        changes: &changes,
                        catalog: &assets.catalog,
                    },
                )
            }
            Screen::PlanRejected { source, problems } => {
                ui::plan_preview_screen::plan_rejected_ui(ui, source, problems)
            }
            Screen::LoadError(problems) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| ui::load_error_screen::load_error_ui(ui, problems));
                Vec::new()
            }
            Screen::Recovery(snapshot) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| ui::recovery_screen::recovery_ui(ui, snapshot))
                    .inner
            }
            Screen::SessionDetail {
                index,
                decision,
                light,
            } => self.session_detail_ui(ui, *index, decision.as_ref(), *light),
            Screen::Player => match (&self.session, &self.assets) {
                (Some(session), Some(assets)) => {
                    let model = ui::player_screen::PlayerModel {
                        view: session.player.view(now),
                        timeline: session.player.timeline(),
                        circuit: &session.circuit,
                        catalog: &assets.catalog,
                        confirming_end: session.confirming,
                    };
                    ui::player_screen::player_ui(ui, &model)
                }
                _ => vec![Action::Go(Destination::Home)],
            },
        }
    }

    fn home_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let today = self.today();
        if !self.history.is_loaded() {
            return ui::home_screen::reading_history_ui(ui);
        }
        if self.today_cache().is_none() {
            return Vec::new();
        }
        let (Some(assets), Some(plan), Some(cache)) = (&self.assets, &self.plan, &self.today)
        else {
            return Vec::new();
        };
        let sound_problem = self.sound_problem.as_ref().map(ToString::to_string);
        let model = ui::home_screen::HomeModel {
            today,
            plan: &plan.plan,
            decision: cache.decision.as_ref(),
            checked_in_today: cache.checked_in_today,
            clearance_note: self.clearance_note.as_deref(),
            asking_seen_clinician: self.asking_seen_clinician,
            circuit: &cache.circuit,
            catalog: &assets.catalog,
            planned_total_secs: cache.planned_total_secs,
            settings: &self.settings,
            last_session: self.sessions.latest(),
            sound_problem: sound_problem.as_deref(),
            progress: &cache.progress,
            has_plan_draft: self.has_plan_draft(),
            about_open: self.about_open,
        };
        ui::home_screen::home_ui(ui, &model)
    }
}
