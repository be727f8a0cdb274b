//! Progress: adherence, streaks and chart series (`figures`), the history screen, the
//! clinician report and CSV export, and generated demo data.

mod demo_data;
mod figures;
mod history_ui;
mod report;
