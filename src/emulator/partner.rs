//! The partner (hub) side of the emulator: one partner account with N channels, each with its
//! own key and its own state file (templates, webhook, messages), the partner paths under
//! `/api/v2/partners/{partner_id}` checked against `X-API-Key`, and minting a channel key,
//! which replaces that channel's key.
//!
//! Files: `<state>.partner/partner.json` (partner id and key) and `<state>.partner/<channel>.json`
//! (one state file per channel). The environment variable [`PARTNER_KEY_ENV`] pins the
//! partner key (tests use it).

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::EmulatorError;
use super::errors::{gateway_body, json_response};
use super::store::Store;
use super::util::{random_alnum, random_hex};
use crate::fsutil;

/// Environment variable that pins the partner key.
pub const PARTNER_KEY_ENV: &str = "WHATSAPP_CTL_EMULATOR_PARTNER_KEY";
/// The most channels `--channels` may ask for.
pub const MAX_CHANNELS: usize = 10_000;
/// Page size when the client names none (as the hub's own default).
const DEFAULT_LIMIT: usize = 20;

/// `partner.json`: who the partner is.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Identity {
    partner_id: String,
    partner_key: String,
}

/// One channel: its hub object and its own state.
pub struct Channel {
    /// The channel id (`…CH`).
    pub id: String,
    /// The channel object as the hub lists it.
    pub object: Value,
    /// The channel's own state file.
    pub store: Store,
}

/// The partner account and its channels.
pub struct Fleet {
    /// The partner id.
    pub partner_id: String,
    /// The key partner requests carry in `X-API-Key`.
    pub partner_key: String,
    /// The messaging base URL handed out with minted keys.
    pub address: String,
    /// Every channel, in listing order.
    pub channels: Vec<Channel>,
    /// Current channel key → index in `channels`.
    keys: Mutex<HashMap<String, usize>>,
}

impl std::fmt::Debug for Fleet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fleet")
            .field("partner_id", &self.partner_id)
            .field("channels", &self.channels.len())
            .finish()
    }
}

/// The folder beside the state file that holds the partner files.
fn partner_dir(state_path: &Path) -> PathBuf {
    let mut name = state_path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partner");
    state_path.with_file_name(name)
}

/// The channel object of channel number `n` (1-based): deterministic, so restarts agree.
fn channel_object(n: usize) -> Value {
    let status = if n.is_multiple_of(3) { "running" } else { "ready" };
    json!({
        "id": format!("emu{n:05}CH"),
        "client_id": format!("emucl{n:05}CL"),
        "account_mode": "live",
        "status": status,
        "current_quality_rating": if n.is_multiple_of(4) { "YELLOW" } else { "GREEN" },
        "current_limit": "TIER_1K",
        "setup_info": {
            "phone_number": format!("+49 151 {:07}", n),
            "phone_name": format!("Emulated shop {n}"),
            "default_language": "en",
        },
        "waba_account": {
            "id": format!("emuwaba{n:05}WA"),
            "fb_account_status": "verified",
        },
    })
}

impl Fleet {
    /// Opens (creating when missing) the partner identity and `count` channel states.
    pub fn open(state_path: &Path, count: usize, address: String) -> Result<Self, EmulatorError> {
        if count > MAX_CHANNELS {
            return Err(EmulatorError::InvalidInput(format!(
                "--channels {count} is more than {MAX_CHANNELS}"
            )));
        }
        let dir = partner_dir(state_path);
        fsutil::create_private_dir(&dir, 0o700).map_err(|e| EmulatorError::io(&dir, e))?;
        let identity = load_identity(&dir.join("partner.json"))?;
        let partner_key =
            std::env::var(PARTNER_KEY_ENV).ok().filter(|k| !k.is_empty()).unwrap_or(identity.partner_key);
        let mut channels = Vec::with_capacity(count);
        let mut keys = HashMap::with_capacity(count);
        for n in 1..=count {
            let object = channel_object(n);
            let id = object["id"].as_str().unwrap_or_default().to_owned();
            let store = Store::new(dir.join(format!("{id}.json")));
            keys.insert(store.read()?.key.clone(), n - 1);
            channels.push(Channel { id, object, store });
        }
        Ok(Fleet { partner_id: identity.partner_id, partner_key, address, channels, keys: Mutex::new(keys) })
    }

    /// The channel whose current key is `key`.
    pub fn channel_for_key(&self, key: &[u8]) -> Option<&Channel> {
        let key = std::str::from_utf8(key).ok()?;
        let index = *self.keys.lock().unwrap_or_else(PoisonError::into_inner).get(key)?;
        self.channels.get(index)
    }

