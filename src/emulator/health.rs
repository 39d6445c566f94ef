//! `GET /health_status` (Cloud) and `GET /v1/health` (on-premise), driven by the health override
//! kept in the state (`AVAILABLE` by default). The override applies to the PHONE_NUMBER and WABA
//! entities; BUSINESS and APP stay AVAILABLE.

use serde_json::{Value, json};

use super::errors::{ApiError, ONPREM_VERSION};
use super::state::StateData;
use super::store::Store;

/// The accepted health values.
pub const HEALTH_VALUES: [&str; 3] = ["AVAILABLE", "LIMITED", "BLOCKED"];

/// The canonical spelling of a health value, or `None` when it is not one.
pub fn parse(value: &str) -> Option<&'static str> {
    HEALTH_VALUES.into_iter().find(|v| v.eq_ignore_ascii_case(value.trim()))
}

fn current(state: &StateData) -> &'static str {
    state.health.as_deref().and_then(parse).unwrap_or("AVAILABLE")
}

/// The Cloud answer.
pub fn cloud(store: &Store) -> Result<Value, ApiError> {
    let state = store.read()?;
    let health = current(&state);
    let entity = |entity_type: &str, id: String, value: &str| {
        let mut entity = json!({"entity_type": entity_type, "id": id, "can_send_message": value});
        if entity_type == "PHONE_NUMBER" {
            entity["can_receive_call_sip"] = json!("AVAILABLE");
        }
        match value {
            "LIMITED" => {
                entity["additional_info"] = json!([
                    "Your WhatsApp Business Account has reached its messaging limit for business-initiated conversations (emulated)."
                ]);
            }
            "BLOCKED" => {
                entity["errors"] = json!([{
                    "error_code": 131031,
                    "error_description": "Account has been locked",
                    "possible_solution": "The account was locked for a policy violation (emulated); reset it with the emulator's settings or `whatsapp-ctl emulator reset`."
                }]);
            }
            _ => {}
        }
        entity
    };
    let entities = [
        entity("PHONE_NUMBER", state.phone_number_id.clone(), health),
        entity("WABA", state.waba_account_id.clone(), health),
        entity("BUSINESS", state.partner_id.clone(), "AVAILABLE"),
        entity("APP", "360dialog-emulator".to_string(), "AVAILABLE"),
    ];
    Ok(json!({
        "health_status": {"can_send_message": health, "entities": entities},
        "id": state.phone_number_id,
    }))
}

/// The on-premise answer: `connected`, or `disconnected` when BLOCKED.
pub fn onprem(store: &Store) -> Result<Value, ApiError> {
    let state = store.read()?;
    let gateway = if current(&state) == "BLOCKED" { "disconnected" } else { "connected" };
    Ok(json!({
        "health": {"gateway_status": gateway},
        "meta": {"api_status": "stable", "version": ONPREM_VERSION},
    }))
}
