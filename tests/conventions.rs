//! Everyday conventions end to end (issue 10 and the numeric flags of issue 11), one test per
//! point: the real binary, with NO_COLOR=1 and no terminal (a pseudo-terminal where the point is
//! about terminals), against an emulator process on loopback; each test asserts what the emulator
//! received and what the user saw.

mod common;

use common::pty::{self, ESCAPE, answer, finish};
use common::{EMULATOR_KEY, Emulator, Run, TestEnv, http};
use proptest::prelude::*;
use serde_json::Value;

const PHONE: &str = "4915123456789";
const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

/// Runs against `emu` with its key in the environment.
fn on(env: &TestEnv, emu: &Emulator, args: &[&str]) -> Run {
    let mut full = vec!["--base-url", emu.base_url.as_str()];
    full.extend_from_slice(args);
    env.run(&full, &[TOKEN])
}

/// The messages the emulator stored, in order.
fn stored_messages(emu: &Emulator) -> Vec<Value> {
    let (_, body) = http("GET", &format!("{}/_emulator/messages", emu.base_url), None);
    let stored: Value = serde_json::from_str(&body).expect("messages JSON");
    stored.as_array().cloned().or_else(|| stored["messages"].as_array().cloned()).expect("message list")
}

/// The JSON error object a `--json` run wrote on stderr.
fn json_error(run: &Run) -> Value {
    assert!(run.stdout.is_empty(), "stdout must stay empty on failure: {run:#?}");
    serde_json::from_str(run.stderr.trim()).unwrap_or_else(|e| panic!("stderr is not JSON ({e}): {run:#?}"))
}

#[test]
fn point_2_a_mistyped_flag_is_never_sent_and_a_leading_dash_text_goes_after_double_dash_or_stdin() {
    let env = TestEnv::new("conv-hyphen");
    let emu = env.emulator(&[]);
    env.run(&["--base-url", &emu.base_url, "emulator", "inbound", "--from", PHONE, "--text", "hi"], &[TOKEN])
        .expect_code(0);
    let before = stored_messages(&emu).len();
    let slip = on(&env, &emu, &["send", "text", "--to", PHONE, "--markdwn"]).expect_code(2);
    assert!(slip.stderr.contains("'--markdwn'"), "{}", slip.stderr);
    assert!(slip.stderr.contains("--markdown"), "clap suggests the flag: {}", slip.stderr);
    assert_eq!(stored_messages(&emu).len(), before, "nothing was sent");
    assert!(!emu.requests().iter().any(|r| r["method"] == "POST"), "no send reached the emulator");
    let sort = on(&env, &emu, &["templates", "list", "--sort", "-name"]).expect_code(2);
    assert!(sort.stdout.is_empty(), "{sort:?}");
    assert!(sort.stderr.contains("'--sort=-name'"), "the tip shows how: {}", sort.stderr);

    on(&env, &emu, &["send", "text", "--to", PHONE, "--", "-5% today only"]).expect_code(0);
    let piped = env.run_with_stdin(
        &["--base-url", &emu.base_url, "send", "text", "--to", PHONE, "-"],
        "--markdwn is a word here\n",
        &[TOKEN],
    );
    piped.expect_code(0);
    let bodies: Vec<Value> = emu
        .requests()
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/messages")
        .map(|r| r["body"]["text"]["body"].clone())
        .collect();
    assert_eq!(bodies, ["-5% today only", "--markdwn is a word here"]);
    on(&env, &emu, &["templates", "list", "--sort=-name"]).expect_code(0);
}

