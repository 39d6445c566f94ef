//! `config get|set|list` end to end: values round-trip through config.toml, invalid values exit
//! 3 with the file untouched, keys are refused, and a stored base URL is the one commands use.

mod common;

use common::{EMULATOR_KEY, TestEnv};

#[test]
fn set_then_get_round_trips_and_the_stored_base_url_is_used() {
    let env = TestEnv::new("cfg-roundtrip");
    let emu = env.emulator(&[]);
    let set =
        env.run(&["config", "set", "base_url", &format!("{}/", emu.base_url), "--json"], &[]).expect_code(0);
    assert_eq!(set.json()["value"], emu.base_url.as_str());
    env.run(&["config", "set", "test-recipient", "+49 151 2345-6789"], &[]).expect_code(0);
    let got = env.run(&["config", "get", "base_url"], &[]).expect_code(0);
    assert_eq!(got.stdout, format!("{}\n", emu.base_url));
    let phone = env.run(&["config", "get", "test_recipient", "--json"], &[]).expect_code(0).json();
    assert_eq!(phone["value"], "4915123456789");
    assert_eq!(phone["profile"], "default");
    let stored = env.read_config("config.toml").expect("config.toml");
    assert!(stored.contains("test_recipient = \"4915123456789\""), "{stored}");
    let list = env.run(&["config", "list", "--json"], &[]).expect_code(0).json();
    assert_eq!(list["settings"]["base_url"], emu.base_url.as_str());
    assert!(list["settings"]["webhook_url"].is_null());
    let human = env.run(&["config", "list"], &[]).expect_code(0);
    assert!(human.stdout.contains("test_recipient") && human.stdout.contains("4915123456789"), "{human:?}");
    // The stored base URL is the one the next command talks to.
    env.run(&["templates", "list", "--json"], &[("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)]).expect_code(0);
    assert_eq!(emu.requests().len(), 1);
}

#[test]
fn invalid_values_exit_3_and_leave_the_file_byte_for_byte() {
    let env = TestEnv::new("cfg-invalid");
    let original = "# my notes\ncurrent_profile = \"work\"\n\n[profiles.work]\nbase_url = \"https://waba-v2.360dialog.io\"\n";
    env.write_config("config.toml", original);
    for (key, value, says) in [
        ("base_url", "http://api.example.com", "not a loopback host"),
        ("base_url", "not a url", "invalid base_url"),
        ("test_recipient", "0151 2345678", "country code"),
        ("webhook_url", "ftp://hooks.example.com/x", "invalid webhook_url"),
        ("api", "graph", "not an API flavour"),
    ] {
        let run = env.run(&["config", "set", key, value], &[]).expect_code(3);
        assert!(run.stderr.contains(says), "{key}={value}: {}", run.stderr);
        assert!(run.stderr.contains("nothing was stored"), "{}", run.stderr);
        assert_eq!(env.read_config("config.toml").as_deref(), Some(original), "{key}={value}");
    }
    let json =
        env.run(&["config", "set", "base_url", "http://api.example.com", "--json"], &[]).expect_code(3);
    assert!(json.stdout.is_empty());
    assert!(json.stderr.contains("\"kind\":\"invalid\""), "{}", json.stderr);
    assert_eq!(env.read_config("config.toml").as_deref(), Some(original));
}

#[test]
fn keys_are_refused_and_unknown_settings_named() {
    let env = TestEnv::new("cfg-keys");
    let run = env.run(&["config", "set", "api_key", "abcdefgh12345678"], &[]).expect_code(2);
    assert!(run.stderr.contains("auth login"), "{}", run.stderr);
    assert!(!run.stderr.contains("abcdefgh12345678"), "{}", run.stderr);
    assert!(env.read_config("credentials.toml").is_none());
    let unknown = env.run(&["config", "get", "colour"], &[]).expect_code(2);
    assert!(unknown.stderr.contains("known settings: api, base_url"), "{}", unknown.stderr);
    let unset = env.run(&["config", "get", "webhook_url", "--profile", "other"], &[]).expect_code(1);
    assert!(unset.stderr.contains("webhook_url is not set for profile 'other'"), "{}", unset.stderr);
    assert!(unset.stderr.contains("config set webhook_url"), "{}", unset.stderr);
}
