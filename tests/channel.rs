//! `channel check|activate|webhook` end to end against the emulator (and, for the user's own
//! webhook, a tiny loopback server in the test): every check passes on a healthy channel, each
//! failure shows in its own check with exit 1, warnings exit 0 unless `--strict`, and `activate`
//! registers, reads back and remembers the webhook.

mod common;
mod hook_server;

use std::time::Duration;

use common::{EMULATOR_KEY, Emulator, Run, TestEnv, dead_port, http_with_headers};
use hook_server::{HookServer, Reply};
use serde_json::{Value, json};

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);
const ALL: [&str; 8] = [
    "config",
    "reachability",
    "auth",
    "health",
    "webhook-registered",
    "webhook-url",
    "webhook-reachable",
    "templates",
];

/// Runs whatsapp-ctl against `base` with the emulator's key from the environment.
fn ctl(env: &TestEnv, base: &str, args: &[&str]) -> Run {
    let mut full = vec!["--base-url", base];
    full.extend_from_slice(args);
    env.run(&full, &[TOKEN])
}

/// `(name, status)` of every check, in order.
fn statuses(report: &Value) -> Vec<(String, String)> {
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| (c["name"].as_str().unwrap_or("").to_owned(), c["status"].as_str().unwrap_or("").to_owned()))
        .collect()
}

/// The check called `name`.
fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {report}"))
}

/// Every check passes except the ones listed with their status.
fn expect_statuses(report: &Value, except: &[(&str, &str)]) {
    let want: Vec<(String, String)> = ALL
        .iter()
        .map(|name| {
            let status = except.iter().find(|(n, _)| n == name).map_or("pass", |(_, s)| s);
            ((*name).to_owned(), status.to_owned())
        })
        .collect();
    assert_eq!(statuses(report), want, "{report:#}");
}

/// Registers `url` (and headers) directly with the emulator's API.
fn register(emu: &Emulator, url: &str, headers: Value) {
    let body = json!({"url": url, "headers": headers}).to_string();
    let (status, text) = http_with_headers(
        "POST",
        &format!("{}/v1/configs/webhook", emu.base_url),
        Some(&body),
        &[("D360-API-KEY", EMULATOR_KEY)],
    );
    assert_eq!(status, 200, "{text}");
}

/// A channel with an approved template and `hook` registered as its webhook.
fn healthy(env: &TestEnv, hook: &HookServer) -> Emulator {
    let emu = env.emulator(&[]);
    let template = format!("{}/examples/templates/order_update.json", env!("CARGO_MANIFEST_DIR"));
    ctl(env, &emu.base_url, &["templates", "submit", &template]).expect_code(0);
    register(&emu, &hook.url, json!({}));
    emu.clear_requests();
    emu
}

