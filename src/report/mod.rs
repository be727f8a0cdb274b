//! Documents the app writes for people to read or print: the plan handout (and, later, the
//! clinician report). Self-contained HTML: pictures inline as SVG, no network.

pub mod clinician;
pub mod csv_export;
pub mod handout;
pub mod html;
pub mod svg;
