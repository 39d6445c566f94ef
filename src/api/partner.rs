//! The partner (hub) API on the same transport, retries, redirect refusal, body cap and error
//! funnel as the channel client: list the partner's channels (every page) and mint a channel
//! key. The partner key goes in `X-API-Key` and is an [`ApiKey`], redacted like a channel key.

use std::collections::HashSet;

use reqwest::Method;
use serde::Deserialize;
use serde_json::Value;

use super::{Client, ClientConfig, Error, Flavour, MAX_LIST_ITEMS, MAX_PAGE_REQUESTS, Result, Safety, Trace};
use crate::secret::ApiKey;

/// The partner API's base URL.
pub const DEFAULT_HUB_URL: &str = "https://hub.360dialog.io";
/// Channels asked for per page.
const PAGE_SIZE: usize = 100;

/// How to build a [`PartnerClient`].
#[derive(Clone)]
pub struct PartnerConfig {
    pub hub_url: String,
    pub partner_id: String,
    pub key: ApiKey,
    pub timeout: std::time::Duration,
    pub retries: u32,
    pub trace: Option<Trace>,
}

/// A freshly minted channel key.
#[derive(Debug, Clone)]
pub struct MintedKey {
    pub id: Option<String>,
    /// The messaging base URL for this key.
    pub address: String,
    pub api_key: ApiKey,
}

/// The client of one partner account. Cheap to clone.
#[derive(Clone, Debug)]
pub struct PartnerClient {
    inner: Client,
    partner_id: String,
}

/// One page of `GET .../channels`.
#[derive(Debug, Default, Deserialize)]
struct ChannelPage {
    #[serde(default)]
    total: Option<usize>,
    /// The offset the page says it starts at (any JSON: only a number is compared).
    #[serde(default)]
    offset: Option<Value>,
    #[serde(default)]
    partner_channels: Vec<Value>,
}

/// The answer of `POST .../api_keys`.
#[derive(Deserialize)]
struct MintAnswer {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    api_key: Option<String>,
}

