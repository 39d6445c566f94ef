//! The embedded 360dialog emulator: a local stand-in for the 360dialog API (Cloud and on-premise
//! paths at once) with its state in one JSON file that several processes share. This module
//! owns the public surface: [`Options`], [`start`] / [`Running`], [`inbound`], [`reset`] and
//! [`EmulatorError`].
//!
//! The API key is generated once (`emu_` + 32 hex digits) when the state file is created and
//! stored in it; the environment variable `WHATSAPP_CTL_EMULATOR_KEY`, when set, is the key
//! instead.

mod automation;
mod checks;
mod control;
mod errors;
mod faults;
mod health;
mod inbound;
mod listing;
mod media;
mod media_control;
mod media_files;
mod messages;
mod multipart;
mod partner;
mod profile;
mod review;
mod review_rules;
mod send_rules;
mod server;
mod state;
mod store;
mod template_send;
mod templates;
mod util;
mod webhook;

#[cfg(test)]
mod tests;

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use inbound::{InboundReport, inbound};
pub use partner::PARTNER_KEY_ENV;
pub use state::KEY_ENV;
/// `2024-05-01T12:00:00Z` for a Unix time in milliseconds (also used to show webhook timestamps).
pub use util::rfc3339;

/// The longest review delay the emulator takes, in seconds (a day).
pub const MAX_REVIEW_DELAY: f64 = 86_400.0;
/// The longest added latency the emulator takes, in milliseconds (a minute).
pub const MAX_LATENCY_MS: u64 = 60_000;

/// How long [`Running::shutdown`] waits for open connections before dropping them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Why the emulator could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    /// Reading, writing or locking the state file failed.
    #[error("cannot use the emulator state file {}: {cause}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        cause: io::Error,
    },
    /// The state file is not valid.
    #[error(
        "the emulator state file {} is corrupt: {cause} (fix it or run `whatsapp-ctl emulator reset`)",
        path.display()
    )]
    Corrupt {
        /// The file concerned.
        path: PathBuf,
        /// The parse error, with line and column.
        cause: serde_json::Error,
    },
    /// The listening socket could not be opened.
    #[error("cannot listen on 127.0.0.1:{port}: {cause}")]
    Bind {
        /// The port asked for (0 = any).
        port: u16,
        /// The underlying error.
        cause: io::Error,
    },
    /// An argument was invalid.
    #[error("{0}")]
    InvalidInput(String),
}

impl EmulatorError {
    /// An I/O error on `path`.
    pub(crate) fn io(path: &Path, cause: io::Error) -> Self {
        EmulatorError::Io { path: path.to_path_buf(), cause }
    }
}

/// How to run the emulator.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// The state file (created with its folder when missing).
    pub state_path: PathBuf,
    /// Time from template creation to the simulated review decision.
    pub review_delay: Duration,
    /// Probability (0..=1) that an API request is answered with a random fault.
    pub fault_rate: f64,
    /// Delay before answering each API request.
    pub latency: Duration,
    /// Largest page the template list returns, whatever `limit` asks.
    pub page_cap: Option<usize>,
    /// Health override persisted in the state: `AVAILABLE`, `LIMITED` or `BLOCKED`.
    pub health: Option<String>,
    /// Channels of the emulated partner account (0: no partner paths).
    pub channels: usize,
}

impl Options {
    /// Defaults: any port, 2 s review delay, no faults, no latency, no page cap.
    pub fn new(state_path: PathBuf) -> Self {
        Options {
            port: 0,
            state_path,
            review_delay: Duration::from_secs(2),
            fault_rate: 0.0,
            latency: Duration::ZERO,
            page_cap: None,
            health: None,
            channels: 0,
        }
    }
}

/// A running emulator; dropping it leaves the server task running until the runtime ends.
pub struct Running {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// The API key requests must send in `D360-API-KEY`.
    pub key: String,
    /// The partner id and key, when the emulator serves a partner account.
    pub partner: Option<(String, String)>,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl fmt::Debug for Running {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Running")
            .field("base_url", &self.base_url)
            .field("key", &"(redacted)")
            .finish_non_exhaustive()
    }
}

