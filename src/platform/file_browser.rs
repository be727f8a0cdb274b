//! The state behind the app's file picker: a folder and what is in it. Reading folders lives
//! here, so the picker screen only draws and returns actions.

use std::path::{Path, PathBuf};

/// What the picker is choosing a file for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    OpenPlan,
    ExportPlan,
    SaveHandout,
    SaveReport,
    SaveCsv,
    /// A finished session that could not be saved in the data folder.
    SaveSession,
    /// The plan editor's plan, and its handout.
    SaveDraftPlan,
    SaveDraftHandout,
    /// The training days as a calendar file: the person's (Reminders), and the plan editor's
    /// for the physio to hand over.
    SaveCalendar,
    SaveDraftCalendar,
}

impl FilePurpose {
    /// The kind of file listed and, when saving, added to a bare name.
    pub fn extension(self) -> &'static str {
        match self {
            FilePurpose::OpenPlan
            | FilePurpose::ExportPlan
            | FilePurpose::SaveSession
            | FilePurpose::SaveDraftPlan => "ron",
            FilePurpose::SaveHandout | FilePurpose::SaveReport | FilePurpose::SaveDraftHandout => {
                "html"
            }
            FilePurpose::SaveCsv => "csv",
            FilePurpose::SaveCalendar | FilePurpose::SaveDraftCalendar => "ics",
        }
    }

    pub fn is_save(self) -> bool {
        self != FilePurpose::OpenPlan
    }
}

/// One folder, or file of the purpose's kind, in the current folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
}

/// A folder being browsed, and the file name typed or picked.
#[derive(Clone, Debug)]
pub struct FileBrowser {
    pub purpose: FilePurpose,
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub file_name: String,
    /// Why the folder could not be listed, if it could not.
    pub error: Option<String>,
    /// The chosen file exists: saving waits for the person to say "Replace".
    pub replacing: Option<PathBuf>,
}

impl FileBrowser {
    pub fn new(purpose: FilePurpose, dir: PathBuf, file_name: String) -> Self {
        let mut browser = Self {
            purpose,
            dir,
            entries: Vec::new(),
            file_name,
            error: None,
            replacing: None,
        };
        browser.refresh();
        browser
    }

    /// Show `dir` instead.
    pub fn navigate(&mut self, dir: PathBuf) {
        self.dir = dir;
        self.replacing = None;
        self.refresh();
    }

    /// The name typed or clicked.
    pub fn set_file_name(&mut self, name: String) {
        self.file_name = name;
        self.replacing = None;
    }

    /// The person's home folder, for the picker's "Home" button.
    pub fn home() -> Option<PathBuf> {
        directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf())
    }

    /// The file to write or open now, or `None` while a save would replace a file the
    /// person has not yet agreed to replace (then [`Self::replacing`] says which). A typed
    /// name that is a folder (`~/Documents`, `/media/usb`, `plans`) opens that folder instead.
    pub fn confirm(&mut self) -> Option<PathBuf> {
        let typed = self.typed_folder();
        if let Some(folder) = typed {
            self.file_name.clear();
            self.navigate(folder);
            return None;
        }
        let path = self.chosen_path()?;
        if self.purpose.is_save() && path.exists() && self.replacing.as_ref() != Some(&path) {
            self.replacing = Some(path);
            return None;
        }
        Some(path)
    }

    /// The file the person chose: the folder joined with the name (`.ron` added when saving).
    pub fn chosen_path(&self) -> Option<PathBuf> {
        let name = self.file_name.trim();
        if name.is_empty() {
            return None;
        }
        let mut path = if Path::new(name).is_absolute() {
            PathBuf::from(name)
        } else {
            self.dir.join(name)
        };
        if self.purpose.is_save() && path.extension().is_none() {
            path.set_extension(self.purpose.extension());
        }
        Some(path)
    }

    /// The name typed, when it names an existing folder (a leading `~` is the home folder).
    fn typed_folder(&self) -> Option<PathBuf> {
        let name = self.file_name.trim();
        if name.is_empty() {
            return None;
        }
        let path = match name.strip_prefix('~') {
            Some(rest) => Self::home()?.join(rest.trim_start_matches(['/', '\\'])),
            None if Path::new(name).is_absolute() => PathBuf::from(name),
            None => self.dir.join(name),
        };
        path.is_dir().then_some(path)
    }

    fn refresh(&mut self) {
        self.entries.clear();
        self.error = None;
        let listing = match std::fs::read_dir(&self.dir) {
            Ok(listing) => listing,
            Err(err) => {
                self.error = Some(format!("{}: {err}", self.dir.display()));
                return;
            }
        };
        for entry in listing.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let is_dir = path.is_dir();
            if is_dir
                || path
                    .extension()
                    .is_some_and(|e| e == self.purpose.extension())
            {
                self.entries.push(Entry { name, path, is_dir });
            }
        }
        self.entries.sort_by(|a, b| {
            b.is_dir
                .cmp(&a.is_dir)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{FileBrowser, FilePurpose};

    #[test]
    fn a_typed_folder_opens_it_and_a_typed_name_saves_in_the_folder_shown() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("plans")).expect("folder");
        let mut browser = FileBrowser::new(
            FilePurpose::ExportPlan,
            dir.path().to_path_buf(),
            String::new(),
        );
        assert!(
            browser
                .entries
                .iter()
                .any(|e| e.is_dir && e.name == "plans")
        );
        // A relative folder name, then Enter: into it, nothing chosen yet.
        browser.set_file_name("plans".into());
        assert_eq!(browser.confirm(), None);
        assert_eq!(browser.dir, dir.path().join("plans"));
        assert!(browser.file_name.is_empty());
        // An absolute path to a folder: there.
        browser.set_file_name(dir.path().display().to_string());
        assert_eq!(browser.confirm(), None);
        assert_eq!(browser.dir, dir.path());
        // A file name: saved in the folder shown, with the extension added.
        browser.navigate(dir.path().join("plans"));
        browser.set_file_name("sam".into());
        assert_eq!(
            browser.confirm(),
            Some(dir.path().join("plans").join("sam.ron"))
        );
    }
}
