//! Windows runs Strongback as a windowed program, so starting it from the Start menu or a
//! double-click opens no console window. Started from a terminal (Command Prompt,
//! PowerShell), it writes to that terminal's console instead, so `strongback validate …` and
//! the other commands print where they were typed. Elsewhere this does nothing.

/// Write to the console of the terminal that started the app, if there is one and the
/// output is not already going somewhere (a file or a pipe).
#[cfg(windows)]
#[allow(unsafe_code)]
pub fn use_the_starting_terminal() {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
    };
    // SAFETY: GetStdHandle takes a constant and only returns a handle value, not dereferenced here.
    let missing = |which| {
        let handle = unsafe { GetStdHandle(which) };
        handle.is_null() || handle == INVALID_HANDLE_VALUE
    };
    // Redirected output (`strongback report … > out.txt`, a pipe) is kept as it is.
    if missing(STD_OUTPUT_HANDLE) && missing(STD_ERROR_HANDLE) {
        // SAFETY: AttachConsole takes a process id and touches no memory of ours. It fails
        // when the parent has no console (started from the desktop): then there is nothing
        // to print to, as intended.
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// Nothing to do: the terminal's output is already the program's.
#[cfg(not(windows))]
pub fn use_the_starting_terminal() {}
