//! Writing files so that a crash or a full disk leaves either the old file or the new one,
//! never half of each; and setting aside a file that cannot be read, never overwriting it.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::StoreError;

/// Who may read a file the app writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Readers {
    /// Health data in the data folder: the person only (0600 on Unix).
    Owner,
    /// Exports and handouts meant to be shared: readable by others (0644 on Unix).
    Everyone,
}

/// Write the person's own data to `path` so that a crash leaves either the old file or the new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_file(path, bytes, Readers::Owner)
}

/// Write a file meant to be handed over (a plan export, a handout), atomically.
pub fn write_shared(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_file(path, bytes, Readers::Everyone)
}

fn write_file(path: &Path, bytes: &[u8], readers: Readers) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let err = |reason| StoreError::Write {
        path: path.to_path_buf(),
        reason,
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
    #[cfg(unix)]
    if readers == Readers::Everyone {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(err)?;
    }
    #[cfg(not(unix))]
    let _ = readers;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Rename an unreadable file to the first free `NAME.unreadable[-N]`.
pub(super) fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            ".unreadable".to_owned()
        } else {
            format!(".unreadable-{n}")
        };
        let target = path.with_file_name(format!("{file_name}{suffix}"));
        if !target.exists() {
            std::fs::rename(path, &target)?;
            return Ok(target);
        }
        n += 1;
    }
}
