//! The training reminder: its settings screen, the question after the first session, the
//! timer that sends it while the app is closed, and the calendar file.

use std::path::Path;

use crate::domain::care::reminder::{ReminderSetting, spread_over_the_week};
use crate::domain::plan::checks::CheckedPlan;
use crate::platform::reminder_timer::ReminderScheduler;
use crate::report::calendar::plan_calendar;
use crate::store::write_shared;
use crate::ui::ReminderAction;

use super::StrongbackApp;
use super::screens::{RemindersState, Screen};

impl StrongbackApp {
    /// Use this to send reminders while the app is closed (the window gives the platform's
    /// own; tests keep the stand-in, which only remembers what it was asked).
    #[must_use]
    pub fn with_reminder_scheduler(mut self, scheduler: Box<dyn ReminderScheduler>) -> Self {
        self.set_reminder_scheduler(scheduler);
        self
    }

    /// As [`Self::with_reminder_scheduler`], on an app already open (tests).
    pub fn set_reminder_scheduler(&mut self, scheduler: Box<dyn ReminderScheduler>) {
        self.reminder_scheduler = scheduler;
    }

    /// The reminder as saved.
    pub fn reminder_setting(&self) -> &ReminderSetting {
        &self.prefs.settings.reminder
    }

    pub(super) fn apply_reminder_action(&mut self, action: ReminderAction) {
        match action {
            ReminderAction::Open { turn_on } => {
                let mut draft = self.prefs.settings.reminder.clone();
                draft.on |= turn_on;
                self.note_reminder_asked();
                let availability = self.reminder_scheduler.availability();
                self.show(Screen::Reminders(Box::new(RemindersState {
                    draft,
                    availability,
                })));
            }
            ReminderAction::Edit(setting) => {
                // As chosen (even no weekday ticked yet); brought into range when saved.
                if let Screen::Reminders(state) = &mut self.screen {
                    state.draft = setting;
                }
            }
            ReminderAction::Save => {
                let Screen::Reminders(state) = &self.screen else {
                    return;
                };
                let setting = state.draft.clone().sanitized();
                self.save_reminder(setting);
                self.show(Screen::Home);
            }
            ReminderAction::Cancel => self.show(Screen::Home),
            ReminderAction::Decline => {
                self.note_reminder_asked();
                self.notices.info(
                    "No reminder. You can set one at any time with Reminders… on this screen."
                        .to_owned(),
                );
            }
        }
    }

    /// Asked once: the question after the first session is not shown again.
    fn note_reminder_asked(&mut self) {
        if !self.prefs.settings.reminder_asked {
            self.prefs.settings.reminder_asked = true;
            self.prefs.unsaved = true;
            self.save_settings_if_changed();
        }
    }

    /// Keep the setting, then bring the timer in step with it. The setting is saved first:
    /// a timer that cannot be set is said, and the choice is still remembered.
    fn save_reminder(&mut self, setting: ReminderSetting) {
        let changed = self.prefs.settings.reminder != setting;
        self.prefs.settings.reminder = setting.clone();
        self.prefs.unsaved |= changed;
        self.save_settings_if_changed();
        match self.reminder_scheduler.apply(&setting) {
            Ok(done) => self.notices.info(done),
            Err(err) => self.notices.problem(format!(
                "The reminder could not be set: {err}. Your choice is kept; you can also add \
                 your training days to your calendar (Add to my calendar… in Reminders)."
            )),
        }
    }

    /// The person's training days as a calendar file: the days and time on the Reminders
    /// screen (or as saved), for the plan in use.
    pub(super) fn save_calendar_to(&mut self, path: &Path) {
        let Some(plan) = self.plans.in_use.clone() else {
            return;
        };
        let setting = match &self.screen {
            Screen::Reminders(state) => state.draft.clone(),
            _ => self.prefs.settings.reminder.clone(),
        };
        let weekdays = setting.calendar_weekdays(plan.plan.sessions_per_week);
        self.write_calendar(&plan, &weekdays, &setting, path);
    }

    /// The plan editor's plan as a calendar file, for the physio to hand over: the plan's
    /// sessions a week spread over the week, at 18:00.
    pub(super) fn save_draft_calendar_to(&mut self, path: &Path) {
        let Some(plan) = self.checked_draft() else {
            return;
        };
        let weekdays = spread_over_the_week(plan.plan.sessions_per_week);
        self.write_calendar(&plan, &weekdays, &ReminderSetting::default(), path);
    }

    fn write_calendar(
        &mut self,
        plan: &CheckedPlan,
        weekdays: &[chrono::Weekday],
        setting: &ReminderSetting,
        path: &Path,
    ) {
        let text = plan_calendar(
            plan,
            weekdays,
            (setting.hour, setting.minute),
            self.today(),
            self.clock.wall().to_utc(),
        );
        match write_shared(path, text.as_bytes()) {
            Ok(()) => self.notices.info(format!(
                "Calendar file saved to {}. Open it with your calendar (or send it to your \
                 phone) to add the training days.",
                path.display()
            )),
            Err(err) => self
                .notices
                .problem(format!("The calendar file could not be saved: {err}")),
        }
    }
}
