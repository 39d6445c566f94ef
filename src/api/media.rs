//! Media as streams through the same client (key, timeouts, redirects refused, error funnel):
//! the upload streamed from an open file (Cloud multipart `messaging_product=whatsapp`, `type`,
//! `file`; on-premise the raw body), the metadata, the download streamed into a writer while
//! its size and SHA-256 are counted, and delete. A download URL is never fetched where it
//! points: its path and query are fetched under the base URL, so the key only goes there.
//! An upload is a side effect: retried only when the server certainly did not get it.

use reqwest::{Method, Url};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::io::{AsyncWrite, AsyncWriteExt};

use super::network::redact_url;
use super::progress::{Counting, Progress};
use super::retry::Safety;
use super::transport::{
    Attempt, Failure, MAX_BODY_BYTES, ReadError, is_error_shape, read_capped, retry_after_of,
};
use super::{ApiError, Client, Error, Flavour, Result};
use crate::digest::Hasher;

/// `GET /{media_id}` (Cloud).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MediaInfo {
    pub id: String,
    pub url: String,
    pub mime_type: String,
    pub sha256: String,
    pub file_size: u64,
}

/// What a download wrote.
#[derive(Debug, Clone)]
pub struct Downloaded {
    pub bytes: u64,
    pub sha256: String,
    pub content_type: Option<String>,
}

impl Client {
    /// Uploads `file` (already opened, `size` bytes) as `mime`; returns the media id.
    /// `progress` gets the bytes of the file the body stream has taken so far.
    pub async fn upload_media(
        &self,
        path: &std::path::Path,
        name: &str,
        mime: &str,
        size: u64,
        progress: Progress,
    ) -> Result<String> {
        let (url_path, cloud) = match self.flavour {
            Flavour::Cloud => ("/media", true),
            Flavour::OnPremise => ("/v1/media", false),
        };
        let url = self.url_for(url_path);
        let make = || async {
            let file = tokio::fs::File::open(path)
                .await
                .map_err(|e| Error::Internal(format!("cannot read {}: {e}", path.display())))?;
            // Large reads: each read of a tokio file is one trip to the blocking pool.
            let file = Counting::new(file, progress.clone());
            let body =
                reqwest::Body::wrap_stream(tokio_util::io::ReaderStream::with_capacity(file, 1024 * 1024));
            let request = self.http.post(url.clone());
            Ok(if cloud {
                let part = reqwest::multipart::Part::stream_with_length(body, size)
                    .file_name(name.to_owned())
                    .mime_str(mime)
                    .map_err(|e| Error::Internal(format!("invalid MIME type {mime:?}: {e}")))?;
                let form = reqwest::multipart::Form::new()
                    .text("messaging_product", "whatsapp")
                    .text("type", mime.to_owned())
                    .part("file", part);
                request.multipart(form)
            } else {
                request
                    .header(reqwest::header::CONTENT_TYPE, mime)
                    .header(reqwest::header::CONTENT_LENGTH, size)
                    .body(body)
            })
        };
        let body = match self.streamed(&url, make, Safety::SideEffect).await? {
            Answer::Body(body) => body,
            Answer::Stream(mut response) => {
                read_capped(&mut response, MAX_BODY_BYTES).await.map_err(|e| self.read_error(&url, e))?
            }
        };
        let raw: Value = serde_json::from_slice(&body).map_err(|e| self.decode_error(url_path, e))?;
        let id = raw.get("id").or_else(|| raw.pointer("/media/0/id")).and_then(Value::as_str);
        id.filter(|id| !id.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| self.decode_error(url_path, "the answer carries no media id"))
    }

    /// Cloud `GET /{media_id}`.
    pub async fn media_info(&self, id: &str) -> Result<MediaInfo> {
        let path = format!("/{}", super::endpoints::encode_segment(id));
        self.json(Method::GET, &path, &[], None, Safety::Idempotent).await
    }

    /// Cloud `DELETE /{media_id}`, on-premise `DELETE /v1/media/{id}`.
    pub async fn delete_media(&self, id: &str) -> Result<()> {
        let path = self.media_path(id);
        self.call(Method::DELETE, &path, &[], None, Safety::Idempotent).await.map(|_| ())
    }

