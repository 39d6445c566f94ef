//! The partner API end to end against the emulator's partner account (`--channels N`): login
//! verifies the partner key before storing it, `partner channels` fetches every page, `adopt`
//! stores one working profile per channel and never mints twice, and no partner or minted key
//! reaches any output.

mod common;
mod hook_server;

use std::path::PathBuf;

use common::{Emulator, PARTNER_KEY, Run, TestEnv, write_templates};
use serde_json::Value;

fn partner_id(emu: &Emulator) -> String {
    emu.banner["partner_id"].as_str().expect("banner has partner_id").to_owned()
}

/// Every channel key the emulator holds now (its per-channel state files).
fn channel_keys(env: &TestEnv) -> Vec<String> {
    let mut dir = env.state_path().into_os_string();
    dir.push(".partner");
    let mut keys = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(PathBuf::from(dir))
        .expect("partner folder")
        .map(|e| e.expect("entry").path())
        .collect();
    // In channel order (the files are named by channel id).
    paths.sort();
    for path in paths {
        if path.file_name().is_some_and(|n| n != "partner.json")
            && path.extension().is_some_and(|e| e == "json")
        {
            let state: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
            keys.push(state["key"].as_str().expect("key").to_owned());
        }
    }
    keys
}

fn assert_no_channel_key_in(env: &TestEnv, run: &Run) {
    for key in channel_keys(env) {
        assert!(!run.stdout.contains(&key) && !run.stderr.contains(&key), "a channel key leaked: {run:#?}");
    }
}

/// Revokes the key a profile holds for `channel` the way a key minted behind the tool's back
/// does: a new key is minted for the channel straight through the partner API.
fn revoke_key_of(emu: &Emulator, channel: &str) {
    let (status, text) = common::http_with_headers(
        "POST",
        &format!("{}/api/v2/partners/{}/channels/{channel}/api_keys", emu.base_url, partner_id(emu)),
        Some("{}"),
        &[("X-API-Key", PARTNER_KEY)],
    );
    assert_eq!(status, 201, "{text}");
}

fn mint_requests(emu: &Emulator) -> usize {
    emu.requests()
        .iter()
        .filter(|r| r["method"] == "POST" && r["path"].as_str().is_some_and(|p| p.ends_with("/api_keys")))
        .count()
}

#[test]
fn rejected_partner_key_exits_4_and_stores_nothing() {
    let env = TestEnv::new("partner-reject");
    let emu = env.emulator(&["--channels", "2"]);
    let id = partner_id(&emu);
    let login = ["partner", "login", "--partner-id", &id, "--token-stdin", "--hub-url", &emu.base_url];
    let run = env.run_with_stdin(&login, "wrong_partner_key_0000000000", &[]).expect_code(4);
    assert!(run.stderr.contains("rejected") && run.stderr.contains("nothing was stored"), "{run:#?}");
    assert!(run.stderr.contains("hint:"), "{run:#?}");
    assert_eq!(env.read_config("credentials.toml"), None);
    assert_eq!(env.read_config("config.toml"), None);
    let checks = emu.requests();
    assert_eq!(checks.len(), 1, "{checks:#?}");
    assert_eq!(checks[0]["path"], format!("/api/v2/partners/{id}/channels"));
    assert!(checks[0]["query"].as_str().is_some_and(|q| q.contains("limit=1")), "{checks:#?}");

    let run = env.run_with_stdin(&login, PARTNER_KEY, &[]).expect_code(0);
    assert!(run.stdout.contains("verified and stored"), "{run:#?}");
    let credentials = env.read_config("credentials.toml").expect("credentials stored");
    assert!(credentials.contains("[partner]") && credentials.contains(PARTNER_KEY));
    assert_eq!(common::mode(&env.config_dir().join("credentials.toml")), 0o600);
    let config = env.read_config("config.toml").expect("config stored");
    assert!(config.contains(&id) && config.contains(&emu.base_url), "{config}");

    let status = env.run(&["partner", "status", "--json"], &[]).expect_code(0).json();
    assert_eq!(status["verified"], true);
    assert_eq!(status["token_source"], "config");
    assert_eq!(status["channels"], 2);
    assert_eq!(status["token_hint"], format!("…{}", &PARTNER_KEY[PARTNER_KEY.len() - 4..]));

    env.run(&["partner", "logout"], &[]).expect_code(0);
    assert!(!env.read_config("credentials.toml").unwrap_or_default().contains(PARTNER_KEY));
    env.run(&["partner", "status"], &[]).expect_code(4);
    env.run(&["partner", "channels"], &[]).expect_code(4);
}

