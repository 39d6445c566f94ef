//! The wizard's last step: the test message, chosen by flag (`--test-template`, `--test-text`)
//! or from a list of approved variable-free templates plus a text, sent through `steps`; on a
//! terminal a refused message can be replaced or skipped.

use super::prompts::Prompter;
use super::steps::{self, TestMessage, TestTemplate};
use super::summary::SentTest;
use super::{Next, Wizard};
use crate::api::Client;
use crate::error::{Error, Result};

impl Wizard<'_> {
    /// Sends the test message chosen by flag or from the list; `None` when none was wanted.
    pub(super) async fn test_message(
        &self,
        client: &Client,
        profile: &str,
        to: &str,
    ) -> Result<Option<SentTest>> {
        let mut chosen = self.test_from_flags(client).await?;
        let mut templates = None;
        loop {
            let message = match (chosen.take(), &self.ui) {
                (Some(message), _) => message,
                (None, Some(ui)) => match self.choose_test(ui, client, &mut templates, profile, to).await? {
                    Some(message) => message,
                    None => return Ok(None),
                },
                (None, None) => return Ok(None),
            };
            self.ctx.out.info(&format!("Sending the test message to {to} ..."));
            match steps::send_test_message(client, to, &message).await {
                Ok(message_id) => {
                    self.ctx.out.info(&format!("Test message accepted: {message_id}"));
                    return Ok(Some(SentTest { to: to.to_owned(), message, message_id }));
                }
                Err(err) => match self.after_failure(err, "Choose another test message", true)? {
                    Next::Again => {}
                    Next::Skip => return Ok(None),
                },
            }
        }
    }

    async fn test_from_flags(&self, client: &Client) -> Result<Option<TestMessage>> {
        if let Some(text) = &self.args.test_text {
            return Ok(Some(TestMessage::Text { body: text.clone() }));
        }
        let Some(name) = &self.args.test_template else { return Ok(None) };
        let language = self.args.test_language.as_deref();
        let mut found = steps::test_templates(client, Some(name)).await?;
        found.retain(|t| language.is_none_or(|l| t.language == l));
        let wanted = format!("'{name}'{}", language.map(|l| format!(" ({l})")).unwrap_or_default());
        match found.len() {
            0 => Err(Error::failed(format!("no approved template {wanted} without variables; nothing was sent"))
                .with_hint("`whatsapp-ctl templates list --status approved` lists them; setup sends only templates without variables")),
            1 => Ok(found.pop().map(TestMessage::Template)),
            _ => match &self.ui {
                Some(ui) => {
                    let items: Vec<String> = found.iter().map(|t| t.language.clone()).collect();
                    let index = ui.select(&format!("Language of {name}"), &items, 0)?;
                    Ok(Some(TestMessage::Template(found.swap_remove(index))))
                }
                None => Err(Error::usage(format!(
                    "template '{name}' is approved in several languages ({}); choose one with --test-language",
                    found.iter().map(|t| t.language.as_str()).collect::<Vec<_>>().join(", ")
                ))),
            },
        }
    }

    async fn choose_test(
        &self,
        ui: &Prompter,
        client: &Client,
        cache: &mut Option<Vec<TestTemplate>>,
        profile: &str,
        to: &str,
    ) -> Result<Option<TestMessage>> {
        if cache.is_none() {
            let listed = steps::test_templates(client, None).await.unwrap_or_else(|err| {
                self.ctx.out.warn(&err.to_string());
                Vec::new()
            });
            *cache = Some(listed);
        }
        let templates = cache.as_deref().unwrap_or_default();
        let mut items: Vec<String> = templates
            .iter()
            .map(|t| format!("template {} ({}, {})", t.name, t.language, t.category.to_lowercase()))
            .collect();
        items.push(format!("a text (only if {to} wrote in the last 24 hours)"));
        items.push("no test message".to_owned());
        let index = ui.select(&format!("Test message to {to}"), &items, 0)?;
        if let Some(template) = templates.get(index) {
            return Ok(Some(TestMessage::Template(template.clone())));
        }
        if index == templates.len() {
            let default = format!("Test message from whatsapp-ctl: profile '{profile}' is set up.");
            let body = ui.text("Text", Some(&default), |t| {
                if t.trim().is_empty() { Err("the text is empty".to_owned()) } else { Ok(t.to_owned()) }
            })?;
            return Ok(Some(TestMessage::Text { body }));
        }
        Ok(None)
    }
}
