//! The check-in before a session (and, at first start, the intake): red flags first, then a few
//! questions about pain. Our own wording; not a validated score.

use std::collections::BTreeSet;

use egui::RichText;

use crate::domain::checkin::{
    CheckIn, FlagTier, FunctionScores, LegExtent, LegTrend, MorningAfter, PainKind, RedFlag,
};

use super::{Action, palette};

/// Whether this is the first-start intake or a day's check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckInMode {
    Intake,
    Daily,
}

/// Which page of the check-in is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckInPage {
    RedFlags,
    Questions,
}

/// The answers being filled in.
#[derive(Clone, Debug)]
pub struct CheckInDraft {
    pub mode: CheckInMode,
    pub page: CheckInPage,
    pub red_flags: BTreeSet<RedFlag>,
    pub back_pain: Option<u8>,
    pub leg_pain: u8,
    pub leg_extent: Option<LegExtent>,
    pub leg_trend: Option<LegTrend>,
    pub new_numbness_or_weakness: bool,
    /// Asked only when there was a session before.
    pub ask_morning_after: bool,
    pub morning_after: Option<MorningAfter>,
    pub pain_kind: Option<PainKind>,
    pub answer_function: bool,
    pub function: FunctionScores,
}

impl CheckInDraft {
    pub fn new(mode: CheckInMode, ask_morning_after: bool) -> Self {
        Self {
            mode,
            page: CheckInPage::RedFlags,
            red_flags: BTreeSet::new(),
            back_pain: None,
            leg_pain: 0,
            leg_extent: None,
            leg_trend: None,
            new_numbness_or_weakness: false,
            ask_morning_after,
            morning_after: None,
            pain_kind: None,
            answer_function: false,
            function: FunctionScores {
                sleep: 0,
                sitting_or_driving: 0,
                running: 0,
            },
        }
    }

    /// The answers as a check-in. Red flags alone are enough: any "yes" ends the check-in.
    pub fn to_check_in(&self) -> CheckIn {
        let leg = self.leg_pain > 0;
        CheckIn {
            red_flags: self.red_flags.iter().copied().collect(),
            back_pain: self.back_pain.unwrap_or(0),
            leg_pain: self.leg_pain,
            leg_extent: if leg { self.leg_extent } else { None },
            leg_trend: if leg { self.leg_trend } else { None },
            new_numbness_or_weakness: self.new_numbness_or_weakness,
            morning_after: self.morning_after,
            pain_kind: self.pain_kind,
            function: self.answer_function.then_some(self.function),
        }
    }

    /// Everything required is answered.
    pub fn complete(&self) -> bool {
        !self.red_flags.is_empty()
            || (self.back_pain.is_some()
                && (!self.ask_morning_after || self.morning_after.is_some())
                && (self.mode == CheckInMode::Daily || self.pain_kind.is_some()))
    }
}

pub fn checkin_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::bottom("checkin_buttons").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| match draft.page {
            CheckInPage::RedFlags => {
                let label = if draft.red_flags.is_empty() {
                    "Next"
                } else {
                    "Save answers"
                };
                if ui.button(RichText::new(label).size(18.0)).clicked() {
                    if draft.red_flags.is_empty() {
                        draft.page = CheckInPage::Questions;
                    } else {
                        actions.push(Action::SubmitCheckIn);
                    }
                }
                if draft.mode == CheckInMode::Daily
                    && ui.button(RichText::new("Cancel").size(18.0)).clicked()
                {
                    actions.push(Action::GoHome);
                }
            }
            CheckInPage::Questions => {
                if ui.button(RichText::new("Back").size(18.0)).clicked() {
                    draft.page = CheckInPage::RedFlags;
                }
                let save = ui.add_enabled(
                    draft.complete(),
                    egui::Button::new(RichText::new("Save check-in").size(18.0)),
                );
                if save.clicked() {
                    actions.push(Action::SubmitCheckIn);
                }
                if !draft.complete() {
                    ui.label("Answer the questions marked * to continue.");
                }
            }
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| match draft.page {
            CheckInPage::RedFlags => red_flags_ui(ui, draft),
            CheckInPage::Questions => questions_ui(ui, draft),
        });
    });
    actions
}

