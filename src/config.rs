//! The config store (SPEC 6): profiles in `config.toml`, API keys in `credentials.toml` (0600 in a
//! 0700 folder). Every change is read-modify-write under one file lock with atomic replacement,
//! so concurrent invocations never lose a profile; a file that does not parse is reported with
//! its path and line and never rewritten. No network I/O here.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fsutil;
use crate::secret::ApiKey;

const CONFIG_FILE: &str = "config.toml";
const CREDENTIALS_FILE: &str = "credentials.toml";
const LOCK_FILE: &str = ".lock";

/// Errors of the config store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot {action} {}", path.display())]
    Io { action: &'static str, path: PathBuf, source: io::Error },
    #[error("{} is not valid TOML at line {line}: {message}", path.display())]
    Corrupt { path: PathBuf, line: usize, message: String },
    #[error("no config folder: set WHATSAPP_CTL_CONFIG_DIR or HOME")]
    NoConfigDir,
}

impl Error {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Corrupt { path, .. } => Some(format!(
                "fix the file by hand or move it away; whatsapp-ctl leaves {} untouched",
                path.display()
            )),
            Error::NoConfigDir => Some("export WHATSAPP_CTL_CONFIG_DIR=/path/to/folder".into()),
            Error::Io { .. } => None,
        }
    }
}

type Result<T, E = Error> = std::result::Result<T, E>;

/// One profile's settings (everything but the key).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_recipient: Option<String>,
    /// The partner channel this profile was adopted from (`partner adopt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<String>,
    /// Keys this version does not know, kept as they are.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// `config.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConfigFile {
    /// The profile used when neither `--profile` nor `WHATSAPP_CTL_PROFILE` names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
    /// The partner account (`partner login`): its id and hub URL; the key is in credentials.toml.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<PartnerSettings>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// `[partner]` in `config.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PartnerSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_url: Option<String>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// `credentials.toml`: one key per profile.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CredentialsFile {
    #[serde(default)]
    pub profiles: BTreeMap<String, Credential>,
    /// The partner key (`[partner]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<Credential>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl std::fmt::Debug for CredentialsFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CredentialsFile").field("profiles", &self.profiles.keys()).finish()
    }
}

/// A stored key.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Credential {
    pub api_key: String,
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Credential {
    pub fn key(&self) -> Option<ApiKey> {
        ApiKey::new(&self.api_key)
    }
}

/// Both files, as read together under the lock.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Files {
    pub config: ConfigFile,
    pub credentials: CredentialsFile,
}