#[test]
fn plain_http_to_a_remote_hub_is_refused_before_any_request() {
    let env = TestEnv::new("partner-http");
    let run = env
        .run_with_stdin(
            &[
                "partner",
                "login",
                "--partner-id",
                "abc",
                "--token-stdin",
                "--hub-url",
                "http://hub.example.com",
            ],
            "some_partner_key_12345678",
            &[],
        )
        .expect_code(3);
    assert!(run.stderr.contains("plain http://"), "{run:#?}");
    assert_eq!(env.read_config("credentials.toml"), None);
}

#[test]
fn partner_channels_returns_every_channel_across_several_pages() {
    let env = TestEnv::new("partner-pages");
    let emu = env.emulator(&["--channels", "7", "--page-cap", "2"]);
    let channels = env.run_partner(&emu, &["partner", "channels", "--json"]).expect_code(0).json();
    let ids: Vec<&str> =
        channels.as_array().expect("array").iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids.len(), 7, "{channels:#}");
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), 7);
    assert!(channels.as_array().expect("array").iter().all(|c| c["profile"].is_null()));
    let pages = emu
        .requests()
        .iter()
        .filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with("/channels")))
        .count();
    assert_eq!(pages, 4, "7 channels at 2 a page");

    let running =
        env.run_partner(&emu, &["partner", "channels", "--status", "running", "--json"]).expect_code(0);
    let running = running.json();
    assert_eq!(running.as_array().map(Vec::len), Some(2), "{running:#}");
    assert!(running.as_array().expect("array").iter().all(|c| c["status"] == "running"));

    let table = env.run_partner(&emu, &["partner", "channels"]).expect_code(0);
    let header = table.stdout.lines().next().unwrap_or_default().to_owned();
    for column in ["ID", "PHONE", "NAME", "STATUS", "WABA", "QUALITY", "LIMIT", "PROFILE"] {
        assert!(header.contains(column), "{header}");
    }
    assert!(table.stdout.contains("emu00001CH") && table.stdout.contains("+49 151 0000001"), "{table:#?}");
    assert!(table.stdout.contains("emuwaba00001WA") && table.stdout.contains("GREEN"), "{table:#?}");
}

