//! `setup`: the wizard that takes a newcomer from nothing to a verified channel with a test
//! message on their phone. Profile → API flavour → key (verified live) → health → webhook
//! (registered, read back) → test recipient and test message → one config write at the end →
//! summary. Every question has a flag; without a terminal a question no flag answered exits 2
//! before anything is sent. Ctrl-C, Escape or declining the save writes nothing.

mod channel;
mod prompts;
mod steps;
mod summary;
mod test_message;

use clap::Args;

use self::prompts::{Prompter, Question, optional};
use self::summary::SetupReport;
use crate::api::Flavour;
use crate::config::{Credential, Profile};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::settings;

#[derive(Debug, Args)]
#[command(after_help = crate::commands::help::SETUP)]
pub struct SetupArgs {
    /// API flavour of the channel [default: the profile's, else cloud]
    #[arg(long, value_parser = crate::cli::flavour_parser(), value_name = "API")]
    pub api: Option<Flavour>,
    /// Read the API key from standard input instead of a hidden prompt (needed without a terminal)
    #[arg(long)]
    pub token_stdin: bool,
    /// Register this webhook URL (https; plain http only to localhost) and read it back
    #[arg(long, value_name = "URL", conflicts_with = "no_webhook")]
    pub webhook_url: Option<String>,
    /// Leave the registered webhook as it is
    #[arg(long)]
    pub no_webhook: bool,
    /// Default recipient of test messages, stored in the profile (country code first)
    #[arg(long, value_name = "PHONE")]
    pub test_recipient: Option<String>,
    /// Send this approved template (one without variables) as the test message
    #[arg(long, value_name = "NAME", conflicts_with_all = ["test_text", "no_test"])]
    pub test_template: Option<String>,
    /// Language of --test-template [default: its only approved language]
    #[arg(long, value_name = "LANG", requires = "test_template")]
    pub test_language: Option<String>,
    /// Send this text as the test message (the recipient must have written within 24 hours)
    #[arg(long, value_name = "TEXT", conflicts_with = "no_test")]
    pub test_text: Option<String>,
    /// Send no test message (and do not ask for a test recipient)
    #[arg(long)]
    pub no_test: bool,
    /// Take the default for every question no flag answered (webhook unchanged, no test), and
    /// save without asking
    #[arg(short, long)]
    pub yes: bool,
}

/// The questions a script must answer with flags (or `--yes`); profile and API have defaults.
fn questions(args: &SetupArgs) -> [Question; 4] {
    let test_chosen = args.no_test || args.test_template.is_some() || args.test_text.is_some();
    [
        Question { what: "API key", flags: "--token-stdin", answered: args.token_stdin, yes_answers: false },
        Question {
            what: "webhook",
            flags: "--webhook-url URL or --no-webhook",
            answered: args.webhook_url.is_some() || args.no_webhook,
            yes_answers: true,
        },
        Question {
            what: "test recipient",
            flags: "--test-recipient PHONE or --no-test",
            answered: args.test_recipient.is_some() || args.no_test,
            yes_answers: true,
        },
        Question {
            what: "test message",
            flags: "--test-template NAME, --test-text TEXT or --no-test",
            answered: test_chosen,
            yes_answers: true,
        },
    ]
}

/// What the wizard has settled so far.
struct Wizard<'a> {
    ctx: &'a Context,
    args: &'a SetupArgs,
    ui: Option<Prompter>,
    /// The webhook registered at 360dialog during this run, and the one before it.
    changed: std::sync::Mutex<Option<WebhookChange>>,
}

/// A change made at 360dialog before the profile is saved: what an abort must own up to.
#[derive(Debug, Clone)]
struct WebhookChange {
    url: String,
    before: Option<String>,
}

/// What to do after a failed step (on a terminal).
pub(super) enum Next {
    Again,
    Skip,
}

