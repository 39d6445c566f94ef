//! No secret leaks: every command family, run with `-vv`, with `--json`
//! and on its error paths (rejected key, unreachable server, refused plain-http host, invalid
//! input), with known keys, never prints a secret on stdout or stderr; nor does the emulator
//! (`-vv`) on its stderr or in its request log. The secrets are the channel API key, the partner
//! key, every key the emulator mints (`partner adopt`) and the webhook header values (`channel
//! activate --header`, `webhook listen --require-header`), the latter shown masked (`…1234`) and
//! given as `NAME=@FILE` or `NAME=env:VAR`, never as a process argument. Only `auth token` prints
//! a key (checked too, so the scan is known to see a key). No key is a command-line argument, and
//! keys are stored only in `credentials.toml` (0600, folder 0700). Every other test checks output
//! as well: each `TestEnv::run*` fails on any secret its test knows in the output
//! (tests/common/mod.rs; `the_common_check_sees_every_kind_of_secret` shows it can fail).

mod common;
mod hook_server;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Stdio};

use clap::CommandFactory;
use common::listen::Listening;
use common::{EMULATOR_KEY, PARTNER_KEY, Run, TestEnv, dead_port, mode};
use serde_json::Value;
use whatsapp_ctl::cli::Cli;

/// A key the emulator refuses (401).
const WRONG_KEY: &str = "wrong-secret-key-7c1d9e2f4a6b";
const KEYS: [&str; 2] = [EMULATOR_KEY, WRONG_KEY];

fn assert_clean(what: &str, text: &str) {
    for key in KEYS {
        assert!(!text.contains(key), "{what} shows an API key:\n{text}");
    }
}

/// Runs and checks both streams; returns the run for its exit code.
fn run(env: &TestEnv, args: &[&str], envs: &[(&str, &str)], stdin: Option<&str>) -> Run {
    let run = match stdin {
        Some(input) => env.run_with_stdin(args, input, envs),
        None => env.run(args, envs),
    };
    let what = format!("`whatsapp-ctl {}` (exit {})", args.join(" "), run.code);
    assert_clean(&format!("stdout of {what}"), &run.stdout);
    assert_clean(&format!("stderr of {what}"), &run.stderr);
    run
}

