//! The one 360dialog client every command shares: base URL and key set once, one typed method per
//! endpoint, timeouts, retries that never repeat a side effect, and every non-2xx turned into an
//! [`ApiError`]. It never prints (a trace callback receives `-v` lines) and never reads config.

mod error;
mod paging;
mod retry;
mod types;

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::{Method, Url};
use serde_json::Value;

pub use error::{ApiError, THROTTLE_CODES};
pub use retry::Safety;
pub use types::{Health, SendResponse, TemplatePage, TemplateQuery, Webhook};

use crate::secret::ApiKey;

/// Which 360dialog API the channel is on (SPEC 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Flavour {
    /// Cloud API (waba-v2.360dialog.io), the default for every number since 2024.
    #[default]
    Cloud,
    /// Legacy On-Premise API (waba.360dialog.io).
    #[value(name = "onpremise", alias = "on-premise")]
    #[serde(rename = "onpremise")]
    OnPremise,
}

impl Flavour {
    pub fn default_base_url(self) -> &'static str {
        match self {
            Flavour::Cloud => "https://waba-v2.360dialog.io",
            Flavour::OnPremise => "https://waba.360dialog.io",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Flavour::Cloud => "cloud",
            Flavour::OnPremise => "onpremise",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "cloud" => Some(Flavour::Cloud),
            "onpremise" | "on-premise" | "on_premise" => Some(Flavour::OnPremise),
            _ => None,
        }
    }

    fn messages_path(self) -> &'static str {
        match self {
            Flavour::Cloud => "/messages",
            Flavour::OnPremise => "/v1/messages",
        }
    }

    fn health_path(self) -> &'static str {
        match self {
            Flavour::Cloud => "/health_status",
            Flavour::OnPremise => "/v1/health",
        }
    }
}

/// Everything that can go wrong talking to the API.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Api(ApiError),
    #[error("refusing to send the API key over plain http:// to {host}, which is not a loopback host")]
    InsecureBaseUrl { host: String },
    #[error("the API key holds characters an HTTP header cannot carry (a line break or control character)")]
    InvalidKey,
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl { url: String, reason: String },
    #[error("can't reach {url} ({attempts} attempt{}): {summary}", if *attempts == 1 { "" } else { "s" })]
    Network { url: String, attempts: u32, summary: String, cause: String },
    #[error("unexpected answer from {url}: {reason}")]
    Decode { url: String, reason: String },
}

impl Error {
    /// The API's refusal, if that is what this is.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(err) => Some(err),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Receives diagnostic lines: level 1 for `-v`, 2 for `-vv`. Never given the key.
pub type Trace = Arc<dyn Fn(u8, &str) + Send + Sync>;

/// How to build a [`Client`].
#[derive(Clone)]
pub struct ClientConfig {
    pub base_url: String,
    pub flavour: Flavour,
    pub key: ApiKey,
    pub timeout: Duration,
    pub retries: u32,
    pub trace: Option<Trace>,
}

/// The 360dialog client. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: Url,
    flavour: Flavour,
    retries: u32,
    trace: Option<Trace>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("base", &self.base.as_str()).field("flavour", &self.flavour).finish()
    }
}

/// Checks a base URL: https anywhere, http only to loopback hosts.
pub fn check_base_url(raw: &str) -> Result<Url> {
    let invalid = |reason: &str| Error::InvalidBaseUrl { url: raw.to_owned(), reason: reason.to_owned() };
    let url = Url::parse(raw.trim()).map_err(|err| invalid(&err.to_string()))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(Error::InsecureBaseUrl { host: url.host_str().unwrap_or_default().to_owned() });
        }
        other => return Err(invalid(&format!("scheme {other}: is not http or https"))),
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("no host"));
    }
    Ok(url)
}

/// `localhost`, 127.0.0.0/8 or ::1.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// The query parameters of one template list page.
fn page_params(query: &TemplateQuery, offset: usize, limit: usize) -> Vec<(&'static str, String)> {
    let mut params = vec![("limit", limit.to_string()), ("offset", offset.to_string())];
    if let Some(sort) = &query.sort {
        params.push(("sort", sort.clone()));
    }
    if !query.filters.is_empty() {
        params.push(("filters", Value::Object(query.filters.clone()).to_string()));
    }
    params
}

/// A successful answer: status and body.
struct Reply {
    body: Vec<u8>,
}

impl Client {
    /// Builds the client; refuses plain http to non-loopback hosts before any connection.
    pub fn new(config: ClientConfig) -> Result<Self> {
        let base = check_base_url(&config.base_url)?;
        let mut headers = reqwest::header::HeaderMap::new();
        let mut key =
            reqwest::header::HeaderValue::from_str(config.key.expose()).map_err(|_| Error::InvalidKey)?;
        key.set_sensitive(true);
        headers.insert("D360-API-KEY", key);
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .user_agent(concat!("whatsapp-ctl/", env!("CARGO_PKG_VERSION")))
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .https_only(false)
            .build()
            .map_err(|err| Error::InvalidBaseUrl { url: base.to_string(), reason: err.to_string() })?;
        Ok(Self { http, base, flavour: config.flavour, retries: config.retries, trace: config.trace })
    }

