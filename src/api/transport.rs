//! Sending one request: the URL under the base, the JSON body, the timeout, retries that never
//! repeat a side effect (backoff with jitter, `Retry-After` honoured), `-v`/`-vv` trace lines
//! (never the key), and every non-2xx turned into an [`ApiError`].

use std::time::{Duration, Instant};

use reqwest::{Method, Url};
use serde_json::Value;

use super::retry::{self, Safety};
use super::{ApiError, Client, Error, Result};

/// A successful answer: status and body.
pub(super) struct Reply {
    pub(super) body: Vec<u8>,
}

impl Client {
    pub(super) async fn json<T: serde::de::DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&Value>,
        safety: Safety,
    ) -> Result<T> {
        let reply = self.call(method, path, query, body, safety).await?;
        let bytes: &[u8] = if reply.body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { &reply.body };
        serde_json::from_slice(bytes).map_err(|err| self.decode_error(path, err))
    }

    pub(super) fn decode_error(&self, path: &str, err: impl std::fmt::Display) -> Error {
        Error::Decode { url: self.url_for(path).to_string(), reason: err.to_string() }
    }

    pub(super) fn url_for(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        let joined = format!("{}{}", self.base.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url
    }

    /// Sends with retries: reads on connection errors, 5xx, 429 and throttle codes; side effects
    /// only when the server certainly did not act (refused connection, 429, throttle code).
    pub(super) async fn call(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&Value>,
        safety: Safety,
    ) -> Result<Reply> {
        let url = self.url_for(path);
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let mut request = self.http.request(method.clone(), url.clone()).query(query);
            if let Some(body) = body {
                request = request.json(body);
            }
            self.log(1, &format!("{method} {} (attempt {attempt})", display_url(&url, query)));
            if let Some(body) = body {
                self.log(2, &format!("request body: {body}"));
            }
            let started = Instant::now();
            let failure = match request.send().await {
                Ok(response) => {
                    let status = response.status().as_u16();
                    let retry_after = response
                        .headers()
                        .get(reqwest::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| retry::retry_after(Some(v)));
                    let read = response.bytes().await;
                    let elapsed = started.elapsed().as_millis();
                    match read {
                        Ok(bytes) => {
                            self.log(1, &format!("-> HTTP {status} in {elapsed} ms"));
                            self.log(2, &format!("response body: {}", String::from_utf8_lossy(&bytes)));
                            if (200..300).contains(&status) {
                                return Ok(Reply { body: bytes.to_vec() });
                            }
                            let api_err = ApiError::parse(status, &bytes);
                            let retryable = api_err.is_throttle()
                                || (safety == Safety::Idempotent && api_err.is_transient_server_error());
                            Failure { retryable, retry_after, error: Error::Api(api_err) }
                        }
                        Err(err) => self.network_failure(&url, attempt, &err, safety, false),
                    }
                }
                Err(err) => self.network_failure(&url, attempt, &err, safety, err.is_connect()),
            };
            if !failure.retryable || attempt > self.retries {
                return Err(failure.error);
            }
            let delay = failure.retry_after.unwrap_or_else(|| retry::backoff(attempt - 1));
            self.log(1, &format!("retrying in {} ms: {}", delay.as_millis(), failure.error));
            tokio::time::sleep(delay).await;
        }
    }

    fn network_failure(
        &self,
        url: &Url,
        attempts: u32,
        err: &reqwest::Error,
        safety: Safety,
        refused: bool,
    ) -> Failure {
        let summary = if err.is_timeout() {
            "timed out".to_owned()
        } else if err.is_connect() {
            "connection failed".to_owned()
        } else {
            "the connection broke".to_owned()
        };
        let cause = error_chain(err);
        self.log(1, &format!("-> {summary}: {cause}"));
        let retryable = refused || safety == Safety::Idempotent;
        let mut shown = url.clone();
        shown.set_query(None);
        Failure {
            retryable,
            retry_after: None,
            error: Error::Network { url: shown.to_string(), attempts, summary, cause },
        }
    }

    pub(super) fn log(&self, level: u8, line: &str) {
        if let Some(trace) = &self.trace {
            trace(level, line);
        }
    }
}

struct Failure {
    retryable: bool,
    retry_after: Option<Duration>,
    error: Error,
}

fn display_url(url: &Url, query: &[(&str, String)]) -> String {
    let mut shown = url.clone();
    if !query.is_empty() {
        shown.query_pairs_mut().extend_pairs(query.iter().map(|(k, v)| (*k, v.as_str())));
    }
    shown.to_string()
}

fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(inner) = source {
        let text = inner.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = inner.source();
    }
    parts.join(": ")
}
