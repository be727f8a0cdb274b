//! Shown when the computer's date is earlier than the newest record: nothing is filed under
//! that date, and no earlier check-in is used again, until the person says the date is right.

use crate::domain::care::clock::ClockBehind;
use crate::domain::dates::long_date;
use crate::ui::{Action, CareAction, WindowAction};

pub fn clock_behind_ui(ui: &mut egui::Ui, clock: &ClockBehind) -> Vec<Action> {
    let mut actions = Vec::new();
    crate::ui::widgets::a11y::screen_heading(ui, "Check your computer's date", "clock behind");
    ui.add_space(8.0);
    ui.label(format!(
        "Your computer says today is {}, but your records go up to {}.",
        long_date(clock.today),
        long_date(clock.newest)
    ));
    ui.label(
        "If the computer's date is wrong, close Strongback, set the right date and start it \
         again: nothing has been changed. If today really is that date, carry on: your \
         check-in and sessions will be filed under it.",
    );
    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Close Strongback to set the date").clicked() {
            actions.push(Action::Window(WindowAction::Quit));
        }
        let carry_on = format!("Today is {}: carry on", long_date(clock.today));
        if ui.button(carry_on).clicked() {
            actions.push(Action::Care(CareAction::ConfirmDate));
        }
    });
    actions
}
