//! The session under way: the timing engine moved on by the clock, its events turned into
//! cues, the in-progress snapshot kept on disk, and the finished record saved.

use crate::domain::session::motion::FigureMoment;
use crate::ui::PlayerControl;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::domain::care::answers::SessionAnswers;
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::timeline::Timeline;
use crate::domain::session::coach::VoiceOptions;
use crate::domain::session::cue_schedule::{CueSchedule, DueCue};
use crate::domain::session::player::{PlayerState, SessionPlayer, TimedEvent};
use crate::domain::session::record::{
    InProgressSession, SessionOutcome, SessionRecord, SessionTimes,
};
use crate::platform::clock::Clock;

use super::StrongbackApp;
use super::screens::{Screen, SummaryState};

/// How far ahead cues are handed to the sound side, which starts each on its sample: more
/// than the output latency, and more than the longest gap between two frames while the timer
/// runs (the display changes every second).
const CUE_LOOKAHEAD: Duration = Duration::from_millis(1500);
/// Wake a little after the display is due to change, so the new second is already there.
const REPAINT_SLACK: Duration = Duration::from_millis(5);

/// The session part's state: the session being played, and finished sessions that could not
/// be saved.
#[derive(Default)]
pub(super) struct Workout {
    pub running: Option<RunningSession>,
    /// Finished sessions that could not be saved, kept until "Try again" or "Save to another
    /// folder…" works.
    pub unsaved_records: Vec<SessionRecord>,
    /// Why the last save of a session failed.
    pub save_problem: Option<String>,
    /// After a failed save, whether the in-progress snapshot at least was written.
    pub snapshot_kept: bool,
}

/// The session being played: the player (the timing engine) with what the app keeps beside it.
pub(super) struct RunningSession {
    pub circuit: Circuit,
    pub player: SessionPlayer,
    pub started_at: DateTime<FixedOffset>,
    /// (phase index, state, snapshot period within the phase) last written to the
    /// in-progress file.
    pub saved: Option<(usize, PlayerState, u64)>,
    /// "End session" is waiting for the person to confirm.
    pub confirming: bool,
    /// The timer was running when "End session" asked for confirmation.
    pub resume_if_cancelled: bool,
    /// Which cues the sound side already has.
    pub cues: CueSchedule,
}

/// While a phase runs, the in-progress file is rewritten this often (seconds of phase time), so
/// a crash or power cut loses at most this much work, without a write every frame.
const SNAPSHOT_EVERY_SECS: u64 = 4;

impl StrongbackApp {
    /// Move the engine on to now; returns when the display next changes.
    pub(super) fn advance_session(&mut self) -> Option<Duration> {
        let now = self.clock.monotonic();
        let events = match &mut self.workout.running {
            Some(session) => session.player.advance(now),
            None => return None,
        };
        self.play_cues(&events, now, now);
        self.after_player_change();
        let session = self.workout.running.as_ref()?;
        let display = session.player.next_change_in(now)?;
        // A moving figure is drawn as often as it moves (12 times a second), and
        // only while the timer runs: `next_change_in` is `None` when paused.
        let figure = self.assets.as_ref().and_then(|assets| {
            let view = session.player.view(now);
            FigureMoment::of_phase(
                &view.phase,
                view.elapsed_in_phase.as_secs_f64(),
                &session.circuit,
                &assets.catalog,
                self.prefs.reduce_motion(),
            )?
            .next_frame_secs()
        });
        let next = match figure {
            Some(secs) => display.min(Duration::from_secs_f64(secs)),
            None => display,
        };
        Some(next + REPAINT_SLACK)
    }

