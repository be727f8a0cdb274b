//! The exercise catalog: what each exercise is, how to do it, and its ladder of progressions.
//!
//! Pure data, loaded from `assets/catalog.ron`. See `../shared/clinical-spec.md` §2.

use serde::{Deserialize, Serialize};

use super::figure::parts::{Look, Part, ViewBox, WHOLE_BOX};
pub use super::figure::{Figure, PICTURE_BOX as POSE_BOX, Picture, Point, Pose, Prop};
pub use super::tempo::Tempo;

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

fn is_zero_u8(value: &u8) -> bool {
    *value == 0
}

/// An exercise's stick drawing, written bare as catalogs before schema 3 have it.
mod bare_pose {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Pose;

    pub fn read<'de, D: Deserializer<'de>>(reader: D) -> Result<Option<Pose>, D::Error> {
        Pose::deserialize(reader).map(Some)
    }

    pub fn write<S: Serializer>(pose: &Option<Pose>, writer: S) -> Result<S::Ok, S::Error> {
        match pose {
            Some(pose) => pose.serialize(writer),
            None => writer.serialize_none(),
        }
    }
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

    /// The same dose with every hold no longer than `max_secs` (reps are left alone).
    pub fn capped_hold(self, max_secs: u32) -> Dose {
        match self {
            Dose::Hold { hold_secs } => Dose::Hold {
                hold_secs: hold_secs.min(max_secs),
            },
            Dose::Paced {
                reps,
                secs_per_rep,
                fewer_per_set,
            } => Dose::Paced {
                reps,
                secs_per_rep: secs_per_rep.min(max_secs),
                fewer_per_set,
            },
            reps @ Dose::Reps { .. } => reps,
        }
    }

    /// Nothing of it was done (0 s, 0 reps).
    pub fn is_nothing(self) -> bool {
        self == self.zero()
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

    /// The dose over `sets` sets as the person reads it: "20 s", "2 sets of 20 s", or a pyramid's
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
            _ => format!("{sets} sets of {}", self.describe()),
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
    /// The one key cue of this step, in a sentence.
    #[serde(default)]
    pub cue: String,
    /// How to do this step, and only this step (catalog schema 2; a catalog from before shows
    /// the exercise's `how_to`): see [`Exercise::how_to_at`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub how_to: String,
    /// What this step needs (schema 2; without it, the exercise's equipment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment: Option<Vec<Equipment>>,
    /// How fast one rep moves, or a hold (schema 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempo: Option<Tempo>,
    /// Starting dose per set at this step.
    pub dose: Dose,
    /// The drawn person of this step, at the start and the end of the movement (schema 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    /// The stick drawing of a catalog before schema 3, where the step's position differed
    /// from the step below it: see [`Exercise::picture_at`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pose: Option<Pose>,
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
    /// The ladder step (1-based) the exercise's own stick drawing (`pose`) shows (catalogs
    /// before schema 3).
    #[serde(default, skip_serializing_if = "is_zero_u8")]
    pub pose_step: u8,
    /// The stick drawing for steps without one of their own (catalogs before schema 3, where
    /// it was required and written bare, not as `Some(...)`).
    #[serde(
        default,
        deserialize_with = "bare_pose::read",
        serialize_with = "bare_pose::write",
        skip_serializing_if = "Option::is_none"
    )]
    pub pose: Option<Pose>,
    pub ladder: Vec<LadderStep>,
}

impl Exercise {
    /// The ladder step by 1-based number.
    pub fn step(&self, step_number: u8) -> Option<&LadderStep> {
        usize::from(step_number)
            .checked_sub(1)
            .and_then(|i| self.ladder.get(i))
    }

    /// How to do ladder step `step_number`: the step's own words, or the exercise's where a
    /// catalog from before schema 2 has none.
    pub fn how_to_at(&self, step_number: u8) -> &str {
        self.step(step_number)
            .map(|s| s.how_to.as_str())
            .filter(|text| !text.is_empty())
            .unwrap_or(&self.how_to)
    }

    /// What ladder step `step_number` needs: its own list, or the exercise's.
    pub fn equipment_at(&self, step_number: u8) -> &[Equipment] {
        self.step(step_number)
            .and_then(|s| s.equipment.as_deref())
            .unwrap_or(&self.equipment)
    }

