//! The setup wizard end to end: driven through a real pseudo-terminal (keystrokes in, screen out)
//! and with flags only, against the emulator; aborting writes nothing; without a terminal it
//! exits 2 at once.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use common::pty::{self, CTRL_C, ESCAPE, answer, finish};
use common::{EMULATOR_KEY, Emulator, Run, TestEnv};
use rexpect::session::PtySession;
use serde_json::{Value, json};

const PHONE: &str = "4915123456789";
/// `setup` in a pseudo-terminal, with `args` after it.
fn spawn_setup(env: &TestEnv, args: &[&str]) -> PtySession {
    pty::spawn(env, &[&["setup"], args].concat())
}

/// Submits an approved (review delay 0), variable-free template.
fn approved_template(env: &TestEnv, emu: &Emulator, name: &str) {
    env.run(
        &[
            "--base-url",
            &emu.base_url,
            "templates",
            "submit",
            "--name",
            name,
            "--category",
            "UTILITY",
            "--language",
            "en_US",
            "--body",
            "Your channel works.",
        ],
        &[("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)],
    )
    .expect_code(0);
}

fn sent_messages(emu: &Emulator) -> Vec<Value> {
    emu.requests()
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/messages")
        .map(|r| r["body"].clone())
        .collect()
}

fn registered_webhook(emu: &Emulator) -> Value {
    let (status, text) = common::http_with_headers(
        "GET",
        &format!("{}/v1/configs/webhook", emu.base_url),
        None,
        &[("D360-API-KEY", EMULATOR_KEY)],
    );
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).expect("webhook JSON")
}

/// Every file of the config folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return BTreeMap::new() };
    entries
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (p.file_name().expect("name").to_string_lossy().into_owned(), std::fs::read(&p).expect("read"))
        })
        .collect()
}

/// A profile `default` stored before the wizard runs.
fn existing_profile(env: &TestEnv, emu: &Emulator) {
    env.write_config(
        "config.toml",
        &format!(
            "[profiles.default]\napi = \"cloud\"\nbase_url = \"{}\"\ntest_recipient = \"491700000000\"\n",
            emu.base_url
        ),
    );
    env.write_config("credentials.toml", "[profiles.default]\napi_key = \"old-key-1234\"\n");
}

#[test]
fn wizard_in_a_terminal_verifies_the_key_registers_the_webhook_and_sends_a_template() {
    let env = TestEnv::new("setup-pty");
    let emu = env.emulator(&[]);
    approved_template(&env, &emu, "channel_ready");
    emu.clear_requests();
    let hook = "http://127.0.0.1:9/whatsapp";
    let mut session = spawn_setup(&env, &["--base-url", &emu.base_url]);
    answer(&mut session, "Profile name [default]", "shop\r");
    answer(&mut session, "API flavour", "\r");
    answer(&mut session, "API key", &format!("{EMULATOR_KEY}\r"));
    session.exp_string("Key accepted.").expect("key accepted");
    session.exp_string("Channel health: AVAILABLE").expect("health");
    answer(&mut session, "Webhook URL", &format!("{hook}\r"));
    session.exp_string("Webhook registered and read back.").expect("webhook");
    answer(&mut session, "Test recipient", &format!("+{PHONE}\r"));
    answer(&mut session, "template channel_ready (en_US, utility)", "\r");
    session.exp_string("Test message accepted").expect("sent");
    answer(&mut session, "Save profile 'shop'", "y");
    session.exp_string("Profile 'shop' is set up").expect("summary");
    let (code, rest) = finish(&mut session);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("whatsapp-ctl channel check"), "{rest}");
    assert!(!rest.contains(EMULATOR_KEY), "the key was echoed: {rest}");

    let config = env.read_config("config.toml").expect("config written");
    assert!(config.contains("[profiles.shop]"), "{config}");
    assert!(config.contains(&format!("webhook_url = \"{hook}\"")), "{config}");
    assert!(config.contains(&format!("test_recipient = \"{PHONE}\"")), "{config}");
    assert!(config.contains("current_profile = \"shop\""), "{config}");
    assert!(env.read_config("credentials.toml").expect("credentials").contains(EMULATOR_KEY));
    assert_eq!(registered_webhook(&emu)["url"], hook);
    assert_eq!(
        sent_messages(&emu),
        [json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": PHONE,
            "type": "template", "template": {"name": "channel_ready",
            "language": {"policy": "deterministic", "code": "en_US"}}})]
    );
}

