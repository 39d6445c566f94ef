//! `channel`: check a channel end to end, activate it (register and verify the webhook, then
//! check), and show the registered webhook.

mod activate;
mod automation;
pub mod check;
pub mod checklist;
mod profile;
pub mod register;
mod webhook;

use clap::Subcommand;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::context::Context;
use crate::error::Result;
use crate::output::{Output, Report};

#[derive(Debug, Subcommand)]
pub enum ChannelCommand {
    /// Run the channel checks (config, reachability, auth, health, webhook, templates); exit 1 when one fails
    Check(check::CheckArgs),
    /// Register the webhook, read it back, remember it in the profile, then run the checks
    Activate(activate::ActivateArgs),
    /// Show the registered webhook (header values masked)
    Webhook,
    /// Show or change the business profile customers see (about, address, email, websites, ...)
    #[command(subcommand)]
    Profile(profile::ProfileCommand),
    /// Show or change the welcome message, ice-breaker prompts and commands (Cloud API)
    #[command(subcommand)]
    Automation(automation::AutomationCommand),
}

pub async fn run(ctx: &Context, command: ChannelCommand) -> Result<u8> {
    match command {
        ChannelCommand::Check(args) => Ok(ctx.out.emit(&check::run(ctx, &args).await?)),
        ChannelCommand::Activate(args) => Ok(ctx.out.emit(&activate::run(ctx, &args).await?)),
        ChannelCommand::Webhook => Ok(ctx.out.emit(&webhook::run(ctx).await?)),
        ChannelCommand::Profile(command) => profile::run(ctx, command).await,
        ChannelCommand::Automation(command) => automation::run(ctx, command).await,
    }
}

/// What a `channel ... set` changed: `{"updated": {field: value}}`, exactly what was sent.
#[derive(Debug, Serialize)]
pub struct Updated {
    /// What was updated, for people ("the business profile").
    #[serde(skip)]
    what: &'static str,
    pub updated: Map<String, Value>,
}

impl Updated {
    pub fn new(what: &'static str, updated: Map<String, Value>) -> Self {
        Self { what, updated }
    }
}

impl Report for Updated {
    fn human(&self, _out: &Output) -> String {
        let names: Vec<&str> = self.updated.keys().map(String::as_str).collect();
        format!("Updated {}: {}", self.what, names.join(", "))
    }
}
