//! The channel checks behind `channel check`, `channel activate` and the setup wizard: the
//! named checks of one run in a fixed order, each `pass`/`warn`/`fail`/`skip` with a detail and
//! its time, checks whose prerequisite failed skipped, and every check bounded in time.
//! [`run_checks`] is the one entry point; it never prints (only `-v` debug lines).

mod api_checks;
mod config;
mod probe;
mod reachability;
pub mod rules;
mod runner;
mod webhook_checks;

use std::time::Duration;

use serde::Serialize;

use crate::api::{self, Client, Webhook};
use crate::context::Context;
use crate::settings::Settings;

pub use probe::{HookClient, HookError, HookReply, post_to_hook};
pub use runner::{Outcome, Runner};

/// Check names, in the order they run and are reported.
pub mod names {
    /// A key and a usable base URL, and where they came from.
    pub const CONFIG: &str = "config";
    /// DNS, TCP, TLS and HTTP to the base URL.
    pub const REACHABILITY: &str = "reachability";
    /// The API accepts the key.
    pub const AUTH: &str = "auth";
    /// Messaging health (Cloud `/health_status`, on-premise `/v1/health`).
    pub const HEALTH: &str = "health";
    /// A webhook is registered (the expected one, when given).
    pub const WEBHOOK_REGISTERED: &str = "webhook-registered";
    /// The webhook URL follows 360dialog's rules.
    pub const WEBHOOK_URL: &str = "webhook-url";
    /// The webhook answers a harmless POST with 2xx, quickly.
    pub const WEBHOOK_REACHABLE: &str = "webhook-reachable";
    /// At least one template is approved.
    pub const TEMPLATES: &str = "templates";
    /// All of them, in order.
    pub const ALL: [&str; 8] =
        [CONFIG, REACHABILITY, AUTH, HEALTH, WEBHOOK_REGISTERED, WEBHOOK_URL, WEBHOOK_REACHABLE, TEMPLATES];
}

/// How a check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// All good.
    Pass,
    /// Works, but something deserves attention (fails the run only with `--strict`).
    Warn,
    /// Broken.
    Fail,
    /// Not run: a prerequisite failed, or there was nothing to check.
    Skip,
}

impl Status {
    /// The JSON spelling.
    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Skip => "skip",
        }
    }
}

/// One check's result (SPEC 4: `{"name","status","detail","elapsed_ms"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    /// One of [`names::ALL`].
    pub name: String,
    /// How it ended.
    pub status: Status,
    /// What was found, in one line.
    pub detail: String,
    /// How long it took.
    pub elapsed_ms: u64,
}

/// The results of one run, in order. `ok` is false when a check failed (or, after
/// [`CheckReport::apply_strict`], when one warned).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Nothing failed (and, when strict, nothing warned).
    pub ok: bool,
    /// Every check, in order.
    pub checks: Vec<CheckResult>,
}

impl CheckReport {
    /// A report of `checks`; ok when none failed.
    pub fn new(checks: Vec<CheckResult>) -> Self {
        let ok = !checks.iter().any(|c| c.status == Status::Fail);
        Self { ok, checks }
    }

    /// With `strict`, a warning makes the report not ok.
    pub fn apply_strict(&mut self, strict: bool) {
        self.ok = !(self.count(Status::Fail) > 0 || (strict && self.count(Status::Warn) > 0));
    }

    /// How many checks ended with `status`.
    pub fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.status == status).count()
    }

    /// The result of the check called `name`.
    pub fn get(&self, name: &str) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.name == name)
    }
}

/// What to check and how long each part may take.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The webhook URL the channel should have (`--webhook-url`); none: any registered one.
    pub webhook_url: Option<String>,
    /// Bound of each API check (the client's own retries run inside it).
    pub api_bound: Duration,
    /// Bound of each reachability stage (DNS, TCP, TLS, HTTP) and of each webhook probe.
    pub step_timeout: Duration,
    /// Probes of the webhook; the median latency is judged.
    pub probes: usize,
    /// A webhook whose median answer takes longer than this warns.
    pub slow_webhook: Duration,
}

