//! Conversational components: Cloud `GET|POST /conversational_automation` (360dialog's path is
//! not documented; Meta's is `/{phone-number-id}/conversational_automation`, and this follows
//! 360dialog's pattern of dropping the phone-number id, as for `/whatsapp_business_profile`).

use reqwest::Method;
use serde_json::{Map, Value};

use super::retry::Safety;
use super::{Client, Result};

const PATH: &str = "/conversational_automation";

impl Client {
    /// The current settings as the API sends them.
    pub async fn conversational_automation(&self) -> Result<Value> {
        self.json(Method::GET, PATH, &[], None, Safety::Idempotent).await
    }

    /// Changes exactly the given fields.
    pub async fn set_conversational_automation(&self, body: &Map<String, Value>) -> Result<()> {
        let body = Value::Object(body.clone());
        self.call(Method::POST, PATH, &[], Some(&body), Safety::Idempotent).await.map(|_| ())
    }
}