/// Ids go into URL paths: letters, digits, `-` and `_` only.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 128 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl PartnerClient {
    /// Builds the client; refuses plain http to non-loopback hosts and ids that cannot be a
    /// path segment, before any connection.
    pub fn new(config: PartnerConfig) -> Result<Self> {
        if !is_valid_id(&config.partner_id) {
            return Err(Error::InvalidBaseUrl {
                url: config.partner_id.clone(),
                reason: "a partner id holds only letters, digits, '-' and '_'".into(),
            });
        }
        let inner = Client::with_key_header(
            ClientConfig {
                base_url: config.hub_url,
                flavour: Flavour::Cloud,
                key: config.key,
                timeout: config.timeout,
                retries: config.retries,
                trace: config.trace,
            },
            "X-API-Key",
        )?;
        Ok(Self { inner, partner_id: config.partner_id })
    }

    pub fn partner_id(&self) -> &str {
        &self.partner_id
    }

    fn path(&self, rest: &str) -> String {
        format!("/api/v2/partners/{}{rest}", self.partner_id)
    }

    /// One page of channels (also the key check of `partner login`: `limit=1`).
    async fn channel_page(&self, offset: usize, limit: usize, status: Option<&str>) -> Result<ChannelPage> {
        let mut query = vec![("limit", limit.to_string()), ("offset", offset.to_string())];
        if let Some(status) = status {
            query.push(("filters", serde_json::json!({ "status": status }).to_string()));
        }
        self.inner.json(Method::GET, &self.path("/channels"), &query, None, Safety::Idempotent).await
    }

    /// Checks the key with one tiny listing; returns the partner's channel count when told.
    pub async fn verify(&self) -> Result<Option<usize>> {
        Ok(self.channel_page(0, 1, None).await?.total)
    }

    /// Every channel (optionally of one status), all pages, in server order. A page that does
    /// not advance, repeats a channel or starts at another offset than asked ends the listing
    /// with an error, never a loop; so does a listing still going after `MAX_PAGE_REQUESTS` pages.
    pub async fn list_channels(&self, status: Option<&str>) -> Result<Vec<Value>> {
        let mut channels: Vec<Value> = Vec::new();
        let mut seen = HashSet::new();
        for _ in 0..MAX_PAGE_REQUESTS {
            let offset = channels.len();
            let page = self.channel_page(offset, PAGE_SIZE, status).await?;
            if let Some(told) = page.offset.as_ref().and_then(Value::as_u64)
                && told != offset as u64
            {
                return Err(self.paging_error(format!(
                    "asked for offset {offset}, the page starts at {told} (the offset is ignored)"
                )));
            }
            let got = page.partner_channels.len();
            // Channels without an id cannot be told apart: the same page twice in a row can.
            if got > 0
                && channels.len() >= got
                && channels[channels.len() - got..] == page.partner_channels[..]
            {
                return Err(self.paging_error(format!(
                    "the page at offset {offset} repeats the one before (the offset is ignored)"
                )));
            }
            for channel in page.partner_channels {
                let id = channel.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
                if !id.is_empty() && !seen.insert(id.clone()) {
                    return Err(self.paging_error(format!("channel {id} came twice (the offset is ignored)")));
                }
                channels.push(channel);
            }
            if channels.len() > MAX_LIST_ITEMS {
                return Err(self.paging_error(format!("more than {MAX_LIST_ITEMS} channels")));
            }
            let done = match page.total {
                Some(total) => channels.len() >= total,
                None => got < PAGE_SIZE,
            };
            if done {
                return Ok(channels);
            }
            if got == 0 {
                return Err(self.paging_error(format!(
                    "an empty page at offset {} while the total is {:?}",
                    channels.len(),
                    page.total
                )));
            }
        }
        Err(self.paging_error(format!("still not done after {MAX_PAGE_REQUESTS} pages")))
    }

    fn paging_error(&self, reason: String) -> Error {
        Error::Paging { url: super::redact_url(&self.inner.url_for(&self.path("/channels"))), reason }
    }

    /// Mints a new key for `channel_id` (a side effect: never retried once it may have acted).
    pub async fn mint_key(&self, channel_id: &str) -> Result<MintedKey> {
        let path = self.path(&format!("/channels/{channel_id}/api_keys"));
        if !is_valid_id(channel_id) {
            return Err(Error::InvalidBaseUrl {
                url: channel_id.to_owned(),
                reason: "a channel id holds only letters, digits, '-' and '_'".into(),
            });
        }
        let body = serde_json::json!({});
        let answer: MintAnswer =
            self.inner.json(Method::POST, &path, &[], Some(&body), Safety::SideEffect).await?;
        let api_key = answer
            .api_key
            .as_deref()
            .and_then(ApiKey::new)
            .ok_or_else(|| self.inner.decode_error(&path, "no api_key in the answer"))?;
        let address = answer
            .address
            .filter(|a| !a.trim().is_empty())
            .ok_or_else(|| self.inner.decode_error(&path, "no address in the answer"))?;
        let id = answer.id.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned));
        Ok(MintedKey { id, address, api_key })
    }
}

#[cfg(test)]
mod tests {
    use super::super::ApiError;
    use super::*;

    #[test]
    fn the_partner_apis_own_error_shapes_are_read() {
        let meta = br#"{"meta":{"success":false,"http_code":403,"developer_message":"Forbidden",
            "details":["partner key revoked"],"error_data":{"code":"1","message":"see the hub"}}}"#;
        let err = ApiError::parse(403, meta);
        assert!(err.is_auth());
        assert_eq!(err.message, "Forbidden");
        assert_eq!(err.details, vec!["partner key revoked".to_owned(), "see the hub".to_owned()]);
        let token = ApiError::parse(401, br#"{"error":"invalid_token","error_description":"expired"}"#);
        assert!(token.is_auth());
        assert_eq!((token.message.as_str(), token.details[0].as_str()), ("invalid_token", "expired"));
        assert!(
            ApiError::parse(429, br#"{"meta":{"http_code":429,"developer_message":"Too many"}}"#)
                .is_throttle()
        );
    }

    #[test]
    fn ids_that_cannot_be_a_path_segment_are_refused() {
        assert!(is_valid_id("abc-123_XY"));
        assert!(!is_valid_id("a/b") && !is_valid_id("") && !is_valid_id("a b") && !is_valid_id("..%2f"));
    }
}
