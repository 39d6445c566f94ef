//! [`Store`]: the state file shared safely between processes. Writes run lock →
//! reload-if-changed → mutate → atomic write → unlock (lock file `<state>.lock`); reads use an
//! in-memory copy that is parsed again only when the file's (length, mtime, inode) changed.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use super::EmulatorError;
use super::state::StateData;
use crate::fsutil;

/// What identifies one version of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Self {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp { len: meta.len(), modified: meta.modified().ok(), inode }
    }
}

#[derive(Debug)]
struct Cached {
    stamp: Stamp,
    data: Arc<StateData>,
}

/// The state file, shared safely between processes, with an in-memory copy.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    cache: Mutex<Option<Cached>>,
}

impl Store {
    /// A store for the state file at `path` (nothing is read yet).
    pub fn new(path: PathBuf) -> Self {
        Store { path, cache: Mutex::new(None) }
    }

    /// The state file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current state, re-read only when the file changed; creates the file when missing.
    pub fn read(&self) -> Result<Arc<StateData>, EmulatorError> {
        {
            let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((stamp, data)) = self.load_if_changed(cache.as_ref())? {
                if !data.key.is_empty() {
                    let data = Arc::new(data);
                    *cache = Some(Cached { stamp, data: Arc::clone(&data) });
                    return Ok(data);
                }
            } else if let Some(cached) = cache.as_ref() {
                return Ok(Arc::clone(&cached.data));
            }
        }
        // Missing file, or one without an identity yet: create it.
        self.mutate(|_| Ok::<_, EmulatorError>(()))?;
        let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        cache
            .as_ref()
            .map(|c| Arc::clone(&c.data))
            .ok_or_else(|| EmulatorError::io(&self.path, io::Error::other("state vanished")))
    }

    /// Runs `change` on the freshest state under the file lock and writes the result
    /// atomically. `change` must check before it changes anything: when it fails, nothing is
    /// written and the in-memory copy is kept as it is.
    pub fn mutate<R, E>(&self, change: impl FnOnce(&mut StateData) -> Result<R, E>) -> Result<R, E>
    where
        E: From<EmulatorError>,
    {
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        self.ensure_parent()?;
        let lock_path = lock_path(&self.path);
        let _lock = fsutil::lock_exclusive(&lock_path).map_err(|e| EmulatorError::io(&lock_path, e))?;
        if let Some((stamp, fresh)) = self.load_if_changed(cache.as_ref())? {
            *cache = Some(Cached { stamp, data: Arc::new(fresh) });
        }
        let Some(cached) = cache.as_mut() else {
            return Err(EmulatorError::io(&self.path, io::Error::other("state not loaded")).into());
        };
        // Changed in place: copied only when a reader still holds the previous snapshot.
        let data = Arc::make_mut(&mut cached.data);
        data.ensure_identity();
        // `change` fails before changing anything (every caller checks first), so the copy
        // stays valid when it fails.
        let result = change(data)?;
        match self.write(data) {
            Ok(stamp) => {
                cached.stamp = stamp;
                Ok(result)
            }
            Err(error) => {
                // The copy holds a change the file does not: forget it, the file is the truth.
                *cache = None;
                Err(error.into())
            }
        }
    }

    /// Writes `data` atomically and returns the new file's stamp.
    fn write(&self, data: &StateData) -> Result<Stamp, EmulatorError> {
        let bytes =
            serde_json::to_vec(data).map_err(|e| EmulatorError::io(&self.path, io::Error::other(e)))?;
        fsutil::write_atomic(&self.path, &bytes, 0o600).map_err(|e| EmulatorError::io(&self.path, e))?;
        let meta = fs::metadata(&self.path).map_err(|e| EmulatorError::io(&self.path, e))?;
        Ok(Stamp::of(&meta))
    }

    /// `Some` with the parsed file when it differs from `cached` (an empty default when the
    /// file is missing and nothing is cached); `None` when the cached copy is current.
    fn load_if_changed(&self, cached: Option<&Cached>) -> Result<Option<(Stamp, StateData)>, EmulatorError> {
        let mut file = match File::open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let missing = Stamp { len: 0, modified: None, inode: 0 };
                return Ok(Some((missing, StateData::default())));
            }
            Err(e) => return Err(EmulatorError::io(&self.path, e)),
        };
        let stamp = Stamp::of(&file.metadata().map_err(|e| EmulatorError::io(&self.path, e))?);
        if cached.is_some_and(|c| c.stamp == stamp) {
            return Ok(None);
        }
        let mut text = String::new();
        file.read_to_string(&mut text).map_err(|e| EmulatorError::io(&self.path, e))?;
        let data = serde_json::from_str(&text)
            .map_err(|cause| EmulatorError::Corrupt { path: self.path.clone(), cause })?;
        Ok(Some((stamp, data)))
    }

    fn ensure_parent(&self) -> Result<(), EmulatorError> {
        match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() && !dir.exists() => {
                fsutil::create_private_dir(dir, 0o700).map_err(|e| EmulatorError::io(dir, e))
            }
            _ => Ok(()),
        }
    }
}

/// `<state>.lock` next to the state file.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    path.with_file_name(name)
}

/// Empties the state at `path` but keeps its key; a corrupt file is replaced by a new state.
pub fn reset(path: &Path) -> Result<(), EmulatorError> {
    let store = Store::new(path.to_path_buf());
    match store.mutate(|data| {
        data.clear();
        Ok::<_, EmulatorError>(())
    }) {
        Err(EmulatorError::Corrupt { .. }) => {
            let _guard = fsutil::lock_exclusive(&lock_path(path)).map_err(|e| EmulatorError::io(path, e))?;
            let mut fresh = StateData::default();
            fresh.ensure_identity();
            let bytes =
                serde_json::to_vec(&fresh).map_err(|e| EmulatorError::io(path, io::Error::other(e)))?;
            fsutil::write_atomic(path, &bytes, 0o600).map_err(|e| EmulatorError::io(path, e))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_file_sits_next_to_the_state_file() {
        assert_eq!(lock_path(Path::new("/a/b/state.json")), PathBuf::from("/a/b/state.json.lock"));
    }
}
