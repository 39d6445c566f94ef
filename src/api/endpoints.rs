//! One method per 360dialog endpoint whatsapp-ctl calls, plus the two built on them: looking a
//! template up by name, and creating one exactly once through ambiguous failures.

use reqwest::Method;
use serde_json::Value;

use super::retry::{self, Safety};
use super::{Client, Error, Health, Result, SendResponse, TemplatePage, TemplateQuery, Webhook};

impl Client {
    /// `GET /v1/configs/webhook`.
    pub async fn get_webhook(&self) -> Result<Webhook> {
        self.json(Method::GET, "/v1/configs/webhook", &[], None, Safety::Idempotent).await
    }

    /// `POST /v1/configs/webhook`.
    pub async fn set_webhook(&self, webhook: &Webhook) -> Result<Webhook> {
        let body =
            serde_json::to_value(webhook).map_err(|err| self.decode_error("/v1/configs/webhook", err))?;
        self.json(Method::POST, "/v1/configs/webhook", &[], Some(&body), Safety::SideEffect).await
    }

    /// One page of `GET /v1/configs/templates`.
    pub async fn list_templates_page(
        &self,
        query: &TemplateQuery,
        offset: usize,
        limit: usize,
    ) -> Result<TemplatePage> {
        let params = page_params(query, offset, limit);
        self.json(Method::GET, "/v1/configs/templates", &params, None, Safety::Idempotent).await
    }

    /// `POST /v1/configs/templates`: the body exactly as given.
    pub async fn create_template(&self, template: &Value) -> Result<Value> {
        self.json(Method::POST, "/v1/configs/templates", &[], Some(template), Safety::SideEffect).await
    }

    /// `DELETE /v1/configs/templates/{name}`: every language of that name.
    pub async fn delete_template(&self, name: &str) -> Result<()> {
        let path = format!("/v1/configs/templates/{}", encode_segment(name));
        self.call(Method::DELETE, &path, &[], None, Safety::Idempotent).await.map(|_| ())
    }

    /// Cloud `GET /health_status` or on-premise `GET /v1/health`.
    pub async fn health(&self) -> Result<Health> {
        let raw: Value =
            self.json(Method::GET, self.flavour.health_path(), &[], None, Safety::Idempotent).await?;
        Ok(Health::from_body(raw))
    }

    /// Cloud `POST /messages` or on-premise `POST /v1/messages`, body as given.
    pub async fn send_message(&self, body: &Value) -> Result<SendResponse> {
        self.json(Method::POST, self.flavour.messages_path(), &[], Some(body), Safety::SideEffect).await
    }

    /// Every language of template `name` (or just `language`), looked up with the API's filters.
    pub async fn find_templates(&self, name: &str, language: Option<&str>) -> Result<Vec<Value>> {
        let mut query = TemplateQuery::default();
        query.filters.insert("business_templates.name".into(), Value::String(name.to_owned()));
        if let Some(language) = language {
            query.filters.insert("language".into(), Value::String(language.to_owned()));
        }
        let mut found = Vec::new();
        self.list_templates(&query, 0, None, |page| found.extend(page)).await?;
        found.retain(|t| {
            t.get("name").and_then(Value::as_str) == Some(name)
                && language.is_none_or(|l| t.get("language").and_then(Value::as_str) == Some(l))
        });
        Ok(found)
    }

    /// Creates a template exactly once: after an ambiguous failure (5xx, timeout, broken
    /// connection) it looks the template up and creates it again only when it is not there.
    pub async fn submit_template(&self, template: &Value) -> Result<Value> {
        let name = template.get("name").and_then(Value::as_str).unwrap_or_default();
        let language = template.get("language").and_then(Value::as_str);
        let mut attempts = 0;
        loop {
            attempts += 1;
            let error = match self.create_template(template).await {
                Ok(created) => return Ok(created),
                Err(error) => error,
            };
            let ambiguous = match &error {
                Error::Network { .. } => true,
                Error::Api(api) => api.is_transient_server_error(),
                _ => false,
            };
            if !ambiguous || attempts > self.retries {
                return Err(error);
            }
            self.log(1, &format!("ambiguous failure creating {name}: looking it up before trying again"));
            if let Some(existing) = self.find_templates(name, language).await?.into_iter().next() {
                return Ok(existing);
            }
            tokio::time::sleep(retry::backoff(attempts - 1)).await;
        }
    }
}

/// The query parameters of one template list page.
pub(super) fn page_params(query: &TemplateQuery, offset: usize, limit: usize) -> Vec<(&'static str, String)> {
    let mut params = vec![("limit", limit.to_string()), ("offset", offset.to_string())];
    if let Some(sort) = &query.sort {
        params.push(("sort", sort.clone()));
    }
    if !query.filters.is_empty() {
        params.push(("filters", Value::Object(query.filters.clone()).to_string()));
    }
    params
}

/// Percent-encodes one path segment.
fn encode_segment(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
