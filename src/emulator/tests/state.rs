//! The key (generated, stored, pinned by the environment), the state file shared by several
//! servers, and reset.

use std::time::Duration;

use serde_json::json;

use super::{Harness, client};
use crate::emulator::{KEY_ENV, Options, reset, start};

#[tokio::test]
async fn generated_key_is_stored_once_and_reused_by_later_servers() {
    let h = Harness::start("key").await;
    // The generated key is in the state file whatever the developer's environment holds (the
    // variable only overrides the key in force).
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&h.state).expect("state")).expect("state JSON");
    let generated = stored["key"].as_str().expect("stored key").to_owned();
    assert!(generated.starts_with("emu_") && generated.len() == 36, "{}", generated.len());
    let expected = std::env::var(KEY_ENV).ok().filter(|k| !k.is_empty()).unwrap_or(generated.clone());
    assert_eq!(h.running.key, expected);
    let second = start(Options::new(h.state.clone())).await.expect("second");
    assert_eq!(second.key, h.running.key);
    assert!(!format!("{second:?}").contains(&second.key), "Debug redacts the key");
    second.shutdown().await;
    h.finish().await;
}

/// Runs `environment_key_child` in a child process with the key variable set (edition 2024 makes
/// `set_var` unsafe, and the crate forbids unsafe code).
#[test]
fn environment_variable_pins_the_key() {
    let exe = std::env::current_exe().expect("test binary");
    let output = std::process::Command::new(exe)
        .args(["--exact", "emulator::tests::state::environment_key_child", "--ignored", "--nocapture"])
        .env(KEY_ENV, "pinned-test-key")
        .output()
        .expect("run child");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("1 passed"), "{stdout}");
}

#[tokio::test]
#[ignore = "run by environment_variable_pins_the_key in a child process"]
async fn environment_key_child() {
    assert_eq!(std::env::var(KEY_ENV).as_deref(), Ok("pinned-test-key"), "run by its parent test");
    let h = Harness::start("envkey").await;
    assert_eq!(h.running.key, "pinned-test-key");
    assert_eq!(h.get("/v1/configs/webhook").await.0, 200);
    h.finish().await;
}

#[tokio::test]
async fn two_servers_on_one_state_file_see_each_others_writes() {
    let a = Harness::start("shared").await;
    let mut options = Options::new(a.state.clone());
    options.review_delay = Duration::ZERO;
    let b_running = start(options).await.expect("second server");
    let b =
        Harness { running: b_running, client: client(), dir: a.dir.join("unused"), state: a.state.clone() };

    assert_eq!(a.create("from_a", "en", "Hello from A").await.0, 200);
    let (_, listed) = b.get("/v1/configs/templates").await;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["waba_templates"][0]["name"], "from_a");

    let hook = json!({"url": "https://hooks.example.com/wa", "headers": {"X-Secret": "s"}});
    assert_eq!(b.post("/v1/configs/webhook", hook.clone()).await, (200, hook.clone()));
    assert_eq!(a.get("/v1/configs/webhook").await, (200, hook));

    assert_eq!(b.create("from_b", "de", "Hallo von B").await.0, 200);
    let (_, listed) = a.get("/v1/configs/templates?sort=name").await;
    let names: Vec<&str> = listed["waba_templates"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names, ["from_a", "from_b"]);
    b.running.shutdown().await;
    a.finish().await;
}

#[tokio::test]
async fn reset_empties_the_state_but_keeps_the_key() {
    let h = Harness::start("reset").await;
    h.create("gone_soon", "en", "Hi").await;
    reset(&h.state).expect("reset");
    let (_, listed) = h.get("/v1/configs/templates").await;
    assert_eq!(listed["total"], 0);
    assert_eq!(h.get("/v1/configs/webhook").await.0, 200, "the key still works");
    std::fs::write(&h.state, b"{ corrupt").expect("corrupt");
    let (status, body) = h.get("/v1/configs/templates").await;
    assert_eq!(status, 500);
    assert!(body["meta"]["developer_message"].as_str().unwrap_or_default().contains("state.json"), "{body}");
    reset(&h.state).expect("reset repairs a corrupt file");
    h.finish().await;
}
