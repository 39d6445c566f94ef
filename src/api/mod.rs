//! The one 360dialog client every command shares: base URL and key set once, one typed method per
//! endpoint, timeouts, retries that never repeat a side effect, and every non-2xx turned into an
//! [`ApiError`]. It never prints (a trace callback receives `-v` lines) and never reads config.
//! It trusts no server blindly: no redirect is followed (the key would go along), no proxy is
//! used for loopback, bodies are capped at [`MAX_BODY_BYTES`] and listings at
//! [`MAX_LIST_ITEMS`].

mod automation;
mod endpoints;
mod error;
mod media;
mod network;
mod paging;
mod partner;
mod profile;
mod progress;
mod raw;
mod retry;
mod transport;
mod types;

use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, Url};

pub use error::{ApiError, THROTTLE_CODES};
pub use media::{Downloaded, MediaInfo};
pub use network::{NetworkKind, error_chain, redact_raw, redact_url};
pub use paging::Paged;
pub use paging::{MAX_LIST_BYTES, MAX_LIST_ITEMS, MAX_PAGE_REQUESTS, PAGE_SIZE};
pub use partner::{
    DEFAULT_HUB_URL, MintedKey, PartnerClient, PartnerConfig, is_valid_id as partner_id_is_valid,
};
pub use progress::{Progress, ignore as no_progress};
pub use raw::{RawReply, safety_of};
pub use retry::Safety;
pub use transport::MAX_BODY_BYTES;
pub use types::{Health, SendResponse, TemplatePage, TemplateQuery, Webhook};

use crate::secret::ApiKey;

/// Which 360dialog API the channel is on (SPEC 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Flavour {
    /// Cloud API (waba-v2.360dialog.io), the default for every number since 2024.
    #[default]
    Cloud,
    /// Legacy On-Premise API (waba.360dialog.io).
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
    #[error("can't reach {url} ({attempts} attempt{}): {kind}", if *attempts == 1 { "" } else { "s" })]
    Network { url: String, attempts: u32, kind: NetworkKind, cause: String },
    #[error("unexpected answer from {url}: {reason}")]
    Decode { url: String, reason: String },
    #[error(
        "{url} answered HTTP {status} redirecting to {location}; redirects are not followed (the API key would go along)"
    )]
    Redirect { url: String, status: u16, location: String },
    #[error("the answer from {url} is larger than {} MiB; refusing to read more", limit / (1024 * 1024))]
    TooLarge { url: String, limit: usize },
    #[error("the template listing from {url} cannot be trusted: {reason}")]
    Paging { url: String, reason: String },
    #[error("internal failure: {0}")]
    Internal(String),
}

impl Error {
    /// The API's refusal, if that is what this is.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(err) => Some(err),
            _ => None,
        }
    }

    /// Whether the server may have acted on the request: false only when it certainly did
    /// not (the connection was never made, or the API refused with an error).
    pub fn may_have_acted(&self) -> bool {
        match self {
            Error::Network { kind, .. } => kind.may_have_reached_server(),
            Error::Api(api) => api.is_transient_server_error(),
            Error::Decode { .. } | Error::TooLarge { .. } | Error::Internal(_) => true,
            _ => false,
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
        f.debug_struct("Client")
            .field("base", &redact_url(&self.base))
            .field("flavour", &self.flavour)
            .finish()
    }
}

/// Checks a base URL: https anywhere, http only to loopback hosts.
pub fn check_base_url(raw: &str) -> Result<Url> {
    let invalid =
        |reason: &str| Error::InvalidBaseUrl { url: network::redact_raw(raw), reason: reason.to_owned() };
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

impl Client {
    /// Builds the client; refuses plain http to non-loopback hosts before any connection.
    pub fn new(config: ClientConfig) -> Result<Self> {
        Self::with_key_header(config, "D360-API-KEY")
    }

    /// [`Client::new`] with the key sent in `header` (the partner API's `X-API-Key`).
    fn with_key_header(config: ClientConfig, header: &'static str) -> Result<Self> {
        let base = check_base_url(&config.base_url)?;
        let mut headers = reqwest::header::HeaderMap::new();
        let mut key =
            reqwest::header::HeaderValue::from_str(config.key.expose()).map_err(|_| Error::InvalidKey)?;
        key.set_sensitive(true);
        headers.insert(header, key);
        let mut builder = reqwest::Client::builder();
        if is_loopback(&base) {
            // The key must never travel through a proxy (HTTP_PROXY, ALL_PROXY) in clear.
            builder = builder.no_proxy();
        }
        let http = builder
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("whatsapp-ctl/", env!("CARGO_PKG_VERSION")))
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .https_only(false)
            .build()
            .map_err(|err| Error::InvalidBaseUrl { url: redact_url(&base), reason: err.to_string() })?;
        Ok(Self { http, base, flavour: config.flavour, retries: config.retries, trace: config.trace })
    }

    pub fn flavour(&self) -> Flavour {
        self.flavour
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }
}
