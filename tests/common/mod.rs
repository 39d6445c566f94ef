//! Shared by the end-to-end tests: a hermetic environment per test (own config folder, own
//! emulator state, cleared environment), the real binary, an emulator process on loopback, and a
//! tiny HTTP client for the emulator's control endpoints. Nothing here leaves loopback.
#![allow(dead_code)]

pub mod listen;
pub mod listener;
pub mod pty;
pub mod wire;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;

pub const BIN: &str = env!("CARGO_BIN_EXE_whatsapp-ctl");
/// The key every test emulator accepts (pinned with WHATSAPP_CTL_EMULATOR_KEY).
pub const EMULATOR_KEY: &str = "emu_test_key_5f3a9c1e7b2d4a68";
/// The partner key every test emulator accepts (pinned with WHATSAPP_CTL_EMULATOR_PARTNER_KEY).
pub const PARTNER_KEY: &str = "emu_partner_test_key_8d21c0b7e4f9";

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A scratch folder with its own config store and emulator state.
pub struct TestEnv {
    pub root: PathBuf,
    /// Secrets this test's runs must never print, learned as it goes (see [`TestEnv::secrets`]).
    secrets: std::sync::Mutex<std::collections::BTreeSet<String>>,
}

impl TestEnv {
    pub fn new(name: &str) -> Self {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let root = std::env::temp_dir().join(format!("wctl-e2e-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("home")).expect("create test dir");
        Self { root, secrets: Default::default() }
    }

    pub fn config_dir(&self) -> PathBuf {
        self.root.join("config")
    }

    pub fn state_path(&self) -> PathBuf {
        self.root.join("emulator-state.json")
    }

    /// The binary with a cleared environment pointing at this test's folders.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.root.join("home"))
            .env("XDG_CONFIG_HOME", self.root.join("home/.config"))
            .env("XDG_DATA_HOME", self.root.join("home/.local/share"))
            .env("WHATSAPP_CTL_CONFIG_DIR", self.config_dir())
            .env("WHATSAPP_CTL_EMULATOR_STATE", self.state_path())
            .env("WHATSAPP_CTL_EMULATOR_KEY", EMULATOR_KEY)
            .env("WHATSAPP_CTL_EMULATOR_PARTNER_KEY", PARTNER_KEY)
            // As many users have it in their shell: the whole suite runs with it.
            .env("NO_COLOR", "1")
            .args(args)
            .stdin(Stdio::null());
        cmd
    }

    /// Runs to completion with `stdin` piped in.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str, envs: &[(&str, &str)]) -> Run {
        let mut cmd = self.cmd(args);
        cmd.envs(envs.iter().copied()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn whatsapp-ctl");
        if let Some(mut input) = child.stdin.take() {
            // A command may exit (an error found first) before reading all of it: not a failure.
            match input.write_all(stdin.as_bytes()) {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {err}"),
                _ => {}
            }
        }
        let run = Run::from(child.wait_with_output().expect("wait"));
        assert_no_key_leak(args, envs, Some(stdin), &run);
        self.assert_no_secret(args, envs, &run);
        run
    }

    /// Runs to completion without standard input.
    pub fn run(&self, args: &[&str], envs: &[(&str, &str)]) -> Run {
        let mut cmd = self.cmd(args);
        cmd.envs(envs.iter().copied());
        let run = Run::from(cmd.output().expect("run whatsapp-ctl"));
        assert_no_key_leak(args, envs, None, &run);
        self.assert_no_secret(args, envs, &run);
        run
    }

    /// Starts `emulator start` on a free loopback port with this test's state.
    pub fn emulator(&self, extra: &[&str]) -> Emulator {
        let mut args = vec!["emulator", "start", "--json", "--review-delay", "0"];
        args.extend_from_slice(extra);
        let mut child =
            self.cmd(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn emulator");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).expect("read emulator banner");
        let banner: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("banner {line:?}: {e}"));
        let base_url = banner["base_url"].as_str().expect("base_url").to_owned();
        let key = banner["key"].as_str().expect("key").to_owned();
        Emulator { child, base_url, key, banner }
    }

    /// Writes a config file by hand.
    pub fn write_config(&self, file: &str, text: &str) {
        std::fs::create_dir_all(self.config_dir()).expect("config dir");
        std::fs::write(self.config_dir().join(file), text).expect("write config");
    }

    pub fn read_config(&self, file: &str) -> Option<String> {
        std::fs::read_to_string(self.config_dir().join(file)).ok()
    }
}

/// The secrets every run is checked for, beyond the keys of [`known_keys`]: webhook header
/// values, channel keys, and whatever a test registers.
impl TestEnv {
    /// Registers a secret no later run may print (values under 8 characters are ignored, as in
    /// [`known_keys`]).
    pub fn add_secret(&self, secret: &str) {
        let secret = secret.trim();
        if secret.chars().count() >= 8 {
            self.secrets.lock().unwrap_or_else(|e| e.into_inner()).insert(secret.to_owned());
        }
    }

