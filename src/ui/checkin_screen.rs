//! The check-in before a session (and, at first start, the intake): red flags first, then a few
//! questions about pain. Our own wording; not a validated score.

use crate::ui::{CareAction, Destination};
use egui::RichText;
use egui::accesskit::Role;

use crate::domain::care::answers::{CheckInAnswers, CheckInMode};
use crate::domain::care::checkin::{
    FlagKind, FlagTier, LegExtent, LegTrend, MorningAfter, PainKind, RedFlag,
};

use super::widgets::a11y::{self, Urgency};
use super::widgets::pain_scale::{pain_row, radio_row, score_row};
use super::{Action, palette};

/// Which page of the check-in is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckInPage {
    RedFlags,
    Questions,
}

/// The check-in being filled in: the page showing, and the answers so far (what they mean is
/// decided by [`CheckInAnswers`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CheckInDraft {
    pub page: CheckInPage,
    pub answers: CheckInAnswers,
}

impl CheckInDraft {
    pub fn new(mode: CheckInMode, ask_morning_after: bool) -> Self {
        Self {
            page: CheckInPage::RedFlags,
            answers: CheckInAnswers::new(mode, ask_morning_after),
        }
    }

    /// A draft with the questions this plan and history call for.
    pub fn with(answers: CheckInAnswers) -> Self {
        Self {
            page: CheckInPage::RedFlags,
            answers,
        }
    }
}

/// Draw the check-in. Edits come back as [`Action::Care(CareAction::EditCheckIn)`] with the whole draft.
pub fn checkin_ui(ui: &mut egui::Ui, shown: &CheckInDraft) -> Vec<Action> {
    let mut draft = shown.clone();
    let mut actions = form_ui(ui, &mut draft);
    if draft != *shown {
        actions.insert(0, Action::Care(CareAction::EditCheckIn(Box::new(draft))));
    }
    actions
}

fn form_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::bottom("checkin_buttons").show(ui, |ui| {
        a11y::name_region(ui, "Check-in buttons");
        ui.add_space(6.0);
        // Wrapped, so "Still to answer: …" stays in the window at 800×600.
        ui.horizontal_wrapped(|ui| match draft.page {
            CheckInPage::RedFlags => {
                let flagged = !draft.answers.flags_given().is_empty();
                let intake = draft.answers.mode == CheckInMode::Intake;
                if flagged {
                    if ui.button(RichText::new("Save answers").size(18.0)).clicked() {
                        actions.push(Action::Care(CareAction::SubmitCheckIn));
                    }
                } else if intake {
                    // At the intake, ticking nothing is not an answer: "None of these apply
                    // to me" is.
                    ui.label(
                        RichText::new(
                            "Tick what applies to you now, or choose \"None of these apply to me\".",
                        )
                        .size(16.0),
                    );
                } else if ui.button(RichText::new("Next").size(18.0)).clicked() {
                    draft.page = CheckInPage::Questions;
                }
                if draft.answers.mode == CheckInMode::Daily
                    && ui.button(RichText::new("Cancel").size(18.0)).clicked()
                {
                    actions.push(Action::Go(Destination::Home));
                }
            }
            CheckInPage::Questions => {
                if ui.button(RichText::new("Back").size(18.0)).clicked() {
                    draft.page = CheckInPage::RedFlags;
                }
                let save = ui.add_enabled(
                    draft.answers.complete(),
                    egui::Button::new(RichText::new("Save check-in").size(18.0)),
                );
                if save.clicked() {
                    actions.push(Action::Care(CareAction::SubmitCheckIn));
                }
                let missing = draft.answers.missing();
                if !missing.is_empty() {
                    let names: Vec<&str> = missing.iter().map(|m| m.question()).collect();
                    ui.label(format!("Still to answer: {}.", names.join(", ")));
                } else {
                    a11y::live_region(
                        ui,
                        "complete",
                        "All required questions answered: Save check-in is ready.",
                        Urgency::Polite,
                    );
                }
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        a11y::name_region(ui, "Check-in questions");
        // A scroll bar with a lane of its own (not floating over the right edge), so none of
        // the words or the last choice of a row runs under it.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::vertical().show(ui, |ui| match draft.page {
            CheckInPage::RedFlags => red_flags_ui(ui, draft),
            CheckInPage::Questions => questions_ui(ui, draft),
        });
    });
    actions
}

