//! The events a webhook payload yields, as serialized by `webhook parse --json`: incoming
//! messages with the channel variables, delivery statuses, standalone errors, and `invalid`
//! events for the items of a payload that could not be read.

use serde::Serialize;
use serde_json::{Map, Value};

/// One thing a webhook payload reports; serializes with an `"event"` tag first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Event {
    /// An incoming message (`"event":"message"`); boxed, it is by far the largest variant.
    Message(Box<MessageEvent>),
    /// A delivery status of an outgoing message (`"event":"status"`); boxed, it is large too.
    Status(Box<StatusEvent>),
    /// Errors reported outside any message or status (`"event":"error"`).
    Error(ErrorEvent),
    /// One item of the payload (a message, status, contact, error or change) that could not be
    /// read; the rest of the payload is read as usual (`"event":"invalid"`).
    Invalid(InvalidEvent),
}

impl Event {
    /// The message event, if this is one.
    pub fn as_message(&self) -> Option<&MessageEvent> {
        match self {
            Event::Message(message) => Some(message.as_ref()),
            _ => None,
        }
    }

    /// The `invalid` event of an item at `path` (else the error's own path) that could not be read.
    pub(super) fn invalid(item: &'static str, path: Option<&str>, err: &super::ParseError) -> Self {
        let path = path.or(err.path()).unwrap_or("payload").to_owned();
        Event::Invalid(InvalidEvent { item, path, reason: err.to_string() })
    }

    /// The invalid event, if this is one.
    pub fn as_invalid(&self) -> Option<&InvalidEvent> {
        match self {
            Event::Invalid(invalid) => Some(invalid),
            _ => None,
        }
    }
}

/// An item of the payload that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InvalidEvent {
    /// What it is: `message`, `status`, `contact`, `error`, `change` or `entry`.
    pub item: &'static str,
    /// Where it is, e.g. `entry[0].changes[0].value.messages[3]`.
    pub path: String,
    /// Why it could not be read, naming the exact field, e.g. `...messages[3].image.id is missing`.
    pub reason: String,
}

/// `value.metadata` of a Cloud change: the business number the event is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// `metadata.phone_number_id`.
    pub phone_number_id: Option<String>,
    /// `metadata.display_phone_number`.
    pub display_phone_number: Option<String>,
}

/// An incoming message with the seven channel variables, always present (null when unknown).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageEvent {
    /// The sender: `messages[].from`, else `from_user_id` (a business-scoped user id).
    pub channel_visitor_id: String,
    /// The sender, or the group (`group_id`) of a group message.
    pub channel_conversation_id: String,
    /// First word of the sender's profile name.
    pub channel_visitor_firstname: Option<String>,
    /// The rest of the sender's profile name.
    pub channel_visitor_lastname: Option<String>,
    /// The sender's phone number: `from` (or the contact's `wa_id`) when it is one; null for a
    /// sender known only by a user id.
    pub channel_visitor_phone: Option<String>,
    /// The sender, as `channel_visitor_id`.
    pub channel_visitor_account: String,
    /// `<conversation>|dialog360`.
    pub channel_chat_id: String,
    /// The group of a group message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The sender's business-scoped user id (`from_user_id`, or the contact's `user_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The sender's WhatsApp username (the contact's `profile.username`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The business number it was sent to (Cloud `value.metadata`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Type, id, timestamp and content.
    pub message: Message,
}

impl MessageEvent {
    /// The sender (`messages[].from`, else `from_user_id`).
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
    /// The timestamp as ISO 8601 UTC (`2024-06-10T14:40:00Z`), when it is Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Text body, or the readable content of non-text types.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Media: `file:<kind>|<media id>|<media URL>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Media id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// Where the media is downloaded through 360dialog (the URL of the `file` form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// The media object's own `url`, as sent (Cloud).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Media SHA-256, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Audio: a voice note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice: Option<bool>,
    /// Sticker: animated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub animated: Option<bool>,
    /// Where `--download DIR` saved the media (set after parsing, never by the parser).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_path: Option<String>,
    /// On-premise media not fetched yet (`"undownloaded"`): no id, no file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_status: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusEvent {
    /// Id of the outgoing message.
    pub id: String,
    /// The recipient's WhatsApp number (or group id); null when the status names none.
    pub recipient_id: Option<String>,
    /// The recipient's business-scoped user id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_user_id: Option<String>,
    /// `sent`, `delivered`, `read`, `failed`, `deleted`, ...
    pub status: String,
    /// Unix seconds, kept as a string.
    pub timestamp: String,
    /// The timestamp as ISO 8601 UTC, when it is Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// `conversation.id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// `pricing.category`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pricing_category: Option<String>,
    /// The `conversation` object, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<Value>,
    /// The `pricing` object, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pricing: Option<Value>,
    /// The business number it was sent from (Cloud `value.metadata`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
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
    /// The code (470, 131047, ...); null when the payload has none.
    pub code: Option<ErrorCode>,
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

/// An error code: a number (a string of digits reads as one), else the text as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ErrorCode {
    /// 131047.
    Number(i64),
    /// `"E_TIMEOUT"`, `"1.5"`: kept as sent.
    Text(String),
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorCode::Number(n) => write!(f, "{n}"),
            ErrorCode::Text(s) => f.write_str(s),
        }
    }
}
