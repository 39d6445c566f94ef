//! Conversational components: `GET /conversational_automation` answers
//! `{"conversational_automation":{"enable_welcome_message","prompts","commands"},"id"}` (as
//! Graph's `?fields=conversational_automation`); `POST` takes Meta's
//! `ConversationalAutomationRequest` (at most 3 prompts of 80 characters, at most 30 commands of
//! `{command_name: [A-Za-z0-9_]{1,30}, command_description: ≤ 256}`, nothing else) and merges it.

use serde_json::{Map, Value, json};

use super::errors::{ApiError, MetaError};
use super::store::Store;

/// The endpoint's path.
pub const PATH: &str = "/conversational_automation";

fn invalid(details: String) -> ApiError {
    MetaError::new(400, 100, "Invalid parameter").details(details).into()
}

/// `GET`.
pub fn get(store: &Store) -> Result<Value, ApiError> {
    let state = store.read()?;
    let mut current = json!({"enable_welcome_message": false, "prompts": [], "commands": []});
    for (key, value) in &state.automation {
        current[key] = value.clone();
    }
    Ok(json!({"conversational_automation": current, "id": state.phone_number_id}))
}

/// `POST`.
pub fn set(store: &Store, body: &[u8]) -> Result<Value, ApiError> {
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) else {
        return Err(invalid("The request body must be a JSON object.".into()));
    };
    check(&fields)?;
    store.mutate(|state| {
        state.automation.extend(fields);
        Ok::<_, ApiError>(())
    })?;
    Ok(json!({"success": true}))
}

fn check(fields: &Map<String, Value>) -> Result<(), ApiError> {
    for (key, value) in fields {
        match key.as_str() {
            "enable_welcome_message" if value.is_boolean() => {}
            "prompts" => {
                let list =
                    value.as_array().ok_or_else(|| invalid("Param prompts must be an array".into()))?;
                if list.len() > 3 {
                    return Err(invalid(format!(
                        "Param prompts must have at most 3 entries; got {}",
                        list.len()
                    )));
                }
                if list.iter().any(|p| p.as_str().is_none_or(|p| p.chars().count() > 80)) {
                    return Err(invalid("Param prompts[] must be strings of at most 80 characters".into()));
                }
            }
            "commands" => {
                let list =
                    value.as_array().ok_or_else(|| invalid("Param commands must be an array".into()))?;
                if list.len() > 30 {
                    return Err(invalid(format!(
                        "Param commands must have at most 30 entries; got {}",
                        list.len()
                    )));
                }
                for command in list {
                    let name = command.get("command_name").and_then(Value::as_str).unwrap_or_default();
                    let description = command.get("command_description").and_then(Value::as_str);
                    let extra = command.as_object().is_some_and(|o| o.len() != 2);
                    let name_ok = (1..=30).contains(&name.len())
                        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                    if !name_ok || description.is_none_or(|d| d.chars().count() > 256) || extra {
                        return Err(invalid(format!(
                            "Invalid command {command}: command_name must match ^[a-zA-Z0-9_]+$ (at most 30) and command_description be at most 256 characters"
                        )));
                    }
                }
            }
            other => {
                return Err(invalid(format!(
                    "Unknown or invalid field '{other}' in conversational_automation"
                )));
            }
        }
    }
    Ok(())
}
