//! `POST /v1/configs/templates` and `DELETE /v1/configs/templates/{name}`, and how a stored
//! template is rendered in API answers.
//!
//! Creation refuses synchronously, like Meta, with code 100: a name not matching
//! `^[a-z0-9_]+$` or longer than 512, a category other than MARKETING / UTILITY /
//! AUTHENTICATION (case-insensitive; stored upper-case), a missing language or one not shaped
//! that Meta supports (`crate::template::is_known_language`), components that are not an array or lack a BODY, and a
//! name + language that already exists (subcode 2388024), and a name whose approved template was
//! deleted less than 30 days ago (subcode 2388023, as Meta). Everything else is left to review,
//! re-created names included: they start again as `submitted`.
//!
//! Deletion is by name and removes every language; due reviews of that name are decided first,
//! so a template that is approved by now locks its name when deleted.

use std::time::Duration;

use serde_json::{Map, Value, json};

use super::errors::{ApiError, MetaError, invalid_parameter};
use super::review;
use super::state::{StateData, StoredTemplate};
use super::store::Store;
use super::util::{now_ms, random_alnum, rfc3339};
use crate::template::CATEGORIES;

/// Longest accepted template name.
pub const MAX_NAME_LEN: usize = 512;

/// How long a deleted approved name stays locked (Meta: 30 days), in milliseconds.
pub const NAME_LOCK_MS: u64 = 30 * 24 * 60 * 60 * 1000;

/// Statuses whose deletion locks the name.
const LOCKING_STATUSES: [&str; 2] = ["approved", "paused"];

/// A stored template as the list endpoint shows it: the submitted body plus 360dialog's fields.
pub fn render(template: &StoredTemplate, state: &StateData) -> Value {
    let mut object = template.body.clone();
    let approved = template.status == "approved";
    let fields = [
        ("id", json!(template.id)),
        ("name", json!(template.name)),
        ("language", json!(template.language)),
        ("namespace", json!(state.namespace)),
        ("status", json!(template.status)),
        ("rejected_reason", json!(template.rejected_reason.as_deref().unwrap_or("NONE"))),
        ("quality_score", json!({"score": if approved { "GREEN" } else { "UNKNOWN" }, "reasons": null})),
        ("partner_id", json!(state.partner_id)),
        ("waba_account_id", json!(state.waba_account_id)),
        ("created_at", json!(rfc3339(template.created_at))),
        ("created_by", json!({"user_id": "system", "user_name": "system"})),
        ("modified_at", json!(rfc3339(template.modified_at))),
        ("modified_by", json!({"user_id": "system", "user_name": "system"})),
    ];
    for (key, value) in fields {
        object.insert(key.into(), value);
    }
    if let Some(detail) = &template.rejected_detail {
        object.insert("rejected_detail".into(), json!(detail));
    }
    Value::Object(object)
}

/// Checks and stores a new template; answers like 360dialog's create call.
pub fn create(store: &Store, review_delay: Duration, body: &[u8]) -> Result<Value, ApiError> {
    let mut submitted = parse_object(body)?;
    let (name, language) = check(&mut submitted)?;
    let now = now_ms();
    let delay = u64::try_from(review_delay.as_millis()).unwrap_or(u64::MAX);
    store.mutate(|state| {
        if state.templates.iter().any(|t| t.name == name && t.language == language) {
            return Err(duplicate(&name, &language));
        }
        state.locked_names.retain(|_, until| *until > now);
        if state.locked_names.contains_key(&name) {
            return Err(name_locked(&name, &language));
        }
        state.next_seq += 1;
        let template = StoredTemplate {
            id: format!("{:06}{}", state.next_seq, random_alnum(16)),
            name: name.clone(),
            language: language.clone(),
            body: submitted.clone(),
            status: "submitted".into(),
            rejected_reason: None,
            rejected_detail: None,
            created_at: now,
            modified_at: now,
            review_at: now.saturating_add(delay),
        };
        let answer = json!({
            "id": template.id,
            "name": name,
            "language": language,
            "category": submitted.get("category"),
            "components": submitted.get("components"),
            "status": "submitted",
            "namespace": state.namespace,
            "rejected_reason": null,
        });
        state.templates.push(template);
        Ok(answer)
    })
}

