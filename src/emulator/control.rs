//! Control endpoints for tests under `/_emulator/` (no key, never faulted, not logged), and the
//! in-memory request log they expose.
//!
//! - `GET /_emulator/requests`: every API request since start or clear, in order:
//!   `{"method","path","query","body","api_key":"valid"|"invalid"|"missing","content_type"}`
//!   (+ `"fault": status` when a fault answered it, `"channel": id` when a fleet channel's key
//!   chose that channel; a body over 1 MiB is its first 64 KiB and its size). `DELETE` clears it.
//! - `POST /_emulator/faults` `{"next":[{"status","retry_after"?,"after_effect"?,"code"?,"method"?}]}`
//!   queues scripted faults (one with a `method` is kept for the next request of that method);
//!   `DELETE` drops them.
//! - `POST /_emulator/listing_lag` `{"lists": N}` hides each template created from now on from
//!   the next N template listings (an eventually consistent listing); `DELETE` ends the lag.
//! - `GET|POST /_emulator/settings` `{"health"?,"page_cap"?,"fault_rate"?,"latency_ms"?,
//!   "review_delay_secs"?}` reads or changes the running server's settings (`health` is
//!   persisted in the state; `null` resets it, and a `null` page cap removes the cap).
//! - `GET /_emulator/messages`: the sent messages kept in the state.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::errors::{ApiError, json_response};
use super::faults::Fault;
use super::health;
use super::server::{App, KeyCheck, blocking, settings_json};

/// Bodies larger than this are logged as their head and size.
pub const MAX_LOGGED_BODY: usize = 1024 * 1024;

/// Entries kept in the request log; the oldest are dropped beyond this.
pub const MAX_LOGGED_REQUESTS: usize = 100_000;

/// API requests received, oldest first.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: Mutex<VecDeque<Value>>,
}

impl RequestLog {
    /// Records one API request (never the key itself), with the status of the fault that answers
    /// it and the fleet channel its key chose.
    pub fn record(
        &self,
        method: &Method,
        uri: &Uri,
        headers: &HeaderMap,
        body: &[u8],
        key: KeyCheck,
        (fault, channel): (Option<u16>, Option<&str>),
    ) {
        let body = if body.is_empty() {
            Value::Null
        } else if body.len() > MAX_LOGGED_BODY {
            // A large upload: its head (the form's fields) and its size, not megabytes of text.
            let head = String::from_utf8_lossy(&body[..MAX_LOGGED_BODY / 16]);
            Value::String(format!("{head}…({} bytes)", body.len()))
        } else {
            serde_json::from_slice(body)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
        };
        let content_type = headers.get("content-type").and_then(|v| v.to_str().ok());
        let mut entry = json!({
            "method": method.as_str(),
            "path": uri.path(),
            "query": uri.query(),
            "body": body,
            "api_key": key.as_str(),
            "content_type": content_type,
        });
        if let Some(status) = fault {
            entry["fault"] = json!(status);
        }
        if let Some(channel) = channel {
            entry["channel"] = json!(channel);
        }
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= MAX_LOGGED_REQUESTS {
            entries.pop_front();
        }
        entries.push_back(entry);
    }

    fn snapshot(&self) -> Vec<Value> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).iter().cloned().collect()
    }

    fn clear(&self) {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }
}

/// `GET /_emulator/requests`.
pub async fn requests(State(app): State<Arc<App>>) -> Response {
    json_response(200, Value::Array(app.log.snapshot()))
}

/// `DELETE /_emulator/requests`.
pub async fn clear_requests(State(app): State<Arc<App>>) -> Response {
    app.log.clear();
    json_response(200, json!({"cleared": true}))
}

/// `POST /_emulator/faults`.
pub async fn faults(State(app): State<Arc<App>>, body: Bytes) -> Response {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Script {
        next: Vec<Fault>,
    }
    let script = match serde_json::from_slice::<Script>(&body) {
        Ok(script) => script,
        Err(e) => {
            return bad_request(format!("expected {{\"next\":[{{\"status\":503,...}}]}}: {e}"));
        }
    };
    match app.faults.push(script.next) {
        Ok(pending) => json_response(200, json!({"queued": pending})),
        Err(message) => bad_request(message),
    }
}

/// `DELETE /_emulator/faults`.
pub async fn clear_faults(State(app): State<Arc<App>>) -> Response {
    app.faults.clear();
    json_response(200, json!({"queued": app.faults.pending()}))
}

