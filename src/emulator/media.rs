//! Media messages (image, video, audio, document, sticker): `link` or `id`; no caption on audio
//! and sticker; caption ≤ 1024. The emulator never downloads a link. Instead it refuses with
//! 131053 "Media upload error" (HTTP 400; on-premise 2008) a link whose file extension does not
//! fit the kind (image: jpg/jpeg/png; video: mp4/3gp; audio: aac/amr/mp3/m4a/ogg/opus; sticker:
//! webp; document: anything; a link without extension does not fit) or whose host is
//! `unreachable.invalid`. Links must be https (http only for loopback hosts), else 131009.

use serde_json::Value;

use super::checks::{optional_str, required_str};
use super::errors::{ApiError, MetaError, invalid_value, missing_parameter};
use super::util::{is_loopback_host, split_url};

/// Host that always fails to serve media.
pub const UNREACHABLE_HOST: &str = "unreachable.invalid";

/// File extensions accepted for a media kind; `None` means any.
fn extensions(kind: &str) -> Option<&'static [&'static str]> {
    match kind {
        "image" => Some(&["jpg", "jpeg", "png"]),
        "video" => Some(&["mp4", "3gp"]),
        "audio" => Some(&["aac", "amr", "mp3", "m4a", "ogg", "opus"]),
        "sticker" => Some(&["webp"]),
        _ => None,
    }
}

/// Checks the object of a media message of type `kind`.
pub fn check(kind: &str, object: &Value) -> Result<(), ApiError> {
    if matches!(kind, "audio" | "sticker") && object.get("caption").is_some() {
        return Err(invalid_value(format!("Parameter '{kind}.caption' is not allowed for {kind} messages")));
    }
    optional_str(object, "caption", &format!("{kind}.caption"), 1024)?;
    if object.get("id").and_then(Value::as_str).is_some_and(|id| !id.is_empty()) {
        return Ok(());
    }
    let link = required_str(object, "link", &format!("{kind}.link"), 1, 2048)
        .map_err(|_| missing_parameter(format!("Parameter '{kind}.link' or '{kind}.id' is required")))?;
    let Some(parts) = split_url(link) else {
        return Err(invalid_value(format!("Parameter '{kind}.link' is not a valid URL: \"{link}\"")));
    };
    let secure = parts.scheme == "https" || (parts.scheme == "http" && is_loopback_host(&parts.host));
    if !secure {
        return Err(invalid_value(format!("Parameter '{kind}.link' must be an https URL: \"{link}\"")));
    }
    if parts.host.eq_ignore_ascii_case(UNREACHABLE_HOST) {
        return Err(upload_error(format!("Downloading media from {link} failed: host unreachable")));
    }
    if let Some(allowed) = extensions(kind) {
        let file = parts.path.rsplit('/').next().unwrap_or_default();
        let extension = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        if !allowed.contains(&extension.as_str()) {
            let shown = if extension.is_empty() { "none".to_string() } else { format!(".{extension}") };
            return Err(upload_error(format!(
                "Media type of {link} is not supported for {kind} (file extension {shown}; supported: {})",
                allowed.join(", ")
            )));
        }
    }
    Ok(())
}

fn upload_error(details: String) -> ApiError {
    MetaError::new(400, 131053, "Media upload error").details(details).into()
}
