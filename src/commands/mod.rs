//! One module per command group, one file per leaf command; `run` dispatches with one `match`.

pub mod auth;
pub mod channel;
pub mod completions;
pub mod emulator;
pub mod input;
pub mod man;
pub mod media;
pub mod profiles;
pub mod prompter;
pub mod send;
pub mod setup;
pub mod templates;
pub mod webhook;

use crate::cli::Command;
use crate::context::Context;
use crate::error::Result;

/// Runs the command and returns its exit code.
pub async fn run(ctx: &Context, command: Command) -> Result<u8> {
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
        Command::Completions(args) => Ok(ctx.out.emit(&completions::run(&args))),
        Command::Man(args) => man::run(ctx, &args),
    }
}
