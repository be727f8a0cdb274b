//! The application: owns the state, applies the screens' actions in one place, moves the
//! engine on with the clock, turns its events into sounds, and has the store save.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::assets::Assets;
use crate::audio::AudioOutput;
use crate::clock::Clock;
use crate::data_file::DataFileError;
use crate::domain::checkin::{Clearance, Day};
use crate::domain::coach;
use crate::domain::plan_diff::plan_changes;
use crate::domain::player::{PlayerState, SessionPlayer, TimedEvent};
use crate::domain::program::Circuit;
use crate::domain::record::{InProgressSession, SessionOutcome, SessionRecord, SessionTimes};
use crate::domain::rules::{DayDecision, Status, decide, todays_circuit};
use crate::domain::timeline::Timeline;
use crate::file_browser::{FileBrowser, FilePurpose};
use crate::plan_file::{self, CheckedPlan};
use crate::settings::Settings;
use crate::store::{Notice, Store};
use crate::ui::checkin::{CheckInDraft, CheckInMode};
use crate::ui::history::HistoryModel;
use crate::ui::summary::ReportDraft;
use crate::ui::{self, Action};

/// Cues due longer ago than this (a frame came very late) are dropped rather than played late.
const STALE_CUE_AFTER: Duration = Duration::from_millis(1500);
/// Wake a little after the display is due to change, so the new second is already there.
const REPAINT_SLACK: Duration = Duration::from_millis(5);

/// What the app is built from; tests pass fakes.
pub struct AppDeps {
    pub clock: Box<dyn Clock>,
    pub audio: Box<dyn AudioOutput>,
    pub store: Store,
    pub assets: Result<Assets, Vec<DataFileError>>,
}

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
    History,
    SessionDetail,
}

enum Screen {
    Home,
    Player,
    Summary {
        record: SessionRecord,
        saved_to: Option<String>,
        report: ReportDraft,
    },
    CheckIn(CheckInDraft),
    History(Box<HistoryModel>),
    SessionDetail {
        index: usize,
        decision: Option<DayDecision>,
    },
    Recovery(InProgressSession),
    LoadError(Vec<String>),
    /// A valid plan file, shown with what would change before the person accepts it.
    PlanPreview {
        candidate: Box<CheckedPlan>,
        source: String,
    },
    /// A plan file that failed the checks; nothing was changed.
    PlanRejected {
        source: String,
        problems: Vec<String>,
    },
}

struct ActiveSession {
    circuit: Circuit,
    player: SessionPlayer,
    started_at: DateTime<FixedOffset>,
    /// (phase index, state) last written to the in-progress file.
    saved: Option<(usize, PlayerState)>,
    /// "End session" is waiting for the person to confirm.
    confirming: bool,
    /// The timer was running when "End session" asked for confirmation.
    resume_if_cancelled: bool,
}

/// Strongback's eframe application.
pub struct StrongbackApp {
    clock: Box<dyn Clock>,
    audio: Box<dyn AudioOutput>,
    store: Store,
    assets: Option<Assets>,
    /// The plan in use: the person's accepted plan, or the built-in one.
    plan: Option<CheckedPlan>,
    file_picker: Option<FileBrowser>,
    screen: Screen,
    session: Option<ActiveSession>,
    settings: Settings,
    notices: Vec<Notice>,
    sessions: Vec<SessionRecord>,
    /// Check-ins, session reports and clearances, by date.
    history: Vec<Day>,
    /// The note typed into the clearance dialog, while it is open.
    clearance_note: Option<String>,
    sound_problem: Option<String>,
    /// Settings changed but not yet written (a slider is still being dragged).
    settings_unsaved: bool,
    /// Frames drawn since start, logged at exit (for measuring idle and timer cost).
    frames_drawn: u64,
}

