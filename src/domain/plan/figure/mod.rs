//! The drawn person of a ladder step (catalog schema 3): a side view of a body with volume,
//! given as joint positions at the start and at the end of the movement. Between the two the
//! body moves joint by joint at constant limb lengths, so a figure can move at a step's tempo
//! (see `domain::session::motion`); [`parts`] turns a body into shapes that the app paints and
//! the handout prints, from the same numbers.

use serde::{Deserialize, Serialize};

pub mod checks;
pub mod parts;
pub mod sketch;

pub use sketch::{Pose, Prop};

/// A point of a picture, in a 100 × 60 box with the floor at y = [`FLOOR_Y`].
pub type Point = (f32, f32);

/// Width and height of the box pictures live in.
pub const PICTURE_BOX: Point = (100.0, 60.0);

/// Where the floor is: a body part resting on it has its centre one radius above.
pub const FLOOR_Y: f32 = 56.0;

/// Half the thickness of each part of the body, in picture units (a grown-up is about 75 long).
pub mod radius {
    pub const HEAD: f32 = 4.8;
    pub const NECK: f32 = 2.0;
    pub const CHEST: f32 = 5.0;
    pub const WAIST: f32 = 4.2;
    pub const PELVIS: f32 = 4.6;
    pub const UPPER_ARM: f32 = 2.0;
    pub const ELBOW: f32 = 1.6;
    pub const WRIST: f32 = 1.2;
    pub const HAND: f32 = 1.6;
    pub const THIGH: f32 = 3.2;
    pub const KNEE: f32 = 2.3;
    pub const ANKLE: f32 = 1.4;
    pub const TOE: f32 = 0.9;
}

/// An arm: the elbow and the middle of the hand (the shoulder is the body's).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arm {
    pub elbow: Point,
    pub hand: Point,
}

/// A leg: the knee, the ankle and the tip of the foot (the hip is the body's).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leg {
    pub knee: Point,
    pub ankle: Point,
    pub toe: Point,
}

/// One position of the whole body: head, spine (shoulder, mid-back, hip) and four limbs. The
/// near limbs are the ones on the viewer's side, drawn in front of the body; the far limbs are
/// drawn behind it, lighter.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub head: Point,
    /// The top of the spine, between the shoulder joints.
    pub shoulder: Point,
    /// The middle of the back, so a back can round or arch.
    pub back: Point,
    /// The middle of the pelvis, between the hip joints.
    pub hip: Point,
    pub near_arm: Arm,
    pub far_arm: Arm,
    pub near_leg: Leg,
    pub far_leg: Leg,
}

/// The picture of one ladder step: the body where the movement starts (or the held position)
/// and, for a moving step, where it ends; and the equipment drawn with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub start: Body,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Body>,
    /// Equipment, where it is at the start. A bench or a wall stays put; a dowel moves with
    /// the trunk (held along the back); anything else moves with the joint nearest to it (a
    /// band round the knees, a weight in the hand), and a ball on the floor rolls along it
    /// under the foot on top.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    /// How big the person is drawn: 1 is a grown-up about 75 long, as lying on the floor
    /// fits the picture; a standing person is drawn smaller (about 0.7) to fit its height.
    /// Thickness scales with it.
    #[serde(default = "full_size", skip_serializing_if = "is_full_size")]
    pub size: f32,
}

fn full_size() -> f32 {
    1.0
}

fn is_full_size(size: &f32) -> bool {
    (*size - 1.0).abs() < f32::EPSILON
}

