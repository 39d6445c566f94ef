//! Request bodies for sending messages, per API flavour: Cloud `POST /messages` carries
//! `"messaging_product":"whatsapp"`, on-premise `POST /v1/messages` does not; both name
//! `recipient_type`, `to`, `type` and the object of that type. Text, reply buttons (or the
//! numbered-list text that replaces more than three), media and the plain-text link that replaces
//! refused media live here; template messages in [`template`]. Pure: no I/O.

pub mod template;
#[cfg(test)]
mod tests;

use serde_json::{Map, Value, json};

use crate::api::Flavour;

/// Most reply buttons an interactive message may have.
pub const MAX_BUTTONS: usize = 3;
/// Most characters in a reply button's title.
pub const BUTTON_TITLE_LIMIT: usize = 20;
/// Most characters in an interactive message's body.
pub const INTERACTIVE_BODY_LIMIT: usize = 1024;
/// Most characters in a media caption.
pub const CAPTION_LIMIT: usize = 1024;

/// `{messaging_product (Cloud), recipient_type, to, type, <type>: object}`.
pub fn envelope(flavour: Flavour, to: &str, kind: &str, object: Value) -> Value {
    let mut body = Map::new();
    if flavour == Flavour::Cloud {
        body.insert("messaging_product".into(), json!("whatsapp"));
    }
    body.insert("recipient_type".into(), json!("individual"));
    body.insert("to".into(), json!(to));
    body.insert("type".into(), json!(kind));
    body.insert(kind.into(), object);
    Value::Object(body)
}

/// A text message (at most [`crate::split::TEXT_LIMIT`] characters; split longer ones first).
pub fn text(flavour: Flavour, to: &str, body: &str, preview_url: bool) -> Value {
    envelope(flavour, to, "text", json!({"body": body, "preview_url": preview_url}))
}

/// How a set of buttons can be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ButtonsPlan {
    /// As interactive reply buttons.
    Interactive,
    /// As one text with a numbered list, for the reason given.
    NumberedList { reason: String },
}

/// Buttons that cannot be sent either way.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ButtonsError {
    #[error("the message text is empty")]
    EmptyText,
    #[error("button {0} has an empty label")]
    EmptyLabel(usize),
    #[error("button {later} repeats the label of button {first} ({label:?}); labels must differ")]
    Duplicate { first: usize, later: usize, label: String },
    #[error("the numbered list is {0} characters long; a text message holds at most 4096")]
    TooLong(usize),
}

/// Decides between reply buttons and the numbered-list text (the seed's rule: more than three
/// buttons go as a numbered list; so do titles over 20 characters and a body over 1024).
pub fn plan_buttons(text: &str, labels: &[String]) -> Result<ButtonsPlan, ButtonsError> {
    if text.trim().is_empty() {
        return Err(ButtonsError::EmptyText);
    }
    for (i, label) in labels.iter().enumerate() {
        if label.trim().is_empty() {
            return Err(ButtonsError::EmptyLabel(i + 1));
        }
        if let Some(first) = labels[..i].iter().position(|l| l.trim() == label.trim()) {
            return Err(ButtonsError::Duplicate { first: first + 1, later: i + 1, label: label.clone() });
        }
    }
    let reason = if labels.len() > MAX_BUTTONS {
        Some(format!("{} buttons, more than the {MAX_BUTTONS} WhatsApp shows as buttons", labels.len()))
    } else if let Some(long) = labels.iter().find(|l| l.trim().chars().count() > BUTTON_TITLE_LIMIT) {
        let n = long.trim().chars().count();
        Some(format!("the label {long:?} has {n} characters, more than the {BUTTON_TITLE_LIMIT} of a button"))
    } else if text.chars().count() > INTERACTIVE_BODY_LIMIT {
        let n = text.chars().count();
        Some(format!(
            "the text has {n} characters, more than the {INTERACTIVE_BODY_LIMIT} of a button message"
        ))
    } else {
        None
    };
    match reason {
        None => Ok(ButtonsPlan::Interactive),
        Some(reason) => {
            let length = numbered_list(text, labels).chars().count();
            if length > crate::split::TEXT_LIMIT {
                return Err(ButtonsError::TooLong(length));
            }
            Ok(ButtonsPlan::NumberedList { reason })
        }
    }
}

/// Interactive reply buttons; button ids are `"1"`, `"2"`, `"3"`, the numbers the numbered
/// list would show.
pub fn buttons(flavour: Flavour, to: &str, text: &str, labels: &[String]) -> Value {
    let buttons: Vec<Value> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| json!({"type": "reply", "reply": {"id": (i + 1).to_string(), "title": label.trim()}}))
        .collect();
    let object = json!({"type": "button", "body": {"text": text}, "action": {"buttons": buttons}});
    envelope(flavour, to, "interactive", object)
}

/// The text that replaces buttons: the message, a blank line, then `1. label` per button.
pub fn numbered_list(text: &str, labels: &[String]) -> String {
    let items: Vec<String> =
        labels.iter().enumerate().map(|(i, label)| format!("{}. {}", i + 1, label.trim())).collect();
    format!("{}\n\n{}", text.trim_end(), items.join("\n"))
}

/// The kinds of media message `send media` sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    Image,
    Video,
    Audio,
    Document,
}

impl MediaKind {
    /// The message `type`.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Document => "document",
        }
    }
}

/// A media message by link; `caption` is not allowed for audio, `filename` only for documents
/// (callers check; both are left out when `None`).
pub fn media(
    flavour: Flavour,
    to: &str,
    kind: MediaKind,
    link: &str,
    caption: Option<&str>,
    filename: Option<&str>,
) -> Value {
    let mut object = Map::new();
    object.insert("link".into(), json!(link));
    if let Some(caption) = caption {
        object.insert("caption".into(), json!(caption));
    }
    if let Some(filename) = filename {
        object.insert("filename".into(), json!(filename));
    }
    envelope(flavour, to, kind.as_str(), Value::Object(object))
}

/// The plain text sent instead of refused media: the caption (else the file name) on the
/// first line, then the link.
pub fn link_text(link: &str, caption: Option<&str>, filename: Option<&str>) -> String {
    match caption.or(filename).map(str::trim).filter(|t| !t.is_empty()) {
        Some(label) => format!("{label}\n{link}"),
        None => link.to_owned(),
    }
}

/// Whether a refusal of a media message is about the media (so its link can go as text):
/// Cloud 131053 media upload error, 131052 media download error, 131051 unsupported type,
/// 131009 / 100 invalid parameter; on-premise 2008 media format unsupported, 400 media
/// download error, 1009 invalid parameter.
pub fn is_media_refusal(flavour: Flavour, code: Option<i64>) -> bool {
    let Some(code) = code else { return false };
    match flavour {
        Flavour::Cloud => matches!(code, 131053 | 131052 | 131051 | 131009 | 100),
        Flavour::OnPremise => matches!(code, 2008 | 400 | 1009 | 131053),
    }
}