#[test]
fn point_4_errors_lead_somewhere_profiles_closed_sets_timeouts_and_json_usage_errors() {
    let env = TestEnv::new("conv-errors");
    for profile in ["shop", "support"] {
        env.run_with_stdin(
            &["auth", "login", "--token-stdin", "--no-verify", "--profile", profile],
            "key-12345678",
            &[],
        )
        .expect_code(0);
    }
    let typo = env.run(&["--profile", "shpo", "templates", "list"], &[]).expect_code(2);
    assert!(typo.stderr.contains("error: no profile named 'shpo'"), "{}", typo.stderr);
    assert!(typo.stderr.contains("known profiles: shop, support"), "{}", typo.stderr);
    assert!(typo.stderr.contains("did you mean shop?"), "{}", typo.stderr);
    let from_env = env.run(&["auth", "token"], &[("WHATSAPP_CTL_PROFILE", "suport")]).expect_code(2);
    assert!(from_env.stderr.contains("did you mean support?"), "{}", from_env.stderr);
    for command in [&["auth", "status"][..], &["channel", "check"], &["send", "text", "--to", PHONE, "hi"]] {
        let run = env.run(&[&["--profile", "shpo"], command].concat(), &[]).expect_code(2);
        assert!(run.stderr.contains("did you mean shop?"), "{command:?}: {}", run.stderr);
    }

    let emu = env.emulator(&[]);
    for (flag, bad, valid) in [
        ("--status", "aproved", "approved"),
        ("--category", "utlity", "UTILITY"),
        ("--sort", "color", "language"),
    ] {
        let run = on(&env, &emu, &["templates", "list", flag, bad]).expect_code(2);
        assert!(run.stderr.contains(&format!("invalid value '{bad}' for '{flag}")), "{}", run.stderr);
        assert!(run.stderr.contains(valid), "names the valid values: {}", run.stderr);
        assert!(!run.stderr.contains("No templates match"), "{}", run.stderr);
    }
    assert!(emu.requests().is_empty(), "no request for a usage error: {:?}", emu.requests());
    on(&env, &emu, &["templates", "list", "--status", "APPROVED", "--category", "utility"]).expect_code(0);

    for bad in ["0", "-1", "nan", "NaN", "inf", "abc"] {
        let run = on(&env, &emu, &[&format!("--timeout={bad}"), "templates", "list"]).expect_code(2);
        assert!(run.stderr.contains("for '--timeout <SECS>'"), "{}", run.stderr);
        let from_env = env.run(&["--emulator", "templates", "list"], &[("WHATSAPP_CTL_TIMEOUT", bad)]);
        from_env.expect_code(2);
    }

    let clap_error = on(&env, &emu, &["--json", "templates", "list", "--status", "aproved"]).expect_code(2);
    let error = json_error(&clap_error);
    assert_eq!(error["error"]["kind"], "usage");
    assert!(error["error"]["message"].as_str().is_some_and(|m| m.contains("--status")), "{error}");
    assert!(error.to_string().contains("approved"), "{error}");
    let unknown_flag = on(&env, &emu, &["send", "text", "--json", "--to", PHONE, "--markdwn"]).expect_code(2);
    assert_eq!(json_error(&unknown_flag)["error"]["kind"], "usage");
    let profile = env.run(&["--json", "--profile", "shpo", "templates", "list"], &[]).expect_code(2);
    assert!(json_error(&profile)["error"]["hint"].as_str().is_some_and(|h| h.contains("shop")));
    env.run(&["--json", "templates", "list", "--help"], &[]).expect_code(0);
}

/// Odd spellings of numbers: NaN, infinities, negative zero, the largest and a subnormal double,
/// huge and negative values, and arbitrary doubles and integers.
fn odd_number() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "nan",
            "NaN",
            "-nan",
            "inf",
            "-inf",
            "infinity",
            "+inf",
            "-0",
            "0",
            "-0.0",
            "1e308",
            "-1e308",
            "1e309",
            "1e-320",
            "4.9e-324",
            "18446744073709551616",
            "-1",
            "0.05",
            "1",
            "2.5",
            "65536",
            "",
        ])
        .prop_map(str::to_owned),
        any::<f64>().prop_map(|f| f.to_string()),
        any::<f64>().prop_map(|f| format!("{f:e}")),
        any::<i64>().prop_map(|n| n.to_string()),
    ]
}

/// Exit code of a server command: 0 once it prints its banner on stdout (then it is stopped),
/// else whatever it exited with.
fn server_exit_code(mut cmd: std::process::Command) -> i32 {
    use std::io::BufRead;
    use std::process::Stdio;
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("spawn");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    let _ = std::io::BufReader::new(stdout).read_line(&mut line);
    if !line.is_empty() {
        let _ = child.kill();
        let _ = child.wait();
        return 0;
    }
    child.wait().expect("wait").code().unwrap_or(-1)
}

