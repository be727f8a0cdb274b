//! History, a past session's detail, and the clinician report and CSV from the records.

use crate::ui::Destination;
use std::path::Path;

use crate::domain::care::checkin::said_about_session;
use crate::domain::care::rules::{DayDecision, Light};
use crate::domain::progress::adherence::{AdherenceRecords, days_done_of};
use crate::domain::progress::dose_changes::changes_between;
use crate::domain::progress::figures::session_light_of;
use crate::report::ReportError;
use crate::report::clinician::{ReportSource, clinician_report, report_period};
use crate::report::csv_export::sessions_csv;
use crate::store::write_shared;
use crate::ui::Action;
use crate::ui::history_screen::HistoryModel;
use crate::ui::session_detail_screen::{SessionDetailModel, session_detail_ui};

use super::StrongbackApp;
use super::screens::Screen;

impl StrongbackApp {
    pub(super) fn open_history(&mut self) {
        self.wait_for_history();
        self.wait_for_sessions();
        let Some(plan) = &self.plans.in_use else {
            return;
        };
        let records = self.adherence_records();
        let model = HistoryModel::build(
            self.past_sessions.known(),
            self.care.day_book.days(),
            &plan.plan,
            &records,
        );
        self.show(Screen::History(Box::new(model)));
    }

    /// History's "since you started" figures as shown (percentage, sentence), while History
    /// is open: for tests that compare them with the report.
    pub fn history_figures(&self) -> Option<(String, String)> {
        match &self.screen {
            Screen::History(model) => Some((
                crate::ui::history_screen::percent_text(&model.since_start),
                model.since_start.sentence(),
            )),
            _ => None,
        }
    }

    /// History's chart of the activities the person named, while History is open: for tests
    /// that compare it with the report and the CSV.
    pub fn history_activities(
        &self,
    ) -> Option<&crate::domain::progress::activity_figures::ActivityFigures> {
        match &self.screen {
            Screen::History(model) => Some(&model.activities),
            _ => None,
        }
    }

    /// What the progress figures count from, as of today.
    pub(super) fn adherence_records(&self) -> AdherenceRecords {
        let today = self.today();
        match (&self.plans.in_use, &self.assets) {
            (Some(plan), Some(assets)) => AdherenceRecords::gather_from(
                plan,
                &assets.catalog,
                days_done_of(self.past_sessions.summaries().iter().copied()),
                self.care.day_book.days(),
                today,
            ),
            _ => AdherenceRecords {
                done: Default::default(),
                no_training: Default::default(),
                sessions_per_week: 0,
                counted_from: None,
                today,
            },
        }
    }

    pub(super) fn open_session(&mut self, index: usize) {
        self.wait_for_history();
        self.wait_for_sessions();
        let started_at = self
            .past_sessions
            .known()
            .get(index)
            .map(|record| record.started_at);
        let decision =
            started_at.and_then(|start| self.decision_before_sessions_on(start.date_naive()));
        let light = started_at
            .zip(self.plans.in_use.as_ref())
            .and_then(|(start, plan)| {
                session_light_of(self.care.day_book.days(), start, &plan.plan.rules)
            });
        self.show(Screen::SessionDetail {
            index,
            decision,
            light,
        });
    }

    pub(super) fn select_chart_exercise(&mut self, index: usize) {
        if let Screen::History(model) = &mut self.screen {
            model.select_exercise(index, self.past_sessions.known());
        }
    }

    pub(super) fn session_detail_ui(
        &self,
        ui: &mut egui::Ui,
        index: usize,
        decision: Option<&DayDecision>,
        light: Option<Light>,
    ) -> Vec<Action> {
        let Some(record) = self.past_sessions.known().get(index) else {
            return vec![Action::Go(Destination::History)];
        };
        let said = said_about_session(self.care.day_book.days(), record.started_at);
        let default_rules = crate::domain::plan::RuleSettings::default();
        let rules = self
            .plans
            .in_use
            .as_ref()
            .map_or(&default_rules, |p| &p.plan.rules);
        let changes = index
            .checked_sub(1)
            .and_then(|previous| self.past_sessions.known().get(previous))
            .map(|previous| changes_between(previous, record));
        session_detail_ui(
            ui,
            &SessionDetailModel {
                record,
                pain_before: said.back_pain,
                pain_after: said.report.map(|s| s.worst_pain),
                light,
                rules,
                decision,
                changes: changes.as_deref(),
            },
        )
    }

    /// The clinician report from the first record to today, by the same builder as
    /// `strongback report`.
    pub(super) fn save_report(&mut self, path: &Path) {
        self.wait_for_history();
        self.wait_for_sessions();
        let (Some(plan), Some(assets)) = (&self.plans.in_use, &self.assets) else {
            return;
        };
        let source = ReportSource {
            unreadable: &[],
            plan,
            catalog: &assets.catalog,
            sessions: self.past_sessions.known(),
            days: self.care.day_book.days(),
        };
        let (from, to) = report_period(&source, None, self.today());
        let html = clinician_report(&source, from, to);
        let written = write_shared(path, html.as_bytes()).map_err(ReportError::from);
        self.report_written(
            path,
            written,
            "The report for your clinician is saved as {}. Open it in a web browser to read or print it.",
        );
    }

    /// Every set of every session as CSV.
    pub(super) fn save_csv(&mut self, path: &Path) {
        self.wait_for_sessions();
        let written = sessions_csv(self.past_sessions.known(), self.care.day_book.days())
            .map_err(ReportError::from)
            .and_then(|text| Ok(write_shared(path, text.as_bytes())?));
        self.report_written(
            path,
            written,
            "Every set of every session is saved as {}, a table a spreadsheet opens.",
        );
    }

    /// `saved` says what was saved, with `{}` where the file's path goes.
    fn report_written(&mut self, path: &Path, written: Result<(), ReportError>, saved: &str) {
        match written {
            Ok(()) => self
                .notices
                .info(saved.replacen("{}", &path.display().to_string(), 1)),
            Err(err) => self
                .notices
                .problem(format!("Could not save {}: {err}", path.display())),
        }
    }
}
