//! The `message` object of a message event: type, id, timestamp and the useful content of each
//! message type (text, media, location, contacts, interactive replies, buttons, reactions, ...).

use serde_json::Value;

use super::json::Obj;
use super::value::error_details;
use super::{Location, Message, ParseError, SharedContact, iso_time};

/// Media message types; their sub-object carries the media id.
const MEDIA_KINDS: [&str; 6] = ["image", "video", "audio", "document", "sticker", "voice"];

/// Keys of `Message` itself: a raw sub-object of an unknown type with one of these names is kept
/// under `raw` instead, so the JSON object never has a key twice.
const RESERVED: [&str; 28] = [
    "type",
    "id",
    "timestamp",
    "time",
    "text",
    "file",
    "media_id",
    "media_url",
    "url",
    "sha256",
    "voice",
    "animated",
    "media_status",
    "media_path",
    "caption",
    "filename",
    "mime_type",
    "location",
    "contacts",
    "interactive_type",
    "reply_id",
    "description",
    "response_json",
    "payload",
    "emoji",
    "reacted_message_id",
    "context",
    "errors",
];

/// Reads one `messages[i]` object; `media_url` turns a media id into its download URL. A message
/// that carries `errors` may lack the sub-object of its type (WhatsApp could not read it).
pub(super) fn message(msg: &Obj<'_>, media_url: &dyn Fn(&str) -> String) -> Result<Message, ParseError> {
    let kind = msg.str("type")?;
    let timestamp = msg.id("timestamp")?;
    let mut out = Message {
        kind: kind.clone(),
        id: msg.id("id")?,
        time: iso_time(&timestamp),
        timestamp,
        ..Message::default()
    };
    let errors = error_details(&msg.objects("errors")?)?;
    let content_lost = msg.get(&kind).is_none() && !errors.is_empty();
    match kind.as_str() {
        _ if content_lost => {}
        "text" => out.text = Some(msg.obj("text")?.str("body")?),
        k if MEDIA_KINDS.contains(&k) => media(&mut out, &msg.obj(k)?, k, media_url)?,
        "location" => location(&mut out, &msg.obj("location")?)?,
        "contacts" => contacts(&mut out, &msg.req_objects("contacts")?)?,
        "interactive" => interactive(&mut out, msg)?,
        "button" => {
            let button = msg.obj("button")?;
            out.text = button.opt_str("text")?;
            out.payload = button.opt_str("payload")?;
        }
        "reaction" => {
            let reaction = msg.obj("reaction")?;
            out.emoji = reaction.opt_str("emoji")?;
            out.reacted_message_id = reaction.opt_id("message_id")?;
            out.text.clone_from(&out.emoji);
        }
        other => keep_raw(&mut out, msg, other),
    }
    if msg.opt_obj("context")?.is_some() {
        out.context = msg.get("context").cloned();
    }
    if let Some(referral) = msg.get("referral") {
        out.raw.insert("referral".to_owned(), referral.clone());
    }
    out.errors = (!errors.is_empty()).then_some(errors);
    Ok(out)
}

fn media(
    out: &mut Message,
    sub: &Obj<'_>,
    kind: &str,
    media_url: &dyn Fn(&str) -> String,
) -> Result<(), ParseError> {
    // On-premise media not downloaded yet comes with `"status": "undownloaded"` and no id.
    out.media_status = sub.opt_str("status")?;
    match sub.opt_id("id")? {
        Some(id) => {
            let url = media_url(&id);
            out.file = Some(format!("file:{kind}|{id}|{url}"));
            out.media_url = Some(url);
            out.media_id = Some(id);
        }
        None if out.media_status.is_some() => {}
        None => return Err(ParseError::Missing { path: sub.at("id") }),
    }
    out.url = sub.opt_str("url")?;
    out.sha256 = sub.opt_str("sha256")?;
    out.voice = sub.opt_bool("voice")?;
    out.animated = sub.opt_bool("animated")?;
    out.caption = sub.opt_str("caption")?;
    out.filename = sub.opt_str("filename")?;
    out.mime_type = sub.opt_str("mime_type")?;
    Ok(())
}

fn location(out: &mut Message, sub: &Obj<'_>) -> Result<(), ParseError> {
    let place = Location {
        latitude: sub.number("latitude")?,
        longitude: sub.number("longitude")?,
        name: sub.opt_str("name")?,
        address: sub.opt_str("address")?,
        url: sub.opt_str("url")?,
    };
    let mut text = format!("{}, {}", place.latitude, place.longitude);
    let label: Vec<&str> = [&place.name, &place.address]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if !label.is_empty() {
        text.push_str(&format!(" ({})", label.join(", ")));
    }
    out.text = Some(text);
    out.location = Some(place);
    Ok(())
}

fn contacts(out: &mut Message, cards: &[Obj<'_>]) -> Result<(), ParseError> {
    let mut shared = Vec::with_capacity(cards.len());
    for card in cards {
        let name = match card.opt_obj("name")? {
            None => None,
            Some(name) => match name.opt_str("formatted_name")? {
                Some(formatted) => Some(formatted),
                None => {
                    let parts = [name.opt_str("first_name")?, name.opt_str("last_name")?];
                    let joined = parts.into_iter().flatten().collect::<Vec<_>>().join(" ");
                    (!joined.is_empty()).then_some(joined)
                }
            },
        };
        let mut phones = Vec::new();
        for phone in card.objects("phones")? {
            if let Some(number) = phone.opt_id("phone")?.or(phone.opt_id("wa_id")?) {
                phones.push(number);
            }
        }
        shared.push(SharedContact { name, phones });
    }
    let summary: Vec<String> = shared
        .iter()
        .map(|c| match (&c.name, c.phones.is_empty()) {
            (Some(name), true) => name.clone(),
            (Some(name), false) => format!("{name} ({})", c.phones.join(", ")),
            (None, _) => c.phones.join(", "),
        })
        .filter(|s| !s.is_empty())
        .collect();
    out.text = (!summary.is_empty()).then(|| summary.join("; "));
    out.contacts = Some(shared);
    Ok(())
}

fn interactive(out: &mut Message, msg: &Obj<'_>) -> Result<(), ParseError> {
    let sub = msg.obj("interactive")?;
    let kind = sub.str("type")?;
    match kind.as_str() {
        "button_reply" | "list_reply" => {
            let reply = sub.obj(&kind)?;
            out.reply_id = Some(reply.id("id")?);
            out.text = Some(reply.str("title")?);
            out.description = reply.opt_str("description")?;
        }
        "nfm_reply" => {
            let reply = sub.obj("nfm_reply")?;
            out.response_json = reply.get("response_json").map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            out.text = reply.opt_str("body")?.or_else(|| out.response_json.clone());
        }
        _ => keep_raw(out, msg, "interactive"),
    }
    out.interactive_type = Some(kind);
    Ok(())
}

/// Order, system, referral, unsupported and unknown types: the sub-object named after the type is
/// kept as it came, and its `body` or `text` (or the value itself, when a string) becomes the text.
fn keep_raw(out: &mut Message, msg: &Obj<'_>, key: &str) {
    let Some(sub) = msg.get(key) else { return };
    out.text = match sub {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => {
            ["body", "text"].iter().find_map(|k| map.get(*k).and_then(Value::as_str)).map(str::to_owned)
        }
        _ => None,
    };
    let name = if RESERVED.contains(&key) { "raw" } else { key };
    out.raw.insert(name.to_owned(), sub.clone());
}
