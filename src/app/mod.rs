//! The application: owns the state and applies the screens' actions in one place
//! ([`StrongbackApp::apply`]). Each concern lives in a file of its own:
//!
//! - `screens`: which screen is showing and the view model each one is drawn from;
//! - `workout`: the session under way (engine, cues, snapshots, the finished record);
//! - `care`: check-ins, after-session answers, clearances and today's decision (cached);
//! - `plans_and_files`: the file picker, plan files, export and handout;
//! - `progress_views`: history, session detail, the clinician report and CSV;
//! - `preferences`: sound settings and the sound device's status;
//! - `session_archive`: past session records, loaded in the background;
//! - `notice_board`: what the person is told.

mod care;
mod day_book;
mod editor_state;
mod history_model;
mod notice_board;
mod plan_editing;
mod plans_and_files;
mod preferences;
mod progress_views;
mod reminders;
mod rescue;
mod screens;
mod session_archive;
mod startup;
mod views;
mod window;
mod workout;

use std::time::Duration;

use crate::domain::care::checkin::Day;
use crate::domain::care::rules::DayDecision;
use crate::domain::plan::checks::CheckedPlan;
use crate::domain::session::player::PlayerState;
use crate::domain::session::player::SessionPlayer;
use crate::domain::session::record::SessionRecord;
use crate::platform::clock::Clock;
use crate::platform::file_browser::FileBrowser;
use crate::platform::screen_awake::{NoScreenAwake, ScreenAwake};
use crate::platform::sound::AudioOutput;
use crate::store::Store;
use crate::store::bundled::Assets;
use crate::store::ron_file::FileProblems;
use crate::store::settings_file::Settings;
use crate::ui::Action;
use crate::ui::widgets::notices::Notice;
use crate::ui::{CareAction, Destination, PlanAction, ProgressAction, SessionAction};

use care::CareState;
use notice_board::Notices;
use plans_and_files::PlanState;
use preferences::Preferences;
use screens::Screen;
use session_archive::SessionArchive;
use window::WindowState;
use workout::Workout;

pub use editor_state::{EditorStart, empty_plan};
pub use screens::ScreenKind;
pub use startup::StartupLoad;

/// What the app is built from; tests pass fakes.
pub struct AppDeps {
    pub clock: Box<dyn Clock>,
    pub audio: Box<dyn AudioOutput>,
    pub store: Store,
    pub assets: Result<Assets, FileProblems>,
}

/// Strongback's eframe application: the outside world it talks to, and its state by part.
pub struct StrongbackApp {
    clock: Box<dyn Clock>,
    audio: Box<dyn AudioOutput>,
    store: Store,
    assets: Option<Assets>,
    screen: Screen,
    notices: Notices,
    /// The session being played and finished sessions not yet saved.
    workout: Workout,
    /// Check-ins, answers and clearances, today's decision and the clinician dialogs.
    care: CareState,
    /// The plan in use and the file picker.
    plans: PlanState,
    /// Past session records, loaded in the background.
    past_sessions: SessionArchive,
    /// Sound and display settings and the sound device's status.
    prefs: Preferences,
    /// Window-level state: full screen, the About box, frames drawn.
    window: WindowState,
    /// Keeps the screen on while a session runs.
    screen_awake: Box<dyn ScreenAwake>,
    /// What sends the training reminder while the app is closed.
    reminder_scheduler: Box<dyn crate::platform::reminder_timer::ReminderScheduler>,
}

impl StrongbackApp {
    /// Load what the home screen needs (settings, history, plan, the newest session and any
    /// interrupted one); older session records load in the background.
    pub fn new(deps: AppDeps) -> Self {
        let today = deps.clock.wall().date_naive();
        let early = StartupLoad::begin(&deps.store, deps.assets.as_ref().ok(), today);
        Self::with_startup_load(deps, early)
    }

