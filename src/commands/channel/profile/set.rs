//! `channel profile set [--about T] [--address T] [--description T] [--email E]
//! [--website URL]... [--vertical V]`: only the given fields are sent, after the local checks
//! of [`crate::profile`] (exit 3 with nothing sent).

use clap::Args;

use crate::commands::channel::Updated;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::profile::{Update, VERTICALS};

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The "About" text, 1 to 139 characters
    #[arg(long, value_name = "T")]
    pub about: Option<String>,
    /// The business address, at most 256 characters
    #[arg(long, value_name = "T")]
    pub address: Option<String>,
    /// The business description, at most 256 characters
    #[arg(long, value_name = "T")]
    pub description: Option<String>,
    /// The contact email address, at most 128 characters
    #[arg(long, value_name = "E")]
    pub email: Option<String>,
    /// A website (http or https, at most 256 characters); give it twice for two, the most allowed
    #[arg(long = "website", value_name = "URL")]
    pub websites: Vec<String>,
    /// The business category, one of Meta's: RETAIL, RESTAURANT, EDU, HEALTH, PROF_SERVICES, OTHER, ...
    #[arg(long, value_name = "V")]
    pub vertical: Option<String>,
}

pub async fn run(ctx: &Context, args: &SetArgs) -> Result<Updated> {
    let update = Update {
        about: args.about.clone(),
        address: args.address.clone(),
        description: args.description.clone(),
        email: args.email.clone(),
        websites: (!args.websites.is_empty()).then(|| args.websites.clone()),
        vertical: args.vertical.as_ref().map(|v| v.trim().to_ascii_uppercase()),
    };
    if update.is_empty() {
        return Err(Error::usage(
            "nothing to change: give at least one of --about, --address, --description, --email, --website, --vertical",
        ));
    }
    let problems = update.problems();
    if let Some(first) = problems.first() {
        let mut error = Error::invalid(format!("{} {}; nothing was sent", first.flag, first.message));
        for more in &problems[1..] {
            error = error.with_cause(format!("{} {}", more.flag, more.message));
        }
        let hint = if first.flag == "--vertical" {
            format!("choose one of {}", VERTICALS.join(", "))
        } else {
            "shorten or correct the value: Meta's WhatsApp Business profile limits apply".to_owned()
        };
        return Err(error.with_hint(hint));
    }
    let (client, _) = ctx.client().await?;
    let fields = update.fields();
    client
        .set_business_profile(&fields)
        .await
        .map_err(|e| Error::from(e).context("updating the business profile failed"))?;
    Ok(Updated::new("the business profile", fields))
}
