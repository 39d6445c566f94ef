//! `send text [--markdown] [--preview-url] TEXT|-`: one text message, or several in order when
//! the text is longer than 4096 characters (split at paragraphs, then sentences, then words).

use clap::Args;

use super::refusal::Situation;
use super::sender::Sender;
use super::{Recipient, SendReport};
use crate::commands::input::{self, MESSAGE_TEXT, Source};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::split::{TEXT_LIMIT, split};
use crate::{markdown, message};

#[derive(Debug, Args)]
#[command(after_help = crate::commands::help::SEND_TEXT)]
pub struct TextArgs {
    #[command(flatten)]
    pub recipient: Recipient,
    /// Show a preview of the first link in the text
    #[arg(long)]
    pub preview_url: bool,
    /// Convert Markdown (bold, italic, strike-through, code, headings, links, lists) into
    /// WhatsApp's formatting, which WhatsApp renders instead of Markdown
    #[arg(long)]
    pub markdown: bool,
    /// The message; `-` reads it from standard input (one trailing newline dropped); a text that
    /// starts with - goes after `--` (`send text --to N -- "-5% today"`)
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Send a text of more than 5 messages without asking (needed without a terminal)
    #[arg(long, short)]
    pub yes: bool,
}

/// Past this many messages, a text is sent only when confirmed (a prompt, or `--yes`).
pub const CONFIRM_PARTS: usize = 5;
/// The most messages one text is split into; a longer text is refused.
pub const MAX_PARTS: usize = 100;

pub async fn run(ctx: &Context, args: &TextArgs) -> Result<SendReport> {
    let raw = if args.text == "-" { read_stdin(ctx).await? } else { args.text.clone() };
    let text = if args.markdown { markdown::to_whatsapp(&raw) } else { raw };
    if text.trim().is_empty() {
        return Err(Error::invalid("the text is empty; nothing was sent")
            .with_hint("give the message as the argument, or `-` to read it from standard input"));
    }
    let parts = split(&text, TEXT_LIMIT);
    let characters = text.chars().count();
    if parts.len() > MAX_PARTS {
        return Err(Error::invalid(format!(
            "the text has {characters} characters and would go as {} messages, more than the {MAX_PARTS} one text may become; nothing was sent",
            parts.len()
        ))
        .with_hint(MESSAGE_TEXT.hint));
    }
    let sender = Sender::open(ctx, &args.recipient).await?;
    if parts.len() > 1 {
        ctx.out.info(&format!(
            "the text has {characters} characters, more than the {TEXT_LIMIT} of one message: sending it as {} messages",
            parts.len()
        ));
    }
    if parts.len() > CONFIRM_PARTS
        && !input::confirm_for(
            &format!("Send {} messages to {}?", parts.len(), sender.to),
            args.yes,
            "nothing was sent",
        )?
    {
        return Err(Error::failed("nothing was sent"));
    }
    let situation = Situation { to: &sender.to, ..Situation::default() };
    let mut ids = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let body = message::text(sender.flavour(), &sender.to, part, args.preview_url);
        match sender.send(&body, &situation).await {
            Ok(id) => ids.push(id),
            Err(err) if i == 0 => return Err(err),
            Err(err) => {
                let sent: Vec<&str> = ids.iter().map(|id| id.as_deref().unwrap_or("(no id)")).collect();
                let mut note = format!(
                    "part {} of {} failed; parts 1 to {i} were delivered ({})",
                    i + 1,
                    parts.len(),
                    sent.join(", ")
                );
                if i + 1 < parts.len() {
                    note.push_str(&format!("; parts {} to {} were not sent", i + 2, parts.len()));
                }
                return Err(err.with_cause(note));
            }
        }
    }
    Ok(SendReport::new(&sender.to, "text", None, ids))
}

/// Standard input as text, without its one trailing newline (what `echo` adds).
async fn read_stdin(ctx: &Context) -> Result<String> {
    let mut text = input::read_text(&ctx.out, &Source::Stdin, &MESSAGE_TEXT).await.map_err(|mut err| {
        err.message.push_str("; nothing was sent");
        err
    })?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}
