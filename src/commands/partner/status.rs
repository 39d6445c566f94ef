//! `partner status`: the partner id, hub URL and key (masked), where each came from, and whether
//! the partner API accepts the key. Exit 4 when there is no id or key or it is rejected, 5 when
//! the hub cannot be reached.

use serde::Serialize;

use super::{partner_error, resolve};
use crate::commands::key_check::KeyCheck;
use crate::context::Context;
use crate::error::{Kind, Result};
use crate::output::{Output, Report};
use crate::settings::Source;

#[derive(Debug, Serialize)]
pub struct StatusReport {
    partner_id: Option<String>,
    partner_id_source: Source,
    hub_url: String,
    hub_url_source: Source,
    token_source: &'static str,
    token_hint: Option<String>,
    #[serde(flatten)]
    check: KeyCheck,
    channels: Option<usize>,
}

impl Report for StatusReport {
    fn human(&self, _out: &Output) -> String {
        let key = match &self.token_hint {
            Some(hint) => format!("{hint} ({})", self.token_source),
            None => "none".to_owned(),
        };
        let id = self.partner_id.clone().unwrap_or_else(|| "none".into());
        let mut rows = vec![
            ("partner", format!("{id} ({})", self.partner_id_source.name())),
            ("hub URL", format!("{} ({})", self.hub_url, self.hub_url_source.name())),
            ("key", key),
            ("verified", self.check.human("partner API")),
        ];
        if let Some(count) = self.channels {
            rows.push(("channels", count.to_string()));
        }
        rows.iter().map(|(label, value)| format!("{label:<9} {value}")).collect::<Vec<_>>().join("\n")
    }

    fn failure(&self) -> Option<Kind> {
        self.check.failure
    }
}

pub async fn run(ctx: &Context, hub_flag: Option<&str>) -> Result<StatusReport> {
    let resolved = resolve(hub_flag, &ctx.store()?.load()?);
    let mut report = StatusReport {
        partner_id: resolved.id.as_ref().map(|i| i.value.clone()),
        partner_id_source: resolved.id.as_ref().map_or(Source::Default, |i| i.source),
        hub_url: crate::api::redact_raw(&resolved.hub_url.value),
        hub_url_source: resolved.hub_url.source,
        token_source: resolved.key.as_ref().map_or("none", |k| k.source.name()),
        token_hint: resolved.key.as_ref().map(|k| k.value.hint()),
        check: KeyCheck::default(),
        channels: None,
    };
    if resolved.id.is_none() || resolved.key.is_none() {
        report.check = KeyCheck::missing(
            &ctx.out,
            "no partner id or key: run `whatsapp-ctl partner login --partner-id ID`",
        );
        return Ok(report);
    }
    let client = super::client(ctx, &resolved)?;
    let (check, total) = KeyCheck::judge(&ctx.out, client.verify().await.map_err(partner_error));
    report.check = check;
    report.channels = total.flatten();
    Ok(report)
}
