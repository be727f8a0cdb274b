//! One app per data folder: the lock file, held while the app runs.

use super::{Store, StoreError};

const LOCK_FILE: &str = "strongback.lock";

/// Held while the app uses a data folder; dropping it lets another instance in.
#[derive(Debug)]
pub struct DataFolderLock {
    _file: std::fs::File,
}

impl Store {
    /// Take the data folder for this process: a second app on the same folder is refused
    /// while the returned lock is held.
    pub fn lock(&self) -> Result<DataFolderLock, StoreError> {
        let path = self.dir.join(LOCK_FILE);
        let mut options = std::fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
            options.mode(0o600);
            if path.exists() {
                let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
            }
        }
        let file = options.open(&path).map_err(|reason| StoreError::Write {
            path: path.clone(),
            reason,
        })?;
        match file.try_lock() {
            Ok(()) => Ok(DataFolderLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::InUse {
                dir: self.dir.clone(),
            }),
            Err(std::fs::TryLockError::Error(reason)) => Err(StoreError::Write { path, reason }),
        }
    }
}
