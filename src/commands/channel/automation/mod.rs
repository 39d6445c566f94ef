//! `channel automation`: WhatsApp's conversational components (the welcome message, ice-breaker
//! prompts, commands), shown or changed field by field. Cloud API only.

mod set;
mod show;

use clap::Subcommand;

use crate::api::{Client, Flavour};
use crate::context::Context;
use crate::error::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum AutomationCommand {
    /// Show the welcome-message setting, ice-breaker prompts and commands
    Show,
    /// Change the given settings only, after checking Meta's limits (nothing is sent when one fails)
    Set(set::SetArgs),
}

pub async fn run(ctx: &Context, command: AutomationCommand) -> Result<u8> {
    match command {
        AutomationCommand::Show => Ok(ctx.out.emit(&show::run(ctx).await?)),
        AutomationCommand::Set(args) => Ok(ctx.out.emit(&set::run(ctx, &args).await?)),
    }
}

/// The client, refusing on-premise channels (exit 2): they have no conversational components.
async fn cloud_client(ctx: &Context) -> Result<Client> {
    let (client, _) = ctx.client().await?;
    if client.flavour() == Flavour::OnPremise {
        return Err(Error::usage("conversational components need the Cloud API; this profile is on-premise")
            .with_hint("move the number to the Cloud API, or use a Cloud profile with --profile NAME"));
    }
    Ok(client)
}
