//! `completions SHELL`: the shell completion script generated from the clap model (the same
//! bytes as the committed `completions/` files), and the profile names offered by the dynamic
//! completion that `COMPLETE=<shell> whatsapp-ctl` registers.

use clap::{Args, CommandFactory};
use clap_complete::{CompletionCandidate, Generator, Shell};
use serde::Serialize;

use crate::cli::Cli;
use crate::config::Store;
use crate::output::{Output, Report};

/// The binary name the scripts complete.
pub const BIN_NAME: &str = "whatsapp-ctl";

/// Every shell a script is generated and committed for.
pub const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish];

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print the completion script for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The script; with `--json`, `{"shell","file","script"}`.
#[derive(Debug, Serialize)]
pub struct CompletionsReport {
    shell: String,
    file: String,
    script: String,
}

impl Report for CompletionsReport {
    fn human(&self, _out: &Output) -> String {
        self.script.trim_end().to_owned()
    }
}

pub fn run(args: &CompletionsArgs) -> CompletionsReport {
    CompletionsReport {
        shell: args.shell.to_string(),
        file: file_name(args.shell),
        script: script(args.shell),
    }
}

/// The completion script for `shell`, ending in exactly one newline.
pub fn script(shell: Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN_NAME, &mut buffer);
    let text = String::from_utf8_lossy(&buffer);
    format!("{}\n", text.trim_end())
}

/// The conventional file name of the script (`whatsapp-ctl.bash`, `_whatsapp-ctl`, ...).
pub fn file_name(shell: Shell) -> String {
    shell.file_name(BIN_NAME)
}

/// Profile names from the config store, for `--profile <TAB>` (dynamic completion only).
pub fn profile_names() -> Vec<CompletionCandidate> {
    let env_dir =
        std::env::var_os("WHATSAPP_CTL_CONFIG_DIR").filter(|d| !d.is_empty()).map(std::path::PathBuf::from);
    let Ok(files) = Store::locate(env_dir).and_then(|store| store.load()) else {
        return Vec::new();
    };
    let mut names: Vec<&String> =
        files.config.profiles.keys().chain(files.credentials.profiles.keys()).collect();
    names.sort();
    names.dedup();
    names.into_iter().map(CompletionCandidate::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_gets_a_script_naming_the_binary() {
        for shell in SHELLS {
            let text = script(shell);
            assert!(text.contains(BIN_NAME), "{shell}");
            assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{shell}");
        }
        assert_eq!(file_name(Shell::Zsh), "_whatsapp-ctl");
        assert_eq!(file_name(Shell::Bash), "whatsapp-ctl.bash");
    }
}
