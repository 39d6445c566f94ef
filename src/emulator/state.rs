//! The emulator's persistent state: the model kept in one JSON file (see [`super::store`] for how
//! processes share it), and the API key rule.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::util::{random_alnum, random_hex};

/// Environment variable that pins the API key (tests use it).
pub const KEY_ENV: &str = "WHATSAPP_CTL_EMULATOR_KEY";

/// Sent messages kept in the state file; older ones are dropped.
pub const MAX_STORED_MESSAGES: usize = 1000;

/// Everything the emulator persists. `Debug` leaves the key out.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StateData {
    /// Format version of this file.
    pub version: u32,
    /// The generated API key (the environment variable [`KEY_ENV`] overrides it).
    pub key: String,
    /// Template namespace of this emulated WABA.
    pub namespace: String,
    /// 360dialog partner id shown on templates.
    pub partner_id: String,
    /// 360dialog WABA account id shown on templates.
    pub waba_account_id: String,
    /// Meta phone-number id used in webhook payloads and health entities.
    pub phone_number_id: String,
    /// Sequence number of the next template id.
    pub next_seq: u64,
    /// Templates, one per name and language.
    pub templates: Vec<StoredTemplate>,
    /// The registered webhook.
    pub webhook: Option<Webhook>,
    /// Health override: `AVAILABLE`, `LIMITED` or `BLOCKED`.
    pub health: Option<String>,
    /// The most recent sent messages, oldest first.
    pub messages: Vec<SentMessage>,
    /// Customer-service windows: WhatsApp id → Unix seconds of the last inbound message.
    pub windows: BTreeMap<String, u64>,
    /// Names whose approved template was deleted → Unix ms until which they cannot be used again.
    pub locked_names: BTreeMap<String, u64>,
    /// Uploaded media by id (the bytes are in `<state>.media/<id>`).
    pub media: BTreeMap<String, StoredMedia>,
    /// The business profile as last set (flat fields, as Graph returns them).
    pub profile: Map<String, Value>,
    /// Conversational components as last set (`enable_welcome_message`, `prompts`, `commands`).
    pub automation: Map<String, Value>,
}

/// The metadata of one uploaded file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredMedia {
    /// The MIME type it was uploaded as.
    pub mime_type: String,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// Size in bytes.
    pub file_size: u64,
    /// The file name of the upload, when it had one.
    pub filename: Option<String>,
    /// Set by `POST /_emulator/media/{id}/corrupt`: downloads serve altered bytes.
    pub corrupt: bool,
    /// Unix seconds.
    pub created_at: u64,
}

/// One template in one language.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredTemplate {
    /// 360dialog template id.
    pub id: String,
    /// Template name.
    pub name: String,
    /// Language code.
    pub language: String,
    /// The body as submitted, unknown fields included.
    pub body: Map<String, Value>,
    /// `submitted`, `approved` or `rejected`.
    pub status: String,
    /// Meta's rejection reason, when rejected.
    pub rejected_reason: Option<String>,
    /// Why the emulator rejected it.
    pub rejected_detail: Option<String>,
    /// Creation time, Unix milliseconds.
    pub created_at: u64,
    /// Last change, Unix milliseconds.
    pub modified_at: u64,
    /// When the simulated review decides, Unix milliseconds.
    pub review_at: u64,
}

/// The registered webhook.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Webhook {
    /// Destination URL.
    pub url: String,
    /// Extra headers sent with every delivery.
    pub headers: Map<String, Value>,
}

/// One accepted outgoing message.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SentMessage {
    /// Message id returned to the client.
    pub id: String,
    /// Recipient WhatsApp id.
    pub to: String,
    /// Message type.
    #[serde(rename = "type")]
    pub kind: String,
    /// The request body as received.
    pub body: Value,
    /// Unix seconds.
    pub at: u64,
}

impl fmt::Debug for StateData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StateData")
            .field("key", &"(redacted)")
            .field("namespace", &self.namespace)
            .field("templates", &self.templates.len())
            .field("webhook", &self.webhook.as_ref().map(|w| &w.url))
            .field("health", &self.health)
            .field("messages", &self.messages.len())
            .field("windows", &self.windows.len())
            .finish_non_exhaustive()
    }
}

impl StateData {
    /// Fills identity fields (key, namespace, ids) that are still empty.
    pub(super) fn ensure_identity(&mut self) {
        self.version = 1;
        let fill = |field: &mut String, make: &dyn Fn() -> String| {
            if field.is_empty() {
                *field = make();
            }
        };
        fill(&mut self.key, &|| format!("emu_{}", random_hex(32)));
        fill(&mut self.namespace, &|| {
            format!(
                "{}_{}_{}_{}_{}",
                random_hex(8),
                random_hex(4),
                random_hex(4),
                random_hex(4),
                random_hex(12)
            )
        });
        fill(&mut self.partner_id, &|| random_alnum(8));
        fill(&mut self.waba_account_id, &|| format!("{}WA", random_alnum(6)));
        fill(&mut self.phone_number_id, &|| format!("1{}", fastrand::u64(10u64.pow(13)..10u64.pow(14))));
    }

    /// Records an accepted message, dropping the oldest beyond [`MAX_STORED_MESSAGES`].
    pub fn push_message(&mut self, message: SentMessage) {
        self.messages.push(message);
        let excess = self.messages.len().saturating_sub(MAX_STORED_MESSAGES);
        self.messages.drain(..excess);
    }

    /// Empties everything but the identity (key, namespace, ids).
    pub fn clear(&mut self) {
        let identity = StateData {
            key: std::mem::take(&mut self.key),
            namespace: std::mem::take(&mut self.namespace),
            partner_id: std::mem::take(&mut self.partner_id),
            waba_account_id: std::mem::take(&mut self.waba_account_id),
            phone_number_id: std::mem::take(&mut self.phone_number_id),
            ..StateData::default()
        };
        *self = identity;
        self.ensure_identity();
    }
}

/// The API key in force: [`KEY_ENV`] when set and not empty, else the stored one.
pub fn effective_key(stored: &str) -> String {
    key_from(std::env::var(KEY_ENV).ok(), stored)
}

fn key_from(env: Option<String>, stored: &str) -> String {
    env.filter(|k| !k.is_empty()).unwrap_or_else(|| stored.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_key_beats_the_stored_one_unless_empty() {
        assert_eq!(key_from(Some("pinned".into()), "emu_x"), "pinned");
        assert_eq!(key_from(Some(String::new()), "emu_x"), "emu_x");
        assert_eq!(key_from(None, "emu_x"), "emu_x");
    }
}