    /// Pause, resume, skip, back, done, and ending early (asked first).
    pub(super) fn apply_player_control(&mut self, control: PlayerControl, now: Duration) {
        // What a key sets off is moved on a little ahead of now, by as much as the sound
        // output needs to place its cues on their frames: heard and shown on the same beat.
        let moved_on = now + self.audio.lead();
        match control {
            PlayerControl::Pause => self.with_player(now, |p| {
                p.pause(now);
                Vec::new()
            }),
            PlayerControl::Resume => self.with_player(moved_on, |p| {
                p.resume(moved_on);
                Vec::new()
            }),
            PlayerControl::Skip => self.with_player(moved_on, |p| p.skip(moved_on)),
            PlayerControl::Back => self.with_player(moved_on, |p| p.back(moved_on)),
            PlayerControl::Done => self.with_player(moved_on, |p| p.done(moved_on)),
            PlayerControl::AskToEnd => {
                if let Some(session) = &mut self.workout.running {
                    session.confirming = true;
                    session.resume_if_cancelled = session.player.state() == PlayerState::Running;
                    session.player.pause(now);
                    session.cues.forget();
                    self.audio.clear();
                }
                self.after_player_change();
            }
            PlayerControl::CancelEnd => {
                if let Some(session) = &mut self.workout.running {
                    if session.resume_if_cancelled {
                        session.player.resume(now);
                    }
                    session.confirming = false;
                    session.resume_if_cancelled = false;
                }
                self.after_player_change();
            }
            PlayerControl::ConfirmEnd => {
                if let Some(session) = &mut self.workout.running {
                    session.player.end(now);
                    session.cues.forget();
                    self.audio.clear();
                }
                self.after_player_change();
            }
        }
    }

    pub(super) fn start_session(&mut self, circuit: Circuit, now: Duration) {
        // Years of records are not needed while playing; History reads them again.
        self.past_sessions.let_go_of_all();
        let mut player = SessionPlayer::new(Timeline::build(&circuit));
        // Begun as far ahead as the sound output needs to play "Get ready" on its moment.
        let begins_at = now + self.audio.lead();
        let events = player.start(begins_at);
        self.workout.running = Some(RunningSession {
            circuit,
            player,
            started_at: self.clock.wall(),
            saved: None,
            resume_if_cancelled: false,
            confirming: false,
            cues: CueSchedule::new(),
        });
        self.show(Screen::Player);
        self.play_cues(&events, begins_at, now);
        self.after_player_change();
    }

    pub(super) fn resume_interrupted(&mut self, now: Duration) {
        let Screen::Recovery(snapshot) = &self.screen else {
            return;
        };
        let snapshot = (**snapshot).clone();
        let timeline = Timeline::build(&snapshot.circuit);
        let player = SessionPlayer::recovered(
            timeline,
            snapshot.phase_index,
            snapshot.completed,
            Duration::from_secs(snapshot.elapsed_in_phase_secs),
            now,
        );
        self.workout.running = Some(RunningSession {
            circuit: snapshot.circuit,
            player,
            started_at: snapshot.started_at,
            saved: None,
            resume_if_cancelled: false,
            confirming: false,
            cues: CueSchedule::new(),
        });
        self.show(Screen::Player);
        self.after_player_change();
    }

    pub(super) fn save_interrupted_as_partial(&mut self) {
        if let Screen::Recovery(snapshot) = &self.screen {
            let record = (**snapshot).clone().into_record();
            // If it cannot be saved, the snapshot stays on disk and is offered again.
            let _saved = self.save_record(record);
        }
    }

    pub(super) fn discard_interrupted(&mut self) {
        if !matches!(self.screen, Screen::Recovery(_)) {
            return;
        }
        match self.store.clear_in_progress() {
            Ok(()) => {
                self.notices
                    .info("The unfinished session was discarded.".to_owned());
                self.show(Screen::Home);
            }
            Err(err) => self.notices.problem(format!(
                "The unfinished session could not be discarded ({err}); it is still offered."
            )),
        }
    }

    /// Keep the latest progress on disk; used when the window closes mid-session.
    pub fn save_progress_now(&mut self) {
        if let Some(session) = &self.workout.running
            && session.player.state() != PlayerState::Finished
        {
            self.write_snapshot();
        }
    }

