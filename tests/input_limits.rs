//! Local input end to end: every reader of files and standard input stops at its limit with an
//! error naming the limit and the input (`/dev/zero` never ends), Ctrl-C ends a command waiting
//! on standard input at once (exit 130) in a real terminal, and a text of many messages is sent
//! only when confirmed. Each case asserts what the emulator received: nothing, unless confirmed.

mod common;

use std::fs::File;
use std::process::Stdio;

use common::pty::{CTRL_C, ESCAPE, answer, finish};
use common::{EMULATOR_KEY, Emulator, Run, TestEnv};
use rexpect::process::WaitStatus;
use rexpect::session::PtySession;

const PHONE: &str = "4915123456789";
const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

/// `whatsapp-ctl ARGS` with `/dev/zero` (endless NUL bytes) on standard input.
fn run_on_dev_zero(env: &TestEnv, args: &[&str]) -> Run {
    let mut cmd = env.cmd(args);
    cmd.env(TOKEN.0, TOKEN.1).stdin(File::open("/dev/zero").expect("/dev/zero"));
    Run::from(cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).output().expect("run whatsapp-ctl"))
}

fn assert_nothing_received(emu: &Emulator, what: &str) {
    let requests = emu.requests();
    assert!(requests.is_empty(), "{what}: the emulator received {requests:#?}");
}

#[test]
fn send_text_from_an_endless_stdin_stops_at_2_mib_and_sends_nothing() {
    let env = TestEnv::new("limit-send");
    let emu = env.emulator(&[]);
    let run = run_on_dev_zero(&env, &["--base-url", &emu.base_url, "send", "text", "--to", PHONE, "-"])
        .expect_code(3);
    assert!(
        run.stderr.contains(
            "standard input is larger than 2 MiB, the most read for a message text; nothing was sent"
        ),
        "{run:#?}"
    );
    assert!(run.stderr.contains("hint: send a long text as a document"), "{run:#?}");
    assert_nothing_received(&emu, "send text - </dev/zero");
}

#[test]
fn token_stdin_from_an_endless_stdin_stops_at_64_kib_and_stores_nothing() {
    let env = TestEnv::new("limit-token");
    let emu = env.emulator(&[]);
    for command in [&["auth", "login"][..], &["setup", "--yes"][..]] {
        let args = [&["--base-url", emu.base_url.as_str()], command, &["--token-stdin"]].concat();
        let run = run_on_dev_zero(&env, &args).expect_code(3);
        assert!(
            run.stderr.contains("standard input is larger than 64 KiB, the most read for an API key"),
            "{command:?}: {run:#?}"
        );
        assert!(run.stderr.contains("hint: pipe in only the key"), "{run:#?}");
        assert_nothing_received(&emu, &format!("{command:?} --token-stdin </dev/zero"));
    }
    assert!(env.read_config("credentials.toml").is_none(), "a key was stored");
}

#[test]
fn template_files_and_stdin_stop_at_8_mib_naming_the_file() {
    let env = TestEnv::new("limit-templates");
    let emu = env.emulator(&[]);
    let base = ["--base-url", emu.base_url.as_str()];
    for (args, name) in [
        (&["templates", "validate", "/dev/zero"][..], "/dev/zero"),
        (&["templates", "validate", "-"][..], "standard input"),
        (&["templates", "submit", "/dev/zero"][..], "/dev/zero"),
    ] {
        let run = run_on_dev_zero(&env, &[&base[..], args].concat()).expect_code(3);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(
            all.contains(&format!("{name}: is larger than 8 MiB, the most read for a template file")),
            "{args:?}: {run:#?}"
        );
        assert!(all.contains("split the templates over several files"), "{args:?}: {run:#?}");
    }
    let json = run_on_dev_zero(&env, &["--json", "templates", "validate", "/dev/zero"]).expect_code(3).json();
    assert_eq!(json[0]["file"], "/dev/zero", "{json}");
    assert_eq!(json[0]["ok"], false, "{json}");
    let missing = env.run(&["templates", "validate", "/nonexistent/t.json"], &[]).expect_code(3);
    assert!(
        missing.stdout.contains("/nonexistent/t.json: cannot read the file: No such file or directory"),
        "{missing:#?}"
    );
    assert_nothing_received(&emu, "templates validate|submit /dev/zero");
}

