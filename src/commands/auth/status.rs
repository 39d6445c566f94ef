//! `auth status`: which profile, where each value came from, the key masked, and whether the API
//! accepts it. Exit 4 when there is no key or it is rejected, 5 when the API cannot be reached.

use serde::Serialize;

use crate::api::Flavour;
use crate::commands::key_check::KeyCheck;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};
use crate::settings::Source;

#[derive(Debug, Serialize)]
pub struct StatusReport {
    profile: String,
    api: Flavour,
    base_url: String,
    token_source: &'static str,
    token_hint: Option<String>,
    #[serde(flatten)]
    check: KeyCheck,
    sources: Sources,
}

#[derive(Debug, Serialize)]
struct Sources {
    profile: Source,
    api: Source,
    base_url: Source,
}

impl Report for StatusReport {
    fn human(&self, _out: &Output) -> String {
        let key = match &self.token_hint {
            Some(hint) => format!("{hint} (from {})", token_origin(self.token_source)),
            None => "none".to_owned(),
        };
        let rows = [
            ("profile", format!("{} ({})", self.profile, self.sources.profile.name())),
            ("api", format!("{} ({})", self.api.name(), self.sources.api.name())),
            ("base URL", format!("{} ({})", self.base_url, self.sources.base_url.name())),
            ("key", key),
            ("verified", self.check.human("API")),
        ];
        rows.iter().map(|(label, value)| format!("{label:<9} {value}")).collect::<Vec<_>>().join("\n")
    }

    fn failure(&self) -> Option<Kind> {
        self.check.failure
    }
}

fn token_origin(source: &str) -> &'static str {
    match source {
        "env" => "WHATSAPP_CTL_TOKEN / D360_API_KEY",
        "config" => "credentials.toml",
        "emulator" => "the emulator",
        _ => "nowhere",
    }
}

pub async fn run(ctx: &Context) -> Result<StatusReport> {
    let settings = ctx.settings().await?;
    let mut report = StatusReport {
        profile: settings.profile.value.clone(),
        api: settings.api.value,
        base_url: crate::api::redact_raw(&settings.base_url.value),
        token_source: settings.token.as_ref().map_or("none", |t| t.source.name()),
        token_hint: settings.token.as_ref().map(|t| t.value.hint()),
        check: KeyCheck::default(),
        sources: Sources {
            profile: settings.profile.source,
            api: settings.api.source,
            base_url: settings.base_url.source,
        },
    };
    let Some(token) = settings.token else {
        ctx.refuse_unknown_profile(&settings)?;
        let warning = format!(
            "no API key for profile '{}': run `whatsapp-ctl auth login --profile {}`",
            report.profile, report.profile
        );
        report.check = KeyCheck::missing(&ctx.out, &warning);
        return Ok(report);
    };
    let client = ctx.client_for(&settings.base_url.value, settings.api.value, token.value)?;
    (report.check, _) = KeyCheck::judge(&ctx.out, client.get_webhook().await.map_err(Error::from));
    Ok(report)
}
