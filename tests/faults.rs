//! Robustness under faults, end to end against the emulator on loopback. With 30 % of API
//! requests failing (random 500/502/503/555 and 429; half of the 5xx on a POST come after the
//! server acted), `templates list` always returns the full, correct set, `templates submit`
//! creates each template exactly once, and a message send (through the client API,
//! `Client::send_message`) is never duplicated. A process killed with SIGKILL in the middle of
//! config writes leaves the old or the new files, never a broken one. Over a fleet of five
//! partner channels, `templates apply` converges (a second apply, then `plan --check` passes on
//! every channel, no template twice), a media upload is never stored twice, and `partner adopt
//! --all` mints each channel's key at most once per run and never for a channel already held.
//!
//! Retries are raised to 12 so that 30 % faults do not exhaust them: a request then fails for
//! good with probability 0.3^13 (about 1.6e-7). The tests assert outcomes, never timings.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
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
    let templates: Vec<Value> = (0..count).map(|n| template(prefix, n)).collect();
    let path = env.root.join(format!("{prefix}-batch.json"));
    std::fs::write(&path, Value::Array(templates).to_string()).expect("write batch");
    path.display().to_string()
}

/// Valid template number `n`: `{prefix}{n:03}`, UTILITY, en_US.
fn template(prefix: &str, n: usize) -> Value {
    json!({"name": format!("{prefix}{n:03}"), "category": "UTILITY", "language": "en_US",
           "components": [{"type": "BODY", "text": format!("Your order number {n} has shipped.")}]})
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

/// [`after_effect_faults`] kept for POSTs: the listings and lookups before them pass them by.
fn after_effect_faults_on_posts() -> Value {
    let mut faults = after_effect_faults();
    for fault in faults.as_array_mut().into_iter().flatten() {
        fault["method"] = json!("POST");
    }
    faults
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

/// The folder of a partner channel's state files (`<state>.partner/`).
fn partner_dir(env: &TestEnv) -> PathBuf {
    let mut dir = env.state_path().into_os_string();
    dir.push(".partner");
    PathBuf::from(dir)
}

/// The emulator's state of partner channel `channel` (its own state file).
fn channel_state(env: &TestEnv, channel: &str) -> Value {
    let path = partner_dir(env).join(format!("{channel}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("channel state JSON")
}

/// A run of `partner adopt --all` with high retries, against `emu`'s partner account.
fn adopt_all(env: &TestEnv, emu: &Emulator) -> common::Run {
    env.run_partner(emu, &["--retries", RETRIES, "partner", "adopt", "--all", "--prefix", "shop-", "--json"])
}

/// A fleet command over every stored profile, with high retries.
fn fleet(env: &TestEnv, args: &[&str]) -> common::Run {
    env.run(&[&["--retries", RETRIES, "--all-profiles"][..], args].concat(), &[])
}

/// `count` templates (`{prefix}000`...) in a folder, one file each; returns the folder.
fn template_dir(env: &TestEnv, prefix: &str, count: usize) -> String {
    let dir = env.root.join(format!("{prefix}-templates"));
    std::fs::create_dir_all(&dir).expect("template folder");
    for n in 0..count {
        let path = dir.join(format!("{prefix}{n:03}.json"));
        std::fs::write(path, template(prefix, n).to_string()).expect("write template");
    }
    dir.display().to_string()
}

/// The guard of `Client::submit_template` (lookup before creating again): after a create
/// answered with a 5xx, which the server may have acted on, the same (channel, name, language)
/// is only created again after a successful lookup of that name on that channel. Returns how
/// many creates were answered with a 5xx.
fn assert_no_blind_recreate(log: &[Value]) -> usize {
    // (channel, name, language) answered 5xx -> looked up since.
    let mut waiting: BTreeMap<(String, String, String), bool> = BTreeMap::new();
    let mut ambiguous = 0;
    for request in log.iter().filter(|r| r["path"] == "/v1/configs/templates") {
        let channel = request["channel"].as_str().unwrap_or_default().to_owned();
        let text = |key: &str| request["body"][key].as_str().unwrap_or_default().to_owned();
        if request["method"] == "GET" && request.get("fault").is_none() {
            let query = request["query"].as_str().unwrap_or_default();
            for ((ch, name, _), looked) in &mut waiting {
                *looked |= *ch == channel && query.contains(name.as_str());
            }
        } else if request["method"] == "POST" {
            let key = (channel, text("name"), text("language"));
            if let Some(looked) = waiting.remove(&key) {
                assert!(looked, "{key:?} was created again after a 5xx without a lookup in between");
            }
            if request["fault"].as_u64().is_some_and(|status| status >= 500) {
                ambiguous += 1;
                waiting.insert(key, false);
            }
        }
    }
    ambiguous
}

/// Proves the lookup-before-recreate guard of template creation across a fleet (see
/// [`assert_no_blind_recreate`]), that a change reported `done` is really on its channel,
/// and that two applies converge: `plan --check` passes everywhere and no channel holds a
/// (name, language) twice or misses one.
#[test]
fn fleet_apply_over_5_channels_under_faults_converges_with_no_duplicate() {
    let env = TestEnv::new("faults-fleet-apply");
    let emu = env.emulator(&["--channels", "5"]);
    let adopted = adopt_all(&env, &emu).expect_code(0).json();
    let held: Vec<(String, String)> = adopted
        .as_array()
        .expect("adopt rows")
        .iter()
        .map(|r| {
            (r["profile"].as_str().expect("profile").into(), r["channel_id"].as_str().expect("id").into())
        })
        .collect();
    assert_eq!(held.len(), 5, "{adopted:#}");
    let dir = template_dir(&env, "fa", 10);
    let expected: BTreeSet<(String, String)> =
        (0..10).map(|n| (format!("fa{n:03}"), "en_US".into())).collect();
    let on_channel = |channel: &str| -> Vec<(String, String)> {
        let state = channel_state(&env, channel);
        let templates = state["templates"].as_array().cloned().unwrap_or_default();
        let pair = |t: &Value| {
            (t["name"].as_str().unwrap_or_default().into(), t["language"].as_str().unwrap_or_default().into())
        };
        templates.iter().map(pair).collect()
    };

    emu.settings(json!({"fault_rate": 0.3}));
    emu.fail_next(after_effect_faults_on_posts());
    emu.clear_requests();
    let first = fleet(&env, &["templates", "apply", "--yes", "--json", &dir]);
    assert!([0, 1].contains(&first.code), "the first apply may fail, not crash: {first:#?}");
    let log = emu.requests();
    assert!(assert_no_blind_recreate(&log) >= 4, "the scripted after-effect faults hit the creates");
    let report = first.json();
    let entries = report["profiles"].as_array().expect("profiles");
    assert_eq!(entries.len(), 5, "{report:#}");
    let mut done = 0;
    for entry in entries {
        let profile = entry["profile"].as_str().expect("profile");
        let channel = &held.iter().find(|(p, _)| p == profile).expect("an adopted profile").1;
        let present: BTreeSet<(String, String)> = on_channel(channel).into_iter().collect();
        let changes = entry["result"]["changes"].as_array().cloned().unwrap_or_default();
        if entry["exit_code"] == 0 {
            assert_eq!(changes.len(), 10, "{profile}: one change per template: {entry:#}");
        }
        for change in &changes {
            if change["result"] == "done" {
                done += 1;
                let key = (
                    change["name"].as_str().unwrap_or_default().into(),
                    change["language"].as_str().unwrap_or_default().into(),
                );
                assert!(present.contains(&key), "{profile}: {key:?} reported done but is not on {channel}");
            }
        }
    }
    assert!(done >= 10, "the first apply made most of the 50 creates, saw {done}: {report:#}");

    let second = fleet(&env, &["templates", "apply", "--yes", "--json", &dir]);
    let second = second.expect_code(0).json();
    let check = fleet(&env, &["templates", "plan", "--check", "--json", &dir]).expect_code(0).json();
    let codes: Vec<&Value> =
        check["profiles"].as_array().expect("profiles").iter().map(|e| &e["exit_code"]).collect();
    assert_eq!(codes, [0; 5], "plan --check passes on every channel: {check:#}\nafter {second:#}");
    assert!(faults_seen(&emu) > 0);
    emu.settings(json!({"fault_rate": 0.0}));
    for (profile, channel) in &held {
        let templates = on_channel(channel);
        let distinct: BTreeSet<(String, String)> = templates.iter().cloned().collect();
        assert_eq!(
            templates.len(),
            distinct.len(),
            "{profile}: a template twice on {channel}: {templates:?}"
        );
        assert_eq!(distinct, expected, "{profile}: exactly the files' templates on {channel}");
    }
}

/// Proves that an upload is a side effect (`Safety::SideEffect` in `Client::upload_media`):
/// were it retried after a 5xx like a read, the scripted after-effect faults would store a
/// content twice. Every success names the one stored copy, which downloads byte for byte.
#[test]
fn a_media_upload_is_never_duplicated_under_faults() {
    let env = TestEnv::new("faults-upload");
    let emu = env.emulator(&[]);
    let files: Vec<(PathBuf, Vec<u8>)> = (0..10)
        .map(|n| {
            let bytes = format!("fault upload {n}\n").repeat(50 + n).into_bytes();
            let path = env.root.join(format!("upload-{n}.txt"));
            std::fs::write(&path, &bytes).expect("write upload");
            (path, bytes)
        })
        .collect();
    emu.settings(json!({"fault_rate": 0.3}));
    emu.fail_next(after_effect_faults_on_posts());
    let runs: Vec<common::Run> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .iter()
            .map(|(path, _)| {
                let path = path.to_str().expect("utf-8 path");
                scope.spawn(|| ctl(&env, &emu, &["--json", "media", "upload", path]))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("upload thread")).collect()
    });
    let state: Value =
        serde_json::from_str(&std::fs::read_to_string(env.state_path()).expect("state")).expect("state JSON");
    let media = state["media"].as_object().cloned().unwrap_or_default();
    let mut uploaded_but_failed = 0;
    let mut succeeded = Vec::new();
    for ((path, bytes), run) in files.iter().zip(&runs) {
        let sha = whatsapp_ctl::digest::sha256_hex(bytes);
        let copies: Vec<&String> =
            media.iter().filter(|(_, m)| m["sha256"] == sha.as_str()).map(|(id, _)| id).collect();
        assert!(copies.len() <= 1, "{} was stored {} times: {copies:?}", path.display(), copies.len());
        if run.code == 0 {
            let id = run.json()["id"].as_str().expect("id").to_owned();
            assert_eq!(copies, [&id], "{}: the id reported is the one copy stored", path.display());
            succeeded.push((id, bytes));
        } else {
            assert_eq!(run.code, 1, "only a 5xx may fail an upload here: {run:#?}");
            assert!(run.stderr.contains("may have been uploaded"), "{run:#?}");
            uploaded_but_failed += copies.len();
        }
    }
    assert!(uploaded_but_failed >= 4, "the scripted after-effect faults were not retried into copies");
    for (id, bytes) in succeeded {
        let out = env.root.join(format!("{id}.download"));
        ctl(&env, &emu, &["media", "download", &id, "-o", out.to_str().expect("utf-8")]).expect_code(0);
        assert_eq!(&std::fs::read(&out).expect("downloaded"), bytes, "{id} downloads the exact bytes");
    }
}

/// Mint requests the hub may have acted on, per channel id: all of them, those answered with
/// a 5xx included, but not those answered 429 (a throttle refuses before anything happens, and
/// the client rightly retries it).
fn mints_per_channel(log: &[Value]) -> BTreeMap<String, usize> {
    let mut mints = BTreeMap::new();
    for request in log.iter().filter(|r| r["method"] == "POST" && r["fault"] != 429) {
        let path = request["path"].as_str().unwrap_or_default();
        if let Some(channel) = path.strip_suffix("/api_keys").and_then(|p| p.rsplit('/').next()) {
            *mints.entry(channel.to_owned()).or_insert(0) += 1;
        }
    }
    mints
}

/// The channel ids the stored profiles hold.
fn held_channels(env: &TestEnv) -> BTreeSet<String> {
    let text = env.read_config("config.toml").unwrap_or_default();
    let config: toml::Table = toml::from_str(&text).expect("config.toml parses");
    let profiles = config.get("profiles").and_then(|p| p.as_table()).cloned().unwrap_or_default();
    profiles.values().filter_map(|p| p.get("channel_id")?.as_str().map(str::to_owned)).collect()
}

/// Proves that minting is a side effect (`Safety::SideEffect` in `PartnerClient::mint_key`:
/// a mint answered 5xx is not retried within the run) and that adopt skips a channel a profile
/// already holds (`profile_holding`): runs under faults until one exits 0, and no run mints a
/// channel twice or mints one already held. Then every profile reaches its own channel.
#[test]
fn adopt_all_under_faults_mints_each_key_at_most_once_per_run_and_stores_every_profile() {
    let env = TestEnv::new("faults-adopt");
    let emu = env.emulator(&["--channels", "5", "--fault-rate", "0.3"]);
    emu.fail_next(after_effect_faults_on_posts());
    let mut ambiguous_mints = 0;
    let mut runs = 0;
    let rows = loop {
        runs += 1;
        assert!(runs <= 40, "partner adopt --all did not complete in 40 runs");
        let before = held_channels(&env);
        emu.clear_requests();
        let run = adopt_all(&env, &emu);
        let log = emu.requests();
        for (channel, count) in mints_per_channel(&log) {
            assert_eq!(count, 1, "run {runs} minted {channel} {count} times: {log:#?}");
            assert!(!before.contains(&channel), "run {runs} minted {channel}, which a profile held");
        }
        ambiguous_mints += log
            .iter()
            .filter(|r| r["method"] == "POST" && r["fault"].as_u64().is_some_and(|s| s >= 500))
            .count();
        match run.code {
            0 => break run.json(),
            // Only a mint answered 5xx fails a run here (reads and 429s are retried), and the
            // hub may have acted on it: the error says so.
            1 => assert!(
                run.stderr.contains("could not mint a key for channel")
                    && run.stderr.contains("may have minted one"),
                "{run:#?}"
            ),
            _ => panic!("run {runs}: {run:#?}"),
        }
    };
    assert!(ambiguous_mints >= 4, "the scripted after-effect faults hit the mints");
    let rows = rows.as_array().cloned().expect("adopt rows");
    assert_eq!(rows.len(), 5);
    let expected: BTreeSet<String> = (1..=5).map(|n| format!("emu{n:05}CH")).collect();
    assert_eq!(held_channels(&env), expected, "every channel has its profile");
    emu.settings(json!({"fault_rate": 0.0}));
    for row in &rows {
        let (profile, channel) =
            (row["profile"].as_str().expect("profile"), row["channel_id"].as_str().expect("id"));
        emu.clear_requests();
        env.run(&["templates", "list", "--json", "--profile", profile], &[]).expect_code(0);
        let reached: Vec<Value> = emu.requests().iter().map(|r| r["channel"].clone()).collect();
        assert_eq!(reached, [json!(channel)], "{profile} holds the current key of {channel}");
    }
}
