//! Reminders: `strongback remind` against a private D-Bus session bus with a stand-in
//! notification service; the reminder timer's unit files; the calendar file.

use std::collections::HashMap;
use std::io::BufRead as _;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Weekday;
use strongback::domain::care::reminder::{ReminderDays, ReminderSetting};
use strongback::store::Store;
use strongback::store::settings_file::Settings;

/// A private session bus (`dbus-daemon`), ended when dropped.
struct PrivateBus {
    daemon: Child,
    address: String,
    _dir: tempfile::TempDir,
}

impl PrivateBus {
    fn start() -> PrivateBus {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut daemon = Command::new("dbus-daemon")
            .arg("--session")
            .arg("--nofork")
            .arg("--print-address=1")
            .arg(format!(
                "--address=unix:path={}",
                dir.path().join("bus").display()
            ))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon runs (bash .ci/setup installs it)");
        let mut line = String::new();
        std::io::BufReader::new(daemon.stdout.take().expect("its output"))
            .read_line(&mut line)
            .expect("it prints its address");
        PrivateBus {
            daemon,
            address: line.trim().to_owned(),
            _dir: dir,
        }
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// One Notify call as the service saw it.
#[derive(Clone, Debug, PartialEq)]
struct Notified {
    app_name: String,
    summary: String,
    body: String,
    actions: Vec<String>,
    desktop_entry: Option<String>,
}

/// The stand-in for the desktop's notification service: records every Notify call.
struct FakeNotifications {
    calls: Arc<Mutex<Vec<Notified>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl FakeNotifications {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, zbus::zvariant::OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let desktop_entry = hints
            .get("desktop-entry")
            .and_then(|v| String::try_from(v.clone()).ok());
        let mut calls = self.calls.lock().expect("calls");
        calls.push(Notified {
            app_name,
            summary,
            body,
            actions,
            desktop_entry,
        });
        u32::try_from(calls.len()).expect("a few")
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".to_owned(), "body".to_owned()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "fake".to_owned(),
            "strongback-tests".to_owned(),
            "1".to_owned(),
            "1.2".to_owned(),
        )
    }

    fn close_notification(&self, _id: u32) {}
}

/// The service on `bus`; it says every notification closed (as a person dismissing it
/// would), again and again, so that `remind` stops waiting whenever it starts listening.
fn serve_notifications(
    bus: &PrivateBus,
) -> (zbus::blocking::Connection, Arc<Mutex<Vec<Notified>>>) {
    let calls = Arc::new(Mutex::new(Vec::new()));
    let connection = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .expect("an address")
        .name("org.freedesktop.Notifications")
        .expect("a name")
        .serve_at(
            "/org/freedesktop/Notifications",
            FakeNotifications {
                calls: Arc::clone(&calls),
            },
        )
        .expect("served")
        .build()
        .expect("connected to the private bus");
    let closer = connection.clone();
    let seen = Arc::clone(&calls);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let count = seen.lock().map_or(0, |c| c.len());
            for id in 1..=u32::try_from(count).unwrap_or(0) {
                // Reason 2: dismissed by the person.
                let sent = closer.emit_signal(
                    None::<&str>,
                    "/org/freedesktop/Notifications",
                    "org.freedesktop.Notifications",
                    "NotificationClosed",
                    &(id, 2_u32),
                );
                if sent.is_err() {
                    return;
                }
            }
        }
    });
    (connection, calls)
}

/// A data folder whose reminder is on for every day (so one is due whatever today is).
fn data_folder_with_reminder(on: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).expect("a store");
    let settings = Settings {
        reminder: ReminderSetting {
            on,
            // Midnight: due whatever the time the test runs.
            hour: 0,
            minute: 0,
            days: ReminderDays::Weekdays(vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ]),
        },
        ..Settings::default()
    };
    store.save_settings(&settings).expect("saved");
    dir
}

