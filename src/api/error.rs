//! Every error shape the API sends, mapped once into [`ApiError`]: 360dialog's gateway `meta`
//! (snake_case and camelCase), the on-premise `errors[]`, Meta's Cloud `error{}`, and plain
//! `{"error": "..."}` / non-JSON bodies.

use std::fmt;

use serde_json::Value;

/// Codes Meta and 360dialog use for "slow down" (reference section 8.3).
pub const THROTTLE_CODES: [i64; 6] = [4, 613, 80007, 130429, 131048, 131056];

/// A refusal from the API, whatever shape it came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    /// Meta or on-premise error code (`131047`, `470`, ...).
    pub code: Option<i64>,
    pub subcode: Option<i64>,
    /// The message without Meta's `(#code)` prefix.
    pub message: String,
    /// Further explanations the API gave (error_data.details, title, user message, ...).
    pub details: Vec<String>,
}

impl ApiError {
    /// Parses an error response body of any known shape.
    pub fn parse(status: u16, body: &[u8]) -> Self {
        let mut error =
            ApiError { status, code: None, subcode: None, message: String::new(), details: Vec::new() };
        match serde_json::from_slice::<Value>(body) {
            Ok(value) => error.fill_from(&value),
            Err(_) => error.message = plain_text(body),
        }
        // A blank message (`{"error":" "}`) is no message: fall back to the status's reason.
        error.message = error.message.trim().to_owned();
        if error.message.is_empty() {
            error.message = default_reason(status).to_owned();
        }
        error
    }

    fn fill_from(&mut self, value: &Value) {
        if let Some(cloud) = value.get("error").filter(|e| e.is_object()) {
            self.code = cloud.get("code").and_then(as_i64);
            self.subcode = cloud.get("error_subcode").and_then(as_i64);
            self.message = strip_code_prefix(str_at(cloud, "message"));
            for key in ["error_user_title", "error_user_msg"] {
                self.push_detail(str_at(cloud, key));
            }
            self.push_detail(cloud.pointer("/error_data/details").and_then(Value::as_str).unwrap_or(""));
        } else if let Some(text) = value.get("error").and_then(Value::as_str) {
            self.message = text.to_owned();
            self.push_detail(str_at(value, "error_description"));
        } else if let Some(first) = value.get("errors").and_then(Value::as_array).and_then(|a| a.first()) {
            self.code = first.get("code").and_then(as_i64);
            self.message = first_non_empty(&[str_at(first, "title"), str_at(first, "message")]).to_owned();
            self.push_detail(str_at(first, "details"));
            self.push_detail(first.pointer("/error_data/details").and_then(Value::as_str).unwrap_or(""));
        } else if let Some(meta) = value.get("meta").filter(|m| m.is_object()) {
            self.message =
                first_non_empty(&[str_at(meta, "developer_message"), str_at(meta, "developerMessage")])
                    .to_owned();
            if let Some(details) = meta.get("details").and_then(Value::as_array) {
                for detail in details {
                    self.push_detail(&detail_text(detail));
                }
            }
            self.push_detail(meta.pointer("/error_data/message").and_then(Value::as_str).unwrap_or(""));
        } else if let Some(text) = value.get("message").and_then(Value::as_str) {
            self.message = text.to_owned();
        }
    }

    fn push_detail(&mut self, text: &str) {
        let text = text.trim();
        if !text.is_empty() && text != self.message && !self.details.iter().any(|d| d == text) {
            self.details.push(text.to_owned());
        }
    }

    /// The key was refused: 401, or 403 without a Meta code other than the permission ones.
    pub fn is_auth(&self) -> bool {
        match (self.status, self.code) {
            (401, _) => true,
            (403, None) => true,
            (403, Some(code)) => matches!(code, 0 | 10 | 190 | 200..=299),
            _ => false,
        }
    }

    /// 429, a throttle code, or 360dialog's "1 request every N seconds" 400.
    pub fn is_throttle(&self) -> bool {
        let lower = self.message.to_lowercase();
        self.status == 429
            || self.code.is_some_and(|code| THROTTLE_CODES.contains(&code))
            || lower.contains("exceeded the limit of 1 request every")
            || lower.contains("exceeded the endpoint rate limit")
    }

    /// Meta's "content in this language already exists" (code 100, subcode 2388024).
    pub fn is_duplicate_template(&self) -> bool {
        self.code == Some(100) && self.subcode == Some(2388024)
    }

    /// A server-side hiccup worth retrying for reads.
    pub fn is_transient_server_error(&self) -> bool {
        matches!(self.status, 500 | 502 | 503 | 555)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the API refused the request (HTTP {}", self.status)?;
        if let Some(code) = self.code {
            write!(f, ", code {code}")?;
        }
        if let Some(subcode) = self.subcode {
            write!(f, ", subcode {subcode}")?;
        }
        write!(f, "): {}", self.message)
    }
}

fn as_i64(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| value.as_str().and_then(|s| s.parse().ok()))
}

