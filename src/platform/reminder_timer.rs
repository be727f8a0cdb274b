//! What sends the training reminder while the app is closed: on Linux a systemd user timer
//! (`strongback-reminder.timer`, which runs `strongback remind` at the chosen time, and once
//! after a sleep that missed it); on Windows a Task Scheduler task. The app writes, updates
//! and removes them itself; nothing needs root or leaves the person's home folder.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::domain::care::reminder::{ReminderDays, ReminderSetting};

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
        let output = Command::new("schtasks")
            .args(args)
            .creation_flags(CREATE_NO_WINDOW)
            .output()
            .map_err(|err| format!("schtasks could not be run ({err})"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "schtasks failed: {} {}",
                String::from_utf8_lossy(&output.stdout).trim(),
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
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

/// The default data folder's unit names.
pub const TIMER_UNIT: &str = "strongback-reminder.timer";
pub const SERVICE_UNIT: &str = "strongback-reminder.service";

/// The systemd user timer, written into the person's own unit folder.
#[derive(Clone, Debug)]
pub struct SystemdUserTimer {
    /// `~/.config/systemd/user` (or under `$XDG_CONFIG_HOME`).
    pub unit_dir: PathBuf,
    /// The program the timer runs.
    pub exe: PathBuf,
    /// The data folder it reads.
    pub data_dir: PathBuf,
    /// `systemctl` (tests give a stand-in).
    pub systemctl: PathBuf,
    /// The units' name without `.timer` or `.service` ([`reminder_name`]).
    pub unit_stem: String,
}

impl SystemdUserTimer {
    /// For this user and this program, or `None` where the folders are unknown.
    pub fn for_this_user(data_dir: &Path) -> Option<SystemdUserTimer> {
        let config = directories::BaseDirs::new()?.config_dir().to_path_buf();
        Some(SystemdUserTimer {
            unit_dir: config.join("systemd").join("user"),
            exe: std::env::current_exe().ok()?,
            data_dir: data_dir.to_path_buf(),
            systemctl: PathBuf::from("systemctl"),
            unit_stem: reminder_name("strongback-reminder", data_dir),
        })
    }

    fn timer_unit(&self) -> String {
        format!("{}.timer", self.unit_stem)
    }

    fn service_unit(&self) -> String {
        format!("{}.service", self.unit_stem)
    }

    fn systemctl(&self, args: &[&str]) -> Result<(), String> {
        let output = Command::new(&self.systemctl)
            .arg("--user")
            .args(args)
            .output()
            .map_err(|err| format!("systemctl could not be run ({err})"))?;
        if output.status.success() {
            Ok(())
        } else {
            Err(format!(
                "systemctl --user {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    }

    /// The two unit files' text for `setting`: (service, timer).
    pub fn unit_files(&self, setting: &ReminderSetting) -> (String, String) {
        let service = format!(
            "# Written by Strongback (Reminders… on its home screen); changed or removed there.\n\
             [Unit]\n\
             Description=Strongback training reminder\n\
             \n\
             [Service]\n\
             Type=oneshot\n\
             ExecStart={} --data-dir {} remind\n\
             # Clicking the notification opens the app from here: it must outlive the service.\n\
             KillMode=process\n",
            systemd_quoted(&self.exe.to_string_lossy()),
            systemd_quoted(&self.data_dir.to_string_lossy()),
        );
        let days = match &setting.days {
            ReminderDays::AsThePlanAsks => String::new(),
            ReminderDays::Weekdays(days) => {
                let names: Vec<String> = days.iter().map(ToString::to_string).collect();
                format!("{} ", names.join(","))
            }
        };
        let timer = format!(
            "# Written by Strongback (Reminders… on its home screen); changed or removed there.\n\
             [Unit]\n\
             Description=Strongback training reminder at {time}\n\
             \n\
             [Timer]\n\
             OnCalendar={days}*-*-* {time}:00\n\
             # A reminder missed while the computer slept comes once when it wakes.\n\
             Persistent=true\n\
             \n\
             [Install]\n\
             WantedBy=timers.target\n",
            time = setting.time_label(),
        );
        (service, timer)
    }
}

impl ReminderScheduler for SystemdUserTimer {
    fn availability(&self) -> Availability {
        match self.systemctl(&["show-environment"]) {
            Ok(()) => Availability::Ready(
                "Your desktop shows it, even when Strongback is closed (a systemd user timer)."
                    .to_owned(),
            ),
            Err(_) => Availability::Unavailable(
                "This computer has no systemd user manager, so a reminder cannot come while \
                 Strongback is closed. Add your training days to your calendar instead."
                    .to_owned(),
            ),
        }
    }

    fn apply(&mut self, setting: &ReminderSetting) -> Result<String, String> {
        let timer_unit = self.timer_unit();
        let service_path = self.unit_dir.join(self.service_unit());
        let timer_path = self.unit_dir.join(&timer_unit);
        if !setting.on {
            let had = timer_path.exists() || service_path.exists();
            // Stopping a timer that was never started is not a failure.
            let _ = self.systemctl(&["disable", "--now", &timer_unit]);
            for path in [&timer_path, &service_path] {
                match std::fs::remove_file(path) {
                    Ok(()) => {}
                    Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                    Err(err) => return Err(format!("{}: {err}", path.display())),
                }
            }
            if had {
                self.systemctl(&["daemon-reload"])?;
            }
            return Ok("Reminder turned off; its timer is removed.".to_owned());
        }
        // No user manager, no timer: nothing is written that would never run.
        self.systemctl(&["show-environment"])
            .map_err(|_| "this computer has no systemd user manager to send it".to_owned())?;
        std::fs::create_dir_all(&self.unit_dir)
            .map_err(|err| format!("{}: {err}", self.unit_dir.display()))?;
        let (service, timer) = self.unit_files(setting);
        for (path, text) in [(&service_path, service), (&timer_path, timer)] {
            crate::store::write_shared(path, text.as_bytes()).map_err(|err| err.to_string())?;
        }
        self.systemctl(&["daemon-reload"])?;
        self.systemctl(&["enable", &timer_unit])?;
        // A timer already running takes its new time from a restart.
        self.systemctl(&["restart", &timer_unit])?;
        Ok(format!(
            "Reminder set for {} on {}.",
            setting.time_label(),
            setting.days_label()
        ))
    }
}

/// A word for a unit file's command line: in double quotes, with `\` and `"` escaped and
/// `%` and `$` doubled (systemd's specifiers and variables).
fn systemd_quoted(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '"' => quoted.push_str("\\\""),
            '%' => quoted.push_str("%%"),
            '$' => quoted.push_str("$$"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use chrono::Weekday;

    /// A stand-in `systemctl` that logs its arguments and succeeds.
    fn fake_systemctl(dir: &Path) -> (PathBuf, PathBuf) {
        use std::os::unix::fs::PermissionsExt as _;
        let log = dir.join("systemctl.log");
        let script = dir.join("systemctl");
        std::fs::write(
            &script,
            format!("#!/bin/sh\necho \"$@\" >> '{}'\n", log.display()),
        )
        .expect("written");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("mode");
        (script, log)
    }

    #[test]
    fn the_timer_is_written_started_updated_and_removed() {
        let home = tempfile::tempdir().expect("temp dir");
        let (systemctl, log) = fake_systemctl(home.path());
        let unit_dir = home.path().join("config/systemd/user");
        let mut timer = SystemdUserTimer {
            unit_dir: unit_dir.clone(),
            exe: PathBuf::from("/opt/My Apps/strongback"),
            data_dir: PathBuf::from("/home/sam/100% mine/strongback"),
            systemctl,
            unit_stem: "strongback-reminder".to_owned(),
        };
        assert!(matches!(timer.availability(), Availability::Ready(_)));
        let mut setting = ReminderSetting {
            on: true,
            hour: 7,
            minute: 5,
            days: ReminderDays::AsThePlanAsks,
        };
        let said = timer.apply(&setting).expect("installed");
        assert_eq!(
            said,
            "Reminder set for 07:05 on the days your plan asks for."
        );
        let service = std::fs::read_to_string(unit_dir.join(SERVICE_UNIT)).expect("service");
        assert!(service.contains("Type=oneshot"), "{service}");
        assert!(
            service.contains("KillMode=process"),
            "the app a click opens lives on"
        );
        assert!(
            service.contains(
                "ExecStart=\"/opt/My Apps/strongback\" --data-dir \"/home/sam/100%% mine/strongback\" remind"
            ),
            "{service}"
        );
        let written = std::fs::read_to_string(unit_dir.join(TIMER_UNIT)).expect("timer");
        assert!(written.contains("OnCalendar=*-*-* 07:05:00\n"), "{written}");
        assert!(written.contains("Persistent=true\n"), "{written}");
        assert!(written.contains("WantedBy=timers.target"), "{written}");

        // Chosen weekdays: the timer comes on those days only.
        setting.days = ReminderDays::Weekdays(vec![Weekday::Mon, Weekday::Thu]);
        timer.apply(&setting).expect("updated");
        let written = std::fs::read_to_string(unit_dir.join(TIMER_UNIT)).expect("timer");
        assert!(
            written.contains("OnCalendar=Mon,Thu *-*-* 07:05:00\n"),
            "{written}"
        );

        // Off: stopped, both files gone.
        setting.on = false;
        timer.apply(&setting).expect("removed");
        assert!(!unit_dir.join(TIMER_UNIT).exists());
        assert!(!unit_dir.join(SERVICE_UNIT).exists());
        let calls = std::fs::read_to_string(&log).expect("log");
        let calls: Vec<&str> = calls.lines().collect();
        assert_eq!(
            calls,
            [
                "--user show-environment",
                "--user show-environment",
                "--user daemon-reload",
                "--user enable strongback-reminder.timer",
                "--user restart strongback-reminder.timer",
                "--user show-environment",
                "--user daemon-reload",
                "--user enable strongback-reminder.timer",
                "--user restart strongback-reminder.timer",
                "--user disable --now strongback-reminder.timer",
                "--user daemon-reload",
            ]
        );
    }

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

    #[test]
    fn without_a_user_manager_the_settings_say_so() {
        let home = tempfile::tempdir().expect("temp dir");
        let timer = SystemdUserTimer {
            unit_dir: home.path().join("units"),
            exe: PathBuf::from("strongback"),
            data_dir: home.path().to_path_buf(),
            systemctl: home.path().join("no-such-systemctl"),
            unit_stem: "strongback-reminder".to_owned(),
        };
        let Availability::Unavailable(why) = timer.availability() else {
            panic!("no systemctl, no timer");
        };
        assert!(why.contains("calendar"), "{why}");
        let mut timer = timer;
        let on = ReminderSetting {
            on: true,
            ..ReminderSetting::default()
        };
        assert!(timer.apply(&on).is_err(), "said, not pretended");
        assert!(
            !timer.unit_dir.exists(),
            "no unit file written that would never run"
        );
    }
}
