//! `webhook`: read 360dialog webhook payloads, from a file (`parse`) or live (`listen`), as the
//! channel variables of the connector's table.

mod download;
mod greeting;
mod lines;
mod listen;
mod parse;
mod relay;

use clap::Subcommand;

use crate::api::Flavour;
use crate::context::Context;
use crate::error::Result;
use crate::webhook::MediaBase;

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Print the events of a webhook payload (a file, or standard input with - or nothing)
    Parse(parse::ParseArgs),
    /// Receive webhooks on a local port, print each event, optionally forward them; Ctrl-C stops
    Listen(listen::ListenArgs),
}

pub async fn run(ctx: &Context, command: WebhookCommand) -> Result<u8> {
    match command {
        WebhookCommand::Parse(args) => Ok(ctx.out.emit(&parse::run(ctx, &args).await?)),
        WebhookCommand::Listen(args) => listen::run(ctx, &args).await,
    }
}

/// Media URLs: the profile's base URL for its flavour, the default for the other. Without a
/// readable profile (or with `--emulator`), both defaults.
async fn media_base(ctx: &Context) -> MediaBase {
    let mut media = MediaBase::default();
    if ctx.global.emulator {
        return media;
    }
    match ctx.settings().await {
        Ok(settings) => {
            let base = settings.base_url.value.trim_end_matches('/').to_owned();
            match settings.api.value {
                Flavour::Cloud => media.cloud = base,
                Flavour::OnPremise => media.onpremise = base,
            }
        }
        Err(err) => ctx.out.warn(&format!("{}; media URLs use the default base URLs", err.message)),
    }
    media
}
