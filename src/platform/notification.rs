//! One desktop notification: freedesktop notifications over D-Bus on Linux (through
//! `notify-rust`), a toast on Windows. Its default action (clicking it) opens the app.

use std::time::Duration;

/// What became of a notification once posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The person clicked it.
    Opened,
    /// Dismissed, expired, or nothing heard within the wait.
    Closed,
}

/// Post a notification and wait (at most `wait`) for the person to click it or close it.
/// An error names what failed (no notification service, no session bus).
pub fn notify(title: &str, body: &str, wait: Duration) -> Result<Outcome, String> {
    let mut notification = notify_rust::Notification::new();
    notification
        .appname("Strongback")
        .summary(title)
        .body(body)
        .icon("strongback")
        .action("default", "Open Strongback");
    #[cfg(all(unix, not(target_os = "macos")))]
    notification.hint(notify_rust::Hint::DesktopEntry("strongback".to_owned()));
    let handle = notification.show().map_err(|err| err.to_string())?;
    let (tell, told) = std::sync::mpsc::channel();
    // The handle waits on a thread of its own, so the wait can end even if the desktop never
    // says the notification closed.
    let spawned = std::thread::Builder::new()
        .name("notification".to_owned())
        .spawn(move || {
            handle.wait_for_action(|action: &str| {
                let outcome = if action == "default" {
                    Outcome::Opened
                } else {
                    Outcome::Closed
                };
                let _ = tell.send(outcome);
            });
        });
    if spawned.is_err() {
        return Ok(Outcome::Closed);
    }
    Ok(told.recv_timeout(wait).unwrap_or(Outcome::Closed))
}