/// What a ladder step's picture is drawn from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Picture<'a> {
    /// A figure with body volume, start and end positions (schema 3).
    Figure(&'a Figure),
    /// A stick drawing from a catalog before schema 3.
    Sketch(&'a Pose),
}

impl Picture<'_> {
    /// Whether the picture has a start and a different end position to move between.
    pub fn moves(self) -> bool {
        matches!(self, Picture::Figure(figure) if figure.end.is_some())
    }

    /// The shapes of the picture `toward_end` of the way from its start to its end position
    /// (a stick drawing has only one position).
    pub fn parts(self, toward_end: f32, look: parts::Look) -> Vec<parts::Part> {
        match self {
            Picture::Figure(figure) => parts::body_parts(
                &figure.body_at(toward_end),
                figure.size,
                &figure.props_at(toward_end),
                look,
            ),
            Picture::Sketch(pose) => parts::sketch_parts(pose, look),
        }
    }

    /// The part of the picture box this picture uses in any position (the same for every
    /// frame, so a moving figure keeps its size and place): a lying body fills its picture
    /// instead of a strip along the floor.
    pub fn view_box(self, look: parts::Look) -> parts::ViewBox {
        let frames: Vec<Vec<parts::Part>> = [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|&t| self.parts(t, look))
            .collect();
        parts::view_box(&frames, 3.0)
    }

    /// The shapes of the one position that shows the exercise best: the end of a movement
    /// (the hips up in a bridge), or the hold.
    pub fn key_parts(self, look: parts::Look) -> Vec<parts::Part> {
        self.parts(1.0, look)
    }
}

/// A point closer than this to where it was counts as not moving (a hand or foot kept on
/// the floor while the body moves above it).
const PLANTED: f32 = 0.6;

impl Figure {
    /// The body `toward_end` of the way (0 = start, 1 = end) from the start to the end
    /// position. The pelvis moves in a straight line; every other joint turns about the one
    /// before it, so limbs keep their length; a hand, foot or shoulder that is in the same place
    /// at both ends stays there (the joint between bends to suit).
    pub fn body_at(&self, toward_end: f32) -> Body {
        let Some(end) = self.end else {
            return self.start;
        };
        let t = toward_end.clamp(0.0, 1.0);
        // The keyframes themselves, exactly as drawn.
        if t <= 0.0 {
            return self.start;
        }
        if t >= 1.0 {
            return end;
        }
        let a = &self.start;
        let hip = lerp(a.hip, end.hip, t);
        let hips = [a.hip, end.hip];
        let [back, shoulder] = chain(hip, hips, [a.back, a.shoulder], [end.back, end.shoulder], t);
        let shoulders = [a.shoulder, end.shoulder];
        let [head] = chain(shoulder, shoulders, [a.head], [end.head], t);
        let arm = |from: &Arm, to: &Arm| {
            let [elbow, hand] = chain(
                shoulder,
                shoulders,
                [from.elbow, from.hand],
                [to.elbow, to.hand],
                t,
            );
            Arm { elbow, hand }
        };
        let leg = |from: &Leg, to: &Leg| {
            let [knee, ankle] = chain(hip, hips, [from.knee, from.ankle], [to.knee, to.ankle], t);
            let [toe] = chain(ankle, [from.ankle, to.ankle], [from.toe], [to.toe], t);
            Leg { knee, ankle, toe }
        };
        Body {
            head,
            shoulder,
            back,
            hip,
            near_arm: arm(&a.near_arm, &end.near_arm),
            far_arm: arm(&a.far_arm, &end.far_arm),
            near_leg: leg(&a.near_leg, &end.near_leg),
            far_leg: leg(&a.far_leg, &end.far_leg),
        }
    }

