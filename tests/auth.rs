//! Token setup end to end: `auth login|status|logout|token` and `profiles` against the emulator.

mod common;

use common::{EMULATOR_KEY, TestEnv, dead_port, mode};
use serde_json::json;

#[test]
fn login_verifies_the_key_with_the_api_and_stores_it_private() {
    let env = TestEnv::new("login");
    let emu = env.emulator(&[]);
    env.run_with_stdin(&["auth", "login", "--token-stdin", "--base-url", &emu.base_url], EMULATOR_KEY, &[])
        .expect_code(0);
    let requests = emu.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(requests[0]["method"], "GET");
    assert_eq!(requests[0]["path"], "/v1/configs/webhook");
    assert_eq!(requests[0]["api_key"], "valid");
    let credentials = env.config_dir().join("credentials.toml");
    assert_eq!(mode(&credentials), 0o600);
    assert_eq!(mode(&env.config_dir()), 0o700);
    assert!(env.read_config("credentials.toml").expect("stored").contains(EMULATOR_KEY));
    let status = env.run(&["auth", "status", "--json"], &[]).expect_code(0).json();
    assert_eq!(status["token_source"], "config");
    assert_eq!(status["verified"], true);
    assert_eq!(status["base_url"], emu.base_url.as_str());
    assert_eq!(status["token_hint"], format!("…{}", &EMULATOR_KEY[EMULATOR_KEY.len() - 4..]));
}

#[test]
fn rejected_key_exits_4_and_stores_nothing() {
    let env = TestEnv::new("rejected");
    let emu = env.emulator(&[]);
    let run = env
        .run_with_stdin(
            &["auth", "login", "--token-stdin", "--base-url", &emu.base_url],
            "wrong-key-0000",
            &[],
        )
        .expect_code(4);
    assert!(run.stderr.contains("the API rejected this key; nothing was stored"), "{}", run.stderr);
    assert_eq!(emu.requests()[0]["api_key"], "invalid");
    assert!(env.read_config("credentials.toml").is_none());
    assert!(env.read_config("config.toml").is_none());
}

