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
use crate::checks::rules::{check_webhook_url, mask, parse_header, same_url};
use crate::checks::{CheckOptions, CheckReport, run_checks};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct ActivateArgs {
    /// Your webhook's URL: https, no :port, no '_' in the host (loopback hosts are allowed for local tests)
    #[arg(long, value_name = "URL")]
    pub webhook_url: String,
    /// A header 360dialog sends with every delivery, e.g. a shared secret your server checks (repeatable)
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
    client
        .set_webhook(&wanted)
        .await
        .map_err(|err| Error::from(err).context("Couldn't register the webhook"))?;
    let got = client
        .get_webhook()
        .await
        .map_err(|err| Error::from(err).context("Couldn't register the webhook: reading it back failed"))?;
    verify(&wanted, &got)?;
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
    let options = CheckOptions::new(Some(url), super::request_timeout(ctx));
    let spinner = super::spinner(ctx, "checking the channel");
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
        let (name, value) = parse_header(arg).map_err(|problem| {
            Error::invalid(format!("invalid --header: {problem}; nothing was sent"))
                .with_hint("give each header as --header NAME=VALUE, e.g. --header X-Webhook-Secret=s3cr3t")
        })?;
        if headers.keys().any(|k: &String| k.eq_ignore_ascii_case(&name)) {
            return Err(Error::invalid(format!("--header {name} is given twice; nothing was sent")));
        }
        headers.insert(name, value);
    }
    Ok(headers)
}

/// The read-back registration equals what was sent (URL and every header).
fn verify(wanted: &Webhook, got: &Webhook) -> Result<()> {
    let wanted_url = wanted.url.as_deref().unwrap_or_default();
    let got_url = got.url.as_deref().unwrap_or_default();
    let mut causes = Vec::new();
    if !same_url(wanted_url, got_url) {
        let shown = if got_url.is_empty() { "no URL" } else { got_url };
        causes.push(format!("360dialog reports {shown}, not {wanted_url}"));
    }
    for (name, value) in &wanted.headers {
        match got.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
            None => causes.push(format!("header {name} is missing from the registration")),
            Some((_, v)) if v != value => causes.push(format!("header {name} is registered as {}", mask(v))),
            Some(_) => {}
        }
    }
    for name in got.headers.keys().filter(|k| !wanted.headers.keys().any(|w| w.eq_ignore_ascii_case(k))) {
        causes.push(format!("header {name} is registered but was not asked for"));
    }
    if causes.is_empty() {
        return Ok(());
    }
    let mut err = Error::failed("Couldn't register the webhook: the registration read back differs");
    for cause in causes {
        err = err.with_cause(cause);
    }
    Err(err.with_hint("try again; if it persists, set the webhook in the 360dialog hub and run `whatsapp-ctl channel check`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hook(url: &str, headers: &[(&str, &str)]) -> Webhook {
        Webhook {
            url: Some(url.into()),
            headers: headers.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect(),
        }
    }

    #[test]
    fn a_matching_read_back_verifies() {
        let sent = hook("http://127.0.0.1:9", &[("X-Secret", "abc")]);
        assert!(verify(&sent, &hook("http://127.0.0.1:9/", &[("x-secret", "abc")])).is_ok());
    }

    #[test]
    fn a_different_read_back_names_each_difference_without_the_secret() {
        let sent = hook("https://a.example/wa", &[("X-Secret", "super-secret-value")]);
        let err = verify(&sent, &hook("https://b.example/wa", &[("X-Other", "1")])).expect_err("differs");
        assert_eq!(err.kind, Kind::Failed);
        assert!(err.message.starts_with("Couldn't register the webhook"), "{}", err.message);
        let causes = err.causes.join("\n");
        assert!(
            causes.contains("360dialog reports https://b.example/wa, not https://a.example/wa"),
            "{causes}"
        );
        assert!(causes.contains("header X-Secret is missing"), "{causes}");
        assert!(causes.contains("header X-Other is registered but was not asked for"), "{causes}");
        assert!(!causes.contains("super-secret"), "{causes}");
    }

    #[test]
    fn repeated_or_malformed_headers_are_invalid() {
        let twice = parse_headers(&["A=1".into(), "a=2".into()]).expect_err("twice");
        assert_eq!(twice.kind, Kind::Invalid);
        assert_eq!(parse_headers(&["nope".into()]).expect_err("malformed").kind, Kind::Invalid);
    }
}
