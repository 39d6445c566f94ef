//! `media upload FILE [--type MIME]`: the type sniffed from the content (the extension as the
//! fallback, `--type` to say it), WhatsApp's accepted types and the type's size limit checked
//! before any request (exit 3), then the file streamed to the API; prints the media id.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::progress::Transfer;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::media;
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct UploadArgs {
    /// The file to upload
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Its MIME type, when sniffing the content and the extension gets it wrong (e.g. audio/mp4)
    #[arg(long = "type", value_name = "MIME")]
    pub mime: Option<String>,
}

/// `{"id","mime_type","file_size","sha256"}`.
#[derive(Debug, Serialize)]
pub struct Uploaded {
    pub id: String,
    pub mime_type: String,
    pub file_size: u64,
    pub sha256: String,
}

impl Report for Uploaded {
    fn human(&self, _out: &Output) -> String {
        self.id.clone()
    }
}

/// A local file checked against WhatsApp's rules, ready to upload.
#[derive(Debug, Clone)]
pub struct Checked {
    pub path: PathBuf,
    pub name: String,
    pub mime: String,
    /// The message kind the type is sent as (`image`, `video`, `audio`, `document`, `sticker`).
    pub kind: &'static str,
    pub size: u64,
}

/// Reads the head of `path` and checks its type and size (exit 3 naming the limit).
pub fn check(path: &Path, declared: Option<&str>) -> Result<Checked> {
    let shown = path.display();
    let unreadable = |e: std::io::Error| {
        Error::invalid(format!("cannot read {shown}: {e}; nothing was sent"))
            .with_hint("give the path of a readable file")
    };
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Error::invalid(format!("{shown} is not a file; nothing was sent")));
    }
    let mut head = Vec::with_capacity(media::SNIFF_BYTES);
    file.by_ref().take(media::SNIFF_BYTES as u64).read_to_end(&mut head).map_err(unreadable)?;
    let sniffed = media::sniff(&head);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    if let Some(found) = sniffed.as_deref().filter(|m| media::accepted(m, false).is_none()) {
        return Err(refused(&shown.to_string(), found));
    }
    let mime = declared
        .map(|m| m.trim().to_ascii_lowercase())
        .or(sniffed)
        .or_else(|| media::from_extension(extension).map(str::to_owned))
        .ok_or_else(|| {
            Error::invalid(format!(
                "cannot tell the type of {shown} from its content or its extension; nothing was sent"
            ))
            .with_hint(format!("say it with --type MIME; WhatsApp takes {}", media::accepted_list()))
        })?;
    let animated = mime == "image/webp" && media::is_animated_webp(&head);
    let Some((kind, limit)) = media::accepted(&mime, animated) else {
        return Err(refused(&shown.to_string(), &mime));
    };
    let size = meta.len();
    if size > limit {
        return Err(Error::invalid(format!(
            "{shown} is {} ({size} bytes), over WhatsApp's limit of {} for {mime}; nothing was sent",
            media::human_size(size),
            media::human_size(limit)
        ))
        .with_hint(match kind {
            "image" | "video" | "audio" => "make it smaller, or send it as a document (up to 100 MB)",
            _ => "make it smaller",
        }));
    }
    if size == 0 {
        return Err(Error::invalid(format!("{shown} is empty; nothing was sent")));
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into());
    Ok(Checked { path: path.to_path_buf(), name, mime, kind, size })
}

fn refused(shown: &str, mime: &str) -> Error {
    Error::invalid(format!("{shown} is {mime}, a type WhatsApp does not take as media; nothing was sent"))
        .with_hint(format!("WhatsApp takes {}", media::accepted_list()))
}

/// The SHA-256 of a file, read in chunks.
pub fn sha256_file(path: &Path) -> Result<String> {
    let mut file = std::fs::File::open(path)
        .map_err(|e| Error::failed(format!("cannot read {}: {e}", path.display())))?;
    let mut hasher = crate::digest::Hasher::default();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let n = file
            .read(&mut buffer)
            .map_err(|e| Error::failed(format!("cannot read {}: {e}", path.display())))?;
        if n == 0 {
            return Ok(hasher.finish());
        }
        hasher.update(&buffer[..n]);
    }
}

pub async fn run(ctx: &Context, args: &UploadArgs) -> Result<Uploaded> {
    let checked = check(&args.file, args.mime.as_deref())?;
    let (client, _) = ctx.client().await?;
    let id = upload(ctx, &client, &checked).await?;
    Ok(Uploaded { id, mime_type: checked.mime, file_size: checked.size, sha256: sha256_file(&args.file)? })
}

/// Streams a checked file to the API (a progress bar on a terminal for a large one); the media id.
pub async fn upload(ctx: &Context, client: &crate::api::Client, checked: &Checked) -> Result<String> {
    let message = format!("uploading {} ({})", checked.name, media::human_size(checked.size));
    let transfer = Transfer::start(&ctx.out, message, Some(checked.size));
    let result = client
        .upload_media(&checked.path, &checked.name, &checked.mime, checked.size, transfer.counter())
        .await;
    transfer.finish(&ctx.out, result.is_ok());
    result.map_err(|e| super::unanswered::explain(e, &checked.path))
}
