//! The exercise catalog: what each exercise is, how to do it, and its ladder of progressions.
//!
//! Pure data, loaded from `assets/catalog.ron`. See `../shared/clinical-spec.md` §2.

use serde::{Deserialize, Serialize};

/// How much of an exercise one set asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dose {
    /// Hold a position for this many seconds.
    Hold { hold_secs: u32 },
    /// Do this many repetitions at your own pace; the player waits for "Done".
    Reps { reps: u32 },
    /// Repetitions at a set pace, counted by the timer: slow movement cycles (cat–camel) or
    /// short holds repeated (McGill-style bird dog and curl-up). With `fewer_per_set`, the sets
    /// form a pyramid: each set after the first has that many reps fewer (5/3/1 is `reps: 5,
    /// fewer_per_set: 2` over three sets), never below one.
    Paced {
        reps: u32,
        secs_per_rep: u32,
        #[serde(default, skip_serializing_if = "is_zero")]
        fewer_per_set: u32,
    },
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

impl Dose {
    /// Seconds the player counts down for this dose, or `None` when it waits for "Done".
    pub fn timed_secs(self) -> Option<u32> {
        match self {
            Dose::Hold { hold_secs } => Some(hold_secs),
            Dose::Reps { .. } => None,
            Dose::Paced {
                reps, secs_per_rep, ..
            } => Some(reps.saturating_mul(secs_per_rep)),
        }
    }

    /// The dose of set `set` (1-based): a pyramid's later sets have fewer reps.
    pub fn for_set(self, set: u32) -> Dose {
        match self {
            Dose::Paced {
                reps,
                secs_per_rep,
                fewer_per_set,
            } if fewer_per_set > 0 => Dose::Paced {
                reps: reps
                    .saturating_sub(fewer_per_set.saturating_mul(set.saturating_sub(1)))
                    .max(1),
                secs_per_rep,
                fewer_per_set,
            },
            other => other,
        }
    }

    /// The hold each rep or set asks for, if the dose is held.
    pub fn hold_secs(self) -> Option<u32> {
        match self {
            Dose::Hold { hold_secs } => Some(hold_secs),
            Dose::Paced { secs_per_rep, .. } => Some(secs_per_rep),
            Dose::Reps { .. } => None,
        }
    }

    /// The same kind of dose with nothing done, for sets that were not reached.
    pub fn zero(self) -> Dose {
        match self {
            Dose::Hold { .. } => Dose::Hold { hold_secs: 0 },
            Dose::Reps { .. } => Dose::Reps { reps: 0 },
            Dose::Paced {
                secs_per_rep,
                fewer_per_set,
                ..
            } => Dose::Paced {
                reps: 0,
                secs_per_rep,
                fewer_per_set,
            },
        }
    }

    /// Short human text, e.g. "30 s", "2 min", "12 reps", "6 reps of 4 s".
    pub fn describe(self) -> String {
        match self {
            Dose::Hold { hold_secs } if hold_secs >= 60 && hold_secs % 60 == 0 => {
                format!("{} min", hold_secs / 60)
            }
            Dose::Hold { hold_secs } => format!("{hold_secs} s"),
            Dose::Reps { reps } => format!("{reps} reps"),
            Dose::Paced {
                reps, secs_per_rep, ..
            } => format!("{reps} reps of {secs_per_rep} s"),
        }
    }

    /// The dose over `sets` sets as the person reads it: "20 s", "2 × 20 s", or a pyramid's
    /// "5/3/1 reps of 8 s".
    pub fn describe_sets(self, sets: u32) -> String {
        match self {
            Dose::Paced {
                secs_per_rep,
                fewer_per_set,
                ..
            } if fewer_per_set > 0 && sets > 1 => {
                let reps: Vec<String> = (1..=sets)
                    .map(|set| match self.for_set(set) {
                        Dose::Paced { reps, .. } => reps.to_string(),
                        _ => String::new(),
                    })
                    .collect();
                format!("{} reps of {secs_per_rep} s", reps.join("/"))
            }
            _ if sets == 1 => self.describe(),
            _ => format!("{sets} × {}", self.describe()),
        }
    }
}

/// The lowest values a reduction may bring a dose to (clinical spec §5): a reduced value is
/// never below the lower of its floor and its value before the reduction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Floors {
    pub hold_secs: u32,
    pub reps: u32,
    pub sets: u32,
}

