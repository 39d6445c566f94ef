//! The client against servers that lie or attack, each a small hostile server this test starts on
//! loopback with the profile's base URL pointed at it: redirects are errors naming their target,
//! which receives nothing (a POST is never turned into a GET); a proxy in the environment gets
//! nothing for a loopback base URL; a base URL's password, the webhook header secret and secrets
//! given as `@FILE` or `env:VAR` never reach the output at any verbosity; loose config permissions
//! are reported and fixed; lying listing envelopes and endless bodies end at the binary's own caps
//! with the cap named; a 2xx that is not the success shape exits non-zero.

mod common;
mod hostile;

use common::listen::Listening;
use common::{EMULATOR_KEY, Run, TestEnv, dead_port, http_with_headers, mode};
use hostile::{Hostile, Received, Reply, page};
use serde_json::Value;
use whatsapp_ctl::api::{MAX_BODY_BYTES, MAX_LIST_BYTES, MAX_LIST_ITEMS, MAX_PAGE_REQUESTS};

/// The key the hostile servers are given (long enough for the suite's leak scan to look for it).
const KEY: &str = "hostile-test-key-93c1e5a7";
const PHONE: &str = "+4915112345678";

/// `whatsapp-ctl --base-url BASE ARGS` with the key in the environment.
fn ctl(env: &TestEnv, base: &str, args: &[&str]) -> Run {
    ctl_with(env, base, args, &[])
}

fn ctl_with(env: &TestEnv, base: &str, args: &[&str], envs: &[(&str, &str)]) -> Run {
    let mut all = vec!["--base-url", base];
    all.extend_from_slice(args);
    let mut vars = vec![("WHATSAPP_CTL_TOKEN", KEY)];
    vars.extend_from_slice(envs);
    env.run(&all, &vars)
}

/// Asserts that `secret` appears in neither stream of `run`.
fn assert_hidden(secret: &str, what: &str, run: &Run) {
    assert!(
        !run.stdout.contains(secret) && !run.stderr.contains(secret),
        "{what} shows the secret {secret:?}: {run:#?}"
    );
}

/// Whether the error on stderr says what to do next (human `hint:` or the JSON error's `hint`).
fn has_hint(run: &Run) -> bool {
    run.stderr.contains("hint: ") || run.stderr.contains("\"hint\":\"")
}

/// A loopback port whose server accepts every connection and closes it at once: TCP works,
/// HTTP does not.
fn hang_up_server() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            drop(stream);
        }
    });
    port
}

/// The listing query offset of a request (0 when absent).
fn offset(request: &Received) -> usize {
    request.query("offset").and_then(|o| o.parse().ok()).unwrap_or(0)
}

// --- the key stays home --------------------------------------------------------------------------

