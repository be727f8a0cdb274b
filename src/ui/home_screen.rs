//! The home screen: today's circuit, a Start button, sound settings and the last session.

use crate::platform::file_browser::FilePurpose;
use crate::ui::{CareAction, Destination, PlanAction, SessionAction, WindowAction};
use chrono::NaiveDate;
use egui::{RichText, Vec2};

use crate::domain::care::checkin::{RedFlag, flag_list};
use crate::domain::care::rules::{DayDecision, Referral, Status};
use crate::domain::plan::catalog::Catalog;
use crate::domain::plan::circuit::Circuit;
use crate::domain::plan::{Plan, PlanTemplate, Presentation};
use crate::domain::progress::adherence::DayDone;
use crate::domain::session::record::{SessionOutcome, SessionRecord};
use crate::store::settings_file::Settings;

use super::widgets::a11y::{self, Urgency};
use super::widgets::circuit_list::circuit_list_ui;
use super::widgets::sound_settings::settings_ui;
use super::{Action, minutes_text, palette};

/// What the home screen shows.
/// What home shows of the person's progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HomeProgress {
    /// Every session record was in when these were counted (otherwise nothing is shown).
    pub counted: bool,
    /// "This week: 1 of 3 sessions completed, 1 partial" (the same line as History's).
    pub week_headline: String,
    /// What today's sessions add up to, if there were any.
    pub done_today: Option<DayDone>,
    pub streak_weeks: u32,
    /// "Front plank: 30 s, up from 25 s on 3 Dec".
    pub last_change: Option<String>,
}

pub struct HomeModel<'a> {
    pub today: NaiveDate,
    pub plan: &'a Plan,
    /// Today's decision from the rules.
    pub decision: Option<&'a DayDecision>,
    pub checked_in_today: bool,
    /// The clearance dialog's note, while the dialog is open.
    pub clearance_note: Option<&'a str>,
    /// The "seen a clinician" dialog is open.
    pub asking_seen_clinician: bool,
    /// Today's circuit (the plan, as the rules adjusted it).
    pub circuit: &'a Circuit,
    pub catalog: &'a Catalog,
    pub planned_total_secs: u64,
    pub settings: &'a Settings,
    /// Pictures are still (the person's choice or the desktop's).
    pub reduce_motion: bool,
    pub last_session: Option<&'a SessionRecord>,
    pub sound_problem: Option<&'a str>,
    pub progress: &'a HomeProgress,
    /// The plan editor has a draft kept.
    pub has_plan_draft: bool,
    /// The About box is open.
    pub about_open: bool,
}

pub fn home_ui(ui: &mut egui::Ui, model: &HomeModel<'_>) -> Vec<Action> {
    let mut actions = Vec::new();

    // At most 40 % of the window, and scrolled when it does not fit (large text, small window).
    let side_width = (ui.available_width() * 0.4).min(280.0);
    egui::Panel::right("home_side")
        .resizable(false)
        .exact_size(side_width)
        .show(ui, |ui| {
            a11y::name_region(ui, "Your plan, settings and history");
            egui::ScrollArea::vertical()
                .id_salt("home_side")
                .show(ui, |ui| side_ui(ui, model, &mut actions));
        });

    egui::CentralPanel::default().show(ui, |ui| {
        a11y::name_region(ui, "Today");
        // One scroll for the whole column: with a long list of reasons, large text or a small
        // window, Start and the exercises are never out of reach.
        egui::ScrollArea::vertical()
            .id_salt("home_main")
            .auto_shrink([false, false])
            .show(ui, |ui| main_column_ui(ui, model, &mut actions));
    });
    actions
}

