//! `emulator`: serve the embedded 360dialog emulator, deliver inbound messages, reset its state.

mod inbound;
mod reset;
mod start;

use std::path::PathBuf;

use clap::Subcommand;

use crate::context::Context;
use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum EmulatorCommand {
    /// Serve the emulator on loopback until Ctrl-C; prints its base URL and key
    Start(start::StartArgs),
    /// Deliver an inbound text message to the registered webhook and open the sender's 24-hour window
    Inbound(inbound::InboundArgs),
    /// Forget all templates, messages, windows and the webhook (the key stays)
    Reset {
        /// State file [default: WHATSAPP_CTL_EMULATOR_STATE, else the data dir]
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
    },
}

pub async fn run(ctx: &Context, command: EmulatorCommand) -> Result<u8> {
    match command {
        EmulatorCommand::Start(args) => start::run(ctx, args).await,
        EmulatorCommand::Inbound(args) => Ok(ctx.out.emit(&inbound::run(args).await?)),
        EmulatorCommand::Reset { state } => Ok(ctx.out.emit(&reset::run(state)?)),
    }
}