#[test]
fn templates_validate_reads_standard_input_for_dash() {
    let env = TestEnv::new("validate-stdin");
    let file = format!("{}/examples/templates/order_update.json", env!("CARGO_MANIFEST_DIR"));
    let template = std::fs::read_to_string(&file).expect("example template");
    let run = env.run_with_stdin(&["--json", "templates", "validate", "-"], &template, &[]).expect_code(0);
    let json = run.json();
    assert_eq!(json[0]["file"], "standard input", "{json}");
    assert_eq!(json[0]["ok"], true, "{json}");
}

#[test]
fn webhook_parse_of_an_endless_file_or_stdin_stops_at_32_mib() {
    let env = TestEnv::new("limit-webhook");
    for (args, name) in [
        (&["webhook", "parse", "/dev/zero"][..], "/dev/zero"),
        (&["webhook", "parse"][..], "standard input"),
        (&["webhook", "parse", "-"][..], "standard input"),
    ] {
        let run = run_on_dev_zero(&env, args).expect_code(3);
        assert!(
            run.stderr
                .contains(&format!("{name} is larger than 32 MiB, the most read for a webhook payload")),
            "{args:?}: {run:#?}"
        );
        assert!(run.stdout.is_empty(), "{run:#?}");
    }
}

/// `whatsapp-ctl ARGS` in a pseudo-terminal, the key in the environment.
fn spawn_in_terminal(env: &TestEnv, args: &[&str]) -> PtySession {
    let mut cmd = env.cmd(args);
    cmd.env(TOKEN.0, TOKEN.1).stdin(Stdio::inherit());
    rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty")
}

#[test]
fn ctrl_c_while_a_command_waits_on_a_terminal_stdin_exits_130_at_once() {
    let env = TestEnv::new("stdin-ctrl-c");
    let emu = env.emulator(&[]);
    let base = ["--base-url", emu.base_url.as_str()];
    let commands: [(&[&str], &str); 4] = [
        (&["send", "text", "--to", PHONE, "-"], "a message text"),
        (&["webhook", "parse"], "a webhook payload"),
        (&["templates", "validate", "-"], "a template file"),
        (&["auth", "login", "--token-stdin"], "an API key"),
    ];
    for (command, what) in commands {
        let mut session = spawn_in_terminal(&env, &[&base[..], command].concat());
        let waiting = format!("waiting for {what} on standard input");
        session.exp_string(&waiting).unwrap_or_else(|e| panic!("{command:?}: waiting for {waiting:?}: {e}"));
        // A whole line reaches the reader, no end of input (Ctrl-D) ever does: the read is
        // still waiting when Ctrl-C arrives, and only the signal can end the process.
        session.send_line("{\"half\": ").expect("type a line");
        session.send(CTRL_C).expect("type Ctrl-C");
        session.flush().expect("flush");
        let screen = session.exp_eof().unwrap_or_else(|e| panic!("{command:?} ignored Ctrl-C: {e}"));
        let status = session.process().wait().expect("wait");
        // Exited, not killed by the signal: the interruption went through the error path.
        assert!(matches!(status, WaitStatus::Exited(_, 130)), "{command:?}: {status:?}\n{screen}");
        assert!(screen.contains("error: interrupted"), "{command:?}: {screen}");
    }
    assert_nothing_received(&emu, "Ctrl-C while reading standard input");
    assert!(env.read_config("credentials.toml").is_none(), "a key was stored");
}

