//! Meta's rules for the free-form message objects (everything but `template`).
//!
//! - text: `body` 1..=4096 characters.
//! - interactive `button`: `body.text` 1..=1024, 1-3 `action.buttons` of
//!   `{type:"reply", reply:{id (1..=256), title (1..=20)}}`, titles and ids unique; header text and
//!   footer ≤ 60. `list`: `action.button` 1..=20, 1-10 sections, 1-10 rows in all, row title
//!   ≤ 24, description ≤ 72. `cta_url`: `display_text` 1..=20 and a `url`. Other interactive
//!   types (flow, product, ...) pass unchecked.
//! - media (image, video, audio, document, sticker): see [`super::media`].
//! - location: numeric `latitude` and `longitude`; contacts: a non-empty array; reaction:
//!   `message_id` and `emoji`.
//!
//! Missing values answer 131008, invalid ones 131009.

use serde_json::Value;

use super::errors::{ApiError, invalid_value, missing_parameter};
use super::media;

/// Checks the object of a free-form message of type `kind`.
pub fn free_form(kind: &str, object: &Value) -> Result<(), ApiError> {
    match kind {
        "text" => text(object),
        "interactive" => interactive(object),
        "image" | "video" | "audio" | "document" | "sticker" => media::check(kind, object),
        "location" => location(object),
        "contacts" => match object.as_array() {
            Some(list) if !list.is_empty() && list.iter().all(Value::is_object) => Ok(()),
            _ => Err(invalid_value("Parameter 'contacts' must be a non-empty array of contact objects")),
        },
        "reaction" => {
            required_str(object, "message_id", "reaction.message_id", 1, usize::MAX)?;
            match object.get("emoji") {
                Some(Value::String(_)) => Ok(()),
                _ => Err(missing_parameter("Parameter 'reaction.emoji' is required")),
            }
        }
        _ => Err(invalid_value(format!("Unsupported message type {kind}"))),
    }
}

/// The string at `key`, checked to be `min..=max` characters long.
pub(super) fn required_str<'a>(
    object: &'a Value,
    key: &str,
    label: &str,
    min: usize,
    max: usize,
) -> Result<&'a str, ApiError> {
    match object.get(key) {
        None | Some(Value::Null) => Err(missing_parameter(format!("Parameter '{label}' is required"))),
        Some(Value::String(s)) if s.is_empty() && min > 0 => {
            Err(missing_parameter(format!("Parameter '{label}' is required")))
        }
        Some(Value::String(s)) => {
            let len = s.chars().count();
            if len < min || len > max {
                Err(invalid_value(format!(
                    "Parameter '{label}' must be {min} to {max} characters long; it has {len}"
                )))
            } else {
                Ok(s)
            }
        }
        Some(other) => Err(invalid_value(format!("Parameter '{label}' must be a string; got {other}"))),
    }
}

/// Like [`required_str`], but absence is fine.
pub(super) fn optional_str(object: &Value, key: &str, label: &str, max: usize) -> Result<(), ApiError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(()),
        Some(_) => required_str(object, key, label, 0, max).map(|_| ()),
    }
}

fn text(object: &Value) -> Result<(), ApiError> {
    required_str(object, "body", "text.body", 1, 4096)?;
    match object.get("preview_url") {
        None | Some(Value::Bool(_)) => Ok(()),
        Some(_) => Err(invalid_value("Parameter 'text.preview_url' must be a boolean")),
    }
}

fn interactive(object: &Value) -> Result<(), ApiError> {
    let kind = required_str(object, "type", "interactive.type", 1, 64)?;
    let empty = Value::Null;
    let body = object.get("body").unwrap_or(&empty);
    let action = object.get("action").unwrap_or(&empty);
    if let Some(header) =
        object.get("header").filter(|h| h.get("type").and_then(Value::as_str) == Some("text"))
    {
        required_str(header, "text", "interactive.header.text", 1, 60)?;
    }
    if let Some(footer) = object.get("footer") {
        optional_str(footer, "text", "interactive.footer.text", 60)?;
    }
    match kind {
        "button" => {
            required_str(body, "text", "interactive.body.text", 1, 1024)?;
            let Some(buttons) = action.get("buttons").and_then(Value::as_array) else {
                return Err(missing_parameter("Parameter 'interactive.action.buttons' is required"));
            };
            if buttons.is_empty() || buttons.len() > 3 {
                let n = buttons.len();
                return Err(invalid_value(format!(
                    "interactive.action.buttons must have 1 to 3 buttons; it has {n}"
                )));
            }
            let mut seen: Vec<(&str, &str)> = Vec::new();
            for (i, button) in buttons.iter().enumerate() {
                if button.get("type").and_then(Value::as_str) != Some("reply") {
                    return Err(invalid_value(format!(
                        "interactive.action.buttons[{i}].type must be \"reply\""
                    )));
                }
                let reply = button.get("reply").unwrap_or(&empty);
                let id = required_str(reply, "id", &format!("buttons[{i}].reply.id"), 1, 256)?;
                let title = required_str(reply, "title", &format!("buttons[{i}].reply.title"), 1, 20)?;
                if seen.iter().any(|(seen_id, seen_title)| *seen_id == id || *seen_title == title) {
                    return Err(invalid_value(format!(
                        "Button titles and ids must be unique; buttons[{i}] repeats one"
                    )));
                }
                seen.push((id, title));
            }
            Ok(())
        }
        "list" => {
            required_str(body, "text", "interactive.body.text", 1, 1024)?;
            required_str(action, "button", "interactive.action.button", 1, 20)?;
            let sections = action.get("sections").and_then(Value::as_array).cloned().unwrap_or_default();
            if sections.is_empty() || sections.len() > 10 {
                return Err(invalid_value("interactive.action.sections must have 1 to 10 sections"));
            }
            let mut rows = 0;
            for section in &sections {
                if sections.len() > 1 {
                    required_str(section, "title", "sections[].title", 1, 24)?;
                } else {
                    optional_str(section, "title", "sections[].title", 24)?;
                }
                for row in section.get("rows").and_then(Value::as_array).into_iter().flatten() {
                    rows += 1;
                    required_str(row, "id", "rows[].id", 1, 200)?;
                    required_str(row, "title", "rows[].title", 1, 24)?;
                    optional_str(row, "description", "rows[].description", 72)?;
                }
            }
            if rows == 0 || rows > 10 {
                return Err(invalid_value(format!(
                    "A list message needs 1 to 10 rows in all; it has {rows}"
                )));
            }
            Ok(())
        }
        "cta_url" => {
            let parameters = action.get("parameters").unwrap_or(&empty);
            required_str(parameters, "display_text", "interactive.action.parameters.display_text", 1, 20)?;
            required_str(parameters, "url", "interactive.action.parameters.url", 1, 2000)?;
            Ok(())
        }
        "flow"
        | "product"
        | "product_list"
        | "catalog_message"
        | "location_request_message"
        | "address_message"
        | "call_permission_request" => Ok(()),
        other => Err(invalid_value(format!("Unsupported interactive type \"{other}\""))),
    }
}

fn location(object: &Value) -> Result<(), ApiError> {
    for key in ["latitude", "longitude"] {
        let value = object.get(key);
        let numeric = match value {
            Some(Value::Number(_)) => true,
            Some(Value::String(s)) => s.trim().parse::<f64>().is_ok(),
            _ => false,
        };
        if value.is_none() {
            return Err(missing_parameter(format!("Parameter 'location.{key}' is required")));
        }
        if !numeric {
            return Err(invalid_value(format!("Parameter 'location.{key}' must be a number")));
        }
    }
    Ok(())
}
