//! `channel automation set [--welcome on|off] [--prompt T]... [--command NAME=DESCRIPTION]...`:
//! only the given settings are sent, after the checks of [`crate::automation`] (exit 3 with
//! nothing sent). `--prompt` and `--command` replace the whole list.

use clap::{Args, ValueEnum};

use crate::automation::{self, Update};
use crate::commands::channel::Updated;
use crate::context::Context;
use crate::error::{Error, Result};

/// `on` or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// Whether WhatsApp asks for a welcome message when a user opens the chat for the first time
    #[arg(long, value_enum, value_name = "on|off")]
    pub welcome: Option<Switch>,
    /// An ice-breaker prompt (at most 80 characters); give it up to 3 times; replaces the list
    #[arg(long = "prompt", value_name = "T")]
    pub prompts: Vec<String>,
    /// A command as NAME=DESCRIPTION (letters, digits, _; up to 30 commands); replaces the list
    #[arg(long = "command", value_name = "NAME=DESCRIPTION")]
    pub commands: Vec<String>,
}

pub async fn run(ctx: &Context, args: &SetArgs) -> Result<Updated> {
    let mut commands = Vec::new();
    for raw in &args.commands {
        let command = automation::parse_command(raw).ok_or_else(|| {
            Error::invalid(format!("--command {raw:?} is not NAME=DESCRIPTION; nothing was sent"))
                .with_hint("e.g. --command \"status=Check your order status\"")
        })?;
        commands.push(command);
    }
    let update = Update {
        welcome: args.welcome.map(|s| s == Switch::On),
        prompts: (!args.prompts.is_empty()).then(|| args.prompts.clone()),
        commands: (!commands.is_empty()).then_some(commands),
    };
    if update.is_empty() {
        return Err(Error::usage("nothing to change: give --welcome, --prompt or --command"));
    }
    let problems = update.problems();
    if let Some((flag, message)) = problems.first() {
        let mut error = Error::invalid(format!("{flag} {message}; nothing was sent"));
        for (flag, message) in &problems[1..] {
            error = error.with_cause(format!("{flag} {message}"));
        }
        return Err(error.with_hint("Meta's limits: 3 prompts of 80 characters, 30 commands"));
    }
    let client = super::cloud_client(ctx).await?;
    let body = update.body();
    client
        .set_conversational_automation(&body)
        .await
        .map_err(|e| Error::from(e).context("updating the conversational components failed"))?;
    Ok(Updated::new("the conversational components", body))
}
