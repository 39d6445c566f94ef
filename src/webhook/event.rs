//! The events a webhook payload yields, as serialized by `webhook parse --json`: incoming
//! messages with the channel variables, delivery statuses, and standalone errors.

use serde::Serialize;
use serde_json::{Map, Value};

/// One thing a webhook payload reports; serializes with an `"event"` tag first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Event {
    /// An incoming message (`"event":"message"`); boxed, it is by far the largest variant.
    Message(Box<MessageEvent>),
    /// A delivery status of an outgoing message (`"event":"status"`).
    Status(StatusEvent),
    /// Errors reported outside any message or status (`"event":"error"`).
    Error(ErrorEvent),
}

impl Event {
    /// The message event, if this is one.
    pub fn as_message(&self) -> Option<&MessageEvent> {
        match self {
            Event::Message(message) => Some(message.as_ref()),
            _ => None,
        }
    }
}

/// An incoming message with the seven channel variables, always present (null when unknown).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageEvent {
    /// `messages[].from`.
    pub channel_visitor_id: String,
    /// `messages[].from`.
    pub channel_conversation_id: String,
    /// First word of the sender's profile name.
    pub channel_visitor_firstname: Option<String>,
    /// The rest of the sender's profile name.
    pub channel_visitor_lastname: Option<String>,
    /// `messages[].from`.
    pub channel_visitor_phone: String,
    /// `messages[].from`.
    pub channel_visitor_account: String,
    /// `<from>|dialog360`.
    pub channel_chat_id: String,
    /// Type, id, timestamp and content.
    pub message: Message,
}

impl MessageEvent {
    /// The sender's WhatsApp number (`messages[].from`).
    pub fn from(&self) -> &str {
        &self.channel_visitor_id
    }

    /// The sender's profile name, when the payload names them.
    pub fn display_name(&self) -> Option<String> {
        match (&self.channel_visitor_firstname, &self.channel_visitor_lastname) {
            (Some(first), Some(last)) => Some(format!("{first} {last}")),
            (Some(first), None) => Some(first.clone()),
            (None, _) => None,
        }
    }

    /// The message type as WhatsApp names it (`text`, `image`, `interactive`, ...).
    pub fn message_type(&self) -> &str {
        &self.message.kind
    }

    /// The message timestamp (Unix seconds, as sent).
    pub fn timestamp(&self) -> &str {
        &self.message.timestamp
    }

    /// The most readable one-line content: the text, else a caption, else the `file:` form.
    pub fn text(&self) -> Option<&str> {
        let m = &self.message;
        m.text.as_deref().or(m.caption.as_deref()).or(m.file.as_deref())
    }
}

/// The `message` object of a message event. Absent fields are left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Message {
    /// `messages[].type`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `messages[].id` (the `wamid.` of Cloud messages).
    pub id: String,
    /// Unix seconds, kept as a string.
    pub timestamp: String,
    /// Text body, or the readable content of non-text types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Media: `file:<kind>|<media id>|<media URL>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Media caption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Document file name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Media MIME type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// A shared location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Shared contact cards.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<SharedContact>>,
    /// `interactive.type`: `button_reply`, `list_reply`, `nfm_reply`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interactive_type: Option<String>,
    /// Id of the tapped reply button or list row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_id: Option<String>,
    /// Description of the chosen list row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A Flow's answer (`nfm_reply.response_json`), a JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_json: Option<String>,
    /// Payload of a template quick-reply button.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Reaction emoji (absent when a reaction is removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
    /// Id of the message reacted to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reacted_message_id: Option<String>,
    /// The reply-to context (`{from, id, forwarded, ...}`) as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Value>,
    /// Message-level errors (e.g. 131051 on `unsupported`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ErrorDetail>>,
    /// Raw sub-objects kept as sent: `order`, `system`, `unsupported`, `referral`, unknown types.
    #[serde(flatten)]
    pub raw: Map<String, Value>,
}

/// A shared location.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// Place name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Place address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Place URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One shared contact card, reduced to its name and phone numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedContact {
    /// `name.formatted_name`, else first and last name.
    pub name: Option<String>,
    /// `phones[].phone` (or `wa_id`).
    pub phones: Vec<String>,
}

/// The delivery status of an outgoing message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusEvent {
    /// Id of the outgoing message.
    pub id: String,
    /// The recipient's WhatsApp number.
    pub recipient_id: String,
    /// `sent`, `delivered`, `read`, `failed`, `deleted`, ...
    pub status: String,
    /// Unix seconds, kept as a string.
    pub timestamp: String,
    /// `conversation.id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// `pricing.category`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pricing_category: Option<String>,
    /// Why it failed; empty otherwise.
    pub errors: Vec<ErrorDetail>,
}

/// Errors reported on their own (top-level `errors` on-premise, `value.errors` on Cloud).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorEvent {
    /// The errors, in payload order.
    pub errors: Vec<ErrorDetail>,
}

/// One WhatsApp error object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorDetail {
    /// Numeric code (470, 131047, ...).
    pub code: i64,
    /// Short title; null when the payload has none.
    pub title: Option<String>,
    /// Longer message (Cloud).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// `details` (on-premise) or `error_data.details` (Cloud).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Documentation link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}
