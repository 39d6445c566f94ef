//! Control endpoints for uploaded media (no key, not logged):
//!
//! - `GET /_emulator/media/{id}`: `{"id","mime_type","sha256","file_size","filename","bytes_hex"}`,
//!   the stored bytes as hex so that a test can compare them exactly.
//! - `POST /_emulator/media/{id}/corrupt`: from now on downloads of `id` serve altered bytes of
//!   the same length (the metadata still names the original sha256).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::json;

use super::errors::json_response;
use super::media_files::media_path;
use super::server::App;

/// `GET /_emulator/media/{id}`.
pub async fn bytes(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let media = match app.store.read() {
        Ok(state) => state.media.get(&id).cloned(),
        Err(e) => return json_response(500, json!({"error": e.to_string()})),
    };
    let Some(media) = media else {
        return json_response(404, json!({"error": format!("no media {id}")}));
    };
    match std::fs::read(media_path(&app.store, &id)) {
        Ok(data) => json_response(
            200,
            json!({
                "id": id,
                "mime_type": media.mime_type,
                "sha256": media.sha256,
                "file_size": media.file_size,
                "filename": media.filename,
                "bytes_hex": data.iter().map(|b| format!("{b:02x}")).collect::<String>(),
            }),
        ),
        Err(e) => json_response(500, json!({"error": e.to_string()})),
    }
}

/// `POST /_emulator/media/{id}/corrupt`.
pub async fn corrupt(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let found = app.store.mutate(|state| {
        let found = state.media.get_mut(&id).map(|m| m.corrupt = true).is_some();
        Ok::<_, super::EmulatorError>(found)
    });
    match found {
        Ok(true) => json_response(200, json!({"corrupt": id})),
        Ok(false) => json_response(404, json!({"error": format!("no media {id}")})),
        Err(e) => json_response(500, json!({"error": e.to_string()})),
    }
}
