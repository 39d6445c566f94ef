//! `emulator inbound`: a customer's text message. Opens the sender's 24-hour window in the state
//! (also when no webhook is registered) and delivers a Cloud API webhook payload to the
//! registered webhook with the registered headers.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use serde_json::{Value, json};

use super::EmulatorError;
use super::state::Webhook;
use super::store::Store;
use super::util::{is_loopback_host, normalize_phone, now_secs, random_alnum, split_url};

/// How long a webhook delivery may take.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// Display number of the emulated business phone in webhook payloads.
pub const DISPLAY_PHONE_NUMBER: &str = "15550001234";

/// What happened to an inbound message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InboundReport {
    /// The webhook URL it was posted to; `None` when no webhook is registered.
    pub delivered_to: Option<String>,
    /// The webhook's HTTP status; `None` when nothing was posted or the post failed.
    pub status: Option<u16>,
    /// Why the post failed (connection refused, timeout, ...); `None` otherwise.
    pub error: Option<String>,
    /// The `wamid.` id of the inbound message.
    pub message_id: String,
}

/// Records an inbound text from `from` and delivers it to the registered webhook. A failed
/// delivery is reported (`status: None`, `error: Some(..)`), not an error: the window is open.
pub async fn inbound(
    state_path: &Path,
    from: &str,
    text: &str,
    name: Option<&str>,
) -> Result<InboundReport, EmulatorError> {
    let Some(wa_id) = normalize_phone(from) else {
        return Err(EmulatorError::InvalidInput(format!(
            "invalid sender \"{from}\": expected a phone number of 8 to 15 digits, optionally with a leading +"
        )));
    };
    if text.is_empty() {
        return Err(EmulatorError::InvalidInput("the inbound message text is empty".into()));
    }
    let now = now_secs();
    let path: PathBuf = state_path.to_path_buf();
    let window_owner = wa_id.clone();
    let opened = tokio::task::spawn_blocking(move || {
        Store::new(path).mutate(|state| {
            state.windows.insert(window_owner, now);
            Ok::<_, EmulatorError>((
                state.webhook.clone(),
                state.waba_account_id.clone(),
                state.phone_number_id.clone(),
            ))
        })
    })
    .await
    .map_err(|e| EmulatorError::io(state_path, std::io::Error::other(e)))?;
    let (webhook, waba_id, phone_number_id) = opened?;

    let message_id = format!("wamid.HBgM{}", random_alnum(40));
    let payload = payload(&waba_id, &phone_number_id, &wa_id, name.unwrap_or(&wa_id), &message_id, text, now);
    let Some(webhook) = webhook else {
        return Ok(InboundReport { delivered_to: None, status: None, error: None, message_id });
    };
    let (status, error) = match deliver(&webhook, &payload).await {
        Ok(status) => (Some(status), None),
        Err(error) => (None, Some(error)),
    };
    Ok(InboundReport { delivered_to: Some(webhook.url), status, error, message_id })
}

/// The Cloud API webhook payload of one inbound text message.
pub fn payload(
    waba_id: &str,
    phone_number_id: &str,
    wa_id: &str,
    name: &str,
    message_id: &str,
    text: &str,
    timestamp: u64,
) -> Value {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{
            "id": waba_id,
            "changes": [{
                "field": "messages",
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {"display_phone_number": DISPLAY_PHONE_NUMBER, "phone_number_id": phone_number_id},
                    "contacts": [{"profile": {"name": name}, "wa_id": wa_id}],
                    "messages": [{
                        "from": wa_id,
                        "id": message_id,
                        "timestamp": timestamp.to_string(),
                        "type": "text",
                        "text": {"body": text}
                    }]
                }
            }]
        }]
    })
}

/// Posts the payload; the webhook's status, or why the post failed.
async fn deliver(webhook: &Webhook, payload: &Value) -> Result<u16, String> {
    let loopback = split_url(&webhook.url).is_some_and(|p| is_loopback_host(&p.host));
    let mut builder = reqwest::Client::builder().timeout(DELIVERY_TIMEOUT);
    if loopback {
        builder = builder.no_proxy();
    }
    let client = builder.build().map_err(|e| e.to_string())?;
    let mut request = client.post(&webhook.url).json(payload);
    for (header, value) in &webhook.headers {
        if let Some(value) = value.as_str() {
            request = request.header(header.as_str(), value);
        }
    }
    let response = request.send().await.map_err(|e| describe(&e))?;
    Ok(response.status().as_u16())
}

fn describe(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        format!("no answer within {} s", DELIVERY_TIMEOUT.as_secs())
    } else if error.is_connect() {
        "connection refused or host unreachable".into()
    } else if error.is_builder() {
        "invalid webhook URL or header".into()
    } else {
        error.to_string()
    }
}
