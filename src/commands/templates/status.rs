//! `templates status NAME [--wait]`: the review status; with `--wait`, polls with growing
//! intervals until approved (exit 0) or rejected, paused, disabled or the timeout (exit 1).

use std::time::{Duration, Instant};

use clap::Args;
use serde_json::Value;

use super::lookup::{self, rejected_reason, status_of};
use super::show::TemplateView;
use crate::context::Context;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Template name
    pub name: String,
    /// Language code, needed when the name exists in several languages
    #[arg(long, value_name = "L")]
    pub language: Option<String>,
    /// Wait until the review ends (approved, rejected, paused or disabled)
    #[arg(long)]
    pub wait: bool,
    /// Give up waiting after this many seconds (exit 1; 0 to 604800, a week)
    #[arg(long, value_name = "SECS", default_value_t = 900.0, requires = "wait",
        value_parser = crate::commands::numbers::seconds(0.0, 604_800.0))]
    pub wait_timeout: f64,
}

const FINAL_STATUSES: [&str; 4] = ["approved", "rejected", "paused", "disabled"];
const FIRST_POLL: Duration = Duration::from_millis(500);
const LONGEST_POLL: Duration = Duration::from_secs(30);

pub async fn run(ctx: &Context, args: &StatusArgs) -> Result<u8> {
    let (client, _) = ctx.client().await?;
    let language = args.language.as_deref();
    let mut template = lookup::one(&client, &args.name, language).await?;
    if !args.wait {
        return Ok(emit(ctx, template));
    }
    let language = lookup::language_of(&template).to_owned();
    let deadline = Instant::now() + Duration::from_secs_f64(args.wait_timeout);
    let spinner = ctx.out.spinner(format!("waiting for the review of {}", args.name));
    let mut interval = FIRST_POLL;
    while !FINAL_STATUSES.contains(&status_of(&template).as_str()) {
        let now = Instant::now();
        if now >= deadline {
            spinner.finish_and_clear();
            return Err(Error::failed(format!(
                "template '{}' ({language}) is still {} after {} s",
                args.name,
                status_of(&template),
                args.wait_timeout
            ))
            .with_hint(
                "reviews usually take minutes, sometimes up to 48 hours; raise --wait-timeout or check later",
            ));
        }
        spinner.set_message(format!("{} ({language}): {}", args.name, status_of(&template)));
        tokio::time::sleep(interval.min(deadline - now)).await;
        interval = (interval.mul_f64(1.5)).min(LONGEST_POLL);
        template = lookup::one(&client, &args.name, Some(&language)).await?;
    }
    spinner.finish_and_clear();
    let status = status_of(&template);
    if status == "approved" {
        return Ok(emit(ctx, template));
    }
    let reason = rejected_reason(&template).map(str::to_owned);
    let detail = template.get("rejected_detail").and_then(Value::as_str).map(str::to_owned);
    if !ctx.out.json {
        ctx.out.emit(&TemplateView(template));
    }
    let mut err = Error::failed(format!("template '{}' ({language}) is {status}", args.name));
    if let Some(reason) = reason {
        err = err.with_cause(format!("reason: {reason}"));
    }
    if let Some(detail) = detail {
        err = err.with_cause(detail);
    }
    Err(err.with_hint(
        "fix the template (`whatsapp-ctl templates validate FILE`), then submit it under a new name",
    ))
}

fn emit(ctx: &Context, template: Value) -> u8 {
    ctx.out.emit(&TemplateView(template))
}