#[test]
fn adopt_all_stores_one_working_profile_per_channel_and_never_mints_twice() {
    let env = TestEnv::new("partner-adopt");
    let emu = env.emulator(&["--channels", "3"]);
    let adopted = env
        .run_partner(&emu, &["partner", "adopt", "--all", "--prefix", "shop-", "--json", "-vv"])
        .expect_code(0);
    assert_no_channel_key_in(&env, &adopted);
    let adopted = adopted.json();
    let rows = adopted.as_array().expect("array");
    assert_eq!(rows.len(), 3, "{adopted:#}");
    for row in rows {
        assert_eq!(row["base_url"], emu.base_url.as_str());
        assert!(row["profile"].as_str().is_some_and(|p| p.starts_with("shop-49151")), "{row}");
        assert!(row["token_hint"].as_str().is_some_and(|h| h.starts_with('…')));
        assert_eq!(row["minted"], true);
    }
    assert_eq!(mint_requests(&emu), 3);
    let profiles: Vec<String> =
        rows.iter().map(|r| r["profile"].as_str().expect("profile").to_owned()).collect();
    let credentials = env.read_config("credentials.toml").expect("credentials");
    let keys = channel_keys(&env);
    assert_eq!(keys.len(), 3);
    assert!(keys.iter().all(|k| credentials.contains(k.as_str())), "each minted key is stored");

    // Each profile reaches its own channel's state: a template submitted with one is not on another.
    let submit =
        ["templates", "submit", "--name", "fleet_hello", "--category", "UTILITY", "--language", "en"];
    env.run(&[&submit[..], &["--body", "Hello from the fleet.", "--profile", &profiles[0]]].concat(), &[])
        .expect_code(0);
    let list = |profile: &str| -> Vec<String> {
        let run = env.run(&["templates", "list", "--json", "--profile", profile], &[]).expect_code(0);
        run.json()
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|t| t["name"].as_str().map(str::to_owned))
            .collect()
    };
    assert!(list(&profiles[0]).contains(&"fleet_hello".to_owned()));
    assert!(!list(&profiles[1]).contains(&"fleet_hello".to_owned()));
    let log = emu.requests();
    let reached: Vec<&str> = log
        .iter()
        .filter(|r| r["path"] == "/v1/configs/templates")
        .filter_map(|r| r["channel"].as_str())
        .collect();
    assert_eq!(reached, ["emu00001CH", "emu00001CH", "emu00002CH"], "{log:#?}");

    // Adopting again mints nothing: the profiles already hold the channels.
    emu.clear_requests();
    let again =
        env.run_partner(&emu, &["partner", "adopt", "--all", "--prefix", "shop-", "--json"]).expect_code(0);
    assert!(again.json().as_array().expect("array").iter().all(|r| r["minted"] == false), "{again:#?}");
    assert_eq!(mint_requests(&emu), 0);
    assert_eq!(channel_keys(&env), keys);

    let listed = env.run_partner(&emu, &["partner", "channels", "--json"]).expect_code(0).json();
    let held: Vec<&str> =
        listed.as_array().expect("array").iter().filter_map(|c| c["profile"].as_str()).collect();
    assert_eq!(held.len(), 3, "{listed:#}");

    // --force mints a new key; the old one stops working and the profile keeps working.
    let forced = env.run_partner(&emu, &["partner", "adopt", "emu00002CH", "--force", "-vv"]).expect_code(0);
    assert_no_channel_key_in(&env, &forced);
    assert_eq!(mint_requests(&emu), 1);
    let old = &keys[1];
    assert!(!channel_keys(&env).contains(old));
    assert!(!list(&profiles[1]).contains(&"fleet_hello".to_owned()));
}

#[test]
fn adopting_an_unknown_channel_or_onto_a_foreign_profile_mints_nothing() {
    let env = TestEnv::new("partner-conflict");
    let emu = env.emulator(&["--channels", "2"]);
    let run = env.run_partner(&emu, &["partner", "adopt", "nope00000CH"]).expect_code(3);
    assert!(run.stderr.contains("nope00000CH") && run.stderr.contains("nothing was minted"), "{run:#?}");
    env.write_config("config.toml", "[profiles.x491510000001]\napi = \"cloud\"\n");
    let run = env.run_partner(&emu, &["partner", "adopt", "--all", "--prefix", "x"]).expect_code(3);
    assert!(run.stderr.contains("'x491510000001' already exists"), "{run:#?}");
    assert_eq!(mint_requests(&emu), 0);
    assert_eq!(env.read_config("credentials.toml"), None);
}

