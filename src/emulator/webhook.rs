//! `GET|POST /v1/configs/webhook` and `/waba_webhook` (both store the one webhook `inbound`
//! delivers to).
//!
//! Accepted URLs: `https` whose host has no underscore and no explicit port (360dialog's Cloud
//! rule), and any `http`/`https` URL whose host is loopback (127.0.0.0/8, `::1`, `localhost`), so
//! local receivers such as `webhook listen` work. When no webhook is set, GET answers
//! `{"url":null,"headers":{}}` (the real API's answer for that case is not documented; `null`
//! says "unset" unambiguously).

use serde_json::{Map, Value, json};

use super::errors::ApiError;
use super::state::Webhook;
use super::store::Store;
use super::util::{is_loopback_host, split_url};

/// The registered webhook.
pub fn get(store: &Store) -> Result<Value, ApiError> {
    let state = store.read()?;
    Ok(match &state.webhook {
        Some(hook) => json!({"url": hook.url, "headers": hook.headers}),
        None => json!({"url": null, "headers": {}}),
    })
}

/// Registers the webhook in `body` (`{"url", "headers"?}`).
pub fn set(store: &Store, body: &[u8]) -> Result<Value, ApiError> {
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(body) else {
        return Err(ApiError::gateway(
            400,
            "Request body must be a JSON object {\"url\": ..., \"headers\": {...}}",
        ));
    };
    let url = body.get("url").and_then(Value::as_str).unwrap_or_default().trim().to_string();
    check_url(&url).map_err(|message| ApiError::gateway(400, message))?;
    let headers = match body.get("headers") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(headers)) if headers.values().all(Value::is_string) => headers.clone(),
        Some(_) => {
            return Err(ApiError::gateway(400, "headers must be an object of string values"));
        }
    };
    if let Some(bad) = headers.keys().find(|name| !is_header_name(name)) {
        return Err(ApiError::gateway(400, format!("Invalid header name \"{bad}\"")));
    }
    let answer = json!({"url": url, "headers": headers});
    store.mutate(|state| {
        state.webhook = Some(Webhook { url, headers });
        Ok::<_, ApiError>(())
    })?;
    Ok(answer)
}

/// `Ok` when the URL is acceptable, else the developer message.
pub fn check_url(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Err("url is required".into());
    }
    let Some(parts) = split_url(url) else {
        return Err(format!("Invalid webhook URL \"{url}\": not an absolute URL"));
    };
    if matches!(parts.scheme.as_str(), "http" | "https") && is_loopback_host(&parts.host) {
        return Ok(());
    }
    if parts.scheme != "https" {
        return Err(format!("Invalid webhook URL \"{url}\": only https URLs are supported"));
    }
    if parts.host.contains('_') {
        return Err(format!("Invalid webhook URL \"{url}\": the host must not contain '_'"));
    }
    if parts.explicit_port {
        return Err(format!("Invalid webhook URL \"{url}\": an explicit port (':xxxx') is not supported"));
    }
    Ok(())
}

fn is_header_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhook_urls_follow_the_cloud_rules_with_a_loopback_exception() {
        assert!(check_url("https://hooks.example.com/wa").is_ok());
        assert!(check_url("http://127.0.0.1:8080/hook").is_ok());
        assert!(check_url("http://localhost:9/hook").is_ok());
        assert!(check_url("https://[::1]:8443/hook").is_ok());
        assert!(check_url("http://hooks.example.com/wa").is_err());
        assert!(check_url("https://my_hooks.example.com/wa").is_err());
        assert!(check_url("https://hooks.example.com:8443/wa").is_err());
        assert!(check_url("ftp://127.0.0.1/x").is_err());
        assert!(check_url("").is_err());
    }
}
