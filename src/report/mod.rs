//! Documents the app writes for people to read or print: the plan handout, the clinician
//! report and the CSV of every set. Self-contained HTML: pictures inline as SVG, no network.

pub mod activities_section;
pub mod calendar;
pub mod chart_svg;
pub mod clinician;
mod clinician_style;
pub mod csv_export;
pub mod events;
pub mod handout;
pub mod html;
pub mod svg;

/// Why a report or export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the CSV could not be built: {0}")]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Write(#[from] crate::store::StoreError),
}