#[test]
fn wizard_offers_the_existing_profile_and_asks_again_for_a_rejected_key() {
    let env = TestEnv::new("setup-retry");
    let emu = env.emulator(&[]);
    existing_profile(&env, &emu);
    let mut session = spawn_setup(&env, &[]);
    answer(&mut session, "Profile name [default]", "\r");
    session.exp_string("Profile 'default' exists").expect("existing profile noticed");
    answer(&mut session, "API flavour", "\r");
    answer(&mut session, "1234): ", "\r");
    session.exp_string("the API rejected this key").expect("old key rejected");
    answer(&mut session, "Enter the key again", "\r");
    answer(&mut session, "API key", &format!("{EMULATOR_KEY}\r"));
    answer(&mut session, "Webhook URL (Enter to skip)", "\r");
    answer(&mut session, "Test recipient phone, country code first ('-' for none) [491700000000]", "\r");
    answer(&mut session, "no test message", "k\r");
    answer(&mut session, "Save profile 'default'", "\r");
    let (code, rest) = finish(&mut session);
    assert_eq!(code, 0, "{rest}");
    let config = env.read_config("config.toml").expect("config");
    assert!(config.contains("test_recipient = \"491700000000\""), "{config}");
    assert!(!config.contains("webhook_url"), "{config}");
    assert!(env.read_config("credentials.toml").expect("credentials").contains(EMULATOR_KEY));
    assert!(sent_messages(&emu).is_empty());
}

/// Runs the wizard up to `prompt`, presses `keys` there, and checks that nothing was written.
fn assert_abort_writes_nothing(name: &str, steps: &[(&str, &str)], expected_code: i32) {
    let env = TestEnv::new(name);
    let emu = env.emulator(&[]);
    existing_profile(&env, &emu);
    let before = snapshot(&env.config_dir());
    assert_eq!(before.len(), 2);
    let mut session = spawn_setup(&env, &[]);
    for (prompt, keys) in steps {
        let keys = keys.replace("{KEY}", EMULATOR_KEY);
        answer(&mut session, prompt, &keys);
    }
    let (code, rest) = finish(&mut session);
    assert_eq!(code, expected_code, "{rest}");
    assert!(rest.contains("nothing was written") || rest.contains("no profile was saved"), "{rest}");
    assert_eq!(snapshot(&env.config_dir()), before, "the config folder changed");
}

#[test]
fn ctrl_c_at_the_key_prompt_exits_130_and_leaves_the_config_untouched() {
    assert_abort_writes_nothing(
        "setup-ctrlc",
        &[("Profile name", "\r"), ("API flavour", "\r"), ("API key", &format!("abc{CTRL_C}"))],
        130,
    );
}

#[test]
fn ctrl_c_at_a_menu_exits_130_and_leaves_the_config_untouched() {
    assert_abort_writes_nothing("setup-ctrlc-menu", &[("Profile name", "\r"), ("API flavour", CTRL_C)], 130);
}

#[test]
fn escape_after_the_webhook_was_registered_leaves_the_config_untouched() {
    assert_abort_writes_nothing(
        "setup-escape",
        &[
            ("Profile name", "\r"),
            ("API flavour", "\r"),
            ("API key", "{KEY}\r"),
            ("Webhook URL", "http://127.0.0.1:9/hook\r"),
            ("Test recipient", ESCAPE),
        ],
        130,
    );
}

#[test]
fn declining_the_save_exits_1_and_writes_nothing() {
    assert_abort_writes_nothing(
        "setup-decline",
        &[
            ("Profile name", "\r"),
            ("API flavour", "\r"),
            ("API key", "{KEY}\r"),
            ("Webhook URL", "\r"),
            ("Test recipient", "-\r"),
            ("Save profile 'default'", "n"),
        ],
        1,
    );
}

#[test]
fn flags_alone_do_the_same_without_a_terminal() {
    let env = TestEnv::new("setup-flags");
    let emu = env.emulator(&[]);
    env.run(&["emulator", "inbound", "--from", PHONE, "--text", "hi"], &[]).expect_code(0);
    let hook = "http://127.0.0.1:9/hook";
    let run = env
        .run_with_stdin(
            &[
                "setup",
                "--json",
                "--profile",
                "ci",
                "--base-url",
                &emu.base_url,
                "--token-stdin",
                "--webhook-url",
                hook,
                "--test-recipient",
                PHONE,
                "--test-text",
                "hello from CI",
            ],
            EMULATOR_KEY,
            &[],
        )
        .expect_code(0);
    let report = run.json();
    assert_eq!(report["profile"], "ci");
    assert_eq!(report["webhook"], json!({"url": hook, "status": "registered"}));
    assert_eq!(report["test_message"]["kind"], "text");
    assert_eq!(report["health"]["status"], "AVAILABLE");
    assert!(report["test_message"]["message_id"].as_str().is_some_and(|id| id.starts_with("wamid.")));
    assert!(!run.stdout.contains(EMULATOR_KEY) && !run.stderr.contains(EMULATOR_KEY));
    assert_eq!(registered_webhook(&emu)["url"], hook);
    let sent = sent_messages(&emu);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["text"], json!({"body": "hello from CI", "preview_url": false}));
    let config = env.read_config("config.toml").expect("config");
    assert!(config.contains("[profiles.ci]") && config.contains(hook), "{config}");
    let status = env.run(&["auth", "status", "--json", "--profile", "ci"], &[]).expect_code(0).json();
    assert_eq!(status["verified"], true);
}

