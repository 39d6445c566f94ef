//! `channel profile`: the business profile customers see (about, address, description, email,
//! websites, vertical), shown or changed field by field.

mod set;
mod show;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Show the business profile customers see
    Show,
    /// Change the given profile fields only, after checking Meta's limits (nothing is sent when one fails)
    Set(set::SetArgs),
}

pub async fn run(ctx: &Context, command: ProfileCommand) -> Result<u8> {
    match command {
        ProfileCommand::Show => Ok(ctx.out.emit(&show::run(ctx).await?)),
        ProfileCommand::Set(args) => Ok(ctx.out.emit(&set::run(ctx, &args).await?)),
    }
}
