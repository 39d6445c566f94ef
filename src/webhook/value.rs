//! The events of one object holding `contacts`/`messages`/`statuses`/`errors` (the on-premise
//! payload itself, or a Cloud change's `value`). Each item is read on its own: one that cannot be
//! read becomes an `invalid` event in its place and the others come out as usual.

use std::collections::HashSet;

use serde_json::Value;

use super::contacts::{Contact, Contacts};
use super::json::Obj;
use super::{
    ErrorCode, ErrorDetail, ErrorEvent, Event, MessageEvent, Metadata, ParseError, StatusEvent, content,
    iso_time,
};

/// Appends the events of `value`; `media_url` turns a media id into its download URL.
pub(super) fn events(value: &Obj<'_>, media_url: &dyn Fn(&str) -> String, events: &mut Vec<Event>) {
    let metadata = metadata(value);
    let contacts: Vec<Option<Contact>> = items(value, "contacts", "contact", events)
        .into_iter()
        .map(|contact| match contact {
            Ok(contact) => read_or_invalid(&contact, "contact", events, Contact::read),
            Err(err) => {
                events.push(Event::invalid("contact", None, &err));
                None
            }
        })
        .collect();
    let messages = items(value, "messages", "message", events);
    let senders: HashSet<String> = messages.iter().flatten().filter_map(|m| sender(m).ok()).collect();
    let contacts = Contacts::new(contacts, senders, messages.len());
    each(messages, "message", events, |index, msg| {
        let event = message_event(msg, index, &contacts, metadata.as_ref(), media_url)?;
        Ok(Event::Message(Box::new(event)))
    });
    each(items(value, "statuses", "status", events), "status", events, |_, status| {
        Ok(Event::Status(Box::new(status_event(status, metadata.as_ref())?)))
    });
    let mut errors = Vec::new();
    for error in items(value, "errors", "error", events) {
        match error {
            Ok(error) => errors.extend(read_or_invalid(&error, "error", events, error_detail)),
            Err(err) => events.push(Event::invalid("error", None, &err)),
        }
    }
    if !errors.is_empty() {
        events.push(Event::Error(ErrorEvent { errors }));
    }
}

/// The items of `value[key]`, each an object or why it is not; nothing when `value[key]` is not
/// an array (one `invalid` event for it).
fn items<'a>(
    value: &Obj<'a>,
    key: &str,
    item: &'static str,
    events: &mut Vec<Event>,
) -> Vec<Result<Obj<'a>, ParseError>> {
    value.items(key).unwrap_or_else(|err| {
        events.push(Event::invalid(item, None, &err));
        Vec::new()
    })
}

/// Reads each item in order with `read`; an item that is not an object, or that `read` rejects,
/// becomes an `invalid` event in its place.
fn each<'a>(
    items: Vec<Result<Obj<'a>, ParseError>>,
    item: &'static str,
    events: &mut Vec<Event>,
    mut read: impl FnMut(usize, &Obj<'a>) -> Result<Event, ParseError>,
) {
    for (index, obj) in items.into_iter().enumerate() {
        let event = match obj {
            Ok(obj) => read(index, &obj).unwrap_or_else(|err| Event::invalid(item, Some(obj.path()), &err)),
            Err(err) => Event::invalid(item, None, &err),
        };
        events.push(event);
    }
}

/// `read(obj)`, or `None` with an `invalid` event for `obj` when it fails.
fn read_or_invalid<'a, T>(
    obj: &Obj<'a>,
    item: &'static str,
    events: &mut Vec<Event>,
    read: impl FnOnce(&Obj<'a>) -> Result<T, ParseError>,
) -> Option<T> {
    read(obj).map_err(|err| events.push(Event::invalid(item, Some(obj.path()), &err))).ok()
}

/// `value.metadata`, field by field; what cannot be read is left out.
fn metadata(value: &Obj<'_>) -> Option<Metadata> {
    let meta = value.opt_obj("metadata").ok().flatten()?;
    Some(Metadata {
        phone_number_id: meta.opt_id("phone_number_id").ok().flatten(),
        display_phone_number: meta.opt_id("display_phone_number").ok().flatten(),
    })
}