#[test]
fn flags_pick_a_template_by_name_and_yes_takes_the_defaults() {
    let env = TestEnv::new("setup-flags-template");
    let emu = env.emulator(&[]);
    approved_template(&env, &emu, "channel_ready");
    emu.clear_requests();
    let args = ["setup", "--base-url", &emu.base_url, "--token-stdin", "--yes"];
    let mut with_test = args.to_vec();
    with_test.extend(["--test-recipient", PHONE, "--test-template", "channel_ready"]);
    env.run_with_stdin(&with_test, EMULATOR_KEY, &[]).expect_code(0);
    assert_eq!(sent_messages(&emu)[0]["template"]["name"], "channel_ready");
    assert!(!emu.requests().iter().any(|r| r["path"] == "/v1/configs/webhook" && r["method"] == "POST"));
    let missing = env.run_with_stdin(
        &[&args[..], &["--test-recipient", PHONE, "--test-template", "nope"]].concat(),
        EMULATOR_KEY,
        &[],
    );
    assert_eq!(missing.code, 1, "{missing:?}");
    assert!(missing.stderr.contains("no approved template 'nope'"), "{}", missing.stderr);
}

#[test]
fn on_premise_test_template_names_the_namespace_and_no_messaging_product() {
    let env = TestEnv::new("setup-onprem");
    let emu = env.emulator(&[]);
    approved_template(&env, &emu, "channel_ready");
    emu.clear_requests();
    let args = ["setup", "--api", "onpremise", "--base-url", &emu.base_url, "--token-stdin", "--no-webhook"];
    let test = ["--test-recipient", PHONE, "--test-template", "channel_ready", "--test-language", "en_US"];
    env.run_with_stdin(&[&args[..], &test].concat(), EMULATOR_KEY, &[]).expect_code(0);
    let sent: Vec<Value> = emu.requests().into_iter().filter(|r| r["path"] == "/v1/messages").collect();
    assert_eq!(sent.len(), 1, "{:?}", emu.requests());
    let body = &sent[0]["body"];
    assert_eq!(body.get("messaging_product"), None);
    assert!(body["template"]["namespace"].as_str().is_some_and(|ns| !ns.is_empty()), "{body}");
    assert!(emu.requests().iter().any(|r| r["path"] == "/v1/health"));
    assert!(env.read_config("config.toml").expect("config").contains("api = \"onpremise\""));
}

#[test]
fn without_a_terminal_and_without_flags_it_exits_2_at_once_naming_the_flags() {
    let env = TestEnv::new("setup-noterm");
    // Standard input stays open and silent: a setup that waited on it would never end.
    let mut child = env
        .cmd(&["setup"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn setup");
    let open_stdin = child.stdin.take();
    let mut ended = None;
    for _ in 0..6_000 {
        ended = child.try_wait().expect("poll setup");
        if ended.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    if ended.is_none() {
        let _ = child.kill();
        panic!("setup without a terminal waited on its open standard input");
    }
    let run = Run::from(child.wait_with_output().expect("setup output")).expect_code(2);
    drop(open_stdin);
    assert!(!run.stderr.contains("API key (D360-API-KEY"), "prompted: {}", run.stderr);
    for flag in ["--token-stdin", "--webhook-url", "--no-webhook", "--test-recipient", "--no-test", "--yes"] {
        assert!(run.stderr.contains(flag), "{flag} missing from: {}", run.stderr);
    }
    let key_only = env.run(&["setup", "--yes"], &[]).expect_code(2);
    assert!(key_only.stderr.contains("API key (--token-stdin)"), "{}", key_only.stderr);
    assert!(!env.config_dir().exists());
}

#[test]
fn bad_input_and_rejected_keys_write_nothing() {
    let env = TestEnv::new("setup-bad");
    let emu = env.emulator(&[]);
    let base = ["setup", "--base-url", &emu.base_url, "--token-stdin", "--yes"];
    let bad_hook = env.run_with_stdin(
        &[&base[..], &["--webhook-url", "http://hooks.example.com/x"]].concat(),
        EMULATOR_KEY,
        &[],
    );
    assert_eq!(bad_hook.code, 3, "{bad_hook:?}");
    let bad_phone =
        env.run_with_stdin(&[&base[..], &["--test-recipient", "12ab"]].concat(), EMULATOR_KEY, &[]);
    assert_eq!(bad_phone.code, 3, "{bad_phone:?}");
    assert!(emu.requests().is_empty(), "sent despite invalid input: {:?}", emu.requests());
    let rejected = env.run_with_stdin(&base, "wrong-key-0000", &[]).expect_code(4);
    assert!(rejected.stderr.contains("setup wrote nothing"), "{}", rejected.stderr);
    let emulator_flag = env.run(&["setup", "--emulator", "--yes", "--token-stdin"], &[]).expect_code(2);
    assert!(emulator_flag.stderr.contains("--base-url"), "{}", emulator_flag.stderr);
    assert!(!env.config_dir().exists());
}
