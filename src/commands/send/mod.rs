//! `send`: test messages after a change to a channel or template. Each leaf checks its input
//! locally (nothing is sent when that fails), resolves the recipient (`--to`, else the
//! profile's test recipient), builds the body for the channel's API flavour with
//! [`crate::message`], and explains every refusal ([`refusal`]). One report shape for all.

mod buttons;
mod media;
mod media_file;
mod refusal;
mod sender;
mod template;
mod text;

// The one send path, for `webhook listen --greeting`.
pub(crate) use refusal::Situation;
pub(crate) use sender::Sender;

use clap::{Args, Subcommand};
use serde::Serialize;

use crate::context::Context;
use crate::error::Result;
use crate::output::{Output, Report};

#[derive(Debug, Subcommand)]
pub enum SendCommand {
    /// Send a text (split into several messages past 4096 characters)
    Text(text::TextArgs),
    /// Send reply buttons (more than 3 go as a numbered list)
    Buttons(buttons::ButtonsArgs),
    /// Send an image, video, audio or document by link (refused media goes as a text link)
    Media(media::MediaArgs),
    /// Send an approved template, its parameters checked against the template first
    Template(template::TemplateArgs),
}

pub async fn run(ctx: &Context, command: SendCommand) -> Result<u8> {
    match command {
        SendCommand::Text(args) => Ok(ctx.out.emit(&text::run(ctx, &args).await?)),
        SendCommand::Buttons(args) => Ok(ctx.out.emit(&buttons::run(ctx, &args).await?)),
        SendCommand::Media(args) => Ok(ctx.out.emit(&media::run(ctx, &args).await?)),
        SendCommand::Template(args) => Ok(ctx.out.emit(&template::run(ctx, &args).await?)),
    }
}

/// The recipient flag every `send` leaf takes.
#[derive(Debug, Clone, Args)]
pub struct Recipient {
    /// Recipient phone number with country code, as pasted (`+49 151 2345-6789`, `0049…`);
    /// default: the profile's test recipient
    #[arg(long, value_name = "PHONE")]
    pub to: Option<String>,
}

/// What replaced the message asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fallback {
    /// More than 3 buttons (or too long a title) went as a text with a numbered list.
    NumberedList,
    /// Refused media went as its link in a text.
    TextLink,
}

/// One message the API accepted.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub message_id: Option<String>,
}

/// The result of every `send` leaf (SPEC 4): `message_id` is the first (usually only) message's
/// id, `parts` has one entry per message sent (several for a split text), `kind` the message
/// type actually sent.
#[derive(Debug, Clone, Serialize)]
pub struct SendReport {
    pub to: String,
    pub message_id: Option<String>,
    pub kind: &'static str,
    pub fallback: Option<Fallback>,
    pub parts: Vec<Part>,
}

impl SendReport {
    /// A report for the ids of the messages sent, in order.
    pub fn new(to: &str, kind: &'static str, fallback: Option<Fallback>, ids: Vec<Option<String>>) -> Self {
        SendReport {
            to: to.to_owned(),
            message_id: ids.first().cloned().flatten(),
            kind,
            fallback,
            parts: ids.into_iter().map(|message_id| Part { message_id }).collect(),
        }
    }
}

impl Report for SendReport {
    fn human(&self, _out: &Output) -> String {
        let what = match self.fallback {
            Some(Fallback::NumberedList) => "a numbered list (instead of buttons)".to_owned(),
            Some(Fallback::TextLink) => "the media link as text (instead of the media)".to_owned(),
            None => self.kind.to_owned(),
        };
        let ids: Vec<&str> =
            self.parts.iter().map(|p| p.message_id.as_deref().unwrap_or("(no id)")).collect();
        match ids.len() {
            1 => format!("Sent {what} to {}: {}", self.to, ids[0]),
            n => format!("Sent {what} to {} in {n} messages: {}", self.to, ids.join(", ")),
        }
    }
}