#[test]
fn issue_11_every_numeric_flag_takes_odd_numbers_with_exit_0_or_2_never_a_panic() {
    let env = TestEnv::new("conv-numbers");
    let emu = env.emulator(&[]);
    let file = format!("{}/examples/templates/order_update.json", env!("CARGO_MANIFEST_DIR"));
    on(&env, &emu, &["templates", "submit", &file]).expect_code(0);
    let client_flags: [(&str, &[&str]); 5] = [
        ("--timeout", &["templates", "list", "--json"]),
        ("--retries", &["templates", "list", "--json"]),
        ("--limit", &["templates", "list", "--json"]),
        ("--offset", &["templates", "list", "--json"]),
        ("--wait-timeout", &["templates", "status", "order_update", "--wait"]),
    ];
    // `--port` is clap's own u16 parser (and a free port cannot be promised), so it is left out.
    let server_flags = ["--review-delay", "--fault-rate", "--latency", "--page-cap"];
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&odd_number(), |value| {
        for (flag, command) in client_flags {
            let mut args = vec!["--base-url", emu.base_url.as_str()];
            args.extend_from_slice(command);
            let given = format!("{flag}={value}");
            args.push(&given);
            let run = env.run(&args, &[TOKEN]);
            prop_assert!(run.code == 0 || run.code == 2, "{given}: {run:#?}");
            if run.code == 2 {
                prop_assert!(run.stderr.contains(flag), "{given} names the flag: {}", run.stderr);
            }
        }
        for flag in server_flags {
            let given = format!("{flag}={value}");
            let code = server_exit_code(env.cmd(&["emulator", "start", "--port=0", &given]));
            prop_assert!(code == 0 || code == 2, "emulator start {given}: exit {code}");
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    for value in ["inf", "1e308", "nan"] {
        let given = format!("--wait-timeout={value}");
        let run = on(&env, &emu, &["templates", "status", "order_update", "--wait", &given]).expect_code(2);
        assert!(run.stderr.contains("give a number of seconds from 0 to 604800"), "{}", run.stderr);
        let run = env.run(&["emulator", "start", &format!("--review-delay={value}")], &[]).expect_code(2);
        assert!(run.stderr.contains("--review-delay"), "{}", run.stderr);
    }

    for setting in [
        r#"{"review_delay_secs":1e308}"#,
        r#"{"review_delay_secs":-1}"#,
        r#"{"latency_ms":18446744073709551615}"#,
        r#"{"fault_rate":2}"#,
        r#"{"page_cap":0}"#,
    ] {
        let (status, body) = http("POST", &format!("{}/_emulator/settings", emu.base_url), Some(setting));
        assert_eq!(status, 400, "{setting}: {body}");
    }
    let (status, _) = http("GET", &format!("{}/_emulator/settings", emu.base_url), None);
    assert_eq!(status, 200, "the emulator still answers");
}

/// `examples/templates/NAME.json`.
fn example(name: &str) -> String {
    format!("{}/examples/templates/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn point_5_safe_by_default_remove_confirms_dry_run_shows_the_body_submit_summarises() {
    let env = TestEnv::new("conv-safe");
    env.run_with_stdin(
        &["auth", "login", "--token-stdin", "--no-verify", "--profile", "shop"],
        "key-12345678",
        &[],
    )
    .expect_code(0);
    let refused = env.run(&["profiles", "remove", "shop"], &[]).expect_code(2);
    assert!(refused.stderr.contains("needs confirmation"), "{}", refused.stderr);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
    assert!(
        env.read_config("credentials.toml").is_some_and(|c| c.contains("shop")),
        "the key is still there"
    );
    let listed = env.run(&["profiles", "list", "--json"], &[]).expect_code(0);
    assert!(listed.stdout.contains("shop"), "{listed:?}");
    let mut session = pty::spawn(&env, &["profiles", "remove", "shop"]);
    answer(&mut session, "Remove profile 'shop' and its stored key?", "n");
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("nothing was removed"), "{screen}");
    assert!(env.read_config("credentials.toml").is_some_and(|c| c.contains("shop")));
    env.run(&["profiles", "remove", "shop", "--yes"], &[]).expect_code(0);
    assert!(!env.read_config("credentials.toml").unwrap_or_default().contains("shop"));

    let emu = env.emulator(&[]);
    let files = [example("order_update"), example("login_code")];
    let dry = on(&env, &emu, &["templates", "submit", "--dry-run", &files[0], &files[1]]).expect_code(0);
    assert!(emu.requests().is_empty(), "a dry run sends nothing: {:?}", emu.requests());
    let printed: Vec<Value> =
        dry.stdout.lines().map(|line| serde_json::from_str(line).expect("one JSON body per line")).collect();
    let written: Vec<Value> = files
        .iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).expect("read")).expect("json"))
        .collect();
    assert_eq!(printed, written, "the exact bodies: {}", dry.stdout);
    let dry_json =
        on(&env, &emu, &["--json", "templates", "submit", "--dry-run", &files[0]]).expect_code(0).json();
    assert_eq!(dry_json[0]["body"], written[0]);
    assert_eq!(dry_json[0]["status"], "dry-run");

    on(&env, &emu, &["templates", "submit", &files[0]]).expect_code(0);
    let spring = example("spring_sale");
    let mixed = on(&env, &emu, &["templates", "submit", &files[0], &files[1], &spring]).expect_code(1);
    assert!(mixed.stderr.trim_end().ends_with("2 submitted, 1 failed"), "{}", mixed.stderr);
    let posted: Vec<Value> = emu
        .requests()
        .into_iter()
        .filter(|r| r["method"] == "POST")
        .map(|r| r["body"]["name"].clone())
        .collect();
    assert_eq!(posted.iter().filter(|n| *n == "order_update").count(), 2, "{posted:?}");
    let all_failed = on(&env, &emu, &["templates", "submit", &files[0], &files[1]]).expect_code(1);
    assert!(
        all_failed.stderr.contains("error: no template was submitted (0 submitted, 2 failed)"),
        "{}",
        all_failed.stderr
    );
    let single = on(&env, &emu, &["templates", "submit", &spring]).expect_code(1);
    assert!(single.stderr.contains("no template was submitted (0 submitted, 1 failed)"), "{}", single.stderr);
}

