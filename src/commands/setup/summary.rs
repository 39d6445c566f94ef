//! The wizard's closing summary: what was set (profile, API, key hint, health, webhook, test
//! recipient, test message, where it was saved) and the next commands to try; the same report
//! is the `--json` document.

use std::path::PathBuf;

use serde::Serialize;

use super::steps::TestMessage;
use crate::api::Flavour;
use crate::output::{Output, Report};

/// What happened to the webhook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WebhookOutcome {
    pub url: String,
    /// `registered` (set and read back) or `unchanged` (the step was skipped).
    pub status: &'static str,
}

/// The test message that was sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentTest {
    pub to: String,
    #[serde(flatten)]
    pub message: TestMessage,
    pub message_id: String,
}

/// The channel's health as shown during setup.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HealthOutcome {
    pub status: String,
    pub reasons: Vec<String>,
}

/// Everything `setup` did.
#[derive(Debug, Serialize)]
pub struct SetupReport {
    pub profile: String,
    pub api: Flavour,
    pub base_url: String,
    pub token_hint: String,
    pub verified: bool,
    pub health: Option<HealthOutcome>,
    pub webhook: Option<WebhookOutcome>,
    pub test_recipient: Option<String>,
    pub test_message: Option<SentTest>,
    /// `config.toml` the profile was written to.
    pub saved_to: PathBuf,
    pub next: Vec<String>,
}

impl Report for SetupReport {
    fn human(&self, out: &Output) -> String {
        let mut lines =
            vec![format!("Profile '{}' is set up (saved to {}).", self.profile, self.saved_to.display())];
        let mut row = |label: &str, value: String| lines.push(format!("  {label:<13}{value}"));
        row("API", format!("{}, {}", self.api.name(), self.base_url));
        row("Key", format!("{} (verified)", self.token_hint));
        if let Some(health) = &self.health {
            let reasons = if health.reasons.is_empty() {
                String::new()
            } else {
                format!(" ({})", health.reasons.join("; "))
            };
            row("Health", format!("{}{reasons}", health.status));
        }
        row(
            "Webhook",
            self.webhook.as_ref().map_or("not set".into(), |w| format!("{} ({})", w.url, w.status)),
        );
        row("Recipient", self.test_recipient.clone().unwrap_or_else(|| "none".into()));
        row(
            "Test message",
            self.test_message.as_ref().map_or("not sent".into(), |sent| {
                let what = match &sent.message {
                    TestMessage::Template(t) => format!("template {} ({})", t.name, t.language),
                    TestMessage::Text { .. } => "text".into(),
                };
                format!("{what} sent to {}, id {}", sent.to, sent.message_id)
            }),
        );
        lines.push(String::new());
        lines.push(out.paint("Next:", "1"));
        lines.extend(self.next.iter().map(|command| format!("  {command}")));
        lines.join("\n")
    }
}

/// The commands to try next; `--profile NAME` is added unless it is the current profile.
pub fn next_commands(profile: &str, is_current: bool, recipient: Option<&str>) -> Vec<String> {
    let flag = if is_current { String::new() } else { format!(" --profile {profile}") };
    let to = recipient.unwrap_or("PHONE");
    vec![
        format!("whatsapp-ctl auth status{flag}"),
        format!("whatsapp-ctl channel check{flag}"),
        format!("whatsapp-ctl templates list --status approved{flag}"),
        format!("whatsapp-ctl send template --to {to} --name NAME --language LANG{flag}"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_commands_name_the_profile_only_when_it_is_not_the_current_one() {
        let current = next_commands("default", true, Some("4915123456789"));
        assert_eq!(current[0], "whatsapp-ctl auth status");
        assert!(current[3].contains("--to 4915123456789"));
        let other = next_commands("shop", false, None);
        assert!(other.iter().all(|c| c.ends_with(" --profile shop")), "{other:?}");
        assert!(other[3].contains("--to PHONE"));
    }
}