    /// The equipment `toward_end` of the way from the start to the end position.
    pub fn props_at(&self, toward_end: f32) -> Vec<Prop> {
        if self.end.is_none() {
            return self.props.clone();
        }
        let body = self.body_at(toward_end);
        let start = self.start.joints();
        let now = body.joints();
        // How far the joint nearest to `point` (by `gap`) has moved.
        let moved = |gap: &dyn Fn(Point) -> f32| {
            let nearest = (0..start.len())
                .min_by(|&a, &b| gap(start[a].1).total_cmp(&gap(start[b].1)))
                .unwrap_or(0);
            (
                now[nearest].1.0 - start[nearest].1.0,
                now[nearest].1.1 - start[nearest].1.1,
            )
        };
        let follow = |p: Point| {
            let (dx, dy) = moved(&|joint| distance(joint, p));
            (p.0 + dx, p.1 + dy)
        };
        self.props
            .iter()
            .map(|prop| match *prop {
                Prop::Ball { center, radius } => {
                    let (dx, dy) = moved(&|joint| (distance(joint, center) - radius).abs());
                    let on_floor = center.1 + radius >= FLOOR_Y - 0.5;
                    let dy = if on_floor { 0.0 } else { dy };
                    Prop::Ball {
                        center: (center.0 + dx, center.1 + dy),
                        radius,
                    }
                }
                Prop::Dowel { from, to } => Prop::Dowel {
                    from: with_trunk(&self.start, &body, from),
                    to: with_trunk(&self.start, &body, to),
                },
                Prop::Band { from, to } => Prop::Band {
                    from: follow(from),
                    to: follow(to),
                },
                Prop::Bench { .. } | Prop::Wall { .. } => prop.clone(),
            })
            .collect()
    }

    /// What makes the picture unusable: a point outside the box.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let bodies = [("start", Some(&self.start)), ("end", self.end.as_ref())];
        for (name, body) in bodies {
            let Some(body) = body else { continue };
            for (joint, (x, y)) in body.joints() {
                let inside =
                    (0.0..=PICTURE_BOX.0).contains(&x) && (0.0..=PICTURE_BOX.1).contains(&y);
                if !inside {
                    problems.push(format!(
                        "its {name} position's {joint} ({x}, {y}) is outside the {} × {} box",
                        PICTURE_BOX.0, PICTURE_BOX.1
                    ));
                }
            }
        }
        for problem in sketch::prop_problems(&self.props) {
            problems.push(problem);
        }
        problems
    }
}

