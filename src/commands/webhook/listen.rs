//! `webhook listen [--port N] [--bind ADDR] [--forward-to URL] [--require-header NAME=VALUE]...`:
//! a local webhook receiver. It answers every accepted POST with 200 at once, then prints its
//! events (a line each, or NDJSON with `--json`) and, with `--forward-to`, passes the raw body
//! and headers on, reporting the forward's status on stderr. Requests without a required header
//! get 401 (absent) or 403 (other value), since 360dialog authenticates deliveries only by the
//! headers registered with the webhook. Loopback unless `--bind` says otherwise; Ctrl-C stops it
//! (exit 0). The first stderr line is `listening on http://ADDR:PORT/`. `--download DIR` saves
//! each message's media into DIR before its event is printed (see `download`). `--greeting TEXT`
//! answers each new contact's first message with TEXT, once per contact (see `greeting`).
//!
//! What is accepted waits in bounded queues ([`QUEUE`] requests before printing, as many before
//! forwarding): a slow `--forward-to` or a stdout nobody reads holds the printer back, and once
//! the queue is full a POST is answered 503 with `Retry-After` (360dialog then delivers it again
//! later) instead of the receiver growing without bound.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use clap::Args;
use tokio::sync::{mpsc, oneshot};

use super::download::Downloader;
use super::greeting::{self, Greeter};
use super::relay::{Received, forward, print_events};
use crate::checks::rules::parse_header_arg;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;

#[derive(Debug, Args)]
pub struct ListenArgs {
    /// Port to listen on (0 picks a free one; the address is printed on stderr)
    #[arg(long, default_value_t = 8090, value_name = "N")]
    pub port: u16,
    /// Address to listen on; anything but loopback (e.g. 0.0.0.0) is reachable from other machines
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: String,
    /// Pass each accepted request's raw body and headers on to this URL and report its status
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// Refuse requests without this header: 401 when absent, 403 when different (repeatable);
    /// NAME=@FILE reads the value from a file, NAME=env:VAR from the environment
    #[arg(long, value_name = "NAME=VALUE")]
    pub require_header: Vec<String>,
    /// Fetch each message's media into this folder as <media id>.<ext> (its path becomes `media_path`)
    #[arg(long, value_name = "DIR")]
    pub download: Option<PathBuf>,
    /// Answer each new contact's first message (or `request_welcome`) with this text, once per
    /// contact and profile, remembered in greeted.toml in the data folder
    #[arg(long, value_name = "TEXT")]
    pub greeting: Option<String>,
}

/// How long stopping may wait for open requests, printing and forwarding.
const STOP_GRACE: Duration = Duration::from_secs(3);

/// Requests that may wait to be printed, and as many to be forwarded; beyond, POSTs get 503.
const QUEUE: usize = 64;

/// Seconds a sender is asked to wait before retrying when the queue is full.
const RETRY_AFTER_SECS: u32 = 5;

/// What the request handler needs.
struct Shared {
    out: Output,
    required: Vec<(String, String)>,
    accepted: mpsc::Sender<Received>,
}