impl StrongbackApp {
    pub fn new(deps: AppDeps) -> Self {
        let AppDeps {
            clock,
            audio,
            store,
            assets,
        } = deps;
        let mut notices = Vec::new();
        let (settings, settings_notice) = store.load_settings();
        notices.extend(settings_notice);
        let (sessions, session_notices) = store.load_sessions();
        notices.extend(session_notices);
        let (interrupted, interrupted_notice) = store.load_in_progress();
        notices.extend(interrupted_notice);
        let (history, history_notice) = store.load_history();
        notices.extend(history_notice);
        let first_start = !history.iter().any(|d| d.check_in.is_some());
        let (assets, plan, screen) = match assets {
            Err(problems) => (
                None,
                None,
                Screen::LoadError(problems.iter().map(ToString::to_string).collect()),
            ),
            Ok(assets) => {
                let (saved_plan, plan_notice) = store.load_plan(&assets.catalog);
                notices.extend(plan_notice);
                let plan = saved_plan.unwrap_or_else(|| CheckedPlan {
                    plan: assets.plan.clone(),
                    circuit: assets.circuit.clone(),
                });
                let screen = match interrupted {
                    Some(snapshot) => Screen::Recovery(snapshot),
                    None if first_start => {
                        Screen::CheckIn(CheckInDraft::new(CheckInMode::Intake, false))
                    }
                    None => Screen::Home,
                };
                (Some(assets), Some(plan), screen)
            }
        };
        Self {
            clock,
            audio,
            store,
            assets,
            plan,
            file_picker: None,
            screen,
            session: None,
            settings,
            notices,
            sessions,
            history,
            clearance_note: None,
            sound_problem: None,
            settings_unsaved: false,
            frames_drawn: 0,
        }
    }

    pub fn screen_kind(&self) -> ScreenKind {
        match self.screen {
            Screen::Home => ScreenKind::Home,
            Screen::Player => ScreenKind::Player,
            Screen::Summary { .. } => ScreenKind::Summary,
            Screen::Recovery(_) => ScreenKind::Recovery,
            Screen::LoadError(_) => ScreenKind::LoadError,
            Screen::PlanPreview { .. } => ScreenKind::PlanPreview,
            Screen::PlanRejected { .. } => ScreenKind::PlanRejected,
            Screen::CheckIn(_) => ScreenKind::CheckIn,
            Screen::History(_) => ScreenKind::History,
            Screen::SessionDetail { .. } => ScreenKind::SessionDetail,
        }
    }

    /// Check-ins, session reports and clearances, by date.
    pub fn history(&self) -> &[Day] {
        &self.history
    }

    /// Today's decision from the rules, if the data is there.
    pub fn todays_decision(&self) -> Option<DayDecision> {
        self.decision_on(self.today())
    }

    fn today(&self) -> chrono::NaiveDate {
        self.clock.wall().date_naive()
    }

    fn day_mut(&mut self, date: chrono::NaiveDate) -> &mut Day {
        let index = match self.history.iter().position(|d| d.date == date) {
            Some(index) => index,
            None => {
                self.history.push(Day {
                    date,
                    check_in: None,
                    session: None,
                    clearance: None,
                });
                self.history.sort_by_key(|d| d.date);
                self.history
                    .iter()
                    .position(|d| d.date == date)
                    .unwrap_or(0)
            }
        };
        &mut self.history[index]
    }

    fn save_history(&mut self) {
        if let Err(err) = self.store.save_history(&self.history) {
            log::error!("{err}");
            push_notice(
                &mut self.notices,
                format!("Your answers could not be saved: {err}"),
            );
        }
    }

    /// The plan in use.
    pub fn plan(&self) -> Option<&CheckedPlan> {
        self.plan.as_ref()
    }

