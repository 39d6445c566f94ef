//! `send template --name N --language L [--param V]... [--header-param V] [--button-param V]...`:
//! the template is fetched first; it must exist in that language and be approved, and the
//! parameters given must match its variables (else exit 3 with the expected counts, nothing
//! sent: the most common failure in the field is error 132000).

use clap::Args;
use serde_json::Value;

use super::refusal::Situation;
use super::sender::Sender;
use super::{Recipient, SendReport};
use crate::api::Flavour;
use crate::commands::templates::{rejected_reason, status_of};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::message::template::{self as builder, TemplateParams, TemplateRef};

#[derive(Debug, Args)]
pub struct TemplateArgs {
    #[command(flatten)]
    pub recipient: Recipient,
    /// Template name
    #[arg(long, value_name = "N")]
    pub name: String,
    /// Template language code, e.g. en_US
    #[arg(long, value_name = "L")]
    pub language: String,
    /// A body variable's value, repeated in order ({{1}}, {{2}}, …)
    #[arg(long = "param", value_name = "V")]
    pub params: Vec<String>,
    /// The header's variable, or its media (a link or a media id), or a location as
    /// LATITUDE,LONGITUDE[,NAME[,ADDRESS]]
    #[arg(long, value_name = "V")]
    pub header_param: Option<String>,
    /// A button's parameter (a URL button's suffix, a coupon or one-time code), repeated in
    /// button order
    #[arg(long = "button-param", value_name = "V")]
    pub button_params: Vec<String>,
}

pub async fn run(ctx: &Context, args: &TemplateArgs) -> Result<SendReport> {
    let sender = Sender::open(ctx, &args.recipient).await?;
    let (name, language) = (args.name.as_str(), args.language.as_str());
    let template = fetch(&sender, name, language).await?;
    let expected = crate::template::expected_parameters(&template);
    let params = TemplateParams {
        header: args.header_param.clone(),
        body: args.params.clone(),
        buttons: args.button_params.clone(),
    };
    builder::check_counts(&expected, &params).map_err(|mismatch| {
        Error::invalid(format!(
            "the parameters do not fit template '{name}' ({language}): {mismatch}; nothing was sent"
        ))
        .with_hint(format!(
            "`whatsapp-ctl templates show {name} --language {language}` shows its variables: --param fills \
                 the body's in order, --header-param the header's, --button-param the buttons' in order"
        ))
    })?;
    let namespace = template.get("namespace").and_then(Value::as_str).filter(|n| !n.is_empty());
    if sender.flavour() == Flavour::OnPremise && namespace.is_none() {
        return Err(Error::failed(format!(
            "the API returned template '{name}' without the namespace an on-premise send needs"
        ))
        .with_hint("check the profile's API flavour with `whatsapp-ctl auth status` (a Cloud channel sends without it)"));
    }
    let reference = TemplateRef { name, language, namespace };
    let body = builder::build(sender.flavour(), &sender.to, &reference, &expected, &params)
        .map_err(|err| Error::invalid(format!("{err}; nothing was sent")))?;
    let situation = Situation { to: &sender.to, template: Some((name, language)), ..Situation::default() };
    let id = sender.send(&body, &situation).await?;
    Ok(SendReport::new(&sender.to, "template", None, vec![id]))
}

/// The approved template `name` in `language`, or why it cannot be sent (exit 1).
async fn fetch(sender: &Sender<'_>, name: &str, language: &str) -> Result<Value> {
    let found = sender.client.find_templates(name, Some(language)).await?;
    let Some(template) = found.into_iter().next() else {
        let others = sender.client.find_templates(name, None).await.unwrap_or_default();
        let languages: Vec<&str> =
            others.iter().filter_map(|t| t.get("language").and_then(Value::as_str)).collect();
        let hint = if languages.is_empty() {
            "`whatsapp-ctl templates list --status approved` lists the templates that can be sent".to_owned()
        } else {
            format!("'{name}' exists in {}; pick one with --language", languages.join(", "))
        };
        return Err(Error::failed(format!(
            "there is no template '{name}' in language {language}; nothing was sent"
        ))
        .with_hint(hint));
    };
    let status = status_of(&template);
    if status != "approved" {
        let mut message =
            format!("template '{name}' ({language}) is {status}, not approved; nothing was sent");
        if let Some(reason) = rejected_reason(&template) {
            message.push_str(&format!(" (rejected: {reason})"));
        }
        let hint = match status.as_str() {
            "rejected" => format!(
                "fix it and submit it again; `whatsapp-ctl templates show {name} --language {language}`"
            ),
            "paused" | "disabled" => format!(
                "WhatsApp {status} it after poor feedback from recipients; `whatsapp-ctl templates show {name} \
                 --language {language}` shows its quality"
            ),
            _ => format!(
                "wait for the review: `whatsapp-ctl templates status {name} --language {language} --wait`"
            ),
        };
        return Err(Error::failed(message).with_hint(hint));
    }
    Ok(template)
}