    pub fn flavour(&self) -> Flavour {
        self.flavour
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// `GET /v1/configs/webhook`.
    pub async fn get_webhook(&self) -> Result<Webhook> {
        self.json(Method::GET, "/v1/configs/webhook", &[], None, Safety::Idempotent).await
    }

    /// `POST /v1/configs/webhook`.
    pub async fn set_webhook(&self, webhook: &Webhook) -> Result<Webhook> {
        let body =
            serde_json::to_value(webhook).map_err(|err| self.decode_error("/v1/configs/webhook", err))?;
        self.json(Method::POST, "/v1/configs/webhook", &[], Some(&body), Safety::SideEffect).await
    }

    /// One page of `GET /v1/configs/templates`.
    pub async fn list_templates_page(
        &self,
        query: &TemplateQuery,
        offset: usize,
        limit: usize,
    ) -> Result<TemplatePage> {
        let params = page_params(query, offset, limit);
        self.json(Method::GET, "/v1/configs/templates", &params, None, Safety::Idempotent).await
    }

    /// `POST /v1/configs/templates`: the body exactly as given.
    pub async fn create_template(&self, template: &Value) -> Result<Value> {
        self.json(Method::POST, "/v1/configs/templates", &[], Some(template), Safety::SideEffect).await
    }

    /// `DELETE /v1/configs/templates/{name}`: every language of that name.
    pub async fn delete_template(&self, name: &str) -> Result<()> {
        let path = format!("/v1/configs/templates/{}", encode_segment(name));
        self.call(Method::DELETE, &path, &[], None, Safety::Idempotent).await.map(|_| ())
    }

    /// Cloud `GET /health_status` or on-premise `GET /v1/health`.
    pub async fn health(&self) -> Result<Health> {
        let raw: Value =
            self.json(Method::GET, self.flavour.health_path(), &[], None, Safety::Idempotent).await?;
        Ok(Health::from_body(raw))
    }

    /// Cloud `POST /messages` or on-premise `POST /v1/messages`, body as given.
    pub async fn send_message(&self, body: &Value) -> Result<SendResponse> {
        self.json(Method::POST, self.flavour.messages_path(), &[], Some(body), Safety::SideEffect).await
    }

    async fn json<T: serde::de::DeserializeOwned>(
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

    fn decode_error(&self, path: &str, err: impl std::fmt::Display) -> Error {
        Error::Decode { url: self.url_for(path).to_string(), reason: err.to_string() }
    }

    fn url_for(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        let joined = format!("{}{}", self.base.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url
    }

    /// Sends with retries: reads on connection errors, 5xx, 429 and throttle codes; side effects
    /// only when the server certainly did not act (refused connection, 429, throttle code).
    async fn call(
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

    fn log(&self, level: u8, line: &str) {
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

/// Percent-encodes one path segment.
fn encode_segment(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Client {
    /// Every language of template `name` (or just `language`), looked up with the API's filters.
    pub async fn find_templates(&self, name: &str, language: Option<&str>) -> Result<Vec<Value>> {
        let mut query = TemplateQuery::default();
        query.filters.insert("business_templates.name".into(), Value::String(name.to_owned()));
        if let Some(language) = language {
            query.filters.insert("language".into(), Value::String(language.to_owned()));
        }
        let mut found = Vec::new();
        self.list_templates(&query, 0, None, |page| found.extend(page)).await?;
        found.retain(|t| {
            t.get("name").and_then(Value::as_str) == Some(name)
                && language.is_none_or(|l| t.get("language").and_then(Value::as_str) == Some(l))
        });
        Ok(found)
    }

    /// Creates a template exactly once: after an ambiguous failure (5xx, timeout, broken
    /// connection) it looks the template up and creates it again only when it is not there.
    pub async fn submit_template(&self, template: &Value) -> Result<Value> {
        let name = template.get("name").and_then(Value::as_str).unwrap_or_default();
        let language = template.get("language").and_then(Value::as_str);
        let mut attempts = 0;
        loop {
            attempts += 1;
            let error = match self.create_template(template).await {
                Ok(created) => return Ok(created),
                Err(error) => error,
            };
            let ambiguous = match &error {
                Error::Network { .. } => true,
                Error::Api(api) => api.is_transient_server_error(),
                _ => false,
            };
            if !ambiguous || attempts > self.retries {
                return Err(error);
            }
            self.log(1, &format!("ambiguous failure creating {name}: looking it up before trying again"));
            if let Some(existing) = self.find_templates(name, language).await?.into_iter().next() {
                return Ok(existing);
            }
            tokio::time::sleep(retry::backoff(attempts - 1)).await;
        }
    }
}
