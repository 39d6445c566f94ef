//! The clap model: the global flags of SPEC 1 with their environment variables, and the
//! command tree. Each leaf's arguments live beside its code in `commands/`.

use clap::{Args, Parser, Subcommand};

use crate::commands;

/// Administer WhatsApp Business channels connected through 360dialog.
#[derive(Debug, Parser)]
#[command(name = "whatsapp-ctl", version, propagate_version = true, max_term_width = 100)]
#[command(
    after_help = "Exit codes: 0 ok, 1 failed, 2 usage, 3 invalid input, 4 auth, 5 network, 130 interrupted."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Profile in the config store [default: the one chosen by `profiles use`, else `default`]
    #[arg(long, global = true, env = "WHATSAPP_CTL_PROFILE", value_name = "NAME",
        add = clap_complete::ArgValueCandidates::new(commands::completions::profile_names))]
    pub profile: Option<String>,
    /// API base URL [default: per API flavour]
    #[arg(long, global = true, env = "WHATSAPP_CTL_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,
    /// Machine-readable output: one JSON document on stdout
    #[arg(long, global = true)]
    pub json: bool,
    /// Run against the embedded 360dialog emulator (no key needed, no profile read or written)
    #[arg(long, global = true, env = "WHATSAPP_CTL_EMULATOR",
        value_parser = clap::builder::BoolishValueParser::new())]
    pub emulator: bool,
    /// More detail on stderr (-vv shows request and response bodies; never the key)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Only errors on stderr
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Per-request timeout in seconds
    #[arg(long, global = true, env = "WHATSAPP_CTL_TIMEOUT", default_value_t = 30.0, value_name = "SECS")]
    pub timeout: f64,
    /// Retries for retryable failures
    #[arg(long, global = true, default_value_t = 3, value_name = "N")]
    pub retries: u32,
    /// No colour
    // The empty default: clap runs a flag's implicit default ("false") through the parser too.
    #[arg(long, global = true, env = "NO_COLOR", value_parser = any_value_is_set, default_value = "")]
    pub no_color: bool,
}

/// `NO_COLOR` per no-color.org: any non-empty value turns colour off.
fn any_value_is_set(value: &str) -> Result<bool, String> {
    Ok(!value.is_empty())
}

/// The command tree.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Store, check and remove the API key of a profile
    #[command(subcommand)]
    Auth(commands::auth::AuthCommand),
    /// List, choose and remove profiles
    #[command(subcommand)]
    Profiles(commands::profiles::ProfilesCommand),
    /// Check a channel, activate it with a webhook, show its webhook
    #[command(subcommand)]
    Channel(commands::channel::ChannelCommand),
    /// Validate, submit, list, follow and delete message templates
    #[command(subcommand)]
    Templates(commands::templates::TemplatesCommand),
    /// Send test messages: text, buttons, media, templates
    #[command(subcommand)]
    Send(commands::send::SendCommand),
    /// Upload, inspect, download and delete media files
    #[command(subcommand)]
    Media(commands::media::MediaCommand),
    /// Read webhook payloads: parse a saved one, or receive them live
    #[command(subcommand)]
    Webhook(commands::webhook::WebhookCommand),
    /// Run or drive the embedded 360dialog emulator
    #[command(subcommand)]
    Emulator(commands::emulator::EmulatorCommand),
    /// Set up a channel step by step: key, health, webhook, test message (every prompt has a flag)
    Setup(commands::setup::SetupArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish
    Completions(commands::completions::CompletionsArgs),
    /// Print the man page, or write every page (one per subcommand) to a folder
    Man(commands::man::ManArgs),
}

impl Command {
    /// Long-running servers stop on Ctrl-C by themselves, with exit 0.
    pub fn handles_ctrl_c(&self) -> bool {
        matches!(
            self,
            Command::Emulator(commands::emulator::EmulatorCommand::Start(_))
                | Command::Webhook(commands::webhook::WebhookCommand::Listen(_))
        )
    }
}

/// The `--api` values: the CLI's view of [`crate::api::Flavour`] (the API module knows no CLI).
pub fn flavour_parser() -> impl clap::builder::TypedValueParser<Value = crate::api::Flavour> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new([
        PossibleValue::new("cloud")
            .help("Cloud API (waba-v2.360dialog.io), the default for every number since 2024"),
        PossibleValue::new("onpremise").alias("on-premise").help("Legacy On-Premise API (waba.360dialog.io)"),
    ])
    .map(|name| crate::api::Flavour::parse(&name).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn clap_model_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