#[test]
fn fleet_check_runs_the_profiles_concurrently_and_a_revoked_key_fails_only_its_profile() {
    let env = TestEnv::new("partner-fleet");
    let emu = env.emulator(&["--channels", "6", "--latency", "250"]);
    let profiles = env.adopt_all(&emu);
    assert_eq!(profiles.len(), 6);
    // Each channel gets a webhook, registered with its own key.
    let hook = hook_server::HookServer::ok();
    for key in channel_keys(&env) {
        let body = serde_json::json!({ "url": hook.url }).to_string();
        let (status, text) = common::http_with_headers(
            "POST",
            &format!("{}/v1/configs/webhook", emu.base_url),
            Some(&body),
            &[("D360-API-KEY", &key)],
        );
        assert_eq!(status, 200, "{text}");
    }
    // The key the third profile holds, revoked behind the tool's back.
    revoke_key_of(&emu, "emu00003CH");
    emu.clear_requests();
    let run = env
        .run(&["--all-profiles", "--concurrency", "6", "channel", "check", "--json", "-vv"], &[])
        .expect_code(1);
    assert_no_channel_key_in(&env, &run);
    let report = run.json();
    let entries = report["profiles"].as_array().expect("profiles");
    assert_eq!(entries.len(), 6, "{report:#}");
    for (entry, profile) in entries.iter().zip(&profiles) {
        assert_eq!(entry["profile"], profile.as_str());
        let expected = if profile == &profiles[2] { 4 } else { 0 };
        assert_eq!(entry["exit_code"], expected, "{entry:#}");
        assert!(entry["result"]["checks"].is_array(), "{entry:#}");
    }
    // Overlap, read from the emulator's log rather than a clock: the first request of every
    // channel arrived before any channel's second one.
    let log = emu.requests();
    let order: Vec<&str> = log.iter().filter_map(|r| r["channel"].as_str()).collect();
    let first_five: std::collections::BTreeSet<&str> = order.iter().take(5).copied().collect();
    assert_eq!(first_five.len(), 5, "the five live channels' checks overlap: {order:?}");

    // Human form: one section per profile, and --profiles picks some.
    let run = env.run(&["--profiles", &format!("{},{}", profiles[0], profiles[1]), "channel", "check"], &[]);
    let run = run.expect_code(0);
    assert!(run.stdout.contains(&format!("== profile {} (ok)", profiles[0])), "{run:#?}");
    assert!(run.stdout.contains("0 of 2 profiles failed"), "{run:#?}");
    env.run(&["--profiles", "nobody", "channel", "check"], &[]).expect_code(2);
    env.run(&["--all-profiles", "templates", "delete", "x", "--yes"], &[]).expect_code(2);
}

#[test]
fn fleet_templates_list_shows_each_channels_own_templates() {
    let env = TestEnv::new("partner-fleet-list");
    let emu = env.emulator(&["--channels", "2"]);
    let profiles = env.adopt_all(&emu);
    let submit = ["templates", "submit", "--name", "only_first", "--category", "UTILITY", "--language", "en"];
    env.run(
        &[&submit[..], &["--body", "Only on the first channel.", "--profile", &profiles[0]]].concat(),
        &[],
    )
    .expect_code(0);
    let report = env.run(&["--all-profiles", "templates", "list", "--json"], &[]).expect_code(0).json();
    let entries = report["profiles"].as_array().expect("profiles");
    let names = |i: usize| -> Vec<&str> {
        entries[i]["result"].as_array().expect("list").iter().filter_map(|t| t["name"].as_str()).collect()
    };
    assert_eq!(names(0), ["only_first"]);
    assert!(names(1).is_empty(), "{report:#}");
    assert!(entries.iter().all(|e| e["error"].is_null() && e["exit_code"] == 0));
}

#[test]
fn the_partner_api_rate_limit_is_honoured_and_a_bad_partner_id_is_refused_locally() {
    let env = TestEnv::new("partner-429");
    let emu = env.emulator(&["--channels", "2"]);
    emu.fail_next(serde_json::json!([{"status": 429, "retry_after": 0}, {"status": 503}]));
    let channels = env.run_partner(&emu, &["partner", "channels", "--json"]).expect_code(0).json();
    assert_eq!(channels.as_array().map(Vec::len), Some(2));
    let faults: Vec<Value> = emu.requests().into_iter().filter(|r| !r["fault"].is_null()).collect();
    assert_eq!(faults.len(), 2, "both faults were met and retried through");

    let login = ["partner", "login", "--partner-id", "../x", "--token-stdin", "--hub-url", &emu.base_url];
    let run = env.run_with_stdin(&login, PARTNER_KEY, &[]).expect_code(3);
    assert!(run.stderr.contains("not a partner id"), "{run:#?}");
    assert_eq!(env.read_config("credentials.toml"), None);
}

