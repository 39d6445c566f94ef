//! `partner logout`: removes the stored partner key (the partner id and hub URL stay).

use serde::Serialize;

use super::PARTNER_KEY_ENV;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Serialize)]
pub struct LogoutReport {
    removed: bool,
}

impl Report for LogoutReport {
    fn human(&self, _out: &Output) -> String {
        if self.removed {
            "Removed the stored partner key.".into()
        } else {
            "No partner key was stored.".into()
        }
    }
}

pub fn run(ctx: &Context) -> Result<LogoutReport> {
    let removed = ctx.store()?.update(|files| Ok::<_, Error>(files.credentials.partner.take().is_some()))?;
    if std::env::var_os(PARTNER_KEY_ENV).is_some_and(|v| !v.is_empty()) {
        ctx.out.warn(&format!("{PARTNER_KEY_ENV} is still set and still provides a partner key"));
    }
    Ok(LogoutReport { removed })
}
