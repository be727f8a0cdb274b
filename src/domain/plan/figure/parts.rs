//! A picture as a list of simple shapes in picture units, back to front: what the app paints
//! on screen and the handout prints, so screen and paper always agree.

use super::{Arm, Body, FLOOR_Y, Leg, PICTURE_BOX, Point, Pose, Prop, radius};

/// What a part shows, which sets its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// The floor line.
    Floor,
    /// The exercise mat on the floor.
    Mat,
    /// Equipment: bench, ball, wall.
    Prop,
    /// A band or dowel.
    Accent,
    /// The limbs on the far side, behind the body.
    FarLimb,
    /// The head, trunk and near limbs.
    Body,
    /// A movement arrow (stick drawings of older catalogs only).
    Arrow,
}

/// One shape, in picture units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    /// A rounded limb: thick `from_radius` at one end, `to_radius` at the other.
    Limb {
        from: Point,
        to: Point,
        from_radius: f32,
        to_radius: f32,
    },
    /// A filled circle.
    Disc { center: Point, radius: f32 },
    /// A filled rectangle with rounded corners.
    Block {
        min: Point,
        max: Point,
        rounding: f32,
    },
    /// A filled triangle (an arrow's head).
    Triangle([Point; 3]),
}

impl Mark {
    /// The same mark grown by `by` on every side (a halo). A triangle's halo is drawn as a
    /// stroke by the painter, so it is returned as it is.
    pub fn grown(self, by: f32) -> Mark {
        match self {
            Mark::Limb {
                from,
                to,
                from_radius,
                to_radius,
            } => Mark::Limb {
                from,
                to,
                from_radius: from_radius + by,
                to_radius: to_radius + by,
            },
            Mark::Disc { center, radius } => Mark::Disc {
                center,
                radius: radius + by,
            },
            Mark::Block { min, max, rounding } => Mark::Block {
                min: (min.0 - by, min.1 - by),
                max: (max.0 + by, max.1 + by),
                rounding: rounding + by,
            },
            Mark::Triangle(points) => Mark::Triangle(points),
        }
    }

    /// The corners of the smallest box holding the mark: top-left, bottom-right.
    pub fn bounds(self) -> (Point, Point) {
        let spread = |points: &[(Point, f32)]| {
            points.iter().fold(
                ((f32::MAX, f32::MAX), (f32::MIN, f32::MIN)),
                |(lo, hi), &((x, y), r)| {
                    (
                        (lo.0.min(x - r), lo.1.min(y - r)),
                        (hi.0.max(x + r), hi.1.max(y + r)),
                    )
                },
            )
        };
        match self {
            Mark::Limb {
                from,
                to,
                from_radius,
                to_radius,
            } => spread(&[(from, from_radius), (to, to_radius)]),
            Mark::Disc { center, radius } => spread(&[(center, radius)]),
            Mark::Block { min, max, .. } => (min, max),
            Mark::Triangle([a, b, c]) => spread(&[(a, 0.0), (b, 0.0), (c, 0.0)]),
        }
    }
}

/// Shapes painted in one colour; with `halo`, first outlined in the background colour so the
/// part stands apart from what is behind it (an arm across the chest).
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub tone: Tone,
    pub halo: bool,
    pub marks: Vec<Mark>,
}

/// Width of the background-coloured outline around a haloed part, in picture units.
pub const HALO: f32 = 0.7;

/// How the picture of one body is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Look {
    /// Draw the mat under the body.
    pub mat: bool,
    /// Flip left and right (the other side of a one-sided exercise).
    pub mirrored: bool,
    /// A breath's rise and fall, 0 to 1: the chest widens a little.
    pub breath: f32,
}

/// The shapes of `body` with `props`, back to front; `size` scales the thickness of every
/// part (1 for a grown-up about 75 long).
pub fn body_parts(body: &Body, size: f32, props: &[Prop], look: Look) -> Vec<Part> {
    let flip = |p: Point| {
        if look.mirrored {
            (PICTURE_BOX.0 - p.0, p.1)
        } else {
            p
        }
    };
    let mut parts = ground_parts(look.mat);
    parts.extend(prop_parts(props, flip));
    let limb = |from: Point, to: Point, from_radius: f32, to_radius: f32| Mark::Limb {
        from: flip(from),
        to: flip(to),
        from_radius: from_radius * size,
        to_radius: to_radius * size,
    };
    let arm = |arm: &Arm| {
        vec![
            limb(body.shoulder, arm.elbow, radius::UPPER_ARM, radius::ELBOW),
            limb(arm.elbow, arm.hand, radius::ELBOW, radius::WRIST),
            Mark::Disc {
                center: flip(arm.hand),
                radius: radius::HAND * size,
            },
        ]
    };
    let leg = |leg: &Leg| {
        vec![
            limb(body.hip, leg.knee, radius::THIGH, radius::KNEE),
            limb(leg.knee, leg.ankle, radius::KNEE, radius::ANKLE),
            limb(leg.ankle, leg.toe, radius::ANKLE, radius::TOE),
        ]
    };
    let far = |marks| Part {
        tone: Tone::FarLimb,
        halo: false,
        marks,
    };
    let near = |marks| Part {
        tone: Tone::Body,
        halo: true,
        marks,
    };
    parts.push(far(arm(&body.far_arm)));
    parts.push(far(leg(&body.far_leg)));
    let chest = radius::CHEST * (1.0 + 0.06 * look.breath.clamp(0.0, 1.0));
    parts.push(near(vec![
        limb(body.shoulder, body.head, radius::NECK, radius::NECK),
        Mark::Disc {
            center: flip(body.head),
            radius: radius::HEAD * size,
        },
        limb(body.hip, body.back, radius::PELVIS, radius::WAIST),
        limb(body.back, body.shoulder, radius::WAIST, chest),
    ]));
    parts.push(near(leg(&body.near_leg)));
    parts.push(near(arm(&body.near_arm)));
    parts
}

