//! Fetching every template: the first page tells `total` and the server's real page size, the
//! rest is fetched concurrently (at most [`CONCURRENCY`] pages at once) and handed to the caller
//! in order; pages that arrive early are buffered as raw JSON text until their turn, so they cost
//! their size in bytes, not a tree of parsed values. A page shorter than asked is completed by
//! further requests, so a server that caps pages loses nothing.
//!
//! The server's word is checked, never trusted: nothing is allocated from its `total`, no more
//! than [`MAX_LIST_ITEMS`] templates are fetched, and a template seen twice (a server that
//! ignores `offset`, a page that does not advance) ends the listing with an error saying so.

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use tokio::task::JoinSet;

use super::{Client, Error, Method, Result, Safety, TemplateQuery};

/// Page size asked for; the server may return fewer.
pub const PAGE_SIZE: usize = 1000;
/// The most templates one listing fetches: a WABA holds at most 6,000 template names (each in
/// several languages); 100,000 leaves a wide margin while keeping memory bounded.
pub const MAX_LIST_ITEMS: usize = 100_000;
const LIST_PATH: &str = "/v1/configs/templates";
/// Pages in flight at once.
const CONCURRENCY: usize = 4;

/// One list page with each template left as its JSON text.
#[derive(Debug, Default, Deserialize)]
struct RawPage {
    #[serde(default)]
    total: Option<usize>,
    #[serde(default)]
    waba_templates: Vec<Box<RawValue>>,
}

impl Client {
    /// Every template matching `query` from `offset` on, at most `max` of them, in server order.
    /// `on_page` sees each chunk in order as soon as it and all before it have arrived.
    pub async fn list_templates(
        &self,
        query: &TemplateQuery,
        offset: usize,
        max: Option<usize>,
        mut on_page: impl FnMut(Vec<Value>),
    ) -> Result<usize> {
        let mut failure = None;
        let delivered = self
            .list_templates_raw(query, offset, max, |page| {
                let parsed: serde_json::Result<Vec<Value>> =
                    page.iter().map(|raw| serde_json::from_str(raw.get())).collect();
                match parsed {
                    Ok(values) if failure.is_none() => on_page(values),
                    Ok(_) => {}
                    Err(err) => {
                        failure.get_or_insert(err);
                    }
                }
            })
            .await?;
        match failure {
            Some(err) => Err(self.decode_error(LIST_PATH, err)),
            None => Ok(delivered),
        }
    }

    /// [`Client::list_templates`] with each template as the JSON text the server sent: nothing
    /// is parsed into values, so printing the list as JSON costs little memory and time.
    pub async fn list_templates_raw(
        &self,
        query: &TemplateQuery,
        offset: usize,
        max: Option<usize>,
        mut on_page: impl FnMut(Vec<Box<RawValue>>),
    ) -> Result<usize> {
        let first_limit = max.map_or(PAGE_SIZE, |m| m.clamp(1, PAGE_SIZE));
        let mut first = self.raw_page(query, offset, first_limit).await?;
        first.waba_templates.truncate(first_limit);
        let page_len = first.waba_templates.len();
        let total = first.total.unwrap_or(offset + page_len).max(offset + page_len);
        let end = max.map_or(total, |m| total.min(offset.saturating_add(m)));
        let wanted = end.saturating_sub(offset);
        if wanted > MAX_LIST_ITEMS {
            return Err(self.paging_error(format!(
                "it claims {total} templates, more than the {MAX_LIST_ITEMS} a listing fetches \
                 (a WABA holds far fewer); pass --limit to fetch fewer"
            )));
        }
        let mut seen = Seen::default();
        seen.check(self, offset, &first.waba_templates)?;
        let mut delivered = page_len.min(wanted);
        on_page(first.waba_templates.into_iter().take(delivered).collect());
        if page_len == 0 || offset + delivered >= end {
            return Ok(delivered);
        }
        let starts: Vec<usize> = (offset + page_len..end).step_by(page_len).collect();
        let mut pending = starts.iter().copied();
        let mut tasks = JoinSet::new();
        let mut done: BTreeMap<usize, Vec<Box<RawValue>>> = BTreeMap::new();
        let mut next_to_emit = 0;
        for start in pending.by_ref().take(CONCURRENCY) {
            tasks.spawn(fetch_range(self.clone(), query.clone(), start, page_len.min(end - start)));
        }
        while let Some(joined) = tasks.join_next().await {
            let (start, items) =
                joined.map_err(|err| Error::Internal(format!("a template page task failed: {err}")))??;
            done.insert(start, items);
            if let Some(next) = pending.next() {
                tasks.spawn(fetch_range(self.clone(), query.clone(), next, page_len.min(end - next)));
            }
            while let Some((start, items)) =
                starts.get(next_to_emit).and_then(|s| done.remove(s).map(|items| (*s, items)))
            {
                seen.check(self, start, &items)?;
                delivered += items.len();
                on_page(items);
                next_to_emit += 1;
            }
        }
        Ok(delivered)
    }

