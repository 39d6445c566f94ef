//! Control endpoints (faults, settings), health, webhook registration and inbound delivery.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::routing::post;
use serde_json::{Value, json};

use super::Harness;
use crate::emulator::{EmulatorError, inbound};

#[tokio::test]
async fn scripted_faults_are_used_in_order_and_logged() {
    let h = Harness::start("faults").await;
    let script = json!({"next": [
        {"status": 503, "retry_after": 2},
        {"status": 429, "code": 130429},
        {"status": 500, "after_effect": true}
    ]});
    assert_eq!(h.control("/_emulator/faults", script).await, (200, json!({"queued": 3})));

    let response = h
        .client
        .get(h.url("/v1/configs/templates"))
        .header("D360-API-KEY", &h.running.key)
        .send()
        .await
        .expect("send");
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("2"));
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["meta"]["http_code"], 503);

    let (status, throttled) = h.get("/v1/configs/templates").await;
    assert_eq!(status, 429);
    assert_eq!(throttled["error"]["code"], 130429);
    assert_eq!(throttled["error"]["message"], "(#130429) Rate limit hit");

    let (status, _) = h.create("ambiguous", "en", "Hello").await;
    assert_eq!(status, 500, "after_effect answers with the fault");
    let (status, listed) = h.get("/v1/configs/templates").await;
    assert_eq!(status, 200, "faults are used up");
    assert_eq!(listed["total"], 1, "but the request took effect");

    let faults: Vec<Value> = h.requests().await.iter().map(|e| e["fault"].clone()).collect();
    assert_eq!(faults, [json!(503), json!(429), json!(500), Value::Null]);
    let (status, _) = h.control("/_emulator/faults", json!({"next": [{"status": 200}]})).await;
    assert_eq!(status, 400, "a fault must be an error status");
    h.finish().await;
}

#[tokio::test]
async fn a_scripted_fault_with_a_method_waits_for_a_request_of_that_method() {
    let h = Harness::start("faults-method").await;
    let script = json!({"next": [{"status": 502, "after_effect": true, "method": "POST"}, {"status": 503}]});
    assert_eq!(h.control("/_emulator/faults", script).await, (200, json!({"queued": 2})));
    let (status, _) = h.get("/v1/configs/templates").await;
    assert_eq!(status, 503, "the GET passes the POST's fault by and meets the next one");
    let (status, _) = h.get("/v1/configs/templates").await;
    assert_eq!(status, 200);
    let (status, _) = h.create("aimed", "en", "Hello").await;
    assert_eq!(status, 502, "the POST gets the fault meant for it");
    let (status, listed) = h.get("/v1/configs/templates").await;
    assert_eq!((status, &listed["total"]), (200, &json!(1)), "after the effect");
    let faults: Vec<Value> = h.requests().await.iter().map(|e| e["fault"].clone()).collect();
    assert_eq!(faults, [json!(503), Value::Null, json!(502), Value::Null]);
    h.finish().await;
}

#[tokio::test]
async fn fault_rate_one_fails_every_api_request_but_never_control_ones() {
    let h = Harness::with("rate", |o| o.fault_rate = 1.0).await;
    for _ in 0..5 {
        let (status, _) = h.get("/v1/configs/webhook").await;
        assert!([500, 502, 503, 555, 429].contains(&status), "{status}");
    }
    assert_eq!(h.requests().await.len(), 5);
    let (status, settings) = h.control("/_emulator/settings", json!({"fault_rate": 0.0})).await;
    assert_eq!(status, 200);
    assert_eq!(settings["fault_rate"], 0.0);
    assert_eq!(h.get("/v1/configs/webhook").await.0, 200);
    h.finish().await;
}

#[tokio::test]
async fn settings_change_page_cap_latency_and_health_at_run_time() {
    let h = Harness::start("settings").await;
    for name in ["a1", "a2", "a3"] {
        h.create(name, "en", "Hi").await;
    }
    let (status, _) = h.control("/_emulator/settings", json!({"page_cap": 1, "latency_ms": 150})).await;
    assert_eq!(status, 200);
    let started = Instant::now();
    let (_, page) = h.get("/v1/configs/templates").await;
    assert!(started.elapsed() >= Duration::from_millis(150), "latency applies");
    assert_eq!(
        (page["count"].clone(), page["limit"].clone(), page["total"].clone()),
        (json!(1), json!(1), json!(3))
    );
    let (status, error) = h.control("/_emulator/settings", json!({"health": "SICK"})).await;
    assert_eq!(status, 400, "{error}");
    h.control("/_emulator/settings", json!({"health": "limited", "latency_ms": 0, "page_cap": null})).await;
    let (_, health) = h.get("/health_status").await;
    assert_eq!(health["health_status"]["can_send_message"], "LIMITED");
    let stored = std::fs::read_to_string(&h.state).expect("state");
    assert!(stored.contains("\"health\":\"LIMITED\""), "health is persisted");
    h.finish().await;
}

