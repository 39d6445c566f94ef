//! Request and response bodies of the endpoints whatsapp-ctl calls. Templates stay
//! `serde_json::Value` objects so that fields this version does not know survive unchanged.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `GET|POST /v1/configs/webhook`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Webhook {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "null_as_default")]
    pub headers: BTreeMap<String, String>,
}

fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// One page of `GET /v1/configs/templates`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TemplatePage {
    #[serde(default)]
    pub count: Option<usize>,
    #[serde(default)]
    pub offset: Option<usize>,
    #[serde(default)]
    pub total: Option<usize>,
    /// Required: an answer without it is not a listing.
    pub waba_templates: Vec<Value>,
}

/// What to ask the template list for.
#[derive(Debug, Clone, Default)]
pub struct TemplateQuery {
    /// The API's `filters` object (`status`, `category`, `language`, `business_templates.name`).
    pub filters: Map<String, Value>,
    /// A field name, `-` prefix for descending.
    pub sort: Option<String>,
}

/// `POST /messages` / `POST /v1/messages` success.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SendResponse {
    #[serde(default)]
    pub messages: Vec<MessageId>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct MessageId {
    pub id: String,
}

impl SendResponse {
    pub fn message_id(&self) -> Option<&str> {
        self.messages.first().map(|m| m.id.as_str())
    }
}

/// Messaging health, from Cloud `/health_status` or on-premise `/v1/health`.
#[derive(Debug, Clone, PartialEq)]
pub struct Health {
    /// Cloud `can_send_message` (AVAILABLE, LIMITED, BLOCKED) or on-premise `gateway_status`.
    pub status: String,
    /// Reasons given for LIMITED/BLOCKED entities.
    pub reasons: Vec<String>,
    pub raw: Value,
}

impl Health {
    /// Reads either flavour's body.
    pub fn from_body(raw: Value) -> Self {
        let status = raw
            .pointer("/health_status/can_send_message")
            .or_else(|| raw.pointer("/health/gateway_status"))
            .and_then(Value::as_str)
            .unwrap_or("UNKNOWN")
            .to_owned();
        let mut reasons = Vec::new();
        let entities = raw.pointer("/health_status/entities").and_then(Value::as_array);
        for entity in entities.into_iter().flatten() {
            let kind = entity.get("entity_type").and_then(Value::as_str).unwrap_or("entity");
            for info in entity.get("additional_info").and_then(Value::as_array).into_iter().flatten() {
                if let Some(text) = info.as_str() {
                    reasons.push(format!("{kind}: {text}"));
                }
            }
            for error in entity.get("errors").and_then(Value::as_array).into_iter().flatten() {
                let text = error.get("error_description").and_then(Value::as_str).unwrap_or("blocked");
                let code = error.get("error_code").map(Value::to_string).unwrap_or_default();
                reasons.push(format!("{kind}: {text} ({code})"));
            }
        }
        Health { status, reasons, raw }
    }
}
