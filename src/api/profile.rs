//! The business profile: Cloud `GET|POST /whatsapp_business_profile` (read `data[0]`, flat or
//! under `business_profile`); on-premise `GET|PATCH /v1/settings/business/profile` and, for
//! `about`, `GET|PATCH /v1/settings/profile/about`.

use reqwest::Method;
use serde_json::{Map, Value, json};

use super::retry::Safety;
use super::{Client, Flavour, Result};

const CLOUD: &str = "/whatsapp_business_profile";
const ONPREM: &str = "/v1/settings/business/profile";
const ONPREM_ABOUT: &str = "/v1/settings/profile/about";

impl Client {
    /// The profile's fields (as the API names them).
    pub async fn business_profile(&self) -> Result<Map<String, Value>> {
        match self.flavour {
            Flavour::Cloud => {
                let raw: Value = self.json(Method::GET, CLOUD, &[], None, Safety::Idempotent).await?;
                raw.pointer("/data/0").and_then(Value::as_object).cloned().ok_or_else(|| {
                    self.decode_error(CLOUD, "the answer has no data[0], so it is not a business profile")
                })
            }
            Flavour::OnPremise => {
                let raw: Value = self.json(Method::GET, ONPREM, &[], None, Safety::Idempotent).await?;
                let mut fields = raw
                    .pointer("/settings/business/profile")
                    .and_then(Value::as_object)
                    .cloned()
                    .ok_or_else(|| {
                        self.decode_error(ONPREM, "the answer has no settings.business.profile")
                    })?;
                let about: Value =
                    self.json(Method::GET, ONPREM_ABOUT, &[], None, Safety::Idempotent).await?;
                if let Some(text) = about.pointer("/settings/profile/about/text") {
                    fields.insert("about".into(), text.clone());
                }
                Ok(fields)
            }
        }
    }

    /// Changes exactly the given fields.
    pub async fn set_business_profile(&self, fields: &Map<String, Value>) -> Result<()> {
        match self.flavour {
            Flavour::Cloud => {
                let mut body = Map::new();
                body.insert("messaging_product".into(), json!("whatsapp"));
                body.extend(fields.clone());
                self.call(Method::POST, CLOUD, &[], Some(&Value::Object(body)), Safety::Idempotent).await?;
            }
            Flavour::OnPremise => {
                let mut business = fields.clone();
                if let Some(about) = business.remove("about") {
                    let body = json!({"text": about});
                    self.call(Method::PATCH, ONPREM_ABOUT, &[], Some(&body), Safety::Idempotent).await?;
                }
                if !business.is_empty() {
                    let body = Value::Object(business);
                    self.call(Method::PATCH, ONPREM, &[], Some(&body), Safety::Idempotent).await?;
                }
            }
        }
        Ok(())
    }
}