#[test]
fn no_command_prints_the_key_with_vv_json_or_on_errors() {
    let env = TestEnv::new("secrets");
    // An emulator of our own, at -vv, with its stderr in a file we read at the end.
    let emulator_log = env.root.join("emulator-stderr.log");
    let mut emulator = env
        .cmd(&["emulator", "start", "--json", "-vv", "--review-delay", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::from(File::create(&emulator_log).expect("log file")))
        .spawn()
        .expect("spawn emulator");
    let mut banner = String::new();
    BufReader::new(emulator.stdout.take().expect("stdout")).read_line(&mut banner).expect("banner");
    let banner: Value = serde_json::from_str(&banner).expect("banner JSON");
    assert_eq!(banner["key"], EMULATOR_KEY, "emulator start prints its key by design");
    let base = banner["base_url"].as_str().expect("base_url").to_owned();
    let dead = format!("http://127.0.0.1:{}", dead_port());
    let template = format!("{}/examples/templates/order_update.json", env!("CARGO_MANIFEST_DIR"));
    let bad_template =
        format!("{}/tests/fixtures/templates/invalid/body_missing.json", env!("CARGO_MANIFEST_DIR"));
    let good = [("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)];
    let wrong = [("WHATSAPP_CTL_TOKEN", WRONG_KEY)];
    let d360 = [("D360_API_KEY", EMULATOR_KEY)];

    // auth: login (verified, rejected, unreachable, refused host), status, token, logout.
    let login = |profile: &str, url: &str, key: &str, extra: &[&str]| {
        let mut args = vec!["auth", "login", "--token-stdin", "--profile", profile, "--base-url", url];
        args.extend_from_slice(extra);
        run(&env, &args, &[], Some(key)).code
    };
    assert_eq!(login("shop", &base, EMULATOR_KEY, &["-vv"]), 0);
    assert_eq!(login("bad", &base, WRONG_KEY, &["-vv"]), 4);
    assert_eq!(login("bad", &base, WRONG_KEY, &["--json"]), 4);
    assert_eq!(login("dead", &dead, EMULATOR_KEY, &["-vv", "--retries", "0"]), 5);
    assert_eq!(login("remote", "http://api.example.com", EMULATOR_KEY, &["-vv"]), 3);
    assert_eq!(login("unchecked", &base, WRONG_KEY, &["--no-verify", "--json", "-vv"]), 0);
    for args in [
        &["auth", "status", "-vv", "--profile", "shop"][..],
        &["auth", "status", "--json", "--profile", "shop"],
        &["auth", "status", "-vv", "--profile", "unchecked"],
        &["auth", "status", "--json", "--profile", "unchecked"],
    ] {
        run(&env, args, &[], None);
    }
    run(&env, &["auth", "status", "-vv", "--json", "--profile", "shop"], &wrong, None);

    // profiles
    for args in [
        &["profiles", "list", "-vv"][..],
        &["profiles", "list", "--json"],
        &["profiles", "use", "shop", "-vv"],
        &["profiles", "use", "nobody", "--json"],
        &["profiles", "remove", "nobody", "-vv"],
    ] {
        run(&env, args, &[], None);
    }

    // templates: every leaf, verbose and JSON, with the stored key, the environment's and a
    // rejected one, and against an unreachable server.
    let t = |extra: &[&str], envs: &[(&str, &str)]| {
        let mut args = vec!["--base-url", base.as_str()];
        args.extend_from_slice(extra);
        run(&env, &args, envs, None).code
    };
    assert_eq!(t(&["-vv", "--profile", "shop", "templates", "submit", &template], &[]), 0);
    assert_eq!(t(&["-vv", "--json", "templates", "submit", &bad_template], &good), 3);
    assert_eq!(t(&["-vv", "templates", "validate", &template, &bad_template], &good), 3);
    assert_eq!(t(&["-vv", "--json", "templates", "list"], &good), 0);
    assert_eq!(t(&["-vv", "templates", "list"], &d360), 0);
    assert_eq!(t(&["-vv", "--json", "templates", "show", "order_update"], &good), 0);
    assert_eq!(t(&["-vv", "templates", "status", "order_update", "--language", "en_US"], &good), 0);
    assert_eq!(t(&["-vv", "templates", "show", "no_such_template"], &good), 1);
    assert_eq!(t(&["-vv", "templates", "list"], &wrong), 4);
    assert_eq!(t(&["-vv", "--json", "templates", "show", "order_update"], &wrong), 4);
    assert_eq!(t(&["-vv", "--json", "templates", "submit", &template], &wrong), 4);
    assert_eq!(t(&["-vv", "templates", "delete", "order_update", "--yes"], &good), 0);
    assert_eq!(
        run(&env, &["--base-url", &dead, "--retries", "0", "-vv", "templates", "list"], &good, None).code,
        5
    );

    // The embedded emulator (its key is the pinned one) and the emulator's own commands.
    run(&env, &["--emulator", "-vv", "--json", "templates", "submit", &template], &[], None);
    run(&env, &["--emulator", "-vv", "templates", "list"], &[], None);
    run(&env, &["emulator", "inbound", "--from", "4915123456789", "--text", "Hi", "-vv"], &[], None);
    run(&env, &["emulator", "reset", "-vv", "--json"], &[], None);

    // channel, send, webhook and setup: verbose, JSON and error paths.
    let customer = "4915123456789";
    run(&env, &["emulator", "inbound", "--from", customer, "--text", "Hi"], &[], None);
    let hook = format!("http://127.0.0.1:{}/hook", dead_port());
    assert_eq!(t(&["-vv", "channel", "check"], &good), 1);
    assert_eq!(t(&["-vv", "--json", "channel", "check"], &wrong), 1);
    t(
        &[
            "-vv",
            "--json",
            "channel",
            "activate",
            "--webhook-url",
            &hook,
            "--header",
            "X-Hook-Secret=s3cr3t-v4lue",
        ],
        &good,
    );
    assert_eq!(t(&["-vv", "channel", "webhook"], &good), 0);
    assert_eq!(t(&["-vv", "--json", "send", "text", "--to", customer, "Hello"], &good), 0);
    assert_eq!(
        t(
            &["-vv", "send", "buttons", "--to", customer, "--text", "Pick", "--button", "A", "--button", "B"],
            &good
        ),
        0
    );
    let refused_media = [
        "-vv",
        "send",
        "media",
        "--to",
        customer,
        "--kind",
        "image",
        "--link",
        "https://cdn.example.com/x.pdf",
    ];
    assert_eq!(t(&refused_media, &good), 0);
    assert_eq!(t(&["-vv", "--json", "send", "text", "--to", customer, "Hello"], &wrong), 4);
    assert_eq!(
        t(&["-vv", "send", "template", "--to", customer, "--name", "nope", "--language", "en"], &good),
        1
    );
    let payload = format!("{}/tests/fixtures/webhooks/cloud_text.json", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(run(&env, &["-vv", "--json", "webhook", "parse", &payload], &[], None).code, 0);
    let setup =
        ["setup", "--token-stdin", "--profile", "wizard", "--base-url", base.as_str(), "--yes", "-vv"];
    assert_eq!(run(&env, &setup, &[], Some(EMULATOR_KEY)).code, 0);
    assert_eq!(run(&env, &[&setup[..], &["--json"]].concat(), &[], Some(WRONG_KEY)).code, 4);
    run(&env, &["completions", "bash"], &[], None);

    // Logout, then the key is gone from the store.
    run(&env, &["auth", "logout", "-vv", "--profile", "unchecked"], &[], None);
    run(&env, &["profiles", "remove", "bad", "--yes", "-vv"], &[], None);

    // `auth token` is the one command that prints the key: the scan above would have seen it.
    let token = env.run(&["auth", "token", "--profile", "shop"], &[]).expect_code(0);
    assert_eq!(token.stdout.trim(), EMULATOR_KEY);

    // Nothing on the emulator's side either: its -vv log and its request log.
    let (_, log) = common::http("GET", &format!("{base}/_emulator/requests"), None);
    assert!(log.contains("\"api_key\":\"valid\""), "the request log says whether the key was valid");
    assert_clean("the emulator's request log", &log);
    let _ = emulator.kill();
    let _ = emulator.wait();
    assert_clean("the emulator's stderr", &std::fs::read_to_string(&emulator_log).expect("emulator log"));

    // Stored only in credentials.toml, private.
    let credentials = env.read_config("credentials.toml").expect("credentials.toml");
    assert!(credentials.contains(EMULATOR_KEY));
    assert!(!credentials.contains(WRONG_KEY), "logout and profiles remove dropped the other key");
    assert_clean("config.toml", &env.read_config("config.toml").expect("config.toml"));
    assert_eq!(mode(&env.config_dir().join("credentials.toml")), 0o600);
    assert_eq!(mode(&env.config_dir().join("config.toml")), 0o600);
    assert_eq!(mode(&env.config_dir()), 0o700);
}

#[test]
fn the_key_is_never_a_command_line_argument() {
    fn visit(command: &clap::Command, path: &str, found: &mut Vec<String>) {
        for arg in command.get_arguments() {
            let name = arg.get_long().unwrap_or(arg.get_id().as_str()).to_lowercase();
            let about_keys = ["token", "key", "secret", "password"].iter().any(|w| name.contains(w));
            if about_keys && arg.get_action().takes_values() {
                found.push(format!("{path} --{name}"));
            }
        }
        for sub in command.get_subcommands() {
            visit(sub, &format!("{path} {}", sub.get_name()), found);
        }
    }
    let mut found = Vec::new();
    visit(&Cli::command(), "whatsapp-ctl", &mut found);
    assert!(found.is_empty(), "arguments that would carry a key (use stdin or the environment): {found:?}");
}

/// A partner key the hub refuses (401).
const WRONG_PARTNER_KEY: &str = "wrong-partner-key-3b8e1f60a2c4";
/// Webhook header secrets: registered from a file, from the environment, required by the listener.
const HOOK_FILE_SECRET: &str = "hook-file-secret-6a1f93d0";
const HOOK_ENV_SECRET: &str = "hook-env-secret-2e7cb845";
const LISTEN_SECRET: &str = "listen-file-secret-b07d55e1";
const HEADER_SECRETS: [&str; 3] = [HOOK_FILE_SECRET, HOOK_ENV_SECRET, LISTEN_SECRET];

/// Every secret of the partner test: what `env` learned (pinned keys, every channel key the
/// emulator held at any run, header values given) and the fixed ones above.
fn every_secret(env: &TestEnv) -> Vec<String> {
    let mut all = env.secrets();
    all.extend([WRONG_KEY, WRONG_PARTNER_KEY].into_iter().chain(HEADER_SECRETS).map(str::to_owned));
    all
}

/// The last four characters: how a masked value ends, and how a failure names a secret.
fn tail(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    chars[chars.len().saturating_sub(4)..].iter().collect()
}

fn assert_no_secret(env: &TestEnv, what: &str, text: &str) {
    for secret in every_secret(env) {
        assert!(!text.contains(&secret), "{what} shows a secret (…{}):\n{text}", tail(&secret));
    }
}

/// Runs (the common check included) after checking that no secret is a process argument, then
/// checks both streams for every secret.
fn run_secret(env: &TestEnv, args: &[&str], envs: &[(&str, &str)], stdin: Option<&str>) -> Run {
    for secret in every_secret(env) {
        assert!(!args.iter().any(|a| a.contains(&secret)), "a secret in the arguments: {args:?}");
    }
    let run = match stdin {
        Some(input) => env.run_with_stdin(args, input, envs),
        None => env.run(args, envs),
    };
    let what = format!("`whatsapp-ctl {}` (exit {})", args.join(" "), run.code);
    assert_no_secret(env, &format!("stdout of {what}"), &run.stdout);
    assert_no_secret(env, &format!("stderr of {what}"), &run.stderr);
    run
}

/// `emulator start --json -vv` with its stderr in a file; killed when dropped.
struct VvEmulator {
    child: Child,
    banner: Value,
    base_url: String,
    log: PathBuf,
}

impl VvEmulator {
    fn start(env: &TestEnv, extra: &[&str]) -> Self {
        let log = env.root.join("emulator-stderr.log");
        let mut args = vec!["emulator", "start", "--json", "-vv", "--review-delay", "0"];
        args.extend_from_slice(extra);
        let mut child = env
            .cmd(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::from(File::create(&log).expect("log file")))
            .spawn()
            .expect("spawn emulator");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("banner");
        let banner: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("banner {line:?}: {e}"));
        let base_url = banner["base_url"].as_str().expect("base_url").to_owned();
        Self { child, banner, base_url, log }
    }

    /// Stops it: everything it wrote on stderr.
    fn stop(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::fs::read_to_string(&self.log).expect("emulator log")
    }
}

impl Drop for VvEmulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Mints a new key for `channel` behind the tool's back (its profile's key stops working): the
/// new key, which the test then knows as a secret.
fn revoke(env: &TestEnv, base: &str, partner_id: &str, channel: &str) -> String {
    let (status, body) = common::http_with_headers(
        "POST",
        &format!("{base}/api/v2/partners/{partner_id}/channels/{channel}/api_keys"),
        Some("{}"),
        &[("X-API-Key", PARTNER_KEY)],
    );
    assert_eq!(status, 201, "{body}");
    let minted: Value = serde_json::from_str(&body).expect("mint answer");
    let key = minted["api_key"].as_str().expect("api_key").to_owned();
    env.add_secret(&key);
    key
}

#[test]
fn partner_minted_and_webhook_secrets_never_show_with_vv_json_or_on_errors() {
    let env = TestEnv::new("secrets-partner");
    let mut emulator = VvEmulator::start(&env, &["--channels", "3"]);
    assert_eq!(emulator.banner["partner_key"], PARTNER_KEY, "emulator start prints it by design");
    let base = emulator.base_url.clone();
    let id = emulator.banner["partner_id"].as_str().expect("partner_id").to_owned();
    let dead = format!("http://127.0.0.1:{}", dead_port());
    let first_keys = common::emulator_channel_keys(&env.state_path());
    assert_eq!(first_keys.len(), 3, "each channel has a key of its own");

    // partner login: rejected (-vv, --json), unreachable hub, refused plain-http hub, verified.
    let login = |hub: &str, key: &str, extra: &[&str]| {
        let mut args =
            vec!["partner", "login", "--partner-id", id.as_str(), "--token-stdin", "--hub-url", hub];
        args.extend_from_slice(extra);
        run_secret(&env, &args, &[], Some(key)).code
    };
    assert_eq!(login(&base, WRONG_PARTNER_KEY, &["-vv"]), 4);
    assert_eq!(login(&base, WRONG_PARTNER_KEY, &["--json", "-vv"]), 4);
    assert_eq!(login(&dead, PARTNER_KEY, &["-vv", "--retries", "0"]), 5);
    assert_eq!(login("http://hub.example.com", PARTNER_KEY, &["-vv"]), 3);
    assert_eq!(env.read_config("credentials.toml"), None, "no failed login stored anything");
    assert_eq!(login(&base, PARTNER_KEY, &["-vv", "--json"]), 0);

    // status and channels: stored key, a rejected key from the environment, an unreachable hub.
    let wrong_partner = [("WHATSAPP_CTL_PARTNER_KEY", WRONG_PARTNER_KEY)];
    let dead_hub = [("WHATSAPP_CTL_HUB_URL", dead.as_str())];
    let p = |args: &[&str], envs: &[(&str, &str)]| run_secret(&env, args, envs, None).code;
    assert_eq!(p(&["partner", "status", "-vv"], &[]), 0);
    assert_eq!(p(&["partner", "status", "--json"], &[]), 0);
    assert_eq!(p(&["partner", "status", "-vv", "--json"], &wrong_partner), 4);
    assert_eq!(p(&["partner", "status", "-vv", "--retries", "0"], &dead_hub), 5);
    assert_eq!(p(&["partner", "channels", "-vv"], &[]), 0);
    assert_eq!(p(&["partner", "channels", "-vv", "--json", "--status", "running"], &[]), 0);
    assert_eq!(p(&["partner", "channels", "-vv", "--json"], &wrong_partner), 4);
    assert_eq!(p(&["partner", "channels", "-vv", "--retries", "0"], &dead_hub), 5);

    // adopt: every channel (minting a key each), again (minting nothing), forced, refused.
    assert_eq!(p(&["partner", "adopt", "--all", "--prefix", "shop-", "-vv"], &wrong_partner), 4);
    assert_eq!(p(&["partner", "adopt", "--all", "--retries", "0", "-vv", "--json"], &dead_hub), 5);
    let adopted =
        run_secret(&env, &["partner", "adopt", "--all", "--prefix", "shop-", "-vv", "--json"], &[], None)
            .expect_code(0);
    let profiles: Vec<String> = adopted
        .json()
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["profile"].as_str().expect("profile").to_owned())
        .collect();
    assert_eq!(profiles.len(), 3);
    let minted = common::emulator_channel_keys(&env.state_path());
    assert!(minted.iter().all(|k| !first_keys.contains(k)), "adopting minted a new key for each channel");
    let known = env.secrets();
    assert!(minted.iter().chain(&first_keys).all(|k| known.contains(k)), "the check knows every key");
    assert_eq!(p(&["partner", "adopt", "--all", "--prefix", "shop-", "-vv"], &[]), 0);
    assert_eq!(common::emulator_channel_keys(&env.state_path()), minted, "adopting again minted nothing");
    assert_eq!(p(&["partner", "adopt", "emu00002CH", "--force", "-vv", "--json"], &[]), 0);
    assert_ne!(common::emulator_channel_keys(&env.state_path()), minted, "--force minted again");
    assert_eq!(p(&["partner", "adopt", "nope00000CH", "-vv", "--json"], &[]), 3);
    assert_eq!(p(&["profiles", "list", "-vv", "--json"], &[]), 0);
    assert_eq!(p(&["auth", "status", "-vv", "--profile", &profiles[0]], &[]), 0);

    // Webhook secrets on an adopted channel, from a file and from the environment (never argv).
    let hook = hook_server::HookServer::ok();
    let secret_file = env.root.join("hook-secret");
    std::fs::write(&secret_file, format!("{HOOK_FILE_SECRET}\n")).expect("secret file");
    let from_file = format!("X-Hook-Secret=@{}", secret_file.display());
    let hook_env = [("HOOK_ENV_SECRET", HOOK_ENV_SECRET)];
    let activate = |profile: &str, extra: &[&str]| {
        let mut args = vec!["--profile", profile, "-vv", "channel", "activate", "--webhook-url", &hook.url];
        args.extend_from_slice(&["--header", &from_file, "--header", "X-Env-Secret=env:HOOK_ENV_SECRET"]);
        args.extend_from_slice(extra);
        run_secret(&env, &args, &hook_env, None)
    };
    let masked = |secret: &str| format!("…{}", tail(secret));
    let report = activate(&profiles[0], &["--json"]).json();
    assert_eq!(
        report["webhook"]["headers"],
        serde_json::json!({"X-Hook-Secret": masked(HOOK_FILE_SECRET), "X-Env-Secret": masked(HOOK_ENV_SECRET)}),
        "{report:#}"
    );
    let human = activate(&profiles[1], &[]);
    assert!(human.stdout.contains(&format!("X-Hook-Secret: {}", masked(HOOK_FILE_SECRET))), "{human:#?}");
    // The values were read from their sources: the webhook's probes carried them.
    let probes = hook.requests();
    assert!(probes.iter().any(|r| r.header("X-Hook-Secret") == Some(HOOK_FILE_SECRET)), "{probes:?}");
    assert!(probes.iter().any(|r| r.header("X-Env-Secret") == Some(HOOK_ENV_SECRET)), "{probes:?}");
    let shown = run_secret(&env, &["--profile", &profiles[0], "-vv", "channel", "webhook"], &[], None);
    let shown = shown.expect_code(0);
    assert!(shown.stdout.contains(&masked(HOOK_ENV_SECRET)), "{shown:#?}");
    let shown =
        run_secret(&env, &["--profile", &profiles[1], "--json", "-vv", "channel", "webhook"], &[], None);
    assert_eq!(shown.expect_code(0).json()["headers"]["X-Hook-Secret"], masked(HOOK_FILE_SECRET));
    run_secret(&env, &["--profile", &profiles[0], "-vv", "--json", "channel", "check"], &[], None);
    run_secret(&env, &["--profile", &profiles[1], "-vv", "channel", "check"], &[], None);

    // Fleets, with the third channel's key revoked: that profile exits 4, its key never shows.
    revoke(&env, &base, &id, "emu00003CH");
    let templates = env.root.join("fleet-templates");
    std::fs::create_dir_all(&templates).expect("dir");
    let template = serde_json::json!({"name": "fleet_secret", "language": "en", "category": "UTILITY",
        "components": [{"type": "BODY", "text": "Hello from the fleet."}]});
    std::fs::write(templates.join("fleet_secret.json"), template.to_string()).expect("template");
    let dir = templates.to_str().expect("utf-8 path");
    let fleet = run_secret(&env, &["--all-profiles", "-vv", "--json", "channel", "check"], &[], None);
    let codes: Vec<Value> = fleet.expect_code(1).json()["profiles"]
        .as_array()
        .expect("profiles")
        .iter()
        .map(|e| e["exit_code"].clone())
        .collect();
    assert_eq!(codes.len(), 3);
    assert_eq!(codes[2], 4, "the revoked key fails its profile only: {codes:?}");
    assert_eq!(p(&["--all-profiles", "-vv", "channel", "check"], &[]), 1);
    assert_eq!(p(&["--all-profiles", "-vv", "--json", "templates", "list"], &[]), 1);
    assert_eq!(p(&["--all-profiles", "-vv", "templates", "plan", dir], &[]), 1);
    assert_eq!(p(&["--all-profiles", "-vv", "--json", "templates", "apply", "--yes", dir], &[]), 1);
    assert_eq!(p(&["--profile", &profiles[2], "-vv", "--json", "templates", "list"], &[]), 4);
    assert_eq!(p(&["--profile", &profiles[2], "-vv", "channel", "webhook"], &[]), 4);
    p(&["--profile", &profiles[2], "-vv", "--json", "auth", "status"], &[]);

    // webhook listen: its required secret from a file, so not in the process's arguments; a
    // delivery with the registered header is accepted, one without refused, neither shown.
    let listen_file = env.root.join("listen-secret");
    std::fs::write(&listen_file, format!("{LISTEN_SECRET}\n")).expect("secret file");
    let required = format!("X-Listen-Secret=@{}", listen_file.display());
    let listening = Listening::start(&env, &["-vv", "--json", "--require-header", &required], &[]);
    env.add_secret(LISTEN_SECRET);
    let argv = listening.argv();
    assert!(argv.contains(&required) && !argv.contains(LISTEN_SECRET), "{argv}");
    let main = [("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)];
    let activate = run_secret(
        &env,
        &[
            "--base-url",
            &base,
            "-vv",
            "--json",
            "channel",
            "activate",
            "--webhook-url",
            &listening.url,
            "--header",
            &required,
        ],
        &main,
        None,
    );
    assert_eq!(
        activate.json()["webhook"]["headers"]["X-Listen-Secret"],
        masked(LISTEN_SECRET),
        "{activate:#?}"
    );
    let inbound = run_secret(
        &env,
        &["emulator", "inbound", "--from", "4915123456789", "--text", "Hi", "-vv"],
        &[],
        None,
    );
    assert!(inbound.expect_code(0).stdout.contains("(HTTP 200)"), "the listener accepted the delivery");
    let payload = format!("{}/tests/fixtures/webhooks/cloud_text.json", env!("CARGO_MANIFEST_DIR"));
    let payload = std::fs::read_to_string(payload).expect("fixture");
    let refused = common::http_with_headers(
        "POST",
        &listening.url,
        Some(&payload),
        &[("X-Listen-Secret", "wrong-value-123")],
    );
    assert_eq!(refused.0, 403);
    let (code, stdout, stderr) = listening.interrupt();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("\"Hi\""), "the delivered message was printed: {stdout}");
    assert!(stderr.contains("(HTTP 403)"), "the refusal was reported: {stderr}");
    assert_no_secret(&env, "stdout of webhook listen -vv --json", &stdout);
    assert_no_secret(&env, "stderr of webhook listen -vv --json", &stderr);

    // `auth token` prints a minted key by design: the scan sees keys there.
    let token = env.run(&["auth", "token", "--profile", &profiles[0]], &[]).expect_code(0);
    assert!(env.secrets().contains(&token.stdout.trim().to_owned()), "auth token prints a minted key");

    // Logout: the partner key is gone from the store.
    assert_eq!(p(&["partner", "logout", "-vv"], &[]), 0);
    assert_eq!(p(&["partner", "status", "--json", "-vv"], &[]), 4);
    assert!(!env.read_config("credentials.toml").expect("credentials").contains(PARTNER_KEY));

    // The emulator's side: its request log holds no key (only whether one was valid), and the
    // header values only in the webhook registrations it received; its -vv stderr holds nothing.
    let (_, log) = common::http("GET", &format!("{base}/_emulator/requests"), None);
    let log: Vec<Value> = serde_json::from_str(&log).expect("request log");
    let registrations = |entry: &&Value| entry["method"] == "POST" && entry["path"] == "/v1/configs/webhook";
    let (registered, others): (Vec<&Value>, Vec<&Value>) = log.iter().partition(registrations);
    assert!(!registered.is_empty() && others.iter().any(|e| e["channel"] == "emu00001CH"), "{log:#?}");
    let others = serde_json::to_string(&others).expect("json");
    assert_no_secret(&env, "the emulator's request log", &others);
    let registered = serde_json::to_string(&registered).expect("json");
    assert!(HEADER_SECRETS.iter().all(|s| registered.contains(s)), "the registrations carried the values");
    let keys = env.secrets().into_iter().filter(|s| !HEADER_SECRETS.contains(&s.as_str()));
    for key in keys.chain([WRONG_KEY, WRONG_PARTNER_KEY].map(str::to_owned)) {
        assert!(!registered.contains(&key), "a key in the request log: {registered}");
    }
    let stderr = emulator.stop();
    assert_no_secret(&env, "the emulator's -vv stderr", &stderr);
}

#[test]
fn the_common_check_sees_every_kind_of_secret() {
    const MINTED: &str = "minted-channel-key-5c9e0b71";
    const LITERAL: &str = "literal-header-secret-77";
    let env = TestEnv::new("secrets-check");
    // A channel key as the emulator's fleet state holds it after a mint.
    let mut dir = env.state_path().into_os_string();
    dir.push(".partner");
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("partner dir");
    std::fs::write(dir.join("emu00001CH.json"), serde_json::json!({"key": MINTED}).to_string())
        .expect("state");
    let file = env.root.join("secret");
    std::fs::write(&file, format!("{HOOK_FILE_SECRET}\n")).expect("secret file");
    let from_file = format!("X-Secret=@{}", file.display());
    let leaks = |args: &[&str], envs: &[(&str, &str)], stdout: &str, stderr: &str| {
        let run = Run { code: 0, stdout: stdout.to_owned(), stderr: stderr.to_owned() };
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| env.assert_no_secret(args, envs, &run)))
            .is_err()
    };
    assert!(leaks(&["channel", "webhook"], &[], &format!("key {MINTED}"), ""), "a minted key");
    assert!(leaks(&["partner", "status"], &[], "", PARTNER_KEY), "the partner key");
    assert!(leaks(&["channel", "activate", "--header", &from_file], &[], "", HOOK_FILE_SECRET), "@FILE");
    let envs = [("S", HOOK_ENV_SECRET)];
    assert!(
        leaks(&["channel", "activate", "--header=X-Secret=env:S"], &envs, HOOK_ENV_SECRET, ""),
        "env:VAR"
    );
    let literal = format!("X-Secret={LITERAL}");
    assert!(leaks(&["webhook", "listen", "--require-header", &literal], &[], "", LITERAL), "literal");
    assert!(leaks(&["templates", "list"], &[], HOOK_FILE_SECRET, ""), "a value once given stays a secret");
    let shown = format!("X-Secret: …{}", tail(HOOK_FILE_SECRET));
    assert!(!leaks(&["channel", "webhook"], &[], &shown, ""), "a masked value is no leak");
    // The exceptions are narrow: `auth token` prints one key on stdout and nothing else,
    // `emulator start` its own key and partner key in the banner, never a minted key.
    assert!(!leaks(&["auth", "token"], &[], &format!("{MINTED}\n"), ""));
    assert!(leaks(&["auth", "token"], &[], &format!("{MINTED}\n"), MINTED), "not on stderr");
    assert!(leaks(&["auth", "token"], &[], &format!("{MINTED}\n{HOOK_FILE_SECRET}\n"), ""), "one key only");
    let banner = format!("key: {EMULATOR_KEY}\npartner key: {PARTNER_KEY}\n");
    assert!(!leaks(&["emulator", "start"], &[], &banner, ""));
    assert!(leaks(&["emulator", "start"], &[], &format!("{banner}{MINTED}"), ""), "no minted key");
}

#[test]
fn every_header_secret_argument_has_a_file_and_an_environment_form() {
    fn visit(command: &clap::Command, path: &str, found: &mut Vec<(String, String)>) {
        for arg in command.get_arguments() {
            let names = arg.get_value_names().unwrap_or_default();
            if names.iter().any(|n| n.as_str() == "NAME=VALUE") {
                let help =
                    arg.get_long_help().or(arg.get_help()).map(ToString::to_string).unwrap_or_default();
                found.push((format!("{path} --{}", arg.get_long().unwrap_or_default()), help));
            }
        }
        for sub in command.get_subcommands() {
            visit(sub, &format!("{path} {}", sub.get_name()), found);
        }
    }
    let mut found = Vec::new();
    visit(&Cli::command(), "whatsapp-ctl", &mut found);
    let names: Vec<&str> = found.iter().map(|(name, _)| name.as_str()).collect();
    assert!(names.contains(&"whatsapp-ctl channel activate --header"), "{names:?}");
    assert!(names.contains(&"whatsapp-ctl webhook listen --require-header"), "{names:?}");
    for (name, help) in &found {
        assert!(help.contains("NAME=@FILE") && help.contains("NAME=env:VAR"), "{name}: {help}");
    }
}
