//! Incoming 360dialog webhook payloads (on-premise and Cloud API shapes) turned into typed events:
//! messages with the channel variables of the connector's table, delivery statuses and errors.
//! One malformed item (a message, status, contact, error or change) becomes an `invalid` event
//! naming where it is and why; the rest of the payload is read as usual. Pure: no I/O.

mod contacts;
mod content;
mod event;
mod json;
#[cfg(test)]
mod shape_tests;
#[cfg(test)]
mod tests;
mod value;

use serde_json::Value;

pub use event::{
    ErrorCode, ErrorDetail, ErrorEvent, Event, InvalidEvent, Location, Message, MessageEvent, Metadata,
    SharedContact, StatusEvent,
};
use json::Obj;

/// Where received media can be downloaded: base URLs without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaBase {
    /// Cloud API base; a media id resolves to `<cloud>/<id>`.
    pub cloud: String,
    /// On-premise base; a media id resolves to `<onpremise>/v1/media/<id>`.
    pub onpremise: String,
}

impl Default for MediaBase {
    fn default() -> Self {
        Self {
            cloud: "https://waba-v2.360dialog.io".to_owned(),
            onpremise: "https://waba.360dialog.io".to_owned(),
        }
    }
}

impl MediaBase {
    /// The Cloud API URL of a media id: `<cloud>/<id>`.
    pub fn cloud_url(&self, id: &str) -> String {
        format!("{}/{id}", self.cloud.trim_end_matches('/'))
    }

    /// The on-premise URL of a media id: `<onpremise>/v1/media/<id>`.
    pub fn onpremise_url(&self, id: &str) -> String {
        format!("{}/v1/media/{id}", self.onpremise.trim_end_matches('/'))
    }
}

/// Why a payload could not be read; the message names the place in the payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Neither envelope nor on-premise arrays.
    #[error(
        "payload is neither a Cloud API envelope (object: whatsapp_business_account) \
         nor an on-premise payload (contacts/messages/statuses)"
    )]
    UnknownShape,
    /// A Cloud envelope for another Meta product.
    #[error("object is {found}, expected \"whatsapp_business_account\"")]
    WrongObject {
        /// The `object` value as JSON (shortened).
        found: String,
    },
    /// A required field is absent.
    #[error("{path} is missing")]
    Missing {
        /// Where, e.g. `messages[0].from`.
        path: String,
    },
    /// A field has the wrong JSON type.
    #[error("{path} is not {expected} (found {found})")]
    WrongType {
        /// Where, e.g. `entry[0].changes[1].value` (`payload` for the root).
        path: String,
        /// What was expected, e.g. `an object`.
        expected: &'static str,
        /// What was there, e.g. `a string`.
        found: &'static str,
    },
}

impl ParseError {
    /// The path of the offending field, when the error is about one.
    pub fn path(&self) -> Option<&str> {
        match self {
            ParseError::Missing { path } | ParseError::WrongType { path, .. } => Some(path),
            ParseError::WrongObject { .. } => Some("object"),
            ParseError::UnknownShape => None,
        }
    }
}

const CLOUD_OBJECT: &str = "whatsapp_business_account";

/// The JSON of a webhook body; a leading UTF-8 byte order mark (some senders write one) is skipped.
pub fn from_slice(bytes: &[u8]) -> serde_json::Result<Value> {
    serde_json::from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// Reads a webhook payload of either shape into events, in payload order (per Cloud change:
/// messages, then statuses, then errors). Change fields other than `messages` (template status
/// updates and the like) yield nothing; so does an empty `entry`. A payload with `entry` but no
/// `object` is read as a Cloud envelope; one with neither but any of `contacts`, `messages`,
/// `statuses`, `errors` as on-premise. Media URLs follow the shape (see [`MediaBase`]).
///
/// Only a payload that is not a webhook at all (not an object, another `object`, no `entry`
/// array, neither shape) is an error; every item below that is read on its own, and one that
/// cannot be read becomes an [`Event::Invalid`] in its place.
pub fn parse(payload: &Value, media: &MediaBase) -> Result<Vec<Event>, ParseError> {
    let root = Obj::new(payload, String::new())?;
    let mut events = Vec::new();
    if root.has("object") || root.has("entry") {
        match root.raw("object") {
            None => {}
            Some(Value::String(s)) if s == CLOUD_OBJECT => {}
            Some(other) => {
                let found: String = other.to_string().chars().take(60).collect();
                return Err(ParseError::WrongObject { found });
            }
        }
        let url = |id: &str| media.cloud_url(id);
        for entry in root.req_items("entry")? {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    events.push(Event::invalid("entry", None, &err));
                    continue;
                }
            };
            let changes = match entry.req_items("changes") {
                Ok(changes) => changes,
                Err(err) => {
                    events.push(Event::invalid("entry", Some(entry.path()), &err));
                    continue;
                }
            };
            for change in changes {
                let change = match change {
                    Ok(change) => change,
                    Err(err) => {
                        events.push(Event::invalid("change", None, &err));
                        continue;
                    }
                };
                match messages_value(&change) {
                    Ok(Some(value)) => value::events(&value, &url, &mut events),
                    Ok(None) => {}
                    Err(err) => events.push(Event::invalid("change", Some(change.path()), &err)),
                }
            }
        }
    } else if ["contacts", "messages", "statuses", "errors"].iter().any(|k| root.has(k)) {
        value::events(&root, &|id: &str| media.onpremise_url(id), &mut events);
    } else {
        return Err(ParseError::UnknownShape);
    }
    Ok(events)
}

/// The `value` of a `messages` change; `None` for other fields (template updates and the like).
fn messages_value<'a>(change: &Obj<'a>) -> Result<Option<Obj<'a>>, ParseError> {
    match change.opt_str("field")? {
        Some(field) if field != "messages" => Ok(None),
        _ => change.obj("value").map(Some),
    }
}

/// Unix seconds as ISO 8601 UTC; `None` when the timestamp is not Unix seconds.
fn iso_time(timestamp: &str) -> Option<String> {
    // Up to the year 9999, as ISO 8601 has four-digit years.
    let secs = timestamp.trim().parse::<u64>().ok().filter(|s| *s < 253_402_300_800)?;
    Some(crate::emulator::rfc3339(secs.checked_mul(1000)?))
}
