//! whatsapp-ctl: administer WhatsApp Business channels connected through 360dialog.

pub mod api;
pub mod automation;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod digest;
pub mod emulator;
pub mod error;
pub mod fsutil;
pub mod json_kind;
pub mod markdown;
pub mod media;
pub mod message;
pub mod output;
pub mod phone;
pub mod profile;
pub mod secret;
pub mod settings;
pub mod split;
pub mod template;
pub mod webhook;

use clap::{CommandFactory, FromArgMatches, parser::ValueSource};

use crate::cli::Cli;
use crate::context::Context;
use crate::error::Error;
use crate::settings::{Given, Inputs};

/// Parses the command line, runs the command and returns the process exit code.
pub fn main_exit_code() -> u8 {
    fsutil::disable_core_dumps();
    // `COMPLETE=bash whatsapp-ctl` prints the dynamic completion script; the shell then calls back here.
    clap_complete::CompleteEnv::with_factory(commands::completions::command).complete();
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    let inputs = Inputs {
        profile: given(&matches, "profile", cli.global.profile.clone()),
        base_url: given(&matches, "base_url", cli.global.base_url.clone()),
        env_token: Inputs::env_token_from_process(),
    };
    let ctx = Context::new(cli.global.clone(), inputs);
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            ctx.out.error(&Error::failed(format!("cannot start the async runtime: {err}")));
            return 1;
        }
    };
    let handles_ctrl_c = cli.command.handles_ctrl_c();
    let result = runtime.block_on(async {
        let work = commands::run(&ctx, cli.command);
        if handles_ctrl_c {
            return work.await;
        }
        tokio::select! {
            result = work => result,
            _ = tokio::signal::ctrl_c() => Err(Error::interrupted()),
        }
    });
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    match result {
        Ok(code) => code,
        Err(err) => {
            ctx.out.error(&err);
            err.kind.exit_code()
        }
    }
}

/// A global flag's value and whether clap took it from the environment.
fn given(matches: &clap::ArgMatches, id: &str, value: Option<String>) -> Given {
    let mut current = Some(matches);
    let mut from_env = false;
    while let Some(m) = current {
        if let Some(source) = m.value_source(id) {
            from_env = source == ValueSource::EnvVariable;
            if source == ValueSource::CommandLine {
                break;
            }
        }
        current = m.subcommand().map(|(_, sub)| sub);
    }
    Given { value, from_env }
}
