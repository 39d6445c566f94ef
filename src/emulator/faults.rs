//! Injected failures: faults scripted through `POST /_emulator/faults` (consumed one per API
//! request, in order) and random ones drawn with the configured fault rate (500, 502, 503, 555 or
//! 429; a 5xx on a POST is "after effect" half the time: the request is processed, then
//! answered with the fault).

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};

use axum::http::HeaderValue;
use axum::response::Response;
use serde::Deserialize;

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
        Fault { status, retry_after, after_effect, code: None }
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

    /// The fault for the next API request: the next scripted one, else a random one with
    /// probability `rate`.
    pub fn next(&self, is_post: bool, rate: f64) -> Option<Fault> {
        if let Some(fault) = self.queue.lock().unwrap_or_else(PoisonError::into_inner).pop_front() {
            return Some(fault);
        }
        (rate > 0.0 && fastrand::f64() < rate).then(|| Fault::random(is_post))
    }

    /// Scripted faults not yet used.
    pub fn pending(&self) -> usize {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}
