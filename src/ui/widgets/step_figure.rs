//! A ladder step's figure as the player shows it: moving at the step's tempo, still at one
//! position, or its start and end side by side (with less motion).

use egui::Vec2;

use crate::domain::plan::catalog::Exercise;
use crate::domain::session::motion::FigureShown;

use super::figure::figure_ui;

/// Draw step `step` of `exercise` as `shown`, in `size`; `mirrored` for the right side.
/// `description` names the picture for a screen reader.
pub fn step_figure_ui(
    ui: &mut egui::Ui,
    exercise: &Exercise,
    step: u8,
    mirrored: bool,
    shown: FigureShown,
    size: Vec2,
    description: &str,
) {
    let Some(picture) = exercise.picture_at(step) else {
        ui.allocate_space(size);
        return;
    };
    let look = exercise.look_at(step, mirrored);
    let view = picture.view_box(look);
    match shown {
        FigureShown::Moving { toward_end, breath } => {
            let look = crate::domain::plan::figure::parts::Look { breath, ..look };
            figure_ui(
                ui,
                &picture.parts(toward_end, look),
                view,
                size,
                description,
            );
        }
        FigureShown::Still { toward_end } => {
            figure_ui(
                ui,
                &picture.parts(toward_end, look),
                view,
                size,
                description,
            );
        }
        FigureShown::StartAndEnd => {
            let gap = 8.0;
            let label_height = ui.text_style_height(&egui::TextStyle::Body) + 2.0;
            let each = Vec2::new((size.x - gap) / 2.0, (size.y - label_height).max(10.0));
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for (label, toward_end) in [("Start", 0.0), ("End", 1.0)] {
                    ui.vertical(|ui| {
                        ui.set_width(each.x);
                        ui.label(label);
                        figure_ui(
                            ui,
                            &picture.parts(toward_end, look),
                            view,
                            each,
                            &format!("{description}: {} position", label.to_lowercase()),
                        );
                    });
                }
            });
        }
    }
}