/// The config folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The folder from `WHATSAPP_CTL_CONFIG_DIR`, else the platform's config dir.
    pub fn locate(env_dir: Option<PathBuf>) -> Result<Self> {
        let dir = match env_dir {
            Some(dir) => dir,
            None => directories::ProjectDirs::from("", "", "whatsapp-ctl")
                .map(|dirs| dirs.config_dir().to_path_buf())
                .ok_or(Error::NoConfigDir)?,
        };
        Ok(Self { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.join(CONFIG_FILE)
    }

    pub fn credentials_path(&self) -> PathBuf {
        self.dir.join(CREDENTIALS_FILE)
    }

    /// Finds and fixes permissions others could abuse: a config folder or `config.toml` that
    /// group or others may write (they could point the base URL elsewhere), a credentials file
    /// group or others may read or write. One line per finding, to be shown as a warning.
    pub fn tighten_permissions(&self) -> Vec<String> {
        let checks = [
            (self.dir.clone(), 0o022, "the config folder", "group or others could write to it"),
            (self.config_path(), 0o022, "config.toml", "group or others could write to it"),
            (self.credentials_path(), 0o077, "credentials.toml", "group or others could read or write it"),
        ];
        let mut findings = Vec::new();
        for (path, forbidden, what, risk) in checks {
            match fsutil::tighten_mode(&path, forbidden) {
                Ok(None) => {}
                Ok(Some(old)) => findings.push(format!(
                    "{what} {} had mode {old:04o} ({risk}); it is now {:04o}",
                    path.display(),
                    old & !forbidden
                )),
                Err(err) => findings.push(format!(
                    "{what} {} lets {risk} and could not be fixed ({err}); run `chmod go-rwx {}`",
                    path.display(),
                    path.display()
                )),
            }
        }
        findings
    }

    /// Reads both files; missing files read as empty.
    pub fn load(&self) -> Result<Files> {
        Ok(Files {
            config: read_toml(&self.config_path())?,
            credentials: read_toml(&self.credentials_path())?,
        })
    }

    /// Applies `change` to freshly read files under the lock and writes back what changed,
    /// each file atomically. Nothing is written when reading fails or `change` returns an error.
    pub fn update<T, E>(&self, change: impl FnOnce(&mut Files) -> Result<T, E>) -> Result<T, E>
    where
        E: From<Error>,
    {
        fsutil::create_private_dir(&self.dir, 0o700).map_err(|source| Error::Io {
            action: "create the config folder",
            path: self.dir.clone(),
            source,
        })?;
        let lock_path = self.dir.join(LOCK_FILE);
        let _guard = fsutil::lock_exclusive(&lock_path).map_err(|source| Error::Io {
            action: "lock",
            path: lock_path.clone(),
            source,
        })?;
        // Under the lock no other write is under way: temp files left by a killed writer go.
        for path in [self.config_path(), self.credentials_path()] {
            fsutil::remove_stale_temp_files(&path);
        }
        let before = self.load()?;
        let mut files = before.clone();
        let value = change(&mut files)?;
        // Credentials first: a process killed between the two renames leaves at worst a key
        // without settings (a usable profile on defaults), never a profile without its key.
        if files.credentials != before.credentials {
            write_toml(&self.credentials_path(), &files.credentials, 0o600)?;
        }
        if files.config != before.config {
            write_toml(&self.config_path(), &files.config, 0o600)?;
        }
        Ok(value)
    }
}

pub(crate) fn read_toml<T: for<'de> Deserialize<'de> + Default>(path: &Path) -> Result<T> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(T::default()),
        Err(source) => return Err(Error::Io { action: "read", path: path.to_path_buf(), source }),
    };
    toml::from_str(&text).map_err(|err| {
        let line =
            err.span().map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1).unwrap_or(1);
        Error::Corrupt { path: path.to_path_buf(), line, message: err.message().to_owned() }
    })
}

pub(crate) fn write_toml<T: Serialize>(path: &Path, value: &T, mode: u32) -> Result<()> {
    let text = toml::to_string_pretty(value).map_err(|err| Error::Io {
        action: "serialize",
        path: path.to_path_buf(),
        source: io::Error::other(err),
    })?;
    fsutil::write_atomic(path, text.as_bytes(), mode).map_err(|source| Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_store(name: &str) -> Store {
        let dir = std::env::temp_dir().join(format!("wctl-config-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        Store { dir }
    }

    #[test]
    fn update_writes_both_files_and_keeps_unknown_keys() {
        let store = temp_store("roundtrip");
        store
            .update(|files| {
                files.config.profiles.entry("a".into()).or_default().api = Some("cloud".into());
                files
                    .credentials
                    .profiles
                    .insert("a".into(), Credential { api_key: "k1".into(), extra: toml::Table::new() });
                Ok::<_, Error>(())
            })
            .expect("update");
        let path = store.config_path();
        let text = fs::read_to_string(&path).expect("read") + "\n[future]\nx = 1\n";
        fs::write(&path, text).expect("append");
        store
            .update(|files| {
                files.config.current_profile = Some("a".into());
                Ok::<_, Error>(())
            })
            .expect("second update");
        let files = store.load().expect("load");
        assert!(files.config.extra.contains_key("future"));
        assert_eq!(files.credentials.profiles["a"].api_key, "k1");
        fs::remove_dir_all(store.dir()).expect("cleanup");
    }

    #[test]
    fn corrupt_file_reports_line_and_is_not_rewritten() {
        let store = temp_store("corrupt");
        fs::create_dir_all(store.dir()).expect("dir");
        let broken = "current_profile = \"a\"\n[profiles.a]\napi = \n";
        fs::write(store.config_path(), broken).expect("write");
        let err = store
            .update(|files| {
                files.config.current_profile = Some("b".into());
                Ok::<_, Error>(())
            })
            .expect_err("corrupt");
        assert!(matches!(err, Error::Corrupt { line: 3, .. }), "{err:?}");
        assert_eq!(fs::read_to_string(store.config_path()).expect("read"), broken);
        fs::remove_dir_all(store.dir()).expect("cleanup");
    }
}
