//! The report's "What they can do again" (clinical spec §6): per activity the first and
//! latest rating with dates, the change and whether it passed 3 points; the mean's change and
//! whether it passed 2; the answers to "compared with when you started"; a fall worth telling.
//! In the same words as the app's History.

use std::fmt::Write as _;

use crate::domain::care::activities::{ACTIVITY_POINTS, ActivityLog, MEAN_POINTS};
use crate::domain::dates::short_date;

use super::html::escape;

/// The section, or nothing when no activity was rated in the period.
pub fn activities_summary(log: &ActivityLog) -> String {
    if log.rating_dates.is_empty() && log.global_changes.is_empty() {
        return String::new();
    }
    let mut html = String::from(
        "<div class=\"keep\" id=\"activities\"><h3>What they can do again</h3>\n<p>Activities the person named, \
         each rated 0 (cannot do it at all) to 10 (as well as before the back trouble). Their \
         own words, not a validated score.</p>\n",
    );
    html.push_str(
        "<table><thead><tr><th>Activity</th><th>First and latest rating</th></tr></thead><tbody>\n",
    );
    for activity in log.activities.iter().filter(|a| !a.ratings.is_empty()) {
        let status = activity
            .retired_on
            .map(|d| format!(" <small>(no longer rated from {})</small>", short_date(d)))
            .unwrap_or_default();
        let change = match activity.change() {
            Some(change) => escape(&change.describe(ACTIVITY_POINTS)),
            None => {
                let (on, rating) = activity.ratings[0];
                format!("{rating} on {} (rated once)", short_date(on))
            }
        };
        let _ = writeln!(
            html,
            "<tr><td>{}{status}</td><td>{change}</td></tr>",
            escape(&activity.name)
        );
    }
    let mean = match log.mean_change() {
        Some(change) => escape(&format!(
            "{}{}",
            change.describe(MEAN_POINTS),
            crate::domain::progress::activity_figures::compared(log)
        )),
        None => log
            .means()
            .first()
            .map(|(on, mean)| format!("{mean:.1} on {} (rated once)", short_date(*on)))
            .unwrap_or_default(),
    };
    let _ = writeln!(
        html,
        "<tr><td><strong>Mean of the activities</strong></td><td><strong>{mean}</strong></td></tr>\n</tbody></table>"
    );
    if let Some(fall) = log.fall_sentence() {
        let _ = writeln!(html, "<p class=\"warn\">{}</p>", escape(&fall));
    }
    if !log.global_changes.is_empty() {
        let answers: Vec<String> = log
            .global_changes
            .iter()
            .map(|(on, answer)| format!("{}: {}", short_date(*on), answer.label()))
            .collect();
        let _ = writeln!(
            html,
            "<p>Compared with when they started, their back is: {}.</p>",
            escape(&answers.join("; "))
        );
    }
    html.push_str("</div>\n");
    html
}