impl Body {
    /// Every joint with its name, for checks and tests.
    pub fn joints(&self) -> [(&'static str, Point); 14] {
        [
            ("head", self.head),
            ("shoulder", self.shoulder),
            ("back", self.back),
            ("hip", self.hip),
            ("near elbow", self.near_arm.elbow),
            ("near hand", self.near_arm.hand),
            ("far elbow", self.far_arm.elbow),
            ("far hand", self.far_arm.hand),
            ("near knee", self.near_leg.knee),
            ("near ankle", self.near_leg.ankle),
            ("near toe", self.near_leg.toe),
            ("far knee", self.far_leg.knee),
            ("far ankle", self.far_leg.ankle),
            ("far toe", self.far_leg.toe),
        ]
    }

    /// The length of every bone, in the order of [`Body::BONES`].
    pub fn bone_lengths(&self) -> [f32; 13] {
        let d = distance;
        [
            d(self.hip, self.back),
            d(self.back, self.shoulder),
            d(self.shoulder, self.head),
            d(self.shoulder, self.near_arm.elbow),
            d(self.near_arm.elbow, self.near_arm.hand),
            d(self.shoulder, self.far_arm.elbow),
            d(self.far_arm.elbow, self.far_arm.hand),
            d(self.hip, self.near_leg.knee),
            d(self.near_leg.knee, self.near_leg.ankle),
            d(self.near_leg.ankle, self.near_leg.toe),
            d(self.hip, self.far_leg.knee),
            d(self.far_leg.knee, self.far_leg.ankle),
            d(self.far_leg.ankle, self.far_leg.toe),
        ]
    }

    /// The names of the bones of [`Body::bone_lengths`].
    pub const BONES: [&'static str; 13] = [
        "lower back",
        "upper back",
        "neck",
        "near upper arm",
        "near forearm",
        "far upper arm",
        "far forearm",
        "near thigh",
        "near shin",
        "near foot",
        "far thigh",
        "far shin",
        "far foot",
    ];
}

/// Where `point`, fixed to the trunk (pelvis to shoulders) of `from`, is with the trunk of `to`.
fn with_trunk(from: &Body, to: &Body, point: Point) -> Point {
    let angle = |b: &Body| (b.shoulder.1 - b.hip.1).atan2(b.shoulder.0 - b.hip.0);
    let turn = angle(to) - angle(from);
    let (dx, dy) = (point.0 - from.hip.0, point.1 - from.hip.1);
    let (sin, cos) = turn.sin_cos();
    (
        to.hip.0 + dx * cos - dy * sin,
        to.hip.1 + dx * sin + dy * cos,
    )
}

/// The distance between two points.
pub fn distance(a: Point, b: Point) -> f32 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

fn lerp(a: Point, b: Point, t: f32) -> Point {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

/// A chain of joints hanging from a parent joint, `t` of the way from positions `from` to
/// `to`. `parent` is where the parent is now, `parents` where it is in the two positions. With
/// two joints whose last one stays put, the middle one is placed so both bones keep their
/// length (the knee of a foot on the floor); otherwise each bone turns from its start angle to
/// its end angle about the joint before it, so the chain follows its moving parent.
fn chain<const N: usize>(
    parent: Point,
    parents: [Point; 2],
    from: [Point; N],
    to: [Point; N],
    t: f32,
) -> [Point; N] {
    if N == 2 && distance(from[1], to[1]) < PLANTED {
        let lengths = [
            mix(
                distance(parents[0], from[0]),
                distance(parents[1], to[0]),
                t,
            ),
            mix(distance(from[0], from[1]), distance(to[0], to[1]), t),
        ];
        let guess = lerp(from[0], to[0], t);
        let mut out = from;
        out[0] = bend(parent, from[1], lengths, guess);
        return out;
    }
    let mut out = from;
    let [mut previous_from, mut previous_to] = parents;
    let mut base = parent;
    for i in 0..N {
        let (ax, ay) = (from[i].0 - previous_from.0, from[i].1 - previous_from.1);
        let (bx, by) = (to[i].0 - previous_to.0, to[i].1 - previous_to.1);
        let angle_a = ay.atan2(ax);
        let mut turn = by.atan2(bx) - angle_a;
        if turn > std::f32::consts::PI {
            turn -= std::f32::consts::TAU;
        } else if turn < -std::f32::consts::PI {
            turn += std::f32::consts::TAU;
        }
        let angle = angle_a + turn * t;
        let length = mix(ax.hypot(ay), bx.hypot(by), t);
        out[i] = (base.0 + length * angle.cos(), base.1 + length * angle.sin());
        base = out[i];
        previous_from = from[i];
        previous_to = to[i];
    }
    out
}

fn mix(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

/// The middle joint of two bones of `lengths` from `root` to `end`, on the side nearer
/// `guess` (two-bone inverse kinematics); straight when the end is out of reach.
fn bend(root: Point, end: Point, lengths: [f32; 2], guess: Point) -> Point {
    let d = distance(root, end);
    let [l1, l2] = lengths;
    let dir = if d > 1e-4 {
        ((end.0 - root.0) / d, (end.1 - root.1) / d)
    } else {
        (1.0, 0.0)
    };
    if d >= l1 + l2 || d < 1e-4 {
        return (root.0 + dir.0 * l1, root.1 + dir.1 * l1);
    }
    let cos = ((l1 * l1 + d * d - l2 * l2) / (2.0 * l1 * d)).clamp(-1.0, 1.0);
    let sin = (1.0 - cos * cos).sqrt();
    let candidate = |s: f32| {
        let (c, s) = (cos, s * sin);
        let x = dir.0 * c - dir.1 * s;
        let y = dir.0 * s + dir.1 * c;
        (root.0 + x * l1, root.1 + y * l1)
    };
    let (a, b) = (candidate(1.0), candidate(-1.0));
    if distance(a, guess) <= distance(b, guess) {
        a
    } else {
        b
    }
}