#[test]
fn environment_token_beats_the_stored_key_and_status_says_so() {
    let env = TestEnv::new("envtoken");
    let emu = env.emulator(&[]);
    env.write_config("credentials.toml", "[profiles.default]\napi_key = \"stale-stored-key\"\n");
    env.write_config("config.toml", &format!("[profiles.default]\nbase_url = \"{}\"\n", emu.base_url));
    let status =
        env.run(&["auth", "status", "--json"], &[("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)]).expect_code(0).json();
    assert_eq!(status["token_source"], "env");
    assert_eq!(status["verified"], true);
    let stored_only = env.run(&["auth", "status", "--json"], &[]).expect_code(4).json();
    assert_eq!(
        (stored_only["token_source"].as_str(), stored_only["verified"].as_bool()),
        (Some("config"), Some(false))
    );
    let d360 =
        env.run(&["auth", "status", "--json"], &[("D360_API_KEY", EMULATOR_KEY)]).expect_code(0).json();
    assert_eq!(d360["token_source"], "env");
}

#[test]
fn missing_key_exits_4_with_a_hint_naming_auth_login() {
    let env = TestEnv::new("nokey");
    let run = env.run(&["auth", "token"], &[]).expect_code(4);
    assert!(run.stderr.contains("error: no API key for profile 'default'"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: run `whatsapp-ctl auth login --profile default`"), "{}", run.stderr);
    let json = env.run(&["auth", "token", "--json"], &[]).expect_code(4);
    assert!(json.stdout.is_empty());
    let error: serde_json::Value = serde_json::from_str(json.stderr.trim()).expect("JSON error");
    assert_eq!(error["error"]["kind"], "auth");
}

#[test]
fn plain_http_to_a_remote_host_is_refused_before_any_request() {
    let env = TestEnv::new("insecure");
    let run = env
        .run_with_stdin(
            &["auth", "login", "--token-stdin", "--base-url", "http://api.example.com"],
            "some-key",
            &[],
        )
        .expect_code(3);
    assert!(
        run.stderr.contains("refusing to send the API key over plain http:// to api.example.com"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("can't reach"), "{}", run.stderr);
    assert!(env.read_config("credentials.toml").is_none());
}

#[test]
fn verbose_output_never_contains_the_key() {
    let env = TestEnv::new("secret");
    let emu = env.emulator(&[]);
    let login = env.run_with_stdin(
        &["-vv", "auth", "login", "--token-stdin", "--base-url", &emu.base_url],
        EMULATOR_KEY,
        &[],
    );
    let status = env.run(&["-vv", "auth", "status"], &[]);
    let listing = env.run(&["-vv", "profiles", "list"], &[]);
    for run in [&login, &status, &listing] {
        assert_eq!(run.code, 0, "{run:#?}");
        assert!(!run.stdout.contains(EMULATOR_KEY) && !run.stderr.contains(EMULATOR_KEY), "{run:#?}");
    }
    assert!(status.stderr.contains("GET "), "-vv shows requests: {}", status.stderr);
    assert!(status.stderr.contains("response body"), "-vv shows bodies: {}", status.stderr);
}

#[test]
fn twenty_concurrent_logins_all_end_up_stored() {
    let env = TestEnv::new("concurrent");
    let emu = env.emulator(&[]);
    let children: Vec<_> = (0..20)
        .map(|n| {
            let profile = format!("p{n}");
            let mut cmd = env.cmd(&[
                "auth",
                "login",
                "--token-stdin",
                "--profile",
                &profile,
                "--base-url",
                &emu.base_url,
            ]);
            cmd.stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped());
            let mut child = cmd.spawn().expect("spawn");
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(EMULATOR_KEY.as_bytes()).expect("write");
            child
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("wait");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let list = env.run(&["profiles", "list", "--json"], &[]).expect_code(0).json();
    let names: Vec<&str> =
        list.as_array().expect("array").iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names.len(), 20, "{names:?}");
    let credentials = env.read_config("credentials.toml").expect("credentials");
    assert_eq!(credentials.matches(EMULATOR_KEY).count(), 20);
}

#[test]
fn corrupt_config_is_reported_with_path_and_line_and_not_rewritten() {
    let env = TestEnv::new("corrupt");
    let broken = "[profiles.default]\napi = \"cloud\"\nbase_url = \n";
    env.write_config("config.toml", broken);
    let run =
        env.run_with_stdin(&["auth", "login", "--token-stdin", "--no-verify"], "k-1234", &[]).expect_code(1);
    let path = env.config_dir().join("config.toml");
    assert!(
        run.stderr.contains(&format!("{} is not valid TOML at line 3", path.display())),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    assert_eq!(env.read_config("config.toml").as_deref(), Some(broken));
    assert!(env.read_config("credentials.toml").is_none());
}

#[test]
fn reads_retry_through_503s_and_a_429() {
    let env = TestEnv::new("retry");
    let emu = env.emulator(&[]);
    emu.fail_next(json!([{"status": 503}, {"status": 503}, {"status": 429, "retry_after": 0}]));
    let status = env
        .run(
            &["auth", "status", "--json", "--base-url", &emu.base_url],
            &[("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)],
        )
        .expect_code(0)
        .json();
    assert_eq!(status["verified"], true);
    let faults: Vec<_> = emu.requests().iter().map(|r| r["fault"].as_u64()).collect();
    assert_eq!(faults, vec![Some(503), Some(503), Some(429), None]);
}

#[test]
fn dead_port_ends_in_exit_5_after_the_retries() {
    let env = TestEnv::new("deadport");
    let base = format!("http://127.0.0.1:{}", dead_port());
    let run = env
        .run(&["auth", "status", "--retries", "2", "--base-url", &base], &[("WHATSAPP_CTL_TOKEN", "k-1234")])
        .expect_code(5);
    assert!(run.stderr.contains("can't reach"), "{}", run.stderr);
    assert!(run.stderr.contains("3 attempts"), "{}", run.stderr);
}

#[test]
fn logout_removes_only_the_key_and_profiles_use_switches() {
    let env = TestEnv::new("profiles");
    for profile in ["shop", "support"] {
        env.run_with_stdin(
            &["auth", "login", "--token-stdin", "--no-verify", "--profile", profile],
            "key-9876",
            &[],
        )
        .expect_code(0);
    }
    env.run(&["profiles", "use", "support"], &[]).expect_code(0);
    let dead = format!("http://127.0.0.1:{}", dead_port());
    let status = env.run(&["auth", "status", "--json", "--base-url", &dead], &[]).json();
    assert_eq!(status["profile"], "support");
    env.run(&["auth", "logout"], &[]).expect_code(0);
    let token = env.run(&["auth", "token"], &[]).expect_code(4);
    assert!(token.stderr.contains("profile 'support'"), "{}", token.stderr);
    env.run(&["--profile", "shop", "auth", "token"], &[]).expect_code(0);
    env.run(&["profiles", "remove", "shop", "--yes"], &[]).expect_code(0);
    let missing = env.run(&["profiles", "use", "shop"], &[]).expect_code(1);
    assert!(missing.stderr.contains("no profile named 'shop'"), "{}", missing.stderr);
}

#[test]
fn login_without_a_terminal_or_token_stdin_exits_2_at_once() {
    let env = TestEnv::new("noterm");
    let run = env.run(&["auth", "login"], &[]).expect_code(2);
    assert!(run.stderr.contains("--token-stdin"), "{}", run.stderr);
}

#[test]
fn environment_booleans_follow_the_conventions() {
    let env = TestEnv::new("env-booleans");
    for value in ["1", "yes", "true", "0", ""] {
        let run = env.run(&["--emulator", "templates", "list", "--json"], &[("NO_COLOR", value)]);
        run.expect_code(0);
    }
    for value in ["1", "YES", "on", "true"] {
        let run = env.run(&["templates", "list", "--json"], &[("WHATSAPP_CTL_EMULATOR", value)]);
        assert!(run.json().is_array(), "WHATSAPP_CTL_EMULATOR={value} runs on the emulator");
    }
    env.run(&["templates", "list"], &[("WHATSAPP_CTL_EMULATOR", "off")]).expect_code(4);
}
