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

/// A notification on the desktop, whose click can still be waited for.
pub struct Posted {
    handle: notify_rust::NotificationHandle,
}

/// Post a notification. An error names what failed (no notification service, no session
/// bus).
pub fn post(title: &str, body: &str) -> Result<Posted, String> {
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
    Ok(Posted { handle })
}

impl Posted {
    /// Wait (at most `wait`) for the person to click it or close it.
    pub fn wait(self, wait: Duration) -> Outcome {
        let (tell, told) = std::sync::mpsc::channel();
        let handle = self.handle;
        // The handle waits on a thread of its own, so the wait can end even if the desktop
        // never says the notification closed.
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
            return Outcome::Closed;
        }
        told.recv_timeout(wait).unwrap_or(Outcome::Closed)
    }
}
