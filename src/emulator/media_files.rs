//! Uploaded media: Cloud `POST /media` (multipart with `messaging_product=whatsapp`, `file` and
//! `type`) and on-premise `POST /v1/media` (raw body, `Content-Type`), metadata by `GET /{id}`
//! with a URL on Meta's lookaside host whose path and query work under this server
//! (`/whatsapp_business/attachments/?mid=ID...`), the download, and `DELETE /{id}` /
//! `DELETE /v1/media/{id}`. The bytes live in `<state>.media/<id>`, the metadata in the state.
//! Types and size limits are Meta's (image jpeg/png 5 MB, video mp4/3gpp 16 MB, audio 16 MB,
//! documents 100 MB, sticker webp 500 KB); anything else is refused with (#100).

use std::path::PathBuf;

use axum::http::{HeaderMap, HeaderValue, Method, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::errors::{ApiError, Flavour, MetaError};
use super::multipart;
use super::state::StoredMedia;
use super::store::Store;
use super::util::{now_secs, random_alnum};
use crate::fsutil;

/// Meta's download host; its path and query are served here too.
pub const LOOKASIDE: &str = "https://lookaside.fbsbx.com";

/// The path of the download URL.
pub const DOWNLOAD_PATH: &str = "/whatsapp_business/attachments/";

const MB: u64 = 1024 * 1024;

/// The largest upload accepted for a MIME type, or `None` when WhatsApp does not take the type.
pub fn limit(mime: &str) -> Option<u64> {
    match mime {
        "image/jpeg" | "image/png" => Some(5 * MB),
        "video/mp4" | "video/3gpp" => Some(16 * MB),
        "audio/aac" | "audio/amr" | "audio/mpeg" | "audio/mp4" | "audio/ogg" => Some(16 * MB),
        "image/webp" => Some(500 * 1024),
        "text/plain"
        | "application/pdf"
        | "application/msword"
        | "application/vnd.ms-excel"
        | "application/vnd.ms-powerpoint"
        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.openxmlformats-officedocument.presentationml.presentation" => Some(100 * MB),
        _ => None,
    }
}

/// Answers a media request, or `None` when the path is not a media path.
pub fn handle(
    store: &Store,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<Response> {
    let path = uri.path();
    let trimmed = if path.len() > 1 && path != DOWNLOAD_PATH { path.trim_end_matches('/') } else { path };
    let onprem_id = trimmed.strip_prefix("/v1/media/").filter(|id| !id.is_empty() && !id.contains('/'));
    let cloud_id = trimmed.strip_prefix('/').filter(|id| is_media_id(id));
    let result = match (method.as_str(), trimmed) {
        ("POST", "/media") => upload_multipart(store, headers, body).map(|id| json!({"id": id})),
        ("POST", "/v1/media") => upload_raw(store, headers, body)
            .map(|id| json!({"media": [{"id": id}], "meta": {"api_status": "stable"}})),
        ("GET", DOWNLOAD_PATH) => {
            let mid = query_value(uri, "mid").unwrap_or_default();
            return Some(download(store, &mid, Flavour::Cloud));
        }
        ("GET", _) if onprem_id.is_some() => {
            return Some(download(store, onprem_id.unwrap_or_default(), Flavour::OnPremise));
        }
        ("GET", _) if cloud_id.is_some() => info(store, cloud_id.unwrap_or_default()),
        ("DELETE", _) if onprem_id.is_some() => delete(store, onprem_id.unwrap_or_default()),
        ("DELETE", _) if cloud_id.is_some() => delete(store, cloud_id.unwrap_or_default()),
        _ => return None,
    };
    let flavour =
        if onprem_id.is_some() || trimmed == "/v1/media" { Flavour::OnPremise } else { Flavour::Cloud };
    Some(match result {
        Ok(answer) => super::errors::json_response(200, answer),
        Err(error) => error.into_response(flavour),
    })
}

/// Media ids are digits only (as Meta's are), so no other path is taken for one.
fn is_media_id(id: &str) -> bool {
    (6..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
}

fn query_value(uri: &Uri, key: &str) -> Option<String> {
    url::form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

fn invalid(details: String) -> ApiError {
    MetaError::new(400, 100, "Invalid parameter").details(details).into()
}

fn upload_multipart(store: &Store, headers: &HeaderMap, body: &[u8]) -> Result<String, ApiError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let boundary = multipart::boundary(content_type)
        .ok_or_else(|| invalid(format!("The body must be multipart/form-data; got {content_type:?}")))?;
    let parts = multipart::parse(body, &boundary).map_err(|e| invalid(format!("Invalid form: {e}")))?;
    let field = |name: &str| parts.iter().find(|p| p.name == name);
    if field("messaging_product").map(|p| p.data.as_slice()) != Some(b"whatsapp") {
        return Err(MetaError::new(400, 100, "The parameter messaging_product is required.")
            .details("Media uploads need the form field messaging_product=whatsapp.")
            .into());
    }
    let file = field("file").ok_or_else(|| invalid("The form field 'file' is required.".into()))?;
    let declared = field("type").map(|p| String::from_utf8_lossy(&p.data).trim().to_string());
    let mime = declared.or_else(|| file.content_type.clone()).unwrap_or_default();
    if file.content_type.as_deref().is_some_and(|own| !own.eq_ignore_ascii_case(&mime)) {
        return Err(invalid(format!(
            "The file's Content-Type {:?} differs from the type field {mime:?}",
            file.content_type.as_deref().unwrap_or_default()
        )));
    }
    store_media(store, &mime, file.filename.clone(), &file.data)
}

fn upload_raw(store: &Store, headers: &HeaderMap, body: &[u8]) -> Result<String, ApiError> {
    let mime = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    store_media(store, mime, None, body)
}

fn store_media(store: &Store, mime: &str, filename: Option<String>, data: &[u8]) -> Result<String, ApiError> {
    let mime = mime.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    let Some(max) = limit(&mime) else {
        return Err(invalid(format!(
            "Param file must be a file with one of the supported types; got {mime:?}"
        )));
    };
    let size = data.len() as u64;
    if size == 0 || size > max {
        return Err(invalid(format!("The file is {size} bytes; {mime} must be 1 to {max} bytes")));
    }
    let id = format!("{}{}", 1 + fastrand::u64(..9), fastrand::u64(10u64.pow(14)..10u64.pow(15)));
    let path = media_path(store, &id);
    if let Some(dir) = path.parent().filter(|d| !d.exists()) {
        fsutil::create_private_dir(dir, 0o700).map_err(|e| ApiError::gateway(500, format!("{e}")))?;
    }
    fsutil::write_atomic(&path, data, 0o600)
        .map_err(|e| ApiError::gateway(500, format!("cannot store media: {e}")))?;
    let media = StoredMedia {
        mime_type: mime,
        sha256: crate::digest::sha256_hex(data),
        file_size: size,
        filename,
        corrupt: false,
        created_at: now_secs(),
    };
    store.mutate(|state| {
        state.media.insert(id.clone(), media);
        Ok::<_, ApiError>(())
    })?;
    Ok(id)
}

/// Where the bytes of media `id` are kept.
pub fn media_path(store: &Store, id: &str) -> PathBuf {
    let mut dir = store.path().as_os_str().to_os_string();
    dir.push(".media");
    PathBuf::from(dir).join(id)
}

fn not_found(id: &str) -> ApiError {
    MetaError::new(400, 100, "Invalid parameter")
        .details(format!("Unsupported get request. Object with ID '{id}' does not exist"))
        .into()
}

fn info(store: &Store, id: &str) -> Result<Value, ApiError> {
    let state = store.read()?;
    let media = state.media.get(id).ok_or_else(|| not_found(id))?;
    Ok(json!({
        "url": format!("{LOOKASIDE}{DOWNLOAD_PATH}?mid={id}&ext={}&hash=AR{}", now_secs(), random_alnum(20)),
        "mime_type": media.mime_type,
        "sha256": media.sha256,
        "file_size": media.file_size,
        "id": id,
        "messaging_product": "whatsapp",
    }))
}

fn download(store: &Store, id: &str, flavour: Flavour) -> Response {
    let found = store.read().map_err(ApiError::from).and_then(|state| {
        let media = state.media.get(id).cloned().ok_or_else(|| not_found(id))?;
        let bytes = std::fs::read(media_path(store, id))
            .map_err(|e| ApiError::gateway(500, format!("cannot read media {id}: {e}")))?;
        Ok((media, bytes))
    });
    match found {
        Ok((media, mut bytes)) => {
            if media.corrupt
                && let Some(first) = bytes.first_mut()
            {
                *first ^= 0xff;
            }
            let mime = HeaderValue::from_str(&media.mime_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            ([(header::CONTENT_TYPE, mime)], bytes).into_response()
        }
        Err(error) => error.into_response(flavour),
    }
}

fn delete(store: &Store, id: &str) -> Result<Value, ApiError> {
    store.mutate(|state| {
        state.media.remove(id).ok_or_else(|| not_found(id))?;
        Ok::<_, ApiError>(())
    })?;
    // The metadata is gone, so the bytes can no longer be reached; a leftover file is harmless.
    let _ = std::fs::remove_file(media_path(store, id));
    Ok(json!({"success": true}))
}
