//! One module per command group, one file per leaf command; `run` dispatches with one `match`.

pub mod api;
pub mod auth;
pub mod channel;
pub mod completions;
pub mod config;
pub mod emulator;
pub mod fleet;
pub mod help;
pub mod input;
pub mod key_check;
pub mod man;
pub mod media;
pub mod numbers;
pub mod partner;
pub mod profiles;
pub mod prompter;
pub mod send;
pub mod setup;
pub mod templates;
pub mod usage;
pub mod webhook;

use crate::cli::Command;
use crate::context::Context;
use crate::error::Result;

/// Runs the command and returns its exit code.
pub async fn run(ctx: &Context, command: Command) -> Result<u8> {
    if ctx.global.all_profiles || !ctx.global.profiles.is_empty() {
        return fleet::run(ctx, command).await;
    }
    match command {
        Command::Auth(command) => auth::run(ctx, command).await,
        Command::Profiles(command) => profiles::run(ctx, command).await,
        Command::Emulator(command) => emulator::run(ctx, command).await,
        Command::Templates(command) => templates::run(ctx, command).await,
        Command::Channel(command) => channel::run(ctx, command).await,
        Command::Send(command) => send::run(ctx, command).await,
        Command::Webhook(command) => webhook::run(ctx, command).await,
        Command::Media(command) => media::run(ctx, command).await,
        Command::Setup(args) => setup::run(ctx, args).await,
        Command::Partner(args) => partner::run(ctx, args).await,
        Command::Completions(args) => Ok(ctx.out.emit(&completions::run(&args))),
        Command::Man(args) => man::run(ctx, &args),
        Command::Config(command) => config::run(ctx, command).await,
        Command::Api(args) => api::run(ctx, args).await,
    }
}
