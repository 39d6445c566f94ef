//! `templates`: validate locally, submit, list, show, follow the review, delete; export, plan and
//! apply the templates of a channel as code.

pub mod apply;
mod delete;
pub mod desired;
mod export;
pub mod files;
pub mod list;
mod lookup;
pub mod plan;
mod preview;
mod show;
mod status;
mod submit;
mod validate;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

pub use lookup::{rejected_reason, status_of};

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List templates (every page), filtered and sorted
    List(list::ListArgs),
    /// Show one template with its components
    Show(show::ShowArgs),
    /// Show a template's review status; --wait follows it until approved or rejected
    Status(status::StatusArgs),
    /// Check template files against WhatsApp's rules without sending anything
    Validate(validate::ValidateArgs),
    /// Validate, then submit templates from files or flags
    Submit(submit::SubmitArgs),
    /// Delete a template (every language of the name)
    Delete(delete::DeleteArgs),
    /// Write the channel's templates into one file per name (the format plan and submit read)
    Export(export::ExportArgs),
    /// Show what apply would change to make the channel match the files; never writes
    Plan(plan::PlanArgs),
    /// Make the channel match the template files: delete, then create (asks first)
    Apply(apply::ApplyArgs),
    /// Show a template as a phone shows it: header, body with variables filled, footer, buttons
    Preview(preview::PreviewArgs),
}

pub async fn run(ctx: &Context, command: TemplatesCommand) -> Result<u8> {
    match command {
        TemplatesCommand::List(args) => list::run(ctx, &args).await,
        TemplatesCommand::Show(args) => Ok(ctx.out.emit(&show::run(ctx, &args).await?)),
        TemplatesCommand::Status(args) => status::run(ctx, &args).await,
        TemplatesCommand::Validate(args) => Ok(ctx.out.emit(&validate::run(&ctx.out, &args).await)),
        TemplatesCommand::Submit(args) => submit::run(ctx, &args).await,
        TemplatesCommand::Delete(args) => Ok(ctx.out.emit(&delete::run(ctx, &args).await?)),
        TemplatesCommand::Export(args) => Ok(ctx.out.emit(&export::run(ctx, &args).await?)),
        TemplatesCommand::Plan(args) => Ok(ctx.out.emit(&plan::run(ctx, &args).await?)),
        TemplatesCommand::Apply(args) => Ok(ctx.out.emit(&apply::run(ctx, &args).await?)),
        TemplatesCommand::Preview(args) => Ok(ctx.out.emit(&preview::run(ctx, &args).await?)),
    }
}
