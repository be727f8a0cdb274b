//! Plans: plan files and their checks, the plan editor, opening and exporting plans in the
//! app, the printable handout, and the exercise pictures.

mod catalog_steps;
mod figures;
mod handout;
mod opening_plans;
mod plan_editor_ui;
mod plan_files;
