//! The wizard's calls to the channel, each a small function the flow in `mod.rs` strings
//! together: verify the key, show health, register the webhook (set, then read back), list the
//! templates a test can use, build and send the test message. Registration, the checklist, the
//! URL and phone rules and the message bodies are the shared ones of `channel` and `send`.

use serde::Serialize;
use serde_json::Value;

use crate::api::{Client, Flavour, Health, TemplateQuery, Webhook};
use crate::checks::{CheckOptions, CheckReport, rules, run_checks};
use crate::commands::channel::register;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::message::{self, template::TemplateParams, template::TemplateRef};
use crate::phone;
use crate::secret::ApiKey;
use crate::settings::{Settings, Source, Sourced};
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

/// Registers `url` through the shared registration (set, read back, compare), keeping the
/// headers when the URL is the one registered now.
pub async fn register_webhook(client: &Client, url: &str, current: &Webhook) -> Result<Webhook> {
    let headers =
        if current.url.as_deref() == Some(url) { current.headers.clone() } else { Default::default() };
    register::register(client, &Webhook { url: Some(url.to_owned()), headers }).await
}

/// The channel checklist of `channel check`, for the profile being set up (not yet stored).
pub async fn check_channel(
    ctx: &Context,
    profile: &str,
    key: &Sourced<ApiKey>,
    client: &Client,
    url: &str,
) -> CheckReport {
    let settings = Settings {
        profile: Sourced::new(profile.to_owned(), Source::Flag),
        api: Sourced::new(client.flavour(), Source::Flag),
        base_url: Sourced::new(client.base_url().as_str().trim_end_matches('/').to_owned(), Source::Flag),
        token: Some(key.clone()),
        webhook_url: Some(url.to_owned()),
        test_recipient: None,
        profile_exists: false,
    };
    let options = CheckOptions::new(Some(url.to_owned()), ctx.request_timeout());
    run_checks(ctx, &settings, Some(client), &options).await
}

/// A webhook URL as 360dialog takes it (the rule `channel activate` applies).
pub fn check_webhook_url(text: &str) -> std::result::Result<String, String> {
    rules::check_webhook_url(text).map(|_| text.trim().to_owned()).map_err(|problem| problem.to_string())
}

/// A recipient phone number in the form `send` uses (digits, country code first).
pub fn check_phone(text: &str) -> std::result::Result<String, String> {
    phone::normalize(text).map_err(|problem| format!("\"{}\": {problem}", text.trim()))
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
    let mut usable: Vec<TestTemplate> = Vec::new();
    let listed = match name {
        Some(name) => client
            .find_templates(name, None)
            .await
            .map(|all| usable.extend(all.iter().filter_map(usable_for_test))),
        None => {
            let mut query = TemplateQuery::default();
            query.filters.insert("status".into(), Value::String("approved".into()));
            let keep = |page: Vec<Value>| usable.extend(page.iter().filter_map(usable_for_test));
            client.list_templates(&query, 0, None, keep).await.map(|_| ())
        }
    };
    listed.map_err(|err| Error::from(err).context("listing the approved templates failed"))?;
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

/// The request body for `send_message`, from the shared builders of `send`.
pub fn test_message_body(flavour: Flavour, to: &str, message: &TestMessage) -> Result<Value> {
    match message {
        TestMessage::Template(template) => {
            let reference = TemplateRef {
                name: &template.name,
                language: &template.language,
                namespace: template.namespace.as_deref(),
            };
            let (expected, params) = (ExpectedParameters::default(), TemplateParams::default());
            message::template::build(flavour, to, &reference, &expected, &params)
                .map_err(|err| Error::failed(err.to_string()))
        }
        TestMessage::Text { body } => Ok(message::text(flavour, to, body, false)),
    }
}

/// Sends the test message; returns its message id.
pub async fn send_test_message(client: &Client, to: &str, message: &TestMessage) -> Result<String> {
    let body = test_message_body(client.flavour(), to, message)?;
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
    use serde_json::json;

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
        let body = test_message_body(Flavour::Cloud, "4915123456789", &hello(Some("ns"))).expect("body");
        assert_eq!(
            body,
            json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "4915123456789",
                "type": "template", "template": {"name": "hello_world",
                "language": {"policy": "deterministic", "code": "en_US"}}})
        );
    }

    #[test]
    fn on_premise_template_body_names_the_namespace_and_drops_the_messaging_product() {
        let body =
            test_message_body(Flavour::OnPremise, "4915123456789", &hello(Some("ns_1"))).expect("body");
        assert_eq!(body.get("messaging_product"), None);
        assert_eq!(body["template"]["namespace"], "ns_1");
    }

    #[test]
    fn text_body_carries_the_text() {
        let body =
            test_message_body(Flavour::Cloud, "4915123456789", &TestMessage::Text { body: "hi".into() })
                .expect("body");
        assert_eq!(body["type"], "text");
        assert_eq!(body["text"], json!({"body": "hi", "preview_url": false}));
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
}
