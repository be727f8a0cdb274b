//! Start-up and timer benchmark: the real app in a real window (run it under a display, e.g.
//! Xvfb), on a data folder of your choice.
//!
//!     cargo build --release --example startup_bench
//!     target/release/examples/startup_bench --data-dir EMPTY_DIR
//!     target/release/examples/startup_bench --data-dir TEN_YEARS_DIR   # strongback demo-data
//!     target/release/examples/startup_bench --data-dir DIR --timer-secs 20
//!     target/release/examples/startup_bench --bare                     # a bare eframe window
//!
//! `--window-size WxH` opens the window at that size (default 1100x720); `--reduce-motion`
//! turns the moving figure off (as the desktop's animation switch would). The figure's cost:
//! a data folder holding `examples/figure_cpu_plan.ron` as `plan.ron`, `--timer-secs 60`, with
//! and without `--reduce-motion`.
//!
//! Without `--timer-secs` it prints the milliseconds from process start to the end of the
//! first drawn frame, and to the first frame showing today's decision (home), then exits. With it, it starts a session (answering the day's check-in if
//! asked), lets the timer run that long, and prints the process CPU time and frames drawn.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use strongback::ui::{CareAction, SessionAction};

use strongback::platform::clock::SystemClock;
use strongback::platform::sound::SilentAudio;
use strongback::store::Store;
use strongback::store::bundled::Assets;
use strongback::ui::Action;
use strongback::{AppDeps, ScreenKind, StartupLoad, StrongbackApp};

struct Bench {
    started: Instant,
    app: Option<StrongbackApp>,
    frames: u64,
    timer: Option<Duration>,
    timer_started: Option<(Instant, f64)>,
    decision_shown: bool,
}

impl eframe::App for Bench {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        if let Some(app) = &mut self.app {
            app.logic(ctx, frame);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        if let Some(app) = &mut self.app {
            eframe::App::ui(app, ui, frame);
            if self.timer.is_none() && !self.decision_shown && app.todays_decision().is_some() {
                self.decision_shown = true;
                println!(
                    "today's decision drawn after {:.1} ms",
                    self.started.elapsed().as_secs_f64() * 1000.0
                );
            }
        } else {
            ui.label("bare eframe window");
        }
        match (self.timer, self.timer_started) {
            (None, _) if self.frames == 1 => {
                println!(
                    "first frame drawn after {:.1} ms",
                    self.started.elapsed().as_secs_f64() * 1000.0
                );
                if self.app.is_none() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            (None, _)
                if self.decision_shown
                    || self
                        .app
                        .as_ref()
                        .is_some_and(|a| a.screen_kind() != ScreenKind::Home) =>
            {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            (Some(_), None) if self.frames == 2 => {
                if let Some(app) = &mut self.app {
                    start_session(app);
                }
                self.timer_started = Some((Instant::now(), cpu_secs()));
                self.frames = 0;
                ui.ctx().request_repaint();
            }
            (Some(limit), Some((at, cpu_at))) if at.elapsed() >= limit => {
                let wall = at.elapsed().as_secs_f64();
                let cpu = cpu_secs() - cpu_at;
                println!(
                    "timer running {wall:.1} s: CPU {:.2} % of one core, {} frames ({:.2} per second)",
                    100.0 * cpu / wall,
                    self.frames,
                    self.frames as f64 / wall
                );
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            (Some(limit), Some((at, _))) => {
                // Make sure we wake up to stop, even if the app asks for nothing.
                ui.ctx()
                    .request_repaint_after(limit.saturating_sub(at.elapsed()));
            }
            _ => ui.ctx().request_repaint(),
        }
    }
}

/// Once every record is loaded, press Start, answering the day's check-in (no red flags, back pain 2) if it is asked.
fn start_session(app: &mut StrongbackApp) {
    // Measure the timer alone, not the background reading at start-up (the history, and
    // when each past session started and how it ended; the full records are not read on the
    // way to the player).
    app.wait_for_background_loading();
    app.apply(Action::Session(SessionAction::Start));
    if app.screen_kind() == ScreenKind::CheckIn {
        use strongback::domain::care::answers::CheckInMode;
        use strongback::domain::care::checkin::{MorningAfter, PainKind};
        let mut draft = strongback::ui::checkin_screen::CheckInDraft::new(CheckInMode::Daily, true);
        draft.answers.back_pain = Some(2);
        draft.answers.leg_pain = Some(0);
        draft.answers.morning_after = Some(MorningAfter::Same);
        draft.answers.pain_kind = Some(PainKind::GeneralAche);
        app.apply(Action::Care(CareAction::EditCheckIn(Box::new(draft))));
        app.apply(Action::Care(CareAction::SubmitCheckIn));
    }
    // After a check-in the Today screen says what the rules made of it; start from there.
    if app.screen_kind() == ScreenKind::Today {
        app.apply(Action::Session(SessionAction::Start));
    }
    if app.screen_kind() != ScreenKind::Player {
        eprintln!(
            "the session did not start (screen: {:?})",
            app.screen_kind()
        );
    }
}

/// This process's user + system CPU time, from /proc.
fn cpu_secs() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let fields: Vec<&str> = stat
        .rsplit_once(") ")
        .map_or(Vec::new(), |(_, rest)| rest.split(' ').collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 (11 and 12 after the command name); 100 ticks/s.
    (ticks(11) + ticks(12)) / 100.0
}

fn main() -> anyhow::Result<()> {
    let started = Instant::now();
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let bare = args.iter().any(|a| a == "--bare");
    let timer = value("--timer-secs")
        .and_then(|s| s.parse::<u64>().ok())
        .map(Duration::from_secs);
    let data_dir = value("--data-dir").map(PathBuf::from);
    let reduce_motion = args.iter().any(|a| a == "--reduce-motion");
    let window_size = value("--window-size")
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some([w.parse::<f32>().ok()?, h.parse::<f32>().ok()?])
        })
        .unwrap_or([1100.0, 720.0]);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Strongback")
            .with_inner_size(window_size),
        // Glow (OpenGL) even when a test build turns on eframe's wgpu feature too.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    // As the app's window does: the history is on its way while the graphics are set up.
    let early = match (bare, &data_dir) {
        (false, Some(dir)) => {
            let store = Store::open(dir)?;
            let assets = Assets::embedded();
            let today = chrono::Local::now().date_naive();
            let early = StartupLoad::begin(&store, assets.as_ref().ok(), today);
            Some((store, assets, early))
        }
        _ => None,
    };
    eframe::run_native(
        "Strongback bench",
        options,
        Box::new(move |_cc| {
            let app = match (bare, early) {
                (true, _) => None,
                (false, Some((store, assets, early))) => Some(
                    StrongbackApp::with_startup_load(
                        AppDeps {
                            clock: Box::new(SystemClock::new()),
                            audio: Box::new(SilentAudio),
                            store,
                            assets,
                        },
                        early,
                    )
                    .with_desktop_motion_preference(Some(reduce_motion)),
                ),
                (false, None) => return Err("pass --data-dir DIR or --bare".into()),
            };
            Ok(Box::new(Bench {
                started,
                app,
                frames: 0,
                timer,
                timer_started: None,
                decision_shown: false,
            }))
        }),
    )
    .map_err(|err| anyhow::anyhow!("{err}"))
}