impl Default for Floors {
    fn default() -> Self {
        Self {
            hold_secs: 5,
            reps: 3,
            sets: 1,
        }
    }
}

/// Which way an exercise loads the spine; the rules use it to block or swap exercises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MovementBias {
    Neutral,
    Flexion,
    Extension,
}

/// Something the person needs at hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Equipment {
    Mat,
    StabilityBall,
    Bench,
    Band,
    Dowel,
    LightWeight,
    Wall,
}

impl Equipment {
    pub fn label(self) -> &'static str {
        match self {
            Equipment::Mat => "mat",
            Equipment::StabilityBall => "stability ball",
            Equipment::Bench => "bench or sturdy chair",
            Equipment::Band => "resistance band",
            Equipment::Dowel => "broomstick or dowel",
            Equipment::LightWeight => "light weight",
            Equipment::Wall => "wall",
        }
    }
}

/// One step on an exercise's ladder (L1 is the easiest).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderStep {
    /// Short name of the variation, e.g. "knees and forearms".
    pub name: String,
    /// What changes at this step, in a sentence.
    #[serde(default)]
    pub cue: String,
    /// Starting dose per set at this step.
    pub dose: Dose,
}

/// A point of a stick-figure drawing, in a 100 × 60 box with the floor at y = 56.
pub type Point = (f32, f32);

/// Props drawn with a pose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Prop {
    Ball { center: Point, radius: f32 },
    Bench { top_left: Point, size: Point },
    Dowel { from: Point, to: Point },
}

/// A side-view drawing of the body position: a head and a few polylines (limbs, trunk).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pose {
    pub head: Point,
    pub lines: Vec<Vec<Point>>,
    #[serde(default)]
    pub props: Vec<Prop>,
    /// An arrow showing the movement, if any.
    #[serde(default)]
    pub arrow: Option<(Point, Point)>,
}

/// One exercise of the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Stable id used by programs and plan files, e.g. `side_plank`.
    pub id: String,
    pub name: String,
    pub targets: Vec<String>,
    /// How to do it, in plain words.
    pub how_to: String,
    /// Done on the left and then the right side.
    pub per_side: bool,
    pub bias: MovementBias,
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// Guidance by presentation (spasm, nerve, ache), shown to the person.
    #[serde(default)]
    pub presentation_notes: String,
    /// McGill-style (bird dog, curl-up): holds never above the plan's `max_mcgill_hold_secs`,
    /// whatever a plan or the catalog says; they progress by climbing the pyramid.
    #[serde(default)]
    pub mcgill_style: bool,
    /// The ladder step (1-based) the drawing shows.
    pub pose_step: u8,
    pub pose: Pose,
    pub ladder: Vec<LadderStep>,
}

impl Exercise {
    /// The ladder step by 1-based number.
    pub fn step(&self, step_number: u8) -> Option<&LadderStep> {
        usize::from(step_number)
            .checked_sub(1)
            .and_then(|i| self.ladder.get(i))
    }

    /// Highest ladder step number.
    pub fn top_step(&self) -> u8 {
        u8::try_from(self.ladder.len()).unwrap_or(u8::MAX)
    }
}

/// All exercises the app knows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub schema_version: u32,
    /// How far a reduction may take a dose.
    #[serde(default)]
    pub floors: Floors,
    pub exercises: Vec<Exercise>,
}

impl Catalog {
    pub const SCHEMA_VERSION: u32 = 1;

    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Problems that make the catalog unusable (duplicate ids, empty ladders, bad pose steps).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (i, exercise) in self.exercises.iter().enumerate() {
            if self.exercises[..i].iter().any(|e| e.id == exercise.id) {
                problems.push(format!("exercise id `{}` appears twice", exercise.id));
            }
            if exercise.ladder.is_empty() {
                problems.push(format!("exercise `{}` has no ladder steps", exercise.id));
            }
            if exercise.step(exercise.pose_step).is_none() {
                problems.push(format!(
                    "exercise `{}`: pose_step {} is not one of its {} ladder steps",
                    exercise.id,
                    exercise.pose_step,
                    exercise.ladder.len()
                ));
            }
        }
        problems
    }
}
