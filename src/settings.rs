//! Resolves what a command runs with: profile, API flavour, base URL and key, each taken from the
//! flag, the environment, the config files or the default (in that order), remembering which.

use serde::Serialize;

use crate::api::Flavour;
use crate::config::Files;
use crate::error::{Error, Result};
use crate::secret::ApiKey;

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Flag,
    Env,
    Config,
    Default,
    Emulator,
    /// Typed at a hidden prompt (the setup wizard).
    Prompt,
    /// Read from standard input (`--token-stdin`).
    Stdin,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Flag => "flag",
            Source::Env => "env",
            Source::Config => "config",
            Source::Default => "default",
            Source::Emulator => "emulator",
            Source::Prompt => "prompt",
            Source::Stdin => "stdin",
        }
    }
}

/// A value and its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    pub fn new(value: T, source: Source) -> Self {
        Self { value, source }
    }
}

/// A flag that clap may have filled from its environment variable.
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub value: Option<String>,
    pub from_env: bool,
}

impl Given {
    fn sourced(&self) -> Option<Sourced<String>> {
        let value = self.value.clone().filter(|v| !v.trim().is_empty())?;
        Some(Sourced::new(value, if self.from_env { Source::Env } else { Source::Flag }))
    }
}

/// The raw inputs: global flags (with their env fallbacks) and the key variables.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub profile: Given,
    pub base_url: Given,
    /// `WHATSAPP_CTL_TOKEN`, then `D360_API_KEY`.
    pub env_token: Option<ApiKey>,
}

impl Inputs {
    /// Reads the key variables from the process environment.
    pub fn env_token_from_process() -> Option<ApiKey> {
        ["WHATSAPP_CTL_TOKEN", "D360_API_KEY"]
            .iter()
            .find_map(|name| std::env::var(name).ok().and_then(|v| ApiKey::new(&v)))
    }
}

/// Everything a command needs to reach the API.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: Sourced<String>,
    pub api: Sourced<Flavour>,
    pub base_url: Sourced<String>,
    pub token: Option<Sourced<ApiKey>>,
    pub webhook_url: Option<String>,
    pub test_recipient: Option<String>,
    /// The profile exists in config.toml or credentials.toml.
    pub profile_exists: bool,
}

/// The profile name alone: flag > env > `current_profile` > `default`.
pub fn profile_name(inputs: &Inputs, files: &Files) -> Sourced<String> {
    inputs
        .profile
        .sourced()
        .or_else(|| files.config.current_profile.clone().map(|p| Sourced::new(p, Source::Config)))
        .unwrap_or_else(|| Sourced::new("default".to_owned(), Source::Default))
}

/// Applies the precedence rules.
pub fn resolve(inputs: &Inputs, files: &Files) -> Result<Settings> {
    let profile = profile_name(inputs, files);
    let stored = files.config.profiles.get(&profile.value);
    let api = match stored.and_then(|p| p.api.as_deref()) {
        Some(text) => Sourced::new(
            Flavour::parse(text).ok_or_else(|| {
                Error::failed(format!("profile '{}' has api = {text:?} in config.toml", profile.value))
                    .with_hint(
                        "set api to \"cloud\" or \"onpremise\", or run `whatsapp-ctl auth login --api cloud`",
                    )
            })?,
            Source::Config,
        ),
        None => Sourced::new(Flavour::Cloud, Source::Default),
    };
    let base_url = inputs
        .base_url
        .sourced()
        .or_else(|| stored.and_then(|p| p.base_url.clone()).map(|u| Sourced::new(u, Source::Config)))
        .unwrap_or_else(|| Sourced::new(api.value.default_base_url().to_owned(), Source::Default));
    let stored_key = files.credentials.profiles.get(&profile.value).and_then(|c| c.key());
    let token = inputs
        .env_token
        .clone()
        .map(|k| Sourced::new(k, Source::Env))
        .or_else(|| stored_key.map(|k| Sourced::new(k, Source::Config)));
    let profile_exists = stored.is_some() || files.credentials.profiles.contains_key(&profile.value);
    Ok(Settings {
        webhook_url: stored.and_then(|p| p.webhook_url.clone()),
        test_recipient: stored.and_then(|p| p.test_recipient.clone()),
        profile,
        api,
        base_url,
        token,
        profile_exists,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Credential, Profile};

    fn files_with(profile: &str, base_url: Option<&str>, key: Option<&str>) -> Files {
        let mut files = Files::default();
        files
            .config
            .profiles
            .insert(profile.into(), Profile { base_url: base_url.map(Into::into), ..Profile::default() });
        if let Some(key) = key {
            files
                .credentials
                .profiles
                .insert(profile.into(), Credential { api_key: key.into(), ..Credential::default() });
        }
        files
    }

    #[test]
    fn flag_beats_env_beats_config_beats_default() {
        let files = files_with("default", Some("https://config.example"), Some("stored"));
        let mut inputs = Inputs::default();
        let settings = resolve(&inputs, &files).expect("resolve");
        assert_eq!(settings.base_url, Sourced::new("https://config.example".into(), Source::Config));
        assert_eq!(settings.token.as_ref().map(|t| t.source), Some(Source::Config));
        inputs.base_url = Given { value: Some("https://env.example".into()), from_env: true };
        inputs.env_token = ApiKey::new("from-env");
        let settings = resolve(&inputs, &files).expect("resolve");
        assert_eq!(settings.base_url.source, Source::Env);
        assert_eq!(
            settings.token.map(|t| (t.value.expose().to_owned(), t.source)),
            Some(("from-env".into(), Source::Env))
        );
        inputs.base_url.from_env = false;
        assert_eq!(resolve(&inputs, &files).expect("resolve").base_url.source, Source::Flag);
    }

    #[test]
    fn default_base_url_follows_the_flavour() {
        let mut files = files_with("legacy", None, None);
        files.config.current_profile = Some("legacy".into());
        if let Some(p) = files.config.profiles.get_mut("legacy") {
            p.api = Some("onpremise".into());
        }
        let settings = resolve(&Inputs::default(), &files).expect("resolve");
        assert_eq!(settings.profile.source, Source::Config);
        assert_eq!(settings.base_url.value, "https://waba.360dialog.io");
        assert!(settings.token.is_none());
    }
}