/// Home's main column: the day, its progress and decision, Start, and the circuit.
fn main_column_ui(ui: &mut egui::Ui, model: &HomeModel<'_>, actions: &mut Vec<Action>) {
    let greeting = match &model.plan.patient {
        Some(name) => format!("Hello {name} · {}", model.today.format("%A %-d %B %Y")),
        None => model.today.format("%A %-d %B %Y").to_string(),
    };
    ui.label(greeting);
    a11y::heading(
        ui,
        RichText::new(format!("Today: {}", model.circuit.name)).size(28.0),
        1,
    );
    let exercise_count = model.circuit.slots().count();
    let round_text = model
        .circuit
        .blocks
        .iter()
        .map(|b| {
            if b.rounds > 1 {
                format!("{} ({} rounds)", b.name, b.rounds)
            } else {
                b.name.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let can_train = model
        .decision
        .is_none_or(|d| matches!(d.status, Status::Train | Status::Gentle | Status::Deload));
    if can_train {
        ui.label(format!(
            "About {} · {} exercises · {}",
            minutes_text(model.planned_total_secs),
            exercise_count,
            round_text
        ));
    }
    progress_ui(ui, model.progress);
    ui.add_space(8.0);
    if let Some(decision) = model.decision {
        actions.extend(decision_ui(ui, decision));
    }
    if model.about_open {
        actions.extend(about_dialog_ui(ui.ctx()));
    }
    if model.asking_seen_clinician {
        actions.extend(seen_clinician_dialog_ui(ui.ctx()));
    }
    if let Some(note) = model.clearance_note {
        let flags = model.decision.map_or(&[][..], |d| &d.red_flags[..]);
        actions.extend(clearance_dialog_ui(ui.ctx(), note, flags));
    }
    if can_train {
        // Home after a session today says so: an ended-early session is partial, not done.
        let (start_text, done_line) = match model.progress.done_today {
            Some(DayDone::Completed) => (
                "Start another session",
                Some("You completed today's session."),
            ),
            Some(DayDone::Partial) => (
                "Start again",
                Some("Today's session was ended early: it counts as partial, not completed."),
            ),
            None => ("Start", None),
        };
        if let Some(line) = done_line {
            ui.label(RichText::new(line).strong());
        }
        let start = egui::Button::new(RichText::new(start_text).size(26.0).strong())
            .min_size(Vec2::new(200.0, 52.0));
        let hint = if model.checked_in_today {
            "Start today's session"
        } else {
            "A short check-in first, then today's session"
        };
        let start = ui.add(start).on_hover_text(hint);
        // Start has the focus, so Enter starts (unless a dialog is open or the person has
        // moved the focus elsewhere).
        let dialog_open = model.asking_seen_clinician || model.clearance_note.is_some();
        if !dialog_open && ui.memory(|m| m.focused().is_none()) {
            start.request_focus();
            start.scroll_to_me(None);
        }
        if start.clicked() {
            actions.push(Action::Session(SessionAction::Start));
        }
    }
    // Asked once, after the first session.
    if model.last_session.is_some() && !model.settings.reminder_asked && !model.settings.reminder.on
    {
        ui.add_space(8.0);
        actions.extend(super::reminders_screen::reminder_question_ui(ui));
    }
    ui.add_space(8.0);
    ui.separator();
    if !can_train {
        return;
    }
    circuit_list_ui(ui, model.circuit, model.catalog, Vec2::new(90.0, 54.0));
}

/// The side column: the plan and its files, clinicians' tools, settings, the last session.
fn side_ui(ui: &mut egui::Ui, model: &HomeModel<'_>, actions: &mut Vec<Action>) {
    ui.add_space(8.0);
    plan_details_ui(ui, model.plan);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Open plan…").clicked() {
            actions.push(Action::ChooseFile(FilePurpose::OpenPlan));
        }
        if ui.button("Export plan…").clicked() {
            actions.push(Action::ChooseFile(FilePurpose::ExportPlan));
        }
        if ui
            .button("Handout…")
            .on_hover_text("A page to print, with pictures")
            .clicked()
        {
            actions.push(Action::ChooseFile(FilePurpose::SaveHandout));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Clinicians:").weak());
        // A new plan starts from a template the clinician edits from there.
        ui.menu_button("New plan…", |ui| {
            ui.label(RichText::new("Start from").weak());
            for which in PlanTemplate::ALL {
                if ui.button(which.label()).clicked() {
                    actions.push(Action::Plan(PlanAction::New(which)));
                }
            }
        })
        .response
        .on_hover_text("Build a plan in the plan editor, from a starting plan");
        if ui
            .button("Edit this plan…")
            .on_hover_text("Open the plan in use in the plan editor")
            .clicked()
        {
            actions.push(Action::Plan(PlanAction::EditCurrent));
        }
        if model.has_plan_draft && ui.button("Continue draft…").clicked() {
            actions.push(Action::Plan(PlanAction::ContinueDraft));
        }
    });
    if ui.button("About Strongback").clicked() {
        actions.push(Action::Window(WindowAction::ShowAbout));
    }
    ui.separator();
    actions.extend(settings_ui(
        ui,
        model.settings,
        model.reduce_motion,
        model.sound_problem,
    ));
    actions.extend(super::reminders_screen::reminder_line_ui(
        ui,
        &model.settings.reminder,
    ));
    ui.separator();
    ui.horizontal(|ui| {
        a11y::subheading(ui, "Last session");
        if ui
            .button("History")
            .on_hover_text("Calendar, charts and past sessions")
            .clicked()
        {
            actions.push(Action::Go(Destination::History));
        }
    });
    match model.last_session {
        Some(record) => last_session_ui(ui, record),
        None => {
            ui.label("None yet. Your sessions will be listed here.");
        }
    }
}

/// Shown for the moment a long history is being read: no decision and no Start until the
/// rules have all of it.
pub fn reading_history_ui(ui: &mut egui::Ui) -> Vec<Action> {
    let actions = Vec::new();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.add(egui::Spinner::new().size(32.0));
            ui.label(RichText::new("Reading your history…").size(20.0));
        });
    });
    actions
}