    /// Every secret learned so far, after learning the channel keys the emulator of this test
    /// holds now (its `<state>.partner/<channel>.json` files: every minted key, and the keys a
    /// key minted since replaced, as they were seen). Includes the pinned keys.
    pub fn secrets(&self) -> Vec<String> {
        for key in emulator_channel_keys(&self.state_path()) {
            self.add_secret(&key);
        }
        self.add_secret(EMULATOR_KEY);
        self.add_secret(PARTNER_KEY);
        self.secrets.lock().unwrap_or_else(|e| e.into_inner()).iter().cloned().collect()
    }

    /// Fails the test when a run printed any of [`TestEnv::secrets`] (webhook header values of
    /// this run's `--header`/`--require-header` learned first). The one exception is
    /// [`printed_by_design`].
    pub fn assert_no_secret(&self, args: &[&str], envs: &[(&str, &str)], run: &Run) {
        for value in header_secrets(args, envs) {
            self.add_secret(&value);
        }
        let allowed = printed_by_design(args, envs, run);
        for secret in self.secrets() {
            let in_stdout = run.stdout.contains(&secret) && !allowed.contains(&secret);
            assert!(
                !in_stdout && !run.stderr.contains(&secret),
                "`whatsapp-ctl {}` printed a secret (…{}): {run:#?}",
                args.join(" "),
                secret.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect::<String>()
            );
        }
    }
}

/// The keys of the emulator's fleet channels in the partner folder beside `state` (none when it
/// has no fleet). A file caught half-written is skipped (the next run reads it).
pub fn emulator_channel_keys(state: &Path) -> Vec<String> {
    let mut dir = state.as_os_str().to_owned();
    dir.push(".partner");
    let Ok(entries) = std::fs::read_dir(PathBuf::from(dir)) else { return Vec::new() };
    let mut keys = Vec::new();
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        if path.extension().is_none_or(|e| e != "json")
            || path.file_name().is_some_and(|n| n == "partner.json")
        {
            continue;
        }
        let state: Option<Value> = std::fs::read(&path).ok().and_then(|b| serde_json::from_slice(&b).ok());
        if let Some(key) = state.as_ref().and_then(|s| s["key"].as_str()) {
            keys.push(key.to_owned());
        }
    }
    keys
}

/// The webhook header values a run's `--header` / `--require-header NAME=VALUE` arguments carry:
/// the value itself, the content of `NAME=@FILE`, or the variable of `NAME=env:VAR` in `envs`.
pub fn header_secrets(args: &[&str], envs: &[(&str, &str)]) -> Vec<String> {
    let mut values = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let arg = match word.split_once('=') {
            Some(("--header" | "--require-header", rest)) => rest,
            _ if matches!(*word, "--header" | "--require-header") => match words.next() {
                Some(next) => next,
                None => break,
            },
            _ => continue,
        };
        let Some((_, value)) = arg.split_once('=') else { continue };
        if let Some(path) = value.strip_prefix('@').filter(|p| !p.is_empty()) {
            if let Ok(text) = std::fs::read_to_string(path) {
                values.push(text.trim_end_matches(['\r', '\n']).to_owned());
            }
        } else if let Some(var) = value.strip_prefix("env:").filter(|v| !v.is_empty()) {
            values.extend(envs.iter().filter(|(name, _)| *name == var).map(|(_, v)| (*v).to_owned()));
        } else {
            values.push(value.to_owned());
        }
    }
    values
}

