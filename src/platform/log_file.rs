//! The log when nobody sees a terminal (the app started from the desktop menu): a file in the
//! data folder, `strongback.log`, kept small. At start a log over the cap becomes
//! `strongback.log.1` (replacing the one before), and one run never writes more than the cap.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The log file's name in the data folder.
pub const LOG_FILE: &str = "strongback.log";

/// At most this many bytes per file and per run.
pub const LOG_CAP_BYTES: u64 = 1_000_000;

/// A log file that stops growing at its cap.
pub struct CappedLog {
    file: File,
    written: u64,
    cap: u64,
    capped: bool,
}

impl CappedLog {
    /// Open `dir/strongback.log` for appending, first moving a full one to `.1`.
    /// The folder is made private (0700) and the log 0600, as the store makes its own: the
    /// log may be the first thing to touch the data folder.
    pub fn open(dir: &Path, cap: u64) -> io::Result<CappedLog> {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt as _;
            builder.mode(0o700);
        }
        builder.create(dir)?;
        let path = dir.join(LOG_FILE);
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        if size >= cap {
            let mut older = PathBuf::from(&path);
            older.set_extension("log.1");
            std::fs::rename(&path, older)?;
        }
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
            options.mode(0o600);
            // A log made by an older version may be readable by others.
            if path.exists() {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
            }
        }
        let file = options.open(&path)?;
        Ok(CappedLog {
            file,
            written: 0,
            cap,
            capped: false,
        })
    }
}

impl Write for CappedLog {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.capped {
            return Ok(buf.len());
        }
        if self.written + buf.len() as u64 > self.cap {
            self.capped = true;
            self.file
                .write_all(b"(the log reached its size limit; nothing more this run)\n")?;
            return Ok(buf.len());
        }
        self.written += buf.len() as u64;
        self.file.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_log_moves_aside_and_a_run_stops_at_the_cap() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(LOG_FILE), vec![b'x'; 120]).expect("old log");
        let mut log = CappedLog::open(dir.path(), 100).expect("opens");
        assert_eq!(
            std::fs::metadata(dir.path().join("strongback.log.1"))
                .map(|m| m.len())
                .ok(),
            Some(120),
            "the full one is kept as .1"
        );
        for _ in 0..20 {
            log.write_all(b"0123456789\n").expect("writes");
        }
        log.flush().expect("flushes");
        let text = std::fs::read_to_string(dir.path().join(LOG_FILE)).expect("log");
        assert!(text.len() < 200, "{} bytes", text.len());
        assert!(text.ends_with("nothing more this run)\n"));
    }
}
