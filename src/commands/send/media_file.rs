//! `send media --file PATH [--kind K] [--caption T] [--filename F]`: the file checked like
//! `media upload` (type and size, exit 3 before any request), uploaded once, then sent by its
//! media id; the kind is inferred from the type when `--kind` is omitted (webp: a sticker).

use std::path::Path;

use serde_json::{Map, Value, json};

use super::SendReport;
use super::media::MediaArgs;
use super::refusal::Situation;
use super::sender::Sender;
use crate::commands::media::upload;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::message::{self, CAPTION_LIMIT};

pub async fn run(ctx: &Context, args: &MediaArgs, file: &Path) -> Result<SendReport> {
    let checked = upload::check(file, None)?;
    let kind: &'static str = args.kind.map_or(checked.kind, |k| k.as_str());
    if matches!(kind, "audio" | "sticker") && args.caption.is_some() {
        return Err(Error::usage(format!(
            "--caption is not allowed for {kind}: WhatsApp shows no caption on it"
        )));
    }
    if kind != "document" && args.filename.is_some() {
        return Err(Error::usage("--filename is only for documents"));
    }
    if let Some(n) = args.caption.as_ref().map(|c| c.chars().count()).filter(|n| *n > CAPTION_LIMIT) {
        return Err(Error::invalid(format!(
            "--caption has {n} characters, more than the {CAPTION_LIMIT} WhatsApp allows; nothing was sent"
        )));
    }
    let sender = Sender::open(ctx, &args.recipient).await?;
    let id = upload::upload(ctx, &sender.client, &checked).await?;
    ctx.out.info(&format!("uploaded {} as media {id}", checked.name));
    let mut object = Map::new();
    object.insert("id".into(), json!(id));
    if let Some(caption) = &args.caption {
        object.insert("caption".into(), json!(caption));
    }
    if kind == "document" {
        object.insert("filename".into(), json!(args.filename.as_deref().unwrap_or(&checked.name)));
    }
    let body = message::envelope(sender.flavour(), &sender.to, kind, Value::Object(object));
    let situation = Situation { to: &sender.to, ..Situation::default() };
    let message_id = sender.send(&body, &situation).await?;
    Ok(SendReport::new(&sender.to, kind, None, vec![message_id]))
}