    /// The open file picker, if any.
    pub fn file_picker(&self) -> Option<&FileBrowser> {
        self.file_picker.as_ref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Saved sessions, oldest first.
    pub fn sessions(&self) -> &[SessionRecord] {
        &self.sessions
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The running session's player, if any.
    pub fn player(&self) -> Option<&SessionPlayer> {
        self.session.as_ref().map(|s| &s.player)
    }

    /// Move the session on to the clock's time; returns when the screen next needs redrawing.
    pub fn tick(&mut self) -> Option<Duration> {
        self.poll_sound_status();
        let now = self.clock.monotonic();
        let events = match &mut self.session {
            Some(session) => session.player.advance(now),
            None => return None,
        };
        self.play_cues(&events);
        self.after_player_change();
        self.session
            .as_ref()
            .and_then(|s| s.player.next_change_in(now))
            .map(|d| d + REPAINT_SLACK)
    }

    /// Apply one action from a screen.
    pub fn apply(&mut self, action: Action) {
        let now = self.clock.monotonic();
        match action {
            Action::StartSession => self.start_after_check_in(now),
            Action::SubmitCheckIn => self.submit_check_in(now),
            Action::SubmitSessionReport => self.submit_session_report(),
            Action::AskClearance => self.clearance_note = Some(String::new()),
            Action::CancelClearance => self.clearance_note = None,
            Action::ConfirmClearance => {
                let note = self.clearance_note.take().unwrap_or_default();
                let today = self.today();
                self.day_mut(today).clearance = Some(Clearance { note });
                self.save_history();
            }
            Action::Pause => self.with_player(|p| {
                p.pause(now);
                Vec::new()
            }),
            Action::Resume => self.with_player(|p| {
                p.resume(now);
                Vec::new()
            }),
            Action::Skip => self.with_player(|p| p.skip(now)),
            Action::Back => self.with_player(|p| p.back(now)),
            Action::Done => self.with_player(|p| p.done(now)),
            Action::AskToEnd => {
                if let Some(session) = &mut self.session {
                    session.confirming = true;
                    session.resume_if_cancelled = session.player.state() == PlayerState::Running;
                    session.player.pause(now);
                }
                self.after_player_change();
            }
            Action::CancelEnd => {
                if let Some(session) = &mut self.session {
                    if session.resume_if_cancelled {
                        session.player.resume(now);
                    }
                    session.confirming = false;
                    session.resume_if_cancelled = false;
                }
                self.after_player_change();
            }
            Action::ConfirmEnd => {
                if let Some(session) = &mut self.session {
                    session.player.end(now);
                }
                self.after_player_change();
            }
            Action::GoHome => self.screen = Screen::Home,
            Action::ResumeInterrupted => self.resume_interrupted(now),
            Action::SaveInterruptedAsPartial => {
                if let Screen::Recovery(snapshot) = &self.screen {
                    let record = snapshot.clone().into_record();
                    // If it cannot be saved, the snapshot stays on disk and is offered again.
                    let _saved = self.save_record(record);
                }
            }
            Action::SetVolume(volume) => {
                self.settings.volume = volume.clamp(0.0, 1.0);
                self.settings_unsaved = true;
            }
            Action::SetBeepsEnabled(enabled) => {
                self.settings.beeps_enabled = enabled;
                self.settings_unsaved = true;
            }
            Action::SetVoiceEnabled(enabled) => {
                self.settings.voice_enabled = enabled;
                self.settings_unsaved = true;
            }
            Action::OpenHistory => self.open_history(),
            Action::OpenSession(index) => {
                let decision = self.sessions.get(index).and_then(|record| {
                    let date = record.started_at.date_naive();
                    self.decision_on(date)
                });
                self.screen = Screen::SessionDetail { index, decision };
            }
            Action::SelectChartExercise(index) => {
                if let Screen::History(model) = &mut self.screen {
                    model.select_exercise(index, &self.sessions);
                }
            }
            Action::SaveReport => self.open_file_dialog(FilePurpose::SaveReport),
            Action::SaveCsv => self.open_file_dialog(FilePurpose::SaveCsv),
            Action::OpenPlan => self.open_file_dialog(FilePurpose::OpenPlan),
            Action::ExportPlan => self.open_file_dialog(FilePurpose::ExportPlan),
            Action::SaveHandout => self.open_file_dialog(FilePurpose::SaveHandout),
            Action::AcceptPlan => self.accept_plan(),
            picker @ (Action::PickerNavigate(_)
            | Action::PickerFileName(_)
            | Action::PickerConfirm
            | Action::PickerCancel) => self.apply_picker(picker),
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
        }
    }

    /// Draw the current screen and collect what the person asked for.
    pub fn screen_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = self.current_screen_ui(ui);
        if let Some(browser) = &self.file_picker {
            actions.extend(ui::file_picker::file_picker_ui(ui.ctx(), browser));
        }
        actions
    }

    fn current_screen_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let now = self.clock.monotonic();
        // Screens with a form being filled in edit their draft directly.
        match &mut self.screen {
            Screen::Summary {
                record,
                saved_to,
                report,
            } => return ui::summary::summary_ui(ui, record, saved_to.as_deref(), report),
            Screen::CheckIn(draft) => return ui::checkin::checkin_ui(ui, draft),
            Screen::History(model) => return ui::history::history_ui(ui, model),
            _ => {}
        }
        let decision = self.todays_decision();
        match &self.screen {
            Screen::PlanPreview { candidate, source } => {
                let (Some(current), Some(assets)) = (&self.plan, &self.assets) else {
                    return vec![Action::GoHome];
                };
                let changes = plan_changes(
                    &current.plan,
                    &current.circuit,
                    &candidate.plan,
                    &candidate.circuit,
                );
                ui::plan_preview::plan_preview_ui(
                    ui,
                    &ui::plan_preview::PlanPreviewModel {
                        source,
                        candidate,
                        changes: &changes,
                        catalog: &assets.catalog,
                    },
                )
            }
            Screen::PlanRejected { source, problems } => {
                ui::plan_preview::plan_rejected_ui(ui, source, problems)
            }
            Screen::LoadError(problems) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| ui::load_error::load_error_ui(ui, problems));
                Vec::new()
            }
            Screen::Recovery(snapshot) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| ui::recovery::recovery_ui(ui, snapshot))
                    .inner
            }
            Screen::Summary { .. } | Screen::CheckIn(_) | Screen::History(_) => Vec::new(),
            Screen::SessionDetail { index, decision } => {
                let Some(record) = self.sessions.get(*index) else {
                    return vec![Action::OpenHistory];
                };
                let date = record.started_at.date_naive();
                let day = self.history.iter().find(|d| d.date == date);
                let light = self.plan.as_ref().and_then(|plan| {
                    crate::domain::progress::lights(&self.history, &plan.plan.rules)
                        .into_iter()
                        .find(|(d, _, _)| *d == date)
                        .map(|(_, light, _)| light)
                });
                ui::session_detail::session_detail_ui(
                    ui,
                    &ui::session_detail::SessionDetailModel {
                        record,
                        pain_before: day.and_then(|d| d.check_in.as_ref()).map(|c| c.back_pain),
                        pain_after: day.and_then(|d| d.session.as_ref()).map(|s| s.worst_pain),
                        light,
                        decision: decision.as_ref(),
                    },
                )
            }
            Screen::Player => match (&self.session, &self.assets) {
                (Some(session), Some(assets)) => {
                    let model = ui::player::PlayerModel {
                        view: session.player.view(now),
                        timeline: session.player.timeline(),
                        circuit: &session.circuit,
                        catalog: &assets.catalog,
                        confirming_end: session.confirming,
                    };
                    ui::player::player_ui(ui, &model)
                }
                _ => vec![Action::GoHome],
            },
            Screen::Home => {
                let (Some(assets), Some(plan)) = (&self.assets, &self.plan) else {
                    return Vec::new();
                };
                let today_circuit = decision
                    .as_ref()
                    .map(|d| todays_circuit(&plan.circuit, d, &assets.catalog));
                let circuit = today_circuit.as_ref().unwrap_or(&plan.circuit);
                let timeline = Timeline::build(circuit);
                let mut model = ui::home::HomeModel {
                    today: self.clock.wall().date_naive(),
                    plan: &plan.plan,
                    decision: decision.as_ref(),
                    checked_in_today: self
                        .history
                        .iter()
                        .any(|d| d.date == self.today() && d.check_in.is_some()),
                    clearance_note: self.clearance_note.as_mut(),
                    circuit,
                    catalog: &assets.catalog,
                    planned_total_secs: timeline.planned_total_secs(),
                    settings: &self.settings,
                    notices: &self.notices,
                    last_session: self.sessions.last(),
                    sound_problem: self.sound_problem.as_deref(),
                };
                ui::home::home_ui(ui, &mut model)
            }
        }
    }

    /// Keep the latest progress on disk; used when the window closes mid-session.
    pub fn save_progress_now(&mut self) {
        if let Some(session) = &self.session
            && session.player.state() != PlayerState::Finished
        {
            self.write_snapshot();
        }
    }

    /// Start: the day's check-in first (once a day), then the session the rules allow.
    fn start_after_check_in(&mut self, now: Duration) {
        let today = self.today();
        let checked_in = self
            .history
            .iter()
            .any(|d| d.date == today && d.check_in.is_some());
        if !checked_in {
            let had_session = self
                .history
                .iter()
                .any(|d| d.date < today && d.session.is_some());
            self.screen = Screen::CheckIn(CheckInDraft::new(CheckInMode::Daily, had_session));
            return;
        }
        let (Some(plan), Some(assets), Some(decision)) =
            (&self.plan, &self.assets, self.todays_decision())
        else {
            return;
        };
        match decision.status {
            Status::Train | Status::Gentle | Status::Deload => {
                let circuit = todays_circuit(&plan.circuit, &decision, &assets.catalog);
                self.start_session(circuit, now);
            }
            Status::Rest | Status::Paused | Status::Stopped => self.screen = Screen::Home,
        }
    }

    fn submit_check_in(&mut self, now: Duration) {
        let Screen::CheckIn(draft) = &self.screen else {
            return;
        };
        let mode = draft.mode;
        let check_in = draft.to_check_in();
        let today = self.today();
        self.day_mut(today).check_in = Some(check_in);
        self.save_history();
        self.screen = Screen::Home;
        if mode == CheckInMode::Daily {
            self.start_after_check_in(now);
        }
    }

    fn submit_session_report(&mut self) {
        let Screen::Summary { record, report, .. } = &mut self.screen else {
            return;
        };
        let Some(answers) = report.to_report() else {
            return;
        };
        report.saved = true;
        let date = record.started_at.date_naive();
        self.day_mut(date).session = Some(answers);
        self.save_history();
    }

    fn start_session(&mut self, circuit: Circuit, now: Duration) {
        let mut player = SessionPlayer::new(Timeline::build(&circuit));
        let events = player.start(now);
        self.session = Some(ActiveSession {
            circuit,
            player,
            started_at: self.clock.wall(),
            saved: None,
            resume_if_cancelled: false,
            confirming: false,
        });
        self.screen = Screen::Player;
        self.play_cues(&events);
        self.after_player_change();
    }

    fn open_file_dialog(&mut self, purpose: FilePurpose) {
        let start_dir = directories::UserDirs::new()
            .map(|d| d.home_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from("."));
        let plan_name = self.plan.as_ref().map_or("plan", |p| p.plan.name.as_str());
        let file_name = match purpose {
            FilePurpose::OpenPlan => String::new(),
            FilePurpose::ExportPlan => format!("{}.ron", file_stem_for(plan_name)),
            FilePurpose::SaveHandout => format!("{}-handout.html", file_stem_for(plan_name)),
            FilePurpose::SaveReport => format!("strongback-report-{}.html", self.today()),
            FilePurpose::SaveCsv => format!("strongback-sessions-{}.csv", self.today()),
        };
        self.file_picker = Some(FileBrowser::new(purpose, start_dir, file_name));
    }

    fn apply_picker(&mut self, action: Action) {
        let Some(browser) = &mut self.file_picker else {
            return;
        };
        match action {
            Action::PickerNavigate(dir) => browser.navigate(dir),
            Action::PickerFileName(name) => browser.file_name = name,
            Action::PickerCancel => self.file_picker = None,
            Action::PickerConfirm => {
                let Some(path) = browser.chosen_path() else {
                    return;
                };
                let purpose = browser.purpose;
                self.file_picker = None;
                match purpose {
                    FilePurpose::OpenPlan => self.check_plan_file(&path),
                    FilePurpose::ExportPlan => self.export_plan(&path),
                    FilePurpose::SaveHandout => self.save_handout(&path),
                    FilePurpose::SaveReport | FilePurpose::SaveCsv => {
                        self.save_report(purpose, &path);
                    }
                }
            }
            _ => {}
        }
    }

    /// Check a chosen plan file; show what would change, or why it was refused.
    fn check_plan_file(&mut self, path: &std::path::Path) {
        let Some(assets) = &self.assets else {
            return;
        };
        let source = path.display().to_string();
        self.screen = match plan_file::read_plan(path, &assets.catalog) {
            Ok(candidate) => Screen::PlanPreview {
                candidate: Box::new(candidate),
                source,
            },
            Err(problems) => Screen::PlanRejected {
                source,
                problems: problems.iter().map(ToString::to_string).collect(),
            },
        };
    }

    fn accept_plan(&mut self) {
        let Screen::PlanPreview { candidate, .. } = &self.screen else {
            return;
        };
        let candidate = (**candidate).clone();
        match self.store.save_plan(&candidate.plan) {
            Ok(()) => {
                push_info(
                    &mut self.notices,
                    format!("Now training from \"{}\".", candidate.plan.name),
                );
                self.plan = Some(candidate);
            }
            Err(err) => push_notice(
                &mut self.notices,
                format!("The plan could not be saved, so it was not changed: {err}"),
            ),
        }
        self.screen = Screen::Home;
    }

    fn export_plan(&mut self, path: &std::path::Path) {
        let Some(plan) = &self.plan else {
            return;
        };
        match crate::store::export_plan(&plan.plan, path) {
            Ok(()) => push_info(
                &mut self.notices,
                format!("Plan exported to {}.", path.display()),
            ),
            Err(err) => push_notice(
                &mut self.notices,
                format!("The plan could not be exported: {err}"),
            ),
        }
    }

    /// The rules' decision for any date, from the history up to it.
    fn decision_on(&self, date: chrono::NaiveDate) -> Option<DayDecision> {
        let (plan, assets) = (self.plan.as_ref()?, self.assets.as_ref()?);
        Some(decide(
            &plan.plan,
            &plan.circuit,
            &assets.catalog,
            &self.history,
            date,
        ))
    }

    fn open_history(&mut self) {
        let Some(plan) = &self.plan else {
            return;
        };
        let today = self.today();
        let first_shown = crate::domain::progress::week_start(today) - chrono::Duration::weeks(11);
        let rest_days: Vec<chrono::NaiveDate> = (0..=(today - first_shown).num_days())
            .map(|n| first_shown + chrono::Duration::days(n))
            .filter(|date| {
                self.decision_on(*date).is_some_and(|d| {
                    matches!(d.status, Status::Rest | Status::Paused | Status::Stopped)
                })
            })
            .collect();
        let model =
            HistoryModel::build(&self.sessions, &self.history, &plan.plan, &rest_days, today);
        self.screen = Screen::History(Box::new(model));
    }

    fn save_report(&mut self, purpose: FilePurpose, path: &std::path::Path) {
        let (Some(plan), Some(assets)) = (&self.plan, &self.assets) else {
            return;
        };
        let today = self.today();
        let text = if purpose == FilePurpose::SaveCsv {
            crate::report::csv_export::sessions_csv(&self.sessions).map_err(|e| e.to_string())
        } else {
            let from = self
                .sessions
                .iter()
                .map(crate::domain::progress::session_date)
                .chain(self.history.iter().map(|d| d.date))
                .min()
                .unwrap_or(today);
            let referrals = crate::domain::rules::referral_events(
                &plan.plan,
                &plan.circuit,
                &assets.catalog,
                &self.history,
                from,
                today,
            );
            Ok(crate::report::clinician::report_html(
                &crate::report::clinician::ReportInput {
                    plan: &plan.plan,
                    sessions: &self.sessions,
                    days: &self.history,
                    from,
                    to: today,
                    referrals: &referrals,
                },
            ))
        };
        let written = text.and_then(|text| {
            crate::store::write_shared(path, text.as_bytes()).map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => push_info(&mut self.notices, format!("Saved {}.", path.display())),
            Err(err) => push_notice(
                &mut self.notices,
                format!("Could not save {}: {err}", path.display()),
            ),
        }
    }

    fn save_handout(&mut self, path: &std::path::Path) {
        let (Some(plan), Some(assets)) = (&self.plan, &self.assets) else {
            return;
        };
        let html = crate::report::handout::handout_html(plan, &assets.catalog);
        match crate::store::write_shared(path, html.as_bytes()) {
            Ok(()) => push_info(
                &mut self.notices,
                format!(
                    "Handout saved to {}. Open it in a web browser to print it.",
                    path.display()
                ),
            ),
            Err(err) => push_notice(
                &mut self.notices,
                format!("The handout could not be saved: {err}"),
            ),
        }
    }

    fn resume_interrupted(&mut self, now: Duration) {
        let Screen::Recovery(snapshot) = &self.screen else {
            return;
        };
        let snapshot = snapshot.clone();
        let timeline = Timeline::build(&snapshot.circuit);
        let player =
            SessionPlayer::recovered(timeline, snapshot.phase_index, snapshot.completed, now);
        self.session = Some(ActiveSession {
            circuit: snapshot.circuit,
            player,
            started_at: snapshot.started_at,
            saved: None,
            resume_if_cancelled: false,
            confirming: false,
        });
        self.screen = Screen::Player;
        self.after_player_change();
    }

    fn with_player(&mut self, act: impl FnOnce(&mut SessionPlayer) -> Vec<TimedEvent>) {
        let events = match &mut self.session {
            Some(session) if !session.confirming => act(&mut session.player),
            _ => return,
        };
        self.play_cues(&events);
        self.after_player_change();
    }

    fn play_cues(&mut self, events: &[TimedEvent]) {
        let Some(session) = &self.session else {
            return;
        };
        for timed in events.iter().filter(|e| e.late_by <= STALE_CUE_AFTER) {
            for cue in coach::cues_for(timed.event, session.player.timeline(), &session.circuit) {
                let wanted = if cue.is_voice() {
                    self.settings.voice_enabled
                } else {
                    self.settings.beeps_enabled
                };
                if wanted && self.settings.volume > 0.0 {
                    self.audio.play(&cue, self.settings.volume);
                }
            }
        }
    }

    /// Save the snapshot when the phase or state changed; finish the session when it ended.
    fn after_player_change(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        let state = session.player.state();
        if state == PlayerState::Finished {
            self.finish_session();
            return;
        }
        let current = (session.player.index(), state);
        if session.saved != Some(current) {
            self.write_snapshot();
        }
    }

    fn write_snapshot(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        let snapshot = snapshot_of(session, self.clock.as_ref());
        // Remember the attempt either way, so a full disk is not retried every frame.
        session.saved = Some((session.player.index(), session.player.state()));
        if let Err(err) = self.store.save_in_progress(&snapshot) {
            log::warn!("{err}");
            push_notice(
                &mut self.notices,
                format!("Progress could not be saved: {err}"),
            );
        }
    }

    fn finish_session(&mut self) {
        let Some(session) = self.session.take() else {
            return;
        };
        let now = self.clock.monotonic();
        let outcome = if session.player.ended_early() {
            SessionOutcome::EndedEarly
        } else {
            SessionOutcome::Completed
        };
        let record = SessionRecord::build(
            &session.circuit,
            session.player.timeline(),
            session.player.completed(),
            SessionTimes {
                started_at: session.started_at,
                ended_at: self.clock.wall(),
                active_secs: session.player.active_time(now).as_secs(),
            },
            outcome,
        );
        if !self.save_record(record) {
            // Keep everything that was done where the next start will find it.
            let snapshot = snapshot_of(&session, self.clock.as_ref());
            if let Err(err) = self.store.save_in_progress(&snapshot) {
                log::error!("{err}");
            }
        }
    }

    /// Save a finished record, then forget the in-progress snapshot (only once saved).
    /// Returns whether the record was saved.
    fn save_record(&mut self, record: SessionRecord) -> bool {
        let saved_to = match self.store.save_session(&record) {
            Ok(path) => {
                if let Err(err) = self.store.clear_in_progress() {
                    log::warn!("{err}");
                }
                self.sessions.push(record.clone());
                Some(path.display().to_string())
            }
            Err(err) => {
                log::error!("{err}");
                push_notice(
                    &mut self.notices,
                    format!("The session could not be saved: {err}"),
                );
                None
            }
        };
        let saved = saved_to.is_some();
        let report = ReportDraft::from_record(&record);
        self.screen = Screen::Summary {
            record,
            saved_to,
            report,
        };
        saved
    }

    /// Write changed settings; called once the pointer is released, not on every drag frame.
    pub fn save_settings_if_changed(&mut self) {
        if !self.settings_unsaved {
            return;
        }
        self.settings_unsaved = false;
        if let Err(err) = self.store.save_settings(&self.settings) {
            log::warn!("{err}");
            push_notice(
                &mut self.notices,
                format!("Settings could not be saved: {err}"),
            );
        }
    }

    fn poll_sound_status(&mut self) {
        if let Some(reason) = self.audio.take_unavailable_reason() {
            push_notice(
                &mut self.notices,
                format!(
                    "Sound is unavailable ({reason}). The timer and screen work as usual, without sound."
                ),
            );
            self.sound_problem = Some(reason);
        }
    }
}

