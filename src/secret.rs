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
    fn blank_input_is_no_key() {
        assert!(ApiKey::new(" \n").is_none());
    }
}
