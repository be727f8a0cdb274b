//! What sends the training reminder while the app is closed: on Linux a systemd user timer
//! (`systemd.rs`: `strongback-reminder.timer`, which runs `strongback remind` at the chosen
//! time, and once after a sleep that missed it); on Windows a Task Scheduler task
//! (`windows_task.rs`). The app writes, updates and removes them itself; nothing needs root or
//! leaves the person's home folder.

mod systemd;
mod windows_task;

use std::path::Path;

use crate::domain::care::reminder::ReminderSetting;

pub use systemd::{SERVICE_UNIT, SystemdUserTimer, TIMER_UNIT};
#[cfg(windows)]
pub use windows_task::WindowsTask;
pub use windows_task::{WINDOWS_TASK, windows_task_xml};

/// Whether reminders can come while the app is closed, in words for the settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Availability {
    /// How they are sent.
    Ready(String),
    /// Why they cannot be, and what to do instead.
    Unavailable(String),
}

/// Keeps the reminder timer in step with the setting.
pub trait ReminderScheduler {
    fn availability(&self) -> Availability;
    /// Installed and started when the setting is on; stopped and removed when off. Ok with
    /// what was done, in words.
    fn apply(&mut self, setting: &ReminderSetting) -> Result<String, String>;
}

/// Run a tool (`systemctl`, `schtasks`) to its end: Ok if it says it succeeded, otherwise
/// what it said, after `what` failed.
fn run_tool(command: &mut std::process::Command, what: &str) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|err| format!("{what} could not be run ({err})"))?;
    if output.status.success() {
        return Ok(());
    }
    let said = [&output.stdout, &output.stderr]
        .map(|bytes| String::from_utf8_lossy(bytes).trim().to_owned())
        .into_iter()
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Err(format!("{what} failed: {said}"))
}

/// What sends the reminder on this computer: a systemd user timer on Linux, a Task
/// Scheduler task on Windows.
pub fn for_this_computer(data_dir: &Path) -> Box<dyn ReminderScheduler> {
    #[cfg(windows)]
    if let Some(task) = WindowsTask::for_this_user(data_dir) {
        return Box::new(task);
    }
    #[cfg(not(windows))]
    if let Some(systemd) = SystemdUserTimer::for_this_user(data_dir) {
        return Box::new(systemd);
    }
    Box::new(Unsupported)
}

/// For tests and where nothing is known: remembers what it was asked and does nothing.
#[derive(Debug, Default)]
pub struct NoScheduler {
    pub applied: Vec<ReminderSetting>,
}

impl ReminderScheduler for NoScheduler {
    fn availability(&self) -> Availability {
        Availability::Ready("Your desktop shows it, even when Strongback is closed.".to_owned())
    }

    fn apply(&mut self, setting: &ReminderSetting) -> Result<String, String> {
        self.applied.push(setting.clone());
        Ok(if setting.on {
            "Reminder set.".to_owned()
        } else {
            "Reminder turned off.".to_owned()
        })
    }
}

/// Where no timer is known (no home folder found): the settings say so.
#[derive(Debug)]
pub struct Unsupported;

impl ReminderScheduler for Unsupported {
    fn availability(&self) -> Availability {
        Availability::Unavailable(
            "Strongback cannot send a reminder on this computer while it is closed. Add your \
             training days to your calendar instead."
                .to_owned(),
        )
    }

    fn apply(&mut self, setting: &ReminderSetting) -> Result<String, String> {
        if setting.on {
            Err("this computer offers Strongback no timer to send it".to_owned())
        } else {
            Ok("Reminder turned off.".to_owned())
        }
    }
}

/// The timer's and the task's name for a data folder: plain for the default one, with a tag
/// of the folder's path for another (a demonstration folder's reminder neither replaces nor
/// removes the person's own).
pub fn reminder_name(plain: &str, data_dir: &Path) -> String {
    let default = crate::store::Store::default_dir();
    if default.as_deref() == Some(data_dir) {
        return plain.to_owned();
    }
    // FNV-1a over the path: short, and the same at every run.
    let tag = data_dir
        .to_string_lossy()
        .bytes()
        .fold(0x811c_9dc5_u32, |hash, byte| {
            (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
        });
    format!("{plain}-{tag:08x}")
}

#[cfg(test)]
mod tests {
    use super::reminder_name;
    use std::path::Path;

    #[test]
    fn another_data_folder_has_its_own_timer() {
        let demo = reminder_name("strongback-reminder", Path::new("/tmp/strongback-demo"));
        assert!(demo.starts_with("strongback-reminder-"), "{demo}");
        assert_eq!(demo.len(), "strongback-reminder-".len() + 8);
        assert_eq!(
            demo,
            reminder_name("strongback-reminder", Path::new("/tmp/strongback-demo")),
            "the same at every run"
        );
        assert_ne!(
            demo,
            reminder_name("strongback-reminder", Path::new("/tmp/strongback-demo2"))
        );
        if let Some(default) = crate::store::Store::default_dir() {
            assert_eq!(
                reminder_name("strongback-reminder", &default),
                "strongback-reminder"
            );
        }
    }
}