/// The secrets a run may print on stdout because that is its documented purpose, and nothing
/// more: `auth token` its one key (stdout is that key and nothing else), `emulator start` the
/// emulator's key and partner key in its banner. Never on stderr, never a webhook secret.
pub fn printed_by_design(args: &[&str], envs: &[(&str, &str)], run: &Run) -> Vec<String> {
    if args.windows(2).any(|pair| pair == ["auth", "token"]) && run.code == 0 {
        return vec![run.stdout.trim().to_owned()];
    }
    if args.windows(2).any(|pair| pair == ["emulator", "start"]) {
        let pinned = |name: &str, default: &str| {
            envs.iter().find(|(n, _)| *n == name).map_or(default, |(_, v)| v).to_owned()
        };
        return vec![
            pinned("WHATSAPP_CTL_EMULATOR_KEY", EMULATOR_KEY),
            pinned("WHATSAPP_CTL_EMULATOR_PARTNER_KEY", PARTNER_KEY),
        ];
    }
    Vec::new()
}

impl Drop for TestEnv {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Environment variables that carry an API key.
const KEY_VARIABLES: [&str; 5] = [
    "WHATSAPP_CTL_TOKEN",
    "D360_API_KEY",
    "WHATSAPP_CTL_EMULATOR_KEY",
    "WHATSAPP_CTL_PARTNER_KEY",
    "WHATSAPP_CTL_EMULATOR_PARTNER_KEY",
];

/// Commands that print the key by design: `auth token` (for scripts) and `emulator start`
/// (its banner tells clients the emulator's key).
pub fn prints_the_key(args: &[&str]) -> bool {
    args.windows(2).any(|pair| matches!(pair, ["auth", "token"] | ["emulator", "start"]))
}

/// Every key a run could know: the pinned emulator key, keys given in the environment, and
/// standard input when the command reads a key from it. Keys under 8 characters are left out:
/// they occur in ordinary text, and the masked hint (`…1234`) shows four characters by design.
pub fn known_keys(args: &[&str], envs: &[(&str, &str)], stdin: Option<&str>) -> Vec<String> {
    let mut keys = vec![EMULATOR_KEY.to_owned(), PARTNER_KEY.to_owned()];
    keys.extend(
        envs.iter().filter(|(name, _)| KEY_VARIABLES.contains(name)).map(|(_, v)| v.trim().to_owned()),
    );
    if args.contains(&"--token-stdin")
        && let Some(stdin) = stdin
    {
        keys.push(stdin.trim().to_owned());
    }
    keys.retain(|key| key.chars().count() >= 8);
    keys
}

/// Fails the test when a run printed a key anywhere (stdout or stderr), except for the
/// commands of [`prints_the_key`]. Every `TestEnv::run*` goes through it, so the whole suite
/// checks that the key never reaches output, logs or errors.
pub fn assert_no_key_leak(args: &[&str], envs: &[(&str, &str)], stdin: Option<&str>, run: &Run) {
    if prints_the_key(args) {
        return;
    }
    for key in known_keys(args, envs, stdin) {
        assert!(
            !run.stdout.contains(&key) && !run.stderr.contains(&key),
            "`whatsapp-ctl {}` printed an API key: {run:#?}",
            args.join(" ")
        );
    }
}

/// A finished run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:?}"))
    }

    /// Asserts the exit code, showing everything on failure.
    pub fn expect_code(self, code: i32) -> Self {
        assert_eq!(self.code, code, "unexpected exit code: {self:#?}");
        self
    }
}

/// An `emulator start` process; killed when dropped.
pub struct Emulator {
    child: Child,
    pub base_url: String,
    pub key: String,
    /// The whole start banner (`partner_id`, `partner_key`, `channels`, ...).
    pub banner: Value,
}