    /// How ladder step `step_number`'s picture is drawn: on a mat when the step uses one,
    /// flipped for the right side.
    pub fn look_at(&self, step_number: u8, mirrored: bool) -> Look {
        Look {
            mat: self.equipment_at(step_number).contains(&Equipment::Mat),
            mirrored,
            breath: 0.0,
        }
    }

    /// The shapes of the one position that shows step `step_number` best (the end of its
    /// movement, or its hold), and the part of the picture box they need: the thumbnails'
    /// picture. Empty without a picture.
    pub fn key_picture_at(&self, step_number: u8) -> (Vec<Part>, ViewBox) {
        let look = self.look_at(step_number, false);
        self.picture_at(step_number)
            .map(|picture| (picture.key_parts(look), picture.view_box(look)))
            .unwrap_or((Vec::new(), WHOLE_BOX))
    }

    /// Highest ladder step number.
    pub fn top_step(&self) -> u8 {
        u8::try_from(self.ladder.len()).unwrap_or(u8::MAX)
    }

    /// The picture of ladder step `step_number` (1-based): the step's own figure or stick
    /// drawing, or else that of the nearest lower step that has one, or else the exercise's
    /// stick drawing. A number past the top step counts as the top step.
    pub fn picture_at(&self, step_number: u8) -> Option<Picture<'_>> {
        let upto = usize::from(step_number.max(1)).min(self.ladder.len());
        self.ladder[..upto]
            .iter()
            .rev()
            .find_map(|step| {
                step.figure
                    .as_ref()
                    .map(Picture::Figure)
                    .or(step.pose.as_ref().map(Picture::Sketch))
            })
            .or(self.pose.as_ref().map(Picture::Sketch))
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
    /// 2: each ladder step has its own how-to, equipment and tempo (a version 1 catalog,
    /// without them, still loads and shows the exercise's how-to for every step).
    /// 3: each ladder step has its own figure, start and end positions (a catalog from before
    /// still loads and shows its stick drawings).
    pub const SCHEMA_VERSION: u32 = 3;

    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Problems that make the catalog unusable (duplicate ids, empty ladders, bad pose steps,
    /// step drawings without lines or outside the drawing box).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for (i, exercise) in self.exercises.iter().enumerate() {
            if self.exercises[..i].iter().any(|e| e.id == exercise.id) {
                problems.push(format!("exercise id `{}` appears twice", exercise.id));
            }
            if exercise.ladder.is_empty() {
                problems.push(format!("exercise `{}` has no ladder steps", exercise.id));
            }
            if exercise.pose.is_some() && exercise.step(exercise.pose_step).is_none() {
                problems.push(format!(
                    "exercise `{}`: pose_step {} is not one of its {} ladder steps",
                    exercise.id,
                    exercise.pose_step,
                    exercise.ladder.len()
                ));
            }
            for (i, step) in exercise.ladder.iter().enumerate() {
                let number = u8::try_from(i + 1).unwrap_or(u8::MAX);
                if exercise.picture_at(number).is_none() {
                    problems.push(format!(
                        "exercise `{}`: ladder step {} (\"{}\") has no figure",
                        exercise.id,
                        i + 1,
                        step.name
                    ));
                }
                let figure_problems = step.figure.iter().flat_map(Figure::problems);
                let pose_problems = step.pose.iter().flat_map(Pose::problems);
                for problem in figure_problems.chain(pose_problems) {
                    problems.push(format!(
                        "exercise `{}`: the picture of ladder step {} (\"{}\"): {problem}",
                        exercise.id,
                        i + 1,
                        step.name
                    ));
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pose(x: f32) -> Pose {
        Pose {
            head: (x, 40.0),
            lines: vec![vec![(10.0, 55.0), (x, 45.0)]],
            props: Vec::new(),
            arrow: None,
        }
    }

    fn step(name: &str, pose: Option<Pose>) -> LadderStep {
        LadderStep {
            name: name.to_string(),
            cue: String::new(),
            how_to: String::new(),
            equipment: None,
            tempo: None,
            dose: Dose::Hold { hold_secs: 10 },
            figure: None,
            pose,
        }
    }

    /// Steps 1–5 where steps 2 and 4 have their own drawings.
    fn exercise() -> Exercise {
        Exercise {
            id: "plank".to_string(),
            name: "Plank".to_string(),
            targets: Vec::new(),
            how_to: String::new(),
            per_side: false,
            bias: MovementBias::Neutral,
            equipment: Vec::new(),
            presentation_notes: String::new(),
            mcgill_style: false,
            pose_step: 1,
            pose: Some(pose(50.0)),
            ladder: vec![
                step("one", None),
                step("two", Some(pose(60.0))),
                step("three", None),
                step("four", Some(pose(70.0))),
                step("five", None),
            ],
        }
    }

    fn sketch(x: f32) -> Option<Picture<'static>> {
        Some(Picture::Sketch(Box::leak(Box::new(pose(x)))))
    }

    #[test]
    fn picture_at_is_the_steps_own_pose() {
        let exercise = exercise();
        assert_eq!(exercise.picture_at(2), sketch(60.0));
        assert_eq!(exercise.picture_at(4), sketch(70.0));
    }

    #[test]
    fn picture_at_falls_back_to_the_nearest_lower_step_with_a_pose() {
        let exercise = exercise();
        assert_eq!(exercise.picture_at(3), sketch(60.0));
        assert_eq!(exercise.picture_at(5), sketch(70.0));
    }

    #[test]
    fn picture_at_falls_back_to_the_exercise_pose_below_the_first_step_pose() {
        let exercise = exercise();
        assert_eq!(exercise.picture_at(1), sketch(50.0));
        assert_eq!(exercise.picture_at(0), sketch(50.0));
    }

    #[test]
    fn picture_at_past_the_top_step_is_the_top_steps_pose() {
        assert_eq!(exercise().picture_at(9), sketch(70.0));
    }

    #[test]
    fn picture_at_without_step_poses_is_the_exercise_pose() {
        let mut exercise = exercise();
        for step in &mut exercise.ladder {
            step.pose = None;
        }
        for n in 0..=6 {
            assert_eq!(exercise.picture_at(n), sketch(50.0));
        }
    }

    #[test]
    fn a_ladder_step_without_a_pose_still_loads() {
        let step: LadderStep =
            ron::from_str(r#"(name: "bent knees", cue: "Knees down.", dose: Hold(hold_secs: 10))"#)
                .expect("old step loads");
        assert_eq!(step.pose, None);
        let step: LadderStep = ron::from_str(
            r#"(name: "bent knees", dose: Hold(hold_secs: 10), pose: Some((head: (80, 30), lines: [[(10, 55), (70, 40)]])))"#,
        )
        .expect("step with a pose loads");
        assert!(step.pose.is_some());
    }

    fn catalog_with_step_pose(pose: Pose) -> Catalog {
        let mut exercise = exercise();
        exercise.ladder[2].pose = Some(pose);
        Catalog {
            schema_version: Catalog::SCHEMA_VERSION,
            floors: Floors::default(),
            exercises: vec![exercise],
        }
    }

    #[test]
    fn good_step_poses_are_no_problem() {
        assert_eq!(
            catalog_with_step_pose(pose(80.0)).problems(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_step_pose_without_lines_is_a_problem() {
        let mut empty = pose(80.0);
        empty.lines.clear();
        let problems = catalog_with_step_pose(empty).problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("ladder step 3"), "{problems:?}");
        assert!(problems[0].contains("no lines"), "{problems:?}");
    }

    #[test]
    fn a_step_pose_outside_the_box_is_a_problem() {
        for bad in [
            Pose {
                head: (104.0, 40.0),
                ..pose(80.0)
            },
            Pose {
                lines: vec![vec![(10.0, 61.0), (50.0, 40.0)]],
                ..pose(80.0)
            },
            Pose {
                arrow: Some(((50.0, 10.0), (50.0, -2.0))),
                ..pose(80.0)
            },
            Pose {
                props: vec![Prop::Ball {
                    center: (95.0, 48.0),
                    radius: 8.0,
                }],
                ..pose(80.0)
            },
            Pose {
                lines: vec![vec![(f32::NAN, 40.0)]],
                ..pose(80.0)
            },
        ] {
            let problems = catalog_with_step_pose(bad.clone()).problems();
            assert_eq!(problems.len(), 1, "{bad:?}: {problems:?}");
            assert!(
                problems[0].contains("outside the 100 × 60 box"),
                "{problems:?}"
            );
        }
    }
}