    /// Answers a request under `/api/v2/`.
    pub fn handle(
        &self,
        method: &Method,
        uri: &Uri,
        headers: &HeaderMap,
        page_cap: Option<usize>,
    ) -> Response {
        if headers.get("x-api-key").is_none_or(|v| v.as_bytes() != self.partner_key.as_bytes()) {
            return json_response(401, gateway_body(401, "Invalid api key"));
        }
        let path = uri.path().trim_end_matches('/');
        let Some(rest) = path.strip_prefix(&format!("/api/v2/partners/{}", self.partner_id)) else {
            return json_response(403, gateway_body(403, "This partner key does not belong to that partner"));
        };
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        match (method.as_str(), segments.as_slice()) {
            ("GET", ["channels"]) => self.list(uri, page_cap),
            ("POST", ["channels", channel, "api_keys"]) => self.mint(channel),
            ("GET", ["channels", channel, "api_keys"]) => match self.find(channel) {
                Some(_) => {
                    json_response(200, json!({"api_keys": [{"id": "current", "address": self.address}]}))
                }
                None => not_found(channel),
            },
            (method, _) => json_response(
                404,
                gateway_body(
                    404,
                    &format!("Not found: {method} {path} is not an endpoint of the partner API"),
                ),
            ),
        }
    }

    fn find(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }

    /// `GET .../channels?limit=&offset=&filters=`: the hub's envelope.
    fn list(&self, uri: &Uri, page_cap: Option<usize>) -> Response {
        let params: HashMap<String, String> = uri
            .query()
            .map(|q| url::form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        let number = |name: &str, default: usize| -> Result<usize, String> {
            match params.get(name) {
                None => Ok(default),
                Some(raw) => raw.parse().map_err(|_| format!("{name} must be a number, not {raw:?}")),
            }
        };
        let (limit, offset) = match (number("limit", DEFAULT_LIMIT), number("offset", 0)) {
            (Ok(limit), Ok(offset)) => (limit, offset),
            (Err(message), _) | (_, Err(message)) => return json_response(400, gateway_body(400, &message)),
        };
        let filters: serde_json::Map<String, Value> = match params.get("filters") {
            None => serde_json::Map::new(),
            Some(raw) => match serde_json::from_str(raw) {
                Ok(Value::Object(map)) => map,
                _ => return json_response(400, gateway_body(400, "filters must be a JSON object")),
            },
        };
        let matching: Vec<&Value> = self
            .channels
            .iter()
            .map(|c| &c.object)
            .filter(|object| filters.iter().all(|(key, want)| object.get(key) == Some(want)))
            .collect();
        let limit = page_cap.map_or(limit, |cap| limit.min(cap));
        let page: Vec<Value> = matching.iter().skip(offset).take(limit).map(|o| (*o).clone()).collect();
        json_response(
            200,
            json!({
                "count": page.len(),
                "filters": filters,
                "limit": limit,
                "offset": offset,
                "sort": params.get("sort").cloned().unwrap_or_else(|| "id".into()),
                "total": matching.len(),
                "partner_channels": page,
            }),
        )
    }

    /// `POST .../channels/{id}/api_keys`: a new key that replaces the channel's old one.
    fn mint(&self, id: &str) -> Response {
        let Some(index) = self.channels.iter().position(|c| c.id == id) else {
            return not_found(id);
        };
        let channel = &self.channels[index];
        let key = format!("emu_{}", random_hex(32));
        let old = channel
            .store
            .mutate(|state| Ok::<_, EmulatorError>(std::mem::replace(&mut state.key, key.clone())));
        match old {
            Ok(old) => {
                let mut keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
                keys.remove(&old);
                keys.insert(key.clone(), index);
            }
            Err(err) => {
                return json_response(500, gateway_body(500, &format!("Internal server error: {err}")));
            }
        }
        json_response(
            201,
            json!({
                "id": random_alnum(12),
                "address": self.address,
                "api_key": key,
                "app_id": format!("emuapp{:05}", index + 1),
            }),
        )
    }
}

fn not_found(channel: &str) -> Response {
    json_response(404, gateway_body(404, &format!("Channel {channel} not found for this partner")))
}

/// Reads `partner.json`, creating it with a fresh identity when missing.
fn load_identity(path: &Path) -> Result<Identity, EmulatorError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map_err(|cause| EmulatorError::Corrupt { path: path.to_path_buf(), cause }),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let identity = Identity {
                partner_id: format!("emu{}", random_alnum(8)),
                partner_key: format!("emu_partner_{}", random_hex(32)),
            };
            let bytes =
                serde_json::to_vec(&identity).map_err(|e| EmulatorError::io(path, io::Error::other(e)))?;
            fsutil::write_atomic(path, &bytes, 0o600).map_err(|e| EmulatorError::io(path, e))?;
            Ok(identity)
        }
        Err(err) => Err(EmulatorError::io(path, err)),
    }
}