impl Emulator {
    /// Every API request the emulator received, in order.
    pub fn requests(&self) -> Vec<Value> {
        let (_, body) = http("GET", &format!("{}/_emulator/requests", self.base_url), None);
        match serde_json::from_str(&body) {
            Ok(Value::Array(items)) => items,
            other => panic!("request log: {other:?} from {body}"),
        }
    }

    pub fn clear_requests(&self) {
        http("DELETE", &format!("{}/_emulator/requests", self.base_url), None);
    }

    /// Queues scripted faults, e.g. `json!([{"status":503},{"status":429}])`.
    pub fn fail_next(&self, faults: Value) {
        let body = serde_json::json!({ "next": faults }).to_string();
        let (status, text) = http("POST", &format!("{}/_emulator/faults", self.base_url), Some(&body));
        assert_eq!(status, 200, "queue faults: {text}");
    }

    /// The environment that reaches this emulator's partner account without a stored login.
    pub fn partner_env(&self) -> Vec<(&'static str, String)> {
        let partner_id = self.banner["partner_id"].as_str().expect("banner has partner_id").to_owned();
        vec![
            ("WHATSAPP_CTL_HUB_URL", self.base_url.clone()),
            ("WHATSAPP_CTL_PARTNER_ID", partner_id),
            ("WHATSAPP_CTL_PARTNER_KEY", PARTNER_KEY.to_owned()),
        ]
    }

    pub fn settings(&self, settings: Value) {
        let (status, text) =
            http("POST", &format!("{}/_emulator/settings", self.base_url), Some(&settings.to_string()));
        assert_eq!(status, 200, "settings: {text}");
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 request to a loopback URL: (status, body).
pub fn http(method: &str, url: &str, body: Option<&str>) -> (u16, String) {
    http_with_headers(method, url, body, &[])
}

/// [`http`] with extra headers.
pub fn http_with_headers(
    method: &str,
    url: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> (u16, String) {
    let rest = url.strip_prefix("http://").expect("http URL");
    let (host, path) = rest.split_once('/').map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let mut stream = TcpStream::connect(host).expect("connect to emulator");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    let body = body.unwrap_or("");
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (head, payload) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let payload = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        dechunk(payload)
    } else {
        payload.to_owned()
    };
    (status, payload)
}

fn dechunk(mut data: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = data.split_once("\r\n") {
        let Ok(len) = usize::from_str_radix(size.trim(), 16) else { break };
        if len == 0 || rest.len() < len {
            break;
        }
        out.push_str(&rest[..len]);
        data = rest[len..].trim_start_matches("\r\n");
    }
    out
}

/// A loopback port nothing listens on.
pub fn dead_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}

/// File mode bits (Unix).
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// Writes one UTILITY template per name into `dir/NAME.json` (a template folder for plan/apply).
pub fn write_templates(dir: &Path, names: &[&str]) {
    std::fs::create_dir_all(dir).expect("dir");
    for name in names {
        let template = serde_json::json!({"name": name, "language": "en", "category": "UTILITY",
            "components": [{"type": "BODY", "text": format!("Hello from {name}.")}]});
        std::fs::write(dir.join(format!("{name}.json")), template.to_string()).expect("write");
    }
}

impl TestEnv {
    /// Runs `args` with the environment that reaches `emu`'s partner account (no stored login).
    pub fn run_partner(&self, emu: &Emulator, args: &[&str]) -> Run {
        let vars = emu.partner_env();
        let envs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.run(args, &envs)
    }

    /// `partner adopt --all --prefix shop- --json` (must exit 0): the adopted profiles' names.
    pub fn adopt_all(&self, emu: &Emulator) -> Vec<String> {
        let adopted = self.run_partner(emu, &["partner", "adopt", "--all", "--prefix", "shop-", "--json"]);
        adopted
            .expect_code(0)
            .json()
            .as_array()
            .expect("array")
            .iter()
            .map(|r| r["profile"].as_str().expect("profile").to_owned())
            .collect()
    }
}
