//! Thin entry point: logging, arguments, and a clear message instead of a panic.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = strongback::cli::Cli::parse();
    if let Some(command) = &cli.command
        && !matches!(command, strongback::cli::Command::Edit { .. })
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
            eprintln!("strongback: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
