//! Each screen's view model, built from the app's state, and the screen drawn from it.

use crate::domain::plan::diff::plan_changes;
use crate::ui::Destination;
use crate::ui::{self, Action};

use super::StrongbackApp;
use super::screens::Screen;

impl StrongbackApp {
    pub(super) fn current_screen_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        if matches!(self.screen, Screen::Home) {
            return self.home_ui(ui);
        }
        if matches!(self.screen, Screen::Today(_)) {
            // Worth telling the clinician: a fall in how well the person can do what they
            // named (it changes nothing in the session).
            let activity_fall =
                crate::domain::care::checkin::activity_log(self.care.day_book.days())
                    .fall_sentence();
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
                    activity_fall,
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
                    answers_waiting: summary.answers_waiting,
                },
            ),
            Screen::CheckIn(draft) => ui::checkin_screen::checkin_ui(ui, draft),
            Screen::Reminders(state) => ui::reminders_screen::reminders_ui(
                ui,
                &ui::reminders_screen::RemindersModel {
                    draft: &state.draft,
                    availability: &state.availability,
                    sessions_per_week: self
                        .plans
                        .in_use
                        .as_ref()
                        .map_or(3, |p| p.plan.sessions_per_week),
                },
            ),
            Screen::History(model) => ui::history_screen::history_ui(ui, model),
            Screen::PlanPreview {
                candidate, source, ..
            } => {
                let (Some(current), Some(assets)) = (&self.plans.in_use, &self.assets) else {
                    return vec![Action::Go(Destination::Home)];
                };
                let changes = plan_changes(
                    &current.plan,
                    &current.circuit,
                    &candidate.plan,
                    &candidate.circuit,
                    &assets.catalog,
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
            Screen::ClockBehind(clock) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| ui::clock_screen::clock_behind_ui(ui, clock))
                    .inner
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
            Screen::Player => match (&self.workout.running, &self.assets) {
                (Some(session), Some(assets)) => {
                    let model = ui::player_screen::PlayerModel {
                        view: session.player.view(now),
                        timeline: session.player.timeline(),
                        circuit: &session.circuit,
                        catalog: &assets.catalog,
                        confirming_end: session.confirming,
                        reduce_motion: self.prefs.reduce_motion(),
                    };
                    ui::player_screen::player_ui(ui, &model)
                }
                _ => vec![Action::Go(Destination::Home)],
            },
        }
    }

    fn home_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let today = self.today();
        if !self.care.day_book.is_loaded() {
            return ui::home_screen::reading_history_ui(ui);
        }
        if self.today_cache().is_none() {
            return Vec::new();
        }
        let (Some(assets), Some(plan), Some(cache)) =
            (&self.assets, &self.plans.in_use, &self.care.today_cache)
        else {
            return Vec::new();
        };
        let sound_problem = self.prefs.sound_problem.as_ref().map(ToString::to_string);
        let model = ui::home_screen::HomeModel {
            today,
            plan: &plan.plan,
            decision: cache.decision.as_ref(),
            checked_in_today: cache.checked_in_today,
            clearance_note: self.care.clearance_note.as_deref(),
            asking_seen_clinician: self.care.asking_seen_clinician,
            circuit: &cache.circuit,
            catalog: &assets.catalog,
            planned_total_secs: cache.planned_total_secs,
            settings: &self.prefs.settings,
            reduce_motion: self.prefs.reduce_motion(),
            last_session: self.past_sessions.latest(),
            sound_problem: sound_problem.as_deref(),
            progress: &cache.progress,
            has_plan_draft: self.has_plan_draft(),
            about_open: self.window.about_open,
        };
        ui::home_screen::home_ui(ui, &model)
    }
}
