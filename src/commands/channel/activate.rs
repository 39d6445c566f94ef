//! `channel activate --webhook-url URL [--header NAME=VALUE]... [--strict]`: checks the URL and
//! headers locally (exit 3, nothing sent), registers them with `POST /v1/configs/webhook`, reads
//! the registration back ("Couldn't register the webhook", exit 1, when it differs), remembers
//! the URL in the profile, then runs the channel checks. Like the connector page's toggle, the
//! channel stays activated when checks warn or fail; the exit code says so (1 on a failed check,
//! and on a warning with `--strict`).

use std::collections::BTreeMap;

use clap::Args;
use serde::Serialize;

use super::checklist;
use crate::api::{self, Webhook};
use crate::checks::rules::{check_webhook_url, mask, parse_header_arg};
use crate::checks::{CheckOptions, CheckReport, run_checks};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct ActivateArgs {
    /// Your webhook's URL: https, no :port, no '_' in the host (loopback hosts are allowed for local tests)
    #[arg(long, value_name = "URL")]
    pub webhook_url: String,
    /// A header 360dialog sends with every delivery, e.g. a shared secret your server checks
    /// (repeatable); NAME=@FILE reads the value from a file, NAME=env:VAR from the environment
    #[arg(long = "header", value_name = "NAME=VALUE")]
    pub headers: Vec<String>,
    /// Warnings of the checks fail the run too (exit 1)
    #[arg(long)]
    pub strict: bool,
}

/// The registered webhook, header values masked.
#[derive(Debug, Serialize)]
pub struct WebhookView {
    /// The registered URL; null when none is.
    pub url: Option<String>,
    /// Header names and masked values.
    pub headers: BTreeMap<String, String>,
}

impl WebhookView {
    /// The view of `hook`, every header value masked.
    pub fn masked(hook: &Webhook) -> Self {
        Self {
            url: hook.url.clone(),
            headers: hook.headers.iter().map(|(k, v)| (k.clone(), mask(v))).collect(),
        }
    }
}

/// `{"ok","webhook":{"url","headers"},"profile","checks"}`.
#[derive(Debug, Serialize)]
pub struct ActivateReport {
    ok: bool,
    webhook: WebhookView,
    /// The profile the URL was stored in (null with `--emulator`).
    profile: Option<String>,
    checks: Vec<crate::checks::CheckResult>,
    #[serde(skip)]
    report: CheckReport,
}

impl Report for ActivateReport {
    fn human(&self, out: &Output) -> String {
        let url = self.webhook.url.as_deref().unwrap_or_default();
        let headers = if self.webhook.headers.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = self.webhook.headers.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!(" with headers {}", list.join(", "))
        };
        let stored = match &self.profile {
            Some(profile) => format!("; stored in profile '{profile}'"),
            None => String::new(),
        };
        format!("Webhook registered: {url}{headers}{stored}.\n\n{}", checklist::render(out, &self.report))
    }

    fn failure(&self) -> Option<Kind> {
        (!self.ok).then_some(Kind::Failed)
    }
}

pub async fn run(ctx: &Context, args: &ActivateArgs) -> Result<ActivateReport> {
    let url = args.webhook_url.trim().to_owned();
    let checked = check_webhook_url(&url).map_err(|problem| {
        Error::invalid(format!("invalid webhook URL: {problem}; nothing was sent")).with_hint(problem.hint())
    })?;
    let headers = parse_headers(&args.headers)?;
    let (client, settings) = ctx.client().await?;
    let local_channel = api::is_loopback(client.base_url());
    if checked.loopback && !local_channel {
        ctx.out.warn(&format!(
            "{url} is a loopback address: only this machine can reach it, 360dialog cannot deliver to it"
        ));
    }
    let wanted = Webhook { url: Some(url.clone()), headers };
    let got = super::register::register(&client, &wanted).await?;
    ctx.out.info(&format!("webhook registered and read back: {url}"));
    let profile = if ctx.global.emulator {
        None
    } else {
        let name = settings.profile.value.clone();
        ctx.store()?.update(|files| {
            files.config.profiles.entry(name.clone()).or_default().webhook_url = Some(url.clone());
            Ok::<_, Error>(())
        })?;
        Some(name)
    };
    let options = CheckOptions::new(Some(url), ctx.request_timeout());
    let spinner = ctx.out.spinner("checking the channel");
    let mut report = run_checks(ctx, &settings, Some(&client), &options).await;
    spinner.finish_and_clear();
    report.apply_strict(args.strict);
    Ok(ActivateReport {
        ok: report.ok,
        webhook: WebhookView::masked(&got),
        profile,
        checks: report.checks.clone(),
        report,
    })
}

/// `NAME=VALUE` arguments as a map; exit 3 on a malformed or repeated one.
fn parse_headers(args: &[String]) -> Result<BTreeMap<String, String>> {
    let mut headers = BTreeMap::new();
    for arg in args {
        let (name, value) = parse_header_arg(arg).map_err(|problem| {
            Error::invalid(format!("invalid --header: {problem}; nothing was sent")).with_hint(
                "give each header as --header NAME=VALUE, NAME=@FILE or NAME=env:VAR, e.g. --header \
                     X-Webhook-Secret=@secret.txt",
            )
        })?;
        if headers.keys().any(|k: &String| k.eq_ignore_ascii_case(&name)) {
            return Err(Error::invalid(format!("--header {name} is given twice; nothing was sent")));
        }
        headers.insert(name, value);
    }
    Ok(headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_or_malformed_headers_are_invalid() {
        let twice = parse_headers(&["A=1".into(), "a=2".into()]).expect_err("twice");
        assert_eq!(twice.kind, Kind::Invalid);
        assert_eq!(parse_headers(&["nope".into()]).expect_err("malformed").kind, Kind::Invalid);
    }
}
