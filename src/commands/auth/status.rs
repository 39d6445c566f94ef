//! `auth status`: which profile, where each value came from, the key masked, and whether the API
//! accepts it. Exit 4 when there is no key or it is rejected, 5 when the API cannot be reached.

use serde::Serialize;

use crate::api::Flavour;
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
    verified: Option<bool>,
    sources: Sources,
    #[serde(skip)]
    failure: Option<Kind>,
    #[serde(skip)]
    problem: Option<String>,
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
        let verified = match self.verified {
            Some(true) => "yes, the API accepts the key".to_owned(),
            Some(false) => "no, the API rejected the key".to_owned(),
            None => self.problem.clone().unwrap_or_else(|| "not checked".to_owned()),
        };
        let rows = [
            ("profile", format!("{} ({})", self.profile, self.sources.profile.name())),
            ("api", format!("{} ({})", self.api.name(), self.sources.api.name())),
            ("base URL", format!("{} ({})", self.base_url, self.sources.base_url.name())),
            ("key", key),
            ("verified", verified),
        ];
        rows.iter().map(|(label, value)| format!("{label:<9} {value}")).collect::<Vec<_>>().join("\n")
    }

    fn failure(&self) -> Option<Kind> {
        self.failure
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
        verified: None,
        sources: Sources {
            profile: settings.profile.source,
            api: settings.api.source,
            base_url: settings.base_url.source,
        },
        failure: None,
        problem: None,
    };
    let Some(token) = settings.token else {
        ctx.refuse_unknown_profile(&settings)?;
        report.failure = Some(Kind::Auth);
        ctx.out.warn(&format!(
            "no API key for profile '{}': run `whatsapp-ctl auth login --profile {}`",
            report.profile, report.profile
        ));
        return Ok(report);
    };
    let client = ctx.client_for(&settings.base_url.value, settings.api.value, token.value)?;
    match client.get_webhook().await {
        Ok(_) => report.verified = Some(true),
        Err(err) => {
            let err = Error::from(err);
            if err.kind == Kind::Auth {
                report.verified = Some(false);
            } else {
                report.problem = Some(format!("could not check: {}", err.message));
            }
            ctx.out.warn(&err.message);
            report.failure = Some(err.kind);
        }
    }
    Ok(report)
}
