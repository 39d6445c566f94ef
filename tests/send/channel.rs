//! The test harness of `tests/send.rs`: a channel of one API flavour on its own emulator, the
//! bodies it received, and the Meta schema check every Cloud body passes when the channel is
//! dropped.

use serde_json::{Value, json};

use super::common::{self, EMULATOR_KEY, Emulator, Run, TestEnv};
use super::schema;

pub const PHONE: &str = "4915123456789";
pub const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

/// A channel of one flavour on its own emulator: Cloud through `--base-url` and the key in the
/// environment, on-premise through a profile with `api = "onpremise"` in config.toml.
pub struct Channel {
    pub env: TestEnv,
    pub emu: Emulator,
    pub cloud: bool,
}

impl Channel {
    pub fn cloud(name: &str) -> Self {
        let env = TestEnv::new(name);
        let emu = env.emulator(&[]);
        Channel { env, emu, cloud: true }
    }

    pub fn onpremise(name: &str) -> Self {
        let env = TestEnv::new(name);
        let emu = env.emulator(&[]);
        let config = format!("[profiles.default]\napi = \"onpremise\"\nbase_url = \"{}\"\n", emu.base_url);
        env.write_config("config.toml", &config);
        Channel { env, emu, cloud: false }
    }

    fn args<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        let mut full = Vec::new();
        if self.cloud {
            full.extend(["--base-url", self.emu.base_url.as_str()]);
        }
        full.extend_from_slice(args);
        full
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.env.run(&self.args(args), &[TOKEN])
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        self.env.run_with_stdin(&self.args(args), stdin, &[TOKEN])
    }

    /// The customer writes first: opens the 24-hour window for `phone`.
    pub fn open_window(&self, phone: &str) {
        self.env.run(&["emulator", "inbound", "--from", phone, "--text", "hi"], &[]).expect_code(0);
    }

    pub fn messages_path(&self) -> &'static str {
        if self.cloud { "/messages" } else { "/v1/messages" }
    }

    /// The bodies of every send the emulator received, in order (refused ones too).
    pub fn sent(&self) -> Vec<Value> {
        let requests = self.emu.requests();
        let other = if self.cloud { "/v1/messages" } else { "/messages" };
        assert!(!requests.iter().any(|r| r["path"] == other), "a send went to {other}: {requests:?}");
        requests
            .into_iter()
            .filter(|r| r["method"] == "POST" && r["path"] == self.messages_path())
            .map(|r| r["body"].clone())
            .collect()
    }

    /// Submits `examples/templates/NAME.json`; the emulator (review delay 0) approves it.
    pub fn approved_template(&self, name: &str) -> Value {
        let file = format!("{}/examples/templates/{name}.json", env!("CARGO_MANIFEST_DIR"));
        self.run(&["templates", "submit", &file]).expect_code(0);
        let shown = self.run(&["--json", "templates", "show", name]).expect_code(0).json();
        assert_eq!(shown["status"], "approved", "{shown}");
        self.emu.clear_requests();
        shown
    }
}

impl Drop for Channel {
    /// Every Cloud body the emulator received must be a valid `Message` of Meta's schema.
    fn drop(&mut self) {
        if self.cloud && !std::thread::panicking() {
            for body in self.sent() {
                schema::meta().assert_message(&body);
            }
        }
    }
}

pub fn flavours(name: &str) -> [Channel; 2] {
    [Channel::cloud(name), Channel::onpremise(name)]
}

/// The body a flavour sends: Cloud adds `messaging_product`.
pub fn expected(channel: &Channel, rest: Value) -> Value {
    let mut body = json!({});
    if channel.cloud {
        body["messaging_product"] = json!("whatsapp");
    }
    for (key, value) in rest.as_object().expect("object") {
        body[key] = value.clone();
    }
    body
}

/// `send media --to PHONE --kind KIND --link LINK`, then `more` (its other flags; global ones
/// such as `--json` may stand there too).
pub fn send_media<'a>(kind: &'a str, link: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["send", "media", "--to", PHONE, "--kind", kind, "--link", link];
    args.extend_from_slice(more);
    args
}

/// `send template --to PHONE --name NAME --language LANGUAGE`, then `more`.
pub fn send_template<'a>(name: &'a str, language: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["send", "template", "--to", PHONE, "--name", name, "--language", language];
    args.extend_from_slice(more);
    args
}

pub fn stored_ids(channel: &Channel) -> Vec<Value> {
    let (_, body) = common::http("GET", &format!("{}/_emulator/messages", channel.emu.base_url), None);
    let stored: Value = serde_json::from_str(&body).expect("messages JSON");
    let list =
        stored.as_array().cloned().or_else(|| stored["messages"].as_array().cloned()).expect("message list");
    list.iter().map(|m| m["id"].clone()).collect()
}