fn red_flags_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    let title = match draft.mode {
        CheckInMode::Intake => "Welcome. First, a few safety questions",
        CheckInMode::Daily => "Today's check-in: safety questions first",
    };
    ui.heading(RichText::new(title).size(24.0));
    ui.label(
        RichText::new("Tick any that are true for you now. Most people tick none.").size(16.0),
    );
    ui.add_space(6.0);
    for tier in [FlagTier::Emergency, FlagTier::Urgent] {
        for flag in RedFlag::ALL.iter().copied().filter(|f| f.tier() == tier) {
            let mut yes = draft.red_flags.contains(&flag);
            if ui
                .checkbox(&mut yes, RichText::new(flag.question()).size(16.0))
                .changed()
            {
                if yes {
                    draft.red_flags.insert(flag);
                } else {
                    draft.red_flags.remove(&flag);
                }
            }
        }
        ui.add_space(4.0);
    }
    if !draft.red_flags.is_empty() {
        ui.add_space(6.0);
        ui.label(
            RichText::new("You ticked at least one. Save your answers to see what to do next.")
                .color(palette::WARNING)
                .strong(),
        );
    }
}

fn radio_row<T: Copy + PartialEq>(ui: &mut egui::Ui, value: &mut Option<T>, choices: &[(T, &str)]) {
    ui.horizontal_wrapped(|ui| {
        for &(choice, label) in choices {
            if ui
                .radio(*value == Some(choice), RichText::new(label).size(16.0))
                .clicked()
            {
                *value = Some(choice);
            }
        }
    });
}

/// A 0–10 row of buttons. Each is named "`name`: N" for screen readers (and tests).
pub fn pain_row(ui: &mut egui::Ui, title: &str, name: &str, value: &mut Option<u8>) {
    ui.label(RichText::new(title).strong());
    ui.horizontal_wrapped(|ui| {
        for n in 0..=10u8 {
            let selected = *value == Some(n);
            let response = ui.selectable_label(selected, RichText::new(n.to_string()).size(18.0));
            let enabled = ui.is_enabled();
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::Button,
                    enabled,
                    selected,
                    format!("{name}: {n}"),
                )
            });
            if response.clicked() {
                *value = Some(n);
            }
        }
        ui.label("(0 = none, 10 = worst imaginable)");
    });
}

fn questions_ui(ui: &mut egui::Ui, draft: &mut CheckInDraft) {
    ui.heading(RichText::new("How is your back today?").size(24.0));
    ui.label(
        RichText::new("These questions help adjust today's session. They are not a validated score or a diagnosis.")
            .italics(),
    );
    ui.add_space(6.0);
    pain_row(
        ui,
        "Back pain right now *",
        "Back pain",
        &mut draft.back_pain,
    );
    ui.add_space(4.0);
    let mut leg = Some(draft.leg_pain);
    pain_row(ui, "Leg pain right now", "Leg pain", &mut leg);
    draft.leg_pain = leg.unwrap_or(0);
    if draft.leg_pain > 0 {
        ui.label("How far down the leg does it go?");
        radio_row(
            ui,
            &mut draft.leg_extent,
            &[
                (LegExtent::Buttock, "buttock"),
                (LegExtent::Thigh, "thigh"),
                (LegExtent::BelowKnee, "below the knee"),
                (LegExtent::Foot, "into the foot"),
            ],
        );
        ui.label("Since last time, is it…");
        radio_row(
            ui,
            &mut draft.leg_trend,
            &[
                (LegTrend::Closer, "closer to the back"),
                (LegTrend::Same, "about the same"),
                (LegTrend::Further, "further down the leg"),
            ],
        );
    }
    ui.checkbox(
        &mut draft.new_numbness_or_weakness,
        RichText::new("I have new numbness, tingling or weakness in a leg").size(16.0),
    );
    if draft.ask_morning_after {
        ui.add_space(4.0);
        ui.label(
            RichText::new("The morning after your last session, compared with a usual morning *")
                .strong(),
        );
        radio_row(
            ui,
            &mut draft.morning_after,
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
    ui.add_space(4.0);
    let marker = if draft.mode == CheckInMode::Intake {
        " *"
    } else {
        ""
    };
    ui.label(RichText::new(format!("Which describes your pain best?{marker}")).strong());
    radio_row(
        ui,
        &mut draft.pain_kind,
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
    ui.add_space(4.0);
    ui.checkbox(
        &mut draft.answer_function,
        "Also answer how your back affects daily life (optional)",
    );
    if draft.answer_function {
        for (label, value) in [
            ("Sleep", &mut draft.function.sleep),
            ("Sitting or driving", &mut draft.function.sitting_or_driving),
            ("Running", &mut draft.function.running),
        ] {
            ui.add(
                egui::Slider::new(value, 0..=4).text(format!("{label} (0 no trouble, 4 cannot)")),
            );
        }
    }
}
