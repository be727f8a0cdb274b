//! Checks of a figure against the body it draws: the same bones at the start and the end (a
//! limb that grows while it moves looks wrong), lengths a grown-up has, and a body that rests
//! on the floor or on its equipment, never in it.

use super::parts::lowest_point_y;
use super::{Body, FLOOR_Y, Figure, Prop};

/// How much a bone may differ in length between the start and the end position.
pub const BONE_CHANGE_ALLOWED: f32 = 0.10;

/// How far the lowest part of a body may be above or below the floor, in picture units.
pub const FLOOR_ALLOWED: f32 = 0.8;

/// Usual bone lengths in picture units (a grown-up about 75 long), by [`Body::BONES`] order.
const USUAL_BONES: [(f32, f32); 13] = [
    (9.0, 16.0),
    (9.0, 16.0),
    (5.5, 10.0),
    (9.0, 15.0),
    (8.0, 14.0),
    (9.0, 15.0),
    (8.0, 14.0),
    (14.0, 22.0),
    (14.0, 21.0),
    (3.5, 8.0),
    (14.0, 22.0),
    (14.0, 21.0),
    (3.5, 8.0),
];

/// Problems a reader would see: bones that change length while moving, and a body floating
/// above the floor or sunk into it (without equipment to rest on).
pub fn figure_faults(figure: &Figure) -> Vec<String> {
    let mut faults = Vec::new();
    if let Some(end) = &figure.end {
        let (a, b) = (figure.start.bone_lengths(), end.bone_lengths());
        for (i, name) in Body::BONES.iter().enumerate() {
            let longer = a[i].max(b[i]);
            if longer > 0.0 && (a[i] - b[i]).abs() / longer > BONE_CHANGE_ALLOWED {
                faults.push(format!(
                    "the {name} is {:.1} long at the start and {:.1} at the end",
                    a[i], b[i]
                ));
            }
        }
    }
    let supported = figure.props.iter().any(|p| {
        matches!(
            p,
            Prop::Ball { .. } | Prop::Bench { .. } | Prop::Wall { .. }
        )
    });
    let bodies = [("start", Some(&figure.start)), ("end", figure.end.as_ref())];
    for (name, body) in bodies {
        let Some(body) = body else { continue };
        let below = lowest_point_y(body, figure.size) - FLOOR_Y;
        if below > FLOOR_ALLOWED {
            faults.push(format!(
                "at the {name}, the body is {below:.1} into the floor"
            ));
        }
        if below < -FLOOR_ALLOWED && !supported {
            faults.push(format!(
                "at the {name}, the body floats {:.1} above the floor",
                -below
            ));
        }
    }
    faults
}

/// Bones shorter or longer than a grown-up's (a hint for whoever draws: a foreshortened
/// limb, seen end on, may be right).
/// `size` is the figure's (the usual lengths scale with it).
pub fn unusual_bones(body: &Body, size: f32) -> Vec<String> {
    body.bone_lengths()
        .iter()
        .zip(Body::BONES)
        .zip(USUAL_BONES)
        .map(|((length, name), (low, high))| (*length, name, low * size, high * size))
        .filter(|(length, _, low, high)| length < low || length > high)
        .map(|(length, name, low, high)| format!("{name} {length:.1} (usually {low:.1}–{high:.1})"))
        .collect()
}
