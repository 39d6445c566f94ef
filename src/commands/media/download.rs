//! `media download ID [-o PATH|-]`: the bytes streamed into a temp file in the target folder,
//! checked against the metadata's `file_size` and `sha256`, then renamed into place (default
//! `./<id>.<ext>`); a mismatch exits 1 and leaves no file. `-` writes the checked bytes to
//! standard output. The Cloud URL's path and query are fetched under the base URL.

use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;

use super::progress::Transfer;
use crate::api::{Client, Flavour};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::media;
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// The media id (from `media upload` or an incoming message)
    #[arg(value_name = "ID")]
    pub id: String,
    /// Where to write it (`-`: standard output); default ./<id>.<ext>
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// `{"id","path","mime_type","file_size","sha256"}` (`path` null for standard output).
#[derive(Debug, Serialize)]
pub struct Saved {
    pub id: String,
    pub path: Option<PathBuf>,
    pub mime_type: Option<String>,
    pub file_size: u64,
    pub sha256: String,
}

impl Report for Saved {
    fn human(&self, _out: &Output) -> String {
        match &self.path {
            Some(path) => {
                format!("Saved {} ({}) to {}", self.id, media::human_size(self.file_size), path.display())
            }
            None => String::new(),
        }
    }
}

/// Removes the temp file unless it was renamed.
struct TempFile(Option<PathBuf>);

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Where `save` writes the bytes.
pub enum Target {
    /// Exactly this path.
    Path(PathBuf),
    /// `<id>.<ext>` in this folder (empty: the current folder).
    Folder(PathBuf),
    /// Standard output.
    Stdout,
}

pub async fn run(ctx: &Context, args: &DownloadArgs) -> Result<Saved> {
    let target = match &args.output {
        Some(path) if path.as_path() == Path::new("-") => Target::Stdout,
        Some(path) => Target::Path(path.clone()),
        None => Target::Folder(PathBuf::new()),
    };
    if matches!(target, Target::Stdout) && ctx.out.json {
        return Err(Error::usage("--json and -o - both want standard output; choose one"));
    }
    let (client, _) = ctx.client().await?;
    save(&ctx.out, &client, &args.id, target).await
}

/// Downloads media `id` with `client` into `target`: streamed to a temp file beside it, checked
/// against the metadata (Cloud), then renamed; a mismatch or failure leaves no file.
pub async fn save(out: &Output, client: &Client, id: &str, target: Target) -> Result<Saved> {
    let info = match client.flavour() {
        Flavour::Cloud => {
            Some(client.media_info(id).await.map_err(|e| Error::from(e).context(format!("media {id}")))?)
        }
        Flavour::OnPremise => None,
    };
    let mime = info.as_ref().map(|i| i.mime_type.clone());
    let named =
        |dir: &Path| dir.join(format!("{id}.{}", media::extension_of(mime.as_deref().unwrap_or_default())));
    let target = match target {
        Target::Stdout => None,
        Target::Path(path) => Some(path),
        Target::Folder(dir) => Some(named(&dir)),
    };
    let folder = match target.as_deref().and_then(Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        Some(_) => PathBuf::from("."),
        None => std::env::temp_dir(),
    };
    let temp_path = folder.join(format!(".{}.{}.part", id, std::process::id()));
    let cannot = |path: &Path, e: std::io::Error| {
        Error::failed(format!("cannot write {}: {e}", path.display()))
            .with_hint("choose another place with -o PATH")
    };
    let file = tokio::fs::File::create(&temp_path).await.map_err(|e| cannot(&temp_path, e))?;
    // Large writes: each write of a tokio file is one trip to the blocking pool.
    let mut file = tokio::io::BufWriter::with_capacity(1024 * 1024, file);
    let mut temp = TempFile(Some(temp_path.clone()));
    let total = info.as_ref().map(|i| i.file_size);
    let transfer = Transfer::start(out, format!("downloading {id}"), total);
    let got =
        client.download_media(id, info.as_ref().map(|i| i.url.as_str()), &mut file, transfer.counter()).await;
    transfer.finish(out, got.is_ok());
    let got = got.map_err(|e| Error::from(e).context(format!("downloading media {} failed", id)))?;
    drop(file);
    if let Some(info) = &info {
        let size_ok = got.bytes == info.file_size;
        if !size_ok || !got.sha256.eq_ignore_ascii_case(&info.sha256) {
            return Err(Error::failed(format!(
                "the download of media {} does not match its metadata: {} bytes with sha256 {}, expected {} bytes with sha256 {}; nothing was saved",
                id, got.bytes, got.sha256, info.file_size, info.sha256
            ))
            .with_hint("try again; if it keeps failing the file on the server is damaged"));
        }
    }
    let mime = mime.or(got.content_type);
    match &target {
        Some(path) => {
            std::fs::rename(&temp_path, path).map_err(|e| cannot(path, e))?;
            temp.0 = None;
        }
        None => {
            let mut reader = std::fs::File::open(&temp_path).map_err(|e| cannot(&temp_path, e))?;
            out.copy_to_stdout(&mut reader)
                .map_err(|e| Error::failed(format!("cannot write to standard output: {e}")))?;
        }
    }
    Ok(Saved { id: id.to_owned(), path: target, mime_type: mime, file_size: got.bytes, sha256: got.sha256 })
}
