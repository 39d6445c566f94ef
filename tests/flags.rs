//! Global flags and environment variables end to end, each by what it changes: `--limit` and
//! `--offset` (what the emulator was asked and what came back), `--wait-timeout` (gives up while
//! the review is pending), `-q` (progress gone, data kept), `WHATSAPP_CTL_TIMEOUT` (a server that
//! never answers), `WHATSAPP_CTL_PROFILE` and `WHATSAPP_CTL_EMULATOR`, and a bad `api =` in
//! config.toml.

mod common;

use std::net::TcpListener;

use common::{EMULATOR_KEY, Emulator, TestEnv};
use serde_json::{Value, json};

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

fn example(name: &str) -> String {
    format!("{}/examples/templates/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

fn ctl(env: &TestEnv, emu: &Emulator, args: &[&str]) -> common::Run {
    let mut full = vec!["--base-url", emu.base_url.as_str()];
    full.extend_from_slice(args);
    env.run(&full, &[TOKEN])
}

fn names(list: &Value) -> Vec<String> {
    list.as_array().expect("array").iter().map(|t| t["name"].as_str().expect("name").to_owned()).collect()
}

/// The emulator with the three example templates submitted (and approved: no review delay).
fn emulator_with_examples(env: &TestEnv) -> Emulator {
    let emu = env.emulator(&[]);
    let files: Vec<String> = ["login_code", "order_update", "spring_sale"].map(example).to_vec();
    let mut args = vec!["templates", "submit"];
    args.extend(files.iter().map(String::as_str));
    ctl(env, &emu, &args).expect_code(0);
    emu
}

#[test]
fn limit_and_offset_reach_the_api_and_cut_the_list() {
    let env = TestEnv::new("flags-paging");
    let emu = emulator_with_examples(&env);
    let all =
        names(&ctl(&env, &emu, &["templates", "list", "--json", "--sort", "name"]).expect_code(0).json());
    assert_eq!(all.len(), 3, "{all:?}");

    emu.clear_requests();
    let first_two = ctl(&env, &emu, &["templates", "list", "--json", "--limit", "2"]).expect_code(0).json();
    assert_eq!(first_two.as_array().map(Vec::len), Some(2), "{first_two}");
    let asked: Vec<String> =
        emu.requests().iter().filter_map(|r| r["query"].as_str().map(str::to_owned)).collect();
    assert!(asked.iter().any(|q| q.contains("limit=2")), "the API was asked for 2: {asked:?}");

    let from_one = ctl(&env, &emu, &["templates", "list", "--json", "--offset", "1"]).expect_code(0).json();
    assert_eq!(from_one.as_array().map(Vec::len), Some(2), "{from_one}");
    let past_the_end =
        ctl(&env, &emu, &["templates", "list", "--json", "--offset", "3"]).expect_code(0).json();
    assert_eq!(past_the_end, json!([]));
}

#[test]
fn wait_timeout_gives_up_while_the_review_is_still_pending() {
    let env = TestEnv::new("flags-wait");
    let emu = env.emulator(&[]);
    emu.settings(json!({"review_delay_secs": 3600}));
    ctl(&env, &emu, &["templates", "submit", &example("order_update")]).expect_code(0);
    let run = ctl(&env, &emu, &["templates", "status", "order_update", "--wait", "--wait-timeout", "0.5"]);
    let run = run.expect_code(1);
    assert!(run.stderr.contains("is still submitted after 0.5 s"), "{}", run.stderr);
    assert!(run.stderr.contains("raise --wait-timeout"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn quiet_drops_progress_and_keeps_the_data() {
    let env = TestEnv::new("flags-quiet");
    let emu = env.emulator(&[]);
    let files = [example("login_code"), example("order_update")];
    let loud = ctl(&env, &emu, &["templates", "submit", &files[0], &files[1]]).expect_code(0);
    assert!(loud.stderr.contains("2 submitted"), "the summary is progress on stderr: {}", loud.stderr);
    let third = example("spring_sale");
    let quiet = ctl(&env, &emu, &["-q", "templates", "submit", &third]).expect_code(0);
    assert!(quiet.stderr.is_empty(), "-q leaves stderr empty on success: {}", quiet.stderr);
    assert!(quiet.stdout.contains("spring_sale"), "the result is still printed: {}", quiet.stdout);
}

#[test]
fn the_timeout_variable_bounds_a_server_that_never_answers() {
    let env = TestEnv::new("flags-timeout");
    // Connections are accepted by the kernel and never answered.
    let silent = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base_url = format!("http://{}", silent.local_addr().expect("addr"));
    let run = env.run(
        &["--base-url", &base_url, "--retries", "0", "templates", "list"],
        &[TOKEN, ("WHATSAPP_CTL_TIMEOUT", "0.5")],
    );
    let run = run.expect_code(5);
    assert!(run.stderr.contains("timed out"), "{}", run.stderr);
    drop(silent);
}

#[test]
fn the_profile_and_emulator_variables_choose_what_a_command_uses() {
    let env = TestEnv::new("flags-env");
    env.write_config("config.toml", "[profiles.a]\napi = \"cloud\"\n\n[profiles.b]\napi = \"onpremise\"\n");
    let status = env.run(&["auth", "status", "--json"], &[("WHATSAPP_CTL_PROFILE", "b")]).json();
    assert_eq!(status["profile"], "b", "{status}");
    assert_eq!(status["api"], "onpremise", "{status}");
    assert_eq!(status["sources"]["profile"], "env", "{status}");

    // The embedded emulator answers without any key or server.
    let listed =
        env.run(&["templates", "list", "--json"], &[("WHATSAPP_CTL_EMULATOR", "yes")]).expect_code(0);
    assert!(listed.json().is_array(), "{}", listed.stdout);
    let without = env.run(&["--profile", "a", "templates", "list", "--json"], &[]);
    assert_eq!(without.code, 4, "no key and no emulator: {}", without.stderr);
}

#[test]
fn a_bad_api_in_config_toml_names_the_profile_the_value_and_the_valid_ones() {
    let env = TestEnv::new("flags-badapi");
    let broken = "[profiles.default]\napi = \"cluod\"\n";
    env.write_config("config.toml", broken);
    let run = env.run(&["auth", "status"], &[]).expect_code(1);
    assert!(run.stderr.contains("profile 'default' has api = \"cluod\" in config.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("\"cloud\" or \"onpremise\""), "{}", run.stderr);
    assert_eq!(env.read_config("config.toml").as_deref(), Some(broken), "the file is left as it was");
}
