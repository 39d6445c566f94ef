//! One method per 360dialog endpoint whatsapp-ctl calls, plus the two built on them: looking a
//! template up by name, and creating one exactly once through ambiguous failures. A 2xx counts
//! only in its success shape: a webhook answer is an object with `url`, a send answer carries a
//! message id.

use reqwest::Method;
use serde_json::Value;

use super::retry::{self, Safety};
use super::{ApiError, Client, Error, Health, Result, SendResponse, TemplatePage, TemplateQuery, Webhook};

impl Client {
    /// `GET /v1/configs/webhook`; an answer without `url` (even `null`) is not the API's.
    pub async fn get_webhook(&self) -> Result<Webhook> {
        let path = "/v1/configs/webhook";
        let raw: Value = self.json(Method::GET, path, &[], None, Safety::Idempotent).await?;
        if raw.get("url").is_none_or(|url| !(url.is_string() || url.is_null())) {
            return Err(self.decode_error(path, "the answer has no \"url\" field, so it is not a 360dialog webhook answer (is the base URL right?)"));
        }
        serde_json::from_value(raw).map_err(|err| self.decode_error(path, err))
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

    /// `POST /v1/configs/templates`: the body exactly as given. The answer is the created
    /// template: one without a `name` or `id` (`{}`, another service's JSON) is not a success.
    pub async fn create_template(&self, template: &Value) -> Result<Value> {
        let path = "/v1/configs/templates";
        let created: Value = self.json(Method::POST, path, &[], Some(template), Safety::SideEffect).await?;
        if !["name", "id"].iter().any(|key| created.get(key).is_some_and(Value::is_string)) {
            return Err(self.decode_error(
                path,
                "the answer is not a template (no \"name\" or \"id\"), so the template may or may not \
                 have been created",
            ));
        }
        Ok(created)
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

    /// Cloud `POST /messages` or on-premise `POST /v1/messages`, body as given; an answer
    /// without a message id is an error (the message may or may not have been sent).
    pub async fn send_message(&self, body: &Value) -> Result<SendResponse> {
        let path = self.flavour.messages_path();
        let response: SendResponse =
            self.json(Method::POST, path, &[], Some(body), Safety::SideEffect).await?;
        if response.message_id().is_none_or(|id| id.trim().is_empty()) {
            return Err(self.decode_error(
                path,
                "the answer carries no message id, so the message may or may not have been sent",
            ));
        }
        Ok(response)
    }

    /// Every language of template `name` (or just `language`), looked up with the API's filters.
    pub async fn find_templates(&self, name: &str, language: Option<&str>) -> Result<Vec<Value>> {
        let mut query = TemplateQuery::default();
        query.filters.insert("business_templates.name".into(), Value::String(name.to_owned()));
        if let Some(language) = language {
            query.filters.insert("language".into(), Value::String(language.to_owned()));
        }
        let wanted = |t: &Value| {
            t.get("name").and_then(Value::as_str) == Some(name)
                && language.is_none_or(|l| t.get("language").and_then(Value::as_str) == Some(l))
        };
        // Filtered page by page: a server that ignores the filter costs one page of values.
        let mut found = Vec::new();
        self.list_templates(&query, 0, None, |page| found.extend(page.into_iter().filter(wanted))).await?;
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
            // On a later attempt "already exists" means an earlier, ambiguous one landed
            // (the listing we checked lagged behind).
            if attempts > 1 && error.api().is_some_and(ApiError::is_duplicate_template) {
                self.log(1, &format!("{name} already exists: the earlier attempt was created"));
                return Ok(self.find_templates(name, language).await?.into_iter().next().unwrap_or_else(
                    || serde_json::json!({"name": name, "language": language, "status": "PENDING"}),
                ));
            }
            let ambiguous = match &error {
                Error::Network { kind, .. } => kind.may_have_reached_server(),
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

/// Percent-encodes one path segment (everything but RFC 3986's unreserved characters).
pub(super) fn encode_segment(segment: &str) -> String {
    const SEGMENT: &percent_encoding::AsciiSet =
        &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
    percent_encoding::utf8_percent_encode(segment, SEGMENT).to_string()
}
