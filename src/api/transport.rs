//! Sending one request: the URL under the base, the JSON body, the timeout, retries that never
//! repeat a side effect (backoff with jitter, `Retry-After` honoured), `-v`/`-vv` trace lines
//! (never the key), and every non-2xx turned into an [`ApiError`]. A redirect is an error naming
//! its target (never followed: the key would go along), a body is read in chunks up to
//! [`MAX_BODY_BYTES`], and a 2xx whose body carries an `error` object is a refusal, not a success.

use std::time::{Duration, Instant};

use reqwest::{Method, Url};
use serde_json::Value;

use super::network::{NetworkKind, error_chain, redact_url};
use super::retry::{self, Safety};
use super::{ApiError, Client, Error, Result};

/// The largest response body read (32 MiB): a full page of 1,000 large templates is a few MB.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// The body of a successful (2xx, not an error shape) answer; no status is kept (every 2xx
/// is the same to callers).
pub(super) struct Reply {
    pub(super) body: Vec<u8>,
}

/// Just enough of a body to see whether a 2xx actually carries an error.
#[derive(serde::Deserialize)]
struct ErrorProbe<'a> {
    #[serde(default, borrow)]
    error: Option<&'a serde_json::value::RawValue>,
    #[serde(default, borrow)]
    errors: Option<&'a serde_json::value::RawValue>,
}

/// A 2xx body that is an error shape (`{"error": {...}}`, `{"error": "..."}`, or on-premise's
/// `{"errors": [...]}` with at least one error).
pub(super) fn is_error_shape(body: &[u8]) -> bool {
    // Only an object: serde reads a struct from an array too, and `[[],null]` is no error.
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return false;
    }
    let Ok(probe) = serde_json::from_slice::<ErrorProbe<'_>>(body) else { return false };
    let error = probe.error.is_some_and(|raw| !matches!(raw.get(), "null" | "\"\"" | "false"));
    let errors = probe.errors.is_some_and(|raw| {
        serde_json::from_str::<Vec<serde::de::IgnoredAny>>(raw.get()).is_ok_and(|list| !list.is_empty())
    });
    error || errors
}

/// Why a body could not be read.
pub(super) enum ReadError {
    TooLarge,
    Network(reqwest::Error),
}

