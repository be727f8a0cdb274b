//! A file of the person's that could not be used, and what became of it.

use std::path::PathBuf;

use super::ron_file::FileProblems;

/// One of the person's files that could not be used. It was renamed aside (or, if even that
/// failed, left alone and never overwritten); nothing else was changed. The caller shows it
/// to the person or prints it, once.
#[derive(Debug)]
pub struct LoadProblem {
    pub file: StoredFile,
    pub problems: FileProblems,
    /// Where the file was kept, or why it could not be moved aside.
    pub kept: Result<PathBuf, std::io::Error>,
}

/// Which of the app's files a [`LoadProblem`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredFile {
    Settings,
    Session,
    History,
    Plan,
    /// The plan editor's draft.
    PlanDraft,
    InProgress,
    /// The `sessions/` folder itself.
    SessionsFolder,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.file == StoredFile::SessionsFolder {
            return write!(
                f,
                "{}\nYour past sessions cannot be shown until the folder can be read; nothing in it was changed.",
                self.problems
            );
        }
        if self.file == StoredFile::Plan {
            let kept = match &self.kept {
                Ok(kept) => format!("It was kept as {}.", kept.display()),
                Err(err) => {
                    format!("It could not be moved aside ({err}) and will not be overwritten.")
                }
            };
            return write!(
                f,
                "Your saved plan could not be used, so the built-in plan is shown. {kept}\n{}",
                self.problems
            );
        }
        match &self.kept {
            Ok(kept) => write!(
                f,
                "{}\nThe file was kept as {} and left untouched; nothing else was changed.",
                self.problems,
                kept.display()
            ),
            Err(err) => write!(
                f,
                "{}\nIt could not be moved aside ({err}); it will not be overwritten.",
                self.problems
            ),
        }
    }
}

impl std::error::Error for LoadProblem {}
