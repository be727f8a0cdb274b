//! Helpers shared by the integration tests, defined once for every part: the real app with a
//! manual clock, a recording audio output and a throw-away data folder (here); the bundled
//! files, dates and the catalog (`files`); check-ins, session reports and generated histories
//! (`records`).

mod files;
mod records;

pub use files::*;
pub use records::*;

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use egui::accesskit::Role;
use egui_kittest::Harness;
use strongback::platform::clock::ManualClock;
use strongback::platform::sound::{AudioOutput, RecordingAudio};
use strongback::store::Store;
use strongback::store::bundled::Assets;
use strongback::ui::{Action, PickerAction};
use strongback::{AppDeps, StrongbackApp};

pub struct TestApp {
    pub harness: Harness<'static, StrongbackApp>,
    pub clock: ManualClock,
    pub audio: RecordingAudio,
}

/// 07:30 on a Tuesday morning, UTC+1.
pub fn morning() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-24T07:30:00+01:00").expect("valid test date")
}

/// The app on `data_dir`, with the bundled assets, a manual clock and recorded sound, once
/// every past session is loaded (so home's progress line is drawn the same every run). At a
/// first start the intake is answered (no red flags, back pain 2, a general ache).
pub fn open_app(data_dir: &Path) -> TestApp {
    let mut app = open_app_raw(data_dir);
    app.harness.state_mut().wait_for_sessions();
    app.harness.run();
    if app.app().screen_kind() == strongback::ScreenKind::CheckIn {
        app.answer_check_in(2);
        // Today follows every check-in; these tests begin at home.
        if app.app().screen_kind() == strongback::ScreenKind::Today {
            app.click("Not now");
        }
    }
    app
}

/// The app as it opens, without answering anything.
pub fn open_app_raw(data_dir: &Path) -> TestApp {
    // A temporary folder is made 0755; the app's own are private (0700), and opening one open
    // to others says so (tested in `store::privacy`).
    #[cfg(unix)]
    if data_dir.is_dir() {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(data_dir, std::fs::Permissions::from_mode(0o700))
            .expect("a private test folder");
    }
    let audio = RecordingAudio::default();
    let clock = ManualClock::new(morning());
    let harness = open_with(data_dir, clock.clone(), Box::new(audio.clone()));
    TestApp {
        harness,
        clock,
        audio,
    }
}

pub fn open_with(
    data_dir: &Path,
    clock: ManualClock,
    audio: Box<dyn AudioOutput>,
) -> Harness<'static, StrongbackApp> {
    let store = Store::open(data_dir).expect("test data dir");
    let deps = AppDeps {
        clock: Box::new(clock),
        audio,
        store,
        assets: Assets::embedded(),
    };
    Harness::builder()
        .with_size(egui::Vec2::new(1100.0, 720.0))
        .build_eframe(move |_cc| StrongbackApp::new(deps))
}

impl TestApp {
    /// Answer the check-in (or intake) on screen: no red flags, this back pain, a general
    /// ache, and "the same" for the morning after if asked.
    pub fn answer_check_in(&mut self, back_pain: u8) {
        self.click("None of these apply to me");
        self.choose(&format!("Back pain: {back_pain}"));
        self.choose("Leg pain: 0");
        if self.shows("the same") {
            self.choose("the same");
        }
        self.choose("a general ache across the low back");
        self.skip_activities();
        self.click("Save check-in");
    }

    /// Skip the questions about the person's own activities, when asked: their own to name
    /// and rate (tested in `care::activities_ui`).
    pub fn skip_activities(&mut self) {
        for skip in ["Skip for now", "Not today"] {
            if self.shows(skip) {
                self.press_by_accesskit(skip);
            }
        }
    }

    /// Press Start, answer the day's check-in if it is asked, and start from the Today screen.
    pub fn start(&mut self) {
        // After a session today, home's Start says what it starts.
        let label = ["Start", "Start again", "Start another session"]
            .into_iter()
            .find(|label| self.shows(label))
            .unwrap_or("Start");
        self.click(label);
        if self.app().screen_kind() == strongback::ScreenKind::CheckIn {
            self.answer_check_in(2);
        }
        if self.app().screen_kind() == strongback::ScreenKind::Today {
            self.click("Start session");
        }
    }

    /// Move the clock on and let the app catch up.
    pub fn wait(&mut self, by: Duration) {
        self.clock.advance(by);
        self.harness.run();
    }

    pub fn wait_secs(&mut self, secs: u64) {
        self.wait(Duration::from_secs(secs));
    }

    /// Click the button with this label.
    pub fn click(&mut self, label: &str) {
        self.click_role(Role::Button, label);
    }

    /// Pick the radio button with this label.
    pub fn choose(&mut self, label: &str) {
        self.click_role(Role::RadioButton, label);
    }

    /// Tick or untick the checkbox with this label.
    pub fn tick(&mut self, label: &str) {
        self.click_role(Role::CheckBox, label);
    }

    /// Press the button with this label as a screen reader does (it may be scrolled out of
    /// view, where a pointer click would land on something else).
    pub fn press_by_accesskit(&mut self, label: &str) {
        use egui_kittest::kittest::Queryable as _;
        self.harness
            .get_by_role_and_label(Role::Button, label)
            .click_accesskit();
        self.harness.run();
    }

    /// Click the one widget with this role and label.
    pub fn click_role(&mut self, role: Role, label: &str) {
        use egui_kittest::kittest::Queryable as _;
        self.harness.get_by_role_and_label(role, label).click();
        self.harness.run();
    }

    /// Apply an action the way a click would, and let the app catch up.
    pub fn apply(&mut self, action: Action) {
        self.harness.state_mut().apply(action);
        self.harness.run();
    }

    /// In the open file picker, go to `dir` and save under the suggested name.
    pub fn save_in(&mut self, dir: &Path) {
        self.apply(Action::Picker(PickerAction::Navigate(dir.to_path_buf())));
        self.click("Save");
    }

    /// The window's close button, as the desktop sends it.
    pub fn request_close(&mut self) {
        self.harness
            .input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        self.harness.run();
    }

    pub fn press(&mut self, key: egui::Key) {
        self.harness.key_press(key);
        self.harness.run();
    }

    pub fn shows(&self, label: &str) -> bool {
        use egui_kittest::kittest::Queryable as _;
        self.harness.query_all_by_label(label).next().is_some()
    }

    pub fn shows_containing(&self, text: &str) -> bool {
        use egui_kittest::kittest::Queryable as _;
        self.harness
            .query_all_by_label_contains(text)
            .next()
            .is_some()
    }

    pub fn app(&self) -> &StrongbackApp {
        self.harness.state()
    }
}

pub fn session_files(data_dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(data_dir.join("sessions"))
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}