    /// As [`Self::new`], with the history already on its way: the window begins reading it
    /// before its graphics are set up, which takes as long as reading years of history.
    pub fn with_startup_load(deps: AppDeps, early: StartupLoad) -> Self {
        let AppDeps {
            clock,
            audio,
            store,
            assets,
        } = deps;
        let mut notices = Notices::default();
        let (settings, settings_problem) = store.load_settings();
        // What the last run could not save: its sessions before the snapshot is read (a
        // snapshot of a session saved now is dropped as saved).
        let (rescue, rescue_problem) = store.load_rescue();
        let rescued_sessions = rescue
            .as_ref()
            .map(|rescue| rescue::save_rescued_sessions(&store, rescue));
        let (interrupted, interrupted_problem) = store.load_in_progress();
        let StartupLoad {
            saved_plan: (saved_plan, plan_problem),
            day_book: (history, history_problem),
            sessions: (sessions, session_problems),
        } = early;
        for problem in settings_problem
            .iter()
            .chain(&rescue_problem)
            .chain(&interrupted_problem)
            .chain(&history_problem)
            .chain(&session_problems)
        {
            notices.unreadable(problem);
        }
        // After any problem with a file: those matter more.
        if store.was_made_private() {
            notices.info(
                "Your data folder could be read by other users of this computer; it is now \
                 private to you."
                    .to_owned(),
            );
        }
        // A history still loading is a large one: not a first start.
        let first_start =
            history.is_loaded() && !history.days().iter().any(|d| d.check_in.is_some());
        let (assets, plan, screen) = match assets {
            Err(problems) => (None, None, Screen::LoadError(problems)),
            Ok(assets) => {
                if let Some(problem) = &plan_problem {
                    notices.unreadable(problem);
                }
                let plan = saved_plan.unwrap_or_else(|| assets.plan.clone());
                let screen = match interrupted {
                    Some(snapshot) if snapshot.has_work_done() => {
                        Screen::Recovery(Box::new(snapshot))
                    }
                    Some(_) => {
                        // Stopped before any work: nothing to resume or keep.
                        if let Err(err) = store.clear_in_progress() {
                            log::warn!("{err}");
                        }
                        log::info!("an unfinished session with no work done was dropped");
                        Screen::Home
                    }
                    None => Screen::Home,
                };
                (Some(assets), Some(plan), screen)
            }
        };
        let intake = first_start && matches!(screen, Screen::Home);
        let mut app = Self {
            clock,
            audio,
            store,
            assets,
            screen,
            notices,
            workout: Workout::default(),
            care: CareState::new(history),
            plans: PlanState {
                in_use: plan,
                file_picker: None,
                waiting_file: None,
                intake_after_file: false,
            },
            past_sessions: sessions,
            prefs: Preferences::new(settings),
            window: WindowState::default(),
            screen_awake: Box::new(NoScreenAwake::default()),
            reminder_scheduler: Box::new(crate::platform::reminder_timer::NoScheduler::default()),
        };
        if let (Some(rescue), Some(sessions)) = (rescue, rescued_sessions) {
            app.take_in_rescue(rescue, sessions);
        }
        // (The rescued answers may hold the intake's check-in.)
        let intake = intake
            && !app
                .care
                .day_book
                .days()
                .iter()
                .any(|d| d.check_in.is_some());
        if intake {
            let draft =
                app.check_in_draft(crate::domain::care::answers::CheckInMode::Intake, false);
            app.screen = Screen::CheckIn(Box::new(draft));
        }
        app
    }

    /// Use the desktop's screen-saver inhibitor (the window does; tests keep the stand-in).
    #[must_use]
    pub fn with_screen_awake(mut self, screen_awake: Box<dyn ScreenAwake>) -> Self {
        self.screen_awake = screen_awake;
        self
    }

    /// Whether the app is holding the screen on (a session is running).
    pub fn keeps_screen_on(&self) -> bool {
        self.screen_awake.is_awake()
    }

    /// The index of the session's current phase, while a session runs (for tests).
    pub fn session_phase_index(&self) -> Option<usize> {
        let now = self.clock.monotonic();
        self.workout
            .running
            .as_ref()
            .map(|s| s.player.view(now).index)
    }

    pub fn screen_kind(&self) -> ScreenKind {
        self.screen.kind()
    }

    /// Check-ins, session reports and clearances, by date.
    pub fn history(&self) -> &[Day] {
        self.care.day_book.days()
    }

    /// Wait until the history is loaded (it loads in the background when large).
    pub fn wait_for_history(&mut self) {
        if self.care.day_book.is_loaded() {
            return;
        }
        if let Some(problem) = self.care.day_book.wait() {
            self.notices.unreadable(&problem);
        }
        self.forget_todays_decision();
    }

    /// The plan in use.
    pub fn plan(&self) -> Option<&CheckedPlan> {
        self.plans.in_use.as_ref()
    }

    /// The open file picker, if any.
    pub fn file_picker(&self) -> Option<&FileBrowser> {
        self.plans.file_picker.as_ref()
    }

    pub fn settings(&self) -> &Settings {
        &self.prefs.settings
    }

    /// Saved sessions known so far, oldest first: all of them once [`Self::wait_for_sessions`]
    /// has returned or History has been opened (until a session starts); otherwise the newest.
    pub fn sessions(&self) -> &[SessionRecord] {
        self.past_sessions.known()
    }

    /// Read every past session record (History and the reports do this first).
    pub fn wait_for_sessions(&mut self) {
        for problem in self.past_sessions.read_all(&self.store) {
            self.notices.unreadable(&problem);
        }
        self.say_if_sessions_incomplete();
    }