/// A text that splits into exactly `parts` messages: half a message more than `parts - 1` full
/// ones, in words of 8 letters (a split at a word loses at most 9 characters per message).
fn text_of(parts: usize) -> String {
    "abcdefgh ".repeat(((parts - 1) * 4096 + 2048) / 9)
}

fn sends(emu: &Emulator) -> usize {
    emu.requests().iter().filter(|r| r["method"] == "POST" && r["path"] == "/messages").count()
}

#[test]
fn a_text_of_more_than_5_messages_needs_yes_without_a_terminal() {
    let env = TestEnv::new("long-text");
    let emu = env.emulator(&[]);
    env.run(&["emulator", "inbound", "--from", PHONE, "--text", "hi"], &[]).expect_code(0);
    emu.clear_requests();
    let send = ["--base-url", emu.base_url.as_str(), "--json", "send", "text", "--to", PHONE, "-"];
    let five = env.run_with_stdin(&send, &text_of(5), &[TOKEN]).expect_code(0);
    assert_eq!(five.json()["parts"].as_array().map(Vec::len), Some(5), "{five:#?}");
    emu.clear_requests();
    let six = text_of(6);
    let refused = env.run_with_stdin(&[&send[..2], &send[3..]].concat(), &six, &[TOKEN]).expect_code(2);
    assert!(
        refused
            .stderr
            .contains(&format!("Send 6 messages to {PHONE}? needs confirmation, and there is no terminal")),
        "{refused:#?}"
    );
    assert!(refused.stderr.contains("hint: add --yes"), "{refused:#?}");
    assert!(refused.stdout.is_empty(), "{refused:#?}");
    assert_eq!(sends(&emu), 0, "nothing is sent unconfirmed");
    let confirmed = env.run_with_stdin(&[&send[..], &["--yes"]].concat(), &six, &[TOKEN]).expect_code(0);
    assert_eq!(confirmed.json()["parts"].as_array().map(Vec::len), Some(6), "{confirmed:#?}");
    assert_eq!(sends(&emu), 6);
}

#[test]
fn a_text_of_more_than_100_messages_is_refused_even_with_yes() {
    let env = TestEnv::new("huge-text");
    let emu = env.emulator(&[]);
    let send = ["--base-url", emu.base_url.as_str(), "send", "text", "--to", PHONE, "--yes", "-"];
    let run = env.run_with_stdin(&send, &text_of(101), &[TOKEN]).expect_code(3);
    assert!(
        run.stderr.contains("would go as 101 messages, more than the 100 one text may become"),
        "{run:#?}"
    );
    assert!(run.stderr.contains("nothing was sent"), "{run:#?}");
    assert_nothing_received(&emu, "a 101-message text");
}

#[test]
fn a_text_of_more_than_5_messages_asks_first_on_a_terminal() {
    let env = TestEnv::new("long-text-pty");
    let emu = env.emulator(&[]);
    env.run(&["emulator", "inbound", "--from", PHONE, "--text", "hi"], &[]).expect_code(0);
    emu.clear_requests();
    let text = text_of(6);
    let args = ["--base-url", emu.base_url.as_str(), "send", "text", "--to", PHONE, text.trim_end()];
    let mut session = spawn_in_terminal(&env, &args);
    answer(&mut session, &format!("Send 6 messages to {PHONE}?"), "n");
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("nothing was sent"), "{screen}");
    assert_eq!(sends(&emu), 0, "declined: nothing sent");
    let mut session = spawn_in_terminal(&env, &args);
    answer(&mut session, &format!("Send 6 messages to {PHONE}?"), ESCAPE);
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 130, "{screen}");
    assert!(screen.contains("nothing was sent"), "{screen}");
    assert_eq!(sends(&emu), 0, "aborted: nothing sent");
    let mut session = spawn_in_terminal(&env, &args);
    answer(&mut session, &format!("Send 6 messages to {PHONE}?"), "y");
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 0, "{screen}");
    assert_eq!(sends(&emu), 6, "confirmed: all six sent");
}
