//! Keeping the screen on while a session runs, so the screen saver never blanks a 60 s hold.
//!
//! On Linux desktops this asks the desktop's `org.freedesktop.ScreenSaver` interface (through
//! the `keepawake` crate), falling back to systemd's idle inhibitor; where neither answers,
//! one log line says so and the session goes on. On Windows `keepawake` calls
//! `SetThreadExecutionState`, which holds only while the thread that asked lives: the
//! holding thread here waits until the session ends.

use std::sync::mpsc::{Receiver, Sender, channel};

/// Holds the screen on while asked to.
pub trait ScreenAwake {
    /// Keep the screen on (`true`) or let it sleep as usual (`false`). Called every frame:
    /// it must be cheap when nothing changes.
    fn set_awake(&mut self, awake: bool);
    /// Whether the screen is being held on now (as asked; the desktop may still refuse).
    fn is_awake(&self) -> bool;
}

/// For tests and the command line: remembers what was asked and does nothing.
#[derive(Debug, Default)]
pub struct NoScreenAwake {
    awake: bool,
}

impl ScreenAwake for NoScreenAwake {
    fn set_awake(&mut self, awake: bool) {
        self.awake = awake;
    }

    fn is_awake(&self) -> bool {
        self.awake
    }
}

/// The desktop's inhibitor, held on a thread of its own so a slow D-Bus never stalls a frame.
#[derive(Debug, Default)]
pub struct DesktopScreenAwake {
    /// Dropping the sender ends the hold: the thread wakes, releases it and exits.
    holding: Option<Sender<()>>,
}

impl ScreenAwake for DesktopScreenAwake {
    fn set_awake(&mut self, awake: bool) {
        match (awake, self.holding.is_some()) {
            (true, false) => {
                let (release, released) = channel();
                let spawned = std::thread::Builder::new()
                    .name("screen-awake".to_owned())
                    .spawn(move || hold_until_released(&released));
                match spawned {
                    Ok(_) => self.holding = Some(release),
                    Err(e) => log::warn!("could not keep the screen on: no thread ({e})"),
                }
            }
            (false, true) => self.holding = None,
            _ => {}
        }
    }

    fn is_awake(&self) -> bool {
        self.holding.is_some()
    }
}

fn hold_until_released(released: &Receiver<()>) {
    let ask = |display: bool| {
        keepawake::Builder::default()
            .display(display)
            .idle(!display)
            .reason("A timed exercise session is running")
            .app_name("Strongback")
            .app_reverse_domain("io.github.strongback")
            .create()
    };
    let hold = match ask(true) {
        Ok(hold) => Some(hold),
        Err(screen_saver) => match ask(false) {
            Ok(hold) => {
                log::info!(
                    "the screen saver could not be held off ({screen_saver}); the idle \
                     inhibitor is held instead"
                );
                Some(hold)
            }
            Err(idle) => {
                log::warn!(
                    "cannot keep the screen on during the session: the desktop's screen saver \
                     interface answered \"{screen_saver}\" and the idle inhibitor \"{idle}\"; \
                     the screen may blank during long holds"
                );
                None
            }
        },
    };
    if hold.is_some() {
        log::info!("screen kept on while the session runs");
    }
    // Blocks until the sender is dropped (the session ended or the app closed).
    let _ = released.recv();
    // keepawake panics if the release call fails; a panic here must not take the app down.
    let released_cleanly =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(hold))).is_ok();
    if released_cleanly {
        log::info!("screen allowed to sleep again");
    } else {
        log::warn!("releasing the screen-saver hold failed; the desktop drops it when we exit");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stand_in_remembers_what_was_asked() {
        let mut awake = NoScreenAwake::default();
        awake.set_awake(true);
        assert!(awake.is_awake());
        awake.set_awake(false);
        assert!(!awake.is_awake());
    }
}
