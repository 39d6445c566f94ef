//! `--download DIR` of `webhook parse` and `webhook listen`: after parsing, each incoming
//! message's media is fetched into DIR as `<media id>.<ext>` through `media download`'s one
//! download (streamed, size and SHA-256 checked) and its path set as `message.media_path`. A
//! failed download is a warning naming the media id, and the event comes out without a path;
//! media without an id (on-premise `undownloaded`) is skipped with a note.

use std::path::{Path, PathBuf};

use crate::api::Client;
use crate::commands::media::download::{Target, save};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::webhook::Event;

/// The folder and the client every download of one run uses.
pub struct Downloader {
    dir: PathBuf,
    client: Client,
}

impl Downloader {
    /// Creates DIR when missing and resolves the profile's client (its key); either failing is
    /// an error before anything is read.
    pub async fn new(ctx: &Context, dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::failed(format!("cannot create the download folder {}: {e}", dir.display()))
                .with_hint("give --download a folder you can write to")
        })?;
        let (client, _) = ctx.client().await?;
        Ok(Self { dir: dir.to_path_buf(), client })
    }

    /// Downloads the media of every message event and records where each was saved.
    pub async fn fetch(&self, out: &Output, events: &mut [Event]) {
        for event in events.iter_mut() {
            let Event::Message(message) = event else { continue };
            let message = &mut message.message;
            let Some(id) = message.media_id.clone() else {
                if let Some(status) = &message.media_status {
                    out.info(&format!(
                        "message {}: its {} is {status} and has no media id yet; not downloaded",
                        message.id, message.kind
                    ));
                }
                continue;
            };
            if !safe_file_name(&id) {
                out.warn(&format!(
                    "media {:?} of message {}: the id is not a safe file name; not downloaded",
                    id, message.id
                ));
                continue;
            }
            match save(out, &self.client, &id, Target::Folder(self.dir.clone())).await {
                Ok(saved) => message.media_path = saved.path.map(|p| p.display().to_string()),
                Err(err) => out.warn(&format!(
                    "media {id} of message {} was not downloaded: {}; the event comes out without media_path",
                    message.id, err.message
                )),
            }
        }
    }
}

/// A media id usable as a file name in DIR: letters, digits, `-`, `_` and `.`, not starting
/// with `.` (so never `..` or a hidden file), at most 200 characters.
fn safe_file_name(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('.')
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn only_plain_ids_are_file_names() {
        assert!(safe_file_name("1234567890"));
        assert!(safe_file_name("f3c1a0e2-6b7d-4e0a-9a51-2d3c4b5a6f70"));
        for bad in ["", "..", ".hidden", "../etc/passwd", "a/b", "a\\b", "a b", "ü"] {
            assert!(!safe_file_name(bad), "{bad:?}");
        }
    }
}
