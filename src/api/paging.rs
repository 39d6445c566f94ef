//! Fetching every template: the first page tells `total` and the server's real page size, the
//! rest is fetched concurrently (at most [`CONCURRENCY`] pages at once) and handed to the caller
//! in order; pages that arrive early are buffered as raw JSON text until their turn, so they cost
//! their size in bytes, not a tree of parsed values. A page shorter than asked is completed by
//! further requests, so a server that caps pages loses nothing.
//!
//! The server's word is checked, never trusted: nothing is allocated from its `total`, no more
//! than [`MAX_LIST_ITEMS`] templates are fetched, a listing costs at most [`MAX_PAGE_REQUESTS`]
//! requests and [`MAX_LIST_BYTES`] of template text (tiny or fat pages cannot stretch it), and a
//! template seen twice (a server that ignores `offset`, a page that does not advance) ends the
//! listing with an error saying so.

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

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
/// The most page requests one listing makes: 100,000 templates in pages of 50 (the smallest
/// page size seen from the API), with margin.
pub const MAX_PAGE_REQUESTS: usize = 2_500;
/// The most template text one listing holds (128 MiB): 100,000 templates of 1.3 KB, ten times
/// the largest real WABA's listing.
pub const MAX_LIST_BYTES: usize = 128 * 1024 * 1024;
const LIST_PATH: &str = "/v1/configs/templates";
/// Pages in flight at once.
const CONCURRENCY: usize = 4;

/// One list page with each template left as its JSON text. `waba_templates` is required: an
/// answer without it (`{}`, another service's JSON) is not an empty listing.
#[derive(Debug, Default, Deserialize)]
struct RawPage {
    #[serde(default)]
    total: Option<usize>,
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
        let budget = Arc::new(Budget::default());
        let mut first = self.budgeted_page(&budget, query, offset, first_limit).await?;
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
        let pages = (end - offset - delivered).div_ceil(page_len);
        if pages >= MAX_PAGE_REQUESTS {
            return Err(self.paging_error(format!(
                "it answers in pages of {page_len} templates, so listing {wanted} would take {pages} more \
                 requests, more than the {MAX_PAGE_REQUESTS} a listing makes; pass --limit to fetch fewer"
            )));
        }
        let starts: Vec<usize> = (offset + page_len..end).step_by(page_len).collect();
        let mut pending = starts.iter().copied();
        let mut tasks = JoinSet::new();
        let mut done: BTreeMap<usize, Vec<Box<RawValue>>> = BTreeMap::new();
        let mut next_to_emit = 0;
        for start in pending.by_ref().take(CONCURRENCY) {
            let range = (start, page_len.min(end - start));
            tasks.spawn(fetch_range(self.clone(), budget.clone(), query.clone(), range));
        }
        while let Some(joined) = tasks.join_next().await {
            let (start, items) =
                joined.map_err(|err| Error::Internal(format!("a template page task failed: {err}")))??;
            done.insert(start, items);
            if let Some(next) = pending.next() {
                let range = (next, page_len.min(end - next));
                tasks.spawn(fetch_range(self.clone(), budget.clone(), query.clone(), range));
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

/// What one listing has spent so far, shared by its page tasks.
#[derive(Default)]
struct Budget {
    requests: AtomicUsize,
    bytes: AtomicUsize,
}

/// Fetches `len` templates from `start`, asking again when the server returns a short page.
async fn fetch_range(
    client: Client,
    budget: Arc<Budget>,
    query: TemplateQuery,
    (start, len): (usize, usize),
) -> Result<(usize, Vec<Box<RawValue>>)> {
    let mut items = Vec::with_capacity(len);
    while items.len() < len {
        let page = client.budgeted_page(&budget, &query, start + items.len(), len - items.len()).await?;
        if page.waba_templates.is_empty() {
            break;
        }
        items.extend(page.waba_templates.into_iter().take(len - items.len()));
    }
    Ok((start, items))
}

impl Client {
    /// [`Client::raw_page`], charged to the listing's budget of requests and bytes.
    async fn budgeted_page(
        &self,
        budget: &Budget,
        query: &TemplateQuery,
        offset: usize,
        limit: usize,
    ) -> Result<RawPage> {
        if budget.requests.fetch_add(1, Ordering::SeqCst) >= MAX_PAGE_REQUESTS {
            return Err(self.paging_error(format!(
                "it took more than {MAX_PAGE_REQUESTS} page requests without reaching its total (its \
                 pages are tiny or do not advance); pass --limit to fetch fewer"
            )));
        }
        let page = self.raw_page(query, offset, limit).await?;
        let size: usize = page.waba_templates.iter().map(|raw| raw.get().len()).sum();
        if budget.bytes.fetch_add(size, Ordering::SeqCst).saturating_add(size) > MAX_LIST_BYTES {
            return Err(self.paging_error(format!(
                "its templates add up to more than {} MiB, more than a listing holds; pass --limit \
                 to fetch fewer",
                MAX_LIST_BYTES / (1024 * 1024)
            )));
        }
        Ok(page)
    }

    /// One page of `GET /v1/configs/templates`, templates unparsed.
    async fn raw_page(&self, query: &TemplateQuery, offset: usize, limit: usize) -> Result<RawPage> {
        let params = super::endpoints::page_params(query, offset, limit);
        self.json(Method::GET, LIST_PATH, &params, None, Safety::Idempotent).await.map_err(|err| match err {
            Error::Decode { url, reason } => Error::Decode {
                url,
                reason: format!("not a template listing (a \"waba_templates\" list is required): {reason}"),
            },
            other => other,
        })
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
