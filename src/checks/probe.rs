//! Plain HTTP to the user's own webhook server (never the 360dialog API, never the API key):
//! one bounded POST with given headers and body, used by the `webhook-reachable` probes and by
//! `webhook listen --forward-to`. Loopback targets bypass any proxy.

use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use url::Url;

/// The answer to one POST.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookReply {
    /// HTTP status.
    pub status: u16,
    /// Time to the response head.
    pub elapsed: Duration,
}

/// Why a POST got no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HookError {
    /// No answer within the bound.
    #[error("no answer within {} ms", .0.as_millis())]
    Timeout(Duration),
    /// The connection could not be made.
    #[error("connection failed: {0}")]
    Connect(String),
    /// Anything else (invalid URL or header, broken connection).
    #[error("{0}")]
    Other(String),
}

/// POSTs `body` to `url` with `headers` (and `content_type`), within `timeout`: one request on
/// a client of its own (the probes); a relay sending many reuses one [`HookClient`].
pub async fn post_to_hook(
    url: &str,
    headers: &[(String, String)],
    content_type: &str,
    body: Vec<u8>,
    timeout: Duration,
) -> Result<HookReply, HookError> {
    HookClient::new(url, timeout)?.post(headers, content_type, body).await
}

/// One webhook URL and the connection pool of every POST to it: no redirects followed, no proxy
/// for loopback, each POST bounded by the timeout.
#[derive(Debug, Clone)]
pub struct HookClient {
    url: Url,
    client: reqwest::Client,
    timeout: Duration,
}

impl HookClient {
    pub fn new(url: &str, timeout: Duration) -> Result<Self, HookError> {
        let parsed =
            Url::parse(url).map_err(|err| HookError::Other(format!("invalid URL {url:?}: {err}")))?;
        let mut builder = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .user_agent(concat!("whatsapp-ctl/", env!("CARGO_PKG_VERSION")))
            .redirect(reqwest::redirect::Policy::none());
        if crate::api::is_loopback(&parsed) {
            builder = builder.no_proxy();
        }
        let client = builder.build().map_err(|err| HookError::Other(err.to_string()))?;
        Ok(Self { url: parsed, client, timeout })
    }

    /// POSTs `body` with `headers` (and `content_type` unless the headers name one).
    pub async fn post(
        &self,
        headers: &[(String, String)],
        content_type: &str,
        body: Vec<u8>,
    ) -> Result<HookReply, HookError> {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| HookError::Other(format!("invalid header name {name:?}")))?;
            let value = HeaderValue::from_str(value)
                .map_err(|_| HookError::Other(format!("invalid value for header {name}")))?;
            map.append(name, value);
        }
        if !content_type.is_empty()
            && !map.contains_key(reqwest::header::CONTENT_TYPE)
            && let Ok(value) = HeaderValue::from_str(content_type)
        {
            map.insert(reqwest::header::CONTENT_TYPE, value);
        }
        let started = Instant::now();
        let request = self.client.post(self.url.clone()).headers(map).body(body);
        let response = request.send().await.map_err(|err| {
            if err.is_timeout() {
                HookError::Timeout(self.timeout)
            } else if err.is_connect() {
                HookError::Connect(root_cause(&err))
            } else {
                HookError::Other(root_cause(&err))
            }
        })?;
        Ok(HookReply { status: response.status().as_u16(), elapsed: started.elapsed() })
    }
}

fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    crate::api::error_chain(err).pop().unwrap_or_default()
}