impl CheckOptions {
    /// Bounds derived from the per-request timeout (`--timeout`): API checks up to 20 s, each
    /// network step and webhook probe up to 5 s; 3 probes; slow above 250 ms.
    pub fn new(webhook_url: Option<String>, request_timeout: Duration) -> Self {
        let request_timeout = request_timeout.max(Duration::from_millis(100));
        Self {
            webhook_url,
            api_bound: request_timeout.min(Duration::from_secs(20)),
            step_timeout: request_timeout.min(Duration::from_secs(5)),
            probes: 3,
            slow_webhook: Duration::from_millis(250),
        }
    }
}

/// Runs every check in order against the channel of `settings` (through `client`, which is
/// `None` when there is no key or the base URL is unusable) and returns the results. Never
/// fails and never hangs: a broken channel is a report with failed checks.
pub async fn run_checks(
    ctx: &Context,
    settings: &Settings,
    client: Option<&Client>,
    options: &CheckOptions,
) -> CheckReport {
    use names::*;
    let step = options.step_timeout;
    let mut runner = Runner::new(options.api_bound);
    runner.run(CONFIG, &[], config::check(settings, client)).await;
    let base = api::check_base_url(&settings.base_url.value).ok();
    let reach_bound = step * 4 + Duration::from_secs(1);
    runner.run_bounded(REACHABILITY, &[], reach_bound, reachability::check(base.clone(), step)).await;

    let mut registered: Option<Webhook> = None;
    if let Some(client) = client {
        let needs = [CONFIG, REACHABILITY];
        runner.run(AUTH, &needs, api_checks::auth(client, &mut registered)).await;
        runner.run(HEALTH, &[AUTH], api_checks::health(client)).await;
        let expected = options.webhook_url.as_deref();
        runner
            .run(WEBHOOK_REGISTERED, &[AUTH], api_checks::webhook_registered(registered.as_ref(), expected))
            .await;
    } else {
        for name in [AUTH, HEALTH, WEBHOOK_REGISTERED] {
            runner.skip(name, "skipped: config failed");
        }
    }

    let registered_url = registered.as_ref().and_then(|w| w.url.clone()).filter(|u| !u.trim().is_empty());
    let (target, url_needs): (Option<String>, &[&str]) = match &options.webhook_url {
        Some(url) => (Some(url.clone()), &[]),
        None => (registered_url.clone(), &[WEBHOOK_REGISTERED]),
    };
    let local_channel = base.as_ref().is_some_and(api::is_loopback);
    runner.run(WEBHOOK_URL, url_needs, webhook_checks::url(target.as_deref(), local_channel)).await;
    // The registered headers go with the probe when it targets the registered URL, so that a
    // receiver requiring them (`webhook listen --require-header`) accepts it.
    let headers = match (&registered, &target) {
        (Some(hook), Some(target))
            if registered_url.as_deref().is_some_and(|r| rules::same_url(r, target)) =>
        {
            hook.headers.clone()
        }
        _ => Default::default(),
    };
    let probe_bound = step * u32::try_from(options.probes.max(1)).unwrap_or(3) + Duration::from_secs(1);
    let probe = webhook_checks::reachable(target.as_deref(), &headers, options);
    runner.run_bounded(WEBHOOK_REACHABLE, &[WEBHOOK_URL], probe_bound, probe).await;

    match client {
        Some(client) => {
            runner.run(TEMPLATES, &[AUTH], api_checks::templates(client)).await;
        }
        None => runner.skip(TEMPLATES, "skipped: config failed"),
    }
    let report = CheckReport::new(runner.finish());
    for check in &report.checks {
        ctx.out.debug(
            1,
            &format!(
                "check {}: {} ({} ms) {}",
                check.name,
                check.status.name(),
                check.elapsed_ms,
                check.detail
            ),
        );
    }
    report
}
