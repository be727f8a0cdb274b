//! The app as a whole: driven by role and label, its accessibility tree, and image snapshots.

mod a11y_tree;
mod app_ui;
mod snapshots_ui;
mod startup;
