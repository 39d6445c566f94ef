//! The HTTP server: the shared [`App`], the axum router, and the entry point of every API request,
//! which records it, waits the configured latency, applies faults, checks `D360-API-KEY`, and
//! dispatches by method and path (both API flavours' paths at once).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::control::{self, RequestLog};
use super::errors::{ApiError, Flavour, gateway_body, json_response};
use super::faults::{FaultQueue, ListingLag};
use super::store::Store;
use super::{automation, health, listing, media_control, media_files, messages, profile, templates, webhook};

/// Settings that `POST /_emulator/settings` can change while the server runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Review delay given to templates created from now on.
    pub review_delay: Duration,
    /// Probability of a random fault per API request.
    pub fault_rate: f64,
    /// Delay before answering each API request.
    pub latency: Duration,
    /// Largest page the template list returns.
    pub page_cap: Option<usize>,
}

/// Everything the handlers share.
pub struct App {
    /// The state file.
    pub store: Store,
    /// The API key requests must carry.
    pub key: String,
    /// Run-time settings.
    pub settings: Mutex<Settings>,
    /// Scripted faults.
    pub faults: FaultQueue,
    /// Templates created recently hidden from listings.
    pub lag: ListingLag,
    /// API requests received since start or the last clear.
    pub log: RequestLog,
    /// The partner account and its channels (`--channels N`).
    pub fleet: Option<super::partner::Fleet>,
}

impl App {
    /// A copy of the current settings.
    pub fn settings(&self) -> Settings {
        self.settings.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

/// The router: control endpoints under `/_emulator/`, everything else is an API request.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/_emulator/requests", get(control::requests).delete(control::clear_requests))
        .route("/_emulator/faults", post(control::faults).delete(control::clear_faults))
        .route("/_emulator/listing_lag", post(control::listing_lag).delete(control::clear_listing_lag))
        .route("/_emulator/settings", get(control::get_settings).post(control::settings))
        .route("/_emulator/messages", get(control::messages))
        .route("/_emulator/media/{id}", get(media_control::bytes))
        .route("/_emulator/media/{id}/corrupt", post(media_control::corrupt))
        .fallback(api)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
        .with_state(app)
}

/// The largest request body read: the largest document WhatsApp takes (100 MB) and its form.
pub const MAX_UPLOAD_BYTES: usize = 101 * 1024 * 1024;

/// Whether the request carried the right key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCheck {
    /// Header present and equal to the key.
    Valid,
    /// Header present with another value.
    Invalid,
    /// No header.
    Missing,
}

impl KeyCheck {
    /// How the request log spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyCheck::Valid => "valid",
            KeyCheck::Invalid => "invalid",
            KeyCheck::Missing => "missing",
        }
    }
}

fn check_key(headers: &HeaderMap, key: &str) -> KeyCheck {
    match headers.get("d360-api-key") {
        None => KeyCheck::Missing,
        Some(value) if value.as_bytes() == key.as_bytes() => KeyCheck::Valid,
        Some(_) => KeyCheck::Invalid,
    }
}

/// Entry point of every API request.
async fn api(
    State(app): State<Arc<App>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let settings = app.settings();
    let mut key = check_key(&headers, &app.key);
    // With a fleet, a channel's own key selects that channel's state.
    let channel = match (&app.fleet, headers.get("d360-api-key")) {
        (Some(fleet), Some(value)) if key == KeyCheck::Invalid => fleet.channel_for_key(value.as_bytes()),
        _ => None,
    };
    if channel.is_some() {
        key = KeyCheck::Valid;
    }
    let partner_path = app.fleet.is_some() && uri.path().starts_with("/api/v2/");
    let fault = app.faults.next(method.as_str(), settings.fault_rate);
    let channel_id = channel.map(|c| c.id.as_str());
    app.log.record(&method, &uri, &headers, &body, key, (fault.as_ref().map(|f| f.status), channel_id));
    if !settings.latency.is_zero() {
        tokio::time::sleep(settings.latency).await;
    }
    if let Some(fault) = fault.as_ref().filter(|f| !f.after_effect) {
        return fault.response();
    }
    let response = if let (true, Some(fleet)) = (partner_path, &app.fleet) {
        fleet.handle(&method, &uri, &headers, settings.page_cap)
    } else if key == KeyCheck::Valid {
        let channel_key = channel.and(headers.get("d360-api-key")).map(|v| v.as_bytes().to_vec());
        let app = Arc::clone(&app);
        let headers = headers.clone();
        // The store locks and fsyncs the state file: off the async workers.
        blocking(move || {
            let channel = channel_key.as_deref().and_then(|k| app.fleet.as_ref()?.channel_for_key(k));
            let store = channel.map_or(&app.store, |c| &c.store);
            media_files::handle(store, &method, &uri, &headers, &body)
                .unwrap_or_else(|| dispatch(&app, store, &settings, &method, &uri, &body))
        })
        .await
    } else {
        json_response(401, gateway_body(401, "Invalid api_key"))
    };
    match fault {
        Some(fault) => fault.response(),
        None => response,
    }
}