/// The shapes of a stick drawing from a catalog before schema 3.
pub fn sketch_parts(pose: &Pose, look: Look) -> Vec<Part> {
    let flip = |p: Point| {
        if look.mirrored {
            (PICTURE_BOX.0 - p.0, p.1)
        } else {
            p
        }
    };
    let mut parts = ground_parts(look.mat);
    parts.extend(prop_parts(&pose.props, flip));
    let mut marks = Vec::new();
    for line in &pose.lines {
        for pair in line.windows(2) {
            marks.push(Mark::Limb {
                from: flip(pair[0]),
                to: flip(pair[1]),
                from_radius: 1.6,
                to_radius: 1.6,
            });
        }
    }
    marks.push(Mark::Disc {
        center: flip(pose.head),
        radius: 4.2,
    });
    parts.push(Part {
        tone: Tone::Body,
        halo: false,
        marks,
    });
    if let Some((from, to)) = pose.arrow {
        parts.push(arrow_part(flip(from), flip(to)));
    }
    parts
}

fn ground_parts(mat: bool) -> Vec<Part> {
    let mut parts = vec![Part {
        tone: Tone::Floor,
        halo: false,
        marks: vec![Mark::Block {
            min: (1.0, FLOOR_Y),
            max: (PICTURE_BOX.0 - 1.0, FLOOR_Y + 0.8),
            rounding: 0.0,
        }],
    }];
    if mat {
        parts.push(Part {
            tone: Tone::Mat,
            halo: false,
            marks: vec![Mark::Block {
                min: (6.0, FLOOR_Y - 0.2),
                max: (PICTURE_BOX.0 - 6.0, FLOOR_Y + 1.4),
                rounding: 0.7,
            }],
        });
    }
    parts
}

fn prop_parts(props: &[Prop], flip: impl Fn(Point) -> Point) -> Vec<Part> {
    let mut parts = Vec::new();
    for prop in props {
        let (tone, mark) = match *prop {
            Prop::Ball { center, radius } => (
                Tone::Prop,
                Mark::Disc {
                    center: flip(center),
                    radius,
                },
            ),
            Prop::Bench { top_left, size } => {
                let (a, b) = (
                    flip(top_left),
                    flip((top_left.0 + size.0, top_left.1 + size.1)),
                );
                (
                    Tone::Prop,
                    Mark::Block {
                        min: (a.0.min(b.0), a.1.min(b.1)),
                        max: (a.0.max(b.0), a.1.max(b.1)),
                        rounding: 1.0,
                    },
                )
            }
            Prop::Wall { x } => {
                let (a, b) = (flip((x, 0.0)), flip((x + 3.0, FLOOR_Y)));
                (
                    Tone::Prop,
                    Mark::Block {
                        min: (a.0.min(b.0), 0.0),
                        max: (a.0.max(b.0), b.1),
                        rounding: 0.0,
                    },
                )
            }
            Prop::Dowel { from, to } => (
                Tone::Accent,
                Mark::Limb {
                    from: flip(from),
                    to: flip(to),
                    from_radius: 0.9,
                    to_radius: 0.9,
                },
            ),
            Prop::Band { from, to } => (
                Tone::Accent,
                Mark::Limb {
                    from: flip(from),
                    to: flip(to),
                    from_radius: 0.6,
                    to_radius: 0.6,
                },
            ),
        };
        // A band or dowel is drawn over the body; the rest behind it.
        let halo = tone == Tone::Accent;
        parts.push(Part {
            tone,
            halo,
            marks: vec![mark],
        });
    }
    parts
}

