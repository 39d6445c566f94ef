//! Robustness under faults, end to end against the emulator on loopback. With 30 % of API
//! requests failing (random 500/502/503/555 and 429; half of the 5xx on a POST come after the
//! server acted), `templates list` always returns the full, correct set, `templates submit`
//! creates each template exactly once, and a message send (through the client API,
//! `Client::send_message`) is never duplicated. A process killed with SIGKILL in the middle of
//! config writes leaves the old or the new files, never a broken one.
//!
//! Retries are raised to 12 so that 30 % faults do not exhaust them: a request then fails for
//! good with probability 0.3^13 (about 1.6e-7). The tests assert outcomes, never timings.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{EMULATOR_KEY, Emulator, TestEnv, mode};
use serde_json::{Value, json};
use whatsapp_ctl::api::{self, Client, ClientConfig, Flavour};
use whatsapp_ctl::secret::ApiKey;

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);
const RETRIES: &str = "12";

/// Runs a command against `emu` with the emulator's key and high retries.
fn ctl(env: &TestEnv, emu: &Emulator, args: &[&str]) -> common::Run {
    let mut full = vec!["--base-url", emu.base_url.as_str(), "--retries", RETRIES];
    full.extend_from_slice(args);
    env.run(&full, &[TOKEN])
}

/// `count` valid templates named `{prefix}000`..., in one array file; returns its path.
fn batch_file(env: &TestEnv, prefix: &str, count: usize) -> String {
    let templates: Vec<Value> = (0..count)
        .map(|n| {
            json!({"name": format!("{prefix}{n:03}"), "category": "UTILITY", "language": "en_US",
                   "components": [{"type": "BODY", "text": format!("Your order number {n} has shipped.")}]})
        })
        .collect();
    let path = env.root.join(format!("{prefix}-batch.json"));
    std::fs::write(&path, Value::Array(templates).to_string()).expect("write batch");
    path.display().to_string()
}

fn names(list: &Value) -> Vec<String> {
    let items = list.as_array().unwrap_or_else(|| panic!("not an array: {list}"));
    items.iter().map(|t| t["name"].as_str().expect("name").to_owned()).collect()
}

/// Scripted 5xx answers given after the server acted: the ambiguous case, for sure.
fn after_effect_faults() -> Value {
    json!([
        {"status": 502, "after_effect": true},
        {"status": 503, "after_effect": true},
        {"status": 500, "after_effect": true},
        {"status": 555, "after_effect": true}
    ])
}

fn faults_seen(emu: &Emulator) -> usize {
    emu.requests().iter().filter(|r| r.get("fault").is_some()).count()
}

#[test]
fn list_under_30_percent_faults_returns_the_full_set_twenty_times_out_of_twenty() {
    let env = TestEnv::new("faults-list");
    let emu = env.emulator(&["--page-cap", "10"]);
    ctl(&env, &emu, &["templates", "submit", &batch_file(&env, "l", 45)]).expect_code(0);
    let expected: BTreeSet<String> = (0..45).map(|n| format!("l{n:03}")).collect();
    emu.settings(json!({"fault_rate": 0.3}));
    emu.clear_requests();
    // 20 runs at once (each fetches 5 pages of at most 10): bounded, and quick despite the
    // one-second Retry-After of the 429 faults.
    let runs: Vec<common::Run> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            (0..20).map(|_| scope.spawn(|| ctl(&env, &emu, &["templates", "list", "--json"]))).collect();
        handles.into_iter().map(|h| h.join().expect("list thread")).collect()
    });
    for run in runs {
        let list = run.expect_code(0).json();
        let got = names(&list);
        assert_eq!(got.len(), 45, "every template exactly once: {got:?}");
        assert_eq!(got.iter().cloned().collect::<BTreeSet<_>>(), expected);
        let ids: Vec<&str> = list.as_array().into_iter().flatten().filter_map(|t| t["id"].as_str()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "pages kept in server order (by id): {ids:?}");
    }
    assert!(faults_seen(&emu) > 0, "the emulator injected no fault");
}

