//! Opening the app window: the data folder, assets, sound and the eframe loop.

use std::path::PathBuf;

use anyhow::{Context as _, anyhow};

use crate::app::{AppDeps, StartupLoad, StrongbackApp};
use crate::platform::clock::SystemClock;
use crate::platform::screen_awake::DesktopScreenAwake;
use crate::platform::sound::{AudioOutput, DeviceAudio, SilentAudio};
use crate::store::Store;
use crate::store::bundled::Assets;

/// What the window needs from the command line.
pub struct WindowOptions {
    pub data_dir: PathBuf,
    pub assets_dir: Option<PathBuf>,
    pub no_sound: bool,
    /// Inner size of the window in points; 1100 × 720 when not given.
    pub window_size: Option<[f32; 2]>,
    pub full_screen: bool,
    /// What the window shows first.
    pub start: FirstScreen,
}

/// What the window opens on.
#[derive(Clone, Debug)]
pub enum FirstScreen {
    /// Home (or what the person must answer first).
    Home,
    /// The plan editor (`strongback edit`).
    Editor(crate::app::EditorStart),
    /// A plan file checked, with what it would change (`strongback open`, "Open with").
    PlanFile(PathBuf),
}

/// Open the app window and run until it is closed.
pub fn run(options: WindowOptions) -> anyhow::Result<()> {
    let store = Store::open(&options.data_dir)?;
    // One window per data folder; then nothing else is writing, so leftovers of a crash can go.
    let lock = store.lock()?;
    let removed = store.remove_stale_temp_files();
    if removed > 0 {
        log::info!("removed {removed} temporary files left by an earlier crash");
    }
    let assets = match &options.assets_dir {
        Some(dir) => Assets::from_dir(dir),
        None => Assets::embedded(),
    };
    if let Err(problems) = &assets {
        for problem in problems {
            super::terminal::warn(&problem.to_string());
        }
    }
    let no_sound = options.no_sound;
    let desktop_motion = crate::platform::desktop::reduces_motion();
    let start = options.start.clone();
    let data_dir = options.data_dir.clone();
    // Years of history take as long to read as the window's graphics take to set up: begin
    // reading now, so home can show today's decision with its first frames.
    let today = chrono::Local::now().date_naive();
    let early = StartupLoad::begin(&store, assets.as_ref().ok(), today);
    // The app's icon for the window (the desktop entry names the same one for the menu).
    let icon =
        eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/strongback-128.png"))
            .map_err(|err| log::warn!("the window icon could not be read: {err}"))
            .ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Strongback")
        .with_app_id("strongback");
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let native = eframe::NativeOptions {
        viewport: viewport
            .with_inner_size(options.window_size.unwrap_or([1100.0, 720.0]))
            .with_fullscreen(options.full_screen)
            .with_min_inner_size([720.0, 520.0]),
        // Glow (OpenGL) even when a test build turns on eframe's wgpu feature too.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Strongback",
        native,
        Box::new(move |cc| {
            crate::platform::signals::close_window_on_signals(cc.egui_ctx.clone());
            let clock = SystemClock::new();
            let audio: Box<dyn AudioOutput> = if no_sound {
                Box::new(SilentAudio)
            } else {
                let ctx = cc.egui_ctx.clone();
                Box::new(DeviceAudio::start_notifying(
                    clock.origin(),
                    Box::new(move || ctx.request_repaint()),
                ))
            };
            let mut app = StrongbackApp::with_startup_load(
                AppDeps {
                    clock: Box::new(clock),
                    audio,
                    store,
                    assets,
                },
                early,
            )
            .with_screen_awake(Box::new(DesktopScreenAwake::default()))
            .with_reminder_scheduler(crate::platform::reminder_timer::for_this_computer(
                &data_dir,
            ))
            .with_desktop_motion_preference(desktop_motion);
            match start {
                FirstScreen::Home => {}
                FirstScreen::Editor(start) => app.open_editor(start),
                FirstScreen::PlanFile(path) => app.open_plan_file(&path),
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow!("{err}"))
    .context("Strongback could not open its window (is a graphical display available?)");
    // The data folder stays ours until the window has closed.
    drop(lock);
    result
}