fn remind(bus: &PrivateBus, data_dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_strongback"))
        .arg("--data-dir")
        .arg(data_dir)
        .arg("remind")
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .output()
        .expect("strongback runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

#[test]
fn remind_posts_one_notification_a_day_on_the_session_bus() {
    let bus = PrivateBus::start();
    let (_service, calls) = serve_notifications(&bus);
    let data = data_folder_with_reminder(true);

    // --print says what it would say and posts nothing.
    let (ok, printed) = remind(&bus, data.path(), &["--print"]);
    assert!(ok, "{printed}");
    assert!(
        printed.contains("Strongback: time for your session"),
        "{printed}"
    );
    assert!(
        calls.lock().expect("calls").is_empty(),
        "--print never notifies"
    );

    let (ok, said) = remind(&bus, data.path(), &[]);
    assert!(ok, "{said}");
    assert!(said.contains("Reminder sent"), "{said}");
    let seen = calls.lock().expect("calls").clone();
    assert_eq!(seen.len(), 1, "exactly one Notify call: {seen:?}");
    assert_eq!(seen[0].app_name, "Strongback");
    assert_eq!(seen[0].summary, "Strongback: time for your session");
    assert_eq!(
        seen[0].body,
        "Your back-care session is ready when you are."
    );
    assert_eq!(
        seen[0].actions,
        ["default", "Open Strongback"],
        "clicking it opens the app"
    );
    assert_eq!(seen[0].desktop_entry.as_deref(), Some("strongback"));

    // The same day again (a timer catching up, a second run): nothing more.
    let (ok, said) = remind(&bus, data.path(), &[]);
    assert!(ok, "{said}");
    assert!(
        said.contains("today's reminder has been sent already"),
        "{said}"
    );
    assert_eq!(calls.lock().expect("calls").len(), 1, "never twice a day");
}

#[test]
fn remind_is_quiet_while_the_app_is_open_or_reminders_are_off() {
    let bus = PrivateBus::start();
    let (_service, calls) = serve_notifications(&bus);
    let data = data_folder_with_reminder(true);
    {
        let store = Store::open(data.path()).expect("a store");
        let _app = store.lock().expect("the app holds the folder");
        let (ok, said) = remind(&bus, data.path(), &[]);
        assert!(ok, "{said}");
        assert!(said.contains("Strongback is open"), "{said}");
    }
    let off = data_folder_with_reminder(false);
    let (ok, said) = remind(&bus, off.path(), &[]);
    assert!(ok, "{said}");
    assert!(said.contains("Reminders are off"), "{said}");
    assert!(calls.lock().expect("calls").is_empty());
}

#[test]
fn a_damaged_reminder_log_is_set_aside_said_and_reminders_go_on() {
    let bus = PrivateBus::start();
    let data = data_folder_with_reminder(true);
    std::fs::write(data.path().join("reminder.ron"), "garbage").expect("written");
    let (ok, said) = remind(&bus, data.path(), &["--print"]);
    assert!(ok, "{said}");
    assert!(
        said.contains("reminder.ron:1:1"),
        "said with its place: {said}"
    );
    assert!(said.contains("Strongback: time for your session"), "{said}");
    assert_eq!(
        std::fs::read_to_string(data.path().join("reminder.ron.unreadable")).expect("kept aside"),
        "garbage"
    );
}

#[test]
fn without_a_notification_service_remind_fails_and_will_try_again() {
    let bus = PrivateBus::start();
    let data = data_folder_with_reminder(true);
    let (ok, said) = remind(&bus, data.path(), &[]);
    assert!(!ok, "no service to show it: {said}");
    assert!(said.contains("the reminder could not be shown"), "{said}");
    // Not recorded as sent: with a service, it comes.
    let (_service, calls) = serve_notifications(&bus);
    let (ok, said) = remind(&bus, data.path(), &[]);
    assert!(ok, "{said}");
    assert_eq!(calls.lock().expect("calls").len(), 1);
}

/// The app's reminder settings, driven by their labels; the timer is a stand-in that
/// remembers what it was asked.
mod settings_ui {
    use std::sync::{Arc, Mutex};

    use egui::accesskit::Role;
    use strongback::ScreenKind;
    use strongback::domain::care::reminder::{ReminderDays, ReminderSetting};
    use strongback::platform::reminder_timer::{Availability, ReminderScheduler};

    use crate::common::{TestApp, open_app};

    #[derive(Clone, Default)]
    struct RecordingScheduler {
        applied: Arc<Mutex<Vec<ReminderSetting>>>,
    }

    impl ReminderScheduler for RecordingScheduler {
        fn availability(&self) -> Availability {
            Availability::Ready("Sent by the test's timer.".to_owned())
        }

        fn apply(&mut self, setting: &ReminderSetting) -> Result<String, String> {
            self.applied.lock().expect("applied").push(setting.clone());
            Ok(format!("Timer set: {}", setting.on))
        }
    }

    fn with_recorder(app: &mut TestApp) -> RecordingScheduler {
        let recorder = RecordingScheduler::default();
        app.harness
            .state_mut()
            .set_reminder_scheduler(Box::new(recorder.clone()));
        recorder
    }

    fn first_session(app: &mut TestApp) {
        app.start();
        app.press(egui::Key::Escape);
        app.click("End and save");
        app.click("Back to home");
        assert_eq!(app.app().screen_kind(), ScreenKind::Home);
    }

    const QUESTION: &str = "Would you like a reminder on training days?";

    #[test]
    fn after_the_first_session_a_reminder_is_offered_once_and_set() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = open_app(dir.path());
        let recorder = with_recorder(&mut app);
        assert!(!app.shows(QUESTION), "not before any session");
        first_session(&mut app);
        assert!(app.shows(QUESTION));
        app.click("Yes, set a reminder…");
        assert_eq!(app.app().screen_kind(), ScreenKind::Reminders);
        assert!(app.shows("Sent by the test's timer."));
        // Opened switched on (they said yes); the time and days are theirs to choose.
        app.click_role(Role::ComboBox, "hour");
        app.click("07");
        app.click_role(Role::ComboBox, "minutes");
        app.click("30");
        app.choose("These days:");
        // Three sessions a week: Mon, Wed and Fri ticked to start from; Fri for Sat.
        app.click_role(Role::CheckBox, "Fri");
        app.click_role(Role::CheckBox, "Sat");
        app.click("Save reminder settings");
        assert_eq!(app.app().screen_kind(), ScreenKind::Home);
        let wanted = ReminderSetting {
            on: true,
            hour: 7,
            minute: 30,
            days: ReminderDays::Weekdays(vec![
                chrono::Weekday::Mon,
                chrono::Weekday::Wed,
                chrono::Weekday::Sat,
            ]),
        };
        assert_eq!(app.app().reminder_setting(), &wanted);
        assert_eq!(
            *recorder.applied.lock().expect("applied"),
            std::slice::from_ref(&wanted)
        );
        assert!(app.shows("Timer set: true"), "what the timer said is said");
        assert!(!app.shows(QUESTION), "asked once");
        assert!(app.shows("07:30 on Mon, Wed and Sat"));

        // Remembered from disk, and not asked again.
        drop(app);
        let mut app = open_app(dir.path());
        let recorder = with_recorder(&mut app);
        assert_eq!(app.app().reminder_setting(), &wanted);
        assert!(!app.shows(QUESTION));
        // Turned off: the timer is told, and home says Off.
        app.click("Reminders…");
        app.click_role(Role::CheckBox, "Remind me on training days");
        app.click("Save reminder settings");
        let applied = recorder.applied.lock().expect("applied").clone();
        assert_eq!(applied.len(), 1);
        assert!(!applied[0].on, "turning it off removes the timer");
        assert!(app.shows("Off"));
    }

    #[test]
    fn no_thanks_is_remembered_and_nothing_is_set() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = open_app(dir.path());
        let recorder = with_recorder(&mut app);
        first_session(&mut app);
        app.click("No, thanks");
        assert!(!app.shows(QUESTION));
        assert!(recorder.applied.lock().expect("applied").is_empty());
        drop(app);
        let app = open_app(dir.path());
        assert!(!app.shows(QUESTION), "not asked again after a restart");
        assert!(!app.app().reminder_setting().on);
    }

    #[test]
    fn the_training_days_are_saved_as_a_calendar_file() {
        use std::str::FromStr as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let out = tempfile::tempdir().expect("temp dir");
        let mut app = open_app(dir.path());
        app.click("Reminders…");
        app.click_role(Role::CheckBox, "Remind me on training days");
        app.click("Add to my calendar…");
        assert!(app.shows("Save your training days as a calendar file"));
        assert_eq!(
            app.app().file_picker().expect("picker").file_name,
            "back-care-circuit-training-days.ics"
        );
        app.save_in(out.path());
        let path = out.path().join("back-care-circuit-training-days.ics");
        assert!(app.shows_containing("Calendar file saved to"));
        let text = std::fs::read_to_string(&path).expect("the calendar file is written");
        let calendar = icalendar::Calendar::from_str(&text).expect("it parses");
        let event = calendar.events().next().expect("one event");
        use icalendar::Component as _;
        // The built-in plan: three sessions a week, at the default 18:00.
        assert_eq!(
            event.property_value("RRULE"),
            Some("FREQ=WEEKLY;BYDAY=MO,WE,FR")
        );
        assert!(
            event
                .property_value("DTSTART")
                .is_some_and(|start| start.ends_with("T180000")),
            "{text}"
        );
    }
}