fn str_at<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

fn first_non_empty<'a>(candidates: &[&'a str]) -> &'a str {
    candidates.iter().copied().find(|s| !s.trim().is_empty()).unwrap_or("")
}

fn detail_text(detail: &Value) -> String {
    match detail {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// `(#131047) Re-engagement message` -> `Re-engagement message`.
fn strip_code_prefix(message: &str) -> String {
    let trimmed = message.trim();
    if let Some(rest) = trimmed.strip_prefix("(#")
        && let Some(end) = rest.find(')')
    {
        return rest[end + 1..].trim().to_owned();
    }
    trimmed.to_owned()
}

fn plain_text(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

fn default_reason(status: u16) -> &'static str {
    match status {
        400 => "bad request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not found",
        429 => "too many requests",
        500 => "internal server error",
        502 => "WhatsApp for Business API not available",
        503 => "service unavailable",
        555 => "server restarting",
        200..=299 => "a success answer carrying an error without a message",
        _ => "unexpected response",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!("../../tests/fixtures/api-errors/", $name))
        };
    }

    #[test]
    fn gateway_meta_snake_case_is_an_auth_failure() {
        let err = ApiError::parse(401, fixture!("gateway-snake-401.json"));
        assert_eq!((err.status, err.code, err.message.as_str()), (401, None, "Invalid api_key"));
        assert!(err.is_auth() && !err.is_throttle());
    }

    #[test]
    fn gateway_meta_camel_case_is_read_too() {
        let err = ApiError::parse(401, fixture!("gateway-camel-401.json"));
        assert_eq!(err.message, "Invalid api_key or token expired");
        assert!(err.is_auth());
    }

    #[test]
    fn gateway_one_request_every_n_seconds_is_a_throttle() {
        let err = ApiError::parse(400, fixture!("gateway-throttle-400.json"));
        assert!(err.is_throttle());
    }

    #[test]
    fn gateway_502_keeps_details_and_is_transient() {
        let err = ApiError::parse(502, fixture!("gateway-502.json"));
        assert_eq!(err.message, "WhatsApp for Business API not available");
        assert_eq!(err.details, vec!["stack restarting".to_owned()]);
        assert!(err.is_transient_server_error());
    }

    #[test]
    fn onpremise_errors_array_gives_code_title_and_details() {
        let err = ApiError::parse(400, fixture!("onpremise-470.json"));
        assert_eq!(err.code, Some(470));
        assert!(err.message.starts_with("Message failed to send because more than 24 hours"));
        assert_eq!(err.details, vec!["Outside the support window".to_owned()]);
        let missing = ApiError::parse(404, fixture!("onpremise-2001.json"));
        assert_eq!(missing.code, Some(2001));
        assert_eq!(missing.message, "Template name does not exist in the translation");
    }

    #[test]
    fn cloud_error_strips_the_code_prefix_and_keeps_error_data() {
        let err = ApiError::parse(400, fixture!("cloud-131047.json"));
        assert_eq!((err.code, err.message.as_str()), (Some(131047), "Re-engagement message"));
        assert!(err.details[0].contains("more than 24 hours"));
        assert_eq!(
            err.to_string(),
            "the API refused the request (HTTP 400, code 131047): Re-engagement message"
        );
    }

    #[test]
    fn cloud_duplicate_template_carries_the_subcode() {
        let err = ApiError::parse(400, fixture!("cloud-duplicate-2388024.json"));
        assert_eq!((err.code, err.subcode), (Some(100), Some(2388024)));
        assert_eq!(err.details[0], "Content in This Language Already Exists");
    }

    #[test]
    fn throttle_codes_are_throttles_even_as_403() {
        let pair = ApiError::parse(403, fixture!("cloud-131056-403.json"));
        assert!(pair.is_throttle() && !pair.is_auth());
        assert!(ApiError::parse(429, fixture!("cloud-613-429.json")).is_throttle());
    }

    #[test]
    fn plain_string_and_non_json_bodies_still_give_a_message() {
        assert_eq!(ApiError::parse(401, fixture!("plain-error-string.json")).message, "Invalid api key");
        let html = ApiError::parse(502, fixture!("not-json-502.html"));
        assert!(html.message.contains("502 Bad Gateway"));
        assert_eq!(ApiError::parse(503, b"").message, "service unavailable");
    }

    #[test]
    fn blank_messages_fall_back_to_the_status_reason() {
        assert_eq!(ApiError::parse(400, br#"{"error":"\t","error_description":""}"#).message, "bad request");
        assert_eq!(
            ApiError::parse(401, br#"{"message":"  unauthorized key \n"}"#).message,
            "unauthorized key"
        );
    }
}
