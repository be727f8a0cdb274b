//! Reminders: whether a notification comes on training days, at what time and on which
//! days; where it comes from; and the same days as a calendar file. Also home's question after
//! the first session, and its Reminders… line.

use chrono::Weekday;
use egui::RichText;

use crate::domain::care::reminder::{ReminderDays, ReminderSetting};
use crate::platform::file_browser::FilePurpose;
use crate::platform::reminder_timer::Availability;
use crate::ui::widgets::a11y;
use crate::ui::{Action, ReminderAction, palette};

/// What the screen shows.
pub struct RemindersModel<'a> {
    pub draft: &'a ReminderSetting,
    pub availability: &'a Availability,
    pub sessions_per_week: u32,
}

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub fn reminders_ui(ui: &mut egui::Ui, model: &RemindersModel<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut draft = model.draft.clone();
    egui::Panel::bottom("reminders_buttons").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Save reminder settings").size(18.0))
                .clicked()
            {
                actions.push(Action::Reminders(ReminderAction::Save));
            }
            if ui.button(RichText::new("Cancel").size(18.0)).clicked() {
                actions.push(Action::Reminders(ReminderAction::Cancel));
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                a11y::screen_heading(ui, RichText::new("Reminders").size(28.0), "reminders");
                ui.label(
                    "A notification from your desktop on the days you train, at the time you \
                     choose, helps you keep going. It does not come once you have trained \
                     that day, or while Strongback is open.",
                );
                ui.add_space(8.0);
                ui.checkbox(&mut draft.on, "Remind me on training days");
                ui.add_enabled_ui(draft.on, |ui| choices_ui(ui, &mut draft, model));
                ui.add_space(8.0);
                match model.availability {
                    Availability::Ready(how) => {
                        ui.label(how.as_str());
                    }
                    Availability::Unavailable(why) => {
                        ui.label(RichText::new(why.as_str()).color(palette::CAUTION));
                    }
                }
                ui.label(
                    RichText::new(
                        "While training is stopped or paused for a warning sign, the reminder \
                         says to see a clinician instead.",
                    )
                    .weak(),
                );
                ui.add_space(12.0);
                a11y::subheading(ui, "In your calendar");
                ui.label(
                    "Your calendar on your phone or computer can remind you too: save the \
                     training days as a calendar file and open it there.",
                );
                if ui.button("Add to my calendar…").clicked() {
                    actions.push(Action::ChooseFile(FilePurpose::SaveCalendar));
                }
            });
    });
    if draft != *model.draft {
        actions.push(Action::Reminders(ReminderAction::Edit(draft)));
    }
    actions
}

/// The time and the days.
fn choices_ui(ui: &mut egui::Ui, draft: &mut ReminderSetting, model: &RemindersModel<'_>) {
    ui.horizontal(|ui| {
        ui.label("Time of day:");
        // The hour and the minutes apart: short lists, each seen whole without scrolling.
        let hour = ui.label("hour");
        egui::ComboBox::from_id_salt("reminder_hour")
            .selected_text(format!("{:02}", draft.hour))
            .height(600.0)
            .show_ui(ui, |ui| {
                for h in 5..=22_u8 {
                    ui.selectable_value(&mut draft.hour, h, format!("{h:02}"));
                }
            })
            .response
            .labelled_by(hour.id);
        let minutes = ui.label("minutes");
        egui::ComboBox::from_id_salt("reminder_minutes")
            .selected_text(format!("{:02}", draft.minute))
            .show_ui(ui, |ui| {
                for m in [0, 15, 30, 45_u8] {
                    ui.selectable_value(&mut draft.minute, m, format!("{m:02}"));
                }
            })
            .response
            .labelled_by(minutes.id);
    });
    ui.add_space(4.0);
    let plan_days = matches!(draft.days, ReminderDays::AsThePlanAsks);
    if ui
        .radio(
            plan_days,
            format!(
                "The days my plan asks for ({} sessions a week: a day without a session \
                 while the week is behind)",
                model.sessions_per_week
            ),
        )
        .clicked()
    {
        draft.days = ReminderDays::AsThePlanAsks;
    }
    if ui.radio(!plan_days, "These days:").clicked() && plan_days {
        draft.days = ReminderDays::Weekdays(draft.calendar_weekdays(model.sessions_per_week));
    }
    if let ReminderDays::Weekdays(days) = &mut draft.days {
        ui.horizontal_wrapped(|ui| {
            for day in WEEK {
                let mut on = days.contains(&day);
                if ui.checkbox(&mut on, day.to_string()).changed() {
                    if on {
                        days.push(day);
                    } else {
                        days.retain(|d| *d != day);
                    }
                }
            }
        });
        if days.is_empty() {
            ui.label(
                RichText::new("With no day ticked, the days your plan asks for are used.").weak(),
            );
        }
    }
}

/// Home's question, once, after the first session.
pub fn reminder_question_ui(ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        a11y::subheading(ui, "Would you like a reminder on training days?");
        ui.label(
            "A notification at a time you choose, on the days your plan asks for. You can \
             change or stop it at any time.",
        );
        ui.horizontal(|ui| {
            if ui.button("Yes, set a reminder…").clicked() {
                actions.push(Action::Reminders(ReminderAction::Open { turn_on: true }));
            }
            if ui.button("No, thanks").clicked() {
                actions.push(Action::Reminders(ReminderAction::Decline));
            }
        });
    });
    actions
}

/// Home's line: the reminder as set, and the way to change it.
pub fn reminder_line_ui(ui: &mut egui::Ui, setting: &ReminderSetting) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Reminders…")
            .on_hover_text("A notification on training days, and a calendar file")
            .clicked()
        {
            actions.push(Action::Reminders(ReminderAction::Open { turn_on: false }));
        }
        let said = if setting.on {
            format!("{} on {}", setting.time_label(), setting.days_label())
        } else {
            "Off".to_owned()
        };
        ui.label(RichText::new(said).weak());
    });
    actions
}