#[test]
fn point_7_help_puts_global_options_apart_and_ends_with_examples() {
    let env = TestEnv::new("conv-help");
    for command in [&["templates", "submit"][..], &["send", "text"], &["channel", "check"], &["setup"]] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = env.run(&args, &[]).expect_code(0).stdout;
        let (own, global) = help.split_once("\nGlobal options:\n").unwrap_or_else(|| panic!("{help}"));
        assert!(!own.contains("--timeout") && !own.contains("--profile"), "global flags apart: {help}");
        assert!(global.contains("--timeout <SECS>") && global.contains("--json"), "{help}");
        let examples = global.split_once("\nExamples:\n").map(|(_, e)| e).unwrap_or_else(|| panic!("{help}"));
        let joined = command.join(" ");
        assert!(examples.lines().any(|l| l.contains(&format!("whatsapp-ctl {joined}"))), "{help}");
        let short = env.run(&[command, &["-h"]].concat(), &[]).expect_code(0).stdout;
        assert!(short.contains("Examples:"), "-h shows them too: {short}");
    }
    let top = env.run(&["--help"], &[]).expect_code(0).stdout;
    assert!(top.contains("\nGlobal options:\n"), "{top}");
    let man = env.run(&["man"], &[]).expect_code(0).stdout;
    assert!(man.contains(".SH \"GLOBAL OPTIONS\""), "the man page has the heading too");
}

#[test]
fn point_8_webhook_parse_on_a_terminal_says_it_waits_for_standard_input() {
    let env = TestEnv::new("conv-parse");
    let mut session = pty::spawn(&env, &["webhook", "parse"]);
    let payload = r#"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"2"},"contacts":[{"profile":{"name":"Ana"},"wa_id":"4915123456789"}],"messages":[{"from":"4915123456789","id":"wamid.X","timestamp":"1700000000","type":"text","text":{"body":"hello"}}]}}]}]}"#;
    // Standard input stays a cooked terminal here (no prompt switches it to raw mode): type the
    // line once the notice is on screen, then end it with Ctrl-D.
    session.exp_string("waiting for a webhook payload on standard input").expect("the notice");
    session.send(&format!("{payload}\n")).expect("type");
    session.send("\x04").expect("Ctrl-D");
    session.flush().expect("flush");
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("hello"), "the payload was parsed: {screen}");

    let piped = env.run_with_stdin(&["webhook", "parse"], payload, &[]).expect_code(0);
    assert!(!piped.stderr.contains("waiting"), "no notice when something is piped: {}", piped.stderr);
}

/// The webhook the emulator has registered now.
fn registered_webhook(emu: &Emulator) -> Value {
    let url = format!("{}/v1/configs/webhook", emu.base_url);
    let (status, text) = common::http_with_headers("GET", &url, None, &[("D360-API-KEY", EMULATOR_KEY)]);
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).expect("webhook JSON")
}

