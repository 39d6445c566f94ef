//! Fetching every template: the first page tells `total` and the server's real page size, the
//! rest is fetched concurrently (bounded) and handed back in order. A page shorter than asked
//! is completed by further requests, so a server that caps pages loses nothing. Pages are kept
//! as raw JSON text until their turn comes ([`Client::list_templates_raw`]), so pages that
//! arrive early cost their size in bytes, not a tree of parsed values.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use tokio::task::JoinSet;

use super::{Client, Method, Result, Safety, TemplateQuery};

/// Page size asked for; the server may return fewer.
pub const PAGE_SIZE: usize = 1000;
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
            Some(err) => Err(self.decode_error("/v1/configs/templates", err)),
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
        let first = self.raw_page(query, offset, first_limit).await?;
        let page_len = first.waba_templates.len();
        let total = first.total.unwrap_or(offset + page_len);
        let end = max.map_or(total, |m| total.min(offset.saturating_add(m)));
        let mut delivered = page_len.min(end.saturating_sub(offset));
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
            let (start, items) = joined.map_err(|err| super::Error::Decode {
                url: self.base.to_string(),
                reason: format!("page task failed: {err}"),
            })??;
            done.insert(start, items);
            if let Some(next) = pending.next() {
                tasks.spawn(fetch_range(self.clone(), query.clone(), next, page_len.min(end - next)));
            }
            while let Some(items) = starts.get(next_to_emit).and_then(|s| done.remove(s)) {
                delivered += items.len();
                on_page(items);
                next_to_emit += 1;
            }
        }
        Ok(delivered)
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
        self.json(Method::GET, "/v1/configs/templates", &params, None, Safety::Idempotent).await
    }
}
