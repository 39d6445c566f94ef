//! What every command runs with: the global flags, where each came from, the output, the config
//! store, and the API client built on demand (from the profile, or from the embedded emulator).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::OnceCell;

use crate::api::{self, Client, ClientConfig, Flavour};
use crate::cli::GlobalArgs;
use crate::config::Store;
use crate::emulator;
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::secret::ApiKey;
use crate::settings::{self, Inputs, Settings, Source, Sourced};

/// Shared by every command of one invocation.
pub struct Context {
    pub global: GlobalArgs,
    pub inputs: Inputs,
    pub out: Output,
    emulator: OnceCell<emulator::Running>,
    permissions_checked: std::sync::Once,
}

impl Context {
    pub fn new(global: GlobalArgs, inputs: Inputs) -> Self {
        let out = Output::new(global.json, global.quiet, global.verbose, global.colour_off());
        Self { global, inputs, out, emulator: OnceCell::new(), permissions_checked: std::sync::Once::new() }
    }

    /// The config store (`WHATSAPP_CTL_CONFIG_DIR` or the platform folder); on first use,
    /// loose permissions of its folder and files are fixed with a warning.
    pub fn store(&self) -> Result<Store> {
        let env_dir =
            std::env::var_os("WHATSAPP_CTL_CONFIG_DIR").filter(|d| !d.is_empty()).map(PathBuf::from);
        let store = Store::locate(env_dir)?;
        self.permissions_checked.call_once(|| {
            for finding in store.tighten_permissions() {
                self.out.warn(&finding);
            }
        });
        Ok(store)
    }

    /// Profile, flavour, base URL and key after precedence; with `--emulator`, the emulator's.
    pub async fn settings(&self) -> Result<Settings> {
        if self.global.emulator {
            let running = self.emulator().await?;
            return Ok(Settings {
                profile: Sourced::new("emulator".into(), Source::Emulator),
                api: Sourced::new(Flavour::Cloud, Source::Emulator),
                base_url: Sourced::new(running.base_url.clone(), Source::Emulator),
                token: ApiKey::new(&running.key).map(|k| Sourced::new(k, Source::Emulator)),
                webhook_url: None,
                test_recipient: None,
                profile_exists: false,
            });
        }
        let files = self.store()?.load()?;
        settings::resolve(&self.inputs, &files)
    }

    /// A client for the resolved settings; exit 4 with a hint when there is no key.
    pub async fn client(&self) -> Result<(Client, Settings)> {
        let settings = self.settings().await?;
        Ok((self.client_with(&settings)?, settings))
    }

    /// A client for settings already resolved; exit 4 with a hint when they hold no key.
    pub fn client_with(&self, settings: &Settings) -> Result<Client> {
        let Some(token) = settings.token.clone() else {
            self.refuse_unknown_profile(settings)?;
            return Err(Error::new(
                Kind::Auth,
                format!("no API key for profile '{}'", settings.profile.value),
            )
            .with_hint(format!(
                "run `whatsapp-ctl auth login --profile {}` (or set WHATSAPP_CTL_TOKEN), or try `--emulator`",
                settings.profile.value
            )));
        };
        self.client_for(&settings.base_url.value, settings.api.value, token.value)
    }

    /// Exit 2 when the profile asked for (flag, environment, `profiles use`) is in neither file,
    /// listing the known profiles and the nearest one.
    pub fn refuse_unknown_profile(&self, settings: &Settings) -> Result<()> {
        if settings.profile_exists || settings.profile.source == Source::Default || self.global.emulator {
            return Ok(());
        }
        let known = crate::profile_names::known(&self.store()?.load()?);
        Err(crate::profile_names::no_such_profile(Kind::Usage, &settings.profile.value, &known))
    }

    /// A client for an explicit base URL, flavour and key (used by `auth login` before storing).
    pub fn client_for(&self, base_url: &str, flavour: Flavour, key: ApiKey) -> Result<Client> {
        let timeout = self.request_timeout();
        let out = self.out.clone();
        let trace: api::Trace = Arc::new(move |level, line| out.debug(level, line));
        Ok(Client::new(ClientConfig {
            base_url: base_url.to_owned(),
            flavour,
            key,
            timeout,
            retries: self.global.retries,
            trace: Some(trace),
        })?)
    }

    /// `--timeout` as a duration (0.1 s to an hour).
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs_f64(self.global.timeout.clamp(0.1, 3600.0))
    }

    /// The in-process emulator of `--emulator`, started on first use.
    async fn emulator(&self) -> Result<&emulator::Running> {
        self.emulator
            .get_or_try_init(|| async {
                let state = emulator_state_path(None)?;
                self.out.debug(1, &format!("emulator state: {}", state.display()));
                emulator::start(emulator::Options::new(state))
                    .await
                    .map_err(|err| Error::failed(format!("cannot start the embedded emulator: {err}")))
            })
            .await
    }
}

/// `--state`, else `WHATSAPP_CTL_EMULATOR_STATE`, else `<data dir>/emulator-state.json`.
pub fn emulator_state_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(path) = flag {
        return Ok(path);
    }
    if let Some(path) = std::env::var_os("WHATSAPP_CTL_EMULATOR_STATE").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    data_dir()
        .map(|dir| dir.join("emulator-state.json"))
        .map_err(|err| err.with_hint("set WHATSAPP_CTL_EMULATOR_STATE=/path/to/state.json or HOME"))
}

/// The user's data folder (`$XDG_DATA_HOME/whatsapp-ctl` on Linux): the emulator's state and
/// the contacts `webhook listen --greeting` has greeted.
pub fn data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "whatsapp-ctl")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| Error::failed("no data folder: HOME is not set").with_hint("set HOME"))
}
