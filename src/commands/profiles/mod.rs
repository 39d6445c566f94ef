//! `profiles`: list the stored profiles, choose the current one, remove one.

mod list;
mod remove;
mod select;

use clap::Subcommand;
use clap_complete::ArgValueCandidates;

use crate::commands::completions;
use crate::context::Context;
use crate::error::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum ProfilesCommand {
    /// List profiles: flavour, base URL, key (masked), current marked
    List,
    /// Make NAME the profile used when --profile is not given
    Use {
        /// Profile name
        #[arg(add = ArgValueCandidates::new(completions::profile_names))]
        name: String,
    },
    /// Remove a profile and its stored key (asks first on a terminal; --yes without one)
    Remove {
        /// Profile name
        #[arg(add = ArgValueCandidates::new(completions::profile_names))]
        name: String,
        /// Remove without asking
        #[arg(long, short)]
        yes: bool,
    },
}

pub async fn run(ctx: &Context, command: ProfilesCommand) -> Result<u8> {
    if ctx.global.emulator {
        return Err(Error::usage("with --emulator no profile is read or written"));
    }
    let store = ctx.store()?;
    match command {
        ProfilesCommand::List => Ok(ctx.out.emit(&list::run(&store)?)),
        ProfilesCommand::Use { name } => Ok(ctx.out.emit(&select::run(&store, &name)?)),
        ProfilesCommand::Remove { name, yes } => Ok(ctx.out.emit(&remove::run(&store, &name, yes)?)),
    }
}

/// The error for a name that is in neither file: the known ones, the nearest.
fn no_such_profile(name: &str, files: &crate::config::Files) -> Error {
    crate::profile_names::no_such_profile(
        crate::error::Kind::Failed,
        name,
        &crate::profile_names::known(files),
    )
}
