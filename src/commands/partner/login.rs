//! `partner login`: read the partner key (stdin or hidden prompt), verify it with a one-channel
//! listing unless `--no-verify`, then store the id and hub URL in config.toml and the key in
//! credentials.toml; nothing is stored when the partner API rejects it.

use clap::Args;
use serde::Serialize;

use super::{PARTNER_ID_ENV, partner_error, resolve};
use crate::commands::input;
use crate::config::{Credential, PartnerSettings};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The partner id (from the 360dialog hub)
    #[arg(long, env = PARTNER_ID_ENV, value_name = "ID")]
    pub partner_id: String,
    /// Read the partner key from standard input instead of a hidden prompt
    #[arg(long)]
    pub token_stdin: bool,
    /// Store the key without checking it against the partner API
    #[arg(long)]
    pub no_verify: bool,
}

#[derive(Debug, Serialize)]
pub struct LoginReport {
    partner_id: String,
    hub_url: String,
    token_hint: String,
    verified: bool,
    channels: Option<usize>,
}

impl Report for LoginReport {
    fn human(&self, _out: &Output) -> String {
        let check = if self.verified { "verified and stored" } else { "stored without verification" };
        let count = self.channels.map(|n| format!(" ({n} channels)")).unwrap_or_default();
        format!(
            "Partner key {} for partner {} ({}){count} {check}.",
            self.token_hint, self.partner_id, self.hub_url
        )
    }
}

pub async fn run(ctx: &Context, hub_flag: Option<&str>, args: &LoginArgs) -> Result<LoginReport> {
    let partner_id = args.partner_id.trim().to_owned();
    if !crate::api::partner_id_is_valid(&partner_id) {
        return Err(Error::invalid(format!("--partner-id {partner_id:?} is not a partner id")).with_hint(
            "a partner id holds only letters, digits, '-' and '_'; copy it from the 360dialog hub",
        ));
    }
    let store = ctx.store()?;
    let resolved = resolve(hub_flag, &store.load()?);
    let hub_url = resolved.hub_url.value.clone();
    let command = format!("whatsapp-ctl partner login --partner-id {partner_id}");
    let key = input::read_api_key(&ctx.out, args.token_stdin, &command).await?;
    let client = super::client_for(ctx, &hub_url, &partner_id, key.clone())?;
    let mut channels = None;
    if !args.no_verify {
        let nothing_stored = "nothing was stored";
        channels = client.verify().await.map_err(|err| {
            let err = partner_error(err);
            match err.kind {
                Kind::Auth => {
                    Error::new(Kind::Auth, format!("the partner API rejected this key; {nothing_stored}"))
                        .with_cause(err.message)
                        .with_hint("copy the partner key and id again from the 360dialog hub and retry")
                }
                _ => err
                    .context(format!("could not verify the partner key; {nothing_stored}"))
                    .with_hint("check --hub-url and the network, or store it unchecked with --no-verify"),
            }
        })?;
        ctx.out.debug(1, "partner key accepted by the partner API");
    }
    let explicit_hub = hub_flag.map(str::to_owned);
    store.update(|files| {
        let settings = files.config.partner.get_or_insert_with(PartnerSettings::default);
        settings.id = Some(partner_id.clone());
        if let Some(url) = &explicit_hub {
            settings.hub_url = Some(url.clone());
        }
        files.credentials.partner.get_or_insert_with(Credential::default).api_key = key.expose().to_owned();
        Ok::<_, Error>(())
    })?;
    Ok(LoginReport {
        partner_id,
        hub_url: crate::api::redact_raw(&hub_url),
        token_hint: key.hint(),
        verified: !args.no_verify,
        channels,
    })
}