pub async fn run(ctx: &Context, args: &ListenArgs) -> Result<u8> {
    let ip = bind_address(&args.bind)?;
    let required = args
        .require_header
        .iter()
        .map(|arg| {
            parse_header_arg(arg).map_err(|problem| {
                Error::invalid(format!("invalid --require-header: {problem}")).with_hint(
                    "give it as --require-header NAME=VALUE (or NAME=@FILE, NAME=env:VAR), as registered \
                     with `channel activate --header`",
                )
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if let Some(url) = &args.forward_to {
        check_forward_url(url)?;
    }
    if let Some(text) = &args.greeting {
        greeting::check_text(text)?;
    }
    let media = super::media_base(ctx).await;
    let download = match &args.download {
        Some(dir) => Some(Downloader::new(ctx, dir).await?),
        None => None,
    };
    let (greeter, greet_queue) = match &args.greeting {
        Some(text) => {
            let (greeter, queue) = Greeter::open(ctx, text).await?;
            (Some(greeter), Some(queue))
        }
        None => (None, None),
    };
    let listener = tokio::net::TcpListener::bind((ip, args.port)).await.map_err(|err| {
        Error::failed(format!("cannot listen on {}", SocketAddr::new(ip, args.port)))
            .with_cause(err)
            .with_hint("pick another port with --port (0 picks a free one)")
    })?;
    let addr = listener.local_addr()?;
    ctx.out.notice(&format!("listening on http://{addr}/"));
    if !ip.is_loopback() {
        let guard = if required.is_empty() { "; consider --require-header" } else { "" };
        ctx.out.warn(&format!("{ip} is not loopback: other machines can post to this receiver{guard}"));
    }
    ctx.out.info("Press Ctrl-C to stop.");

    let (accepted, incoming) = mpsc::channel(QUEUE);
    let (forward_tx, forward_rx) = mpsc::channel(QUEUE);
    let forward_to = args.forward_to.clone();
    let forward_timeout = Duration::from_secs_f64(ctx.global.timeout.clamp(0.1, 10.0));
    let printer = tokio::spawn(print_events(
        ctx.out.clone(),
        media,
        incoming,
        forward_to.is_some().then_some(forward_tx),
        download,
        greet_queue,
    ));
    let forwarder =
        forward_to.map(|url| tokio::spawn(forward(ctx.out.clone(), url, forward_rx, forward_timeout)));

    let shared = Arc::new(Shared { out: ctx.out.clone(), required, accepted });
    let app = Router::new().fallback(receive).with_state(shared);
    let (stop, stopped) = oneshot::channel::<()>();
    let mut server = tokio::spawn(
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .into_future(),
    );
    let serving = async {
        let ended_by_itself = tokio::select! {
            _ = tokio::signal::ctrl_c() => None,
            result = &mut server => Some(result),
        };
        if let Some(result) = ended_by_itself {
            let reason = match result {
                Ok(Ok(())) => "the server stopped".to_owned(),
                Ok(Err(err)) => err.to_string(),
                Err(err) => err.to_string(),
            };
            return Err(Error::failed(format!("the webhook receiver stopped: {reason}")));
        }
        let _ = stop.send(());
        if tokio::time::timeout(STOP_GRACE, &mut server).await.is_err() {
            server.abort();
        }
        let _ = tokio::time::timeout(STOP_GRACE, printer).await;
        if let Some(forwarder) = forwarder {
            let _ = tokio::time::timeout(STOP_GRACE + forward_timeout, forwarder).await;
        }
        Ok(())
    };
    // The greeter borrows the context, so it runs beside the server in this task rather than
    // spawned; it ends once the printer (its queue's only sender) has, or after a grace period.
    let mut greeter = std::pin::pin!(async {
        if let Some(greeter) = greeter {
            greeter.run(ctx).await;
        }
    });
    let mut serving = std::pin::pin!(serving);
    let mut greeter_done = false;
    let served = loop {
        tokio::select! {
            result = &mut serving => break result,
            () = &mut greeter, if !greeter_done => greeter_done = true,
        }
    };
    if !greeter_done {
        let _ = tokio::time::timeout(STOP_GRACE + ctx.request_timeout(), greeter).await;
    }
    served?;
    ctx.out.info("stopped");
    Ok(0)
}

/// `--bind`: an IP address, or `localhost`.
fn bind_address(raw: &str) -> Result<IpAddr> {
    if raw.trim().eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    raw.trim().parse().map_err(|_| {
        Error::invalid(format!("--bind {raw:?} is not an IP address")).with_hint(
            "use 127.0.0.1 (the default), ::1, or 0.0.0.0 to accept connections from other machines",
        )
    })
}

/// `--forward-to` must be an absolute http(s) URL.
fn check_forward_url(raw: &str) -> Result<()> {
    match url::Url::parse(raw) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => Ok(()),
        _ => Err(Error::invalid(format!("--forward-to {raw:?} is not an http:// or https:// URL"))
            .with_hint("e.g. --forward-to http://127.0.0.1:3000/webhook")),
    }
}

/// Every request: GET answers (with Meta's `hub.challenge` echoed), POST is checked against
/// the required headers, queued and answered 200 at once.
async fn receive(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if method == Method::GET || method == Method::HEAD {
        let challenge = uri.query().and_then(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "hub.challenge")
                .map(|(_, v)| v.into_owned())
        });
        let text =
            challenge.unwrap_or_else(|| "whatsapp-ctl webhook listen: POST webhook payloads here\n".into());
        return (StatusCode::OK, text).into_response();
    }
    if method != Method::POST {
        return (StatusCode::METHOD_NOT_ALLOWED, "POST webhook payloads here\n").into_response();
    }
    if let Err((status, why)) = authorize(&shared.required, &headers) {
        shared.out.warn(&format!(
            "refused a POST {} from {peer}: {why} (HTTP {})",
            uri.path(),
            status.as_u16()
        ));
        let body = serde_json::json!({"error": why}).to_string();
        return (status, [("content-type", "application/json")], body).into_response();
    }
    if let Err(mpsc::error::TrySendError::Full(_)) =
        shared.accepted.try_send(Received { peer, headers, body })
    {
        shared.out.warn(&format!(
            "answered a POST {} from {peer} with 503 (Retry-After: {RETRY_AFTER_SECS}): {QUEUE} requests are \
             already waiting to be printed or forwarded; the sender delivers it again later (a slow \
             --forward-to target or an unread stdout holds the queue up)",
            uri.path()
        ));
        let body = serde_json::json!({"error": "busy: too many webhooks waiting, retry later"}).to_string();
        let retry = RETRY_AFTER_SECS.to_string();
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [("content-type", "application/json".to_owned()), ("retry-after", retry)],
            body,
        )
            .into_response();
    }
    (StatusCode::OK, [("content-type", "application/json")], "{\"ok\":true}").into_response()
}

