//! Windows runs Strongback as a windowed program, so starting it from the Start menu or a
//! double-click opens no console window. A command typed in a terminal (Command Prompt,
//! PowerShell) writes to that terminal's console instead, so `strongback validate …` and the
//! others print where they were typed; the window never takes the terminal (Ctrl+C there
//! does not end it). An error that stops the window from opening, with no terminal to print
//! it, is shown in a message box. Elsewhere this does nothing.

/// Write to the console of the terminal that started the program, if there is one; output
/// already going to a file or a pipe stays there.
#[cfg(windows)]
#[allow(unsafe_code)]
pub fn use_the_starting_terminal() {
    use std::os::windows::io::IntoRawHandle as _;
    use windows_sys::Win32::Foundation::{HANDLE, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_HANDLE,
        STD_OUTPUT_HANDLE, SetStdHandle,
    };
    let valid = |handle: HANDLE| !handle.is_null() && handle != INVALID_HANDLE_VALUE;
    // SAFETY: GetStdHandle takes a constant and returns a handle value, not dereferenced.
    let before = [STD_OUTPUT_HANDLE, STD_ERROR_HANDLE].map(|which| unsafe { GetStdHandle(which) });
    if before.iter().all(|h| valid(*h)) {
        return;
    }
    // SAFETY: AttachConsole takes a process id and touches no memory of ours. It fails when
    // the parent has no console (started from the desktop): nothing to print to, as intended.
    if unsafe { AttachConsole(ATTACH_PARENT_PROCESS) } == 0 {
        return;
    }
    let set = |which: STD_HANDLE, handle: HANDLE| {
        // SAFETY: SetStdHandle stores a handle value for this process; the handle stays open
        // for the process's life (never closed here).
        unsafe { SetStdHandle(which, handle) };
    };
    for (which, old) in [STD_OUTPUT_HANDLE, STD_ERROR_HANDLE]
        .into_iter()
        .zip(before)
    {
        if valid(old) {
            // Redirected (`> out.txt`, a pipe): kept.
            set(which, old);
            continue;
        }
        // SAFETY: as above.
        if valid(unsafe { GetStdHandle(which) }) {
            continue;
        }
        // Not given a handle by attaching: the console's own output.
        if let Ok(console) = std::fs::OpenOptions::new().write(true).open("CONOUT$") {
            set(which, console.into_raw_handle() as HANDLE);
        }
    }
}

/// Nothing to do: the terminal's output is already the program's.
#[cfg(not(windows))]
pub fn use_the_starting_terminal() {}

/// Say an error that ended the program: on standard error, and on Windows in a message box
/// too when there is no terminal to see it (started from the Start menu or Open with).
pub fn report_error(text: &str) {
    eprintln!("strongback: {text}");
    #[cfg(windows)]
    if !has_standard_error() {
        message_box(text);
    }
}

#[cfg(windows)]
#[allow(unsafe_code)]
fn has_standard_error() -> bool {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{GetStdHandle, STD_ERROR_HANDLE};
    // SAFETY: as in use_the_starting_terminal.
    let handle = unsafe { GetStdHandle(STD_ERROR_HANDLE) };
    !handle.is_null() && handle != INVALID_HANDLE_VALUE
}

#[cfg(windows)]
#[allow(unsafe_code)]
fn message_box(text: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};
    let wide = |s: &str| {
        s.encode_utf16()
            .chain(std::iter::once(0))
            .collect::<Vec<u16>>()
    };
    let (text, caption) = (wide(text), wide("Strongback"));
    // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call; no owner window.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            caption.as_ptr(),
            MB_OK | MB_ICONERROR,
        );
    }
}
