//! `templates delete NAME`: every language of the name goes; asks first on a terminal, needs
//! `--yes` without one (exit 2, nothing deleted).

use clap::Args;
use serde::Serialize;

use super::lookup::{self, language_of, status_of};
use crate::commands::input;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Template name (all its languages are deleted)
    pub name: String,
    /// Delete without asking
    #[arg(long, short)]
    pub yes: bool,
}

#[derive(Debug, Serialize)]
pub struct DeleteReport {
    name: String,
    languages: Vec<String>,
    deleted: bool,
}

impl Report for DeleteReport {
    fn human(&self, _out: &Output) -> String {
        format!("Deleted template '{}' ({}).", self.name, self.languages.join(", "))
    }
}

pub async fn run(ctx: &Context, args: &DeleteArgs) -> Result<DeleteReport> {
    let (client, _) = ctx.client().await?;
    let found = client.find_templates(&args.name, None).await?;
    if found.is_empty() {
        return Err(lookup::not_found(&args.name, None));
    }
    let languages: Vec<String> = found.iter().map(|t| language_of(t).to_owned()).collect();
    let approved = found.iter().any(|t| status_of(t) == "approved");
    let mut warning =
        format!("deleting '{}' removes every language of it: {}", args.name, languages.join(", "));
    if approved {
        warning.push_str("; the name is approved, so it cannot be used again for 30 days");
    }
    ctx.out.warn(&warning);
    if !input::confirm(&format!("Delete template '{}'?", args.name), args.yes)? {
        return Err(Error::failed("nothing was deleted"));
    }
    client.delete_template(&args.name).await?;
    Ok(DeleteReport { name: args.name.clone(), languages, deleted: true })
}