#[test]
fn a_redirect_is_an_error_naming_its_target_which_receives_nothing() {
    let env = TestEnv::new("redirect");
    for status in [302, 307] {
        let target = Hostile::start(|_| Reply::json(200, r#"{"messages":[{"id":"wamid.stolen"}]}"#));
        let location = format!("{}/stolen", target.base_url);
        let moved = location.clone();
        let api = Hostile::start(move |_| Reply::redirect(status, &moved));

        let list = ctl(&env, &api.base_url, &["templates", "list"]).expect_code(1);
        let send = ctl(&env, &api.base_url, &["send", "text", "--to", PHONE, "hello"]).expect_code(1);
        for (what, run) in [("GET (templates list)", &list), ("POST (send text)", &send)] {
            assert!(
                run.stderr.contains(&format!("HTTP {status} redirecting to {location}")),
                "{what} must name where the {status} pointed: {run:#?}"
            );
            assert!(run.stderr.contains("not followed"), "{what}: {}", run.stderr);
            assert!(has_hint(run), "{what} says what to do next: {}", run.stderr);
            assert!(!run.stdout.contains("Sent"), "{what}: {}", run.stdout);
        }
        // One request each (a redirect is not retried), with the method it was sent with: the
        // POST was never turned into a GET, and the target received nothing at all.
        let methods: Vec<String> = api.received().iter().map(|r| r.method.clone()).collect();
        assert_eq!(methods, ["GET", "POST"], "HTTP {status}");
        assert!(
            api.received().iter().all(|r| r.headers.iter().any(|(n, v)| n == "d360-api-key" && v == KEY))
        );
        // Nor do the checks follow it (the reachability probe reports the status instead).
        let check = ctl(&env, &api.base_url, &["channel", "check", "--json"]).expect_code(1);
        let checks = check.json()["checks"].clone();
        let reachable = checks.as_array().and_then(|c| c.iter().find(|c| c["name"] == "reachability"));
        let detail = reachable.map(|c| c["detail"].to_string()).unwrap_or_default();
        assert!(detail.contains(&format!("HTTP {status}")), "{checks:#}");
        assert!(target.received().is_empty(), "HTTP {status}: the target got {:#?}", target.received());
    }
}

#[test]
fn a_proxy_in_the_environment_receives_nothing_for_a_loopback_base_url() {
    let env = TestEnv::new("proxy");
    let proxy = Hostile::start(|_| Reply::json(200, &page(0, 1, 1)));
    let api = Hostile::start(|_| Reply::json(200, &page(0, 2, 2)));
    let proxies: Vec<(&str, &str)> =
        ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"]
            .into_iter()
            .map(|name| (name, proxy.base_url.as_str()))
            .collect();
    let run = ctl_with(&env, &api.base_url, &["templates", "list", "--json"], &proxies).expect_code(0);
    assert_eq!(run.json().as_array().map(Vec::len), Some(2), "the API answered directly: {run:#?}");
    let via_localhost = api.base_url.replace("127.0.0.1", "localhost");
    ctl_with(&env, &via_localhost, &["templates", "list", "--json"], &proxies).expect_code(0);
    assert_eq!(api.received().len(), 2);
    // The checks' own clients (reachability, webhook probes) skip it for loopback too.
    let hook = Hostile::start(|_| Reply::json(200, "{}"));
    let check = ["channel", "check", "--json", "--webhook-url", &hook.base_url];
    ctl_with(&env, &api.base_url, &check, &proxies);
    assert!(api.received().len() > 2, "the checks reached the API directly");
    assert!(!hook.received().is_empty(), "the webhook probes reached the hook directly");
    assert!(proxy.received().is_empty(), "the proxy got {:#?}", proxy.received());
}

#[test]
fn a_password_in_the_base_url_is_never_shown_at_any_verbosity() {
    const PASSWORD: &str = "pw-in-url-4f8e2b61";
    let env = TestEnv::new("userinfo");
    let api = Hostile::start(|r| match r.path() {
        p if p.starts_with("/moved") => Reply::redirect(302, "http://admin:pw-in-url-4f8e2b61@127.0.0.1:1/x"),
        p if p.starts_with("/broken") => Reply::json(500, r#"{"error":{"code":1,"message":"boom"}}"#),
        "/v1/configs/webhook" => Reply::json(200, r#"{"url":null}"#),
        _ => Reply::json(200, &page(0, 2, 2)),
    });
    let port = api.base_url.rsplit(':').next().expect("port").to_owned();
    let base = format!("http://admin:{PASSWORD}@127.0.0.1:{port}");
    let dead = format!("http://admin:{PASSWORD}@127.0.0.1:{}", dead_port());
    let hangs_up = format!("http://admin:{PASSWORD}@127.0.0.1:{}", hang_up_server());
    let runs = [
        ("templates list -v", ctl(&env, &base, &["-v", "templates", "list"]).expect_code(0)),
        ("templates list -vv", ctl(&env, &base, &["-vv", "templates", "list"]).expect_code(0)),
        (
            "templates list --json -vv",
            ctl(&env, &base, &["-vv", "--json", "templates", "list"]).expect_code(0),
        ),
        ("redirect -vv", ctl(&env, &format!("{base}/moved"), &["-vv", "templates", "list"]).expect_code(1)),
        (
            "HTTP 500 -vv",
            ctl(&env, &format!("{base}/broken"), &["-vv", "--retries", "0", "templates", "list"])
                .expect_code(1),
        ),
        ("unreachable -vv", ctl(&env, &dead, &["-vv", "--retries", "0", "templates", "list"]).expect_code(5)),
        (
            "bad base URL",
            ctl(&env, &format!("http://admin:{PASSWORD}@[::1"), &["templates", "list"]).expect_code(3),
        ),
        (
            "auth login -vv",
            env.run_with_stdin(&["-vv", "auth", "login", "--token-stdin", "--base-url", &base], KEY, &[])
                .expect_code(0),
        ),
        ("auth status -vv", env.run(&["-vv", "auth", "status"], &[]).expect_code(0)),
        ("auth status --json", env.run(&["auth", "status", "--json"], &[]).expect_code(0)),
        ("profiles list -vv", env.run(&["-vv", "profiles", "list"], &[]).expect_code(0)),
        ("channel webhook -vv", env.run(&["-vv", "channel", "webhook"], &[]).expect_code(0)),
        ("channel check -vv", env.run(&["-vv", "channel", "check"], &[])),
        ("channel check, hung up on", ctl(&env, &hangs_up, &["-vv", "--retries", "0", "channel", "check"])),
    ];
    for (what, run) in &runs {
        assert_hidden(PASSWORD, what, run);
    }
    // The URL is still shown, with its credentials masked: the scan above looks at real URLs.
    let status = env.run(&["auth", "status", "--json"], &[]).json();
    assert_eq!(status["base_url"], format!("http://redacted@127.0.0.1:{port}/"), "{status}");
    assert!(runs[1].1.stderr.contains(&format!("redacted@127.0.0.1:{port}")), "{}", runs[1].1.stderr);
    // The stored profile keeps the URL as given (it is the user's own), in config.toml (0600).
    assert!(env.read_config("config.toml").expect("config.toml").contains(PASSWORD));
    assert_eq!(mode(&env.config_dir().join("config.toml")), 0o600);
}

#[test]
fn the_webhook_header_secret_at_vv_is_masked_and_may_come_from_a_file_or_the_environment() {
    const SECRET: &str = "hook-secret-from-file-7d2c";
    const ENV_SECRET: &str = "hook-secret-from-env-91ab";
    let env = TestEnv::new("hooksecret");
    let emu = env.emulator(&[]);
    let hook = Hostile::start(|_| Reply::json(200, "{}"));
    let file = env.root.join("hook-secret");
    std::fs::write(&file, format!("{SECRET}\n")).expect("secret file");
    let from_file = format!("X-Hook-Secret=@{}", file.display());
    let envs = [("WHATSAPP_CTL_TOKEN", EMULATOR_KEY), ("HOOK_SECRET", ENV_SECRET)];
    // `channel activate` registering `hook` with the header `header`, then `more` flags.
    let activate_with = |header: &str, more: &[&str]| {
        let mut args =
            vec!["--base-url", &emu.base_url, "channel", "activate", "--webhook-url", &hook.base_url];
        args.extend(["--header", header]);
        args.extend_from_slice(more);
        env.run(&args, &envs)
    };
    for (header, secret) in [(from_file.as_str(), SECRET), ("X-Hook-Secret=env:HOOK_SECRET", ENV_SECRET)] {
        emu.clear_requests();
        let activate = activate_with(header, &["-vv"]);
        assert_eq!(activate.code, 0, "{activate:#?}");
        assert_hidden(secret, "channel activate -vv", &activate);
        assert!(activate.stderr.contains("(redacted)"), "-vv shows the bodies, masked: {}", activate.stderr);
        // The value was read from its source: the API and the webhook's probes got it.
        let registered = emu.requests()[0]["body"]["headers"]["X-Hook-Secret"].clone();
        assert_eq!(registered, secret);
        assert!(
            hook.received()
                .iter()
                .any(|r| r.headers.iter().any(|(n, v)| n == "x-hook-secret" && v == secret))
        );
        let shown =
            env.run(&["--base-url", &emu.base_url, "-vv", "channel", "webhook"], &envs).expect_code(0);
        assert_hidden(secret, "channel webhook -vv", &shown);
    }
    let literal = activate_with("X-Hook-Secret=literal-secret-55aa", &["-vv"]);
    assert_hidden("literal-secret-55aa", "channel activate -vv (literal)", &literal);
    let refused = activate_with("X-Hook-Secret=env:NOT_SET_ANYWHERE", &[]).expect_code(3);
    assert!(refused.stderr.contains("NOT_SET_ANYWHERE"), "names the variable: {}", refused.stderr);
}

#[test]
fn a_webhook_answer_too_large_to_mask_is_not_shown_at_vv() {
    const SECRET: &str = "padded-answer-secret-0e7b";
    let env = TestEnv::new("bighook");
    let pad = "x".repeat(1024 * 1024);
    let body = format!(
        r#"{{"url":"https://hooks.example.com/wa","headers":{{"X-Secret":"{SECRET}"}},"pad":"{pad}"}}"#
    );
    let api = Hostile::start(move |_| Reply::json(200, &body));
    let run = ctl(&env, &api.base_url, &["-vv", "channel", "webhook"]).expect_code(0);
    assert_hidden(SECRET, "channel webhook -vv", &run);
    assert!(run.stderr.contains("too large to mask"), "{}", run.stderr);
    assert!(run.stdout.contains("https://hooks.example.com/wa"), "{}", run.stdout);
}

#[test]
fn listen_takes_required_secrets_from_a_file_and_the_environment_and_never_shows_them() {
    const FILE_SECRET: &str = "listen-file-secret-3e9f";
    const ENV_SECRET: &str = "listen-env-secret-c4d1";
    let env = TestEnv::new("listensecret");
    let file = env.root.join("secret");
    std::fs::write(&file, format!("{FILE_SECRET}\n")).expect("secret file");
    let from_file = format!("X-File-Secret=@{}", file.display());
    let args = ["--require-header", &from_file, "--require-header", "X-Env-Secret=env:LISTEN_SECRET"];
    let mut all = vec!["-vv"];
    all.extend_from_slice(&args);
    let listening = Listening::start(&env, &all, &[("LISTEN_SECRET", ENV_SECRET)]);
    // The process holds secrets: it never dumps core.
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", listening.child.id())).expect("limits");
    let core = limits.lines().find(|l| l.starts_with("Max core file size")).expect("core line");
    assert!(core.split_whitespace().skip(4).take(2).all(|v| v == "0"), "{core}");

    let payload = std::fs::read_to_string(format!(
        "{}/tests/fixtures/webhooks/cloud_text.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let url = listening.url.clone();
    let post = |headers: &[(&str, &str)]| http_with_headers("POST", &url, Some(&payload), headers).0;
    let both = [("X-File-Secret", FILE_SECRET), ("X-Env-Secret", ENV_SECRET)];
    assert_eq!(post(&both), 200);
    assert_eq!(post(&[("X-File-Secret", FILE_SECRET), ("X-Env-Secret", "wrong")]), 403);
    assert_eq!(post(&[("X-Env-Secret", ENV_SECRET)]), 401);
    assert_eq!(post(&[("X-File-Secret", "@secret"), ("X-Env-Secret", "env:LISTEN_SECRET")]), 403);
    let (code, stdout, stderr) = listening.interrupt();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("has the wrong value (HTTP 403)"), "the refusals are reported: {stderr}");
    assert_eq!(stdout.lines().count(), 1, "only the accepted request prints: {stdout}");
    for secret in [FILE_SECRET, ENV_SECRET] {
        assert!(!stdout.contains(secret) && !stderr.contains(secret), "{secret}: {stdout}\n{stderr}");
    }

    let unreadable = format!("X-File-Secret=@{}/missing", env.root.display());
    let run =
        env.run(&["webhook", "listen", "--port", "0", "--require-header", &unreadable], &[]).expect_code(3);
    assert!(run.stderr.contains("missing") && run.stderr.contains("X-File-Secret"), "{}", run.stderr);
}

#[test]
fn loose_config_permissions_are_reported_and_fixed_on_the_next_command() {
    let env = TestEnv::new("modes");
    env.run_with_stdin(
        &["auth", "login", "--token-stdin", "--no-verify", "--base-url", "http://127.0.0.1:9"],
        KEY,
        &[],
    )
    .expect_code(0);
    let dir = env.config_dir();
    let credentials = dir.join("credentials.toml");
    assert_eq!((mode(&dir), mode(&credentials)), (0o700, 0o600));
    let chmod = |path: &std::path::Path, bits: u32| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).expect("chmod");
    };
    let config = dir.join("config.toml");
    chmod(&credentials, 0o644);
    chmod(&config, 0o666);
    chmod(&dir, 0o777);
    let status = env.run(&["profiles", "list"], &[]).expect_code(0);
    assert!(
        status.stderr.contains(&format!("the config folder {} had mode 0777", dir.display()))
            && status.stderr.contains("it is now 0755"),
        "{}",
        status.stderr
    );
    assert!(
        status.stderr.contains(&format!("credentials.toml {} had mode 0644", credentials.display()))
            && status.stderr.contains("it is now 0600"),
        "{}",
        status.stderr
    );
    assert!(
        status.stderr.contains(&format!("config.toml {} had mode 0666", config.display()))
            && status.stderr.contains("it is now 0644"),
        "{}",
        status.stderr
    );
    assert_eq!((mode(&dir), mode(&credentials), mode(&config)), (0o755, 0o600, 0o644));
    let again = env.run(&["profiles", "list"], &[]).expect_code(0);
    assert!(!again.stderr.contains("had mode"), "fixed once, reported once: {}", again.stderr);
    chmod(&credentials, 0o640);
    let json = env.run(&["profiles", "list", "--json"], &[]).expect_code(0);
    assert!(json.stderr.contains("had mode 0640"), "{}", json.stderr);
    json.json();
    assert_eq!(mode(&credentials), 0o600);
}

// --- a server is not trusted blindly ---------------------------------------------------------------

/// Runs `templates list --json` against `api` and checks the failure: exit 1, stdout empty, the
/// reason on stderr, and at most `max_requests` requests made.
fn lying_listing(api: &Hostile, reason: &str, max_requests: usize) {
    let env = TestEnv::new("lying");
    for args in [&["templates", "list", "--json"][..], &["templates", "list"][..]] {
        let run = ctl(&env, &api.base_url, args).expect_code(1);
        assert!(run.stdout.is_empty(), "{run:#?}");
        assert!(run.stderr.contains("cannot be trusted") && run.stderr.contains(reason), "{run:#?}");
        assert!(has_hint(&run), "{run:#?}");
    }
    let made = api.received().len();
    assert!(made <= 2 * max_requests, "{made} requests for two listings");
}

#[test]
fn a_listing_claiming_a_trillion_templates_with_empty_pages_stops_at_the_cap() {
    let api = Hostile::start(|r| Reply::json(200, &page(offset(r), 0, 1_000_000_000_000)));
    let cap = format!("claims 1000000000000 templates, more than the {MAX_LIST_ITEMS}");
    lying_listing(&api, &cap, 1);
}

#[test]
fn a_listing_claiming_a_trillion_templates_with_full_pages_stops_at_the_cap() {
    let api = Hostile::start(|r| Reply::json(200, &page(offset(r), 1000, 1_000_000_000_000)));
    let cap = format!("more than the {MAX_LIST_ITEMS} a listing fetches");
    lying_listing(&api, &cap, 1);
}

#[test]
fn a_listing_that_ignores_offset_ends_with_an_error_not_duplicates() {
    let api = Hostile::start(|_| Reply::json(200, &page(0, 100, 50_000)));
    lying_listing(&api, "the page at offset 100 repeats a template already listed", 10);
}

#[test]
fn a_listing_whose_page_repeats_an_earlier_one_ends_with_an_error() {
    let api = Hostile::start(|r| {
        let from = match offset(r) {
            2000 => 1000,
            other => other,
        };
        Reply::json(200, &page(from, 1000, 5000))
    });
    lying_listing(&api, "the page at offset 2000 repeats a template already listed (item 2000)", 5);
}

#[test]
fn a_listing_in_tiny_pages_ends_at_the_request_cap() {
    // One template a page, whatever the limit asked: 5,000 would take 5,000 requests.
    let api = Hostile::start(|r| Reply::json(200, &page(offset(r), 1, 5000)));
    lying_listing(&api, &format!("more than the {MAX_PAGE_REQUESTS} a listing makes"), 1);
}

#[test]
fn a_listing_whose_later_pages_shrink_to_one_template_ends_at_the_request_cap() {
    let api = Hostile::start(|r| match offset(r) {
        0 => Reply::json(200, &page(0, 1000, 5000)),
        from => Reply::json(200, &page(from, 1, 5000)),
    });
    let env = TestEnv::new("shrinking");
    let run = ctl(&env, &api.base_url, &["templates", "list", "--json"]).expect_code(1);
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert!(run.stderr.contains(&format!("more than {MAX_PAGE_REQUESTS} page requests")), "{run:#?}");
    assert!(api.received().len() <= MAX_PAGE_REQUESTS + 4, "{} requests", api.received().len());
}

#[test]
fn a_listing_of_fat_templates_ends_at_the_byte_cap() {
    // Under the item cap and every body under the body cap, but 30 MB a page adds up.
    let fat = std::sync::Arc::new("x".repeat(30 * 1000));
    let api = Hostile::start(move |r| {
        let from = offset(r);
        let items: Vec<String> = (from..from + 1000)
            .map(|n| {
                format!(r#"{{"id":"{n}","name":"t{n}","language":"en","status":"approved","pad":"{fat}"}}"#)
            })
            .collect();
        let body = format!(
            r#"{{"count":1000,"offset":{from},"total":99000,"waba_templates":[{}]}}"#,
            items.join(",")
        );
        Reply::json(200, &body)
    });
    let env = TestEnv::new("fat");
    let run = ctl(&env, &api.base_url, &["templates", "list", "--json"]).expect_code(1);
    assert!(run.stdout.is_empty(), "{run:#?}");
    let limit = format!("add up to more than {} MiB", MAX_LIST_BYTES / (1024 * 1024));
    assert!(run.stderr.contains(&limit), "{run:#?}");
    let pages = MAX_LIST_BYTES / (30 * 1000 * 1000) + 1;
    assert!(api.received().len() <= pages + 4, "{} requests", api.received().len());
}

#[test]
fn an_endless_body_stops_at_the_cap_with_the_limit_named() {
    let env = TestEnv::new("endless");
    let api = Hostile::start(|_| Reply::Endless(2 * MAX_BODY_BYTES));
    let limit = format!("larger than {} MiB", MAX_BODY_BYTES / (1024 * 1024));
    for args in [
        &["templates", "list", "--json"][..],
        &["channel", "webhook"][..],
        &["send", "text", "--to", PHONE, "hi"][..],
    ] {
        let run = ctl(&env, &api.base_url, args).expect_code(1);
        assert!(run.stderr.contains(&limit), "{args:?}: {run:#?}");
        assert!(has_hint(&run), "{run:#?}");
    }
    assert_eq!(api.received().len(), 3, "a body over the cap is not asked for again");
}

#[test]
fn a_body_that_trickles_forever_ends_at_the_timeout() {
    let env = TestEnv::new("trickle");
    let api = Hostile::start(|_| Reply::Trickle);
    let args = ["--timeout", "1", "--retries", "1", "templates", "list", "--json"];
    let run = ctl(&env, &api.base_url, &args).expect_code(5);
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert!(run.stderr.contains("(2 attempts): timed out"), "{run:#?}");
    assert_eq!(api.received().len(), 2, "one retry, as asked");
}

#[test]
fn a_200_carrying_an_error_object_is_a_failure() {
    let env = TestEnv::new("200error");
    let body = r#"{"error":{"code":131000,"message":"Something went wrong upstream"}}"#;
    let api = Hostile::start(move |_| Reply::json(200, body));
    for args in
        [&["templates", "list"][..], &["send", "text", "--to", PHONE, "hi"][..], &["channel", "webhook"][..]]
    {
        let run = ctl(&env, &api.base_url, args).expect_code(1);
        assert!(run.stderr.contains("Something went wrong upstream"), "{args:?}: {run:#?}");
        assert!(!run.stdout.contains("Sent"), "{run:#?}");
    }
    let json = ctl(&env, &api.base_url, &["--json", "send", "text", "--to", PHONE, "hi"]).expect_code(1);
    assert!(json.stdout.is_empty(), "{json:#?}");
    let error: Value = serde_json::from_str(json.stderr.trim()).expect("JSON error");
    assert_eq!(error["error"]["code"], 131000);
}

#[test]
fn a_200_carrying_on_premise_errors_is_a_failure() {
    let env = TestEnv::new("200errors");
    let body = r#"{"errors":[{"code":1005,"title":"Access denied","details":"Relogin required"}],"meta":{"api_status":"stable"}}"#;
    let api = Hostile::start(move |_| Reply::json(200, body));
    for args in [&["templates", "list"][..], &["send", "text", "--to", PHONE, "hi"][..]] {
        let run = ctl(&env, &api.base_url, args);
        assert_ne!(run.code, 0, "{args:?}: {run:#?}");
        assert!(run.stderr.contains("Access denied"), "{args:?}: {run:#?}");
        assert!(!run.stdout.contains("Sent") && !run.stderr.contains("No templates match"), "{run:#?}");
    }
}

#[test]
fn a_listing_answer_without_templates_is_not_an_empty_listing() {
    let env = TestEnv::new("notalist");
    for body in ["{}", r#"{"status":"ok"}"#, r#"{"count":0,"total":0}"#, r#"{"waba_templates":null}"#] {
        let api = Hostile::start(move |_| Reply::json(200, body));
        let run = ctl(&env, &api.base_url, &["templates", "list"]).expect_code(1);
        assert!(run.stderr.contains("waba_templates") && has_hint(&run), "{body}: {run:#?}");
        assert!(!run.stderr.contains("No templates match"), "{body}: {run:#?}");
        let json = ctl(&env, &api.base_url, &["templates", "list", "--json"]).expect_code(1);
        assert!(json.stdout.is_empty(), "{body}: {json:#?}");
    }
}

#[test]
fn a_send_answer_without_a_message_id_is_a_failure() {
    let env = TestEnv::new("noid");
    for body in [
        "{}",
        r#"{"messages":[]}"#,
        r#"{"messages":[{"id":" "}]}"#,
        r#"{"contacts":[{"wa_id":"4915112345678"}]}"#,
    ] {
        let api = Hostile::start(move |_| Reply::json(200, body));
        let run = ctl(&env, &api.base_url, &["send", "text", "--to", PHONE, "hello"]);
        assert_eq!(run.code, 1, "{body}: {run:#?}");
        assert!(run.stderr.contains("no message id"), "{body}: {run:#?}");
        assert!(run.stderr.contains("may or may not have been delivered"), "{body}: {run:#?}");
        assert!(has_hint(&run), "{body}: {run:#?}");
        assert!(!run.stdout.contains("Sent"), "{body}: {run:#?}");
        assert_eq!(api.received().len(), 1, "{body}: an ambiguous send is not repeated");
    }
}

#[test]
fn a_create_answer_that_is_not_a_template_is_not_submitted() {
    let env = TestEnv::new("notcreated");
    let file = format!("{}/examples/templates/order_update.json", env!("CARGO_MANIFEST_DIR"));
    for body in ["{}", r#"{"status":"ok"}"#, r#"{"success":true}"#] {
        let api = Hostile::start(move |r| match r.method.as_str() {
            "POST" => Reply::json(200, body),
            _ => Reply::json(200, &page(0, 0, 0)),
        });
        let run = ctl(&env, &api.base_url, &["templates", "submit", "--json", &file]);
        assert_ne!(run.code, 0, "{body}: {run:#?}");
        let rows = run.json();
        assert_eq!(rows[0]["ok"], false, "{body}: {rows:#}");
        assert!(rows.to_string().contains("may or may not have been created"), "{body}: {rows:#}");
        let posts = api.received().iter().filter(|r| r.method == "POST").count();
        assert_eq!(posts, 1, "{body}: not created twice");
    }
}

#[test]
fn a_login_check_answered_by_something_that_is_not_the_api_stores_nothing() {
    let env = TestEnv::new("notapi");
    // (what, status, content type, body)
    let answers = [
        ("an HTML page", 200, "text/html", "<html><body>Welcome to nginx!</body></html>"),
        ("an empty object", 200, "application/json", "{}"),
        ("another JSON service", 200, "application/json", r#"{"status":"ok","version":"1.2"}"#),
        ("an empty body", 204, "application/json", ""),
    ];
    for (what, status, content_type, body) in answers {
        let answer = move || {
            Reply::Full(status, vec![("Content-Type".into(), content_type.into())], body.as_bytes().to_vec())
        };
        let api = Hostile::start(move |_| answer());
        let run =
            env.run_with_stdin(&["auth", "login", "--token-stdin", "--base-url", &api.base_url], KEY, &[]);
        assert_ne!(run.code, 0, "{what}: {run:#?}");
        assert!(run.stderr.contains("could not verify the key"), "{what}: {run:#?}");
        assert!(!run.stdout.contains("verified") && !run.stderr.contains("verified"), "{what}: {run:#?}");
        assert_eq!(env.read_config("credentials.toml"), None, "{what}: nothing stored");
        assert_eq!(api.received().len(), 1, "{what}");
    }
}