/// `POST /_emulator/listing_lag`.
pub async fn listing_lag(State(app): State<Arc<App>>, body: Bytes) -> Response {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Lag {
        lists: u32,
    }
    match serde_json::from_slice::<Lag>(&body) {
        Ok(lag) => {
            app.lag.set(lag.lists);
            json_response(200, json!({"lists": app.lag.lists()}))
        }
        Err(e) => bad_request(format!("expected {{\"lists\": N}}: {e}")),
    }
}

/// `DELETE /_emulator/listing_lag`.
pub async fn clear_listing_lag(State(app): State<Arc<App>>) -> Response {
    app.lag.clear();
    json_response(200, json!({"lists": 0}))
}

/// `GET /_emulator/settings`.
pub async fn get_settings(State(app): State<Arc<App>>) -> Response {
    blocking(move || read_settings(&app)).await
}

fn read_settings(app: &App) -> Response {
    match app.store.read() {
        Ok(state) => json_response(200, settings_json(&app.settings(), state.health.as_deref())),
        Err(e) => ApiError::from(e).into_response(super::errors::Flavour::Cloud),
    }
}

/// `POST /_emulator/settings`.
pub async fn settings(State(app): State<Arc<App>>, body: Bytes) -> Response {
    blocking(move || change_settings(&app, &body)).await
}

fn change_settings(app: &App, body: &[u8]) -> Response {
    let Ok(Value::Object(changes)) = serde_json::from_slice::<Value>(body) else {
        return bad_request("expected a JSON object of settings".into());
    };
    let mut next = app.settings();
    if let Err(message) = apply(&mut next, &changes) {
        return bad_request(message);
    }
    let health = match changes.get("health") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(value) => match value.as_str().and_then(health::parse) {
            Some(h) => Some(Some(h.to_string())),
            None => {
                return bad_request(format!("health must be one of {}", health::HEALTH_VALUES.join(", ")));
            }
        },
    };
    let result = match health {
        Some(health) => app.store.mutate(|state| {
            state.health = health;
            Ok::<_, ApiError>(state.health.clone())
        }),
        None => app.store.read().map(|s| s.health.clone()).map_err(ApiError::from),
    };
    let health = match result {
        Ok(health) => health,
        Err(e) => return e.into_response(super::errors::Flavour::Cloud),
    };
    *app.settings.lock().unwrap_or_else(PoisonError::into_inner) = next.clone();
    json_response(200, settings_json(&next, health.as_deref()))
}

fn apply(settings: &mut super::server::Settings, changes: &Map<String, Value>) -> Result<(), String> {
    for (key, value) in changes {
        match key.as_str() {
            "health" => {}
            "page_cap" => {
                settings.page_cap = match value {
                    Value::Null => None,
                    v => Some(
                        v.as_u64()
                            .and_then(|n| usize::try_from(n).ok())
                            .filter(|n| *n > 0)
                            .ok_or("page_cap must be a positive integer or null")?,
                    ),
                };
            }
            "fault_rate" => {
                settings.fault_rate = value
                    .as_f64()
                    .filter(|p| (0.0..=1.0).contains(p))
                    .ok_or("fault_rate must be a number from 0 to 1")?;
            }
            "latency_ms" => {
                let ms = value
                    .as_u64()
                    .filter(|ms| *ms <= super::MAX_LATENCY_MS)
                    .ok_or(format!("latency_ms must be an integer from 0 to {}", super::MAX_LATENCY_MS))?;
                settings.latency = Duration::from_millis(ms);
            }
            "review_delay_secs" => {
                let secs = value.as_f64().filter(|s| (0.0..=super::MAX_REVIEW_DELAY).contains(s)).ok_or(
                    format!("review_delay_secs must be a number from 0 to {}", super::MAX_REVIEW_DELAY),
                )?;
                settings.review_delay = Duration::from_secs_f64(secs);
            }
            other => return Err(format!("unknown setting \"{other}\"")),
        }
    }
    Ok(())
}

/// `GET /_emulator/messages`.
pub async fn messages(State(app): State<Arc<App>>) -> Response {
    blocking(move || sent_messages(&app)).await
}

fn sent_messages(app: &App) -> Response {
    match app.store.read() {
        Ok(state) => json_response(200, json!(state.messages)),
        Err(e) => ApiError::from(e).into_response(super::errors::Flavour::Cloud),
    }
}

fn bad_request(message: String) -> Response {
    json_response(400, json!({"error": message}))
}
