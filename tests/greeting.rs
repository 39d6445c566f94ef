//! `webhook listen --greeting TEXT` end to end: the real binary listening on loopback as the
//! emulator's registered webhook, fed through `emulator inbound`. Each new contact gets the
//! greeting once, also across restarts and after a SIGKILL (the greeted contacts live in
//! `greeted.toml`); a contact already in that file is not greeted; a greeting that certainly
//! failed is retried on the contact's next message, one that may have gone out never is; a
//! greeting that a (loopback, hostile) API holds up blocks neither the 200 answer nor the next
//! events; and a bad greeting text or a corrupt state file exits before anything listens.
//!
//! Listen answers each webhook with 200 before greeting, so the tests wait for what listen
//! prints (a greeting line, or a message line followed by Ctrl-C, which drains the queue)
//! before reading the emulator's message store.

mod common;
mod hostile;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::listener::Listener;
use common::{EMULATOR_KEY, Emulator, TestEnv, dead_port, http, mode};
use hostile::{Hostile, Reply};
use serde_json::{Value, json};

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);
const ADA: &str = "4915112345678";
const BOB: &str = "4915187654321";
const CARL: &str = "4915100000003";

/// `webhook listen --greeting "Welcome!"` against `emu` on `port`, plus `extra`.
fn listen(env: &TestEnv, emu: &Emulator, port: u16, extra: &[&str]) -> Listener {
    let port = port.to_string();
    let mut args = vec![
        "--base-url",
        emu.base_url.as_str(),
        "webhook",
        "listen",
        "--port",
        &port,
        "--greeting",
        "Welcome!",
    ];
    args.extend_from_slice(extra);
    let mut cmd = env.cmd(&args);
    cmd.env(TOKEN.0, TOKEN.1);
    Listener::spawn(cmd)
}

/// Registers `url` as the channel's webhook.
fn activate(env: &TestEnv, emu: &Emulator, url: &str) {
    let run = env.run(&["--base-url", &emu.base_url, "channel", "activate", "--webhook-url", url], &[TOKEN]);
    let run = run.expect_code(0);
    assert!(run.stdout.contains("PASS  webhook-reachable"), "{}", run.stdout);
}

/// A customer writes; the emulator delivers it to the webhook (answered 200).
fn inbound(env: &TestEnv, from: &str, text: &str) {
    let run = env.run(&["emulator", "inbound", "--from", from, "--text", text], &[]).expect_code(0);
    assert!(run.stdout.contains("(HTTP 200)"), "{}", run.stdout);
}

/// The greetings in the emulator's message store: (recipient, text body), in order.
fn greetings(emu: &Emulator) -> Vec<(String, String)> {
    let (status, body) = http("GET", &format!("{}/_emulator/messages", emu.base_url), None);
    assert_eq!(status, 200, "{body}");
    let stored: Value = serde_json::from_str(&body).expect("messages JSON");
    stored
        .as_array()
        .expect("message list")
        .iter()
        .map(|m| {
            assert_eq!(m["type"], "text", "only greetings are sent here: {m}");
            assert_eq!(m["body"]["messaging_product"], "whatsapp", "{m}");
            assert_eq!(m["body"]["to"], m["to"], "{m}");
            (
                m["to"].as_str().expect("to").to_owned(),
                m["body"]["text"]["body"].as_str().expect("body").to_owned(),
            )
        })
        .collect()
}

fn welcome(to: &str) -> (String, String) {
    (to.to_owned(), "Welcome!".to_owned())
}

fn is_greeting_of(line: &str, to: &str) -> bool {
    line.contains(&format!("  {to}  -  greeting  sent (wamid."))
}

/// The state file, in the data folder of the test's HOME (XDG_DATA_HOME).
fn greeted_path(env: &TestEnv) -> std::path::PathBuf {
    env.root.join("home/.local/share/whatsapp-ctl/greeted.toml")
}

/// Writes the state file as a user (or an earlier run) left it.
fn write_greeted(env: &TestEnv, text: &str) {
    let path = greeted_path(env);
    std::fs::create_dir_all(path.parent().expect("data dir")).expect("data dir");
    std::fs::write(&path, text).expect("write greeted.toml");
}

