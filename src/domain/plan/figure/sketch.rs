//! The stick drawings of catalogs before schema 3 (a head and a few polylines), still loaded
//! and drawn where a catalog has no figure; and the equipment drawn with any picture.

use serde::{Deserialize, Serialize};

use super::{PICTURE_BOX as POSE_BOX, Point};

/// Equipment drawn with a picture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Prop {
    Ball {
        center: Point,
        radius: f32,
    },
    Bench {
        top_left: Point,
        size: Point,
    },
    Dowel {
        from: Point,
        to: Point,
    },
    /// An exercise band, drawn as a taut line (around the knees, say).
    Band {
        from: Point,
        to: Point,
    },
    /// A wall at this x, from the floor to the top of the picture.
    Wall {
        x: f32,
    },
}

/// The points of `props` outside the picture box, in words.
pub fn prop_problems(props: &[Prop]) -> Vec<String> {
    let mut points: Vec<(&str, Point)> = Vec::new();
    for prop in props {
        match *prop {
            Prop::Ball { center, radius } => points.extend([
                ("ball", (center.0 - radius, center.1 - radius)),
                ("ball", (center.0 + radius, center.1 + radius)),
            ]),
            Prop::Bench { top_left, size } => points.extend([
                ("bench", top_left),
                ("bench", (top_left.0 + size.0, top_left.1 + size.1)),
            ]),
            Prop::Dowel { from, to } => points.extend([("dowel", from), ("dowel", to)]),
            Prop::Band { from, to } => points.extend([("band", from), ("band", to)]),
            Prop::Wall { x } => points.push(("wall", (x, 0.0))),
        }
    }
    outside(points)
}

fn outside(points: Vec<(&str, Point)>) -> Vec<String> {
    points
        .into_iter()
        .filter(|(_, (x, y))| !((0.0..=POSE_BOX.0).contains(x) && (0.0..=POSE_BOX.1).contains(y)))
        .map(|(what, (x, y))| {
            format!(
                "its {what} point ({x}, {y}) is outside the {} × {} box",
                POSE_BOX.0, POSE_BOX.1
            )
        })
        .collect()
}

/// A drawing of the body position (usually a side view, head to the right): a head and a few
/// polylines (limbs, trunk).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pose {
    pub head: Point,
    pub lines: Vec<Vec<Point>>,
    #[serde(default)]
    pub props: Vec<Prop>,
    /// An arrow showing the movement, if any: from its tail to the tip of its head.
    #[serde(default)]
    pub arrow: Option<(Point, Point)>,
}

impl Pose {
    /// What makes the drawing unusable: no lines, or a point outside the 100 × 60 box.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.lines.is_empty() {
            problems.push("it has no lines".to_string());
        }
        if self.lines.iter().any(Vec::is_empty) {
            problems.push("one of its lines has no points".to_string());
        }
        let mut points: Vec<(&str, Point)> = vec![("head", self.head)];
        points.extend(self.lines.iter().flatten().map(|&p| ("line", p)));
        if let Some((from, to)) = self.arrow {
            points.extend([("arrow", from), ("arrow", to)]);
        }
        problems.extend(outside(points));
        problems.extend(prop_problems(&self.props));
        problems
    }
}
