//! The contacts `webhook listen --greeting` has greeted, per profile, in `greeted.toml` in the
//! data folder (0600, folder 0700): remembered across restarts so that each contact gets the
//! greeting once. A contact is claimed (written as `pending`) before its greeting is sent,
//! read-modify-write under an exclusive lock (`.greeted.lock`) with an atomic replacement, so neither
//! a crash nor a second listener for the same profile greets anyone twice; a send that certainly
//! did not happen releases the claim. A file that does not parse is reported with its path and
//! line and never rewritten. No network I/O here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config;
use crate::fsutil;

/// The file name in the data folder.
pub const FILE: &str = "greeted.toml";

/// The lock beside it, held for each read-modify-write.
const LOCK_FILE: &str = ".greeted.lock";

/// Where a contact's greeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Claimed, the send under way (or the process stopped during it): counts as greeted.
    Pending,
    /// The API accepted the greeting.
    Sent,
    /// The send failed in a way that may have delivered it: counts as greeted.
    Uncertain,
}

/// One greeted contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Greeted {
    /// Where the greeting stands.
    pub status: Status,
    /// When it was claimed (Unix seconds).
    pub at: u64,
    /// The greeting's message id, once the API returned one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
}

/// The whole file: profile name -> contact (digits) -> greeting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct GreetedFile {
    #[serde(default)]
    profiles: BTreeMap<String, BTreeMap<String, Greeted>>,
}

/// The greeted contacts of one profile.
#[derive(Debug, Clone)]
pub struct GreetedStore {
    dir: PathBuf,
    profile: String,
}

impl GreetedStore {
    /// The greeted contacts of `profile` in the folder `dir` (the data folder).
    pub fn new(dir: &Path, profile: &str) -> Self {
        Self { dir: dir.to_path_buf(), profile: profile.to_owned() }
    }

    /// `<data dir>/greeted.toml`.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE)
    }

    /// Creates the folder (0700) and takes the exclusive lock.
    fn lock(&self) -> Result<fsutil::LockGuard, config::Error> {
        let io = |action, path: &Path| {
            let path = path.to_path_buf();
            move |source| config::Error::Io { action, path, source }
        };
        fsutil::create_private_dir(&self.dir, 0o700).map_err(io("create the data folder", &self.dir))?;
        let lock_path = self.dir.join(LOCK_FILE);
        let guard = fsutil::lock_exclusive(&lock_path).map_err(io("lock", &lock_path))?;
        fsutil::remove_stale_temp_files(&self.path());
        Ok(guard)
    }

    /// The contacts of this profile greeted so far (a missing file has none).
    pub fn load(&self) -> Result<BTreeMap<String, Greeted>, config::Error> {
        let mut file: GreetedFile = config::read_toml(&self.path())?;
        Ok(file.profiles.remove(&self.profile).unwrap_or_default())
    }

    /// Records `contact` as `pending` unless it is already in the file: `true` when this call
    /// claimed it (then, and only then, greet them).
    pub fn claim(&self, contact: &str, now: u64) -> Result<bool, config::Error> {
        self.update(|contacts| {
            if contacts.contains_key(contact) {
                return false;
            }
            contacts
                .insert(contact.to_owned(), Greeted { status: Status::Pending, at: now, message_id: None });
            true
        })
    }

    /// Sets the status (and message id) of a claimed contact.
    pub fn settle(
        &self,
        contact: &str,
        status: Status,
        message_id: Option<&str>,
    ) -> Result<(), config::Error> {
        self.update(|contacts| {
            if let Some(greeted) = contacts.get_mut(contact) {
                greeted.status = status;
                greeted.message_id = message_id.map(str::to_owned);
            }
        })
    }

    /// Forgets a claim whose greeting certainly was not sent: the next message greets them.
    pub fn release(&self, contact: &str) -> Result<(), config::Error> {
        self.update(|contacts| {
            contacts.remove(contact);
        })
    }

    /// Applies `change` to this profile's contacts, freshly read under the lock; writes the file
    /// back (atomically, 0600) only when something changed.
    fn update<T>(
        &self,
        change: impl FnOnce(&mut BTreeMap<String, Greeted>) -> T,
    ) -> Result<T, config::Error> {
        let path = self.path();
        let _guard = self.lock()?;
        let before: GreetedFile = config::read_toml(&path)?;
        let mut file = before.clone();
        let value = change(file.profiles.entry(self.profile.clone()).or_default());
        file.profiles.retain(|_, contacts| !contacts.is_empty());
        if file != before {
            config::write_toml(&path, &file, 0o600)?;
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("greeted-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_contact_is_claimed_once_per_profile_and_a_release_frees_it() {
        let dir = temp("claim");
        let one = GreetedStore::new(&dir, "one");
        let two = GreetedStore::new(&dir, "two");
        assert!(one.claim("4915112345678", 10).expect("claim"));
        assert!(!one.claim("4915112345678", 11).expect("claim again"));
        assert!(two.claim("4915112345678", 12).expect("other profile"), "profiles do not share");
        one.settle("4915112345678", Status::Sent, Some("wamid.A")).expect("settle");
        let loaded = one.load().expect("load");
        assert_eq!(
            loaded["4915112345678"],
            Greeted { status: Status::Sent, at: 10, message_id: Some("wamid.A".into()) }
        );
        two.release("4915112345678").expect("release");
        assert!(two.load().expect("load").is_empty());
        assert!(two.claim("4915112345678", 13).expect("claimed after release"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(one.path()).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        std::fs::remove_dir_all(&dir).expect("cleanup");
    }

    #[test]
    fn a_corrupt_file_is_reported_with_its_line_and_left_untouched() {
        let dir = temp("corrupt");
        std::fs::create_dir_all(&dir).expect("dir");
        let greeted = GreetedStore::new(&dir, "default");
        std::fs::write(greeted.path(), "[profiles.default]\n\"491\" = 3 = 4\n").expect("write");
        let err = greeted.claim("491", 1).expect_err("corrupt");
        assert!(matches!(err, config::Error::Corrupt { line: 2, .. }), "{err:?}");
        assert_eq!(
            std::fs::read_to_string(greeted.path()).expect("read"),
            "[profiles.default]\n\"491\" = 3 = 4\n"
        );
        std::fs::remove_dir_all(&dir).expect("cleanup");
    }
}
