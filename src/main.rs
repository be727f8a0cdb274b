//! Thin entry point: logging, arguments, and a clear message instead of a panic.

// On Windows a windowed program: no console window opens beside it from the Start menu
// (the commands still print to the terminal they are typed in: `platform::console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    use strongback::platform::console::{report_error, use_the_starting_terminal};
    let cli = match strongback::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help, --version or a mistake in the arguments: said where they were typed.
            use_the_starting_terminal();
            err.exit();
        }
    };
    // The commands print to the terminal they were typed in; the window keeps to itself.
    if cli.command.as_ref().is_some_and(|c| !c.opens_window()) {
        use_the_starting_terminal();
    }
    start_logging(&cli);
    if let Some(command) = &cli.command
        && !command.opens_window()
    {
        return match strongback::cli::run_command(
            command,
            cli.assets.as_deref(),
            cli.data_dir.as_deref(),
        ) {
            Ok(code) => std::process::ExitCode::from(code),
            // The reader went away (`strongback simulate … | head`): stop quietly, with the
            // status a command stopped by a closed pipe has in a shell.
            Err(err) if strongback::cli::terminal::is_closed_pipe(&err) => {
                std::process::ExitCode::from(141)
            }
            Err(err) => {
                strongback::cli::terminal::warn(&format!("strongback: {err:#}"));
                std::process::ExitCode::from(2)
            }
        };
    }
    match strongback::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            // (On Windows, started from the Start menu, in a message box.)
            report_error(&format!("{err:#}"));
            std::process::ExitCode::FAILURE
        }
    }
}

/// Log to the terminal; or, when the window opens with no terminal to see it (started from
/// the desktop menu), to `strongback.log` in the data folder, capped in size.
fn start_logging(cli: &strongback::cli::Cli) {
    use std::io::IsTerminal as _;
    let mut logger =
        env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"));
    let opens_window = cli
        .command
        .as_ref()
        .is_none_or(strongback::cli::Command::opens_window);
    if opens_window
        && !std::io::stderr().is_terminal()
        && let Some(dir) = cli
            .data_dir
            .clone()
            .or_else(strongback::store::Store::default_dir)
    {
        use strongback::platform::log_file::{CappedLog, LOG_CAP_BYTES};
        match CappedLog::open(&dir, LOG_CAP_BYTES) {
            Ok(file) => {
                logger.target(env_logger::Target::Pipe(Box::new(file)));
            }
            Err(err) => eprintln!("strongback: no log file in {}: {err}", dir.display()),
        }
    }
    logger.init();
}
