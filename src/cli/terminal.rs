//! Writing to the terminal: text from files is escaped so a crafted plan cannot print a fake
//! line (or move the cursor), and a closed pipe (`strongback simulate … | head`) ends the
//! command quietly instead of panicking.

use std::borrow::Cow;
use std::io::Write as _;

/// `text` with every control character (newlines included) written as an escape, so one
/// problem is always one line.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Print one line of text from a file (escaped) to standard output.
pub fn say(text: &str) -> std::io::Result<()> {
    writeln!(std::io::stdout().lock(), "{}", escaped(text))
}

/// Print lines the program made itself (a table) to standard output as they are.
pub fn say_raw(text: &str) -> std::io::Result<()> {
    write!(std::io::stdout().lock(), "{text}")
}

/// Print one line of text from a file (escaped) to standard error.
pub fn warn(text: &str) {
    // Nothing more can be done if standard error is closed.
    let _ = writeln!(std::io::stderr().lock(), "{}", escaped(text));
}

/// Whether an error is a closed pipe on standard output.
pub fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_plain_text_is_untouched() {
        assert_eq!(escaped("plan.ron:1:1: fine"), "plan.ron:1:1: fine");
        assert_eq!(
            escaped("bad id `x`\nplan.ron: ok"),
            "bad id `x`\\nplan.ron: ok"
        );
        assert_eq!(escaped("\u{1b}[2Kgone"), "\\u{1b}[2Kgone");
    }
}
