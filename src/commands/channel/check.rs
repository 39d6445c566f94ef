//! `channel check [--webhook-url URL] [--strict]`: every channel check in order; exit 0 when
//! none failed (with `--strict`, none warned either), 1 otherwise. The report is printed in
//! both cases (JSON with `--json`).

use clap::Args;

use super::checklist::ChecksView;
use crate::checks::{CheckOptions, run_checks};
use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Args)]
#[command(after_help = crate::commands::help::CHANNEL_CHECK)]
pub struct CheckArgs {
    /// The webhook URL the channel should have; fails when another one (or none) is registered
    #[arg(long, value_name = "URL")]
    pub webhook_url: Option<String>,
    /// Warnings fail the run too (exit 1)
    #[arg(long)]
    pub strict: bool,
}

pub async fn run(ctx: &Context, args: &CheckArgs) -> Result<ChecksView> {
    let settings = ctx.settings().await?;
    if settings.token.is_none() {
        ctx.refuse_unknown_profile(&settings)?;
    }
    // No client when there is no key or base URL: the `config` check then says why.
    let client = ctx.client_with(&settings).ok();
    let options = CheckOptions::new(args.webhook_url.clone(), ctx.request_timeout());
    let spinner = ctx.out.spinner("checking the channel");
    let mut report = run_checks(ctx, &settings, client.as_ref(), &options).await;
    spinner.finish_and_clear();
    report.apply_strict(args.strict);
    Ok(ChecksView(report))
}