    /// Wait for what start-up reads in the background: the history, and when each past
    /// session started and how it ended (not the full records: see [`Self::wait_for_sessions`]).
    pub fn wait_for_background_loading(&mut self) {
        self.wait_for_history();
        for problem in self.past_sessions.wait() {
            self.notices.unreadable(&problem);
        }
        self.say_if_sessions_incomplete();
    }

    fn say_if_sessions_incomplete(&mut self) {
        if self.past_sessions.take_incomplete() {
            self.notices.problem(
                "Your past sessions could not all be read, so History and reports may be \
                 missing some. Nothing was changed; restarting Strongback reads them again."
                    .to_owned(),
            );
        }
    }

    pub fn notices(&self) -> &[Notice] {
        self.notices.all()
    }

    /// The running session's player, if any.
    pub fn player(&self) -> Option<&SessionPlayer> {
        self.workout.running.as_ref().map(|s| &s.player)
    }

    /// Today's decision from the rules, if the data is there (from the cache when it is
    /// current).
    pub fn todays_decision(&self) -> Option<DayDecision> {
        let today = self.today();
        match &self.care.today_cache {
            Some(cache) if cache.is_for(today) => cache.decision.clone(),
            _ => self.decision_on(today),
        }
    }

    fn today(&self) -> chrono::NaiveDate {
        self.clock.wall().date_naive()
    }

