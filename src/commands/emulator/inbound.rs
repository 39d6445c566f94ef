//! `emulator inbound`: a customer writes to the channel. Opens their 24-hour window and delivers a
//! Cloud API webhook payload to the registered webhook.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use crate::context::emulator_state_path;
use crate::emulator;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct InboundArgs {
    /// The customer's phone number (digits, country code first)
    #[arg(long, value_name = "PHONE")]
    pub from: String,
    /// The message text
    #[arg(long, value_name = "TEXT")]
    pub text: String,
    /// The customer's profile name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
}

#[derive(Debug, Serialize)]
pub struct InboundReport {
    from: String,
    message_id: String,
    delivered_to: Option<String>,
    status: Option<u16>,
}

impl Report for InboundReport {
    fn human(&self, _out: &Output) -> String {
        let delivery = match (&self.delivered_to, self.status) {
            (Some(url), Some(status)) => format!("delivered to {url} (HTTP {status})"),
            (Some(url), None) => format!("could not be delivered to {url}"),
            _ => "not delivered: no webhook is registered".to_owned(),
        };
        format!("Inbound message {} from {}: {delivery}; 24-hour window open.", self.message_id, self.from)
    }
}

pub async fn run(args: InboundArgs) -> Result<InboundReport> {
    let state = emulator_state_path(args.state)?;
    let report = emulator::inbound(&state, &args.from, &args.text, args.name.as_deref())
        .await
        .map_err(|err| Error::failed(format!("inbound message failed: {err}")))?;
    Ok(InboundReport {
        from: args.from,
        message_id: report.message_id,
        delivered_to: report.delivered_to,
        status: report.status,
    })
}
