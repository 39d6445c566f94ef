//! `send media --kind K --link URL [--caption T] [--filename F]`: an image, video, audio or
//! document by link (`--file PATH` instead uploads the file and sends it by id, see
//! [`super::media_file`]). When the API refuses the media itself (131053 and the other media or
//! parameter errors, see [`crate::message::is_media_refusal`]) the link goes as plain text
//! instead, with a warning (the seed's behaviour).

use clap::Args;

use super::refusal::Situation;
use super::sender::Sender;
use super::{Fallback, Recipient, SendReport};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::message::{self, CAPTION_LIMIT, MediaKind};

#[derive(Debug, Args)]
pub struct MediaArgs {
    #[command(flatten)]
    pub recipient: Recipient,
    /// What the link points to (with --file: inferred from the file's type when omitted)
    #[arg(long, value_enum)]
    pub kind: Option<MediaKind>,
    /// Public http(s) URL of the file; WhatsApp downloads it from there
    #[arg(long, value_name = "URL", required_unless_present = "file")]
    pub link: Option<String>,
    /// A local file to upload and send by its media id, instead of --link
    #[arg(long, value_name = "PATH", conflicts_with = "link")]
    pub file: Option<std::path::PathBuf>,
    /// Text shown under the media, up to 1024 characters (not for audio)
    #[arg(long, value_name = "T")]
    pub caption: Option<String>,
    /// File name shown for a document (only with --kind document)
    #[arg(long, value_name = "F")]
    pub filename: Option<String>,
}

pub async fn run(ctx: &Context, args: &MediaArgs) -> Result<SendReport> {
    if let Some(file) = &args.file {
        return super::media_file::run(ctx, args, file).await;
    }
    let (Some(kind), Some(link)) = (args.kind, args.link.as_deref()) else {
        return Err(Error::usage("--link needs --kind image|video|audio|document"));
    };
    check(args, kind, link)?;
    let sender = Sender::open(ctx, &args.recipient).await?;
    let (caption, filename) = (args.caption.as_deref(), args.filename.as_deref());
    let body = message::media(sender.flavour(), &sender.to, kind, link, caption, filename);
    let situation = Situation { to: &sender.to, ..Situation::default() };
    let refusal = match sender.try_send(&body).await {
        Ok(id) => return Ok(SendReport::new(&sender.to, kind.as_str(), None, vec![id])),
        Err(err) => err,
    };
    let code = refusal.api().and_then(|e| e.code);
    if !message::is_media_refusal(sender.flavour(), code) {
        return Err(sender.explain(refusal, &situation).await);
    }
    let mut reason = refusal.to_string();
    for detail in refusal.api().map(|e| e.details.as_slice()).unwrap_or_default() {
        reason.push_str(&format!(": {detail}"));
    }
    ctx.out.warn(&format!(
        "WhatsApp refused the {} at {} ({reason}); sending the link as plain text instead",
        kind.as_str(),
        link
    ));
    let text = message::link_text(link, caption, filename);
    let fallback = message::text(sender.flavour(), &sender.to, &text, true);
    let id = sender.send(&fallback, &situation).await?;
    Ok(SendReport::new(&sender.to, "text", Some(Fallback::TextLink), vec![id]))
}

/// Flag combinations (exit 2) and values (exit 3) the API would refuse, checked before sending.
fn check(args: &MediaArgs, kind: MediaKind, link: &str) -> Result<()> {
    if kind == MediaKind::Audio && args.caption.is_some() {
        return Err(Error::usage(
            "--caption is not allowed with --kind audio: WhatsApp shows no caption on audio",
        ));
    }
    if kind != MediaKind::Document && args.filename.is_some() {
        return Err(Error::usage("--filename is only for --kind document"));
    }
    if let Some(caption) = &args.caption {
        let n = caption.chars().count();
        if n > CAPTION_LIMIT {
            return Err(Error::invalid(format!(
                "--caption has {n} characters, more than the {CAPTION_LIMIT} WhatsApp allows; nothing was sent"
            )));
        }
    }
    let scheme_ok = url::Url::parse(link).is_ok_and(|url| {
        matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty())
    });
    if !scheme_ok {
        return Err(Error::invalid(format!(
            "--link {link:?} is not an http(s) URL; nothing was sent"
        ))
        .with_hint(
            "give the public address WhatsApp can download the file from, e.g. https://example.com/menu.pdf",
        ));
    }
    Ok(())
}
