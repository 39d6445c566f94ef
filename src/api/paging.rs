//! Fetching every template: the first page tells `total` and the server's real page size, the
//! rest is fetched concurrently (bounded) and handed back in order. A page shorter than asked
//! is completed by further requests, so a server that caps pages loses nothing.

use std::collections::BTreeMap;

use serde_json::Value;
use tokio::task::JoinSet;

use super::{Client, Result, TemplateQuery};

/// Page size asked for; the server may return fewer.
pub const PAGE_SIZE: usize = 1000;
/// Pages in flight at once.
const CONCURRENCY: usize = 4;

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
        let first_limit = max.map_or(PAGE_SIZE, |m| m.clamp(1, PAGE_SIZE));
        let first = self.list_templates_page(query, offset, first_limit).await?;
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
        let mut done: BTreeMap<usize, Vec<Value>> = BTreeMap::new();
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
) -> Result<(usize, Vec<Value>)> {
    let mut items = Vec::with_capacity(len);
    while items.len() < len {
        let page = client.list_templates_page(&query, start + items.len(), len - items.len()).await?;
        if page.waba_templates.is_empty() {
            break;
        }
        items.extend(page.waba_templates.into_iter().take(len - items.len()));
    }
    Ok((start, items))
}
