//! `channel webhook`: the webhook registered with 360dialog (`GET /v1/configs/webhook`), header
//! values masked. Warns when the profile remembers another URL than the one registered.

use serde::Serialize;

use super::activate::WebhookView;
use crate::checks::rules::same_url;
use crate::context::Context;
use crate::error::Result;
use crate::output::{Output, Report};

/// `{"url": string|null, "headers": {name: masked value}}`.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ShowWebhook(WebhookView);

impl Report for ShowWebhook {
    fn human(&self, out: &Output) -> String {
        let Some(url) = self.0.url.as_deref().filter(|u| !u.is_empty()) else {
            return "No webhook is registered: incoming messages go nowhere.\nSet one with `whatsapp-ctl channel activate --webhook-url URL`.".to_owned();
        };
        let mut rows = vec![vec!["url".to_owned(), url.to_owned()]];
        for (name, value) in &self.0.headers {
            rows.push(vec![format!("header {name}"), value.clone()]);
        }
        out.table(&["", ""], rows).lines().skip(1).collect::<Vec<_>>().join("\n")
    }
}

pub async fn run(ctx: &Context) -> Result<ShowWebhook> {
    let (client, settings) = ctx.client().await?;
    let hook = client.get_webhook().await?;
    if let (Some(remembered), Some(registered)) = (&settings.webhook_url, &hook.url)
        && !same_url(remembered, registered)
    {
        ctx.out.warn(&format!(
            "profile '{}' remembers {remembered}, but 360dialog has {registered}",
            settings.profile.value
        ));
    }
    Ok(ShowWebhook(WebhookView::masked(&hook)))
}