/// The calendar file opens in a real calendar program: calcurse imports it and lists the
/// sessions on the training days at the time, until the review date.
#[test]
fn the_calendar_file_opens_in_calcurse() {
    use chrono::NaiveDate;
    use strongback::report::calendar::{TrainingCalendar, training_calendar};
    let dir = tempfile::tempdir().expect("temp dir");
    let text = training_calendar(&TrainingCalendar {
        plan_name: "Leg-friendly core plan",
        clinician: Some("Alex Morgan, physiotherapist"),
        weekdays: &[Weekday::Mon, Weekday::Wed, Weekday::Fri],
        hour: 18,
        minute: 0,
        from: NaiveDate::from_ymd_opt(2026, 12, 6).expect("date"),
        until: NaiveDate::from_ymd_opt(2027, 1, 12),
        minutes: 19,
        made_at: chrono::DateTime::from_timestamp(1_796_000_000, 0).expect("time"),
    });
    let file = dir.path().join("days.ics");
    std::fs::write(&file, text).expect("written");
    let calcurse = |args: &[&str]| {
        let output = Command::new("calcurse")
            .arg("-D")
            .arg(dir.path().join("calcurse"))
            .args(args)
            .output()
            .expect("calcurse runs (bash .ci/setup installs it)");
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr)
    };
    let imported = calcurse(&["-i", &file.display().to_string()]);
    assert!(
        imported.contains("1 app / 0 events / 0 todos / 0 skipped"),
        "{imported}"
    );
    let fortnight = calcurse(&[
        "-Q",
        "--filter-type",
        "cal",
        "--from",
        "12/07/2026",
        "--days",
        "14",
    ]);
    let dates: Vec<&str> = fortnight.lines().filter(|l| l.ends_with(':')).collect();
    assert_eq!(
        dates,
        [
            "12/07/26:",
            "12/09/26:",
            "12/11/26:",
            "12/14/26:",
            "12/16/26:",
            "12/18/26:"
        ],
        "{fortnight}"
    );
    assert_eq!(
        fortnight.matches(" - 18:00 -> 18:19").count(),
        6,
        "{fortnight}"
    );
    assert_eq!(
        fortnight.matches("Back-care session (Strongback)").count(),
        6
    );
    // It ends at the review date: Monday 11 January is the last.
    let last_week = calcurse(&[
        "-Q",
        "--filter-type",
        "cal",
        "--from",
        "01/10/2027",
        "--days",
        "7",
    ]);
    assert_eq!(
        last_week.matches("Back-care session").count(),
        1,
        "{last_week}"
    );
    assert!(last_week.contains("01/11/27:"), "{last_week}");
}

