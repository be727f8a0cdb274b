//! Files the Debian package ships that come from the command-line definitions: the man page
//! (clap_mangen) and shell completions for bash, zsh and fish (clap_complete).
//!
//! `cargo run --release --example package_files -- target/package` (packaging/build-deb runs it).

use std::path::PathBuf;

use clap::CommandFactory as _;

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/package".to_owned()),
    );
    std::fs::create_dir_all(&out)?;
    let command = strongback::cli::Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    std::fs::write(out.join("strongback.1"), page)?;
    for (shell, file) in [
        (clap_complete::Shell::Bash, "strongback.bash"),
        (clap_complete::Shell::Zsh, "_strongback"),
        (clap_complete::Shell::Fish, "strongback.fish"),
    ] {
        let mut text = Vec::new();
        clap_complete::generate(shell, &mut command.clone(), "strongback", &mut text);
        std::fs::write(out.join(file), text)?;
    }
    println!("man page and completions written to {}", out.display());
    Ok(())
}
