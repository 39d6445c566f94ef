//! The `config` check: the channel has a key and a usable base URL, and where each came from.

use super::Outcome;
use crate::api::{self, Client};
use crate::settings::{Settings, Source};

/// Passes when there is a key and a client could be built for the base URL.
pub async fn check(settings: &Settings, client: Option<&Client>) -> Outcome {
    let profile = &settings.profile.value;
    let base = format!(
        "{} API at {} ({})",
        settings.api.value.name(),
        api::redact_raw(&settings.base_url.value),
        source_name(settings.base_url.source)
    );
    let Some(token) = &settings.token else {
        return Outcome::fail(format!(
            "no API key for profile '{profile}': run `whatsapp-ctl auth login --profile {profile}` or set WHATSAPP_CTL_TOKEN; {base}"
        ));
    };
    if let Err(err) = api::check_base_url(&settings.base_url.value) {
        return Outcome::fail(format!("unusable base URL: {err}"));
    }
    if client.is_none() {
        return Outcome::fail(format!("no API client could be built for {base}"));
    }
    Outcome::pass(format!(
        "profile '{profile}': key {} from {}; {base}",
        token.value.hint(),
        key_origin(token.source)
    ))
}

fn source_name(source: Source) -> &'static str {
    match source {
        Source::Flag => "--base-url",
        Source::Env => "WHATSAPP_CTL_BASE_URL",
        Source::Config => "config.toml",
        Source::Default => "default",
        Source::Emulator => "embedded emulator",
        Source::Prompt | Source::Stdin => "typed",
    }
}

fn key_origin(source: Source) -> &'static str {
    match source {
        Source::Env => "the environment (WHATSAPP_CTL_TOKEN / D360_API_KEY)",
        Source::Config => "the stored key (credentials.toml)",
        Source::Emulator => "the embedded emulator",
        Source::Prompt => "the hidden prompt",
        Source::Stdin => "standard input (--token-stdin)",
        Source::Flag | Source::Default => "the command line",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Flavour;
    use crate::checks::Status;
    use crate::secret::ApiKey;
    use crate::settings::Sourced;

    fn settings(base: &str, key: Option<&str>) -> Settings {
        Settings {
            profile: Sourced::new("shop".into(), Source::Flag),
            api: Sourced::new(Flavour::Cloud, Source::Default),
            base_url: Sourced::new(base.into(), Source::Config),
            token: key.and_then(ApiKey::new).map(|k| Sourced::new(k, Source::Env)),
            webhook_url: None,
            test_recipient: None,
            profile_exists: true,
        }
    }

    #[tokio::test]
    async fn no_key_fails_with_the_login_hint_and_never_the_key() {
        let outcome = check(&settings("https://waba-v2.360dialog.io", None), None).await;
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.detail.contains("auth login --profile shop"), "{}", outcome.detail);
    }

    #[tokio::test]
    async fn plain_http_to_a_remote_host_fails() {
        let outcome = check(&settings("http://example.com", Some("secret-key-1234")), None).await;
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.detail.contains("unusable base URL"), "{}", outcome.detail);
        assert!(!outcome.detail.contains("secret-key"), "{}", outcome.detail);
    }
}
