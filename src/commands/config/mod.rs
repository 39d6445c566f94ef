//! `config get|set|list`: a profile's settings (not its key) read and written through the one
//! config store, each value checked before it is stored; a refused value leaves the files as
//! they were.

mod keys;

use std::collections::BTreeMap;

use clap::Subcommand;
use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};
use crate::settings;

use keys::{Key, Problem};

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print one setting of the profile (exit 1 when it is not set)
    Get {
        /// Setting: api, base_url, webhook_url, test_recipient, partner_id or hub_url
        #[arg(value_name = "SETTING")]
        setting: String,
    },
    /// Check and store one setting of the profile (an invalid value exits 3, nothing written)
    Set {
        /// Setting: api, base_url, webhook_url, test_recipient, partner_id or hub_url
        #[arg(value_name = "SETTING")]
        setting: String,
        /// The new value
        value: String,
    },
    /// List the profile's settings, set or not
    List,
}

pub async fn run(ctx: &Context, command: ConfigCommand) -> Result<u8> {
    if ctx.global.emulator {
        return Err(Error::usage("with --emulator no profile is read or written")
            .with_hint("run `config` without --emulator"));
    }
    let store = ctx.store()?;
    match command {
        ConfigCommand::Get { setting } => {
            let key = Key::parse(&setting).map_err(problem_error)?;
            let files = store.load()?;
            let profile = settings::profile_name(&ctx.inputs, &files).value;
            let value = files.config.profiles.get(&profile).and_then(|p| key.get(p));
            let Some(value) = value else {
                return Err(Error::failed(format!("{} is not set for profile '{profile}'", key.name()))
                    .with_hint(format!("set it with `whatsapp-ctl config set {} VALUE`", key.name())));
            };
            Ok(ctx.out.emit(&Setting { profile, key: key.name(), value: shown(key, &value) }))
        }
        ConfigCommand::Set { setting, value } => {
            let key = Key::parse(&setting).map_err(problem_error)?;
            let value = key.check(&value).map_err(problem_error)?;
            let profile = store.update(|files| {
                let profile = settings::profile_name(&ctx.inputs, files).value;
                key.set(files.config.profiles.entry(profile.clone()).or_default(), value.clone());
                Ok::<_, Error>(profile)
            })?;
            ctx.out.info(&format!("Stored {} for profile '{profile}'.", key.name()));
            Ok(ctx.out.emit(&Setting { profile, key: key.name(), value: shown(key, &value) }))
        }
        ConfigCommand::List => {
            let files = store.load()?;
            let profile = settings::profile_name(&ctx.inputs, &files).value;
            let stored = files.config.profiles.get(&profile).cloned().unwrap_or_default();
            let settings =
                keys::ALL.iter().map(|k| (k.name(), k.get(&stored).map(|v| shown(*k, &v)))).collect();
            Ok(ctx.out.emit(&Listing { profile, settings }))
        }
    }
}

/// URLs with credentials in them are shown masked.
fn shown(key: Key, value: &str) -> String {
    match key {
        Key::BaseUrl | Key::HubUrl => crate::api::redact_raw(value),
        _ => value.to_owned(),
    }
}

fn problem_error(problem: Problem) -> Error {
    let names = keys::ALL.map(Key::name).join(", ");
    match problem {
        Problem::Secret(name) => Error::usage(format!("`config` does not handle keys ({name})"))
            .with_hint("store an API key with `whatsapp-ctl auth login`"),
        Problem::Unknown(name) => {
            Error::usage(format!("unknown setting {name:?}")).with_hint(format!("known settings: {names}"))
        }
        Problem::BadValue { key, reason } => Error::invalid(format!("invalid {key}: {reason}"))
            .with_hint(format!("nothing was stored; see `whatsapp-ctl config set --help` for {key}")),
    }
}

/// `config get` and `config set`: `{"profile","key","value"}`.
#[derive(Debug, Serialize)]
struct Setting {
    profile: String,
    key: &'static str,
    value: String,
}

impl Report for Setting {
    fn human(&self, _out: &Output) -> String {
        self.value.clone()
    }
}

/// `config list`: `{"profile","settings":{key: value|null}}`.
#[derive(Debug, Serialize)]
struct Listing {
    profile: String,
    settings: BTreeMap<&'static str, Option<String>>,
}

impl Report for Listing {
    fn human(&self, out: &Output) -> String {
        let rows = keys::ALL.iter().map(|key| {
            let value = self.settings.get(key.name()).cloned().flatten().unwrap_or_else(|| "-".into());
            vec![key.name().to_owned(), value, key.about().to_owned()]
        });
        format!("Profile '{}':\n{}", self.profile, out.table(&["KEY", "VALUE", "MEANING"], rows))
    }
}