/// The day's status as a colour and a title the person reads.
pub(crate) fn status_title(decision: &DayDecision) -> (egui::Color32, &'static str) {
    match (decision.status, decision.referral) {
        (Status::Stopped, _) => (palette::WARNING, "STOP: get emergency care now"),
        (Status::Paused, _) => (
            palette::CAUTION,
            "Training paused: see a doctor in the next few days",
        ),
        (Status::Rest, _) => (palette::CALM, "Rest day"),
        (Status::Gentle, _) => (palette::CALM, "Gentle day"),
        (Status::Deload, _) => (palette::CALM, "Deload week: lighter sessions"),
        (Status::Train, Referral::Routine) => {
            (palette::CAUTION, "Train today, and please book a clinician")
        }
        (Status::Train, Referral::Urgent) => (
            palette::WARNING,
            "Train today, and see a doctor in the next few days",
        ),
        (Status::Train, _) => (palette::DONE, "Train today"),
    }
}

/// Today's status, unmistakable when training must stop, with every reason listed.
fn decision_ui(ui: &mut egui::Ui, decision: &DayDecision) -> Vec<Action> {
    let mut actions = Vec::new();
    let (colour, title) = status_title(decision);
    let urgent = matches!(decision.status, Status::Stopped | Status::Paused);
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(if urgent { 4.0 } else { 1.5 }, colour))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let text = RichText::new(title)
                .size(if urgent { 26.0 } else { 20.0 })
                .strong()
                .color(colour);
            if urgent {
                // A stop or a pause is spoken at once, with its reasons, and the focus goes to
                // it (there is no Start to focus).
                a11y::screen_heading(ui, text, title);
                let mut spoken = vec![title.to_owned()];
                spoken.extend(decision.reasons.iter().cloned());
                a11y::live_region(ui, "status", &spoken.join(". "), Urgency::Assertive);
            } else {
                a11y::heading(ui, text, 2);
            }
            if urgent {
                for reason in &decision.reasons {
                    ui.label(RichText::new(reason).size(17.0));
                }
                ui.add_space(4.0);
                if ui
                    .button("A clinician has assessed me and cleared me to exercise")
                    .clicked()
                {
                    actions.push(Action::Care(CareAction::AskClearance));
                }
            } else if !decision.reasons.is_empty() {
                egui::CollapsingHeader::new("Why is today different?")
                    .default_open(true)
                    .show(ui, |ui| {
                        for reason in &decision.reasons {
                            ui.label(format!("• {reason}"));
                        }
                    });
                if matches!(decision.referral, Referral::Routine | Referral::Urgent)
                    && ui
                        .button("I have seen a clinician about this")
                        .on_hover_text("The request to book a clinician stays until you say so")
                        .clicked()
                {
                    actions.push(Action::Care(CareAction::AskSeenClinician));
                }
            }
        });
    ui.add_space(6.0);
    actions
}

/// Asks the person to confirm they have seen a clinician about the referral.
/// The version, licence and where the source is.
fn about_dialog_ui(ctx: &egui::Context) -> Vec<Action> {
    let mut actions = Vec::new();
    let shown = egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
        ui.set_width(460.0);
        a11y::dialog_heading(ui, &format!("Strongback {}", env!("CARGO_PKG_VERSION")));
        // The description spans lines in Cargo.toml; said as one sentence.
        let description = env!("CARGO_PKG_DESCRIPTION")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        ui.label(description);
        ui.label(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
        ui.label(format!("Source: {}", env!("CARGO_PKG_REPOSITORY")));
        ui.label(
            "Third-party software and fonts: see THIRD-PARTY-NOTICES (installed in \
             /usr/share/doc/strongback with the package).",
        );
        ui.label(
            RichText::new(
                "Strongback does not replace a clinician and gives no medication advice.",
            )
            .italics(),
        );
        if ui.button("Close").clicked() {
            actions.push(Action::Window(WindowAction::CloseAbout));
        }
    });
    // Escape (or a click outside) closes it, as Cancel does.
    if shown.should_close() {
        actions.push(Action::Window(WindowAction::CloseAbout));
    }
    actions
}

