//! What `webhook listen` does with each accepted request, off the request path: print its events
//! (a line each, or NDJSON) in arrival order, then forward the raw body and end-to-end headers to
//! `--forward-to`, reporting each forward's status on stderr. Both queues are bounded. With
//! `--download DIR` each message's media is fetched before its event is printed; with
//! `--greeting` the senders are then offered to the greeter's queue.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::HeaderMap;
use tokio::sync::mpsc;

use super::download::Downloader;
use super::greeting::GreetQueue;
use super::lines::line;
use crate::checks::HookClient;
use crate::output::Output;
use crate::webhook::{self, MediaBase};

/// Headers that describe one hop and are not forwarded.
const HOP_BY_HOP: [&str; 9] = [
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "proxy-connection",
];

/// An accepted request.
pub struct Received {
    /// Who sent it.
    pub peer: SocketAddr,
    /// Its headers.
    pub headers: HeaderMap,
    /// Its raw body.
    pub body: Bytes,
}

/// Prints the events of each accepted request in arrival order, then hands it to the forwarder.
pub async fn print_events(
    out: Output,
    media: MediaBase,
    mut incoming: mpsc::Receiver<Received>,
    forward: Option<mpsc::Sender<Received>>,
    download: Option<Downloader>,
    greet: Option<GreetQueue>,
) {
    while let Some(received) = incoming.recv().await {
        let peer = received.peer;
        match webhook::from_slice(&received.body) {
            Err(err) => out.warn(&format!("a POST from {peer} is not JSON ({err}); answered 200 anyway")),
            Ok(value) => match webhook::parse(&value, &media) {
                Err(err) => out.warn(&format!("a POST from {peer} is not a webhook payload: {err}")),
                Ok(events) if events.is_empty() => {
                    out.debug(
                        1,
                        &format!("a payload without events from {peer} (e.g. a `channel check` probe)"),
                    );
                }
                Ok(mut events) => {
                    if let Some(download) = &download {
                        download.fetch(&out, &mut events).await;
                    }
                    for event in &events {
                        let text = if out.json {
                            serde_json::to_string(event).unwrap_or_default()
                        } else {
                            line(event)
                        };
                        out.write_stdout(&text);
                    }
                    if let Some(greet) = &greet {
                        greet.offer(&out, &events);
                    }
                }
            },
        }
        // Waits while the forward queue is full: a slow target holds the printer back, which
        // fills the listener's own queue, which answers 503 (see `listen`).
        if let Some(forward) = &forward {
            let _ = forward.send(received).await;
        }
    }
}

/// Forwards each request (raw body, end-to-end headers) in arrival order and reports the status.
pub async fn forward(out: Output, url: String, mut queue: mpsc::Receiver<Received>, timeout: Duration) {
    // One client for every forward: its connections to the target are kept and reused.
    let hook = HookClient::new(&url, timeout);
    while let Some(received) = queue.recv().await {
        let headers: Vec<(String, String)> = received
            .headers
            .iter()
            .filter(|(name, _)| !HOP_BY_HOP.contains(&name.as_str()))
            .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
            .collect();
        let sent = match &hook {
            Ok(hook) => hook.post(&headers, "", received.body.to_vec()).await,
            Err(err) => Err(err.clone()),
        };
        match sent {
            Ok(reply) if (200..300).contains(&reply.status) => {
                out.notice(&format!(
                    "forwarded to {url}: HTTP {} ({} ms)",
                    reply.status,
                    reply.elapsed.as_millis()
                ));
            }
            Ok(reply) => out.warn(&format!(
                "forwarded to {url}: HTTP {} ({} ms)",
                reply.status,
                reply.elapsed.as_millis()
            )),
            Err(err) => out.warn(&format!("forwarding to {url} failed: {err}")),
        }
    }
}