/// Starts the emulator on 127.0.0.1 and returns once it listens; the server runs on a
/// spawned task.
pub async fn start(options: Options) -> Result<Running, EmulatorError> {
    if !(0.0..=1.0).contains(&options.fault_rate) {
        return Err(EmulatorError::InvalidInput(format!(
            "fault rate {} is not a probability between 0 and 1",
            options.fault_rate
        )));
    }
    if options.page_cap == Some(0) {
        return Err(EmulatorError::InvalidInput("the page cap must be at least 1".into()));
    }
    let health = match options.health.as_deref() {
        None => None,
        Some(raw) => Some(health::parse(raw).ok_or_else(|| {
            EmulatorError::InvalidInput(format!("health \"{raw}\" is not one of AVAILABLE, LIMITED, BLOCKED"))
        })?),
    };
    let path = options.state_path.clone();
    // File locks and fsync: on a blocking thread, not on the async workers.
    let (store, key) = tokio::task::spawn_blocking(move || open_store(path, health))
        .await
        .map_err(|e| EmulatorError::io(&options.state_path, io::Error::other(e.to_string())))??;
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, options.port))
        .await
        .map_err(|cause| EmulatorError::Bind { port: options.port, cause })?;
    let addr = listener.local_addr().map_err(|cause| EmulatorError::Bind { port: options.port, cause })?;
    let fleet = match options.channels {
        0 => None,
        n => Some(partner::Fleet::open(&options.state_path, n, format!("http://{addr}"))?),
    };
    let partner = fleet.as_ref().map(|f| (f.partner_id.clone(), f.partner_key.clone()));
    let app = Arc::new(server::App {
        store,
        key: key.clone(),
        settings: Mutex::new(server::Settings {
            review_delay: options.review_delay,
            fault_rate: options.fault_rate,
            latency: options.latency,
            page_cap: options.page_cap,
        }),
        faults: faults::FaultQueue::default(),
        lag: faults::ListingLag::default(),
        log: control::RequestLog::default(),
        fleet,
    });
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let shutdown = async {
            let _ = stopped.await;
        };
        let _ = axum::serve(listener, server::router(app)).with_graceful_shutdown(shutdown).await;
    });
    Ok(Running { base_url: format!("http://{addr}"), key, partner, addr, stop: Some(stop), task })
}

/// Opens the state file (creating it when missing), sets the health given at start, and reads
/// the key.
fn open_store(path: PathBuf, health: Option<&'static str>) -> Result<(store::Store, String), EmulatorError> {
    let store = store::Store::new(path);
    if let Some(health) = health {
        store.mutate(|state| {
            state.health = Some(health.to_string());
            Ok::<_, EmulatorError>(())
        })?;
    }
    let key = state::effective_key(&store.read()?.key);
    Ok((store, key))
}

impl Running {
    /// The port the emulator listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Stops accepting requests, lets open ones finish (up to 5 s), and waits for the server.
    pub async fn shutdown(self) {
        if let Some(stop) = self.stop {
            let _ = stop.send(());
        }
        let mut task = self.task;
        if tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await.is_err() {
            task.abort();
        }
    }

    /// Serves until Ctrl-C (or until the server stops by itself), then shuts down.
    pub async fn serve_until_ctrl_c(mut self) {
        let interrupted = tokio::select! {
            _ = tokio::signal::ctrl_c() => true,
            _ = &mut self.task => false,
        };
        if interrupted {
            self.shutdown().await;
        }
    }
}

/// Empties the state at `state_path` (templates, webhook, health, messages, windows) but keeps
/// its key and namespace; a corrupt file is replaced by a fresh state.
pub fn reset(state_path: &Path) -> Result<(), EmulatorError> {
    store::reset(state_path)
}
