//! The notices on screen: what went wrong, or what was just done. The app shows each error
//! here or logs it, never both.

use crate::store::LoadProblem;
use crate::ui::widgets::notices::Notice;

use std::time::Duration;

/// How long a confirmation stays on screen once it is showing.
const INFO_SHOWS_FOR: Duration = Duration::from_secs(8);

/// The notices waiting, oldest first, shown one at a time; the same text is never queued
/// twice.
#[derive(Default)]
pub struct Notices {
    shown: Vec<Notice>,
    /// When the first notice began to show (monotonic time), if it is a confirmation.
    front_since: Option<Duration>,
}

impl Notices {
    pub fn all(&self) -> &[Notice] {
        &self.shown
    }

    /// Something went wrong that the person should know about.
    pub fn problem(&mut self, text: String) {
        self.push(Notice::problem(text));
    }

    /// A problem that can happen again and again (every snapshot of a session on a full
    /// disk): one notice with the latest words and how many times, not a queue of them.
    pub fn repeated_problem(&mut self, key: &'static str, text: String) {
        if let Some(shown) = self.shown.iter_mut().find(|n| n.key == Some(key)) {
            shown.text = text;
            shown.times += 1;
            return;
        }
        let mut notice = Notice::problem(text);
        notice.key = Some(key);
        self.push(notice);
    }

    /// The problem `key` is over (what failed has now worked): its notice goes.
    pub fn resolved(&mut self, key: &'static str) {
        if let Some(index) = self.shown.iter().position(|n| n.key == Some(key)) {
            self.dismiss(index);
        }
    }

    /// Something was done (a file saved, a plan in use).
    pub fn info(&mut self, text: String) {
        self.push(Notice::info(text));
    }

    /// A file of the person's that could not be read and was set aside.
    pub fn unreadable(&mut self, problem: &LoadProblem) {
        self.problem(problem.to_string());
    }

    pub fn dismiss(&mut self, index: usize) {
        if index < self.shown.len() {
            self.shown.remove(index);
            if index == 0 {
                self.front_since = None;
            }
        }
    }

    /// Let a confirmation that has shown long enough go; returns when to look again.
    pub fn expire(&mut self, now: Duration) -> Option<Duration> {
        let front = self.shown.first()?;
        if front.kind != crate::ui::widgets::notices::NoticeKind::Info {
            return None;
        }
        let since = *self.front_since.get_or_insert(now);
        let shown_for = now.saturating_sub(since);
        if shown_for >= INFO_SHOWS_FOR {
            self.dismiss(0);
            // The next one, if any, starts its own time now.
            return self.expire(now);
        }
        Some(INFO_SHOWS_FOR - shown_for)
    }

    fn push(&mut self, notice: Notice) {
        use crate::ui::widgets::notices::NoticeKind;
        if notice.kind == NoticeKind::Info {
            // A new confirmation replaces an older one: only the latest news is worth reading.
            if self
                .shown
                .first()
                .is_some_and(|n| n.kind == NoticeKind::Info)
            {
                self.front_since = None;
            }
            self.shown.retain(|n| n.kind != NoticeKind::Info);
        }
        if !self.shown.iter().any(|n| n.text == notice.text) {
            self.shown.push(notice);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_confirmation_at_a_time_and_it_goes_by_itself() {
        let mut notices = Notices::default();
        notices.info("Handout saved".to_owned());
        notices.info("Report saved".to_owned());
        assert_eq!(
            notices.all().len(),
            1,
            "the newer confirmation replaces the older"
        );
        assert_eq!(notices.all()[0].text, "Report saved");
        let start = Duration::from_secs(100);
        assert_eq!(notices.expire(start), Some(INFO_SHOWS_FOR));
        assert_eq!(notices.expire(start + INFO_SHOWS_FOR), None);
        assert!(notices.all().is_empty(), "gone after its time");
    }

    #[test]
    fn problems_stay_until_dismissed() {
        let mut notices = Notices::default();
        notices.problem("Disk full".to_owned());
        notices.info("Saved".to_owned());
        assert_eq!(notices.expire(Duration::ZERO), None);
        assert_eq!(notices.expire(Duration::from_secs(3600)), None);
        assert_eq!(notices.all()[0].text, "Disk full");
        notices.dismiss(0);
        assert_eq!(notices.all()[0].text, "Saved");
    }
}

#[cfg(test)]
mod repeat_tests {
    use super::*;

    #[test]
    fn the_same_problem_again_is_counted_in_one_notice_and_goes_when_resolved() {
        let mut notices = Notices::default();
        for n in 0..47 {
            notices.repeated_problem("snapshot", format!("progress not saved ({n})"));
        }
        notices.repeated_problem("answers", "answers not saved".to_owned());
        assert_eq!(notices.all().len(), 2, "one notice a problem, not 48");
        assert_eq!(notices.all()[0].times, 47);
        assert_eq!(
            notices.all()[0].words(),
            "progress not saved (46) (This happened 47 times.)"
        );
        notices.resolved("answers");
        assert_eq!(notices.all().len(), 1);
    }
}