fn red_flags_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    let title = match draft.answers.mode {
        CheckInMode::Intake => "Welcome. First, a few safety questions",
        CheckInMode::Daily => "Today's check-in: safety questions first",
    };
    a11y::screen_heading(ui, RichText::new(title).size(24.0), "check-in: safety");
    let intake = draft.answers.mode == CheckInMode::Intake;
    // At the intake there is no earlier answer to compare with: each sign is asked as
    // present now (clinical spec §4, version 3).
    let intro_text = if intake {
        "These come first because a few back problems need a doctor before any exercise. \
         Answer for how things are now, however long you have had them."
    } else {
        "Tick only what is new, or worse than at your last check-in or clearance. Most \
         people tick none."
    };
    let intro = ui.label(RichText::new(intro_text).size(16.0));
    ui.add_space(6.0);
    // One clear choice for the many who have none of these, and one Tab stop to the
    // questions that follow.
    if ui
        .button(RichText::new("None of these apply to me").size(18.0))
        .clicked()
    {
        draft.answers.red_flags.clear();
        draft.page = CheckInPage::Questions;
    }
    ui.add_space(6.0);
    a11y::answer_group(ui, Role::Group, intro_text, Some(&intro), false, |ui| {
        for tier in [FlagTier::Emergency, FlagTier::Urgent] {
            let signs = RedFlag::of_kind(FlagKind::CurrentSign).filter(|f| f.tier() == tier);
            flag_boxes(ui, draft, signs);
            ui.add_space(4.0);
        }
    });
    if draft.answers.ask_risk_factors {
        ui.add_space(6.0);
        let general = a11y::heading(
            ui,
            RichText::new("About your health in general").size(18.0),
            2,
        );
        ui.label(
            RichText::new("Asked once: your answers are kept, and not asked again each day.")
                .size(14.0),
        );
        let _ = general;
        a11y::answer_group(
            ui,
            Role::Group,
            "About your health in general",
            None,
            false,
            |ui| {
                flag_boxes(ui, draft, RedFlag::of_kind(FlagKind::RiskFactor));
            },
        );
    } else if draft.answers.risk_factors_screened && draft.answers.mode == CheckInMode::Intake {
        ui.add_space(6.0);
        ui.label(
            RichText::new(
                "Your clinician has already gone through the questions about your general health.",
            )
            .size(14.0),
        );
    }
    if !draft.answers.flags_given().is_empty() {
        ui.add_space(6.0);
        let text = if intake {
            "You ticked at least one. Save your answers to see what to do next. If a clinician \
             has already assessed it, the next screen lets you record that they cleared you."
        } else {
            "You ticked at least one. Save your answers to see what to do next."
        };
        ui.label(RichText::new(text).color(palette::WARNING).strong());
        a11y::live_region(ui, "flag ticked", text, Urgency::Polite);
    }
}

fn flag_boxes(ui: &mut egui::Ui, draft: &mut CheckInDraft, flags: impl Iterator<Item = RedFlag>) {
    let intake = draft.answers.mode == CheckInMode::Intake;
    for flag in flags {
        let mut yes = draft.answers.red_flags.contains(&flag);
        let question = if intake {
            flag.intake_question()
        } else {
            flag.question()
        };
        if ui
            .checkbox(&mut yes, RichText::new(question).size(16.0))
            .changed()
        {
            if yes {
                draft.answers.red_flags.insert(flag);
            } else {
                draft.answers.red_flags.remove(&flag);
            }
        }
    }
}

fn questions_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    a11y::screen_heading(
        ui,
        RichText::new("How is your back today?").size(24.0),
        "check-in: questions",
    );
    ui.label(
        RichText::new("These questions help adjust today's session. They are not a validated score or a diagnosis.")
            .italics(),
    );
    ui.add_space(6.0);
    pain_now_ui(ui, draft);
    leg_questions_ui(ui, draft);
    nerve_signs_ui(ui, draft);
    if draft.answers.ask_morning_after {
        morning_after_ui(ui, draft);
    }
    pain_kind_ui(ui, draft);
    daily_life_ui(ui, draft);
    super::widgets::activities_form::activities_ui(ui, &mut draft.answers.activities);
}

/// Back pain and leg pain right now, each on its 0 to 10 scale.
fn pain_now_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    pain_row(
        ui,
        "Back pain right now *",
        "Back pain",
        &mut draft.answers.back_pain,
        true,
    );
    ui.add_space(4.0);
    pain_row(
        ui,
        "Leg pain right now *",
        "Leg pain",
        &mut draft.answers.leg_pain,
        true,
    );
}