/// Checks the required headers: 401 when one is absent, 403 when its value differs.
fn authorize(required: &[(String, String)], headers: &HeaderMap) -> Result<(), (StatusCode, String)> {
    for (name, wanted) in required {
        let Some(value) = headers.get(name.as_str()) else {
            return Err((StatusCode::UNAUTHORIZED, format!("header {name} is missing")));
        };
        if !constant_time_eq(value.as_bytes(), wanted.as_bytes()) {
            return Err((StatusCode::FORBIDDEN, format!("header {name} has the wrong value")));
        }
    }
    Ok(())
}

/// Compares without stopping at the first difference.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_headers_answer_401_when_absent_and_403_when_different() {
        let required = vec![("X-Secret".to_owned(), "s3cr3t".to_owned())];
        let mut headers = HeaderMap::new();
        assert_eq!(authorize(&required, &headers).map_err(|e| e.0), Err(StatusCode::UNAUTHORIZED));
        headers.insert("x-secret", "nope".parse().expect("value"));
        assert_eq!(authorize(&required, &headers).map_err(|e| e.0), Err(StatusCode::FORBIDDEN));
        headers.insert("x-secret", "s3cr3t".parse().expect("value"));
        assert!(authorize(&required, &headers).is_ok());
    }

    #[test]
    fn bind_takes_ip_addresses_and_localhost() {
        assert_eq!(bind_address("localhost").expect("ok"), IpAddr::V4(Ipv4Addr::LOCALHOST));
        assert!(bind_address("0.0.0.0").is_ok());
        assert!(bind_address("::1").is_ok());
        assert!(bind_address("example.com").is_err());
        assert!(check_forward_url("ftp://x/").is_err());
        assert!(check_forward_url("http://127.0.0.1:3000/hook").is_ok());
    }
}