#[test]
fn a_healthy_channel_passes_every_check_even_with_strict() {
    let env = TestEnv::new("healthy");
    let hook = HookServer::ok();
    let emu = healthy(&env, &hook);
    let run =
        ctl(&env, &emu.base_url, &["channel", "check", "--strict", "--json", "--webhook-url", &hook.url])
            .expect_code(0);
    let report = run.json();
    assert_eq!(report["ok"], true);
    expect_statuses(&report, &[]);
    for check in report["checks"].as_array().expect("checks") {
        assert!(check["elapsed_ms"].is_u64(), "{check}");
        assert!(check["detail"].as_str().is_some_and(|d| !d.is_empty()), "{check}");
    }
    assert!(check(&report, "health")["detail"].as_str().unwrap_or("").contains("AVAILABLE"));
    let reach = check(&report, "reachability")["detail"].as_str().unwrap_or("").to_owned();
    assert!(reach.contains("TCP") && reach.contains("HTTP 401"), "{reach}");
    // Three harmless probes with the empty Cloud envelope.
    let probes = hook.requests();
    assert_eq!(probes.len(), 3, "{probes:?}");
    assert!(
        probes
            .iter()
            .all(|p| p.method == "POST" && p.body == r#"{"object":"whatsapp_business_account","entry":[]}"#)
    );
    // The reachability request never carries the key; every API call does.
    let requests = emu.requests();
    let root = requests.iter().find(|r| r["path"] == "/").expect("reachability request");
    assert_eq!(root["api_key"], "missing");
    assert!(requests.iter().filter(|r| r["path"] != "/").all(|r| r["api_key"] == "valid"), "{requests:?}");
    assert!(!run.stdout.contains(EMULATOR_KEY) && !run.stderr.contains(EMULATOR_KEY));

    let human = ctl(&env, &emu.base_url, &["channel", "check"]).expect_code(0);
    for name in ALL {
        assert!(human.stdout.lines().any(|l| l.starts_with("PASS") && l.contains(name)), "{}", human.stdout);
    }
    assert!(human.stdout.contains("channel ok: 8 passed"), "{}", human.stdout);
}

#[test]
fn a_dead_port_cannot_be_reached_and_the_api_checks_are_skipped() {
    let env = TestEnv::new("deadport");
    let base = format!("http://127.0.0.1:{}", dead_port());
    let run = ctl(&env, &base, &["channel", "check", "--json"]).expect_code(1);
    let report = run.json();
    assert_eq!(report["ok"], false);
    expect_statuses(
        &report,
        &[
            ("reachability", "fail"),
            ("auth", "skip"),
            ("health", "skip"),
            ("webhook-registered", "skip"),
            ("webhook-url", "skip"),
            ("webhook-reachable", "skip"),
            ("templates", "skip"),
        ],
    );
    let detail = check(&report, "reachability")["detail"].as_str().unwrap_or("").to_owned();
    assert!(detail.starts_with("Can't reach channel: TCP connect to 127.0.0.1:"), "{detail}");
    assert_eq!(check(&report, "auth")["detail"], "skipped: reachability failed");
    let human = ctl(&env, &base, &["channel", "check"]).expect_code(1);
    assert!(human.stdout.contains("FAIL  reachability"), "{}", human.stdout);
    assert!(human.stdout.contains("channel NOT ok"), "{}", human.stdout);
}

#[test]
fn a_rejected_key_fails_auth_and_skips_what_needs_it() {
    let env = TestEnv::new("badkey");
    let emu = env.emulator(&[]);
    let run = env
        .run(
            &["--base-url", &emu.base_url, "channel", "check", "--json"],
            &[("WHATSAPP_CTL_TOKEN", "wrong-key-0000")],
        )
        .expect_code(1);
    let report = run.json();
    expect_statuses(
        &report,
        &[
            ("auth", "fail"),
            ("health", "skip"),
            ("webhook-registered", "skip"),
            ("webhook-url", "skip"),
            ("webhook-reachable", "skip"),
            ("templates", "skip"),
        ],
    );
    let detail = check(&report, "auth")["detail"].as_str().unwrap_or("").to_owned();
    assert!(detail.contains("the API rejected the key") && detail.contains("HTTP 401"), "{detail}");
    assert!(!run.stdout.contains("wrong-key-0000"));
}

#[test]
fn no_key_fails_config_with_the_login_hint() {
    let env = TestEnv::new("nokeycheck");
    let emu = env.emulator(&[]);
    let report =
        env.run(&["--base-url", &emu.base_url, "channel", "check", "--json"], &[]).expect_code(1).json();
    assert_eq!(check(&report, "config")["status"], "fail");
    assert!(
        check(&report, "config")["detail"].as_str().unwrap_or("").contains("auth login --profile default")
    );
    assert_eq!(check(&report, "reachability")["status"], "pass");
    assert_eq!(check(&report, "auth")["detail"], "skipped: config failed");
}

#[test]
fn a_blocked_number_fails_health_with_the_reasons() {
    let env = TestEnv::new("blocked");
    let hook = HookServer::ok();
    let emu = healthy(&env, &hook);
    emu.settings(json!({"health": "BLOCKED"}));
    let report = ctl(&env, &emu.base_url, &["channel", "check", "--json"]).expect_code(1).json();
    expect_statuses(&report, &[("health", "fail")]);
    let detail = check(&report, "health")["detail"].as_str().unwrap_or("").to_owned();
    assert!(detail.starts_with("BLOCKED") && detail.contains("Account has been locked (131031)"), "{detail}");
}

#[test]
fn a_limited_number_warns_with_exit_0_and_fails_only_with_strict() {
    let env = TestEnv::new("limited");
    let hook = HookServer::ok();
    let emu = healthy(&env, &hook);
    emu.settings(json!({"health": "LIMITED"}));
    let report = ctl(&env, &emu.base_url, &["channel", "check", "--json"]).expect_code(0).json();
    assert_eq!(report["ok"], true);
    expect_statuses(&report, &[("health", "warn")]);
    assert!(check(&report, "health")["detail"].as_str().unwrap_or("").contains("messaging limit"));
    let strict = ctl(&env, &emu.base_url, &["channel", "check", "--json", "--strict"]).expect_code(1).json();
    assert_eq!(strict["ok"], false);
    expect_statuses(&strict, &[("health", "warn")]);
    let human = ctl(&env, &emu.base_url, &["channel", "check", "--strict"]).expect_code(1);
    assert!(human.stdout.contains("WARN  health"), "{}", human.stdout);
    assert!(human.stdout.contains("--strict"), "{}", human.stdout);
}

#[test]
fn no_webhook_fails_webhook_registered() {
    let env = TestEnv::new("nohook");
    let emu = env.emulator(&[]);
    let report = ctl(&env, &emu.base_url, &["channel", "check", "--json"]).expect_code(1).json();
    expect_statuses(
        &report,
        &[
            ("webhook-registered", "fail"),
            ("webhook-url", "skip"),
            ("webhook-reachable", "skip"),
            ("templates", "warn"),
        ],
    );
    assert!(
        check(&report, "webhook-registered")["detail"]
            .as_str()
            .unwrap_or("")
            .contains("no webhook is registered")
    );
    assert!(check(&report, "templates")["detail"].as_str().unwrap_or("").contains("no approved template"));
}

#[test]
fn a_different_webhook_fails_webhook_registered() {
    let env = TestEnv::new("otherhook");
    let hook = HookServer::ok();
    let expected = HookServer::ok();
    let emu = healthy(&env, &hook);
    let report = ctl(&env, &emu.base_url, &["channel", "check", "--json", "--webhook-url", &expected.url])
        .expect_code(1)
        .json();
    expect_statuses(&report, &[("webhook-registered", "fail")]);
    let detail = check(&report, "webhook-registered")["detail"].as_str().unwrap_or("").to_owned();
    assert!(detail.contains(&format!("a different webhook is registered: {}", hook.url)), "{detail}");
    assert!(detail.contains(&format!("expected {}", expected.url)), "{detail}");
    // The expected URL is the one probed.
    assert_eq!(expected.requests().len(), 3);
    assert!(hook.requests().is_empty());
}

#[test]
fn a_webhook_answering_500_fails_webhook_reachable() {
    let env = TestEnv::new("hook500");
    let hook = HookServer::start(|_| Reply::Answer(500, "{}".into()));
    let emu = healthy(&env, &hook);
    let report = ctl(&env, &emu.base_url, &["channel", "check", "--json"]).expect_code(1).json();
    expect_statuses(&report, &[("webhook-reachable", "fail")]);
    assert!(
        check(&report, "webhook-reachable")["detail"].as_str().unwrap_or("").contains("answered HTTP 500")
    );
    assert_eq!(hook.requests().len(), 1, "stops at the first failed probe");
}

#[test]
fn a_webhook_that_never_answers_fails_within_the_timeout() {
    let env = TestEnv::new("hooksilent");
    let hook = HookServer::start(|_| Reply::Never);
    let emu = healthy(&env, &hook);
    let report =
        ctl(&env, &emu.base_url, &["--timeout", "0.5", "channel", "check", "--json"]).expect_code(1).json();
    // One probe, given up at the timeout (named in the detail), not retried.
    assert_eq!(hook.requests().len(), 1, "{:?}", hook.requests());
    expect_statuses(&report, &[("webhook-reachable", "fail")]);
    let detail = check(&report, "webhook-reachable")["detail"].as_str().unwrap_or("").to_owned();
    assert!(detail.contains("did not answer a test POST: no answer within 500 ms"), "{detail}");
}

#[test]
fn a_slow_webhook_warns_with_exit_0_and_fails_only_with_strict() {
    let env = TestEnv::new("hookslow");
    let hook = HookServer::start(|_| Reply::After(Duration::from_millis(300), 200, "{}".into()));
    let emu = healthy(&env, &hook);
    let report = ctl(&env, &emu.base_url, &["channel", "check", "--json"]).expect_code(0).json();
    expect_statuses(&report, &[("webhook-reachable", "warn")]);
    let detail = check(&report, "webhook-reachable")["detail"].as_str().unwrap_or("").to_owned();
    assert!(detail.contains("slowly") && detail.contains("over 3 POSTs"), "{detail}");
    ctl(&env, &emu.base_url, &["channel", "check", "--json", "--strict"]).expect_code(1);
}

#[test]
fn activate_round_trips_the_webhook_and_its_headers_and_remembers_it() {
    let env = TestEnv::new("activate");
    let hook = HookServer::ok();
    let emu = env.emulator(&[]);
    let secret = "s3cr3t-token-4242";
    let header = format!("X-Webhook-Secret={secret}");
    let run = ctl(
        &env,
        &emu.base_url,
        &["channel", "activate", "--json", "--webhook-url", &hook.url, "--header", &header],
    )
    .expect_code(0);
    let report = run.json();
    assert_eq!(report["ok"], true);
    assert_eq!(report["webhook"], json!({"url": hook.url, "headers": {"X-Webhook-Secret": "…4242"}}));
    assert_eq!(report["profile"], "default");
    expect_statuses(&report, &[("templates", "warn")]);
    assert!(!run.stdout.contains(secret) && !run.stderr.contains(secret));
    // POST with url and headers, then the read-back GET.
    let requests = emu.requests();
    assert_eq!(requests[0]["method"], "POST");
    assert_eq!(requests[0]["path"], "/v1/configs/webhook");
    assert_eq!(requests[0]["body"], json!({"url": hook.url, "headers": {"X-Webhook-Secret": secret}}));
    assert_eq!(
        (requests[1]["method"].as_str(), requests[1]["path"].as_str()),
        (Some("GET"), Some("/v1/configs/webhook"))
    );
    // The probes carry the registered header, as 360dialog's deliveries would.
    assert!(hook.requests().iter().all(|r| r.header("x-webhook-secret") == Some(secret)));
    let config = env.read_config("config.toml").expect("config.toml");
    assert!(config.contains(&format!("webhook_url = \"{}\"", hook.url)), "{config}");

    let shown = ctl(&env, &emu.base_url, &["channel", "webhook", "--json"]).expect_code(0).json();
    assert_eq!(shown, json!({"url": hook.url, "headers": {"X-Webhook-Secret": "…4242"}}));
    let human = ctl(&env, &emu.base_url, &["channel", "webhook"]).expect_code(0);
    assert!(human.stdout.contains(&hook.url) && human.stdout.contains("…4242"), "{}", human.stdout);
    assert!(!human.stdout.contains(secret));
    // With --strict the template warning fails the run; the webhook stays registered.
    ctl(&env, &emu.base_url, &["channel", "activate", "--strict", "--webhook-url", &hook.url]).expect_code(1);
}

#[test]
fn activate_refuses_invalid_urls_and_headers_without_a_request() {
    let env = TestEnv::new("activatebad");
    let emu = env.emulator(&[]);
    let cases: [(&[&str], &str); 7] = [
        (&["--webhook-url", "http://hooks.example.com/wa"], "only to https://"),
        (&["--webhook-url", "https://hooks.example.com:8443/wa"], "names a port (:8443)"),
        (&["--webhook-url", "https://my_hooks.example.com/wa"], "contains '_'"),
        (&["--webhook-url", "hooks.example.com/wa"], "not an absolute URL"),
        (&["--webhook-url", ""], "the webhook URL is empty"),
        (&["--webhook-url", "https://hooks.example.com/wa", "--header", "X-Secret"], "is not NAME=VALUE"),
        (&["--webhook-url", "https://hooks.example.com/wa", "--header", "X_Secret=1"], "contains '_'"),
    ];
    for (extra, message) in cases {
        let mut args = vec!["channel", "activate"];
        args.extend_from_slice(extra);
        let run = ctl(&env, &emu.base_url, &args).expect_code(3);
        assert!(run.stderr.contains(message), "{extra:?}: {}", run.stderr);
        assert!(run.stderr.contains("nothing was sent"), "{extra:?}: {}", run.stderr);
    }
    assert!(emu.requests().is_empty(), "{:?}", emu.requests());
    assert!(env.read_config("config.toml").is_none());
}

#[test]
fn activate_says_couldnt_register_when_the_api_refuses() {
    let env = TestEnv::new("activate500");
    let hook = HookServer::ok();
    let emu = env.emulator(&[]);
    emu.fail_next(json!([{"status": 500}]));
    let run = ctl(&env, &emu.base_url, &["channel", "activate", "--webhook-url", &hook.url]).expect_code(1);
    assert!(run.stderr.contains("error: Couldn't register the webhook"), "{}", run.stderr);
    assert_eq!(emu.requests().len(), 1, "a POST is not retried after a 500");
    assert!(env.read_config("config.toml").is_none());
}

#[test]
fn activate_says_couldnt_register_when_the_read_back_differs() {
    let env = TestEnv::new("activatediff");
    let api = HookServer::start(|request| match request.method.as_str() {
        "POST" => Reply::Answer(200, request.body.clone()),
        _ => Reply::Answer(200, r#"{"url":"https://other.example/wa","headers":{}}"#.into()),
    });
    let run = ctl(
        &env,
        &api.base_url,
        &[
            "channel",
            "activate",
            "--json",
            "--webhook-url",
            "https://hooks.example.com/wa",
            "--header",
            "X-Secret=abcdefghijk",
        ],
    )
    .expect_code(1);
    assert!(run.stdout.is_empty());
    let error: Value = serde_json::from_str(run.stderr.trim()).expect("JSON error");
    assert!(error["error"]["message"].as_str().unwrap_or("").starts_with("Couldn't register the webhook"));
    let causes = error["error"]["causes"].to_string();
    assert!(
        causes.contains("360dialog reports https://other.example/wa, not https://hooks.example.com/wa"),
        "{causes}"
    );
    assert!(causes.contains("header X-Secret is missing"), "{causes}");
    assert!(env.read_config("config.toml").is_none());
    let methods: Vec<String> = api.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
    assert_eq!(methods, ["POST /v1/configs/webhook", "GET /v1/configs/webhook"]);
}

#[test]
fn activate_keeps_the_webhook_when_a_check_fails_and_exits_1() {
    let env = TestEnv::new("activatedead");
    let emu = env.emulator(&[]);
    let url = format!("http://127.0.0.1:{}/", dead_port());
    let run = ctl(&env, &emu.base_url, &["channel", "activate", "--webhook-url", &url]).expect_code(1);
    assert!(run.stdout.contains(&format!("Webhook registered: {url}")), "{}", run.stdout);
    assert!(run.stdout.contains("FAIL  webhook-reachable"), "{}", run.stdout);
    let shown = ctl(&env, &emu.base_url, &["channel", "webhook", "--json"]).expect_code(0).json();
    assert_eq!(shown["url"], url.as_str());
    assert!(env.read_config("config.toml").expect("stored").contains(&url));
}

#[test]
fn channel_webhook_says_when_none_is_registered() {
    let env = TestEnv::new("showhook");
    let emu = env.emulator(&[]);
    let shown = ctl(&env, &emu.base_url, &["channel", "webhook", "--json"]).expect_code(0).json();
    assert_eq!(shown, json!({"url": null, "headers": {}}));
    let human = ctl(&env, &emu.base_url, &["channel", "webhook"]).expect_code(0);
    assert!(human.stdout.contains("No webhook is registered"), "{}", human.stdout);
}

#[test]
fn an_onpremise_channel_checks_the_gateway_status() {
    let env = TestEnv::new("onprem");
    let hook = HookServer::ok();
    let emu = healthy(&env, &hook);
    env.write_config(
        "config.toml",
        &format!("[profiles.default]\napi = \"onpremise\"\nbase_url = \"{}\"\n", emu.base_url),
    );
    let run = env.run(&["channel", "check", "--json"], &[TOKEN]).expect_code(0);
    let report = run.json();
    expect_statuses(&report, &[]);
    assert_eq!(check(&report, "health")["detail"], "gateway connected");
    assert!(emu.requests().iter().any(|r| r["path"] == "/v1/health"));
    emu.settings(json!({"health": "BLOCKED"}));
    let blocked = env.run(&["channel", "check", "--json"], &[TOKEN]).expect_code(1).json();
    expect_statuses(&blocked, &[("health", "fail")]);
    assert!(check(&blocked, "health")["detail"].as_str().unwrap_or("").starts_with("gateway disconnected"));
}
