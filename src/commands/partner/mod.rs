//! `partner`: the 360dialog partner account (login, status, logout), its channels, and adopting
//! them as profiles. The partner id, key and hub URL are resolved here, once, with the same
//! precedence as channel settings: flag > environment > config store > default.

mod adopt;
mod channels;
mod login;
mod logout;
mod status;

use std::sync::Arc;

use clap::{Args, Subcommand};

use crate::api::{self, DEFAULT_HUB_URL, PartnerClient, PartnerConfig};
use crate::config::Files;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::secret::ApiKey;
use crate::settings::{Source, Sourced};

/// Environment variable of the partner key; beats the stored one.
pub const PARTNER_KEY_ENV: &str = "WHATSAPP_CTL_PARTNER_KEY";
/// Environment variable of the partner id; beats the stored one.
pub const PARTNER_ID_ENV: &str = "WHATSAPP_CTL_PARTNER_ID";
const HUB_URL_ENV: &str = "WHATSAPP_CTL_HUB_URL";

#[derive(Debug, Args)]
pub struct PartnerArgs {
    /// Partner API base URL [default: https://hub.360dialog.io]
    #[arg(long, global = true, env = HUB_URL_ENV, value_name = "URL")]
    pub hub_url: Option<String>,
    #[command(subcommand)]
    pub command: PartnerCommand,
}

#[derive(Debug, Subcommand)]
pub enum PartnerCommand {
    /// Store the partner id and key, checked against the partner API first
    Login(login::LoginArgs),
    /// Show the partner id, hub URL and key (masked), where each came from, and whether it works
    Status,
    /// Remove the stored partner key
    Logout,
    /// List every channel of the partner account and the local profile holding each
    Channels(channels::ChannelsArgs),
    /// Mint a key for channels and store a profile for each
    Adopt(adopt::AdoptArgs),
}

pub async fn run(ctx: &Context, args: PartnerArgs) -> Result<u8> {
    if ctx.global.emulator {
        return Err(Error::usage("`partner` commands talk to a partner account; --emulator has none")
            .with_hint(
                "run `whatsapp-ctl emulator start --channels 3` and point --hub-url at the URL it prints",
            ));
    }
    let hub = args.hub_url.as_deref();
    match args.command {
        PartnerCommand::Login(login) => Ok(ctx.out.emit(&login::run(ctx, hub, &login).await?)),
        PartnerCommand::Status => Ok(ctx.out.emit(&status::run(ctx, hub).await?)),
        PartnerCommand::Logout => Ok(ctx.out.emit(&logout::run(ctx)?)),
        PartnerCommand::Channels(list) => Ok(ctx.out.emit(&channels::run(ctx, hub, &list).await?)),
        PartnerCommand::Adopt(adopt) => Ok(ctx.out.emit(&adopt::run(ctx, hub, &adopt).await?)),
    }
}

/// The partner settings after precedence.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub id: Option<Sourced<String>>,
    pub key: Option<Sourced<ApiKey>>,
    pub hub_url: Sourced<String>,
}

/// `--hub-url` (or its variable) > config.toml > default; env > stored for id and key.
pub fn resolve(hub_flag: Option<&str>, files: &Files) -> Resolved {
    let stored = files.config.partner.as_ref();
    let hub_url = match hub_flag.filter(|u| !u.trim().is_empty()) {
        Some(url) => {
            let from_env = std::env::var(HUB_URL_ENV).is_ok_and(|v| v == url);
            Sourced::new(url.to_owned(), if from_env { Source::Env } else { Source::Flag })
        }
        None => stored
            .and_then(|p| p.hub_url.clone())
            .map(|u| Sourced::new(u, Source::Config))
            .unwrap_or_else(|| Sourced::new(DEFAULT_HUB_URL.to_owned(), Source::Default)),
    };
    let id = env_value(PARTNER_ID_ENV)
        .map(|v| Sourced::new(v, Source::Env))
        .or_else(|| stored.and_then(|p| p.id.clone()).map(|v| Sourced::new(v, Source::Config)));
    let key = env_value(PARTNER_KEY_ENV)
        .and_then(|v| ApiKey::new(&v))
        .map(|k| Sourced::new(k, Source::Env))
        .or_else(|| {
            files.credentials.partner.as_ref().and_then(|c| c.key()).map(|k| Sourced::new(k, Source::Config))
        });
    Resolved { id, key, hub_url }
}

fn env_value(name: &str) -> Option<String> {
    std::env::var(name).ok().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// A partner client for explicit values (`partner login` checks a key before storing it).
pub fn client_for(ctx: &Context, hub_url: &str, partner_id: &str, key: ApiKey) -> Result<PartnerClient> {
    let out = ctx.out.clone();
    let trace: api::Trace = Arc::new(move |level, line| out.debug(level, line));
    Ok(PartnerClient::new(PartnerConfig {
        hub_url: hub_url.to_owned(),
        partner_id: partner_id.to_owned(),
        key,
        timeout: ctx.request_timeout(),
        retries: ctx.global.retries,
        trace: Some(trace),
    })?)
}

/// The client of the resolved partner account; exit 4 with a hint when id or key is missing.
pub fn client(ctx: &Context, resolved: &Resolved) -> Result<PartnerClient> {
    let Some(id) = &resolved.id else {
        return Err(Error::new(Kind::Auth, "no partner id").with_hint(format!(
            "run `whatsapp-ctl partner login --partner-id ID` (or set {PARTNER_ID_ENV})"
        )));
    };
    let Some(key) = &resolved.key else {
        return Err(Error::new(Kind::Auth, format!("no partner key for partner {}", id.value)).with_hint(
            format!("run `whatsapp-ctl partner login --partner-id {}` (or set {PARTNER_KEY_ENV})", id.value),
        ));
    };
    client_for(ctx, &resolved.hub_url.value, &id.value, key.value.clone())
}

/// Loads the store and resolves; the client for it.
pub fn resolved_client(ctx: &Context, hub_flag: Option<&str>) -> Result<(PartnerClient, Files)> {
    let files = ctx.store()?.load()?;
    let resolved = resolve(hub_flag, &files);
    Ok((client(ctx, &resolved)?, files))
}

/// A partner API failure as the user sees it: a rejected key points at `partner login`.
pub fn partner_error(err: api::Error) -> Error {
    let err = Error::from(err);
    if err.kind == Kind::Auth {
        return Error { hint: None, ..err }.with_hint(
            "the partner API rejected the partner key: check it in the 360dialog hub (Partner settings, API keys), then run `whatsapp-ctl partner login`",
        );
    }
    err
}

/// The profile holding `channel_id`, if any.
pub fn profile_holding<'a>(files: &'a Files, channel_id: &str) -> Option<&'a str> {
    files
        .config
        .profiles
        .iter()
        .find(|(_, p)| p.channel_id.as_deref() == Some(channel_id))
        .map(|(name, _)| name.as_str())
}