/// Who sent a message: `from`, else `from_user_id` (Meta's business-scoped user id).
fn sender(msg: &Obj<'_>) -> Result<String, ParseError> {
    match msg.opt_id("from")? {
        Some(from) => Ok(from),
        None => msg.opt_id("from_user_id")?.ok_or_else(|| ParseError::Missing { path: msg.at("from") }),
    }
}

/// Digits with an optional leading `+`: a phone number rather than a user id.
fn is_phone(id: &str) -> bool {
    let digits = id.strip_prefix('+').unwrap_or(id);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn message_event(
    msg: &Obj<'_>,
    index: usize,
    contacts: &Contacts,
    metadata: Option<&Metadata>,
    media_url: &dyn Fn(&str) -> String,
) -> Result<MessageEvent, ParseError> {
    let sender = sender(msg)?;
    let from = msg.opt_id("from")?;
    let group_id = msg.opt_id("group_id")?;
    let contact = contacts.of(index, &sender);
    let (firstname, lastname) = split_name(contact.and_then(|c| c.name.as_deref()).unwrap_or_default());
    let phone = [from.as_deref(), contact.and_then(|c| c.wa_id.as_deref())]
        .into_iter()
        .flatten()
        .find(|id| is_phone(id))
        .map(str::to_owned);
    let user_id = msg.opt_id("from_user_id")?.or_else(|| contact.and_then(|c| c.user_id.clone()));
    let conversation = group_id.clone().unwrap_or_else(|| sender.clone());
    Ok(MessageEvent {
        channel_visitor_id: sender.clone(),
        channel_chat_id: format!("{conversation}|dialog360"),
        channel_conversation_id: conversation,
        channel_visitor_firstname: firstname,
        channel_visitor_lastname: lastname,
        channel_visitor_phone: phone,
        channel_visitor_account: sender,
        group_id,
        user_id,
        username: contact.and_then(|c| c.username.clone()),
        metadata: metadata.cloned(),
        message: content::message(msg, media_url)?,
    })
}

fn status_event(status: &Obj<'_>, metadata: Option<&Metadata>) -> Result<StatusEvent, ParseError> {
    let conversation = status.opt_obj("conversation")?;
    let pricing = status.opt_obj("pricing")?;
    let timestamp = status.id("timestamp")?;
    Ok(StatusEvent {
        id: status.id("id")?,
        recipient_id: status.opt_id("recipient_id")?,
        recipient_user_id: status.opt_id("recipient_user_id")?,
        status: status.str("status")?,
        time: iso_time(&timestamp),
        timestamp,
        conversation_id: conversation.as_ref().map(|c| c.opt_id("id")).transpose()?.flatten(),
        pricing_category: pricing.as_ref().map(|p| p.opt_str("category")).transpose()?.flatten(),
        conversation: conversation.and(status.get("conversation").cloned()),
        pricing: pricing.and(status.get("pricing").cloned()),
        metadata: metadata.cloned(),
        errors: error_details(&status.objects("errors")?)?,
    })
}

/// First word, and the rest (null when there is no rest).
fn split_name(name: &str) -> (Option<String>, Option<String>) {
    let mut words = name.split_whitespace();
    let first = words.next().map(str::to_owned);
    let rest: Vec<&str> = words.collect();
    (first, (!rest.is_empty()).then(|| rest.join(" ")))
}

/// Reads an `errors[]` array of a message or status.
pub(super) fn error_details(items: &[Obj<'_>]) -> Result<Vec<ErrorDetail>, ParseError> {
    items.iter().map(error_detail).collect()
}

/// Reads one error object; its `code` may be a number, a string, or absent.
fn error_detail(e: &Obj<'_>) -> Result<ErrorDetail, ParseError> {
    let data_details = match e.opt_obj("error_data")? {
        Some(data) => data.opt_str("details")?,
        None => None,
    };
    let code = e.get("code").map(|code| match code {
        Value::Number(n) => n.as_i64().map_or_else(|| ErrorCode::Text(n.to_string()), ErrorCode::Number),
        Value::String(s) => s.trim().parse().map_or_else(|_| ErrorCode::Text(s.clone()), ErrorCode::Number),
        other => ErrorCode::Text(other.to_string()),
    });
    Ok(ErrorDetail {
        code,
        title: e.opt_str("title")?,
        message: e.opt_str("message")?,
        details: e.opt_str("details")?.or(data_details),
        href: e.opt_str("href")?,
    })
}