/// How far down the leg the pain goes and, after the intake, which way it has moved.
fn leg_questions_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    // The leg questions are always there (greyed out without leg pain), so choosing a leg
    // pain never moves the questions below under the pointer.
    let has_leg_pain = draft.answers.has_leg_pain();
    let intake = draft.answers.mode == CheckInMode::Intake;
    ui.add_enabled_ui(has_leg_pain, |ui| {
        let text = "How far down the leg does it go? *";
        let question = ui.label(text);
        radio_row(
            ui,
            (&question, text),
            has_leg_pain,
            &mut draft.answers.leg_extent,
            &[
                (LegExtent::Buttock, "buttock"),
                (LegExtent::Thigh, "thigh"),
                (LegExtent::BelowKnee, "below the knee"),
                (LegExtent::Foot, "into the foot"),
            ],
        );
        // At the intake there is no "last time" to compare with.
        if !intake {
            let text = "Since last time, is it… *";
            let question = ui.label(text);
            radio_row(
                ui,
                (&question, text),
                has_leg_pain,
                &mut draft.answers.leg_trend,
                &[
                    (LegTrend::Closer, "closer to the back"),
                    (LegTrend::Same, "about the same"),
                    (LegTrend::Further, "further down the leg"),
                ],
            );
        }
    });
}

/// New numbness or tingling, and new weakness: asked as "still there" while an earlier
/// warning about them is open.
fn nerve_signs_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    // While an earlier warning is open, its signs are asked as "still there", so a person
    // whose numbness has not gone need not call it new (clinical spec §5 R2).
    let numbness = match draft.answers.numbness_reported_on() {
        Some(date) => format!(
            "The numbness or tingling in my leg that I reported on {} is still there",
            date.format("%-d %b")
        ),
        None => "I have new numbness or tingling in a leg".to_owned(),
    };
    ui.checkbox(
        &mut draft.answers.new_numbness,
        RichText::new(numbness).size(16.0),
    );
    let weakness = match draft.answers.weakness_reported_on() {
        Some(date) => format!(
            "The weakness in my leg or foot that I reported on {} is still there",
            date.format("%-d %b")
        ),
        None => "I have new weakness in a leg or foot".to_owned(),
    };
    ui.checkbox(
        &mut draft.answers.new_weakness,
        RichText::new(weakness).size(16.0),
    );
}

/// The morning after the last session, compared with a usual morning.
fn morning_after_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    ui.add_space(4.0);
    let text = "The morning after your last session, compared with a usual morning *";
    let question = ui.label(RichText::new(text).strong());
    radio_row(
        ui,
        (&question, text),
        true,
        &mut draft.answers.morning_after,
        &[
            (MorningAfter::Better, "better"),
            (MorningAfter::Same, "the same"),
            (
                MorningAfter::WorseButSettled,
                "worse, but settled within a day",
            ),
            (
                MorningAfter::WorseNotSettled,
                "worse, and it has not settled",
            ),
        ],
    );
}

/// Which kind of pain describes it best, and whether to let that answer shape the plan.
fn pain_kind_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    ui.add_space(4.0);
    let required = draft.answers.pain_kind_required();
    let marker = if required { " *" } else { "" };
    let text = format!("Which describes your pain best?{marker}");
    let question = ui.label(RichText::new(&text).strong());
    radio_row(
        ui,
        (&question, &text),
        required,
        &mut draft.answers.pain_kind,
        &[
            (
                PainKind::SuddenLocking,
                "sudden muscle pain, back feels locked",
            ),
            (PainKind::ShootingIntoLeg, "pain shooting into a leg"),
            (PainKind::GeneralAche, "a general ache across the low back"),
            (PainKind::NoPain, "no pain"),
        ],
    );
    if draft.answers.offer_presentation {
        // Always there (greyed out until a kind is chosen), so nothing below moves.
        ui.add_enabled_ui(draft.answers.pain_kind.is_some(), |ui| {
            ui.checkbox(
                &mut draft.answers.confirms_presentation,
                "Use this answer to shape my plan (for example, no forward bending with leg pain)",
            );
        });
    }
}

/// The optional questions on how the back affects daily life, each 0 to 4 and unanswered
/// until chosen: one left alone is not recorded (never as 0).
fn daily_life_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    ui.add_space(6.0);
    ui.label(RichText::new("How your back affects daily life (optional)").strong());
    ui.label("Leave out any that do not apply.");
    let function = &mut draft.answers.function;
    for (text, value) in [
        ("Sleep", &mut function.sleep),
        ("Sitting or driving", &mut function.sitting_or_driving),
        ("Running", &mut function.running),
    ] {
        score_row(
            ui,
            (text, text),
            value,
            false,
            (4, "(0 = no trouble, 4 = cannot)"),
        );
    }
}