/// Reads the body chunk by chunk, giving up past `limit` bytes.
pub(super) async fn read_capped(
    response: &mut reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, ReadError> {
    if response.content_length().is_some_and(|len| len > limit as u64) {
        return Err(ReadError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(ReadError::Network)? {
        if body.len() + chunk.len() > limit {
            return Err(ReadError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
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
        Error::Decode { url: redact_url(&self.url_for(path)), reason: err.to_string() }
    }

    pub(super) fn url_for(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        let joined = format!("{}{}", self.base.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url
    }

    /// Runs `once` (given the attempt number, from 1) until it is done, its failure is not
    /// retryable or the retries are used up, waiting `Retry-After` or the backoff in between:
    /// the one retry loop of every request the client makes.
    pub(super) async fn retrying<T, F, Fut>(&self, mut once: F) -> Result<T>
    where
        F: FnMut(u32) -> Fut,
        Fut: std::future::Future<Output = Attempt<T>>,
    {
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let failure = match once(attempt).await {
                Attempt::Done(result) => return result,
                Attempt::Failed(failure) => failure,
            };
            if !failure.retryable || attempt > self.retries {
                return Err(failure.error);
            }
            let delay = failure.retry_after.unwrap_or_else(|| retry::backoff(attempt - 1));
            self.log(1, &format!("retrying in {} ms: {}", delay.as_millis(), failure.error));
            tokio::time::sleep(delay).await;
        }
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
        let url = &self.url_for(path);
        let method = &method;
        self.retrying(|attempt| async move {
            let mut request = self.http.request(method.clone(), url.clone()).query(query);
            if let Some(body) = body {
                request = request.json(body);
            }
            self.log(1, &format!("{method} {} (attempt {attempt})", display_url(url, query)));
            if let Some(body) = body {
                self.log(2, &format!("request body: {}", redact_headers(body)));
            }
            let started = Instant::now();
            let mut response = match self.send_once(request, url, attempt, safety).await {
                Ok(response) => response,
                Err(ended) => return ended,
            };
            let status = response.status().as_u16();
            let retry_after = retry_after_of(&response);
            let read = read_capped(&mut response, MAX_BODY_BYTES).await;
            let elapsed = started.elapsed().as_millis();
            match read {
                Ok(bytes) => {
                    self.log(1, &format!("-> HTTP {status} in {elapsed} ms"));
                    self.log(2, &format!("response body: {}", redact_body(&bytes)));
                    if (200..300).contains(&status) && !is_error_shape(&bytes) {
                        return Attempt::Done(Ok(Reply { body: bytes }));
                    }
                    let api_err = ApiError::parse(status, &bytes);
                    let retryable = api_err.is_throttle()
                        || (safety == Safety::Idempotent && api_err.is_transient_server_error());
                    Attempt::Failed(Failure { retryable, retry_after, error: Error::Api(api_err) })
                }
                Err(err) => self.read_failure(url, attempt, err, safety),
            }
        })
        .await
    }

    /// Sends one attempt's request: the response, or how the attempt ended: a network failure
    /// (retried as `safety` allows) or a redirect (never followed, so the key stays on its host).
    pub(super) async fn send_once<T>(
        &self,
        request: reqwest::RequestBuilder,
        url: &Url,
        attempt: u32,
        safety: Safety,
    ) -> std::result::Result<reqwest::Response, Attempt<T>> {
        let response = match request.send().await {
            Ok(response) => response,
            Err(err) => return Err(Attempt::Failed(self.network_failure(url, attempt, &err, safety))),
        };
        let status = response.status().as_u16();
        if (300..400).contains(&status) {
            return Err(Attempt::Done(Err(self.redirect_error(url, status, &response))));
        }
        Ok(response)
    }

    /// A body that could not be read: too large (final), or the connection broke (maybe retried).
    pub(super) fn read_failure<T>(
        &self,
        url: &Url,
        attempt: u32,
        err: ReadError,
        safety: Safety,
    ) -> Attempt<T> {
        match err {
            ReadError::TooLarge => {
                let mut shown = url.clone();
                shown.set_query(None);
                Attempt::Done(Err(Error::TooLarge { url: redact_url(&shown), limit: MAX_BODY_BYTES }))
            }
            ReadError::Network(err) => Attempt::Failed(self.network_failure(url, attempt, &err, safety)),
        }
    }

    pub(super) fn network_failure(
        &self,
        url: &Url,
        attempts: u32,
        err: &reqwest::Error,
        safety: Safety,
    ) -> Failure {
        let kind = NetworkKind::of(err);
        let cause = error_chain(err).join(": ");
        self.log(1, &format!("-> {kind}: {cause}"));
        let retryable = !kind.may_have_reached_server() || safety == Safety::Idempotent;
        let mut shown = url.clone();
        shown.set_query(None);
        Failure {
            retryable,
            retry_after: None,
            error: Error::Network { url: redact_url(&shown), attempts, kind, cause },
        }
    }

    /// A 3xx: an error naming where it pointed (credentials in that URL masked too).
    pub(super) fn redirect_error(&self, url: &Url, status: u16, response: &reqwest::Response) -> Error {
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .map_or_else(|| "(no Location header)".to_owned(), |raw| super::network::redact_raw(&raw));
        self.log(1, &format!("-> HTTP {status} redirect to {location} (not followed)"));
        let mut shown = url.clone();
        shown.set_query(None);
        Error::Redirect { url: redact_url(&shown), status, location }
    }

    pub(super) fn log(&self, level: u8, line: &str) {
        if let Some(trace) = &self.trace {
            trace(level, line);
        }
    }
}

/// What one attempt of a request came to: a final result, or a failure that may be retried.
pub(super) enum Attempt<T> {
    Done(Result<T>),
    Failed(Failure),
}

/// The `Retry-After` of an answer, when it has a usable one.
pub(super) fn retry_after_of(response: &reqwest::Response) -> Option<Duration> {
    response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| retry::retry_after(Some(v)))
}

/// A failed attempt: whether it may be retried, after how long the server asked, and why.
pub(super) struct Failure {
    pub(super) retryable: bool,
    pub(super) retry_after: Option<Duration>,
    pub(super) error: Error,
}

/// A body for `-vv` with the values of a top-level `headers` object (the webhook's secret
/// headers) replaced by `(redacted)`.
fn redact_headers(body: &Value) -> String {
    // A minted channel key (`POST .../api_keys` answers `{"api_key": ...}`) is a secret too.
    if body.get("api_key").is_some_and(|key| key.is_string() && key != "(redacted)") {
        let mut shown = body.clone();
        shown["api_key"] = Value::String("(redacted)".into());
        return redact_headers(&shown);
    }
    match body.get("headers").and_then(Value::as_object) {
        Some(headers) if !headers.is_empty() => {
            let mut shown = body.clone();
            if let Some(map) = shown.get_mut("headers").and_then(Value::as_object_mut) {
                for value in map.values_mut() {
                    *value = Value::String("(redacted)".into());
                }
            }
            shown.to_string()
        }
        _ => body.to_string(),
    }
}

/// [`redact_headers`] for a response body (only small JSON objects can be a webhook or key answer; a
/// large body that mentions `"headers"` or `"api_key"` is not parsed for masking, so it is not shown either).
fn redact_body(bytes: &[u8]) -> String {
    const SMALL: usize = 1024 * 1024;
    let may_hold_secrets = bytes.windows(9).any(|w| w == b"\"headers\"" || w == b"\"api_key\"");
    if may_hold_secrets && bytes.len() >= SMALL {
        return format!(
            "({} bytes mentioning \"headers\" or \"api_key\", not shown: too large to mask)",
            bytes.len()
        );
    }
    let may_hold_headers = may_hold_secrets;
    match may_hold_headers.then(|| serde_json::from_slice::<Value>(bytes).ok()).flatten() {
        Some(value) => redact_headers(&value),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn display_url(url: &Url, query: &[(&str, String)]) -> String {
    let mut shown = url.clone();
    if !query.is_empty() {
        shown.query_pairs_mut().extend_pairs(query.iter().map(|(k, v)| (*k, v.as_str())));
    }
    redact_url(&shown)
}

#[cfg(test)]
mod tests {
    use super::is_error_shape;

    #[test]
    fn only_an_object_with_an_error_is_an_error_shape() {
        assert!(is_error_shape(br#"{"error": {"message": "no"}}"#));
        assert!(is_error_shape(br#" {"errors": [{"code": 1}]}"#));
        assert!(!is_error_shape(br#"{"errors": [], "error": null}"#));
        // Found by tests/parser_properties.rs: a 2xx array answer was an error without a path.
        assert!(!is_error_shape(b"[[],null]"));
        assert!(!is_error_shape(br#"["an error"]"#));
    }
}
