//! Every check a plan must pass before it is used, each problem at its field path.

use super::blocks::ProgramItem;
use super::{Plan, PlanProblem, Presentation, ranges};
use crate::domain::dates;
use crate::domain::plan::catalog::{Catalog, Dose, MovementBias};
use crate::domain::plan::circuit::Circuit;

/// A plan that passed every check, with its circuit resolved against the catalog.
#[derive(Clone, Debug)]
pub struct CheckedPlan {
    pub plan: Plan,
    pub circuit: Circuit,
}

/// What is wrong with a text a person will read (on screen, in the handout): too long, or
/// holding characters that are not text (control characters, or the invisible marks that
/// reverse the direction of what follows). Line breaks and tabs are allowed.
fn text_problem(text: &str, max_chars: usize) -> Option<String> {
    let chars = text.chars().count();
    if chars > max_chars {
        return Some(format!(
            "{chars} characters; at most {max_chars} are shown, so shorten it"
        ));
    }
    let hidden = text.chars().find(|c| {
        (c.is_control() && *c != '\n' && *c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })?;
    Some(format!(
        "holds the invisible character U+{:04X}, which is not text; type it again without it",
        u32::from(hidden)
    ))
}

impl Plan {
    pub const SCHEMA_VERSION: u32 = 2;

    /// Every check, in the order `validate` runs them: the ranges first (the timeline
    /// allocates a phase per round, set and side, so `rounds: 4000000000` must be refused
    /// before it is expanded), then the session length against the physio's limit. The plan
    /// with its circuit, or every problem at its field.
    pub fn checked(&self, catalog: &Catalog) -> Result<CheckedPlan, Vec<PlanProblem>> {
        let circuit = Circuit::resolve(self, catalog).ok();
        let mut problems = self.problems(catalog, None);
        if problems.is_empty()
            && let Some(circuit) = &circuit
        {
            let planned_minutes = crate::domain::plan::timeline::Timeline::build(circuit)
                .planned_total_secs()
                .div_ceil(60);
            problems = self.problems(catalog, Some(planned_minutes));
        }
        match (problems.is_empty(), circuit) {
            (true, Some(circuit)) => Ok(CheckedPlan {
                plan: self.clone(),
                circuit,
            }),
            _ => Err(problems),
        }
    }

    /// Everything wrong with the plan against the catalog, each at its field.
    /// `planned_minutes` is the session length the timeline gives (for the length limit).
    pub fn problems(&self, catalog: &Catalog, planned_minutes: Option<u64>) -> Vec<PlanProblem> {
        let mut problems = Vec::new();
        let mut problem =
            |path: String, message: String| problems.push(PlanProblem { path, message });
        let ids: Vec<&str> = catalog.exercises.iter().map(|e| e.id.as_str()).collect();

        self.name_and_date_problems(&mut problem);
        self.timing_problems(&mut problem);
        self.block_problems(&mut problem, catalog, &ids);
        self.limit_problems(&mut problem, catalog, &ids, planned_minutes);
        self.rule_problems(&mut problem);
        problems
    }

    /// The name is given, both dates are supported, and the review is not before the start.
    fn name_and_date_problems(&self, problem: &mut impl FnMut(String, String)) {
        if self.name.trim().is_empty() {
            problem("name".into(), "the plan needs a name".into());
        }
        let clinician = self.clinician.as_ref();
        for (field, text, max_chars) in [
            ("name", Some(self.name.as_str()), 120),
            ("description", Some(self.description.as_str()), 4000),
            ("patient", self.patient.as_deref(), 120),
            ("clinician.name", clinician.map(|c| c.name.as_str()), 120),
            (
                "clinician.clinic",
                clinician.map(|c| c.clinic.as_str()),
                200,
            ),
            (
                "clinician.contact",
                clinician.map(|c| c.contact.as_str()),
                400,
            ),
        ] {
            if let Some(message) = text.and_then(|text| text_problem(text, max_chars)) {
                problem(field.into(), message);
            }
        }
        for (field, date) in [
            ("start_date", self.start_date),
            ("review_date", self.review_date),
        ] {
            if let Some(date) = date
                && !dates::supported(date)
            {
                problem(field.into(), dates::unsupported_message(date));
            }
        }
        if self.activities.len() > crate::domain::care::activities::MAX_ACTIVITIES {
            problem(
                "activities".into(),
                format!(
                    "{} activities; at most {} (the person rates each)",
                    self.activities.len(),
                    crate::domain::care::activities::MAX_ACTIVITIES
                ),
            );
        }
        for (i, name) in self.activities.iter().enumerate() {
            if let Some(message) = crate::domain::care::activities::name_problem(name) {
                problem(format!("activities[{i}]"), message);
            } else if self.activities[..i].contains(name) {
                problem(
                    format!("activities[{i}]"),
                    format!("\"{name}\" is listed twice"),
                );
            }
        }
        if let (Some(start), Some(review)) = (self.start_date, self.review_date)
            && review < start + chrono::Duration::days(7)
        {
            problem(
                "review_date".into(),
                format!(
                    "Review date {} must be at least a week after the start date {} (the first possible review is {})",
                    dates::short_date(review),
                    dates::short_date(start),
                    dates::short_date(start + chrono::Duration::days(7))
                ),
            );
        }
    }

    /// Sessions a week and every timing (lead-ins, rests, seconds per rep) within range.
    fn timing_problems(&self, problem: &mut impl FnMut(String, String)) {
        in_range(
            problem,
            "sessions_per_week",
            self.sessions_per_week,
            ranges::SESSIONS_PER_WEEK,
        );
        let t = &self.timings;
        in_range(
            problem,
            "timings.get_ready_secs",
            t.get_ready_secs,
            ranges::LEAD_IN_SECS,
        );
        in_range(
            problem,
            "timings.switch_sides_secs",
            t.switch_sides_secs,
            ranges::LEAD_IN_SECS,
        );
        for (field, value) in [
            ("rest_between_sets_secs", t.rest_between_sets_secs),
            ("rest_between_exercises_secs", t.rest_between_exercises_secs),
            ("rest_between_rounds_secs", t.rest_between_rounds_secs),
        ] {
            in_range(
                problem,
                &format!("timings.{field}"),
                value,
                ranges::REST_SECS,
            );
        }
        in_range(
            problem,
            "timings.secs_per_rep_estimate",
            t.secs_per_rep_estimate,
            ranges::SECS_PER_REP,
        );
    }

    /// The plan has exercises and not too many blocks; then each block and its items.
    fn block_problems(
        &self,
        problem: &mut impl FnMut(String, String),
        catalog: &Catalog,
        ids: &[&str],
    ) {
        if self.blocks.iter().all(|b| b.items.is_empty()) {
            problem("blocks".into(), "the plan has no exercises".into());
        }
        if self.blocks.len() > ranges::MAX_BLOCKS {
            problem(
                "blocks".into(),
                format!(
                    "{} blocks; a plan may have at most {}",
                    self.blocks.len(),
                    ranges::MAX_BLOCKS
                ),
            );
        }
        for (b, block) in self.blocks.iter().enumerate() {
            let block_path = format!("blocks[{b}]");
            in_range(
                problem,
                &format!("{block_path}.rounds"),
                block.rounds,
                ranges::ROUNDS,
            );
            if block.items.len() > ranges::MAX_ITEMS_PER_BLOCK {
                problem(
                    format!("{block_path}.items"),
                    format!(
                        "{} exercises; a block may have at most {}",
                        block.items.len(),
                        ranges::MAX_ITEMS_PER_BLOCK
                    ),
                );
            }
            if let Some(rest) = block.rest_between_exercises_secs {
                in_range(
                    problem,
                    &format!("{block_path}.rest_between_exercises_secs"),
                    rest,
                    ranges::REST_SECS,
                );
            }
            for (i, item) in block.items.iter().enumerate() {
                let path = format!("{block_path}.items[{i}]");
                self.item_problems(problem, &path, item, catalog, ids);
            }
        }
    }

    /// One item at `path`: sets, an exercise known and allowed, a step it has, and the dose.
    fn item_problems(
        &self,
        problem: &mut impl FnMut(String, String),
        path: &str,
        item: &ProgramItem,
        catalog: &Catalog,
        ids: &[&str],
    ) {
        in_range(problem, &format!("{path}.sets"), item.sets, ranges::SETS);
        let Some(exercise) = catalog.get(&item.exercise) else {
            problem(
                format!("{path}.exercise"),
                unknown_exercise_message(&item.exercise, ids),
            );
            return;
        };
        if self.presentation == Presentation::Nerve && exercise.bias == MovementBias::Flexion {
            problem(
                format!("{path}.exercise"),
                format!(
                    "{} bends the spine forward, and a plan for pain shooting into a leg never prescribes it: remove it, or change the presentation",
                    exercise.name
                ),
            );
        }
        if self.limits.excluded_exercises.contains(&item.exercise) {
            problem(
                format!("{path}.exercise"),
                format!(
                    "{} is on the \"Never prescribe\" list but the session uses it: remove one or the other",
                    exercise.name
                ),
            );
        }
        let top = exercise.top_step();
        if item.step == 0 || item.step > top {
            problem(
                format!("{path}.step"),
                format!(
                    "{} has steps 1 to {top}; step {} does not exist",
                    exercise.name, item.step
                ),
            );
        } else if let Some(&max) = self.limits.max_steps.get(&item.exercise)
            && item.step > max
        {
            problem(
                format!("{path}.step"),
                format!(
                    "step {} is above the highest step set for {} ({max}): lower the step, or raise its highest step",
                    item.step, exercise.name
                ),
            );
        }
        if let Some(dose) = item.dose {
            dose_problems(problem, &format!("{path}.dose"), dose);
            // Warm-up, mobility and stretches (one step) keep the dose the plan gives.
            if exercise.ladder.len() > 1
                && let Some(step) = exercise.step(item.step)
            {
                self.working_range_problem(problem, &format!("{path}.dose"), exercise, step, dose);
            }
        }
    }

    /// A dose the plan prescribes stays inside the working range of its ladder step: from the
    /// catalog's floor to the top of the step's range (its starting dose plus the dose steps
    /// the rules climb within a step). A 3-minute plank at step 1 is a harder step's work.
    fn working_range_problem(
        &self,
        problem: &mut impl FnMut(String, String),
        path: &str,
        exercise: &crate::domain::plan::catalog::Exercise,
        step: &crate::domain::plan::catalog::LadderStep,
        dose: Dose,
    ) {
        let climbs = self.rules.dose_steps_per_ladder_step;
        let (amount, top, unit, field) = match (dose, step.dose) {
            (Dose::Hold { hold_secs }, Dose::Hold { hold_secs: start }) => (
                hold_secs,
                start + climbs * self.rules.progress_hold_secs,
                " s",
                "hold_secs",
            ),
            (Dose::Reps { reps }, Dose::Reps { reps: start }) => (
                reps,
                start + climbs * self.rules.progress_reps,
                " reps",
                "reps",
            ),
            (Dose::Paced { reps, .. }, Dose::Paced { reps: start, .. }) => {
                (reps, start + climbs, " reps", "reps")
            }
            _ => {
                problem(
                    path.to_owned(),
                    format!(
                        "{} at step {} ({}) is done as {}, not as the dose given here",
                        exercise.name,
                        step_number(exercise, step),
                        step.name,
                        step.dose.describe()
                    ),
                );
                return;
            }
        };
        // Outside the absolute range: said once, by that check.
        let absolute = match dose {
            Dose::Hold { .. } => ranges::HOLD_SECS,
            Dose::Reps { .. } => ranges::REPS,
            Dose::Paced { .. } => ranges::PACED_REPS,
        };
        if amount > top && absolute.contains(&amount) {
            problem(
                format!("{path}.{field}"),
                format!(
                    "{} at step {} ({}) goes up to {top}{unit}; {amount}{unit} is work for a harder step: choose a higher step, or {top}{unit} or less",
                    exercise.name,
                    step_number(exercise, step),
                    step.name
                ),
            );
        }
    }

    /// The physio's limits name known exercises and real steps, and the session fits the length.
    fn limit_problems(
        &self,
        problem: &mut impl FnMut(String, String),
        catalog: &Catalog,
        ids: &[&str],
        planned_minutes: Option<u64>,
    ) {
        for id in &self.limits.excluded_exercises {
            if catalog.get(id).is_none() {
                problem(
                    "limits.excluded_exercises".into(),
                    unknown_exercise_message(id, ids),
                );
            }
        }
        for (id, &max) in &self.limits.max_steps {
            let path = format!("limits.max_steps.{id}");
            match catalog.get(id) {
                None => problem(path, unknown_exercise_message(id, ids)),
                Some(exercise) if max == 0 || max > exercise.top_step() => problem(
                    path,
                    format!(
                        "{} has steps 1 to {}; {max} is not one of them",
                        exercise.name,
                        exercise.top_step()
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(max_minutes) = self.limits.max_session_minutes {
            in_range(
                problem,
                "limits.max_session_minutes",
                max_minutes,
                ranges::SESSION_MINUTES,
            );
            if let Some(minutes) = planned_minutes
                && minutes > u64::from(max_minutes)
            {
                problem(
                    "limits.max_session_minutes".into(),
                    format!(
                        "the session takes about {minutes} min, longer than the longest session set ({max_minutes} min): shorten it, or allow more time"
                    ),
                );
            }
        }
    }

    /// The rule settings (spec §5 v3): each inside its range, and no combination that
    /// switches a rule off.
    fn rule_problems(&self, problem: &mut impl FnMut(String, String)) {
        let mut found = Vec::new();
        super::rule_settings::rule_problems(&self.rules, &mut found);
        for p in found {
            problem(p.path, p.message);
        }
    }
}

fn in_range<T: PartialOrd + std::fmt::Display + Copy>(
    problem: &mut impl FnMut(String, String),
    path: &str,
    value: T,
    range: std::ops::RangeInclusive<T>,
) {
    if !range.contains(&value) {
        let field = path.rsplit('.').next().unwrap_or(path);
        let (start, end) = (range.start(), range.end());
        let limit = if value > *end {
            format!("must be {end} or less")
        } else {
            format!("must be at least {start}")
        };
        problem(
            path.to_owned(),
            format!(
                "{} {limit} (it is {value}; allowed {start} to {end})",
                plain_name(field)
            ),
        );
    }
}

/// A plan file's field as the editor names it.
fn plain_name(field: &str) -> &str {
    match field {
        "rounds" => "Rounds",
        "sets" => "Sets",
        "hold_secs" => "Hold (seconds)",
        "reps" => "Reps",
        "secs_per_rep" => "Seconds per rep",
        "fewer_per_set" => "Fewer reps each set",
        "sessions_per_week" => "Sessions a week",
        "get_ready_secs" => "Get ready (seconds)",
        "switch_sides_secs" => "Switch sides (seconds)",
        "rest_between_sets_secs" => "Rest between sets (seconds)",
        "rest_between_exercises_secs" => "Rest between exercises (seconds)",
        "rest_between_rounds_secs" => "Rest between rounds (seconds)",
        "secs_per_rep_estimate" => "Seconds per rep, for timing",
        "max_session_minutes" => "Longest session (minutes)",
        other => other,
    }
}

fn dose_problems(problem: &mut impl FnMut(String, String), path: &str, dose: Dose) {
    match dose {
        Dose::Hold { hold_secs } => in_range(
            problem,
            &format!("{path}.hold_secs"),
            hold_secs,
            ranges::HOLD_SECS,
        ),
        Dose::Reps { reps } => in_range(problem, &format!("{path}.reps"), reps, ranges::REPS),
        Dose::Paced {
            reps,
            secs_per_rep,
            fewer_per_set,
        } => {
            in_range(problem, &format!("{path}.reps"), reps, ranges::PACED_REPS);
            in_range(
                problem,
                &format!("{path}.secs_per_rep"),
                secs_per_rep,
                ranges::SECS_PER_REP,
            );
            in_range(
                problem,
                &format!("{path}.fewer_per_set"),
                fewer_per_set,
                ranges::FEWER_PER_SET,
            );
        }
    }
}

/// "unknown exercise id `plankk`; did you mean `plank`?"
pub fn unknown_exercise_message(id: &str, known: &[&str]) -> String {
    let nearest = known
        .iter()
        .map(|k| (strsim::levenshtein(id, k), *k))
        .min_by_key(|(distance, _)| *distance);
    match nearest {
        Some((distance, k)) if distance <= 3 || k.contains(id) || id.contains(k) => {
            format!("unknown exercise id `{id}`; did you mean `{k}`?")
        }
        _ => format!(
            "unknown exercise id `{id}`; known ids: {}",
            known.join(", ")
        ),
    }
}

/// The number of `step` in its exercise's ladder.
fn step_number(
    exercise: &crate::domain::plan::catalog::Exercise,
    step: &crate::domain::plan::catalog::LadderStep,
) -> usize {
    exercise
        .ladder
        .iter()
        .position(|s| std::ptr::eq(s, step))
        .map_or(0, |i| i + 1)
}
