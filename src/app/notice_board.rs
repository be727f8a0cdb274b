//! The notices on screen: what went wrong, or what was just done. The app shows each error
//! here or logs it, never both.

use crate::store::LoadProblem;
use crate::ui::widgets::notices::Notice;

/// The notices showing, oldest first; the same text is never shown twice.
#[derive(Default)]
pub struct Notices {
    shown: Vec<Notice>,
}

impl Notices {
    pub fn all(&self) -> &[Notice] {
        &self.shown
    }

    /// Something went wrong that the person should know about.
    pub fn problem(&mut self, text: String) {
        self.push(Notice::problem(text));
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
        }
    }

    fn push(&mut self, notice: Notice) {
        if !self.shown.iter().any(|n| n.text == notice.text) {
            self.shown.push(notice);
        }
    }
}