#[tokio::test]
async fn health_endpoints_follow_the_override() {
    let h = Harness::start("health").await;
    let (status, cloud) = h.get("/health_status").await;
    assert_eq!(status, 200);
    assert_eq!(cloud["health_status"]["can_send_message"], "AVAILABLE");
    let types: Vec<&str> = cloud["health_status"]["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["entity_type"].as_str())
        .collect();
    assert_eq!(types, ["PHONE_NUMBER", "WABA", "BUSINESS", "APP"]);
    assert!(cloud["id"].is_string());
    let (_, onprem) = h.get("/v1/health").await;
    assert_eq!(onprem["health"]["gateway_status"], "connected");
    assert_eq!(onprem["meta"], json!({"api_status": "stable", "version": "2.53.0"}));

    h.control("/_emulator/settings", json!({"health": "LIMITED"})).await;
    let (_, limited) = h.get("/health_status").await;
    assert!(limited["health_status"]["entities"][0]["additional_info"][0].is_string());
    h.control("/_emulator/settings", json!({"health": "BLOCKED"})).await;
    let (_, blocked) = h.get("/health_status").await;
    assert_eq!(blocked["health_status"]["can_send_message"], "BLOCKED");
    assert_eq!(blocked["health_status"]["entities"][0]["errors"][0]["error_code"], 131031);
    let (_, onprem) = h.get("/v1/health").await;
    assert_eq!(onprem["health"]["gateway_status"], "disconnected");
    h.finish().await;

    let started = Harness::with("health-opt", |o| o.health = Some("blocked".into())).await;
    let (_, blocked) = started.get("/health_status").await;
    assert_eq!(blocked["health_status"]["can_send_message"], "BLOCKED");
    started.finish().await;
}

#[tokio::test]
async fn webhook_set_and_get_with_refusals_on_both_paths() {
    let h = Harness::start("webhook").await;
    assert_eq!(h.get("/v1/configs/webhook").await, (200, json!({"url": null, "headers": {}})));
    let hook = json!({"url": "https://hooks.example.com/wa", "headers": {"X-Token": "t"}});
    assert_eq!(h.post("/v1/configs/webhook", hook.clone()).await, (200, hook.clone()));
    assert_eq!(h.get("/waba_webhook").await, (200, hook.clone()));
    let local = json!({"url": "http://127.0.0.1:9/hook", "headers": {}});
    assert_eq!(h.post("/waba_webhook", local.clone()).await, (200, local));
    for url in [
        "http://hooks.example.com/wa",
        "https://my_hooks.example.com/wa",
        "https://hooks.example.com:8443/wa",
        "nonsense",
    ] {
        let (status, error) = h.post("/v1/configs/webhook", json!({"url": url})).await;
        assert_eq!(status, 400, "{url}");
        assert_eq!(error["meta"]["success"], false);
        assert!(error["meta"]["developer_message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let (status, _) =
        h.post("/v1/configs/webhook", json!({"url": "https://ok.example.com", "headers": {"X": 1}})).await;
    assert_eq!(status, 400, "header values must be strings");
    h.finish().await;
}

type Captured = Arc<Mutex<Vec<(HeaderMap, Value)>>>;

/// A loopback webhook receiver that records what it gets and answers `status`.
async fn receiver(status: u16) -> (String, Captured) {
    let captured: Captured = Arc::default();
    let sink = Arc::clone(&captured);
    let app = Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: Bytes| {
            let sink = Arc::clone(&sink);
            async move {
                let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
                sink.lock().expect("sink").push((headers, json));
                axum::http::StatusCode::from_u16(status).expect("status")
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    (url, captured)
}

#[tokio::test]
async fn inbound_delivers_the_cloud_payload_with_the_registered_headers() {
    let h = Harness::start("inbound").await;
    let (url, captured) = receiver(200).await;
    h.post("/v1/configs/webhook", json!({"url": url, "headers": {"X-Secret": "s3cret"}})).await;
    let report =
        inbound(&h.state, "+4915112345678", "Hello shop", Some("Kerry Fisher")).await.expect("inbound");
    assert_eq!(report.delivered_to.as_deref(), Some(url.as_str()));
    assert_eq!(report.status, Some(200));
    let received = captured.lock().expect("captured").clone();
    assert_eq!(received.len(), 1);
    let (headers, payload) = &received[0];
    assert_eq!(headers.get("x-secret").and_then(|v| v.to_str().ok()), Some("s3cret"));
    assert_eq!(payload["object"], "whatsapp_business_account");
    let value = &payload["entry"][0]["changes"][0]["value"];
    assert_eq!(payload["entry"][0]["changes"][0]["field"], "messages");
    assert_eq!(value["messaging_product"], "whatsapp");
    assert!(value["metadata"]["phone_number_id"].is_string());
    assert_eq!(value["contacts"][0], json!({"profile": {"name": "Kerry Fisher"}, "wa_id": "4915112345678"}));
    let message = &value["messages"][0];
    assert_eq!(message["from"], "4915112345678");
    assert_eq!(message["id"], report.message_id.as_str());
    assert_eq!(message["type"], "text");
    assert_eq!(message["text"]["body"], "Hello shop");
    assert!(message["timestamp"].as_str().is_some_and(|t| t.parse::<u64>().is_ok()));
    h.finish().await;
}

#[tokio::test]
async fn inbound_reports_webhook_status_and_refuses_bad_senders() {
    let h = Harness::start("inbound-err").await;
    let (url, _) = receiver(500).await;
    h.post("/v1/configs/webhook", json!({"url": url})).await;
    let report = inbound(&h.state, "4915112345678", "hi", None).await.expect("inbound");
    assert_eq!(report.status, Some(500));
    let bad = inbound(&h.state, "not-a-number", "hi", None).await;
    assert!(matches!(bad, Err(EmulatorError::InvalidInput(_))), "{bad:?}");

    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let dead = format!("http://{}/hook", closed.local_addr().expect("addr"));
    drop(closed);
    h.post("/v1/configs/webhook", json!({"url": dead})).await;
    let failed = inbound(&h.state, "4915100000000", "hi", None).await.expect("reported, not an error");
    assert_eq!(failed.delivered_to.as_deref(), Some(dead.as_str()));
    assert_eq!(failed.status, None);
    assert!(failed.error.is_some_and(|e| e.contains("refused")));
    let text = json!({"messaging_product": "whatsapp", "to": "4915100000000", "type": "text", "text": {"body": "x"}});
    assert_eq!(h.post("/messages", text).await.0, 200, "the window opened although delivery failed");
    h.finish().await;
}
