//! `profiles list`.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::config::Store;
use crate::error::Result;
use crate::output::{Output, Report};

#[derive(Debug, Serialize)]
pub struct ProfileRow {
    name: String,
    current: bool,
    api: Option<String>,
    base_url: Option<String>,
    webhook_url: Option<String>,
    test_recipient: Option<String>,
    token_hint: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ProfileList(Vec<ProfileRow>);

impl Report for ProfileList {
    fn human(&self, out: &Output) -> String {
        if self.0.is_empty() {
            return "No profiles yet: run `whatsapp-ctl auth login` (or `whatsapp-ctl setup`).".into();
        }
        let rows = self.0.iter().map(|p| {
            vec![
                format!("{}{}", if p.current { "* " } else { "" }, p.name),
                p.api.clone().unwrap_or_else(|| "cloud".into()),
                p.base_url.clone().unwrap_or_else(|| "(default)".into()),
                p.token_hint.clone().unwrap_or_else(|| "-".into()),
                p.webhook_url.clone().unwrap_or_else(|| "-".into()),
            ]
        });
        out.table(&["PROFILE", "API", "BASE URL", "KEY", "WEBHOOK"], rows)
    }
}

pub fn run(store: &Store) -> Result<ProfileList> {
    let files = store.load()?;
    let current = files.config.current_profile.clone().unwrap_or_else(|| "default".into());
    let names: BTreeSet<&String> =
        files.config.profiles.keys().chain(files.credentials.profiles.keys()).collect();
    let rows = names
        .into_iter()
        .map(|name| {
            let profile = files.config.profiles.get(name).cloned().unwrap_or_default();
            ProfileRow {
                current: *name == current,
                name: name.clone(),
                api: profile.api,
                base_url: profile.base_url.as_deref().map(crate::api::redact_raw),
                webhook_url: profile.webhook_url,
                test_recipient: profile.test_recipient,
                token_hint: files.credentials.profiles.get(name).and_then(|c| c.key()).map(|k| k.hint()),
            }
        })
        .collect();
    Ok(ProfileList(rows))
}
