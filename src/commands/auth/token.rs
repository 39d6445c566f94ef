//! `auth token`: prints the resolved key, for scripts. The only command that ever shows it.

use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};

#[derive(Serialize)]
pub struct TokenReport {
    profile: String,
    token: String,
}

impl std::fmt::Debug for TokenReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenReport").field("profile", &self.profile).finish_non_exhaustive()
    }
}

impl Report for TokenReport {
    fn human(&self, _out: &Output) -> String {
        self.token.clone()
    }
}

pub async fn run(ctx: &Context) -> Result<TokenReport> {
    let settings = ctx.settings().await?;
    let Some(token) = settings.token else {
        ctx.refuse_unknown_profile(&settings)?;
        return Err(Error::new(Kind::Auth, format!("no API key for profile '{}'", settings.profile.value))
            .with_hint(format!("run `whatsapp-ctl auth login --profile {}`", settings.profile.value)));
    };
    Ok(TokenReport { profile: settings.profile.value, token: token.value.expose().to_owned() })
}
