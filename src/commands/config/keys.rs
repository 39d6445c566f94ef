//! The settings `config` reads and writes: their names, where each lives in a profile, and the
//! check a value must pass before it is stored (the same rules `auth login`, `setup` and
//! `channel activate` apply). API keys are not among them: those stay with `auth`. Pure: no I/O.

use crate::api::{self, Flavour};
use crate::checks::rules;
use crate::config::Profile;
use crate::phone;

/// A setting `config` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Api,
    BaseUrl,
    WebhookUrl,
    TestRecipient,
    /// The partner id of SPEC 8, kept with the profile.
    PartnerId,
    /// The partner API base of SPEC 8, kept with the profile.
    HubUrl,
}

/// Every key, in the order `config list` shows them.
pub const ALL: [Key; 6] =
    [Key::Api, Key::BaseUrl, Key::WebhookUrl, Key::TestRecipient, Key::PartnerId, Key::HubUrl];

/// Names that hold secrets: refused with a pointer to `auth`.
const SECRET_NAMES: [&str; 6] = ["api_key", "key", "token", "partner_key", "api-key", "partner-key"];

/// Why a key or value cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A key of the credentials file.
    Secret(String),
    Unknown(String),
    BadValue {
        key: &'static str,
        reason: String,
    },
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Api => "api",
            Key::BaseUrl => "base_url",
            Key::WebhookUrl => "webhook_url",
            Key::TestRecipient => "test_recipient",
            Key::PartnerId => "partner_id",
            Key::HubUrl => "hub_url",
        }
    }

    /// What the setting is for (shown by `config list`).
    pub fn about(self) -> &'static str {
        match self {
            Key::Api => "API flavour: cloud or onpremise",
            Key::BaseUrl => "API base URL (https, or http to a loopback host)",
            Key::WebhookUrl => "webhook URL `channel activate` and `setup` use",
            Key::TestRecipient => "default recipient of test messages (digits, country code first)",
            Key::PartnerId => "360dialog partner id",
            Key::HubUrl => "partner API base URL (https, or http to a loopback host)",
        }
    }

    /// The key named `text` (`-` and `_` alike, case ignored).
    pub fn parse(text: &str) -> Result<Key, Problem> {
        let normal = text.trim().to_ascii_lowercase().replace('-', "_");
        if SECRET_NAMES.iter().any(|s| s.replace('-', "_") == normal) {
            return Err(Problem::Secret(text.to_owned()));
        }
        ALL.into_iter().find(|key| key.name() == normal).ok_or_else(|| Problem::Unknown(text.to_owned()))
    }

    /// The stored value, if any.
    pub fn get(self, profile: &Profile) -> Option<String> {
        match self {
            Key::Api => profile.api.clone(),
            Key::BaseUrl => profile.base_url.clone(),
            Key::WebhookUrl => profile.webhook_url.clone(),
            Key::TestRecipient => profile.test_recipient.clone(),
            Key::PartnerId | Key::HubUrl => {
                profile.extra.get(self.name()).and_then(|v| v.as_str()).map(str::to_owned)
            }
        }
    }

    /// Stores a value already [checked](Key::check).
    pub fn set(self, profile: &mut Profile, value: String) {
        match self {
            Key::Api => profile.api = Some(value),
            Key::BaseUrl => profile.base_url = Some(value),
            Key::WebhookUrl => profile.webhook_url = Some(value),
            Key::TestRecipient => profile.test_recipient = Some(value),
            Key::PartnerId | Key::HubUrl => {
                profile.extra.insert(self.name().to_owned(), toml::Value::String(value));
            }
        }
    }

    /// The value as it will be stored (normalized), or why it cannot be.
    pub fn check(self, raw: &str) -> Result<String, Problem> {
        let bad = |reason: String| Problem::BadValue { key: self.name(), reason };
        let text = raw.trim();
        match self {
            Key::Api => Flavour::parse(text)
                .map(|f| f.name().to_owned())
                .ok_or_else(|| bad(format!("{text:?} is not an API flavour (cloud or onpremise)"))),
            Key::BaseUrl | Key::HubUrl => api::check_base_url(text)
                .map(|_| text.trim_end_matches('/').to_owned())
                .map_err(|err| bad(err.to_string())),
            Key::WebhookUrl => rules::check_webhook_url(text)
                .map(|_| text.to_owned())
                .map_err(|problem| bad(format!("{}: {problem}", api::redact_raw(text)))),
            Key::TestRecipient => {
                phone::normalize(text).map_err(|problem| bad(format!("\"{text}\" {problem}")))
            }
            Key::PartnerId => {
                if !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    Ok(text.to_owned())
                } else {
                    Err(bad(format!("{text:?} is not a partner id (letters, digits, - and _)")))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_secrets_are_refused() {
        assert_eq!(Key::parse("base-url"), Ok(Key::BaseUrl));
        assert_eq!(Key::parse("TEST_RECIPIENT"), Ok(Key::TestRecipient));
        assert!(matches!(Key::parse("api_key"), Err(Problem::Secret(_))));
        assert!(matches!(Key::parse("colour"), Err(Problem::Unknown(_))));
    }

    #[test]
    fn values_are_checked_and_normalized() {
        assert_eq!(Key::TestRecipient.check("+49 151 2345-6789"), Ok("4915123456789".into()));
        assert_eq!(Key::Api.check("On-Premise"), Ok("onpremise".into()));
        assert_eq!(Key::BaseUrl.check("http://127.0.0.1:9/"), Ok("http://127.0.0.1:9".into()));
        assert!(Key::BaseUrl.check("http://example.com").is_err());
        assert!(Key::BaseUrl.check("not a url").is_err());
        assert!(Key::TestRecipient.check("0151 123").is_err());
        assert!(Key::PartnerId.check("a b").is_err());
    }

    #[test]
    fn partner_settings_live_with_the_profile() {
        let mut profile = Profile::default();
        Key::PartnerId.set(&mut profile, "ABC123".into());
        assert_eq!(Key::PartnerId.get(&profile), Some("ABC123".into()));
        assert_eq!(Key::HubUrl.get(&profile), None);
    }
}
