//! The checks that ask the 360dialog API: `auth` (the key is accepted, reading the webhook
//! configuration), `health`, `webhook-registered` and `templates`.

use serde_json::Value;

use super::Outcome;
use super::rules::{mask, same_url};
use crate::api::{self, Client, Flavour, TemplateQuery, Webhook};

/// `GET /v1/configs/webhook`: a 2xx means the key is accepted; the answer is kept in
/// `registered` for `webhook-registered`.
pub async fn auth(client: &Client, registered: &mut Option<Webhook>) -> Outcome {
    match client.get_webhook().await {
        Ok(hook) => {
            *registered = Some(hook);
            Outcome::pass("the API accepts the key (GET /v1/configs/webhook)")
        }
        Err(err) => Outcome::fail(describe("GET /v1/configs/webhook", &err)),
    }
}

/// Cloud `GET /health_status`: AVAILABLE passes, LIMITED warns, BLOCKED fails, with reasons.
/// On-premise `GET /v1/health`: `connected` passes, `connecting` warns, anything else fails.
pub async fn health(client: &Client) -> Outcome {
    let path = match client.flavour() {
        Flavour::Cloud => "GET /health_status",
        Flavour::OnPremise => "GET /v1/health",
    };
    let health = match client.health().await {
        Ok(health) => health,
        Err(err) => return Outcome::fail(describe(path, &err)),
    };
    let reasons =
        if health.reasons.is_empty() { String::new() } else { format!(": {}", health.reasons.join("; ")) };
    let status = health.status.to_ascii_uppercase();
    match (client.flavour(), status.as_str()) {
        (Flavour::Cloud, "AVAILABLE") => Outcome::pass("AVAILABLE: the number can send messages"),
        (Flavour::Cloud, "LIMITED") => Outcome::warn(format!("LIMITED{reasons}")),
        (Flavour::Cloud, "BLOCKED") => {
            Outcome::fail(format!("BLOCKED: the number cannot send messages{reasons}"))
        }
        (Flavour::OnPremise, "CONNECTED") => Outcome::pass("gateway connected"),
        (Flavour::OnPremise, "CONNECTING") => Outcome::warn("gateway connecting: try again in a few minutes"),
        (Flavour::OnPremise, _) => Outcome::fail(format!(
            "gateway {}: the number cannot send messages (360dialog caches health ~5 min)",
            health.status
        )),
        (Flavour::Cloud, _) => {
            Outcome::warn(format!("unrecognised health status {:?}{reasons}", health.status))
        }
    }
}

/// A webhook is registered, and it is `expected` when one is given.
pub async fn webhook_registered(registered: Option<&Webhook>, expected: Option<&str>) -> Outcome {
    let url = registered.and_then(|w| w.url.as_deref()).map(str::trim).filter(|u| !u.is_empty());
    let Some(url) = url else {
        return Outcome::fail(
            "no webhook is registered: incoming messages go nowhere (`whatsapp-ctl channel activate --webhook-url URL`)",
        );
    };
    let headers = registered.map(|w| describe_headers(&w.headers)).unwrap_or_default();
    match expected {
        Some(expected) if !same_url(url, expected) => Outcome::fail(format!(
            "a different webhook is registered: {url} (expected {expected}); run `whatsapp-ctl channel activate --webhook-url {expected}`"
        )),
        _ => Outcome::pass(format!("{url}{headers}")),
    }
}

/// ` with headers A=…1234, B=****`, or nothing.
pub fn describe_headers(headers: &std::collections::BTreeMap<String, String>) -> String {
    if headers.is_empty() {
        return String::new();
    }
    let list: Vec<String> = headers.iter().map(|(k, v)| format!("{k}={}", mask(v))).collect();
    format!(" with headers {}", list.join(", "))
}

/// At least one approved template (business-initiated conversations need one).
pub async fn templates(client: &Client) -> Outcome {
    let mut query = TemplateQuery::default();
    query.filters.insert("status".into(), Value::String("approved".into()));
    match client.list_templates_page(&query, 0, 1).await {
        Ok(page) => {
            let approved = page.total.unwrap_or(page.waba_templates.len());
            if approved == 0 {
                Outcome::warn(
                    "no approved template: business-initiated conversations need one (`whatsapp-ctl templates submit FILE`)",
                )
            } else {
                Outcome::pass(format!("{approved} approved template{}", if approved == 1 { "" } else { "s" }))
            }
        }
        Err(err) => Outcome::fail(describe("GET /v1/configs/templates", &err)),
    }
}

/// One line for an API failure, naming the request.
fn describe(request: &str, err: &api::Error) -> String {
    match err {
        api::Error::Api(api_err) if api_err.is_auth() => {
            format!(
                "the API rejected the key ({request}: {api_err}); check it in the 360dialog hub, then `whatsapp-ctl auth login`"
            )
        }
        api::Error::Network { .. } => format!("Can't reach channel: {err}"),
        _ => format!("{request}: {err}"),
    }
}
