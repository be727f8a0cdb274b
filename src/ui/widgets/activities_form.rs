//! The check-in's questions about what the person wants to be able to do again (clinical spec
//! §6): name up to five everyday activities and rate each 0–10, or rate them again every so
//! many days, retire one or add one; skippable for the day. Nothing is chosen for the person.

use egui::RichText;

use crate::domain::care::activities::{
    ActivityAnswer, ActivityAnswers, ActivityQuestion, GlobalChange, MAX_ACTIVITIES, MAX_NAME_CHARS,
};

use super::a11y;
use super::pain_scale::{radio_row, score_row};

const SCALE_KEY: &str = "(0 = cannot do it at all, 10 = as well as before)";

/// Draw the activity questions, if any are asked; edits go into `answers`.
pub fn activities_ui(ui: &mut egui::Ui, answers: &mut ActivityAnswers) {
    if answers.ask_global_change {
        global_change_ui(ui, &mut answers.global_change);
    }
    let Some(question) = answers.question else {
        return;
    };
    ui.add_space(10.0);
    let (title, intro) = match question {
        ActivityQuestion::Name => (
            "What would you like to be able to do again?".to_owned(),
            format!(
                "Name up to {MAX_ACTIVITIES} everyday things your back makes hard, in your own \
                 words (\"run 5 km\", \"sit through a film\", \"lift my child\"), and say how \
                 well you can do each now. Every couple of weeks you will be asked again, so \
                 you and your clinician can see what comes back."
            ),
        ),
        ActivityQuestion::Rate => (
            "The things you want to do again: how well can you do them now?".to_owned(),
            match answers.days_since_rated {
                Some(days) => format!(
                    "You last rated them {days} days ago. Rate each as it is now; you may also \
                     stop rating one or add another."
                ),
                None => "Rate each as it is now; you may also stop rating one or add another."
                    .to_owned(),
            },
        ),
    };
    a11y::subheading(ui, title);
    ui.label(intro);
    if answers.skipped {
        let later = match question {
            ActivityQuestion::Name => {
                "Skipped for now: you will be asked once more at your next check-in."
            }
            ActivityQuestion::Rate => "Not today: you will be asked at your next check-in.",
        };
        ui.label(RichText::new(later).italics());
        if ui.button("Answer these after all").clicked() {
            answers.skipped = false;
        }
        return;
    }
    let mut remove = None;
    let count = answers.activities.len();
    for (i, activity) in answers.activities.iter_mut().enumerate() {
        ui.add_space(6.0);
        if activity.named_before {
            named_before_ui(ui, activity);
        } else if activity.from_plan {
            agreed_ui(ui, activity);
        } else if named_now_ui(ui, activity, i, count) {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        answers.activities.remove(i);
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if answers.can_add() && ui.button("Add an activity").clicked() {
            answers.activities.push(ActivityAnswer::default());
        }
        let skip = match question {
            ActivityQuestion::Name => "Skip for now",
            ActivityQuestion::Rate => "Not today",
        };
        if ui.button(skip).clicked() {
            answers.skipped = true;
        }
    });
}

/// "Compared with when you started, your back is…": seven answers, optional (asked at the
/// plan's review date).
pub fn global_change_ui(ui: &mut egui::Ui, value: &mut Option<GlobalChange>) {
    ui.add_space(10.0);
    let text = "Compared with when you started, your back is: (optional)";
    let question = ui.label(RichText::new(text).strong());
    let choices: Vec<(GlobalChange, &str)> =
        GlobalChange::ALL.iter().map(|c| (*c, c.label())).collect();
    radio_row(ui, (&question, text), false, value, &choices);
}

/// An activity the plan lists (agreed with the clinician): its rating only.
fn agreed_ui(ui: &mut egui::Ui, activity: &mut ActivityAnswer) {
    let title = format!("How well can you {} now? *", activity.name);
    score_row(
        ui,
        (&title, &activity.name),
        &mut activity.rating,
        true,
        (10, SCALE_KEY),
    );
    ui.label(RichText::new("Agreed with your clinician.").weak());
}

/// An activity named at an earlier check-in: its rating, or "no longer rate this one".
fn named_before_ui(ui: &mut egui::Ui, activity: &mut ActivityAnswer) {
    let title = format!("{} *", activity.name);
    ui.add_enabled_ui(!activity.retire, |ui| {
        score_row(
            ui,
            (&title, &activity.name),
            &mut activity.rating,
            true,
            (10, SCALE_KEY),
        );
    });
    ui.checkbox(
        &mut activity.retire,
        format!(
            "Stop rating \"{}\" (what you rated stays in your history)",
            activity.name
        ),
    );
}

/// An activity being named now: its name, its rating, and a way to remove it. Returns
/// whether the person asked to remove it.
fn named_now_ui(ui: &mut egui::Ui, activity: &mut ActivityAnswer, i: usize, count: usize) -> bool {
    let mut remove = false;
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(format!("Activity {}", i + 1)).strong());
        ui.add(
            egui::TextEdit::singleline(&mut activity.name)
                .hint_text("e.g. run 5 km")
                .char_limit(MAX_NAME_CHARS)
                .desired_width(320.0),
        )
        .labelled_by(label.id);
        if count > 1 && ui.button(format!("Remove activity {}", i + 1)).clicked() {
            remove = true;
        }
    });
    let name = activity.name.trim();
    let title = if name.is_empty() {
        format!("How well can you do activity {} now? *", i + 1)
    } else {
        format!("How well can you {name} now? *")
    };
    let scale_name = format!("Activity {}", i + 1);
    score_row(
        ui,
        (&title, &scale_name),
        &mut activity.rating,
        true,
        (10, SCALE_KEY),
    );
    remove
}
