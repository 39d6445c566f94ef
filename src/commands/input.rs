//! Reading what the user types or pipes: the API key from standard input or a hidden prompt, and
//! yes/no confirmations, never waiting on a prompt without a terminal (prompts: [`Prompter`]).

use std::io::Read;

use super::prompter::{self, Prompter};
use crate::error::{Error, Result};
use crate::secret::ApiKey;

/// The key from standard input (`--token-stdin`) or a hidden prompt on the terminal.
pub fn read_api_key(token_stdin: bool, flag_hint: &str) -> Result<ApiKey> {
    if token_stdin {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|err| Error::usage("cannot read the API key from standard input").with_cause(err))?;
        return ApiKey::new(&text).ok_or_else(|| {
            Error::usage("standard input held no API key")
                .with_hint("pipe the key in: `printf %s \"$KEY\" | whatsapp-ctl ...`")
        });
    }
    if !prompter::terminal_attached() {
        return Err(Error::usage("the API key is needed, and there is no terminal to ask for it").with_hint(
            format!("pipe it in with --token-stdin, e.g. `printf %s \"$KEY\" | {flag_hint} --token-stdin`"),
        ));
    }
    let _ctrl_c = prompter::catch_ctrl_c();
    let typed = Prompter::new("nothing was stored").secret("360dialog API key (D360-API-KEY, hidden)")?;
    ApiKey::new(&typed).ok_or_else(|| Error::usage("no API key was entered"))
}

/// Asks a yes/no question on a terminal; without one, `--yes` is required (exit 2).
pub fn confirm(question: &str, yes: bool) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !prompter::terminal_attached() {
        return Err(Error::usage(format!("{question} needs confirmation, and there is no terminal to ask"))
            .with_hint("add --yes to confirm"));
    }
    let _ctrl_c = prompter::catch_ctrl_c();
    Prompter::new("nothing was changed").confirm(question, false)
}
