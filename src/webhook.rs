//! Incoming 360dialog webhook payloads (on-premise and Cloud API shapes) turned into typed events:
//! messages with the channel variables of the connector's table, delivery statuses and errors.
//! Pure: no I/O.

mod content;
mod event;
mod json;
#[cfg(test)]
mod tests;

use serde_json::Value;

pub use event::{
    ErrorDetail, ErrorEvent, Event, Location, Message, MessageEvent, SharedContact, StatusEvent,
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

/// Reads a webhook payload of either shape into events, in payload order (per Cloud change:
/// messages, then statuses, then errors). Change fields other than `messages` (template status
/// updates and the like) yield nothing; so does an empty `entry`. A payload with `entry` but no
/// `object` is read as a Cloud envelope; one with neither but any of `contacts`, `messages`,
/// `statuses`, `errors` as on-premise. Media URLs follow the shape (see [`MediaBase`]).
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
        for entry in root.req_objects("entry")? {
            for change in entry.req_objects("changes")? {
                match change.opt_str("field")? {
                    Some(field) if field != "messages" => continue,
                    _ => value_events(&change.obj("value")?, &url, &mut events)?,
                }
            }
        }
    } else if ["contacts", "messages", "statuses", "errors"].iter().any(|k| root.has(k)) {
        value_events(&root, &|id: &str| media.onpremise_url(id), &mut events)?;
    } else {
        return Err(ParseError::UnknownShape);
    }
    Ok(events)
}

/// A `contacts[]` entry: who a message is from and their profile name.
struct Contact {
    wa_id: Option<String>,
    name: Option<String>,
}

/// The events of one object holding `contacts`/`messages`/`statuses`/`errors` (the on-premise
/// payload itself, or a Cloud change's `value`).
fn value_events(
    value: &Obj<'_>,
    media_url: &dyn Fn(&str) -> String,
    events: &mut Vec<Event>,
) -> Result<(), ParseError> {
    let mut contacts = Vec::new();
    for contact in value.objects("contacts")? {
        let name = match contact.opt_obj("profile")? {
            Some(profile) => profile.opt_str("name")?,
            None => None,
        };
        contacts.push(Contact { wa_id: contact.opt_id("wa_id")?, name });
    }
    let messages = value.objects("messages")?;
    let froms = messages.iter().map(|m| m.id("from")).collect::<Result<Vec<_>, _>>()?;
    for (index, (msg, from)) in messages.iter().zip(&froms).enumerate() {
        let name = pick_contact(&contacts, &froms, index).and_then(|c| c.name.as_deref());
        let (firstname, lastname) = split_name(name.unwrap_or_default());
        events.push(Event::Message(Box::new(MessageEvent {
            channel_visitor_id: from.clone(),
            channel_conversation_id: from.clone(),
            channel_visitor_firstname: firstname,
            channel_visitor_lastname: lastname,
            channel_visitor_phone: from.clone(),
            channel_visitor_account: from.clone(),
            channel_chat_id: format!("{from}|dialog360"),
            message: content::message(msg, media_url)?,
        })));
    }
    for status in value.objects("statuses")? {
        let conversation_id = match status.opt_obj("conversation")? {
            Some(conversation) => conversation.opt_id("id")?,
            None => None,
        };
        let pricing_category = match status.opt_obj("pricing")? {
            Some(pricing) => pricing.opt_str("category")?,
            None => None,
        };
        events.push(Event::Status(StatusEvent {
            id: status.id("id")?,
            recipient_id: status.id("recipient_id")?,
            status: status.str("status")?,
            timestamp: status.id("timestamp")?,
            conversation_id,
            pricing_category,
            errors: error_details(&status.objects("errors")?)?,
        }));
    }
    let errors = error_details(&value.objects("errors")?)?;
    if !errors.is_empty() {
        events.push(Event::Error(ErrorEvent { errors }));
    }
    Ok(())
}

/// The contact of `froms[index]`: the one whose `wa_id` matches; else the contact at the same
/// index (when contacts and messages pair up) or the only contact, unless that one is plainly
/// another sender's.
fn pick_contact<'c>(contacts: &'c [Contact], froms: &[String], index: usize) -> Option<&'c Contact> {
    let from = froms.get(index)?;
    if let Some(exact) = contacts.iter().find(|c| c.wa_id.as_ref() == Some(from)) {
        return Some(exact);
    }
    let candidate = if contacts.len() == froms.len() {
        contacts.get(index)?
    } else if contacts.len() == 1 {
        contacts.first()?
    } else {
        return None;
    };
    let someone_else = candidate.wa_id.as_ref().is_some_and(|w| froms.contains(w));
    (!someone_else).then_some(candidate)
}

/// First word, and the rest (null when there is no rest).
fn split_name(name: &str) -> (Option<String>, Option<String>) {
    let mut words = name.split_whitespace();
    let first = words.next().map(str::to_owned);
    let rest: Vec<&str> = words.collect();
    (first, (!rest.is_empty()).then(|| rest.join(" ")))
}

/// Reads an `errors[]` array.
fn error_details(items: &[Obj<'_>]) -> Result<Vec<ErrorDetail>, ParseError> {
    items
        .iter()
        .map(|e| {
            let data_details = match e.opt_obj("error_data")? {
                Some(data) => data.opt_str("details")?,
                None => None,
            };
            Ok(ErrorDetail {
                code: e.integer("code")?,
                title: e.opt_str("title")?,
                message: e.opt_str("message")?,
                details: e.opt_str("details")?.or(data_details),
                href: e.opt_str("href")?,
            })
        })
        .collect()
}
