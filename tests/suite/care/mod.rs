//! Care: the clinical rules (by topic, in `rules`), the check-in and its screens, and the
//! plan editor's projection.

mod activities_ui;
mod checkin_ui;
mod clock_ui;
mod projection;
mod reminders;
mod rules;