fn seen_clinician_dialog_ui(ctx: &egui::Context) -> Vec<Action> {
    let mut actions = Vec::new();
    let shown = egui::Modal::new(egui::Id::unique("seen_clinician")).show(ctx, |ui| {
        ui.set_width(460.0);
        a11y::dialog_heading(ui, "Seen a clinician?");
        ui.label(
            "Only confirm if a doctor or physiotherapist has seen you about this since it was \
             suggested. It is saved with today's date, and only what happens after today can \
             suggest it again.",
        );
        ui.horizontal(|ui| {
            if ui.button("Yes, I have seen a clinician").clicked() {
                actions.push(Action::Care(CareAction::ConfirmSeenClinician));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::Care(CareAction::CancelSeenClinician));
            }
        });
    });
    // Escape (or a click outside) closes it, as Cancel does.
    if shown.should_close() {
        actions.push(Action::Care(CareAction::CancelSeenClinician));
    }
    actions
}

/// Asks the person to state that a clinician cleared them; stored with today's date.
fn clearance_dialog_ui(ctx: &egui::Context, shown_note: &str, flags: &[RedFlag]) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut note = shown_note.to_owned();
    let shown = egui::Modal::new(egui::Id::unique("clearance")).show(ctx, |ui| {
        ui.set_width(460.0);
        a11y::dialog_heading(ui, "Cleared to exercise?");
        ui.label(
            "Only continue if a doctor or physiotherapist has assessed you since these answers \
             and told you that you can exercise. Your statement is saved with today's date.",
        );
        if !flags.is_empty() {
            ui.label(RichText::new(format!("It covers: {}.", flag_list(flags))).strong());
            ui.label(
                "If any of these comes back or gets worse later, answer yes again at your \
                 check-in.",
            );
        }
        let label = ui.label("Who cleared you, and when (optional):");
        let edit = ui
            .add(egui::TextEdit::singleline(&mut note).desired_width(420.0))
            .labelled_by(label.id);
        if edit.changed() {
            actions.push(Action::Care(CareAction::EditClearanceNote(note.clone())));
        }
        ui.horizontal(|ui| {
            if ui.button("Yes, a clinician has cleared me").clicked() {
                actions.push(Action::Care(CareAction::ConfirmClearance));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::Care(CareAction::CancelClearance));
            }
        });
    });
    // Escape (or a click outside) closes it, as Cancel does.
    if shown.should_close() {
        actions.push(Action::Care(CareAction::CancelClearance));
    }
    actions
}

/// This week against the plan, the streak, and the last change of dose.
fn progress_ui(ui: &mut egui::Ui, progress: &HomeProgress) {
    if !progress.counted {
        return;
    }
    let plural = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    ui.horizontal_wrapped(|ui| {
        let week = &progress.week_headline;
        ui.label(RichText::new(week).strong())
            .on_hover_text(crate::domain::progress::adherence::PLANNED_MEANS);
        ui.label("·");
        ui.label(format!(
            "Streak: {} meeting the plan",
            plural(progress.streak_weeks, "week")
        ))
        .on_hover_text(crate::domain::progress::adherence::STREAK_MEANS);
    });
    if let Some(change) = &progress.last_change {
        ui.label(format!("Latest change: {change}"));
    }
}

fn plan_details_ui(ui: &mut egui::Ui, plan: &Plan) {
    a11y::subheading(ui, "Your plan");
    ui.label(&plan.name);
    match &plan.clinician {
        Some(clinician) => {
            ui.label(format!("From {}", clinician.name));
            for line in [&clinician.clinic, &clinician.contact] {
                if !line.is_empty() {
                    ui.label(line);
                }
            }
        }
        None => {
            ui.label("Built-in plan (no clinician)");
        }
    }
    if plan.presentation != Presentation::NotSet {
        ui.label(format!("Built for: {}", plan.presentation.label()));
    }
    if let Some(review) = plan.review_date {
        ui.label(format!(
            "Review on {}",
            crate::domain::dates::short_date(review)
        ));
    }
}

fn last_session_ui(ui: &mut egui::Ui, record: &SessionRecord) {
    let (done, total) = record.sets_done();
    let how = match record.outcome {
        SessionOutcome::Completed => "completed",
        SessionOutcome::EndedEarly => "ended early",
        SessionOutcome::Interrupted => "interrupted",
        SessionOutcome::NothingDone => "nothing done",
    };
    ui.label(format!(
        "{} — {}",
        record.started_at.format("%a %-d %b, %H:%M"),
        how
    ));
    ui.label(format!(
        "{done} of {total} sets done in full · {}",
        minutes_text(record.active_secs)
    ));
}
