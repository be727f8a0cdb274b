//! The Windows Task Scheduler task that runs `strongback remind`, made from XML with
//! `schtasks` (no administrator rights: a task of the person's own).

use std::path::Path;
#[cfg(windows)]
use std::path::PathBuf;
#[cfg(windows)]
use std::process::Command;

#[cfg(windows)]
use super::{Availability, ReminderScheduler, reminder_name, run_tool};
use crate::domain::care::reminder::{ReminderDays, ReminderSetting};

/// The Windows task's name in Task Scheduler (for the default data folder).
pub const WINDOWS_TASK: &str = "Strongback training reminder";

/// `&`, `<`, `>`, `"` and `'` as XML writes them.
fn xml_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The task, as Task Scheduler's XML: `remind` at the time, daily or on the chosen weekdays;
/// run on battery too, and once as soon as possible after a time missed while the computer
/// was off or asleep (as the Linux timer's `Persistent=true`).
pub fn windows_task_xml(exe: &Path, data_dir: &Path, setting: &ReminderSetting) -> String {
    let schedule = match &setting.days {
        ReminderDays::AsThePlanAsks => {
            "<ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>".to_owned()
        }
        ReminderDays::Weekdays(days) => {
            let days: String = days
                .iter()
                .map(|d| {
                    let name = match d {
                        chrono::Weekday::Mon => "Monday",
                        chrono::Weekday::Tue => "Tuesday",
                        chrono::Weekday::Wed => "Wednesday",
                        chrono::Weekday::Thu => "Thursday",
                        chrono::Weekday::Fri => "Friday",
                        chrono::Weekday::Sat => "Saturday",
                        chrono::Weekday::Sun => "Sunday",
                    };
                    format!("<{name} />")
                })
                .collect();
            format!(
                "<ScheduleByWeek><DaysOfWeek>{days}</DaysOfWeek><WeeksInterval>1</WeeksInterval></ScheduleByWeek>"
            )
        }
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>Strongback's training reminder, set in Strongback (Reminders…).</Description>
  </RegistrationInfo>
  <Triggers>
    <CalendarTrigger>
      <StartBoundary>2026-01-01T{time}:00</StartBoundary>
      <Enabled>true</Enabled>
      {schedule}
    </CalendarTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <StartWhenAvailable>true</StartWhenAvailable>
    <ExecutionTimeLimit>PT3H</ExecutionTimeLimit>
    <Enabled>true</Enabled>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{exe}</Command>
      <Arguments>--data-dir "{data}" remind</Arguments>
    </Exec>
  </Actions>
</Task>
"#,
        time = setting.time_label(),
        exe = xml_escaped(&exe.display().to_string()),
        data = xml_escaped(&data_dir.display().to_string()),
    )
}

/// The Task Scheduler task, made and removed with `schtasks` (no administrator rights: a task
/// of the person's own).
#[cfg(windows)]
#[derive(Clone, Debug)]
pub struct WindowsTask {
    pub exe: PathBuf,
    pub data_dir: PathBuf,
    /// [`reminder_name`] of [`WINDOWS_TASK`].
    pub name: String,
}

#[cfg(windows)]
impl WindowsTask {
    pub fn for_this_user(data_dir: &Path) -> Option<WindowsTask> {
        Some(WindowsTask {
            exe: std::env::current_exe().ok()?,
            data_dir: data_dir.to_path_buf(),
            name: reminder_name(WINDOWS_TASK, data_dir),
        })
    }

    fn schtasks(args: &[String]) -> Result<(), String> {
        use std::os::windows::process::CommandExt as _;
        // No console window flashes up.
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        run_tool(
            Command::new("schtasks")
                .args(args)
                .creation_flags(CREATE_NO_WINDOW),
            "schtasks",
        )
    }
}

#[cfg(windows)]
impl ReminderScheduler for WindowsTask {
    fn availability(&self) -> Availability {
        Availability::Ready(
            "Windows shows it, even when Strongback is closed (a Task Scheduler task).".to_owned(),
        )
    }

    fn apply(&mut self, setting: &ReminderSetting) -> Result<String, String> {
        if !setting.on {
            // Removing a task that was never made is not a failure.
            let _ = Self::schtasks(&[
                "/Delete".into(),
                "/F".into(),
                "/TN".into(),
                self.name.clone(),
            ]);
            return Ok("Reminder turned off; its task is removed.".to_owned());
        }
        // schtasks reads the task's XML from a file, in UTF-16 with its byte-order mark.
        let xml = windows_task_xml(&self.exe, &self.data_dir, setting);
        let bytes: Vec<u8> = std::iter::once(0xfeff_u16)
            .chain(xml.encode_utf16())
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut file = tempfile::Builder::new()
            .prefix("strongback-task-")
            .suffix(".xml")
            .tempfile()
            .map_err(|err| format!("the task's file could not be written ({err})"))?;
        std::io::Write::write_all(file.as_file_mut(), &bytes)
            .map_err(|err| format!("the task's file could not be written ({err})"))?;
        // Closed (schtasks cannot read a file another program holds open), removed when
        // `file` goes.
        let file = file.into_temp_path();
        Self::schtasks(&[
            "/Create".into(),
            "/F".into(),
            "/TN".into(),
            self.name.clone(),
            "/XML".into(),
            file.display().to_string(),
        ])?;
        Ok(format!(
            "Reminder set for {} on {}.",
            setting.time_label(),
            setting.days_label()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    #[test]
    fn the_windows_task_runs_remind_at_the_time_on_the_days_on_battery_too() {
        let mut setting = ReminderSetting {
            on: true,
            hour: 18,
            minute: 45,
            days: ReminderDays::AsThePlanAsks,
        };
        let exe = Path::new(r"C:\Users\Zoé & Al\AppData\Local\Programs\Strongback\strongback.exe");
        let data = Path::new(r"C:\Users\Zoé & Al\AppData\Roaming\strongback\data");
        let xml = windows_task_xml(exe, data, &setting);
        assert!(
            xml.contains("<StartBoundary>2026-01-01T18:45:00</StartBoundary>"),
            "{xml}"
        );
        assert!(xml.contains("<DaysInterval>1</DaysInterval>"), "{xml}");
        assert!(
            xml.contains(r"<Command>C:\Users\Zoé &amp; Al\AppData\Local\Programs\Strongback\strongback.exe</Command>"),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<Arguments>--data-dir "C:\Users\Zoé &amp; Al\AppData\Roaming\strongback\data" remind</Arguments>"#),
            "{xml}"
        );
        assert!(xml.contains("<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>"));
        assert!(xml.contains("<StartWhenAvailable>true</StartWhenAvailable>"));
        setting.days = ReminderDays::Weekdays(vec![Weekday::Tue, Weekday::Sat]);
        let xml = windows_task_xml(exe, data, &setting);
        assert!(
            xml.contains("<DaysOfWeek><Tuesday /><Saturday /></DaysOfWeek>"),
            "{xml}"
        );
    }
}
