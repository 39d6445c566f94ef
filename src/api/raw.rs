//! Raw requests for `whatsapp-ctl api`: any method and path under the base URL, sent by the one
//! client (so the key, the loopback-only plain http, redirect refusal, body cap and retry rules
//! hold), answered with status, headers and body whatever the status. Non-2xx answers are
//! retried like any other request (reads freely, side effects only when the server certainly
//! did not act) and then handed back, not turned into errors: the caller prints the body.

use reqwest::{Method, Url};

use super::network::redact_url;
use super::retry::Safety;
use super::transport::{Attempt, Failure, MAX_BODY_BYTES, read_capped, retry_after_of};
use super::{ApiError, Client, Error, Result};

/// Response headers never shown (a server echoing a key must not make us print it).
const HIDDEN_HEADERS: [&str; 4] = ["d360-api-key", "x-api-key", "authorization", "set-cookie"];

/// An answer of any status.
#[derive(Debug, Clone)]
pub struct RawReply {
    pub status: u16,
    /// `HTTP/1.1 200 OK`.
    pub status_line: String,
    /// Response headers, those that could carry a secret left out.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawReply {
    /// The API's refusal for a non-2xx answer.
    pub fn refusal(&self) -> Option<ApiError> {
        (!(200..300).contains(&self.status)).then(|| ApiError::parse(self.status, &self.body))
    }
}

/// How safe `method` is to repeat (SPEC 2: reads freely, side effects once).
pub fn safety_of(method: &Method) -> Safety {
    match *method {
        Method::GET | Method::HEAD | Method::OPTIONS | Method::DELETE | Method::PUT => Safety::Idempotent,
        _ => Safety::SideEffect,
    }
}

impl Client {
    /// Sends `method path?query` with an optional JSON body and returns the answer, 2xx or not.
    /// `path` may carry its own query string; `query` pairs are appended to it.
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Option<&[u8]>,
    ) -> Result<RawReply> {
        let url = &self.raw_url(path, query);
        let method = &method;
        let safety = safety_of(method);
        self.retrying(|attempt| async move {
            let mut request = self.http.request(method.clone(), url.clone());
            if let Some(body) = body {
                request =
                    request.header(reqwest::header::CONTENT_TYPE, "application/json").body(body.to_vec());
            }
            self.log(1, &format!("{method} {} (attempt {attempt})", redact_url(url)));
            if let Some(body) = body {
                self.log(2, &format!("request body: {} bytes", body.len()));
            }
            let mut response = match self.send_once(request, url, attempt, safety).await {
                Ok(response) => response,
                Err(ended) => return ended,
            };
            let status = response.status().as_u16();
            let status_line = format!(
                "{:?} {} {}",
                response.version(),
                status,
                response.status().canonical_reason().unwrap_or("")
            );
            let headers = visible_headers(response.headers());
            let retry_after = retry_after_of(&response);
            let body = match read_capped(&mut response, MAX_BODY_BYTES).await {
                Ok(body) => body,
                Err(err) => return self.read_failure(url, attempt, err, safety),
            };
            self.log(1, &format!("-> HTTP {status}"));
            let reply = RawReply { status, status_line: status_line.trim().to_owned(), headers, body };
            let Some(refusal) = reply.refusal() else { return Attempt::Done(Ok(reply)) };
            let retryable = refusal.is_throttle()
                || (safety == Safety::Idempotent && refusal.is_transient_server_error());
            // A refusal is an answer too: shown to the user as it is once it is not retried.
            if !retryable || attempt > self.retries {
                return Attempt::Done(Ok(reply));
            }
            Attempt::Failed(Failure { retryable, retry_after, error: Error::Api(refusal) })
        })
        .await
    }

    /// The URL of `path` (with its own query, if any) under the base, plus `query`.
    fn raw_url(&self, path: &str, query: &[(String, String)]) -> Url {
        let (path, own_query) = path.split_once('?').map_or((path, None), |(p, q)| (p, Some(q)));
        let mut url = self.url_for(&format!("/{}", path.trim_start_matches('/')));
        url.set_query(own_query.filter(|q| !q.is_empty()));
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
        url
    }
}

fn visible_headers(headers: &reqwest::header::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(name, _)| !HIDDEN_HEADERS.contains(&name.as_str()))
        .map(|(name, value)| {
            (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned())
        })
        .collect()
}