pub async fn run(ctx: &Context, args: SetupArgs) -> Result<u8> {
    if ctx.global.emulator {
        return Err(Error::usage("`setup` writes a profile; with --emulator no profile is used").with_hint(
            "start `whatsapp-ctl emulator start` and run `whatsapp-ctl setup --base-url <its base URL>`",
        ));
    }
    let interactive = prompts::terminal_attached();
    prompts::require_answers(&questions(&args), interactive, args.yes)?;
    let webhook_flag = args.webhook_url.as_deref().map(steps::check_webhook_url).transpose();
    let webhook_flag = webhook_flag.map_err(|p| Error::invalid(format!("--webhook-url {p}")))?;
    let recipient_flag = args.test_recipient.as_deref().map(steps::check_phone).transpose();
    let recipient_flag = recipient_flag.map_err(|p| Error::invalid(format!("--test-recipient {p}")))?;
    if args.test_text.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::invalid("--test-text is empty; nothing was sent"));
    }
    let _ctrl_c = prompts::catch_ctrl_c();
    let ui = interactive.then(|| Prompter::new(NOTHING_WRITTEN));
    let wizard = Wizard { ctx, args: &args, ui, changed: std::sync::Mutex::new(None) };
    wizard.run(webhook_flag, recipient_flag).await.map_err(|err| wizard.truthful(err))
}

/// How an abort ends while nothing has changed anywhere.
const NOTHING_WRITTEN: &str = "nothing was written";

impl Wizard<'_> {
    async fn run(&self, webhook_flag: Option<String>, recipient_flag: Option<String>) -> Result<u8> {
        let (ctx, args) = (self.ctx, self.args);
        let store = ctx.store()?;
        let files = store.load()?;
        let current = settings::resolve(&ctx.inputs, &files)?;
        let profile = match (&ctx.inputs.profile.value, &self.ui) {
            (Some(name), _) => prompts::profile_name(name).map_err(Error::usage)?,
            (None, Some(ui)) => {
                ui.text("Profile name", Some(&current.profile.value), prompts::profile_name)?
            }
            (None, None) => current.profile.value.clone(),
        };
        let stored = files.config.profiles.get(&profile).cloned().unwrap_or_default();
        let stored_key = files.credentials.profiles.get(&profile).and_then(Credential::key);
        if let Some(ui) = &self.ui
            && (stored != Profile::default() || stored_key.is_some())
        {
            ui.note(&format!("Profile '{profile}' exists: its values are offered as defaults."));
        }
        let api = self.api(&stored)?;
        let base_url = base_url(ctx.inputs.base_url.value.clone(), &stored, api);

        let (key, client, registered) =
            self.verify_key(&profile, stored_key.as_ref(), &base_url, api).await?;
        let health = self.health(&client).await;
        let webhook = self.webhook(&profile, &key, &client, &stored, &registered, webhook_flag).await?;
        let recipient = self.recipient(&stored, recipient_flag)?;
        let test_message = match &recipient {
            Some(to) if !args.no_test => self.test_message(&client, &profile, to).await?,
            _ => None,
        };

        if let Some(ui) = &self.ui
            && !args.yes
            && !ui
                .confirm(&format!("Save profile '{profile}' to {}?", store.config_path().display()), true)?
        {
            return Err(Error::failed(format!("setup cancelled: {NOTHING_WRITTEN}"))
                .with_hint("run `whatsapp-ctl setup` again when you are ready"));
        }
        let registered_url = webhook.as_ref().filter(|w| w.status == "registered").map(|w| w.url.clone());
        let explicit_base = ctx.inputs.base_url.value.clone();
        let is_current = store.update(|files| {
            let first_profile = files.config.profiles.is_empty() && files.credentials.profiles.is_empty();
            let entry = files.config.profiles.entry(profile.clone()).or_default();
            entry.api = Some(api.name().to_owned());
            if let Some(url) = &explicit_base {
                entry.base_url = Some(url.clone());
            }
            if let Some(url) = &registered_url {
                entry.webhook_url = Some(url.clone());
            }
            if let Some(to) = &recipient {
                entry.test_recipient = Some(to.clone());
            }
            files.credentials.profiles.entry(profile.clone()).or_default().api_key =
                key.value.expose().to_owned();
            if first_profile && files.config.current_profile.is_none() && profile != "default" {
                files.config.current_profile = Some(profile.clone());
            }
            Ok::<_, Error>(files.config.current_profile.as_deref().unwrap_or("default") == profile)
        })?;
        if let Some(ui) = &self.ui {
            ui.note("");
        }
        let report = SetupReport {
            next: summary::next_commands(&profile, is_current, recipient.as_deref()),
            profile,
            api,
            base_url,
            token_hint: key.value.hint(),
            verified: true,
            health,
            webhook,
            test_recipient: recipient,
            test_message,
            saved_to: store.config_path(),
        };
        Ok(ctx.out.emit(&report))
    }

    fn api(&self, stored: &Profile) -> Result<Flavour> {
        let stored_api = stored.api.as_deref().and_then(Flavour::parse);
        Ok(match (self.args.api, &self.ui) {
            (Some(api), _) => api,
            (None, Some(ui)) => {
                let items = [
                    "Cloud API (waba-v2.360dialog.io; every number since 2024)".to_owned(),
                    "On-Premise API (legacy; waba.360dialog.io)".to_owned(),
                ];
                let default = usize::from(stored_api == Some(Flavour::OnPremise));
                if ui.select("API flavour", &items, default)? == 0 {
                    Flavour::Cloud
                } else {
                    Flavour::OnPremise
                }
            }
            (None, None) => stored_api.unwrap_or_default(),
        })
    }

    fn recipient(&self, stored: &Profile, from_flag: Option<String>) -> Result<Option<String>> {
        Ok(match (from_flag, &self.ui) {
            (Some(to), _) => Some(to),
            (None, Some(ui)) if !self.args.no_test => optional(
                ui,
                "Test recipient phone, country code first",
                stored.test_recipient.as_deref(),
                steps::check_phone,
            )?,
            (None, _) => stored.test_recipient.clone(),
        })
    }

    /// On a terminal: show the error and ask what to do; else fail with it (nothing written).
    pub(super) fn after_failure(&self, err: Error, again: &str, skippable: bool) -> Result<Next> {
        let mut err = err;
        if self.ui.is_some() {
            self.ctx.out.error(&err);
        }
        err.message = format!("{}; setup wrote nothing", err.message);
        err = self.truthful(err);
        let Some(ui) = &self.ui else { return Err(err) };
        let mut items = vec![again.to_owned()];
        if skippable {
            items.push("Skip this step".to_owned());
        }
        items.push("Stop setup".to_owned());
        match ui.select("What now?", &items, 0)? {
            0 => Ok(Next::Again),
            1 if skippable => Ok(Next::Skip),
            _ => Err(err),
        }
    }
}