/// The session as it stands, for the in-progress file.
fn snapshot_of(session: &ActiveSession, clock: &dyn Clock) -> InProgressSession {
    InProgressSession {
        schema_version: InProgressSession::SCHEMA_VERSION,
        started_at: session.started_at,
        updated_at: clock.wall(),
        active_secs: session.player.active_time(clock.monotonic()).as_secs(),
        phase_index: session.player.index(),
        circuit: session.circuit.clone(),
        completed: session.player.completed().to_vec(),
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

/// Add a problem notice unless the same text is already showing.
fn push_notice(notices: &mut Vec<Notice>, text: String) {
    push(notices, Notice::problem(text));
}

/// Add an informational notice unless the same text is already showing.
fn push_info(notices: &mut Vec<Notice>, text: String) {
    push(notices, Notice::info(text));
}

fn push(notices: &mut Vec<Notice>, notice: Notice) {
    if !notices.iter().any(|n| n.text == notice.text) {
        notices.push(notice);
    }
}

impl eframe::App for StrongbackApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(wake_in) = self.tick() {
            ctx.request_repaint_after(wake_in);
        }
        if !ctx.input(|i| i.pointer.any_down()) {
            self.save_settings_if_changed();
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.save_progress_now();
            self.save_settings_if_changed();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames_drawn += 1;
        log::trace!("frame {}", self.frames_drawn);
        let actions = self.screen_ui(ui);
        let changed = !actions.is_empty();
        for action in actions {
            self.apply(action);
        }
        if changed {
            // The screen may have changed (new phase, new screen): draw it now, and let
            // `tick` plan the next wake-up.
            ui.ctx().request_repaint();
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_settings_if_changed();
        log::info!(
            "drew {} frames in {:.1} s",
            self.frames_drawn,
            self.clock.monotonic().as_secs_f64()
        );
        self.save_progress_now();
    }
}
