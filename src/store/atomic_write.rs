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
    // Output goes only to a regular file or a new one: never over a link, a device or a
    // folder (as root, a report once replaced /dev/full).
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && !meta.file_type().is_file()
    {
        return Err(StoreError::Write {
            path: path.to_path_buf(),
            reason: std::io::Error::other(
                "it is not a regular file (a link, a device or a folder), so nothing was written",
            ),
        });
    }
    write_file(path, bytes, Readers::Everyone)
}

/// Temporary files are named `.strongback-XXXXXX.tmp`, so ones left by a crash can be found
/// and removed at the next start.
pub const TEMP_PREFIX: &str = ".strongback-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// Write the person's own data to a new file at `path`, never replacing one that exists
/// (even one that appeared a moment ago): `Ok(false)` if `path` was taken.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, StoreError> {
    let tmp = write_temp(path, bytes, Readers::Owner)?;
    match tmp.persist_noclobber(path) {
        Ok(_) => {
            // The file is in place: saved. A folder that cannot be flushed (some network and
            // FUSE file systems) makes it less durable, not unsaved; saying "not saved" would
            // lead to a second copy on "Try again".
            if let Err(err) = sync_dir(path) {
                log::warn!("{err}");
            }
            Ok(true)
        }
        Err(err) if err.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(err) => Err(StoreError::Write {
            path: path.to_path_buf(),
            reason: err.error,
        }),
    }
}

/// The folder a file is in (`.` for a bare name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Flush the folder holding `path`, so a rename or removal in it survives a power loss.
pub fn sync_dir(path: &Path) -> Result<(), StoreError> {
    let dir = parent_dir(path);
    #[cfg(unix)]
    {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|reason| StoreError::Write {
                path: dir.to_path_buf(),
                reason,
            })?;
    }
    // Windows lets no program flush a folder it only reads. NTFS journals the rename itself,
    // and the file's bytes were flushed before it, so after a crash the file is the old one
    // or the new one, whole: the promise this makes on Unix.
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The bytes in a flushed temporary file beside `path`, ready to be renamed into place.
fn write_temp(
    path: &Path,
    bytes: &[u8],
    readers: Readers,
) -> Result<tempfile::NamedTempFile, StoreError> {
    let err = |reason| StoreError::Write {
        path: path.to_path_buf(),
        reason,
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(parent_dir(path))
        .map_err(err)?;
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
    Ok(tmp)
}

fn write_file(path: &Path, bytes: &[u8], readers: Readers) -> Result<(), StoreError> {
    let tmp = write_temp(path, bytes, readers)?;
    replace_with(tmp, path).map_err(|e| StoreError::Write {
        path: path.to_path_buf(),
        reason: e.error,
    })?;
    if let Err(err) = sync_dir(path) {
        log::warn!("{err}");
    }
    Ok(())
}

/// Rename the temporary file over `path` (on Windows, `MoveFileEx` replacing the file).
/// Windows refuses to replace a file that another program holds open for a moment (an
/// antivirus scan, the search indexer, a backup tool) with "access denied": there the rename
/// is tried again for about half a second before the save is reported as failed.
fn replace_with(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), tempfile::PersistError> {
    #[cfg(windows)]
    let tmp = {
        let mut tmp = tmp;
        for wait_ms in [10, 20, 40, 80, 160, 240] {
            match tmp.persist(path) {
                Ok(_) => return Ok(()),
                // Access denied, or a sharing or lock violation (Windows errors 32 and 33,
                // which the standard library does not name).
                Err(err)
                    if err.error.kind() == std::io::ErrorKind::PermissionDenied
                        || matches!(err.error.raw_os_error(), Some(32 | 33)) =>
                {
                    tmp = err.file;
                    std::thread::sleep(std::time::Duration::from_millis(wait_ms));
                }
                Err(err) => return Err(err),
            }
        }
        tmp
    };
    tmp.persist(path).map(|_| ())
}

/// Whether a file name is a temporary file of ours (or of an older version, which used
/// `.tmpXXXXXX`).
pub fn is_temp_file_name(name: &str) -> bool {
    (name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX))
        || (name.starts_with(".tmp") && name.len() == 10)
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