/// `strongback reminders`: the reminder set from the command line, into a home of the test's
/// own, with a stand-in `systemctl` first on the PATH (the real user manager is never touched).
mod command_line {
    use std::path::Path;
    use std::process::Command;

    /// A `systemctl` that logs its arguments and exits with `status`.
    fn fake_systemctl(dir: &Path, status: i32) -> std::path::PathBuf {
        use std::os::unix::fs::PermissionsExt as _;
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).expect("bin");
        let script = bin.join("systemctl");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\necho \"$@\" >> '{}'\nexit {status}\n",
                dir.join("systemctl.log").display()
            ),
        )
        .expect("written");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("mode");
        bin
    }

    fn reminders(home: &Path, bin: &Path, data: &Path, args: &[&str]) -> (i32, String) {
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let output = Command::new(env!("CARGO_BIN_EXE_strongback"))
            .arg("--data-dir")
            .arg(data)
            .arg("reminders")
            .args(args)
            .env("PATH", path)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .output()
            .expect("strongback runs");
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned()
                + &String::from_utf8_lossy(&output.stderr),
        )
    }

    #[test]
    fn set_from_the_command_line_it_writes_the_timer_and_off_removes_it() {
        let home = tempfile::tempdir().expect("temp dir");
        let bin = fake_systemctl(home.path(), 0);
        let data = home.path().join("data");
        let (code, said) = reminders(
            home.path(),
            &bin,
            &data,
            &["--on", "07:30", "--days", "mon,thu"],
        );
        assert_eq!(code, 0, "{said}");
        assert!(
            said.contains("Reminder set for 07:30 on Mon and Thu."),
            "{said}"
        );
        // Not the default data folder: the units carry the folder's tag.
        let units = home.path().join("config/systemd/user");
        let timers: Vec<String> = std::fs::read_dir(&units)
            .expect("the unit folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        let timer = timers
            .iter()
            .find(|n| n.starts_with("strongback-reminder-") && n.ends_with(".timer"))
            .unwrap_or_else(|| panic!("a timer among {timers:?}"));
        let text = std::fs::read_to_string(units.join(timer)).expect("timer");
        assert!(text.contains("OnCalendar=Mon,Thu *-*-* 07:30:00"), "{text}");
        let (code, said) = reminders(home.path(), &bin, &data, &[]);
        assert_eq!(code, 0);
        assert!(said.contains("Reminder: 07:30 on Mon and Thu."), "{said}");

        let (code, said) = reminders(home.path(), &bin, &data, &["--off"]);
        assert_eq!(code, 0, "{said}");
        assert_eq!(
            std::fs::read_dir(&units).expect("folder").count(),
            0,
            "removed"
        );
        let (_, said) = reminders(home.path(), &bin, &data, &[]);
        assert!(said.contains("Reminders are off."), "{said}");
    }

    #[test]
    fn without_a_user_manager_the_choice_is_kept_and_the_failure_said() {
        let home = tempfile::tempdir().expect("temp dir");
        let bin = fake_systemctl(home.path(), 1);
        let data = home.path().join("data");
        let (code, said) = reminders(home.path(), &bin, &data, &["--on", "18:00"]);
        assert_eq!(code, 1, "{said}");
        assert!(said.contains("no systemd user manager"), "{said}");
        assert!(
            !home.path().join("config/systemd").exists(),
            "nothing written"
        );
        let (_, said) = reminders(home.path(), &bin, &data, &[]);
        assert!(
            said.contains("Reminder: 18:00 on the days your plan asks for."),
            "{said}"
        );
        assert!(
            said.contains("calendar"),
            "offers the calendar file: {said}"
        );
        // Bad input is refused before anything is changed.
        let (code, said) = reminders(home.path(), &bin, &data, &["--on", "25:00"]);
        assert_eq!(code, 2, "{said}");
        assert!(said.contains("not a time like 18:30"), "{said}");
    }
}