#[test]
fn submit_of_30_under_faults_creates_each_template_exactly_once() {
    let env = TestEnv::new("faults-submit");
    let emu = env.emulator(&["--fault-rate", "0.3"]);
    emu.fail_next(after_effect_faults());
    let file = batch_file(&env, "s", 30);
    let rows = ctl(&env, &emu, &["templates", "submit", "--json", &file]).expect_code(0).json();
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), 30);
    assert!(rows.iter().all(|r| r["ok"] == true), "every row ok: {rows:?}");
    let ambiguous =
        emu.requests().iter().filter(|r| r["method"] == "POST" && r.get("fault").is_some()).count();
    assert!(ambiguous >= 4, "the scripted after-effect faults hit the creates");
    emu.settings(json!({"fault_rate": 0.0}));
    let mut got = names(&ctl(&env, &emu, &["templates", "list", "--json"]).expect_code(0).json());
    got.sort();
    let expected: Vec<String> = (0..30).map(|n| format!("s{n:03}")).collect();
    assert_eq!(got, expected, "each of the 30 exactly once: none lost, none twice");
}

#[test]
fn submit_whose_lookup_lags_reports_the_later_already_exists_as_submitted() {
    let env = TestEnv::new("faults-lag");
    let emu = env.emulator(&[]);
    // The first create lands but is answered 502; the lookup that follows does not list it yet.
    let (status, text) =
        common::http("POST", &format!("{}/_emulator/listing_lag", emu.base_url), Some(r#"{"lists":2}"#));
    assert_eq!(status, 200, "listing lag: {text}");
    emu.fail_next(json!([{"status": 502, "after_effect": true}]));
    let file = batch_file(&env, "lag", 1);
    let run = ctl(&env, &emu, &["templates", "submit", "--json", &file]).expect_code(0);
    let rows = run.json();
    assert_eq!(rows[0]["ok"], true, "reported as submitted: {rows}");
    let requests = emu.requests();
    let posts: Vec<&Value> = requests.iter().filter(|r| r["method"] == "POST").collect();
    assert_eq!(posts.len(), 2, "created, looked up (lagging), created again: {requests:?}");
    let lookups = requests.iter().filter(|r| r["method"] == "GET").count();
    assert!(lookups >= 1, "looked up between the attempts");
    let got = names(&ctl(&env, &emu, &["templates", "list", "--json"]).expect_code(0).json());
    assert_eq!(got, vec!["lag000".to_owned()], "exactly once");
}

/// The messages the emulator stored, from its state file: text body -> message ids.
fn stored_messages(env: &TestEnv) -> BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(env.state_path()).expect("state file");
    let state: Value = serde_json::from_str(&text).expect("state JSON");
    let mut stored: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for message in state["messages"].as_array().into_iter().flatten() {
        let body = message.pointer("/body/text/body").and_then(Value::as_str).unwrap_or_default();
        stored
            .entry(body.to_owned())
            .or_default()
            .push(message["id"].as_str().unwrap_or_default().to_owned());
    }
    stored
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_is_never_duplicated_under_faults() {
    let env = TestEnv::new("faults-send");
    let emu = env.emulator(&[]);
    let customer = "4915123456789";
    whatsapp_ctl::emulator::inbound(&env.state_path(), customer, "Hi", Some("Ada Lovelace"))
        .await
        .expect("open the customer-service window");
    emu.settings(json!({"fault_rate": 0.3}));
    emu.fail_next(after_effect_faults());
    let client = Client::new(ClientConfig {
        base_url: emu.base_url.clone(),
        flavour: Flavour::Cloud,
        key: ApiKey::new(EMULATOR_KEY).expect("key"),
        timeout: Duration::from_secs(10),
        retries: 12,
        trace: None,
    })
    .expect("client");
    let mut sends = tokio::task::JoinSet::new();
    for n in 0..30 {
        let client = client.clone();
        let body = json!({"messaging_product": "whatsapp", "to": customer, "type": "text",
                          "text": {"body": format!("fault-send-{n}")}});
        sends.spawn(async move { (format!("fault-send-{n}"), client.send_message(&body).await) });
    }
    let results = sends.join_all().await;
    emu.settings(json!({"fault_rate": 0.0}));
    let stored = stored_messages(&env);
    let mut acted_but_failed = 0;
    for (text, result) in &results {
        let ids = stored.get(text).cloned().unwrap_or_default();
        assert!(ids.len() <= 1, "{text} was stored {} times: {ids:?}", ids.len());
        match result {
            Ok(response) => assert_eq!(
                response.message_id(),
                ids.first().map(String::as_str),
                "{text}: the id returned is the one message stored"
            ),
            Err(api::Error::Api(err)) => {
                assert!(
                    err.is_transient_server_error(),
                    "{text}: only an ambiguous 5xx may fail a send: {err}"
                );
                acted_but_failed += ids.len();
            }
            Err(other) => panic!("{text}: unexpected failure {other}"),
        }
    }
    assert!(acted_but_failed >= 4, "the scripted after-effect faults were not retried into duplicates");
    assert!(faults_seen(&emu) >= 4);
}

/// The key `auth login` stores for profile `p{n}`.
fn key_for(n: usize) -> String {
    format!("kill-test-key-{n:04}-0123456789abcdef")
}

/// Both config files parse, and every profile is whole: each one `config.toml` names has its
/// key in `credentials.toml`, and every stored key is the full key of its profile.
fn assert_store_is_whole(env: &TestEnv) -> usize {
    let read = |file: &str| -> toml::Table {
        env.read_config(file).map_or_else(toml::Table::new, |text| {
            toml::from_str(&text).unwrap_or_else(|e| panic!("{file} does not parse ({e}):\n{text}"))
        })
    };
    let config = read("config.toml");
    let credentials = read("credentials.toml");
    let empty = toml::Table::new();
    let table =
        |t: &toml::Table| t.get("profiles").and_then(|p| p.as_table()).cloned().unwrap_or(empty.clone());
    let (profiles, keys) = (table(&config), table(&credentials));
    let expected_key = |name: &str| -> String {
        let n =
            name.strip_prefix('p').and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("profile {name}"));
        key_for(n)
    };
    for (name, profile) in &profiles {
        assert_eq!(profile.get("api").and_then(|a| a.as_str()), Some("cloud"), "profile {name}: {profile:?}");
        let stored = keys.get(name).and_then(|c| c.get("api_key")).and_then(|k| k.as_str());
        assert_eq!(
            stored,
            Some(expected_key(name).as_str()),
            "config.toml names {name}, so its key is stored"
        );
    }
    for (name, credential) in &keys {
        let stored = credential.get("api_key").and_then(|k| k.as_str());
        assert_eq!(stored, Some(expected_key(name).as_str()), "the key of {name} is stored whole");
    }
    if let Some(current) = config.get("current_profile").and_then(|c| c.as_str()) {
        assert!(profiles.contains_key(current), "current_profile {current} names a stored profile");
    }
    for file in ["config.toml", "credentials.toml"] {
        let path = env.config_dir().join(file);
        if path.exists() {
            assert_eq!(mode(&path), 0o600, "{file} stays private");
        }
    }
    keys.len()
}

/// The temp files process `pid` has open beside the config files (`.NAME.PID.tmp`).
fn temp_files_of(env: &TestEnv, pid: u32) -> Vec<String> {
    let suffix = format!(".{pid}.tmp");
    std::fs::read_dir(env.config_dir())
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(&suffix))
                .collect()
        })
        .unwrap_or_default()
}

