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
pub mod fleet;
pub mod fsutil;
pub mod greeted;
pub mod json_kind;
pub mod markdown;
pub mod media;
pub mod message;
pub mod output;
pub mod phone;
pub mod profile;
pub mod profile_names;
pub mod secret;
pub mod settings;
pub mod split;
pub mod template;
pub mod text;
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
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed = Cli::command().try_get_matches_from(&args).and_then(|m| Ok((Cli::from_arg_matches(&m)?, m)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => return commands::usage::report(err, &args),
    };
    let inputs = Inputs {
        profile: given(&matches, "profile", cli.global.profile.clone()),
        base_url: given(&matches, "base_url", cli.global.base_url.clone()),
        env_token: Inputs::env_token_from_process(),
    };
    let mut global = cli.global.clone();
    // `--jq` filters a JSON document: it implies `--json`.
    global.json |= global.jq.is_some();
    let mut ctx = Context::new(global, inputs);
    if let Some(expr) = cli.global.jq.as_deref()
        && let Err(err) = ctx.out.set_jq(expr)
    {
        ctx.out.error(&err);
        return err.kind.exit_code();
    }
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
            // Ctrl-C is listened for before the command starts: a read waiting on standard input
            // (on its own thread, `commands::input`) never delays it.
            biased;
            Ok(()) = tokio::signal::ctrl_c() => Err(Error::interrupted()),
            result = work => result,
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