    fn media_path(&self, id: &str) -> String {
        let id = super::endpoints::encode_segment(id);
        match self.flavour {
            Flavour::Cloud => format!("/{id}"),
            Flavour::OnPremise => format!("/v1/media/{id}"),
        }
    }

    /// Streams media into `sink`: Cloud from `url`'s path and query under the base URL,
    /// on-premise from `GET /v1/media/{id}`. Counts bytes and SHA-256 on the way, and tells
    /// `progress` the bytes received so far.
    pub async fn download_media(
        &self,
        id: &str,
        url: Option<&str>,
        sink: &mut (impl AsyncWrite + Unpin),
        progress: Progress,
    ) -> Result<Downloaded> {
        let target = match (self.flavour, url) {
            (Flavour::Cloud, Some(url)) => self.under_base(url)?,
            _ => self.url_for(&self.media_path(id)),
        };
        let make = || async { Ok(self.http.get(target.clone())) };
        let mut response = match self.streamed(&target, make, Safety::Idempotent).await? {
            Answer::Stream(response) => response,
            Answer::Body(_) => {
                return Err(self.decode_error(
                    target.path(),
                    "the answer is JSON, not the media bytes (is the base URL right?)",
                ));
            }
        };
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut hasher = Hasher::default();
        let mut bytes = 0u64;
        while let Some(chunk) =
            response.chunk().await.map_err(|e| self.read_error(&target, ReadError::Network(e)))?
        {
            hasher.update(&chunk);
            bytes += chunk.len() as u64;
            progress(bytes);
            sink.write_all(&chunk)
                .await
                .map_err(|e| Error::Internal(format!("cannot write the download: {e}")))?;
        }
        sink.flush().await.map_err(|e| Error::Internal(format!("cannot write the download: {e}")))?;
        Ok(Downloaded { bytes, sha256: hasher.finish(), content_type })
    }

    /// The path and query of `raw` (whatever host it names) under the base URL.
    fn under_base(&self, raw: &str) -> Result<Url> {
        let given = Url::parse(raw)
            .map_err(|e| self.decode_error("/{media_id}", format!("media URL {raw:?}: {e}")))?;
        let mut url = self.url_for(given.path());
        url.set_query(given.query());
        Ok(url)
    }

    fn read_error(&self, url: &Url, err: ReadError) -> Error {
        match err {
            ReadError::TooLarge => Error::TooLarge { url: redact_url(url), limit: MAX_BODY_BYTES },
            ReadError::Network(err) => self.network_failure(url, 1, &err, Safety::SideEffect).error,
        }
    }

    /// Sends the request `make` builds (afresh for each attempt, as a streamed body cannot be
    /// replayed) and returns the 2xx response unread; everything else becomes an [`Error`].
    async fn streamed<F, Fut>(&self, url: &Url, make: F, safety: Safety) -> Result<Answer>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<reqwest::RequestBuilder>>,
    {
        let make = &make;
        self.retrying(|attempt| async move {
            self.log(1, &format!("{} (attempt {attempt})", redact_url(url)));
            let request = match make().await {
                Ok(request) => request,
                Err(err) => return Attempt::Done(Err(err)),
            };
            let mut response = match self.send_once(request, url, attempt, safety).await {
                Ok(response) => response,
                Err(ended) => return ended,
            };
            let status = response.status().as_u16();
            self.log(1, &format!("-> HTTP {status}"));
            let retry_after = retry_after_of(&response);
            let json = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|t| t.contains("json"));
            if (200..300).contains(&status) && !json {
                return Attempt::Done(Ok(Answer::Stream(response)));
            }
            let body = match read_capped(&mut response, MAX_BODY_BYTES).await {
                Ok(body) => body,
                Err(err) => return Attempt::Done(Err(self.read_error(url, err))),
            };
            if (200..300).contains(&status) && !is_error_shape(&body) {
                return Attempt::Done(Ok(Answer::Body(body)));
            }
            let api_err = ApiError::parse(status, &body);
            let retryable = api_err.is_throttle()
                || (safety == Safety::Idempotent && api_err.is_transient_server_error());
            Attempt::Failed(Failure { retryable, retry_after, error: Error::Api(api_err) })
        })
        .await
    }
}

/// A 2xx answer: unread when it is not JSON (media bytes), else the JSON body already read.
enum Answer {
    Stream(reqwest::Response),
    Body(Vec<u8>),
}
