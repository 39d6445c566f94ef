//! Injected failures: faults scripted through `POST /_emulator/faults` (consumed one per API
//! request, in order; one with a `method` waits for a request of that method, so a test can aim
//! it at the POSTs behind a command's listings) and random ones drawn with the configured fault rate (500, 502, 503, 555 or
//! 429; a 5xx on a POST is "after effect" half the time: the request is processed, then
//! answered with the fault). A listing lag (`POST /_emulator/listing_lag`) hides each template
//! created from then on from the next N template listings, as an eventually consistent API does.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, PoisonError};

use axum::http::HeaderValue;
use axum::response::Response;
use serde::Deserialize;

use serde_json::Value;

use super::errors::{MetaError, gateway_body, json_response};

/// One failure to answer with.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// HTTP status (400..=599).
    pub status: u16,
    /// Seconds for a `Retry-After` header.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// Process the request first, then answer with the fault.
    #[serde(default)]
    pub after_effect: bool,
    /// Meta error code: with status 429 the body is a Cloud throttle error with this code.
    #[serde(default)]
    pub code: Option<u32>,
    /// Only for a request of this method (`"POST"`); requests of other methods pass it by.
    #[serde(default)]
    pub method: Option<String>,
}

/// Statuses random faults are drawn from.
pub const RANDOM_STATUSES: [u16; 5] = [500, 502, 503, 555, 429];

impl Fault {
    /// The response this fault produces.
    pub fn response(&self) -> Response {
        let body = match (self.status, self.code) {
            (429, Some(code)) => MetaError::new(429, code, throttle_title(code))
                .details("Message throughput has been reached (emulated fault). Retry later.")
                .cloud_body(),
            (status, _) => gateway_body(status, gateway_message(status)),
        };
        let mut response = json_response(self.status, body);
        if let Some(secs) = self.retry_after {
            response.headers_mut().insert("retry-after", HeaderValue::from(secs));
        }
        response
    }

    /// A random fault for a request; `is_post` allows after-effect faults.
    fn random(is_post: bool) -> Self {
        let status = RANDOM_STATUSES[fastrand::usize(..RANDOM_STATUSES.len())];
        let after_effect = is_post && status >= 500 && fastrand::bool();
        let retry_after = (status == 429).then_some(1);
        Fault { status, retry_after, after_effect, code: None, method: None }
    }
}

fn throttle_title(code: u32) -> &'static str {
    match code {
        130429 => "Rate limit hit",
        131056 => "(Business Account, Consumer Account) pair rate limit hit",
        131048 => "Spam rate limit hit",
        613 => "Calls to this api have exceeded the rate limit",
        80007 => "Rate limit issues",
        _ => "Application request limit reached",
    }
}

fn gateway_message(status: u16) -> &'static str {
    match status {
        429 => "Too Many Requests",
        500 => "Internal server error",
        502 => "WhatsApp for Business API not available",
        503 => "Service temporarily unavailable",
        504 => "Gateway timeout",
        555 => "Internal server error: the WhatsApp API server is restarting",
        _ => "Emulated fault",
    }
}

/// Scripted faults waiting to be used.
#[derive(Debug, Default)]
pub struct FaultQueue {
    queue: Mutex<VecDeque<Fault>>,
}

impl FaultQueue {
    /// Appends scripted faults; refuses statuses outside 400..=599.
    pub fn push(&self, faults: Vec<Fault>) -> Result<usize, String> {
        if let Some(bad) = faults.iter().find(|f| !(400..=599).contains(&f.status)) {
            return Err(format!("fault status {} is not within 400..=599", bad.status));
        }
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.extend(faults);
        Ok(queue.len())
    }

    /// Drops every scripted fault.
    pub fn clear(&self) {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner).clear();
    }

    /// The fault for the next API request (of `method`): the first scripted one meant for it,
    /// else a random one with probability `rate`.
    pub fn next(&self, method: &str, rate: f64) -> Option<Fault> {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        let meant = |f: &Fault| f.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method));
        if let Some(fault) = queue.iter().position(meant).and_then(|at| queue.remove(at)) {
            return Some(fault);
        }
        drop(queue);
        (rate > 0.0 && fastrand::f64() < rate).then(|| Fault::random(method == "POST"))
    }

    /// Scripted faults not yet used.
    pub fn pending(&self) -> usize {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}

/// Templates created while a listing lag is set stay out of that many listings.
#[derive(Debug, Default)]
pub struct ListingLag {
    inner: Mutex<LagState>,
}

#[derive(Debug, Default)]
struct LagState {
    /// Listings each newly created template is hidden from.
    lists: u32,
    /// (name, language) -> listings it is still hidden from.
    hidden: HashMap<(String, String), u32>,
}

impl ListingLag {
    /// Sets the lag for templates created from now on (0 turns it off, hidden ones stay hidden).
    pub fn set(&self, lists: u32) {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).lists = lists;
    }

    /// Turns the lag off and shows every hidden template again.
    pub fn clear(&self) {
        *self.inner.lock().unwrap_or_else(PoisonError::into_inner) = LagState::default();
    }

    /// The current lag.
    pub fn lists(&self) -> u32 {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).lists
    }

    /// Notes a template just created (the request body) under the current lag.
    pub fn created(&self, body: &[u8]) {
        let mut state = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if state.lists == 0 {
            return;
        }
        let Ok(template) = serde_json::from_slice::<Value>(body) else { return };
        let text = |key: &str| template.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
        let lists = state.lists;
        state.hidden.insert((text("name"), text("language")), lists);
    }

    /// Removes hidden templates from a listing answer and counts this listing against them.
    pub fn filter(&self, answer: &mut Value) {
        let mut state = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if state.hidden.is_empty() {
            return;
        }
        let hidden = &state.hidden;
        let mut removed = 0u64;
        if let Some(list) = answer.get_mut("waba_templates").and_then(Value::as_array_mut) {
            list.retain(|t| {
                let text = |key: &str| t.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
                let hide = hidden.contains_key(&(text("name"), text("language")));
                removed += u64::from(hide);
                !hide
            });
        }
        for key in ["count", "total"] {
            if let Some(n) = answer.get(key).and_then(Value::as_u64) {
                answer[key] = Value::from(n.saturating_sub(removed));
            }
        }
        state.hidden.retain(|_, left| {
            *left -= 1;
            *left > 0
        });
    }
}
