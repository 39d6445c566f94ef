//! `auth login`: read the key (stdin or hidden prompt), verify it against the API unless
//! `--no-verify`, then store it; nothing is stored when the API rejects it.

use clap::Args;
use serde::Serialize;

use crate::api::Flavour;
use crate::commands::input;
use crate::config::Credential;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};
use crate::settings;

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Read the API key from standard input instead of a hidden prompt
    #[arg(long)]
    pub token_stdin: bool,
    /// API flavour of the channel [default: the profile's, else cloud]
    #[arg(long, value_parser = crate::cli::flavour_parser(), value_name = "API")]
    pub api: Option<Flavour>,
    /// Store the key without checking it against the API
    #[arg(long)]
    pub no_verify: bool,
}

#[derive(Debug, Serialize)]
pub struct LoginReport {
    profile: String,
    api: Flavour,
    base_url: String,
    token_hint: String,
    verified: bool,
}

impl Report for LoginReport {
    fn human(&self, _out: &Output) -> String {
        let check = if self.verified { "verified and stored" } else { "stored without verification" };
        format!(
            "Key {} for profile '{}' ({}, {}) {check}.",
            self.token_hint,
            self.profile,
            self.api.name(),
            self.base_url
        )
    }
}

pub async fn run(ctx: &Context, args: &LoginArgs) -> Result<LoginReport> {
    if ctx.global.emulator {
        return Err(Error::usage(
            "`auth login` stores a key in a profile; with --emulator no profile is used",
        )
        .with_hint("drop --emulator, or use `whatsapp-ctl emulator start` and log in against its base URL"));
    }
    let store = ctx.store()?;
    let files = store.load()?;
    let current = settings::resolve(&ctx.inputs, &files)?;
    let profile = current.profile.value.clone();
    let api = args.api.unwrap_or(current.api.value);
    let base_url = match (&ctx.inputs.base_url.value, current.base_url.source) {
        (Some(url), _) => url.clone(),
        (None, settings::Source::Config) => current.base_url.value.clone(),
        (None, _) => api.default_base_url().to_owned(),
    };
    let key = input::read_api_key(
        &ctx.out,
        args.token_stdin,
        &format!("whatsapp-ctl auth login --profile {profile}"),
    )
    .await?;
    let client = ctx.client_for(&base_url, api, key.clone())?;
    if !args.no_verify {
        if let Err(err) = client.get_webhook().await {
            let err = Error::from(err);
            let nothing_stored = format!("nothing was stored for profile '{profile}'");
            return Err(match err.kind {
                Kind::Auth => Error::new(Kind::Auth, format!("the API rejected this key; {nothing_stored}"))
                    .with_cause(err.message)
                    .with_hint("copy the key again from the 360dialog hub (it belongs to one phone number) and retry"),
                _ => err.context(format!("could not verify the key; {nothing_stored}")).with_hint(
                    "check the base URL and network, or store it unchecked with --no-verify",
                ),
            });
        }
        ctx.out.debug(1, "key accepted by the API");
    }
    let explicit_base = ctx.inputs.base_url.value.clone();
    store.update(|files| {
        let first_profile = files.config.profiles.is_empty() && files.credentials.profiles.is_empty();
        let entry = files.config.profiles.entry(profile.clone()).or_default();
        entry.api = Some(api.name().to_owned());
        if let Some(url) = &explicit_base {
            entry.base_url = Some(url.clone());
        }
        let credential =
            files.credentials.profiles.entry(profile.clone()).or_insert_with(Credential::default);
        credential.api_key = key.expose().to_owned();
        if first_profile && files.config.current_profile.is_none() && profile != "default" {
            files.config.current_profile = Some(profile.clone());
        }
        Ok::<_, Error>(())
    })?;
    let base_url = crate::api::redact_raw(&base_url);
    Ok(LoginReport { profile, api, base_url, token_hint: key.hint(), verified: !args.no_verify })
}
