//! End-to-end tests of the emulator: each starts a server on its own temporary state file and
//! drives it with reqwest over loopback. This file holds the harness and the cross-cutting tests
//! (auth, key, request log, shared state); the others group tests by endpoint.

mod control;
mod messages;
mod multipart;
mod review_rules;
mod state;
mod templates;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};

use super::{Options, Running, start};

/// A server on a private temporary state file, and a client for it.
pub(super) struct Harness {
    pub running: Running,
    pub client: reqwest::Client,
    pub dir: PathBuf,
    pub state: PathBuf,
}

pub(super) fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("emu-{tag}-{}-{}", std::process::id(), fastrand::u64(..)));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub(super) fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("client")
}

impl Harness {
    /// A server with review delay 0 and default settings otherwise.
    pub async fn start(tag: &str) -> Self {
        Self::with(tag, |_| {}).await
    }

    pub async fn with(tag: &str, adjust: impl FnOnce(&mut Options)) -> Self {
        let dir = temp_dir(tag);
        let state = dir.join("data").join("state.json");
        let mut options = Options::new(state.clone());
        options.review_delay = Duration::ZERO;
        adjust(&mut options);
        let running = start(options).await.expect("start");
        Harness { running, client: client(), dir, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.running.base_url)
    }

    pub async fn send(&self, request: reqwest::RequestBuilder) -> (u16, Value) {
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.send(self.client.get(self.url(path)).header("D360-API-KEY", &self.running.key)).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(self.client.post(self.url(path)).header("D360-API-KEY", &self.running.key).json(&body))
            .await
    }

    pub async fn delete(&self, path: &str) -> (u16, Value) {
        self.send(self.client.delete(self.url(path)).header("D360-API-KEY", &self.running.key)).await
    }

    /// A control endpoint call (no key).
    pub async fn control(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(self.client.post(self.url(path)).json(&body)).await
    }

    pub async fn requests(&self) -> Vec<Value> {
        let (_, log) = self.send(self.client.get(self.url("/_emulator/requests"))).await;
        log.as_array().cloned().expect("log array")
    }

    /// Creates a UTILITY template with one BODY component.
    pub async fn create(&self, name: &str, language: &str, text: &str) -> (u16, Value) {
        self.post("/v1/configs/templates", template_body(name, language, text)).await
    }

    pub async fn finish(self) {
        self.running.shutdown().await;
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub(super) fn template_body(name: &str, language: &str, text: &str) -> Value {
    let variables = text.matches("{{").count();
    let examples: Vec<String> = (1..=variables).map(|i| format!("value{i}")).collect();
    let mut body = json!({"type": "BODY", "text": text});
    if variables > 0 {
        body["example"] = json!({"body_text": [examples]});
    }
    json!({"name": name, "category": "UTILITY", "language": language, "components": [body]})
}

#[tokio::test]
async fn api_paths_refuse_a_missing_or_wrong_key_with_the_360dialog_meta_shape() {
    let h = Harness::start("auth").await;
    let expected =
        json!({"meta": {"success": false, "http_code": 401, "developer_message": "Invalid api_key"}});
    for request in [
        h.client.get(h.url("/v1/configs/templates")),
        h.client.get(h.url("/v1/configs/webhook")).header("D360-API-KEY", "wrong"),
        h.client.post(h.url("/messages")).header("d360-api-key", "wrong").json(&json!({})),
    ] {
        assert_eq!(h.send(request).await, (401, expected.clone()));
    }
    let lower = h.client.get(h.url("/v1/configs/webhook")).header("d360-api-key", &h.running.key);
    assert_eq!(h.send(lower).await.0, 200, "header name is case-insensitive");
    let log = h.requests().await;
    let keys: Vec<&str> = log.iter().filter_map(|e| e["api_key"].as_str()).collect();
    assert_eq!(keys, ["missing", "invalid", "invalid", "valid"]);
    assert!(
        !serde_json::to_string(&log).expect("json").contains(&h.running.key),
        "the log never holds the key"
    );
    h.finish().await;
}

#[tokio::test]
async fn request_log_records_method_path_query_body_and_content_type_and_clears() {
    let h = Harness::start("log").await;
    h.get("/v1/configs/templates?limit=5&sort=-name").await;
    h.create("log_me", "en", "Hello").await;
    let raw =
        h.client.post(h.url("/v1/configs/webhook")).header("D360-API-KEY", &h.running.key).body("not json");
    h.send(raw).await;
    let log = h.requests().await;
    assert_eq!(log.len(), 3);
    assert_eq!(log[0]["method"], "GET");
    assert_eq!(log[0]["path"], "/v1/configs/templates");
    assert_eq!(log[0]["query"], "limit=5&sort=-name");
    assert_eq!(log[0]["body"], Value::Null);
    assert_eq!(log[1]["body"]["name"], "log_me");
    assert_eq!(log[1]["query"], Value::Null);
    assert_eq!(log[1]["content_type"], "application/json");
    assert_eq!(log[2]["body"], "not json");
    let (status, _) = h.send(h.client.delete(h.url("/_emulator/requests"))).await;
    assert_eq!(status, 200);
    assert!(h.requests().await.is_empty());
    h.finish().await;
}

#[tokio::test]
async fn unknown_paths_answer_404_in_the_meta_shape() {
    let h = Harness::start("404").await;
    let (status, body) = h.get("/v1/nothing/here").await;
    assert_eq!(status, 404);
    assert_eq!(body["meta"]["success"], false);
    assert_eq!(body["meta"]["http_code"], 404);
    h.finish().await;
}
