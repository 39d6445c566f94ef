//! `completions SHELL`: the small static loader that hands every completion request to the
//! binary itself (clap_complete's dynamic `COMPLETE=<shell> whatsapp-ctl` engine), the same bytes
//! as the committed `completions/` files, and the values that engine offers beyond the clap model
//! (profile names, the closed sets of `templates list` and `templates submit`).

use clap::{Arg, Args, Command, CommandFactory, ValueEnum};
use clap_complete::env::EnvCompleter;
use clap_complete::{ArgValueCandidates, CompletionCandidate};
use serde::Serialize;

use crate::cli::Cli;
use crate::config::Store;
use crate::output::{Output, Report};

/// The binary name the scripts complete, and the command they call back (found on `PATH`).
pub const BIN_NAME: &str = "whatsapp-ctl";

/// The environment variable that switches the binary into completion mode.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// A shell a loader is generated and committed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Elvish,
    Fish,
    Powershell,
    Zsh,
}

/// Every shell a script is generated and committed for.
pub const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Powershell, Shell::Elvish];

impl Shell {
    /// The name `completions` takes and `COMPLETE=` expects.
    pub fn name(self) -> &'static str {
        self.completer().name()
    }

    fn completer(self) -> &'static dyn EnvCompleter {
        match self {
            Shell::Bash => &clap_complete::env::Bash,
            Shell::Elvish => &clap_complete::env::Elvish,
            Shell::Fish => &clap_complete::env::Fish,
            Shell::Powershell => &clap_complete::env::Powershell,
            Shell::Zsh => &clap_complete::env::Zsh,
        }
    }
}

impl std::fmt::Display for Shell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

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

/// The loader for `shell`, ending in exactly one newline. It asks `whatsapp-ctl` on `PATH` for
/// the candidates at every TAB, so subcommands, flags and values at any depth come from the very
/// clap model that parses them (the static generator's bash script breaks on the hyphen in the
/// name below the top level).
pub fn script(shell: Shell) -> String {
    let mut buffer = Vec::new();
    let name = Cli::command().get_name().to_owned();
    // Writing into a Vec cannot fail.
    let _ = shell.completer().write_registration(COMPLETE_VAR, &name, BIN_NAME, BIN_NAME, &mut buffer);
    let mut text = String::from_utf8_lossy(&buffer).trim().to_owned();
    if shell == Shell::Zsh {
        text = zsh_autoloadable(&text, &name);
    }
    format!("{text}\n")
}

/// clap_complete's zsh loader only registers itself: installed as `_whatsapp-ctl` in `fpath`,
/// the first TAB would define the completer and offer nothing. Make it also complete when
/// autoloaded as `_whatsapp-ctl` (the way clap's static zsh scripts do), and register when sourced.
fn zsh_autoloadable(text: &str, name: &str) -> String {
    let function = format!("_clap_dynamic_completer_{}", name.replace('-', "_"));
    let register = format!("compdef {function} {BIN_NAME}");
    let Some(body) = text.strip_suffix(&register) else {
        return text.to_owned();
    };
    format!(
        "{body}if [ \"$funcstack[1]\" = \"_{BIN_NAME}\" ]; then\n    {function} \"$@\"\nelse\n    {register}\nfi"
    )
}

/// The conventional file name of the script (`whatsapp-ctl.bash`, `_whatsapp-ctl`, ...).
pub fn file_name(shell: Shell) -> String {
    match shell {
        Shell::Bash => format!("{BIN_NAME}.bash"),
        Shell::Elvish => format!("{BIN_NAME}.elv"),
        Shell::Fish => format!("{BIN_NAME}.fish"),
        Shell::Powershell => format!("_{BIN_NAME}.ps1"),
        Shell::Zsh => format!("_{BIN_NAME}"),
    }
}

/// Template statuses `templates list --status` offers (360dialog's lowercase wire values).
const STATUSES: &[&str] =
    &["approved", "pending", "submitted", "rejected", "paused", "disabled", "in_appeal"];
/// Template categories.
const CATEGORIES: &[&str] = &["MARKETING", "UTILITY", "AUTHENTICATION"];
/// `templates list --sort` fields, ascending and descending.
const SORTS: &[&str] =
    &["id", "name", "status", "category", "language", "-id", "-name", "-status", "-category", "-language"];

/// The clap model the completion engine walks: the CLI's, plus candidates for closed sets that
/// are plain strings in the parser (an argument that already has possible values keeps them).
pub fn command() -> Command {
    let cmd = Cli::command();
    in_subcommand(cmd, "templates", |templates| {
        let templates = in_subcommand(templates, "list", |list| {
            let list = offer(list, "status", STATUSES);
            let list = offer(list, "category", CATEGORIES);
            offer(list, "sort", SORTS)
        });
        in_subcommand(templates, "submit", |submit| offer(submit, "category", CATEGORIES))
    })
}

fn in_subcommand(cmd: Command, name: &str, change: impl FnOnce(Command) -> Command) -> Command {
    if cmd.find_subcommand(name).is_none() {
        return cmd;
    }
    cmd.mut_subcommand(name, change)
}

fn offer(cmd: Command, arg: &str, values: &'static [&'static str]) -> Command {
    if !cmd.get_arguments().any(|a| a.get_id() == arg) {
        return cmd;
    }
    cmd.mut_arg(arg, |a: Arg| {
        if a.get_possible_values().is_empty() {
            a.add(ArgValueCandidates::new(move || {
                values.iter().copied().map(CompletionCandidate::new).collect()
            }))
        } else {
            a
        }
    })
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
    fn every_shell_gets_a_loader_calling_the_binary_back() {
        for shell in SHELLS {
            let text = script(shell);
            assert!(text.contains(BIN_NAME), "{shell}");
            assert!(text.contains(COMPLETE_VAR), "{shell}");
            assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{shell}");
        }
        assert!(script(Shell::Zsh).starts_with("#compdef whatsapp-ctl\n"));
        assert!(script(Shell::Zsh).contains("$funcstack[1]"));
        assert_eq!(file_name(Shell::Zsh), "_whatsapp-ctl");
        assert_eq!(file_name(Shell::Bash), "whatsapp-ctl.bash");
    }

    #[test]
    fn the_completion_model_offers_the_closed_sets() {
        let cmd = command();
        let list = cmd.find_subcommand("templates").and_then(|t| t.find_subcommand("list")).expect("list");
        for arg in ["status", "category", "sort"] {
            let arg = list.get_arguments().find(|a| a.get_id() == arg).expect(arg);
            assert!(
                arg.get::<ArgValueCandidates>().is_some() || !arg.get_possible_values().is_empty(),
                "{arg:?}"
            );
        }
    }
}