    /// Pause, resume, skip, back or done: what the sound side holds belongs to the old phase
    /// (or the old timing), so it is cleared; the new phase's cues follow.
    /// `events_at` is when what `act` does takes effect (now, or a key's moment moved on).
    fn with_player(
        &mut self,
        events_at: Duration,
        act: impl FnOnce(&mut SessionPlayer) -> Vec<TimedEvent>,
    ) {
        let now = self.clock.monotonic();
        let events = match &mut self.workout.running {
            Some(session) if !session.confirming => {
                session.cues.forget();
                act(&mut session.player)
            }
            _ => return,
        };
        self.audio.clear();
        self.play_cues(&events, events_at, now);
        self.after_player_change();
    }

    /// The cues for what the player reported, then those due within the lookahead, each sent
    /// with how long from now it is due (as the settings allow).
    /// `events_at` is when the events took effect: `now`, or ahead of it after a key.
    fn play_cues(&mut self, events: &[TimedEvent], events_at: Duration, now: Duration) {
        let Some(session) = &mut self.workout.running else {
            return;
        };
        session.cues.voice = VoiceOptions {
            count_aloud: self.prefs.settings.count_aloud && self.prefs.settings.voice_enabled,
        };
        let mut due = session
            .cues
            .reached(events, &session.player, &session.circuit, events_at);
        due.extend(
            session
                .cues
                .ahead(&session.player, &session.circuit, now, CUE_LOOKAHEAD),
        );
        for DueCue { cue, at } in due {
            let wanted = if cue.is_voice() {
                self.prefs.settings.voice_enabled
            } else {
                self.prefs.settings.beeps_enabled
            };
            if wanted && self.prefs.settings.volume > 0.0 {
                self.audio.schedule(&cue, self.prefs.settings.volume, at);
            }
        }
    }

    /// Save the snapshot when the phase or state changed; finish the session when it ended.
    fn after_player_change(&mut self) {
        let Some(session) = &self.workout.running else {
            return;
        };
        let state = session.player.state();
        if state == PlayerState::Finished {
            self.finish_session();
            return;
        }
        let now = self.clock.monotonic();
        let current = (
            session.player.index(),
            state,
            session.player.elapsed_in_phase(now).as_secs() / SNAPSHOT_EVERY_SECS,
        );
        if session.saved != Some(current) {
            self.write_snapshot();
        }
    }

    fn write_snapshot(&mut self) {
        let Some(session) = &mut self.workout.running else {
            return;
        };
        let snapshot = snapshot_of(session, self.clock.as_ref());
        // Remember the attempt either way, so a full disk is not retried every frame.
        let now = self.clock.monotonic();
        session.saved = Some((
            session.player.index(),
            session.player.state(),
            session.player.elapsed_in_phase(now).as_secs() / SNAPSHOT_EVERY_SECS,
        ));
        if let Err(err) = self.store.save_in_progress(&snapshot) {
            self.notices.repeated_problem("snapshot", format!(
                "Your progress in this session cannot be saved to disk ({err}). Keep this window open; at the end you can try again or save the session to another folder."
            ));
        }
    }