/// Deletes every language of the template `name`.
pub fn delete(store: &Store, name: &str) -> Result<Value, ApiError> {
    let now = now_ms();
    store.mutate(|state| {
        for template in state.templates.iter_mut().filter(|t| t.name == name && review::is_due(t, now)) {
            review::decide(template, now);
        }
        let locks =
            state.templates.iter().any(|t| t.name == name && LOCKING_STATUSES.contains(&t.status.as_str()));
        let before = state.templates.len();
        state.templates.retain(|t| t.name != name);
        let removed = before - state.templates.len();
        if removed == 0 {
            let message = format!("No message template named \"{name}\" exists in this account.");
            return Err(MetaError::new(404, 100, "Invalid parameter")
                .user("Message Template Not Found", message)
                .into());
        }
        if locks {
            state.locked_names.insert(name.to_owned(), now.saturating_add(NAME_LOCK_MS));
        }
        Ok(json!({"meta": {"success": true, "http_code": 200}, "deleted": removed}))
    })
}

fn parse_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(object)) => Ok(object),
        _ => Err(invalid_parameter("Invalid Request Body", "The request body must be a JSON object.")),
    }
}

/// Synchronous checks; returns the name and language and normalises the category.
fn check(body: &mut Map<String, Value>) -> Result<(String, String), ApiError> {
    let name = body.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
    if name.is_empty() {
        return Err(invalid_parameter("Missing Template Name", "A template name is required."));
    }
    let valid = name.len() <= MAX_NAME_LEN
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !valid {
        let message = format!(
            "The template name \"{name}\" is invalid: use only lowercase letters, digits and underscores, at most {MAX_NAME_LEN} characters."
        );
        return Err(invalid_parameter("Invalid Template Name", message));
    }
    let category = body.get("category").and_then(Value::as_str).unwrap_or_default().to_ascii_uppercase();
    if !CATEGORIES.contains(&category.as_str()) {
        let message = format!("The category must be one of {}.", CATEGORIES.join(", "));
        return Err(invalid_parameter("Invalid Template Category", message));
    }
    body.insert("category".into(), json!(category));
    let language = body.get("language").and_then(Value::as_str).unwrap_or_default().to_string();
    if language.is_empty() {
        return Err(invalid_parameter("Missing Language", "A template language is required."));
    }
    if !crate::template::is_known_language(&language) {
        let message =
            format!("The language \"{language}\" is not a supported language code (e.g. en, en_US).");
        return Err(invalid_parameter("Invalid Language", message));
    }
    let components = body.get("components").and_then(Value::as_array);
    let has_body = components
        .into_iter()
        .flatten()
        .any(|c| c.get("type").and_then(Value::as_str).is_some_and(|t| t.eq_ignore_ascii_case("BODY")));
    if !has_body {
        return Err(invalid_parameter(
            "Missing Body Component",
            "The template needs a components array with a BODY component.",
        ));
    }
    Ok((name, language))
}

fn duplicate(name: &str, language: &str) -> ApiError {
    let message = format!(
        "There is already {language} content for the template \"{name}\". Delete it or create a new template and try again."
    );
    MetaError::new(400, 100, "Invalid parameter")
        .subcode(2388024)
        .user("Content in This Language Already Exists", message)
        .into()
}

/// Meta's answer to re-using the name of a deleted approved template within 30 days.
fn name_locked(name: &str, language: &str) -> ApiError {
    let message = format!(
        "New {language} content can't be added to \"{name}\" while its existing content is being deleted. Try again in 4 weeks or create a message template with a new name."
    );
    MetaError::new(400, 100, "Invalid parameter")
        .subcode(2388023)
        .user("Message Template Content Is Being Deleted", message)
        .into()
}