/// An arrow from `from` to the tip of its head at `to`: a thick shaft, a broad head.
fn arrow_part(from: Point, to: Point) -> Part {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = dx.hypot(dy).max(1e-3);
    let (ux, uy) = (dx / length, dy / length);
    let head = 8.0_f32.min(length);
    let half = head * 5.5 / 8.0;
    let base = (to.0 - ux * head, to.1 - uy * head);
    Part {
        tone: Tone::Arrow,
        halo: true,
        marks: vec![
            Mark::Limb {
                from,
                to: (to.0 - ux * head * 0.6, to.1 - uy * head * 0.6),
                from_radius: 1.5,
                to_radius: 1.5,
            },
            Mark::Triangle([
                to,
                (base.0 - uy * half, base.1 + ux * half),
                (base.0 + uy * half, base.1 - ux * half),
            ]),
        ],
    }
}

/// The part of the picture box a picture needs: its corners, top-left and bottom-right.
pub type ViewBox = (Point, Point);

/// The whole picture box.
pub const WHOLE_BOX: ViewBox = ((0.0, 0.0), PICTURE_BOX);

/// The smallest box holding every shape of every list in `frames` (the floor only at its
/// height, since it runs the picture's width), with `margin` around it, grown to the picture's
/// 5 : 3 shape so it fills a picture's place, and kept inside the picture box.
pub fn view_box(frames: &[Vec<Part>], margin: f32) -> ViewBox {
    let (mut min, mut max) = ((f32::MAX, f32::MAX), (f32::MIN, FLOOR_Y + 1.0));
    for part in frames.iter().flatten() {
        if matches!(part.tone, Tone::Floor | Tone::Mat) {
            continue;
        }
        for (lo, hi) in part.marks.iter().map(|mark| mark.bounds()) {
            min = (min.0.min(lo.0), min.1.min(lo.1));
            max = (max.0.max(hi.0), max.1.max(hi.1));
        }
    }
    if min.0 > max.0 {
        return WHOLE_BOX;
    }
    let (mut min, mut max) = (
        (min.0 - margin, min.1 - margin),
        (max.0 + margin, max.1 + margin),
    );
    // Grow the short side to 5 : 3, about the middle.
    let (width, height) = (max.0 - min.0, max.1 - min.1);
    let aspect = PICTURE_BOX.0 / PICTURE_BOX.1;
    if width / height < aspect {
        let extra = (height * aspect - width) / 2.0;
        min.0 -= extra;
        max.0 += extra;
    } else {
        let extra = (width / aspect - height) / 2.0;
        // Room above, never below the floor.
        min.1 -= extra * 2.0;
    }
    // Slide back inside the picture box where it went out.
    let shift = |lo: f32, hi: f32, limit: f32| {
        if lo < 0.0 {
            -lo
        } else if hi > limit {
            (limit - hi).max(-lo)
        } else {
            0.0
        }
    };
    let dx = shift(min.0, max.0, PICTURE_BOX.0);
    let dy = shift(min.1, max.1, PICTURE_BOX.1);
    let clamp = |(x, y): Point| (x.clamp(0.0, PICTURE_BOX.0), y.clamp(0.0, PICTURE_BOX.1));
    (
        clamp((min.0 + dx, min.1 + dy)),
        clamp((max.0 + dx, max.1 + dy)),
    )
}

/// The outline of a rounded limb as a polygon (its two end discs are drawn with it): the two
/// lines touching both end circles. Empty when the ends coincide.
pub fn limb_outline(from: Point, to: Point, from_radius: f32, to_radius: f32) -> Vec<Point> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let d = dx.hypot(dy);
    if d < 1e-3 || (from_radius - to_radius).abs() >= d {
        return Vec::new();
    }
    let (ux, uy) = (dx / d, dy / d);
    // The tangent lines lean by the difference of the radii over the length.
    let sin = (from_radius - to_radius) / d;
    let cos = (1.0 - sin * sin).sqrt();
    let normal = |side: f32| (-uy * cos * side + ux * sin, ux * cos * side + uy * sin);
    let (n1, n2) = (normal(1.0), normal(-1.0));
    vec![
        (from.0 + n1.0 * from_radius, from.1 + n1.1 * from_radius),
        (to.0 + n1.0 * to_radius, to.1 + n1.1 * to_radius),
        (to.0 + n2.0 * to_radius, to.1 + n2.1 * to_radius),
        (from.0 + n2.0 * from_radius, from.1 + n2.1 * from_radius),
    ]
}

/// How far below the floor line (positive) or above it (negative) the lowest point of a body
/// reaches, counting each part's thickness: a body resting on the floor is near 0.
pub fn lowest_point_y(body: &Body, size: f32) -> f32 {
    body_parts(body, size, &[], Look::default())
        .iter()
        .filter(|p| matches!(p.tone, Tone::Body | Tone::FarLimb))
        .flat_map(|p| p.marks.iter())
        .map(|mark| mark.bounds().1.1)
        .fold(f32::MIN, f32::max)
}
