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
    /// What could not be saved when the app last closed.
    Rescue,
    /// The `sessions/` folder itself.
    SessionsFolder,
    /// When the last training reminder was sent (`strongback remind`).
    ReminderLog,
}

impl LoadProblem {
    /// What to say, a line each: every problem found in the file, then what was done about
    /// it. (A terminal prints each line on its own; control characters within a line are
    /// escaped there, so a value from a file cannot start a line of its own.)
    pub fn lines(&self) -> Vec<String> {
        let problems = self.problems.0.iter().map(ToString::to_string);
        let kept = match &self.kept {
            Ok(kept) => format!("It was kept as {}.", kept.display()),
            Err(err) => format!("It could not be moved aside ({err}) and will not be overwritten."),
        };
        match self.file {
            StoredFile::SessionsFolder => problems
                .chain(std::iter::once(
                    "Your past sessions cannot be shown until the folder can be read; nothing in it was changed."
                        .to_owned(),
                ))
                .collect(),
            StoredFile::Plan => std::iter::once(format!(
                "Your saved plan could not be used, so the built-in plan is shown. {kept}"
            ))
            .chain(problems)
            .collect(),
            _ => problems
                .chain(std::iter::once(match &self.kept {
                    Ok(kept) => format!(
                        "The file was kept as {} and left untouched; nothing else was changed.",
                        kept.display()
                    ),
                    Err(err) => {
                        format!("It could not be moved aside ({err}); it will not be overwritten.")
                    }
                }))
                .collect(),
        }
    }
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for LoadProblem {}
