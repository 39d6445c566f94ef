//! `emulator start`: serves the emulator on a loopback port until Ctrl-C (exit 0).

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use serde::Serialize;

use crate::commands::numbers;
use crate::context::{Context, emulator_state_path};
use crate::emulator::{self, MAX_LATENCY_MS, MAX_REVIEW_DELAY};
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct StartArgs {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Seconds a submitted template stays in review before it is approved or rejected (0 to 86400)
    #[arg(long, default_value_t = 2.0, value_name = "SECS", value_parser = numbers::seconds(0.0, MAX_REVIEW_DELAY))]
    pub review_delay: f64,
    /// Share of API requests answered with a random 500/502/503/555 or 429 (0 to 1)
    #[arg(long, default_value_t = 0.0, value_name = "P", value_parser = numbers::fraction())]
    pub fault_rate: f64,
    /// Milliseconds added before every API answer (0 to 60000)
    #[arg(long, default_value_t = 0, value_name = "MS", value_parser = numbers::count::<u64>(0..=MAX_LATENCY_MS))]
    pub latency: u64,
    /// Most templates one list page returns, whatever the client asks
    #[arg(long, value_name = "N", value_parser = numbers::count::<usize>(1..=u32::MAX as u64))]
    pub page_cap: Option<usize>,
    /// Messaging health to report (any case)
    #[arg(long, value_name = "STATUS", ignore_case = true, value_parser = ["AVAILABLE", "LIMITED", "BLOCKED"])]
    pub health: Option<String>,
    /// Channels of the emulated partner account, each with its own key and state (0: none)
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub channels: usize,
}

#[derive(Debug, Serialize)]
struct Started {
    base_url: String,
    key: String,
    state: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    partner_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    partner_key: Option<String>,
    channels: usize,
}

impl Report for Started {
    fn human(&self, _out: &Output) -> String {
        let partner = match (&self.partner_id, &self.partner_key) {
            (Some(id), Some(key)) => format!(
                "\npartner id: {id}\npartner key: {key}\nchannels: {}\n\nPartner: WHATSAPP_CTL_HUB_URL={} whatsapp-ctl partner login --partner-id {id} --token-stdin <<< '{key}'",
                self.channels, self.base_url
            ),
            _ => String::new(),
        };
        let channel = format!(
            "360dialog emulator listening on {}\nkey: {}\nstate: {}\n\nTry: WHATSAPP_CTL_BASE_URL={} whatsapp-ctl auth login --token-stdin <<< '{}'",
            self.base_url,
            self.key,
            self.state.display(),
            self.base_url,
            self.key
        );
        channel + &partner
    }
}

pub async fn run(ctx: &Context, args: StartArgs) -> Result<u8> {
    let state = emulator_state_path(args.state)?;
    let mut options = emulator::Options::new(state.clone());
    options.port = args.port;
    options.review_delay = Duration::from_secs_f64(args.review_delay);
    options.fault_rate = args.fault_rate;
    options.latency = Duration::from_millis(args.latency);
    options.page_cap = args.page_cap;
    options.health = args.health.map(|h| h.to_ascii_uppercase());
    options.channels = args.channels;
    let running = emulator::start(options)
        .await
        .map_err(|err| Error::failed(format!("cannot start the emulator: {err}")))?;
    let (partner_id, partner_key) = running.partner.clone().unzip();
    let code = ctx.out.emit(&Started {
        base_url: running.base_url.clone(),
        key: running.key.clone(),
        state,
        partner_id,
        partner_key,
        channels: args.channels,
    });
    ctx.out.info("Press Ctrl-C to stop.");
    running.serve_until_ctrl_c().await;
    Ok(code)
}
