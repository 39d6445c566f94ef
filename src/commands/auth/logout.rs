//! `auth logout`: removes the stored key of the profile (the profile's other settings stay).

use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};
use crate::settings;

#[derive(Debug, Serialize)]
pub struct LogoutReport {
    profile: String,
    removed: bool,
}

impl Report for LogoutReport {
    fn human(&self, _out: &Output) -> String {
        if self.removed {
            format!("Removed the stored key of profile '{}'.", self.profile)
        } else {
            format!("Profile '{}' had no stored key.", self.profile)
        }
    }
}

pub async fn run(ctx: &Context) -> Result<LogoutReport> {
    if ctx.global.emulator {
        return Err(Error::usage("`auth logout` changes a profile; with --emulator no profile is used"));
    }
    let store = ctx.store()?;
    let removed = store.update(|files| {
        let profile = settings::profile_name(&ctx.inputs, files).value;
        let removed = files.credentials.profiles.remove(&profile).is_some();
        Ok::<_, Error>((profile, removed))
    })?;
    if ctx.inputs.env_token.is_some() {
        ctx.out.warn("WHATSAPP_CTL_TOKEN or D360_API_KEY is still set and still provides a key");
    }
    Ok(LogoutReport { profile: removed.0, removed: removed.1 })
}
