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
#[command(next_help_heading = "Global options")]
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
        value_parser = environment_boolean)]
    pub emulator: bool,
    /// More detail on stderr (-vv shows request and response bodies; never the key)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Only errors on stderr
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Per-request timeout in seconds (0.1 to 3600)
    #[arg(long, global = true, env = "WHATSAPP_CTL_TIMEOUT", default_value_t = 30.0, value_name = "SECS",
        value_parser = commands::numbers::seconds(0.1, 3600.0))]
    pub timeout: f64,
    /// Retries for retryable failures (0 to 100)
    #[arg(long, global = true, default_value_t = 3, value_name = "N",
        value_parser = commands::numbers::count::<u32>(0..=100))]
    pub retries: u32,
    /// No colour; so does NO_COLOR set to any non-empty value [env: NO_COLOR]
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Filter the JSON output (of --json, or of `api`) with a jq expression; strings print raw
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,
    /// Run `channel check` or `templates list/plan/apply` once per stored profile (a fleet)
    #[arg(long, global = true, conflicts_with = "profiles")]
    pub all_profiles: bool,
    /// Run `channel check` or `templates list/plan/apply` once per profile named (comma-separated)
    #[arg(long, global = true, value_delimiter = ',', value_name = "A,B")]
    pub profiles: Vec<String>,
    /// Profiles run at once with --all-profiles / --profiles (1 to 64)
    #[arg(long, global = true, default_value_t = 8, value_name = "N",
        value_parser = commands::numbers::count::<usize>(1..=64))]
    pub concurrency: usize,
}

/// A boolean environment variable of ours: `1/0`, `true/false`, `yes/no`, `on/off` in any case;
/// empty is as if unset.
fn environment_boolean(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "no" | "off" => Ok(false),
        "1" | "true" | "yes" | "on" => Ok(true),
        _ => Err("use 1/0, true/false, yes/no or on/off (empty is as if unset)".to_owned()),
    }
}

impl GlobalArgs {
    /// `--no-color`, or `NO_COLOR` per no-color.org: any non-empty value, whatever it says
    /// (`0` and `false` too), turns colour off; an empty one is as if unset. Read here rather
    /// than through clap's `env`, which would run the flag's own default ("false") through the
    /// same test and always turn colour off.
    pub fn colour_off(&self) -> bool {
        self.no_color || std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
    }
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
    /// Partner account: list its channels and adopt them as profiles (one key per channel)
    Partner(commands::partner::PartnerArgs),
    /// Set up a channel step by step: key, health, webhook, test message (every prompt has a flag)
    Setup(commands::setup::SetupArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish
    Completions(commands::completions::CompletionsArgs),
    /// Print the man page, or write every page (one per subcommand) to a folder
    Man(commands::man::ManArgs),
    /// Read and change a profile's settings (api, base_url, webhook_url, test_recipient, ...)
    #[command(subcommand)]
    Config(commands::config::ConfigCommand),
    /// Send a raw request under the base URL with the key added, like `gh api`
    Api(commands::api::ApiArgs),
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