    /// Move the session on to the clock's time and take in news from background work;
    /// returns when the screen next needs redrawing.
    pub fn tick(&mut self) -> Option<Duration> {
        self.poll_sound_status();
        for problem in self.past_sessions.poll() {
            self.notices.unreadable(&problem);
        }
        self.say_if_sessions_incomplete();
        if let Some(problem) = self.care.day_book.poll() {
            if let Some(problem) = problem {
                self.notices.unreadable(&problem);
            }
            self.forget_todays_decision();
        }
        self.look_at_clock();
        if self.window.rescued && !self.has_unsaved_work() {
            self.forget_rescue_if_all_saved();
        }
        let notice_wake = self.notices.expire(self.clock.monotonic());
        match (self.advance_session(), notice_wake) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Apply one action from a screen: the one place where state changes. Each part's
    /// actions go to that part's handler, which matches them all.
    pub fn apply(&mut self, action: Action) {
        let now = self.clock.monotonic();
        match action {
            Action::Go(destination) => self.go_to(destination),
            Action::Player(control) => self.apply_player_control(control, now),
            Action::Session(action) => self.apply_session_action(action, now),
            Action::Care(action) => self.apply_care_action(action),
            Action::Plan(action) => self.apply_plan_action(action),
            Action::Progress(ProgressAction::SelectChartExercise(index)) => {
                self.select_chart_exercise(index);
            }
            Action::Settings(action) => self.apply_setting(action),
            Action::ChooseFile(purpose) => self.open_file_dialog(purpose),
            Action::Picker(action) => self.apply_picker(action),
            Action::Window(action) => self.apply_window_action(action),
            Action::Reminders(action) => self.apply_reminder_action(action),
        }
    }

    /// Show another screen at the person's request.
    fn go_to(&mut self, destination: Destination) {
        match destination {
            Destination::Home => self.show(Screen::Home),
            Destination::History => self.open_history(),
            Destination::PastSession(index) => self.open_session(index),
        }
    }

    /// The one place the screen changes.
    fn show(&mut self, screen: Screen) {
        let screen = match screen {
            Screen::Home => self.home_or_waiting().unwrap_or(Screen::Home),
            other => other,
        };
        log::debug!("screen: {}", screen.kind().title());
        self.screen = screen;
    }

    fn apply_session_action(&mut self, action: SessionAction, now: Duration) {
        match action {
            SessionAction::Start => self.start_after_check_in(now),
            SessionAction::ResumeInterrupted => self.resume_interrupted(now),
            SessionAction::SaveInterruptedAsPartial => self.save_interrupted_as_partial(),
            SessionAction::DiscardInterrupted => self.discard_interrupted(),
            SessionAction::RetrySave => self.retry_saving(),
        }
    }

    fn apply_care_action(&mut self, action: CareAction) {
        match action {
            CareAction::ReviseCheckIn => self.revise_check_in(),
            CareAction::EditCheckIn(draft) => {
                if let Screen::CheckIn(shown) = &mut self.screen {
                    *shown = draft;
                }
            }
            CareAction::SubmitCheckIn => self.submit_check_in(),
            CareAction::EditSessionAnswers(answers) => {
                if let Screen::Summary(summary) = &mut self.screen
                    && !summary.answers_saved
                    && !summary.answers_waiting
                {
                    summary.answers = *answers;
                }
            }
            CareAction::SubmitSessionReport => self.submit_session_report(),
            CareAction::AskClearance => self.care.clearance_note = Some(String::new()),
            CareAction::EditClearanceNote(note) => {
                if let Some(shown) = &mut self.care.clearance_note {
                    *shown = note;
                }
            }
            CareAction::CancelClearance => self.care.clearance_note = None,
            CareAction::ConfirmClearance => self.confirm_clearance(),
            CareAction::AskSeenClinician => self.care.asking_seen_clinician = true,
            CareAction::CancelSeenClinician => self.care.asking_seen_clinician = false,
            CareAction::ConfirmDate => self.confirm_date(),
            CareAction::RecordGlobalChange(answer) => self.record_global_change(answer),
            CareAction::ConfirmSeenClinician => {
                self.care.asking_seen_clinician = false;
                self.record_seen_clinician(String::new());
            }
        }
    }

    fn apply_plan_action(&mut self, action: PlanAction) {
        match action {
            PlanAction::Accept => self.accept_plan(),
            PlanAction::New(which) => self.open_plan_editor(EditorStart::Template(which)),
            PlanAction::EditCurrent => self.open_plan_editor(EditorStart::Current),
            PlanAction::ContinueDraft => self.open_plan_editor(EditorStart::Draft),
            PlanAction::EditDraft(draft) => self.edit_plan_draft(*draft),
            PlanAction::InstallDraft => self.install_draft_plan(),
            PlanAction::CloseEditor => self.close_editor(),
        }
    }

    /// Draw the current screen and collect what the person asked for. Notices, and any
    /// session not yet saved, show above every screen.
    pub fn screen_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = crate::ui::widgets::notices::notice_bar_ui(
            ui,
            &crate::ui::widgets::notices::NoticeBar {
                notices: self.notices.all(),
                unsaved_sessions: self.workout.unsaved_records.len(),
                unsaved_answers: !self.care.unsaved_dates.is_empty(),
                save_problem: self.workout.save_problem.as_deref(),
                snapshot_kept: self.workout.snapshot_kept,
                below: matches!(self.screen, Screen::PlanEditor(_)),
            },
        );
        actions.extend(crate::ui::window_keys(ui.ctx()));
        actions.extend(self.current_screen_ui(ui));
        if self.window.asking_to_close {
            actions.extend(crate::ui::widgets::close_dialog::unsaved_close_dialog_ui(
                ui.ctx(),
                &crate::ui::widgets::close_dialog::UnsavedWork {
                    sessions: self.workout.unsaved_records.len(),
                    answers: !self.care.unsaved_dates.is_empty(),
                    kept_for_next_start: self.window.rescued,
                },
            ));
        }
        if let Some(browser) = &self.plans.file_picker {
            actions.extend(crate::ui::file_picker_dialog::file_picker_ui(
                ui.ctx(),
                browser,
            ));
        }
        actions
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
            // One more try; then, with work still not on disk, ask before it is lost.
            if self.has_unsaved_work() {
                self.retry_saving();
            }
            // Whatever the answer (and before it: a logout does not wait for one), keep a
            // copy that the next start saves.
            if self.has_unsaved_work() {
                self.window.rescued = self.write_rescue();
            }
            if self.has_unsaved_work() && !self.window.close_confirmed {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.window.asking_to_close = true;
            }
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.window.frames_drawn += 1;
        log::trace!("frame {}", self.window.frames_drawn);
        self.apply_display_settings(ui.ctx());
        let actions = self.screen_ui(ui);
        crate::ui::widgets::a11y::return_focus_after_dialogs(ui.ctx());
        crate::ui::widgets::a11y::name_window(
            ui.ctx(),
            &format!("Strongback: {}", self.screen.kind().title()),
        );
        let changed = !actions.is_empty();
        for action in actions {
            self.apply(action);
        }
        let running = self
            .workout
            .running
            .as_ref()
            .is_some_and(|s| s.player.state() == PlayerState::Running);
        self.screen_awake.set_awake(running);
        if std::mem::take(&mut self.window.close_now) {
            self.window.close_sent = true;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if std::mem::take(&mut self.window.full_screen_toggle) {
            let full = ui.ctx().input(|i| i.viewport().fullscreen.unwrap_or(false));
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
        }
        if changed {
            // The screen may have changed (new phase, new screen): draw it now, and let
            // `tick` plan the next wake-up.
            ui.ctx().request_repaint();
        }
        if self.care.day_book.is_loaded() {
            // Today's decision is drawn: the older session records may be read now.
            self.past_sessions.begin_reading();
        }
        if !self.care.day_book.is_loaded() {
            // Look again very soon for the history being read in the background.
            ui.ctx().request_repaint_after(Duration::from_millis(20));
        } else if !self.past_sessions.is_loaded() {
            // Look again shortly for the records loading in the background.
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_settings_if_changed();
        log::info!(
            "drew {} frames in {:.1} s",
            self.window.frames_drawn,
            self.clock.monotonic().as_secs_f64()
        );
        self.save_progress_now();
    }
}
