//! The API key never leaks: every command family, run with `-vv`, with `--json`
//! and on its error paths (rejected key, unreachable server, refused plain-http host, invalid
//! input), with known keys, never prints either key on stdout or stderr; nor does the emulator
//! (`-vv`) on its stderr or in its request log. Only `auth token` prints it (checked too, so the
//! scan is known to see a key). The key is never a command-line argument, and it is stored only
//! in `credentials.toml` (0600, folder 0700). Every other test checks output as well: each
//! `TestEnv::run*` fails on a key in the output (tests/common/mod.rs).

mod common;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

use clap::CommandFactory;
use common::{EMULATOR_KEY, Run, TestEnv, dead_port, mode};
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
