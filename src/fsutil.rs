//! Crash-safe file primitives shared by the config store and the emulator: an exclusive
//! advisory lock, and atomic replacement (temp file, fsync, rename, fsync of the folder); and the
//! one bounded read behind every reader of files and standard input.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Holds an exclusive lock on a lock file until dropped.
#[derive(Debug)]
pub struct LockGuard {
    file: File,
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// Blocks until this process holds the exclusive lock on `path` (created if missing).
pub fn lock_exclusive(path: &Path) -> io::Result<LockGuard> {
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(path)?;
    file.lock()?;
    Ok(LockGuard { file })
}

/// Replaces `path` with `contents` atomically: readers see the old file or the new one, never
/// a mix, even when the process is killed half-way. `mode` sets Unix permissions of the new file.
pub fn write_atomic(path: &Path, contents: &[u8], mode: u32) -> io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let temp = temp_path(path);
    let result = (|| {
        let mut file = create_with_mode(&temp, mode)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// What `reader` holds, read through `take`: at most `max` bytes, and `true` when it held more
/// (then `max + 1` bytes were read and the rest left unread).
pub fn read_at_most(reader: impl Read, max: u64) -> io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    let over = bytes.len() as u64 > max;
    bytes.truncate(usize::try_from(max).unwrap_or(usize::MAX));
    Ok((bytes, over))
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Removes the temp files [`write_atomic`] leaves beside `path` when its process is killed
/// before the rename. Call it only while holding the lock that serializes writes of `path`:
/// then no temp file belongs to a write still under way. Best effort; errors are ignored.
pub fn remove_stale_temp_files(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let pid = file.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".tmp"));
        if pid.is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn create_with_mode(path: &Path, mode: u32) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new().write(true).create(true).truncate(true).mode(mode).open(path)
}

#[cfg(not(unix))]
fn create_with_mode(path: &Path, _mode: u32) -> io::Result<File> {
    File::create(path)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// When `path` exists with any of the `forbidden` permission bits, sets them off (keeping the
/// rest) and returns the old mode; `Ok(None)` when it is missing or already tight.
#[cfg(unix)]
pub fn tighten_mode(path: &Path, forbidden: u32) -> io::Result<Option<u32>> {
    use std::os::unix::fs::PermissionsExt;
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err),
    };
    let mode = meta.permissions().mode() & 0o7777;
    if meta.file_type().is_symlink() || mode & forbidden == 0 {
        return Ok(None);
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode & !forbidden))?;
    Ok(Some(mode))
}

#[cfg(not(unix))]
pub fn tighten_mode(_path: &Path, _forbidden: u32) -> io::Result<Option<u32>> {
    Ok(None)
}

/// Disables core dumps for this process (it holds the API key in memory). Best effort: a
/// failure leaves the limit as it was.
#[cfg(unix)]
pub fn disable_core_dumps() {
    use nix::sys::resource::{Resource, setrlimit};
    let _ = setrlimit(Resource::RLIMIT_CORE, 0, 0);
}

#[cfg(not(unix))]
pub fn disable_core_dumps() {}

/// Creates `dir` and its parents; on Unix the leaf gets `mode` (e.g. 0o700).
pub fn create_private_dir(dir: &Path, mode: u32) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_at_most_stops_one_byte_past_the_limit() {
        assert_eq!(read_at_most(&b"abc"[..], 3).expect("read"), (b"abc".to_vec(), false));
        assert_eq!(read_at_most(&b"abcd"[..], 3).expect("read"), (b"abc".to_vec(), true));
        let endless = io::repeat(0);
        let (bytes, over) = read_at_most(endless, 1024).expect("read");
        assert_eq!((bytes.len(), over), (1024, true));
    }

    #[test]
    fn write_atomic_replaces_contents_and_leaves_no_temp_file() {
        let dir = std::env::temp_dir().join(format!("fsutil-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("file.toml");
        write_atomic(&path, b"one", 0o600).expect("first write");
        write_atomic(&path, b"two", 0o600).expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        let leftovers = fs::read_dir(&dir).expect("list").count();
        assert_eq!(leftovers, 1);
        fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[test]
    fn stale_temp_files_of_that_file_only_are_removed() {
        let dir = std::env::temp_dir().join(format!("fsutil-stale-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("config.toml");
        for name in [".config.toml.123.tmp", ".config.toml.x.tmp", ".other.toml.123.tmp", "config.toml"] {
            fs::write(dir.join(name), b"x").expect("write");
        }
        remove_stale_temp_files(&path);
        let mut left: Vec<String> = fs::read_dir(&dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into())
            .collect();
        left.sort();
        assert_eq!(left, [".config.toml.x.tmp", ".other.toml.123.tmp", "config.toml"]);
        fs::remove_dir_all(&dir).expect("cleanup");
    }
}
