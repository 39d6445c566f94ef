//! The API key as a type that cannot leak by accident: `Debug` and `Display` print
//! `(redacted)`; only `expose` hands out the value, for the request header and `auth token`.

use std::fmt;

/// A 360dialog `D360-API-KEY`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key, trimming surrounding whitespace (keys pasted with a newline).
    pub fn new(raw: &str) -> Option<Self> {
        let key = raw.trim();
        (!key.is_empty()).then(|| Self(key.to_owned()))
    }

    /// The key itself: only for the `D360-API-KEY` header, the credentials file and `auth token`.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The last four characters, as `…1234`, for status displays.
    pub fn hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
        format!("…{tail}")
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(redacted)")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

/// Where a secret argument's value comes from: `@PATH` (a file), `env:VAR` (the environment),
/// anything else is the value itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretSource {
    Literal,
    File(std::path::PathBuf),
    Env(String),
}

/// The most read from a secret file: a header value is short.
const MAX_SECRET_FILE: u64 = 64 * 1024;

impl SecretSource {
    pub fn of(value: &str) -> Self {
        if let Some(path) = value.strip_prefix('@').filter(|p| !p.is_empty()) {
            SecretSource::File(path.into())
        } else if let Some(var) = value.strip_prefix("env:").filter(|v| !v.is_empty()) {
            SecretSource::Env(var.to_owned())
        } else {
            SecretSource::Literal
        }
    }

    /// The value (a file's trailing line break dropped); the reason it could not be read.
    pub fn read(&self) -> Result<String, String> {
        match self {
            SecretSource::Literal => Err("a literal value is not read".to_owned()),
            SecretSource::Env(var) => {
                std::env::var(var).map_err(|err| format!("environment variable {var}: {err}"))
            }
            SecretSource::File(path) => {
                let failed = |err: std::io::Error| format!("{}: {err}", path.display());
                let file = std::fs::File::open(path).map_err(failed)?;
                let (bytes, over) = crate::fsutil::read_at_most(file, MAX_SECRET_FILE).map_err(failed)?;
                if over {
                    return Err(format!("{} is larger than {} KiB", path.display(), MAX_SECRET_FILE / 1024));
                }
                let text =
                    String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))?;
                Ok(text.trim_end_matches(['\r', '\n']).to_owned())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_key() {
        let key = ApiKey::new(" secret-key-1234\n").expect("non-empty");
        assert_eq!(format!("{key:?} {key}"), "ApiKey(redacted) (redacted)");
        assert_eq!(key.expose(), "secret-key-1234");
        assert_eq!(key.hint(), "…1234");
    }

    #[test]
    fn secret_values_come_from_files_and_the_environment() {
        assert_eq!(SecretSource::of("plain"), SecretSource::Literal);
        assert_eq!(SecretSource::of("@"), SecretSource::Literal);
        assert_eq!(SecretSource::of("env:X"), SecretSource::Env("X".into()));
        let path = std::env::temp_dir().join(format!("whatsapp-ctl-secret-{}", std::process::id()));
        std::fs::write(&path, "s3cret\n").expect("write");
        assert_eq!(SecretSource::File(path.clone()).read().as_deref(), Ok("s3cret"));
        let _ = std::fs::remove_file(&path);
        assert!(SecretSource::File(path).read().is_err());
    }

    #[test]
    fn blank_input_is_no_key() {
        assert!(ApiKey::new(" \n").is_none());
    }
}
