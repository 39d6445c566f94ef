//! `POST /messages` (Cloud, requires `"messaging_product":"whatsapp"`) and `POST /v1/messages`
//! (on-premise, does not): checks the send like Meta, enforces the 24-hour customer-service
//! window on free-form messages (131047, on-premise 470), stores accepted messages.
//!
//! Order of checks: body shape → `to` (131008 missing / 131009 not 8-15 digits) → `type` (one of
//! [`TYPES`], default `text`; else 131009) → the object for the type (131008) → the type's own
//! rules ([`super::checks`], [`super::template_send`]) → the window (free-form only).

use serde_json::{Map, Value, json};

use super::checks;
use super::errors::{ApiError, Flavour, MetaError, ONPREM_VERSION, invalid_value, missing_parameter};
use super::review;
use super::state::SentMessage;
use super::store::Store;
use super::template_send;
use super::util::{normalize_phone, now_secs, random_alnum};

/// Message types the send endpoints accept.
pub const TYPES: [&str; 11] = [
    "text",
    "template",
    "interactive",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "reaction",
];

/// Length of the customer-service window.
pub const WINDOW_SECS: u64 = 24 * 60 * 60;

/// Checks, stores and acknowledges one send request.
pub fn send(store: &Store, flavour: Flavour, body: &[u8]) -> Result<Value, ApiError> {
    let Ok(Value::Object(message)) = serde_json::from_slice::<Value>(body) else {
        return Err(MetaError::new(400, 100, "Invalid parameter")
            .details("The request body must be a JSON object.")
            .into());
    };
    if flavour == Flavour::Cloud
        && message.get("messaging_product").and_then(Value::as_str) != Some("whatsapp")
    {
        return Err(MetaError::new(400, 100, "The parameter messaging_product is required.")
            .details("Cloud API sends need \"messaging_product\": \"whatsapp\".")
            .into());
    }
    if message.get("status").and_then(Value::as_str) == Some("read") {
        return mark_read(&message);
    }
    let to = recipient(&message)?;
    let kind = message.get("type").map_or(Some("text"), Value::as_str);
    let Some(kind) = kind.filter(|k| TYPES.contains(k)) else {
        let got = message.get("type").map(Value::to_string).unwrap_or_default();
        return Err(invalid_value(format!(
            "Parameter 'type' must be one of {}; got {got}",
            TYPES.join(", ")
        )));
    };
    let Some(object) = message.get(kind).filter(|v| !v.is_null()) else {
        return Err(missing_parameter(format!("Parameter '{kind}' is required for messages of type {kind}")));
    };

    let now = now_secs();
    if kind == "template" {
        let state = review::settled(store)?;
        template_send::check(&state, flavour, object)?;
    } else {
        checks::free_form(kind, object)?;
        let state = store.read()?;
        let open = state.windows.get(&to).is_some_and(|last| last.saturating_add(WINDOW_SECS) > now);
        if !open {
            return Err(re_engagement());
        }
    }

    let id = match flavour {
        Flavour::Cloud => format!("wamid.HBgM{}", random_alnum(40)),
        Flavour::OnPremise => format!("gBEG{}", random_alnum(24)),
    };
    let stored = SentMessage {
        id: id.clone(),
        to: to.clone(),
        kind: kind.to_string(),
        body: Value::Object(message.clone()),
        at: now,
    };
    store.mutate(|state| {
        state.push_message(stored);
        Ok::<_, ApiError>(())
    })?;
    Ok(match flavour {
        Flavour::Cloud => json!({
            "messaging_product": "whatsapp",
            "contacts": [{"input": message.get("to"), "wa_id": to}],
            "messages": [{"id": id}],
        }),
        Flavour::OnPremise => json!({
            "contacts": [{"input": message.get("to"), "wa_id": to}],
            "messages": [{"id": id}],
            "meta": {"api_status": "stable", "version": ONPREM_VERSION},
        }),
    })
}

fn recipient(message: &Map<String, Value>) -> Result<String, ApiError> {
    match message.get("to") {
        None | Some(Value::Null) => Err(missing_parameter("Parameter 'to' is required")),
        Some(Value::String(raw)) if raw.trim().is_empty() => {
            Err(missing_parameter("Parameter 'to' is required"))
        }
        Some(Value::String(raw)) => normalize_phone(raw).ok_or_else(|| {
            invalid_value(format!("Parameter 'to' must be a phone number of 8 to 15 digits; got \"{raw}\""))
        }),
        Some(other) => Err(invalid_value(format!("Parameter 'to' must be a string; got {other}"))),
    }
}

/// Meta's "mark as read" call on the messages endpoint.
fn mark_read(message: &Map<String, Value>) -> Result<Value, ApiError> {
    match message.get("message_id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => Ok(json!({"success": true})),
        _ => Err(missing_parameter("Parameter 'message_id' is required to mark a message as read")),
    }
}

fn re_engagement() -> ApiError {
    MetaError::new(400, 131047, "Re-engagement message")
        .details(
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        )
        .into()
}