/// Each profile's template names (sorted), through a fleet `templates list`.
fn fleet_names(env: &TestEnv) -> Vec<Vec<String>> {
    let report = env.run(&["--all-profiles", "templates", "list", "--json"], &[]).expect_code(0).json();
    let entries = report["profiles"].as_array().expect("profiles");
    entries
        .iter()
        .map(|e| {
            let mut names: Vec<String> = e["result"]
                .as_array()
                .expect("list")
                .iter()
                .filter_map(|t| t["name"].as_str().map(str::to_owned))
                .collect();
            names.sort();
            names
        })
        .collect()
}

#[test]
fn fleet_templates_apply_leaves_the_same_templates_on_every_channel() {
    let env = TestEnv::new("partner-fleet-apply");
    let emu = env.emulator(&["--channels", "3"]);
    let profiles = env.adopt_all(&emu);
    assert_eq!(profiles.len(), 3);
    let dir = env.root.join("fleet-templates");
    write_templates(&dir, &["fleet_a", "fleet_b", "fleet_c"]);
    let dir_arg = dir.to_str().expect("utf-8 path");

    // An invalid file stops the whole fleet before any request (exit 3).
    let broken = env.root.join("broken-templates");
    write_templates(&broken, &["fine_one"]);
    std::fs::write(broken.join("broken.json"), "{ not json").expect("write");
    emu.clear_requests();
    let run = env
        .run(&["--all-profiles", "templates", "apply", "--yes", broken.to_str().expect("utf-8")], &[])
        .expect_code(3);
    assert!(run.stderr.contains("broken.json"), "{run:#?}");
    assert!(emu.requests().is_empty(), "no request at all: {:?}", emu.requests());

    // Without a terminal, apply needs --yes: exit 2 after planning, nothing changed anywhere.
    let run = env.run(&["--all-profiles", "templates", "apply", dir_arg], &[]).expect_code(2);
    assert!(run.stderr.contains("--yes"), "{run:#?}");
    assert!(run.stdout.contains(&format!("== profile {}", profiles[1])), "every plan shown: {run:#?}");
    assert!(emu.requests().iter().all(|r| r["method"] == "GET"), "nothing written: {:?}", emu.requests());
    assert_eq!(fleet_names(&env), vec![Vec::<String>::new(); 3]);

    let report = env
        .run(&["--all-profiles", "templates", "apply", "--yes", "--json", "-vv", dir_arg], &[])
        .expect_code(0);
    assert_no_channel_key_in(&env, &report);
    let report = report.json();
    let entries = report["profiles"].as_array().expect("profiles");
    assert_eq!(entries.len(), 3, "{report:#}");
    for (entry, profile) in entries.iter().zip(&profiles) {
        assert_eq!(entry["profile"], profile.as_str());
        assert_eq!(entry["exit_code"], 0, "{entry:#}");
        assert_eq!(entry["result"]["summary"]["create"], 3, "{entry:#}");
    }
    let expected: Vec<String> = ["fleet_a", "fleet_b", "fleet_c"].iter().map(|s| s.to_string()).collect();
    assert_eq!(fleet_names(&env), vec![expected.clone(); 3]);

    // The channels now match the files: a fleet drift check passes, in one section per profile.
    let run = env.run(&["--all-profiles", "templates", "plan", "--check", dir_arg], &[]).expect_code(0);
    assert!(run.stdout.contains(&format!("== profile {} (ok)", profiles[2])), "{run:#?}");
    assert!(run.stdout.contains("0 of 3 profiles failed"), "{run:#?}");

    // A new file, and the third channel's key revoked: only that profile fails, with exit 4.
    write_templates(&dir, &["fleet_d"]);
    revoke_key_of(&emu, "emu00003CH");
    let run =
        env.run(&["--all-profiles", "templates", "apply", "--yes", "--json", dir_arg], &[]).expect_code(1);
    let report = run.json();
    let codes: Vec<&Value> =
        report["profiles"].as_array().expect("profiles").iter().map(|e| &e["exit_code"]).collect();
    assert_eq!(codes, [0, 0, 4], "{report:#}");
    assert_eq!(report["profiles"][2]["error"]["kind"], "auth", "{report:#}");
    let plan = env.run(
        &["--profiles", &format!("{},{}", profiles[0], profiles[1]), "templates", "plan", "--check", dir_arg],
        &[],
    );
    plan.expect_code(0);
}
