//! The wizard's calls to the channel, each a small function the flow in `mod.rs` strings
//! together: verify the key, show health, register the webhook (set, then read back), list the
//! templates a test can use, build and send the test message. `register_webhook` and
//! `send_test_message` are kept minimal on purpose: they are the seams where the shared channel
//! checklist and the shared send builders plug in.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::api::{Client, Flavour, Health, TemplateQuery, Webhook};
use crate::error::{Error, Kind, Result};
use crate::template::{ExpectedParameters, expected_parameters};

/// Checks the key with `GET /v1/configs/webhook`; returns the webhook registered now.
pub async fn verify_key(client: &Client) -> Result<Webhook> {
    client.get_webhook().await.map_err(|err| {
        let err = Error::from(err);
        match err.kind {
            Kind::Auth => Error::new(Kind::Auth, "the API rejected this key")
                .with_cause(err.message)
                .with_hint("copy the key again from the 360dialog hub (it belongs to one phone number)"),
            _ => err.context("could not verify the key"),
        }
    })
}

/// The channel's messaging health (Cloud `/health_status`, on-premise `/v1/health`).
pub async fn show_health(client: &Client) -> Result<Health> {
    client.health().await.map_err(|err| Error::from(err).context("could not read the channel's health"))
}

/// Whether the health status lets the number send messages.
pub fn can_send(health: &Health) -> bool {
    !matches!(health.status.to_ascii_uppercase().as_str(), "BLOCKED" | "DISCONNECTED" | "UNKNOWN")
}

/// Registers `url` (keeping the headers when the URL is the one registered now) and reads it
/// back; fails when the API reports another URL afterwards.
pub async fn register_webhook(client: &Client, url: &str, current: &Webhook) -> Result<Webhook> {
    let headers =
        if current.url.as_deref() == Some(url) { current.headers.clone() } else { Default::default() };
    let wanted = Webhook { url: Some(url.to_owned()), headers };
    client
        .set_webhook(&wanted)
        .await
        .map_err(|err| Error::from(err).context("registering the webhook failed"))?;
    let registered = client
        .get_webhook()
        .await
        .map_err(|err| Error::from(err).context("reading the webhook back failed"))?;
    if registered.url.as_deref() != Some(url) {
        return Err(Error::failed(format!(
            "the API accepted the webhook but now reports {}",
            registered.url.as_deref().unwrap_or("no webhook")
        )));
    }
    Ok(registered)
}

/// Local check of a webhook URL (360dialog's Cloud rules): https without `_` in the host and
/// without an explicit port; plain http only to loopback hosts (local receivers).
pub fn check_webhook_url(text: &str) -> std::result::Result<String, String> {
    let text = text.trim();
    let url = url::Url::parse(text).map_err(|err| format!("\"{text}\" is not a URL: {err}"))?;
    let host = url.host_str().unwrap_or_default();
    if crate::api::is_loopback(&url) && matches!(url.scheme(), "http" | "https") {
        return Ok(text.to_owned());
    }
    if url.scheme() != "https" {
        return Err(format!("\"{text}\": webhooks need https (plain http only to localhost)"));
    }
    if host.is_empty() || host.contains('_') {
        return Err(format!("\"{text}\": the host must be a name without '_'"));
    }
    if url.port().is_some() {
        return Err(format!("\"{text}\": 360dialog does not accept an explicit port (':8443')"));
    }
    Ok(text.to_owned())
}

/// A recipient phone number: 8 to 15 digits, country code first; `+`, spaces, dashes, dots and
/// parentheses are dropped.
pub fn check_phone(text: &str) -> std::result::Result<String, String> {
    let digits: String = text.chars().filter(|c| !" +-.()".contains(*c)).collect();
    if (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(format!("\"{}\" is not a phone number: 8 to 15 digits, country code first", text.trim()))
    }
}

/// An approved template a test can send without parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestTemplate {
    pub name: String,
    pub language: String,
    pub category: String,
    /// On-premise sends name it.
    pub namespace: Option<String>,
}

/// Approved templates (of `name`, when given) that need no parameters, by name and language.
pub async fn test_templates(client: &Client, name: Option<&str>) -> Result<Vec<TestTemplate>> {
    let mut found = Vec::new();
    let listed = match name {
        Some(name) => client.find_templates(name, None).await.map(|all| found.extend(all)),
        None => {
            let mut query = TemplateQuery::default();
            query.filters.insert("status".into(), Value::String("approved".into()));
            client.list_templates(&query, 0, None, |page| found.extend(page)).await.map(|_| ())
        }
    };
    listed.map_err(|err| Error::from(err).context("listing the approved templates failed"))?;
    let mut usable: Vec<TestTemplate> = found.iter().filter_map(usable_for_test).collect();
    usable.sort_by(|a, b| (&a.name, &a.language).cmp(&(&b.name, &b.language)));
    usable.dedup();
    Ok(usable)
}

