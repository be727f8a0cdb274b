//! Thin entry point: logging, arguments, and a clear message instead of a panic.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = strongback::cli::Cli::parse();
    match strongback::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("strongback: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
