//! `auth`: store, inspect and remove the API key of a profile.

mod login;
mod logout;
mod status;
mod token;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Store the API key of a profile, checked against the API first
    Login(login::LoginArgs),
    /// Show the profile, where each value came from, and whether the key works
    Status,
    /// Remove the stored key of the profile
    Logout,
    /// Print the resolved key (for scripts; the only command that prints it)
    Token,
}

pub async fn run(ctx: &Context, command: AuthCommand) -> Result<u8> {
    match command {
        AuthCommand::Login(args) => Ok(ctx.out.emit(&login::run(ctx, &args).await?)),
        AuthCommand::Status => Ok(ctx.out.emit(&status::run(ctx).await?)),
        AuthCommand::Logout => Ok(ctx.out.emit(&logout::run(ctx).await?)),
        AuthCommand::Token => Ok(ctx.out.emit(&token::run(ctx).await?)),
    }
}
