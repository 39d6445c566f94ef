//! `partner adopt`: mints a channel key for each chosen channel and stores a profile for it
//! (named prefix + the phone's digits, its key, `base_url` = the answer's `address`). A channel a
//! profile already holds is kept as it is unless `--force`: minting is a side effect. Every
//! conflict is found before the first key is minted, and each minted key is stored at once.

use std::collections::BTreeSet;

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::{partner_error, profile_holding, resolved_client};
use crate::config::Credential;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct AdoptArgs {
    /// Channel ids to adopt
    #[arg(value_name = "CHANNEL_ID", required_unless_present = "all", conflicts_with = "all")]
    pub channels: Vec<String>,
    /// Adopt every channel of the partner account
    #[arg(long)]
    pub all: bool,
    /// Profile names are this prefix followed by the channel's phone digits
    #[arg(long, default_value = "", value_name = "P")]
    pub prefix: String,
    /// Mint a new key even for channels a profile already holds (the old key may stop working)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Serialize)]
pub struct Adopted {
    channel_id: String,
    profile: String,
    base_url: Option<String>,
    token_hint: Option<String>,
    /// False when the profile already held the channel and was kept.
    minted: bool,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct AdoptReport(Vec<Adopted>);

impl Report for AdoptReport {
    fn human(&self, out: &Output) -> String {
        let rows = self.0.iter().map(|a| {
            vec![
                a.channel_id.clone(),
                a.profile.clone(),
                a.base_url.clone().unwrap_or_else(|| "-".into()),
                a.token_hint.clone().unwrap_or_else(|| "-".into()),
                if a.minted { "new key stored".into() } else { "kept (already adopted)".into() },
            ]
        });
        out.table(&["CHANNEL", "PROFILE", "BASE URL", "KEY", "RESULT"], rows)
    }
}

/// The profile name for a channel: prefix + phone digits (the id when there is no phone).
fn profile_name(prefix: &str, channel: &Value) -> String {
    let phone = channel
        .pointer("/setup_info/phone_number")
        .or_else(|| channel.get("phone_number"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let tail = if digits.is_empty() {
        channel.get("id").and_then(Value::as_str).unwrap_or_default().to_owned()
    } else {
        digits
    };
    format!("{prefix}{tail}")
}

/// A failed mint explained: after a 5xx, a timeout or a broken connection the hub may have
/// minted the key (and so retired the channel's old one) before the answer was lost.
fn mint_failed(err: crate::api::Error, channel_id: &str) -> Error {
    let continue_hint =
        "profiles adopted before this channel are stored; run the same command again to continue";
    if !err.may_have_acted() {
        return partner_error(err)
            .context(format!("could not mint a key for channel {channel_id}"))
            .with_hint(continue_hint);
    }
    partner_error(err)
        .context(format!(
            "could not mint a key for channel {channel_id}: the partner API may have minted one before its \
             answer was lost, so it was not asked again and no profile was stored for the channel"
        ))
        .with_hint(format!(
            "{continue_hint}; a key channel {channel_id} had before may no longer work, and the next run \
             stores a new one"
        ))
}

/// What to do with one channel.
struct Plan {
    channel_id: String,
    profile: String,
    mint: bool,
}

pub async fn run(ctx: &Context, hub_flag: Option<&str>, args: &AdoptArgs) -> Result<AdoptReport> {
    let (client, files) = resolved_client(ctx, hub_flag)?;
    let listed = client.list_channels(None).await.map_err(partner_error)?;
    let chosen: Vec<&Value> = if args.all {
        listed.iter().collect()
    } else {
        let mut chosen = Vec::new();
        for id in args.channels.iter().collect::<BTreeSet<_>>() {
            let found = listed.iter().find(|c| c.get("id").and_then(Value::as_str) == Some(id.as_str()));
            chosen.push(found.ok_or_else(|| {
                Error::invalid(format!(
                    "channel {id} is not a channel of partner {}; nothing was minted",
                    client.partner_id()
                ))
                .with_hint("run `whatsapp-ctl partner channels` for the channel ids")
            })?);
        }
        chosen
    };
    let mut plans = Vec::new();
    let mut names = BTreeSet::new();
    for channel in chosen {
        let channel_id = channel.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
        let plan = match profile_holding(&files, &channel_id) {
            Some(held) => Plan { channel_id, profile: held.to_owned(), mint: args.force },
            None => {
                let profile = profile_name(&args.prefix, channel);
                let taken = files.config.profiles.contains_key(&profile)
                    || files.credentials.profiles.contains_key(&profile);
                if taken || !names.insert(profile.clone()) {
                    return Err(Error::invalid(format!(
                        "profile '{profile}' already exists and does not hold channel {channel_id}; nothing was minted"
                    ))
                    .with_hint("choose another --prefix, or remove that profile with `whatsapp-ctl profiles remove`"));
                }
                Plan { channel_id, profile, mint: true }
            }
        };
        plans.push(plan);
    }
    let store = ctx.store()?;
    let mut report = Vec::new();
    for plan in plans {
        if !plan.mint {
            let stored = files.config.profiles.get(&plan.profile);
            let key = files.credentials.profiles.get(&plan.profile).and_then(Credential::key);
            report.push(Adopted {
                channel_id: plan.channel_id,
                profile: plan.profile,
                base_url: stored.and_then(|p| p.base_url.as_deref()).map(crate::api::redact_raw),
                token_hint: key.map(|k| k.hint()),
                minted: false,
            });
            continue;
        }
        let minted =
            client.mint_key(&plan.channel_id).await.map_err(|err| mint_failed(err, &plan.channel_id))?;
        if let Err(err) = crate::api::check_base_url(&minted.address) {
            let err = Error::from(err).context(format!(
                "the partner API gave channel {} an address that cannot be used; nothing was stored for it",
                plan.channel_id
            ));
            return Err(match err.hint {
                Some(_) => err,
                None => err.with_hint(
                    "the address should be the channel's API URL (https://waba-v2.360dialog.io); run the same command again to mint a new key",
                ),
            });
        }
        store.update(|files| {
            let profile = files.config.profiles.entry(plan.profile.clone()).or_default();
            profile.api = Some("cloud".into());
            profile.base_url = Some(minted.address.clone());
            profile.channel_id = Some(plan.channel_id.clone());
            files.credentials.profiles.entry(plan.profile.clone()).or_default().api_key =
                minted.api_key.expose().to_owned();
            Ok::<_, Error>(())
        })?;
        ctx.out.info(&format!("adopted channel {} as profile '{}'", plan.channel_id, plan.profile));
        report.push(Adopted {
            channel_id: plan.channel_id,
            profile: plan.profile,
            base_url: Some(crate::api::redact_raw(&minted.address)),
            token_hint: Some(minted.api_key.hint()),
            minted: true,
        });
    }
    Ok(AdoptReport(report))
}
