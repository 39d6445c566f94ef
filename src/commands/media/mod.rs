//! `media`: upload a file (type sniffed, WhatsApp's types and limits checked first), show an
//! uploaded file's metadata, download one (size and SHA-256 checked), delete one.

mod delete;
pub(crate) mod download;
mod info;
pub(crate) mod progress;
mod unanswered;
pub mod upload;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum MediaCommand {
    /// Upload a file; prints its media id (type and size checked before anything is sent)
    Upload(upload::UploadArgs),
    /// Show an uploaded file's metadata: url, type, sha256, size
    Info(info::InfoArgs),
    /// Download media by id (checked against its size and sha256; nothing is left on a mismatch)
    Download(download::DownloadArgs),
    /// Delete uploaded media by id
    Delete(delete::DeleteArgs),
}

pub async fn run(ctx: &Context, command: MediaCommand) -> Result<u8> {
    match command {
        MediaCommand::Upload(args) => Ok(ctx.out.emit(&upload::run(ctx, &args).await?)),
        MediaCommand::Info(args) => Ok(ctx.out.emit(&info::run(ctx, &args).await?)),
        MediaCommand::Download(args) => Ok(ctx.out.emit(&download::run(ctx, &args).await?)),
        MediaCommand::Delete(args) => Ok(ctx.out.emit(&delete::run(ctx, &args).await?)),
    }
}
