//! What every `send` leaf shares once its input passed the local checks: the recipient
//! (normalised `--to`, else the profile's test recipient), the client for the profile, and one
//! send that turns a refusal into an explained error.

use serde_json::Value;

use super::Recipient;
use super::refusal::{self, Situation};
use crate::api::{Client, Flavour};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::phone;
use crate::settings::{Settings, Source};

/// A client bound to one recipient.
pub struct Sender<'a> {
    pub ctx: &'a Context,
    pub client: Client,
    pub settings: Settings,
    /// The recipient's digits.
    pub to: String,
}

impl<'a> Sender<'a> {
    /// Resolves the recipient (exit 2 when there is none, 3 when it is not a phone number), then
    /// the client (exit 4 without a key).
    pub async fn open(ctx: &'a Context, recipient: &Recipient) -> Result<Sender<'a>> {
        let settings = ctx.settings().await?;
        let to = resolve_recipient(recipient.to.as_deref(), &settings)?;
        let client = ctx.client_with(&settings)?;
        Ok(Sender { ctx, client, settings, to })
    }

    pub fn flavour(&self) -> Flavour {
        self.client.flavour()
    }

    /// Sends one body; the message id the API returned, or the refusal explained.
    pub async fn send(&self, body: &Value, situation: &Situation<'_>) -> Result<Option<String>> {
        match self.client.send_message(body).await {
            Ok(response) => Ok(response.message_id().map(str::to_owned)),
            Err(err) => Err(self.explain(err, situation).await),
        }
    }

    /// Sends one body and hands back the raw API error, for callers with a fallback.
    pub async fn try_send(&self, body: &Value) -> Result<Option<String>, crate::api::Error> {
        self.client.send_message(body).await.map(|r| r.message_id().map(str::to_owned))
    }

    /// The refusal explained; for the 24-hour window with a ready-to-run template command.
    pub async fn explain(&self, err: crate::api::Error, situation: &Situation<'_>) -> Error {
        let mut situation = situation.clone();
        let command;
        if refusal::is_window(&err) {
            command = self.template_command().await;
            situation.template_command = Some(&command);
        }
        refusal::explain(err, &situation)
    }

    /// `whatsapp-ctl send template --to … --name … --language …` with an approved template of
    /// the channel and placeholders for its parameters (placeholders for the name when there is
    /// none or the lookup fails).
    async fn template_command(&self) -> String {
        let mut command = String::from("whatsapp-ctl");
        if self.ctx.global.emulator {
            command.push_str(" --emulator");
        }
        if self.settings.profile.source == Source::Flag {
            command.push_str(&format!(" --profile {}", self.settings.profile.value));
        }
        if self.settings.base_url.source == Source::Flag {
            command
                .push_str(&format!(" --base-url {}", crate::api::redact_raw(&self.settings.base_url.value)));
        }
        command.push_str(&format!(" send template --to {}", self.to));
        match self.approved_template().await {
            Some(template) => {
                let text = |key: &str| template.get(key).and_then(Value::as_str).unwrap_or("?").to_owned();
                command.push_str(&format!(" --name {} --language {}", text("name"), text("language")));
                let expected = crate::template::expected_parameters(&template);
                if expected.header != crate::template::HeaderParameter::None {
                    command.push_str(" --header-param <header>");
                }
                for n in 1..=expected.body {
                    command.push_str(&format!(" --param <{n}>"));
                }
                for _ in crate::message::template::button_slots(&expected) {
                    command.push_str(" --button-param <button>");
                }
            }
            None => command.push_str(" --name <approved template> --language <code>"),
        }
        command
    }

    async fn approved_template(&self) -> Option<Value> {
        let mut query = crate::api::TemplateQuery::default();
        query.filters.insert("status".into(), Value::String("approved".into()));
        let mut found = Vec::new();
        self.client.list_templates(&query, 0, Some(1), |page| found.extend(page)).await.ok()?;
        found.into_iter().find(|t| {
            t.get("status").and_then(Value::as_str).is_some_and(|s| s.eq_ignore_ascii_case("approved"))
        })
    }
}

/// `--to`, else the profile's `test_recipient`, normalised.
pub fn resolve_recipient(to: Option<&str>, settings: &Settings) -> Result<String> {
    let (raw, from_config) = match (to, settings.test_recipient.as_deref()) {
        (Some(to), _) => (to, false),
        (None, Some(stored)) => (stored, true),
        (None, None) => {
            let alternative = if settings.profile.source == Source::Emulator {
                "; with --emulator no profile, and so no test recipient, is read".to_owned()
            } else {
                format!(
                    ", or set test_recipient = \"…\" for profile '{}' in config.toml",
                    settings.profile.value
                )
            };
            return Err(Error::usage("no recipient: --to is missing and the profile has no test recipient")
                .with_hint(format!(
                    "pass --to PHONE (country code first, e.g. --to +4915123456789){alternative}"
                )));
        }
    };
    phone::normalize(raw).map_err(|reason| {
        let source = if from_config {
            format!("the test recipient {raw:?} of profile '{}' (config.toml)", settings.profile.value)
        } else {
            format!("--to {raw:?}")
        };
        Error::invalid(format!("{source} is not a phone number: it {reason}")).with_hint(
            "write the number with its country code, e.g. +49 151 23456789 or 0049 151 23456789; spaces, \
             dashes, dots and parentheses are fine",
        )
    })
}
