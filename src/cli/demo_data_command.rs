//! `strongback demo-data DIR [--years N] [--every-days N]`: a generated history in a data
//! folder, so a new user, a physio at a demonstration and the benchmarks can see months of
//! progress. It refuses a folder that already holds someone's records.

use std::path::Path;

use anyhow::bail;
use chrono::NaiveDate;

use crate::domain::progress::demo::generate_history;
use crate::store::Store;
use crate::store::bundled::Assets;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct DemoRequest {
    pub years: u32,
    /// A session every this many days (1 = daily).
    pub every_days: u32,
    /// Today: the history ends the day before, so today is free to try (a session generated
    /// for later today would show as "last session" before it happened).
    pub today: NaiveDate,
}

/// Write the generated sessions and `history.ron` into `dir`; returns the exit code.
pub fn run(dir: &Path, request: DemoRequest, assets: &Assets) -> anyhow::Result<u8> {
    if !(1..=50).contains(&request.years) {
        bail!("--years must be between 1 and 50");
    }
    if !(1..=7).contains(&request.every_days) {
        bail!("--every-days must be between 1 and 7");
    }
    let store = Store::open(dir)?;
    let _lock = store.lock()?;
    if store.holds_records() {
        bail!(
            "{} already holds sessions or check-ins; choose an empty folder (nothing was written)",
            dir.display()
        );
    }
    let days_total = request.years * 365;
    let last = request.today - chrono::Duration::days(1);
    let start = last - chrono::Duration::days(i64::from(days_total) - 1);
    let (sessions, days) = generate_history(
        &assets.plan,
        &assets.catalog,
        start,
        days_total,
        request.every_days,
    );
    for record in &sessions {
        store.save_session(record)?;
    }
    store.save_history(&days)?;
    super::terminal::say(&format!(
        "{}: {} sessions and {} days of check-ins from {start} to {} written",
        dir.display(),
        sessions.len(),
        days.len(),
        last
    ))?;
    super::terminal::say(&format!(
        "open it with: strongback --data-dir {}",
        shell_quote(&dir.display().to_string())
    ))?;
    Ok(0)
}

fn shell_quote(text: &str) -> String {
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-~".contains(c))
    {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
