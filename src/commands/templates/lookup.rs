//! Finding one template by name (and language) for `show`, `status` and `delete`.

use serde_json::Value;

use crate::api::Client;
use crate::error::{Error, Result};

/// The template's language, for messages.
pub fn language_of(template: &Value) -> &str {
    template.get("language").and_then(Value::as_str).unwrap_or("?")
}

/// Exactly one template: exit 1 when there is none, 2 when several languages need `--language`.
pub async fn one(client: &Client, name: &str, language: Option<&str>) -> Result<Value> {
    let mut found = client.find_templates(name, language).await?;
    match found.len() {
        0 => Err(not_found(name, language)),
        1 => Ok(found.remove(0)),
        _ => {
            let languages: Vec<&str> = found.iter().map(language_of).collect();
            Err(Error::usage(format!(
                "template '{name}' exists in {} languages: {}",
                languages.len(),
                languages.join(", ")
            ))
            .with_hint(format!("pick one with --language, e.g. --language {}", languages[0])))
        }
    }
}

/// No template by that name (in that language).
pub fn not_found(name: &str, language: Option<&str>) -> Error {
    let what = match language {
        Some(language) => format!("no template '{name}' in language {language}"),
        None => format!("no template named '{name}'"),
    };
    Error::failed(what).with_hint("see `whatsapp-ctl templates list` for the names and languages there are")
}

/// The lower-case status (the API's wire format is lower case; Meta's upper case also appears).
pub fn status_of(template: &Value) -> String {
    template.get("status").and_then(Value::as_str).unwrap_or("unknown").to_lowercase()
}

/// The rejection reason when there is a real one.
pub fn rejected_reason(template: &Value) -> Option<&str> {
    template
        .get("rejected_reason")
        .and_then(Value::as_str)
        .filter(|r| !r.is_empty() && !r.eq_ignore_ascii_case("none"))
}
