//! The business profile. Cloud `GET /whatsapp_business_profile` answers `{"data":[{...}]}` with
//! the fields flat (as Graph does); `POST` takes Meta's `WhatsAppBusinessProfileUpdateRequest`
//! (`messaging_product` required; about 1-139, address 256, description 256, email 128 and an
//! address, websites at most 2 of 256 and http(s), vertical from `WhatsAppBusinessVertical`; any
//! other field is refused) and answers `{"success":true}`. On-premise:
//! `GET|PATCH /v1/settings/business/profile` and `GET|PATCH /v1/settings/profile/about`.

use serde_json::{Map, Value, json};

use super::errors::{ApiError, MetaError};
use super::store::Store;

/// Meta's `WhatsAppBusinessVertical`.
pub const VERTICALS: [&str; 21] = [
    "OTHER",
    "AUTO",
    "BEAUTY",
    "APPAREL",
    "EDU",
    "ENTERTAIN",
    "EVENT_PLAN",
    "FINANCE",
    "GROCERY",
    "GOVT",
    "HOTEL",
    "HEALTH",
    "NONPROFIT",
    "PROF_SERVICES",
    "RETAIL",
    "TRAVEL",
    "RESTAURANT",
    "ALCOHOL",
    "ONLINE_GAMBLING",
    "PHYSICAL_GAMBLING",
    "OTC_DRUGS",
];

const FIELDS: [&str; 7] =
    ["about", "address", "description", "email", "websites", "vertical", "profile_picture_handle"];

/// Whether `method path` is a profile endpoint.
pub fn is_path(method: &str, path: &str) -> bool {
    matches!(
        (method, path),
        ("GET" | "POST", "/whatsapp_business_profile")
            | ("GET" | "PATCH" | "POST", "/v1/settings/business/profile" | "/v1/settings/profile/about")
    )
}

/// Answers a profile request, or `None` when the path is not a profile path.
pub fn handle(store: &Store, method: &str, path: &str, body: &[u8]) -> Option<Result<Value, ApiError>> {
    Some(match (method, path) {
        ("GET", "/whatsapp_business_profile") => get(store),
        ("POST", "/whatsapp_business_profile") => set(store, body, true),
        ("GET", "/v1/settings/business/profile") => store.read().map_err(ApiError::from).map(|state| {
            let mut profile = state.profile.clone();
            profile.remove("about");
            json!({"settings": {"business": {"profile": profile}}, "meta": {"api_status": "stable"}})
        }),
        ("PATCH" | "POST", "/v1/settings/business/profile") => set(store, body, false),
        ("GET", "/v1/settings/profile/about") => store.read().map_err(ApiError::from).map(|state| {
            let text = state.profile.get("about").cloned().unwrap_or(Value::String(String::new()));
            json!({"settings": {"profile": {"about": {"text": text}}}, "meta": {"api_status": "stable"}})
        }),
        ("PATCH" | "POST", "/v1/settings/profile/about") => set_about(store, body),
        _ => return None,
    })
}

fn get(store: &Store) -> Result<Value, ApiError> {
    let state = store.read()?;
    let mut profile = state.profile.clone();
    profile.remove("profile_picture_handle");
    profile.insert("messaging_product".into(), json!("whatsapp"));
    profile.entry("profile_picture_url").or_insert(json!("https://pps.whatsapp.net/v/emulator.jpg"));
    Ok(json!({"data": [profile]}))
}

fn invalid(details: String) -> ApiError {
    MetaError::new(400, 100, "Invalid parameter").details(details).into()
}

fn set(store: &Store, body: &[u8], cloud: bool) -> Result<Value, ApiError> {
    let Ok(Value::Object(mut fields)) = serde_json::from_slice::<Value>(body) else {
        return Err(invalid("The request body must be a JSON object.".into()));
    };
    if cloud && fields.remove("messaging_product") != Some(json!("whatsapp")) {
        return Err(MetaError::new(400, 100, "The parameter messaging_product is required.").into());
    }
    check(&fields, cloud)?;
    store.mutate(|state| {
        for (key, value) in fields {
            state.profile.insert(key, value);
        }
        Ok::<_, ApiError>(())
    })?;
    Ok(if cloud { json!({"success": true}) } else { json!({"meta": {"api_status": "stable"}}) })
}

fn set_about(store: &Store, body: &[u8]) -> Result<Value, ApiError> {
    let text = serde_json::from_slice::<Value>(body).ok().and_then(|v| v.get("text").cloned());
    let mut fields = Map::new();
    fields.insert("about".into(), text.unwrap_or(Value::Null));
    check(&fields, true)?;
    store.mutate(|state| {
        state.profile.extend(fields);
        Ok::<_, ApiError>(())
    })?;
    Ok(json!({"meta": {"api_status": "stable"}}))
}

/// Checks the fields against `WhatsAppBusinessProfileUpdateRequest` (on-premise: no `about`).
fn check(fields: &Map<String, Value>, about_allowed: bool) -> Result<(), ApiError> {
    for (key, value) in fields {
        if !FIELDS.contains(&key.as_str()) || (key == "about" && !about_allowed) {
            return Err(invalid(format!("Unknown field '{key}' in the business profile update")));
        }
        match key.as_str() {
            "websites" => websites(value)?,
            "vertical" => {
                if !value.as_str().is_some_and(|v| VERTICALS.contains(&v)) {
                    return Err(invalid(format!(
                        "Param vertical must be one of {{{}}}",
                        VERTICALS.join(", ")
                    )));
                }
            }
            "email" => {
                let email = text(value, key, 0, 128)?;
                if !email.is_empty() && !valid_email(email) {
                    return Err(invalid(format!("Param email must be a valid email address; got {email:?}")));
                }
            }
            "about" => drop(text(value, key, 1, 139)?),
            "profile_picture_handle" => drop(text(value, key, 1, 4096)?),
            _ => drop(text(value, key, 0, 256)?),
        }
    }
    Ok(())
}

fn text<'a>(value: &'a Value, key: &str, min: usize, max: usize) -> Result<&'a str, ApiError> {
    let text = value.as_str().ok_or_else(|| invalid(format!("Param {key} must be a string")))?;
    let len = text.chars().count();
    if len < min || len > max {
        return Err(invalid(format!("Param {key} must be {min} to {max} characters long; got {len}")));
    }
    Ok(text)
}

fn websites(value: &Value) -> Result<(), ApiError> {
    let list = value.as_array().ok_or_else(|| invalid("Param websites must be an array".into()))?;
    if list.len() > 2 {
        return Err(invalid(format!("Param websites must have at most 2 entries; got {}", list.len())));
    }
    for site in list {
        let site = text(site, "websites[]", 1, 256)?;
        if !(site.starts_with("http://") || site.starts_with("https://"))
            || site.contains(char::is_whitespace)
        {
            return Err(invalid(format!("Param websites[] must be an http or https URL; got {site:?}")));
        }
    }
    Ok(())
}

fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.contains(char::is_whitespace)
}