    fn finish_session(&mut self) {
        let Some(session) = self.workout.running.take() else {
            return;
        };
        let now = self.clock.monotonic();
        let outcome = if session.player.ended_early() {
            SessionOutcome::EndedEarly
        } else {
            SessionOutcome::Completed
        };
        let mut record = SessionRecord::build(
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
        if !record.anything_done() {
            // Every exercise skipped: not "complete", and not a session done.
            record.outcome = SessionOutcome::NothingDone;
        }
        if !self.save_record(record) {
            // Also keep the snapshot, if the disk takes it, so a restart offers it again.
            let snapshot = snapshot_of(&session, self.clock.as_ref());
            self.workout.snapshot_kept = self.store.save_in_progress(&snapshot).is_ok();
        }
    }

    /// Save a finished record, then forget the in-progress snapshot (only once saved), and
    /// show the summary. A record that cannot be saved stays in memory, with "Try again" and
    /// "Save to another folder…" on every screen, until one of them works. Returns whether
    /// the record was saved.
    fn save_record(&mut self, record: SessionRecord) -> bool {
        let saved_to = match self.store.save_session(&record) {
            Ok(path) => {
                self.record_saved(&record);
                Some(self.where_saved(&path))
            }
            Err(err) => {
                self.workout.save_problem = Some(err.to_string());
                self.workout.unsaved_records.push(record.clone());
                None
            }
        };
        let saved = saved_to.is_some();
        let answers = SessionAnswers::from_record(&record);
        self.show(Screen::Summary(Box::new(SummaryState {
            record,
            saved_to,
            answers,
            answers_saved: false,
            answers_waiting: false,
        })));
        saved
    }
}

/// The session as it stands, for the in-progress file.
fn snapshot_of(session: &RunningSession, clock: &dyn Clock) -> InProgressSession {
    InProgressSession {
        schema_version: InProgressSession::SCHEMA_VERSION,
        started_at: session.started_at,
        updated_at: clock.wall(),
        active_secs: session.player.active_time(clock.monotonic()).as_secs(),
        phase_index: session.player.index(),
        elapsed_in_phase_secs: session.player.elapsed_in_phase(clock.monotonic()).as_secs(),
        circuit: session.circuit.clone(),
        completed: session.player.completed_if_ended(clock.monotonic()),
    }
}

impl StrongbackApp {
    /// A record is safely in the data folder: forget its snapshot and show it in history.
    fn record_saved(&mut self, record: &SessionRecord) {
        if let Err(err) = self.store.clear_in_progress() {
            // Harmless: the next start sees the session was saved and drops the snapshot.
            log::warn!("{err}");
        }
        self.past_sessions.add(record.clone());
    }

    /// "Try again": save every record that could not be saved.
    /// Where a record was saved, in words: inside the data folder by its place there
    /// ("your data folder, sessions/2026-11-24T07-30-00.ron"), elsewhere by its full path.
    fn where_saved(&self, path: &std::path::Path) -> String {
        match path.strip_prefix(self.store.dir()) {
            Ok(inside) => format!("your data folder, {}", inside.display()),
            Err(_) => path.display().to_string(),
        }
    }

    pub(super) fn retry_saving(&mut self) {
        self.retry_saving_days();
        let records = std::mem::take(&mut self.workout.unsaved_records);
        for record in records {
            match self.store.save_session(&record) {
                Ok(path) => {
                    self.record_saved(&record);
                    let place = self.where_saved(&path);
                    if let Screen::Summary(summary) = &mut self.screen
                        && summary.record == record
                    {
                        summary.saved_to = Some(place);
                    }
                    self.notices
                        .info(format!("The session is saved now ({}).", path.display()));
                }
                Err(err) => {
                    self.workout.save_problem = Some(err.to_string());
                    self.workout.unsaved_records.push(record);
                }
            }
        }
        if self.workout.unsaved_records.is_empty() {
            self.workout.save_problem = None;
        }
    }

    /// "Save to another folder…": write the first unsaved record where the person chose.
    pub(super) fn save_unsaved_session_to(&mut self, path: &std::path::Path) {
        let Some(record) = self.workout.unsaved_records.first().cloned() else {
            return;
        };
        let written = crate::store::ron_file::to_ron(&record)
            .map_err(|reason| crate::store::StoreError::Encode {
                what: "session record".to_owned(),
                reason,
            })
            .and_then(|text| crate::store::write_atomically(path, text.as_bytes()));
        match written {
            Ok(()) => {
                self.workout.unsaved_records.remove(0);
                if self.workout.unsaved_records.is_empty() {
                    self.workout.save_problem = None;
                }
                self.notices.info(format!(
                    "The session is saved in {}. To see it in your history, copy it into the \"sessions\" folder of {}.",
                    path.display(),
                    self.store.dir().display()
                ));
            }
            Err(err) => self.workout.save_problem = Some(err.to_string()),
        }
    }

    /// A file name for an unsaved session: its start time.
    pub(super) fn unsaved_file_name(&self) -> String {
        self.workout.unsaved_records.first().map_or_else(
            || "strongback-session.ron".to_owned(),
            |r| {
                format!(
                    "strongback-session-{}.ron",
                    r.started_at.format("%Y-%m-%dT%H-%M-%S")
                )
            },
        )
    }
}