/// Runs `work` (which uses the store: file locks, fsync) on tokio's blocking threads, so the
/// async workers (two, shared with the client under `--emulator`) never wait on the disk. A
/// panic in `work` answers 500.
pub async fn blocking(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    match tokio::task::spawn_blocking(work).await {
        Ok(response) => response,
        Err(error) => json_response(500, gateway_body(500, &format!("emulator internal error: {error}"))),
    }
}

/// Routes an authenticated API request.
fn dispatch(
    app: &App,
    store: &Store,
    settings: &Settings,
    method: &Method,
    uri: &Uri,
    body: &[u8],
) -> Response {
    let path = uri.path();
    let path = if path.len() > 1 { path.trim_end_matches('/') } else { path };
    let flavour = if path == "/messages"
        || path == "/health_status"
        || path == "/whatsapp_business_profile"
        || path == automation::PATH
    {
        Flavour::Cloud
    } else {
        Flavour::OnPremise
    };
    let result: Result<Value, ApiError> = match (method.as_str(), path) {
        ("GET", "/v1/configs/templates") => match Query::<HashMap<String, String>>::try_from_uri(uri) {
            Ok(Query(params)) => listing::list(store, &params, settings.page_cap),
            Err(e) => Err(ApiError::gateway(400, format!("Invalid query string: {e}"))),
        },
        ("POST", "/v1/configs/templates") => {
            let created = templates::create(store, settings.review_delay, body);
            if created.is_ok() {
                app.lag.created(body);
            }
            created
        }
        ("DELETE", p) if p.starts_with("/v1/configs/templates/") => {
            let name = percent_decode(&p["/v1/configs/templates/".len()..]);
            templates::delete(store, &name)
        }
        ("GET", "/v1/configs/webhook" | "/waba_webhook") => webhook::get(store),
        ("POST", "/v1/configs/webhook" | "/waba_webhook") => webhook::set(store, body),
        ("GET", "/health_status") => health::cloud(store),
        ("GET", "/v1/health") => health::onprem(store),
        ("POST", "/messages") => messages::send(store, Flavour::Cloud, body),
        ("POST", "/v1/messages") => messages::send(store, Flavour::OnPremise, body),
        ("GET", automation::PATH) => automation::get(store),
        ("POST", automation::PATH) => automation::set(store, body),
        (method, path) if profile::is_path(method, path) => {
            profile::handle(store, method, path, body).unwrap_or(Ok(Value::Null))
        }
        (method, path) => {
            Err(ApiError::gateway(404, format!("Not found: {method} {path} is not an endpoint of this API")))
        }
    };
    match result {
        Ok(mut answer) => {
            if method == Method::GET && path == "/v1/configs/templates" {
                app.lag.filter(&mut answer);
            }
            json_response(200, answer)
        }
        // Template errors come from Meta's Graph API on both hosts: always the Cloud shape.
        Err(error) if path.starts_with("/v1/configs/") => error.into_response(Flavour::Cloud),
        Err(error) => error.into_response(flavour),
    }
}

/// Decodes `%XX` escapes of a path segment (invalid escapes stay as written).
fn percent_decode(raw: &str) -> String {
    percent_encoding::percent_decode_str(raw).decode_utf8_lossy().into_owned()
}

/// The JSON of the current settings, for the control endpoint.
pub fn settings_json(settings: &Settings, health: Option<&str>) -> Value {
    json!({
        "health": health.unwrap_or("AVAILABLE"),
        "page_cap": settings.page_cap,
        "fault_rate": settings.fault_rate,
        "latency_ms": u64::try_from(settings.latency.as_millis()).unwrap_or(u64::MAX),
        "review_delay_secs": settings.review_delay.as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decode_handles_escapes_and_leaves_bad_ones() {
        assert_eq!(percent_decode("order%5Fupdate"), "order_update");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("plain"), "plain");
    }
}