/// Polls (bounded) until process `pid` has created a temp file; false if it never did.
fn wait_for_temp_file(env: &TestEnv, pid: u32) -> bool {
    for _ in 0..200_000 {
        if !temp_files_of(env, pid).is_empty() {
            return true;
        }
        std::thread::yield_now();
    }
    false
}

#[test]
fn sigkill_during_config_writes_leaves_the_old_or_the_new_files() {
    let env = TestEnv::new("faults-kill");
    let login = |n: usize| {
        let profile = format!("p{n}");
        let mut child = env
            .cmd(&["auth", "login", "--no-verify", "--token-stdin", "--profile", &profile])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn auth login");
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(key_for(n).as_bytes());
        }
        child
    };
    // How long one login takes here, so that the kills fall before, during and after writes.
    let started = Instant::now();
    let status = login(0).wait().expect("first login");
    assert!(status.success());
    let span = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX).clamp(2_000, 200_000);
    // A fixed seed: the same schedule of kill moments on every run.
    let mut rng = fastrand::Rng::with_seed(0x5EED_C0DE);
    let mut n = 1;
    let mut mid_write = 0;
    for _round in 0..12 {
        // Three writers at a time, so kills also land while another process holds the lock.
        let mut children: Vec<_> = (0..3).map(|k| login(n + k)).collect();
        n += 3;
        // The first is killed the moment its temp file exists: between create and rename.
        if wait_for_temp_file(&env, children[0].id()) {
            let _ = children[0].kill(); // SIGKILL
        }
        for child in &mut children[1..] {
            std::thread::sleep(Duration::from_micros(rng.u64(0..span * 3 / 2) / 3));
            let _ = child.kill(); // SIGKILL
        }
        let pids: Vec<u32> = children.iter().map(Child::id).collect();
        for mut child in children {
            let _ = child.wait();
        }
        // A temp file of a killed writer still there: that kill landed mid-write.
        mid_write += pids.iter().filter(|pid| !temp_files_of(&env, **pid).is_empty()).count();
        assert_store_is_whole(&env);
    }
    assert!(mid_write >= 1, "no kill landed between a temp file's creation and its rename");
    // The store still works: a new login succeeds, every profile lists, and no temp file of a
    // killed writer (a copy of the keys) is left behind.
    let last = format!("p{n}");
    env.run_with_stdin(
        &["auth", "login", "--no-verify", "--token-stdin", "--profile", &last],
        &key_for(n),
        &[],
    )
    .expect_code(0);
    let stored = assert_store_is_whole(&env);
    let listed = env.run(&["profiles", "list", "--json"], &[]).expect_code(0).json();
    assert_eq!(listed.as_array().map(Vec::len), Some(stored));
    let leftovers: Vec<String> = std::fs::read_dir(env.config_dir())
        .expect("config dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

#[test]
fn send_text_through_the_cli_is_never_duplicated_under_faults() {
    let env = TestEnv::new("faults-cli-send");
    let emu = env.emulator(&[]);
    let customer = "4915123456789";
    env.run(&["emulator", "inbound", "--from", customer, "--text", "Hi"], &[]).expect_code(0);
    emu.settings(json!({"fault_rate": 0.3}));
    emu.fail_next(after_effect_faults());
    let children: Vec<_> = (0..30)
        .map(|n| {
            let text = format!("cli-send-{n}");
            let args = ["--base-url", emu.base_url.as_str(), "--retries", RETRIES, "--json", "send", "text"];
            let mut cmd = env.cmd(&args);
            cmd.args(["--to", customer, &text])
                .env(TOKEN.0, TOKEN.1)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            (text, cmd.spawn().expect("spawn send"))
        })
        .collect();
    let outcomes: Vec<(String, common::Run)> = children
        .into_iter()
        .map(|(text, child)| (text, child.wait_with_output().expect("wait").into()))
        .collect();
    emu.settings(json!({"fault_rate": 0.0}));
    let stored = stored_messages(&env);
    for (text, run) in &outcomes {
        let ids = stored.get(text).cloned().unwrap_or_default();
        assert!(ids.len() <= 1, "{text} was stored {} times: {ids:?}", ids.len());
        if run.code == 0 {
            assert_eq!(run.json()["message_id"].as_str(), ids.first().map(String::as_str), "{text}: {run:?}");
        } else {
            assert_eq!(run.code, 1, "{text}: only an ambiguous 5xx may fail a send: {run:?}");
            assert!(run.stderr.contains("may or may not have been delivered"), "{text}: {}", run.stderr);
        }
    }
    let delivered = outcomes.iter().filter(|(_, run)| run.code == 0).count();
    assert!(delivered >= 10, "about 3 in 4 sends get through 30 % faults, saw {delivered} of 30");
}