    fn paging_error(&self, reason: String) -> Error {
        Error::Paging { url: super::redact_url(&self.url_for(LIST_PATH)), reason }
    }
}

/// Fingerprints of every template delivered so far, to catch a server that repeats itself.
#[derive(Default)]
struct Seen(HashSet<u64>);

impl Seen {
    fn check(&mut self, client: &Client, start: usize, items: &[Box<RawValue>]) -> Result<()> {
        for (i, item) in items.iter().enumerate() {
            let mut hasher = DefaultHasher::new();
            item.get().hash(&mut hasher);
            if !self.0.insert(hasher.finish()) {
                return Err(client.paging_error(format!(
                    "the page at offset {start} repeats a template already listed (item {}): the \
                     server ignores offset or its pages do not advance",
                    start + i
                )));
            }
        }
        Ok(())
    }
}

/// Fetches `len` templates from `start`, asking again when the server returns a short page.
async fn fetch_range(
    client: Client,
    query: TemplateQuery,
    start: usize,
    len: usize,
) -> Result<(usize, Vec<Box<RawValue>>)> {
    let mut items = Vec::with_capacity(len);
    while items.len() < len {
        let page = client.raw_page(&query, start + items.len(), len - items.len()).await?;
        if page.waba_templates.is_empty() {
            break;
        }
        items.extend(page.waba_templates.into_iter().take(len - items.len()));
    }
    Ok((start, items))
}

impl Client {
    /// One page of `GET /v1/configs/templates`, templates unparsed.
    async fn raw_page(&self, query: &TemplateQuery, offset: usize, limit: usize) -> Result<RawPage> {
        let params = super::endpoints::page_params(query, offset, limit);
        self.json(Method::GET, LIST_PATH, &params, None, Safety::Idempotent).await
    }
}

/// What `api --paginate` got: every item of every page, a refusal, or an answer that is no
/// offset/total envelope (printed as it is).
#[derive(Debug)]
pub enum Paged {
    Items(Vec<Box<RawValue>>),
    Refused(super::RawReply),
    NotEnvelope(super::RawReply),
}

/// Array fields of the envelopes 360dialog pages (templates, partner channels), tried first.
const ENVELOPE_ARRAYS: [&str; 2] = ["waba_templates", "partner_channels"];

/// An offset/total envelope: `total` and the name and items of its array.
fn envelope(body: &[u8]) -> Option<(usize, Vec<Box<RawValue>>)> {
    let fields: BTreeMap<String, Box<RawValue>> = serde_json::from_slice(body).ok()?;
    let total: usize = serde_json::from_str(fields.get("total")?.get()).ok()?;
    let array = |name: &str| fields.get(name).and_then(|raw| serde_json::from_str(raw.get()).ok());
    let items = ENVELOPE_ARRAYS
        .iter()
        .find_map(|name| array(name))
        .or_else(|| fields.keys().find_map(|name| array(name)))?;
    Some((total, items))
}

impl Client {
    /// Follows the offset/total envelope of `GET path` page by page (the server's page size,
    /// or the `limit` the caller put in the query) and returns all the items, in order.
    pub async fn raw_paginate(&self, path: &str, query: &[(String, String)]) -> Result<Paged> {
        let (bare, own) = path.split_once('?').map_or((path, ""), |(p, q)| (p, q));
        let mut pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(own.as_bytes()).into_owned().chain(query.iter().cloned()).collect();
        let start: usize =
            pairs.iter().find(|(k, _)| k == "offset").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
        pairs.retain(|(k, _)| k != "offset");
        let mut items: Vec<Box<RawValue>> = Vec::new();
        let mut seen = Seen::default();
        loop {
            let offset = start + items.len();
            let mut page_query = pairs.clone();
            page_query.push(("offset".into(), offset.to_string()));
            let reply = self.raw(Method::GET, bare, &page_query, None).await?;
            if reply.refusal().is_some() {
                return Ok(Paged::Refused(reply));
            }
            let Some((total, page)) = envelope(&reply.body) else {
                if items.is_empty() {
                    return Ok(Paged::NotEnvelope(reply));
                }
                return Err(
                    self.paging_error(format!("the page at offset {offset} is not an offset/total envelope"))
                );
            };
            seen.check(self, offset, &page)?;
            let empty = page.is_empty();
            items.extend(page);
            if items.len() > MAX_LIST_ITEMS {
                return Err(
                    self.paging_error(format!("more than {MAX_LIST_ITEMS} items; refusing to fetch more"))
                );
            }
            if empty || start + items.len() >= total {
                return Ok(Paged::Items(items));
            }
        }
    }
}
