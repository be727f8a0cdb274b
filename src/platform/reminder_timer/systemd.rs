//! The systemd user timer that runs `strongback remind`, written into the person's own unit
//! folder and driven with `systemctl --user`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::domain::care::reminder::{ReminderDays, ReminderSetting};

use super::{Availability, ReminderScheduler, reminder_name, run_tool};

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
        run_tool(
            Command::new(&self.systemctl).arg("--user").args(args),
            &format!("systemctl --user {}", args.join(" ")),
        )
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
