//! The desktop logging out (SIGTERM), the terminal going away (SIGHUP) or Ctrl+C (SIGINT)
//! close the window as its close button does: the session in progress is saved, and what
//! could not be saved is kept in `rescue.ron`, before the person is asked. A second signal
//! ends the app at once.

/// Listen for the signals on a thread of their own (a no-op where there are none).
#[cfg(unix)]
pub fn close_window_on_signals(ctx: egui::Context) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(signals) => signals,
        Err(err) => {
            log::warn!("signals cannot be caught ({err}); logging out closes without saving");
            return;
        }
    };
    let spawned = std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            let mut seen = 0;
            for signal in signals.forever() {
                seen += 1;
                if seen > 1 {
                    log::warn!("signal {signal} again: ending now");
                    std::process::exit(128 + signal);
                }
                log::info!("signal {signal}: closing the window");
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx.request_repaint();
            }
        });
    if let Err(err) = spawned {
        log::warn!("signals cannot be caught ({err})");
    }
}

/// Windows has no such signals for a windowed program: logging out or shutting down ends it
/// as a kill would, and the session in progress, saved as it goes (`in-progress.ron`), is
/// offered to resume or keep at the next start.
#[cfg(not(unix))]
pub fn close_window_on_signals(_ctx: egui::Context) {}
