//! The wizard's channel steps: read the key (hidden prompt or `--token-stdin`) and verify it,
//! show the health, register the webhook; on a terminal a failed step can be retried or skipped.

use super::prompts::optional;
use super::steps;
use super::summary::{HealthOutcome, WebhookOutcome};
use super::{Next, Wizard};
use crate::api::{Client, Flavour, Webhook};
use crate::commands::channel::checklist;
use crate::commands::input;
use crate::config::Profile;
use crate::error::Result;
use crate::secret::ApiKey;
use crate::settings::{Source, Sourced};

impl Wizard<'_> {
    /// Reads the key and checks it; on a terminal a rejected key is asked for again.
    pub(super) async fn verify_key(
        &self,
        profile: &str,
        stored_key: Option<&ApiKey>,
        base_url: &str,
        api: Flavour,
    ) -> Result<(Sourced<ApiKey>, Client, Webhook)> {
        loop {
            let key = self.read_key(profile, stored_key).await?;
            let client = self.ctx.client_for(base_url, api, key.value.clone())?;
            self.ctx.out.info(&format!("Checking key {} with {base_url} ...", key.value.hint()));
            match steps::verify_key(&client).await {
                Ok(webhook) => {
                    self.ctx.out.info("Key accepted.");
                    return Ok((key, client, webhook));
                }
                Err(err) => match self.after_failure(err, "Enter the key again", false)? {
                    Next::Again | Next::Skip => {}
                },
            }
        }
    }

    /// The key and where it came from: standard input, the hidden prompt, or the stored key.
    async fn read_key(&self, profile: &str, stored_key: Option<&ApiKey>) -> Result<Sourced<ApiKey>> {
        let Some(ui) = self.ui.as_ref().filter(|_| !self.args.token_stdin) else {
            let command = format!("whatsapp-ctl setup --profile {profile}");
            let key = input::read_api_key(&self.ctx.out, true, &command).await?;
            return Ok(Sourced::new(key, Source::Stdin));
        };
        let label = match stored_key {
            Some(key) => format!("API key (D360-API-KEY; Enter keeps {})", key.hint()),
            None => "API key (D360-API-KEY, hidden)".to_owned(),
        };
        loop {
            let typed = ui.secret(&label)?;
            if let Some(key) = ApiKey::new(&typed) {
                return Ok(Sourced::new(key, Source::Prompt));
            }
            if let Some(key) = stored_key {
                return Ok(Sourced::new(key.clone(), Source::Config));
            }
            ui.note("  a key is needed: copy it from the 360dialog hub, or press Escape to stop");
        }
    }

    /// Shows the channel's health; a failure to read it is only a warning.
    pub(super) async fn health(&self, client: &Client) -> Option<HealthOutcome> {
        match steps::show_health(client).await {
            Ok(health) => {
                let out = &self.ctx.out;
                out.info(&format!("Channel health: {}", health.status));
                if !steps::can_send(&health) {
                    out.warn(&format!(
                        "the number cannot send messages now ({}){}",
                        health.status,
                        if health.reasons.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", health.reasons.join("; "))
                        }
                    ));
                }
                Some(HealthOutcome { status: health.status, reasons: health.reasons })
            }
            Err(err) => {
                self.ctx.out.warn(&format!("{err}; going on without it"));
                None
            }
        }
    }

    pub(super) async fn webhook(
        &self,
        profile: &str,
        key: &Sourced<ApiKey>,
        client: &Client,
        stored: &Profile,
        registered: &Webhook,
        mut from_flag: Option<String>,
    ) -> Result<Option<WebhookOutcome>> {
        let current = registered.url.clone().filter(|u| !u.is_empty());
        let default = stored.webhook_url.clone().or_else(|| current.clone());
        let unchanged = current.clone().map(|url| WebhookOutcome { url, status: "unchanged" });
        loop {
            let wanted = match (from_flag.take(), &self.ui) {
                (Some(url), _) => Some(url),
                (None, _) if self.args.no_webhook => None,
                (None, Some(ui)) => {
                    optional(ui, "Webhook URL", default.as_deref(), steps::check_webhook_url)?
                }
                (None, None) => None,
            };
            let Some(url) = wanted else { return Ok(unchanged) };
            self.ctx.out.info(&format!("Registering webhook {url} ..."));
            match steps::register_webhook(client, &url, registered).await {
                Ok(_) => {
                    if current.as_deref() != Some(url.as_str()) {
                        self.webhook_changed(&url, current.as_deref());
                    }
                    self.ctx.out.info("Webhook registered and read back. Checking the channel ...");
                    let report = steps::check_channel(self.ctx, profile, key, client, &url).await;
                    self.ctx.out.info(&checklist::render(&self.ctx.out, &report));
                    if !report.ok {
                        self.ctx.out.warn("the channel checks found problems; setup goes on, fix them and run `whatsapp-ctl channel check`");
                    }
                    return Ok(Some(WebhookOutcome { url, status: "registered" }));
                }
                Err(err) => match self.after_failure(err, "Enter another webhook URL", true)? {
                    Next::Again => {}
                    Next::Skip => return Ok(unchanged),
                },
            }
        }
    }
}