fn usable_for_test(template: &Value) -> Option<TestTemplate> {
    let text = |key: &str| template.get(key).and_then(Value::as_str).map(str::to_owned);
    let approved = text("status").is_some_and(|s| s.eq_ignore_ascii_case("approved"));
    if !approved || expected_parameters(template) != ExpectedParameters::default() {
        return None;
    }
    Some(TestTemplate {
        name: text("name")?,
        language: text("language")?,
        category: text("category").unwrap_or_default(),
        namespace: text("namespace"),
    })
}

/// The test message to send.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum TestMessage {
    Template(TestTemplate),
    Text { body: String },
}

/// The request body for `send_message`.
pub fn test_message_body(flavour: Flavour, to: &str, message: &TestMessage) -> Value {
    let mut body = Map::new();
    if flavour == Flavour::Cloud {
        body.insert("messaging_product".into(), json!("whatsapp"));
    }
    body.insert("recipient_type".into(), json!("individual"));
    body.insert("to".into(), json!(to));
    match message {
        TestMessage::Template(template) => {
            let mut object = json!({
                "name": template.name,
                "language": {"policy": "deterministic", "code": template.language},
            });
            if let (Flavour::OnPremise, Some(namespace)) = (flavour, &template.namespace) {
                object["namespace"] = json!(namespace);
            }
            body.insert("type".into(), json!("template"));
            body.insert("template".into(), object);
        }
        TestMessage::Text { body: text } => {
            body.insert("type".into(), json!("text"));
            body.insert("text".into(), json!({ "body": text }));
        }
    }
    Value::Object(body)
}

/// Sends the test message; returns its message id.
pub async fn send_test_message(client: &Client, to: &str, message: &TestMessage) -> Result<String> {
    let body = test_message_body(client.flavour(), to, message);
    let sent = client.send_message(&body).await.map_err(|err| {
        let err = Error::from(err);
        let window_closed = matches!(err.code, Some(131047 | 470));
        let err = err.context(format!("the test message to {to} was not accepted"));
        if window_closed {
            err.with_hint(format!(
                "a text needs {to} to have written to this number in the last 24 hours; send an approved template instead"
            ))
        } else {
            err
        }
    })?;
    Ok(sent.message_id().unwrap_or_default().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hello(namespace: Option<&str>) -> TestMessage {
        TestMessage::Template(TestTemplate {
            name: "hello_world".into(),
            language: "en_US".into(),
            category: "UTILITY".into(),
            namespace: namespace.map(str::to_owned),
        })
    }

    #[test]
    fn cloud_template_body_has_the_messaging_product_and_a_deterministic_language() {
        let body = test_message_body(Flavour::Cloud, "4915123456789", &hello(Some("ns")));
        assert_eq!(
            body,
            json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "4915123456789",
                "type": "template", "template": {"name": "hello_world",
                "language": {"policy": "deterministic", "code": "en_US"}}})
        );
    }

    #[test]
    fn on_premise_template_body_names_the_namespace_and_drops_the_messaging_product() {
        let body = test_message_body(Flavour::OnPremise, "4915123456789", &hello(Some("ns_1")));
        assert_eq!(body.get("messaging_product"), None);
        assert_eq!(body["template"]["namespace"], "ns_1");
    }

    #[test]
    fn text_body_carries_the_text() {
        let body =
            test_message_body(Flavour::Cloud, "4915123456789", &TestMessage::Text { body: "hi".into() });
        assert_eq!(body["type"], "text");
        assert_eq!(body["text"], json!({"body": "hi"}));
    }

    #[test]
    fn only_approved_templates_without_variables_are_usable_for_a_test() {
        let plain = json!({"name": "hi", "language": "en", "status": "approved", "category": "UTILITY",
            "components": [{"type": "BODY", "text": "Hello there"}]});
        let variable = json!({"name": "v", "language": "en", "status": "approved",
            "components": [{"type": "BODY", "text": "Hello {{1}}"}]});
        let pending = json!({"name": "p", "language": "en", "status": "submitted", "components": []});
        assert_eq!(usable_for_test(&plain).map(|t| t.name), Some("hi".into()));
        assert_eq!(usable_for_test(&variable), None);
        assert_eq!(usable_for_test(&pending), None);
    }

    #[test]
    fn webhook_urls_follow_the_cloud_rules() {
        assert!(check_webhook_url("https://hooks.example.com/wa").is_ok());
        assert!(check_webhook_url("http://127.0.0.1:8080/hook").is_ok());
        assert!(check_webhook_url("http://hooks.example.com/wa").is_err());
        assert!(check_webhook_url("https://my_hooks.example.com/wa").is_err());
        assert!(check_webhook_url("https://hooks.example.com:8443/wa").is_err());
        assert!(check_webhook_url("hooks.example.com").is_err());
    }

    #[test]
    fn phone_numbers_keep_their_digits() {
        assert_eq!(check_phone("+49 151 2345-6789").as_deref(), Ok("4915123456789"));
        assert!(check_phone("12345").is_err());
        assert!(check_phone("+49 abc 1234567").is_err());
    }
}