#[test]
fn point_6_the_wizard_owns_up_to_a_changed_webhook_and_names_the_keys_real_source() {
    let env = TestEnv::new("conv-wizard");
    let emu = env.emulator(&[]);
    let old = "http://127.0.0.1:9/old";
    let new = "http://127.0.0.1:9/new";
    let url = format!("{}/v1/configs/webhook", emu.base_url);
    let body = format!(r#"{{"url":"{old}"}}"#);
    let (status, text) =
        common::http_with_headers("POST", &url, Some(&body), &[("D360-API-KEY", EMULATOR_KEY)]);
    assert!(status < 300, "{text}");

    let mut session = pty::spawn(&env, &["setup", "--base-url", &emu.base_url]);
    answer(&mut session, "Profile name", "\r");
    answer(&mut session, "API flavour", "\r");
    answer(&mut session, "API key", &format!("{EMULATOR_KEY}\r"));
    answer(&mut session, "Webhook URL", &format!("{new}\r"));
    let checklist = session.exp_string("Test recipient").expect("the checklist, then the next question");
    assert!(checklist.contains("from the hidden prompt"), "the checklist names the prompt: {checklist}");
    assert!(!checklist.contains("the command line"), "{checklist}");
    answer(&mut session, "(Enter to skip): ", ESCAPE);
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 130, "{screen}");
    assert!(
        screen.contains(&format!("the webhook at 360dialog was changed to {new} (it was {old} before)")),
        "{screen}"
    );
    assert!(!screen.contains("nothing was written"), "{screen}");
    assert!(screen.contains(&format!("channel activate --webhook-url {old}")), "how to undo: {screen}");
    assert_eq!(registered_webhook(&emu)["url"], new);
    assert!(env.read_config("config.toml").is_none(), "no profile was saved");

    let flags_only = env.run_with_stdin(
        &["setup", "--base-url", &emu.base_url, "--token-stdin", "--webhook-url", old, "--no-test", "--yes"],
        EMULATOR_KEY,
        &[],
    );
    let flags_only = flags_only.expect_code(0);
    assert!(flags_only.stderr.contains("from standard input (--token-stdin)"), "{}", flags_only.stderr);

    let mut session = pty::spawn(&env, &["setup", "--base-url", &emu.base_url]);
    answer(&mut session, "Profile name", "\r");
    answer(&mut session, "API flavour", "\r");
    answer(&mut session, "Enter keeps", "\r");
    answer(&mut session, "Webhook URL", &format!("{new}\r"));
    let checklist = session.exp_string("Test recipient").expect("the checklist, then the next question");
    assert!(checklist.contains("from the stored key (credentials.toml)"), "{checklist}");
    answer(&mut session, "(Enter to skip): ", "-\r");
    answer(&mut session, "Save profile 'default'", "n");
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 1, "{screen}");
    assert!(
        screen.contains(&format!(
            "setup cancelled: no profile was saved, but the webhook at 360dialog was changed to {new} (it was {old} before)"
        )),
        "{screen}"
    );
}

#[test]
fn point_1_environment_booleans_colour_off_on_a_terminal_and_empty_values_are_unset() {
    let env = TestEnv::new("conv-env");
    let screen = |no_color: Option<&str>| {
        let mut cmd = env.cmd(&["--emulator", "templates", "show", "nope"]);
        cmd.stdin(std::process::Stdio::inherit());
        match no_color {
            Some(value) => cmd.env("NO_COLOR", value),
            None => cmd.env_remove("NO_COLOR"),
        };
        let mut session = rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty");
        finish(&mut session)
    };
    for value in ["1", "true", "yes", "0"] {
        let (code, text) = screen(Some(value));
        assert_ne!(code, 0, "{text}");
        assert!(text.contains("error:") && !text.contains('\x1b'), "NO_COLOR={value}: {text:?}");
    }
    for unset in [None, Some("")] {
        let (_, text) = screen(unset);
        assert!(text.contains("\x1b["), "colour is on on a terminal when NO_COLOR is {unset:?}: {text:?}");
    }
    for value in ["1", "TRUE", "Yes", "on"] {
        env.run(&["templates", "list", "--json"], &[("WHATSAPP_CTL_EMULATOR", value)]).expect_code(0);
    }
    for value in ["0", "false", "NO", "off", ""] {
        env.run(&["templates", "list"], &[("WHATSAPP_CTL_EMULATOR", value)]).expect_code(4);
    }
    let odd = env.run(&["templates", "list"], &[("WHATSAPP_CTL_EMULATOR", "maybe")]).expect_code(2);
    assert!(odd.stderr.contains("--emulator"), "{}", odd.stderr);
}
