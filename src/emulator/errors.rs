//! The error bodies the emulator answers with, in the three shapes the real API uses:
//! 360dialog's gateway `{"meta":{...}}`, Meta's Cloud API `{"error":{...}}`, and the on-premise
//! client's `{"meta":{...},"errors":[...]}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::EmulatorError;
use super::util::random_alnum;

/// Version reported by the emulated on-premise client.
pub const ONPREM_VERSION: &str = "2.53.0";

/// Which API flavour a path belongs to; decides the shape of Meta errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// `waba-v2.360dialog.io` paths (`/messages`, `/health_status`, ...).
    Cloud,
    /// Legacy on-premise paths (`/v1/messages`, `/v1/health`).
    OnPremise,
}

/// A refusal, rendered in the shape of the flavour it is answered on.
#[derive(Debug, Clone)]
pub enum ApiError {
    /// 360dialog's own gateway error: `{"meta":{"success":false,"http_code","developer_message"}}`.
    Gateway {
        /// HTTP status.
        status: u16,
        /// `developer_message`.
        message: String,
    },
    /// An error relayed from Meta.
    Meta(MetaError),
}

/// A Meta (Graph / WhatsApp) error with its code.
#[derive(Debug, Clone)]
pub struct MetaError {
    /// HTTP status.
    pub status: u16,
    /// Meta error code (`131047`, `100`, ...).
    pub code: u32,
    /// Short title; the Cloud `message` is `(#code) title`.
    pub title: String,
    /// `error_data.details` (Cloud) or `details` (on-premise).
    pub details: Option<String>,
    /// `error_subcode`.
    pub subcode: Option<u32>,
    /// `error_user_title` and `error_user_msg`.
    pub user: Option<(String, String)>,
}

impl MetaError {
    /// An error with no details.
    pub fn new(status: u16, code: u32, title: &str) -> Self {
        MetaError { status, code, title: title.to_string(), details: None, subcode: None, user: None }
    }

    /// Adds `error_data.details`.
    pub fn details(mut self, details: impl Into<String>) -> Self {
        self.details = Some(details.into());
        self
    }

    /// Adds `error_user_title` and `error_user_msg`.
    pub fn user(mut self, title: &str, message: impl Into<String>) -> Self {
        self.user = Some((title.to_string(), message.into()));
        self
    }

    /// Adds `error_subcode`.
    pub fn subcode(mut self, subcode: u32) -> Self {
        self.subcode = Some(subcode);
        self
    }

    /// The Cloud API body.
    pub fn cloud_body(&self) -> Value {
        let mut error = Map::new();
        error.insert("message".into(), json!(format!("(#{}) {}", self.code, self.title)));
        error.insert("type".into(), json!("OAuthException"));
        error.insert("code".into(), json!(self.code));
        if let Some(subcode) = self.subcode {
            error.insert("error_subcode".into(), json!(subcode));
        }
        if let Some((title, message)) = &self.user {
            error.insert("is_transient".into(), json!(false));
            error.insert("error_user_title".into(), json!(title));
            error.insert("error_user_msg".into(), json!(message));
        }
        if let Some(details) = &self.details {
            error.insert("error_data".into(), json!({"messaging_product": "whatsapp", "details": details}));
        }
        error.insert("fbtrace_id".into(), json!(fbtrace_id()));
        json!({ "error": error })
    }

    /// The on-premise body, with the code mapped by [`onprem_code`].
    pub fn onprem_body(&self) -> Value {
        let details = self
            .details
            .clone()
            .or_else(|| self.user.as_ref().map(|(_, m)| m.clone()))
            .unwrap_or_else(|| self.title.clone());
        json!({
            "meta": {"api_status": "stable", "version": ONPREM_VERSION},
            "errors": [{"code": onprem_code(self.code), "title": self.title, "details": details}]
        })
    }
}

/// The on-premise client's code for a Cloud API code.
pub fn onprem_code(code: u32) -> u32 {
    match code {
        131047 => 470,
        132000 => 2000,
        132001 => 2001,
        131008 => 1008,
        131009 | 100 => 1009,
        // 2008: "Media format unsupported", the on-premise name of the emulator's media rule.
        131053 => 2008,
        130429 => 1015,
        131031 => 1005,
        other => other,
    }
}

impl ApiError {
    /// A 360dialog gateway error.
    pub fn gateway(status: u16, message: impl Into<String>) -> Self {
        ApiError::Gateway { status, message: message.into() }
    }

    /// The HTTP response for this error on a path of `flavour`.
    pub fn into_response(self, flavour: Flavour) -> Response {
        match self {
            ApiError::Gateway { status, message } => json_response(status, gateway_body(status, &message)),
            ApiError::Meta(error) => {
                let body = match flavour {
                    Flavour::Cloud => error.cloud_body(),
                    Flavour::OnPremise => error.onprem_body(),
                };
                json_response(error.status, body)
            }
        }
    }
}

impl From<MetaError> for ApiError {
    fn from(error: MetaError) -> Self {
        ApiError::Meta(error)
    }
}

impl From<EmulatorError> for ApiError {
    fn from(error: EmulatorError) -> Self {
        ApiError::gateway(500, format!("Internal server error: {error}"))
    }
}

/// `{"meta":{"success":false,"http_code":status,"developer_message":message}}`.
pub fn gateway_body(status: u16, message: &str) -> Value {
    json!({"meta": {"success": false, "http_code": status, "developer_message": message}})
}

/// A JSON response with `status` (500 when it is not a valid HTTP status).
pub fn json_response(status: u16, body: Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(body)).into_response()
}

/// A random Graph trace id.
pub fn fbtrace_id() -> String {
    random_alnum(23)
}

/// Meta 100 "Invalid parameter" with a user-facing title and message.
pub fn invalid_parameter(user_title: &str, user_msg: impl Into<String>) -> ApiError {
    MetaError::new(400, 100, "Invalid parameter").user(user_title, user_msg).into()
}

/// Meta 131008 "Required parameter is missing".
pub fn missing_parameter(details: impl Into<String>) -> ApiError {
    MetaError::new(400, 131008, "Required parameter is missing").details(details).into()
}

/// Meta 131009 "Parameter value is not valid".
pub fn invalid_value(details: impl Into<String>) -> ApiError {
    MetaError::new(400, 131009, "Parameter value is not valid").details(details).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloud_and_onprem_bodies_carry_the_mapped_codes() {
        let error = MetaError::new(400, 131047, "Re-engagement message").details("24 hours");
        let cloud = error.cloud_body();
        assert_eq!(cloud["error"]["message"], "(#131047) Re-engagement message");
        assert_eq!(cloud["error"]["error_data"]["details"], "24 hours");
        assert_eq!(cloud["error"]["fbtrace_id"].as_str().map(str::len), Some(23));
        let onprem = error.onprem_body();
        assert_eq!(onprem["errors"][0]["code"], 470);
        assert_eq!(onprem["meta"]["api_status"], "stable");
    }
}
