//! What the desktop says about how the person wants apps to look.

/// Whether the desktop asks apps for less motion: GNOME's "Animations" switch (also set by
/// its "Reduce animation" accessibility option), read with `gsettings`. `None` where the
/// desktop does not say (no GNOME settings, or another platform).
pub fn reduces_motion() -> Option<bool> {
    #[cfg(unix)]
    {
        let output = std::process::Command::new("gsettings")
            .args(["get", "org.gnome.desktop.interface", "enable-animations"])
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        if !output.status.success() {
            return None;
        }
        animations_answer(&String::from_utf8_lossy(&output.stdout))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(any(unix, test))]
/// "less motion" from gsettings' answer about animations (`true` or `false`).
fn animations_answer(text: &str) -> Option<bool> {
    match text.trim() {
        "false" => Some(true),
        "true" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::animations_answer;

    #[test]
    fn animations_off_on_the_desktop_means_less_motion() {
        assert_eq!(animations_answer("false\n"), Some(true));
        assert_eq!(animations_answer("true\n"), Some(false));
        assert_eq!(animations_answer("No such schema\n"), None);
    }
}
