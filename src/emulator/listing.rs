//! `GET /v1/configs/templates`: filters (URL-encoded JSON object), sort, limit/offset, the page
//! cap, and 360dialog's envelope `{count, filters, limit, offset, sort, total, waba_templates}`.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::errors::ApiError;
use super::review;
use super::state::{StateData, StoredTemplate};
use super::store::Store;
use super::templates::render;

/// Page size when the client sends no `limit`.
pub const DEFAULT_LIMIT: usize = 1000;

/// Filter keys the list endpoint understands.
pub const FILTER_KEYS: [&str; 7] =
    ["business_templates.name", "name", "status", "category", "language", "id", "partner_id"];

/// Sort fields the list endpoint understands.
pub const SORT_FIELDS: [&str; 7] =
    ["id", "name", "business_templates.name", "status", "category", "language", "created_at"];

/// Answers a list request whose query parameters are `params`.
pub fn list(
    store: &Store,
    params: &HashMap<String, String>,
    page_cap: Option<usize>,
) -> Result<Value, ApiError> {
    let limit = number(params, "limit", DEFAULT_LIMIT)?;
    let limit = page_cap.map_or(limit, |cap| limit.min(cap));
    let offset = number(params, "offset", 0)?;
    let filters = filters(params)?;
    let sort = params.get("sort").map(String::as_str).filter(|s| !s.is_empty()).unwrap_or("id");
    let (descending, field) = match sort.strip_prefix('-') {
        Some(field) => (true, field),
        None => (false, sort),
    };
    if !SORT_FIELDS.contains(&field) {
        let message = format!("Invalid sort field \"{field}\"; use one of {}", SORT_FIELDS.join(", "));
        return Err(ApiError::gateway(400, message));
    }

    let state = review::settled(store)?;
    let mut matching: Vec<&StoredTemplate> =
        state.templates.iter().filter(|t| matches_all(t, &state, &filters)).collect();
    matching.sort_by(|a, b| {
        let order = compare(a, b, field).then_with(|| a.id.cmp(&b.id));
        if descending { order.reverse() } else { order }
    });
    let page: Vec<Value> = matching.iter().skip(offset).take(limit).map(|t| render(t, &state)).collect();
    // Built field by field: `json!` would deep-copy the page through `to_value`.
    let mut envelope = Map::new();
    envelope.insert("count".into(), json!(page.len()));
    envelope.insert("filters".into(), Value::Object(filters));
    envelope.insert("limit".into(), json!(limit));
    envelope.insert("offset".into(), json!(offset));
    envelope.insert("sort".into(), json!([sort]));
    envelope.insert("total".into(), json!(matching.len()));
    envelope.insert("waba_templates".into(), Value::Array(page));
    Ok(Value::Object(envelope))
}

fn number(params: &HashMap<String, String>, key: &str, default: usize) -> Result<usize, ApiError> {
    match params.get(key).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(raw) => raw.parse().map_err(|_| {
            ApiError::gateway(400, format!("Invalid {key} \"{raw}\": expected a non-negative integer"))
        }),
    }
}

fn filters(params: &HashMap<String, String>) -> Result<Map<String, Value>, ApiError> {
    let raw = params.get("filters").map(|f| f.trim()).unwrap_or_default();
    if raw.is_empty() {
        return Ok(Map::new());
    }
    let Ok(Value::Object(filters)) = serde_json::from_str::<Value>(raw) else {
        return Err(ApiError::gateway(
            400,
            "Invalid filters: expected a JSON object such as {\"status\":\"approved\"}",
        ));
    };
    if let Some(unknown) = filters.keys().find(|k| !FILTER_KEYS.contains(&k.as_str())) {
        let message = format!("Invalid filter key \"{unknown}\"; allowed keys: {}", FILTER_KEYS.join(", "));
        return Err(ApiError::gateway(400, message));
    }
    Ok(filters)
}

fn matches_all(template: &StoredTemplate, state: &StateData, filters: &Map<String, Value>) -> bool {
    filters.iter().all(|(key, wanted)| {
        let (actual, ignore_case) = match key.as_str() {
            "business_templates.name" | "name" => (template.name.as_str(), false),
            "status" => (template.status.as_str(), true),
            "category" => (category(template), true),
            "language" => (template.language.as_str(), false),
            "id" => (template.id.as_str(), false),
            _ => (state.partner_id.as_str(), false),
        };
        let equal = |value: &Value| {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Null => return false,
                other => other.to_string(),
            };
            if ignore_case { text.eq_ignore_ascii_case(actual) } else { text == actual }
        };
        match wanted {
            Value::Array(options) => options.iter().any(equal),
            single => equal(single),
        }
    })
}

fn category(template: &StoredTemplate) -> &str {
    template.body.get("category").and_then(Value::as_str).unwrap_or_default()
}

fn compare(a: &StoredTemplate, b: &StoredTemplate, field: &str) -> Ordering {
    match field {
        "name" | "business_templates.name" => a.name.cmp(&b.name),
        "status" => a.status.cmp(&b.status),
        "category" => category(a).cmp(category(b)),
        "language" => a.language.cmp(&b.language),
        "created_at" => a.created_at.cmp(&b.created_at),
        _ => a.id.cmp(&b.id),
    }
}