/// The greeted contacts of profile `default` in the state file, parsed as TOML.
fn greeted_file(env: &TestEnv) -> toml::Table {
    let path = greeted_path(env);
    assert_eq!(mode(&path), 0o600, "{}", path.display());
    let text = std::fs::read_to_string(&path).expect("greeted.toml");
    let parsed: toml::Table =
        toml::from_str(&text).unwrap_or_else(|e| panic!("greeted.toml is not valid ({e}): {text}"));
    parsed["profiles"]["default"].as_table().expect("profile default").clone()
}

fn assert_quiet_about_the_key(texts: &[&str]) {
    for text in texts {
        assert!(!text.contains(EMULATOR_KEY), "the key leaked: {text}");
    }
}

#[test]
fn two_new_contacts_get_exactly_two_greetings_also_after_a_restart() {
    let env = TestEnv::new("greet");
    let emu = env.emulator(&[]);
    let port = dead_port();
    let first = listen(&env, &emu, port, &[]);
    activate(&env, &emu, &first.url);

    inbound(&env, ADA, "Hi, is anyone there?");
    inbound(&env, ADA, "Hello?");
    inbound(&env, BOB, "Good morning");
    // Greetings go in arrival order: Bob's comes after Ada's second message was looked at.
    let lines = first.lines_until(|line| is_greeting_of(line, BOB));
    let greeted: Vec<&String> = lines.iter().filter(|l| l.contains("  greeting  ")).collect();
    assert_eq!(greeted.len(), 2, "{lines:#?}");
    assert!(is_greeting_of(greeted[0], ADA), "{lines:#?}");
    let (code, rest, stderr) = first.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert!(!rest.iter().any(|l| l.contains("greeting")), "{rest:?}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert_quiet_about_the_key(&[&lines.join("\n"), &stderr]);
    assert_eq!(greetings(&emu), [welcome(ADA), welcome(BOB)]);
    let file = greeted_file(&env);
    assert_eq!(file.len(), 2, "{file:?}");
    assert_eq!(file[ADA]["status"].as_str(), Some("sent"), "{file:?}");
    assert!(file[BOB]["message_id"].as_str().is_some_and(|id| id.starts_with("wamid.")), "{file:?}");

    // Restarted on the same port (still the registered webhook): both are remembered.
    let second = listen(&env, &emu, port, &[]);
    inbound(&env, ADA, "Back again");
    inbound(&env, BOB, "Me too");
    second.lines_until(|line| line.contains(&format!("  {BOB}  ")) && line.ends_with("  text  Me too"));
    let (code, rest, stderr) = second.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert!(!rest.iter().any(|l| l.contains("greeting")), "{rest:?}");
    assert_eq!(greetings(&emu), [welcome(ADA), welcome(BOB)], "nobody is greeted twice");
}

#[test]
fn a_contact_already_in_the_state_file_is_not_greeted_and_json_has_a_greeting_event() {
    let env = TestEnv::new("greetknown");
    let emu = env.emulator(&[]);
    write_greeted(&env, &format!("[profiles.default.\"{ADA}\"]\nstatus = \"sent\"\nat = 1\n"));
    let listener = listen(&env, &emu, 0, &["--json"]);
    activate(&env, &emu, &listener.url);
    inbound(&env, ADA, "Hi, I wrote before");
    inbound(&env, CARL, "First time here");
    let lines = listener.lines_until(|line| line.contains("\"event\":\"greeting\""));
    let (code, rest, stderr) = listener.interrupt();
    assert_eq!(code, 0, "{stderr}");
    let events: Vec<Value> =
        lines.iter().chain(&rest).map(|l| serde_json::from_str(l).expect("NDJSON line")).collect();
    let greeting: Vec<&Value> = events.iter().filter(|e| e["event"] == "greeting").collect();
    assert_eq!(greeting.len(), 1, "{events:#?}");
    assert_eq!(greeting[0]["to"], CARL);
    assert_eq!(greeting[0]["status"], "sent");
    assert_eq!(greeting[0]["error"], Value::Null);
    assert!(greeting[0]["message_id"].as_str().is_some_and(|id| id.starts_with("wamid.")), "{events:#?}");
    assert!(greeting[0]["time"].as_str().is_some_and(|t| t.ends_with('Z')), "{events:#?}");
    assert_eq!(events.iter().filter(|e| e["event"] == "message").count(), 2, "{events:#?}");
    assert_eq!(greetings(&emu), [welcome(CARL)]);
    let file = greeted_file(&env);
    assert_eq!(file[ADA]["at"].as_integer(), Some(1), "the known contact is left as it was: {file:?}");
}

#[test]
fn the_state_file_stays_valid_when_listen_is_killed_and_still_counts() {
    let env = TestEnv::new("greetkill");
    let emu = env.emulator(&[]);
    let port = dead_port();
    let first = listen(&env, &emu, port, &[]);
    activate(&env, &emu, &first.url);
    inbound(&env, ADA, "Hello");
    first.lines_until(|line| is_greeting_of(line, ADA));
    first.kill();
    let file = greeted_file(&env);
    assert_eq!(file[ADA]["status"].as_str(), Some("sent"), "{file:?}");
    let leftovers: Vec<String> = std::fs::read_dir(greeted_path(&env).parent().expect("data dir"))
        .expect("data dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let second = listen(&env, &emu, port, &[]);
    inbound(&env, ADA, "Still there?");
    second.lines_until(|line| line.ends_with("  text  Still there?"));
    let (code, _, stderr) = second.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(greetings(&emu), [welcome(ADA)]);
}

#[test]
fn a_certain_failure_is_retried_on_the_next_message_and_an_uncertain_one_never() {
    let env = TestEnv::new("greetfail");
    let emu = env.emulator(&[]);
    let listener = listen(&env, &emu, 0, &[]);
    activate(&env, &emu, &listener.url);

    // Refused with a 400: certainly not sent, so Ada's next message greets her.
    emu.fail_next(json!([{"status": 400}]));
    inbound(&env, ADA, "Hello");
    listener.lines_until(|line| line.ends_with("  text  Hello"));
    inbound(&env, ADA, "Hello again");
    listener.lines_until(|line| is_greeting_of(line, ADA));

    // A 500 after the emulator stored it: it may have gone out, so Bob is never greeted again.
    emu.fail_next(json!([{"status": 500, "after_effect": true}]));
    inbound(&env, BOB, "Hi");
    inbound(&env, BOB, "Hi?");
    inbound(&env, CARL, "Hey");
    let lines = listener.lines_until(|line| is_greeting_of(line, CARL));
    assert!(!lines.iter().any(|l| is_greeting_of(l, BOB)), "{lines:#?}");
    let (code, rest, stderr) = listener.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert!(!rest.iter().any(|l| l.contains("greeting")), "{rest:?}");
    assert!(
        stderr.contains(&format!("warning: greeting {ADA}: "))
            && stderr.contains("their next message tries again"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("warning: greeting {BOB}: "))
            && stderr.contains("it may have been sent, so it counts as sent and is not sent again"),
        "{stderr}"
    );
    assert_quiet_about_the_key(&[&stderr]);
    assert_eq!(greetings(&emu), [welcome(ADA), welcome(BOB), welcome(CARL)], "one each");
    let file = greeted_file(&env);
    assert_eq!(file[BOB]["status"].as_str(), Some("uncertain"), "{file:?}");
}

#[test]
fn an_empty_or_too_long_greeting_exits_3_before_listening() {
    let env = TestEnv::new("greetbad");
    let long = "a".repeat(4097);
    for (text, says) in
        [("", "--greeting is empty"), ("  ", "--greeting is empty"), (long.as_str(), "4097 characters")]
    {
        let run = env.run(&["webhook", "listen", "--port", "0", "--greeting", text], &[TOKEN]).expect_code(3);
        assert!(run.stderr.contains(says), "{}", run.stderr);
        assert!(run.stderr.contains("hint:"), "{}", run.stderr);
        assert!(!run.stderr.contains("listening on"), "{}", run.stderr);
    }
    let json =
        env.run(&["--json", "webhook", "listen", "--port", "0", "--greeting", ""], &[TOKEN]).expect_code(3);
    let error: Value = serde_json::from_str(json.stderr.trim()).expect("JSON error");
    assert_eq!(error["error"]["kind"], "invalid");
}

#[test]
fn a_corrupt_state_file_exits_1_naming_it_before_listening_and_is_left_untouched() {
    let env = TestEnv::new("greetcorrupt");
    let emu = env.emulator(&[]);
    write_greeted(&env, "[profiles.default]\n\"4915112345678\" = = 1\n");
    let run = env.run(
        &["--base-url", &emu.base_url, "webhook", "listen", "--port", "0", "--greeting", "Welcome!"],
        &[TOKEN],
    );
    let run = run.expect_code(1);
    assert!(run.stderr.contains("greeted.toml is not valid TOML at line 2"), "{}", run.stderr);
    assert!(run.stderr.contains("hint: fix the file by hand or move it away"), "{}", run.stderr);
    assert!(!run.stderr.contains("listening on"), "{}", run.stderr);
    let text = std::fs::read_to_string(greeted_path(&env)).expect("still there");
    assert_eq!(text, "[profiles.default]\n\"4915112345678\" = = 1\n");
}

#[test]
fn a_greeting_held_up_by_the_api_holds_back_neither_the_answer_nor_the_next_events() {
    let env = TestEnv::new("greetslow");
    // An API that keeps each send waiting until the test lets one answer go.
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let gate = Mutex::new(gate);
    let api = Hostile::start(move |request| {
        if request.path() != "/messages" {
            return Reply::json(404, r#"{"error":"not here"}"#);
        }
        let _ = gate.lock().expect("gate").recv_timeout(Duration::from_secs(30));
        let n = request.body.len();
        Reply::json(
            200,
            &format!(r#"{{"messaging_product":"whatsapp","messages":[{{"id":"wamid.held{n}"}}]}}"#),
        )
    });
    let mut cmd =
        env.cmd(&["--base-url", &api.base_url, "webhook", "listen", "--port", "0", "--greeting", "Welcome!"]);
    cmd.env(TOKEN.0, TOKEN.1);
    let listener = Listener::spawn(cmd);

    let (status, _) = http("POST", &listener.url, Some(&payload(ADA, "First")));
    assert_eq!(status, 200);
    // Ada's greeting is now held by the API ...
    let deadline = Instant::now() + Duration::from_secs(20);
    while api.received().iter().all(|r| r.path() != "/messages") {
        assert!(Instant::now() < deadline, "no greeting was sent");
        std::thread::sleep(Duration::from_millis(20));
    }
    // ... and Bob's message is still answered and printed.
    let (status, _) = http("POST", &listener.url, Some(&payload(BOB, "Second")));
    assert_eq!(status, 200);
    let lines = listener.lines_until(|line| line.ends_with("  text  Second"));
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines[0].ends_with("  text  First"), "{lines:#?}");
    release.send(()).expect("release Ada's");
    release.send(()).expect("release Bob's");
    let greeted = [listener.next_line(), listener.next_line()];
    assert!(is_greeting_of(&greeted[0], ADA) && is_greeting_of(&greeted[1], BOB), "{greeted:#?}");
    let (code, _, stderr) = listener.interrupt();
    assert_eq!(code, 0, "{stderr}");
    let sends: Vec<Value> = api
        .received()
        .iter()
        .filter(|r| r.path() == "/messages")
        .map(|r| serde_json::from_slice(&r.body).expect("JSON body"))
        .collect();
    let to: Vec<&str> = sends.iter().map(|b| b["to"].as_str().expect("to")).collect();
    assert_eq!(to, [ADA, BOB]);
    assert!(sends.iter().all(|b| b["type"] == "text" && b["text"]["body"] == "Welcome!"), "{sends:#?}");
}

/// A Cloud API webhook payload of one text from `from`.
fn payload(from: &str, text: &str) -> String {
    json!({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550001234", "phone_number_id": "2"},
        "contacts": [{"profile": {"name": "Someone"}, "wa_id": from}],
        "messages": [{"from": from, "id": format!("wamid.{from}"), "timestamp": "1718030400", "type": "text",
                      "text": {"body": text}}]
    }}]}]})
    .to_string()
}