impl Wizard<'_> {
    /// Remembers that the webhook at 360dialog now points at `url` (it was `before`).
    pub(super) fn webhook_changed(&self, url: &str, before: Option<&str>) {
        let change = WebhookChange { url: url.to_owned(), before: before.map(str::to_owned) };
        *self.changed.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(change);
    }

    /// An abort or failure that claims nothing was written, corrected when the webhook at
    /// 360dialog was changed already: it says to what, and how to go on.
    fn truthful(&self, mut err: Error) -> Error {
        let changed = self.changed.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        let Some(change) = changed else { return err };
        let before = match &change.before {
            Some(url) => format!("it was {url} before"),
            None => "no webhook was registered before".to_owned(),
        };
        let truth = format!(
            "no profile was saved, but the webhook at 360dialog was changed to {} ({before})",
            change.url
        );
        for claim in [NOTHING_WRITTEN, "setup wrote nothing"] {
            if let Some(head) = err.message.strip_suffix(claim) {
                err.message = format!("{head}{truth}");
            }
        }
        let restore = match &change.before {
            Some(url) => format!("`whatsapp-ctl channel activate --webhook-url {url}` puts the old one back"),
            None => "the webhook stays registered until you change it".to_owned(),
        };
        err.with_hint(format!("run `whatsapp-ctl setup` again to save the profile; {restore}"))
    }
}

/// The flag (or `WHATSAPP_CTL_BASE_URL`), else the profile's unless it is the other flavour's
/// default, else the flavour's default.
fn base_url(explicit: Option<String>, stored: &Profile, api: Flavour) -> String {
    let other = match api {
        Flavour::Cloud => Flavour::OnPremise,
        Flavour::OnPremise => Flavour::Cloud,
    };
    explicit
        .or_else(|| {
            stored.base_url.clone().filter(|url| url.trim_end_matches('/') != other.default_base_url())
        })
        .unwrap_or_else(|| api.default_base_url().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_base_url_of_the_other_flavour_is_not_kept() {
        let stored = Profile { base_url: Some("https://waba.360dialog.io".into()), ..Profile::default() };
        assert_eq!(base_url(None, &stored, Flavour::Cloud), "https://waba-v2.360dialog.io");
        assert_eq!(base_url(None, &stored, Flavour::OnPremise), "https://waba.360dialog.io");
        let custom = Profile { base_url: Some("http://127.0.0.1:9".into()), ..Profile::default() };
        assert_eq!(base_url(None, &custom, Flavour::Cloud), "http://127.0.0.1:9");
        assert_eq!(base_url(Some("https://x.test".into()), &custom, Flavour::Cloud), "https://x.test");
    }
}
