//! What others write never drives the terminal: escapes, bells, bidi overrides and line separators
//! in text from the API (template bodies, rejected reasons, error messages), from webhooks (a
//! customer's message) and from files (template names, file names) reach stdout and stderr only
//! visibly escaped, while `--json` keeps the data exactly as sent.

mod common;
mod hostile;

use std::time::Duration;

use common::pty::{self, ESCAPE, answer, finish};
use common::{EMULATOR_KEY, TestEnv, http_with_headers, listen};
use hostile::{Hostile, Reply};
use serde_json::{Value, json};

/// A hostile text: retitles the window and rings (OSC ... BEL), clears the screen (CSI), reverses
/// what follows (RLO), breaks the line unseen (LS), and sends a C1 CSI.
const HOSTILE: &str = "A\u{1b}]0;pwned\u{7}B\u{1b}[2JC\u{202e}D\u{2028}E\u{9b}31mF";
/// How [`HOSTILE`] must be shown to people.
const SHOWN: &str = "A\\u{1b}]0;pwned\\u{7}B\\u{1b}[2JC\\u{202e}D\\u{2028}E\\u{9b}31mF";

/// Fails when any character that drives a terminal reached `stream` raw.
fn assert_no_raw_controls(stream: &str, what: &str) {
    let raw: Vec<char> = stream
        .chars()
        .filter(|c| {
            matches!(c, '\u{1b}' | '\u{7}' | '\u{9b}' | '\u{202e}' | '\u{2028}' | '\u{0}'..='\u{8}' | '\r')
        })
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in {stream:?}");
}

/// Seeds the emulator's state with one rejected template full of hostile text.
fn seed_hostile_template(env: &TestEnv) {
    let state = json!({
        "version": 1,
        "templates": [{
            "id": "tpl-hostile",
            "name": "order_update",
            "language": "en",
            "status": "rejected",
            "rejected_reason": format!("INVALID_FORMAT {HOSTILE}"),
            "body": {
                "name": "order_update",
                "language": "en",
                "category": "UTILITY",
                "components": [{"type": "BODY", "text": format!("Your order {HOSTILE}")}]
            },
            "created_at": 1_718_030_400_000_u64,
            "modified_at": 1_718_030_400_000_u64,
            "review_at": 1_718_030_400_000_u64
        }]
    });
    std::fs::write(env.state_path(), state.to_string()).expect("seed emulator state");
}

#[test]
fn template_bodies_and_rejected_reasons_from_the_api_are_escaped_and_kept_in_json() {
    let env = TestEnv::new("safetpl");
    seed_hostile_template(&env);

    let list = env.run(&["--emulator", "templates", "list"], &[]).expect_code(0);
    assert_no_raw_controls(&list.stdout, "templates list stdout");
    assert_no_raw_controls(&list.stderr, "templates list stderr");
    assert!(list.stdout.contains(&format!("INVALID_FORMAT {SHOWN}")), "{}", list.stdout);

    let show = env.run(&["--emulator", "templates", "show", "order_update"], &[]).expect_code(0);
    assert_no_raw_controls(&show.stdout, "templates show stdout");
    assert!(show.stdout.contains(&format!("Your order {SHOWN}")), "{}", show.stdout);
    assert!(show.stdout.contains(SHOWN), "{}", show.stdout);

    let json =
        env.run(&["--emulator", "templates", "show", "order_update", "--json"], &[]).expect_code(0).json();
    assert_eq!(json["components"][0]["text"], format!("Your order {HOSTILE}"));
    assert_eq!(json["rejected_reason"], format!("INVALID_FORMAT {HOSTILE}"));
    let listed = env.run(&["--emulator", "templates", "list", "--json"], &[]).expect_code(0).json();
    assert_eq!(listed[0]["components"][0]["text"], format!("Your order {HOSTILE}"));
}

#[test]
fn api_error_messages_are_escaped_on_stderr_and_kept_in_the_json_error() {
    let body = json!({"error": {"message": HOSTILE, "type": "OAuthException", "code": 100}}).to_string();
    let server = Hostile::start(move |_| Reply::json(400, &body));
    let env = TestEnv::new("safeerr");
    let envs = [
        ("WHATSAPP_CTL_BASE_URL", server.base_url.as_str()),
        ("WHATSAPP_CTL_TOKEN", "hostile_key_0123456789"),
    ];

    let run = env.run(&["templates", "list"], &envs);
    assert_ne!(run.code, 0, "{run:?}");
    assert_no_raw_controls(&run.stderr, "error on stderr");
    assert_no_raw_controls(&run.stdout, "stdout");
    assert!(run.stderr.contains(SHOWN), "{}", run.stderr);
    assert!(run.stderr.contains("error:"), "{}", run.stderr);
    assert!(!server.received().is_empty(), "the CLI asked the server");

    let run = env.run(&["templates", "list", "--json"], &envs);
    let error: Value = serde_json::from_str(run.stderr.trim()).expect("one JSON error object");
    let message = error["error"]["message"].as_str().expect("message");
    assert!(message.contains(HOSTILE), "{message:?}");
}

/// A Cloud API payload with one text message from a customer.
fn hostile_payload(text: &str) -> String {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "49 30 901820", "phone_number_id": "106540352242922"},
            "contacts": [{"profile": {"name": format!("Kerry {HOSTILE}")}, "wa_id": "4915112345678"}],
            "messages": [{
                "from": "4915112345678",
                "id": "wamid.hostile",
                "timestamp": "1718030400",
                "type": "text",
                "text": {"body": text}
            }]
        }}]}]
    })
    .to_string()
}

#[test]
fn a_customers_message_in_webhook_parse_is_escaped_and_kept_in_json() {
    let env = TestEnv::new("safeparse");
    let file = env.root.join("payload.json");
    std::fs::write(&file, hostile_payload(&format!("Hello {HOSTILE}"))).expect("payload");
    let file = file.to_str().expect("utf-8 path");

    let run = env.run(&["webhook", "parse", file], &[]).expect_code(0);
    assert_no_raw_controls(&run.stdout, "webhook parse stdout");
    assert_no_raw_controls(&run.stderr, "webhook parse stderr");
    assert!(run.stdout.contains(&format!("Hello {SHOWN}")), "{}", run.stdout);
    // The sender's name is shown on one line (its U+2028 became a space), escaped all the same.
    assert!(run.stdout.contains("Kerry A\\u{1b}]0;pwned\\u{7}B\\u{1b}[2JC\\u{202e}D"), "{}", run.stdout);

    let events = env.run(&["webhook", "parse", "--json", file], &[]).expect_code(0).json();
    assert!(holds_string(&events, &format!("Hello {HOSTILE}")), "the text is kept as sent: {events}");
    let last_name = events[0]["channel_visitor_lastname"].as_str().unwrap_or_default();
    assert!(last_name.starts_with("A\u{1b}]0;pwned\u{7}B\u{1b}[2J"), "the name keeps its escapes: {events}");
}

/// Whether `value` has a string exactly `text` anywhere inside.
fn holds_string(value: &Value, text: &str) -> bool {
    match value {
        Value::String(s) => s == text,
        Value::Array(items) => items.iter().any(|v| holds_string(v, text)),
        Value::Object(map) => map.values().any(|v| holds_string(v, text)),
        _ => false,
    }
}

#[test]
fn a_customers_message_in_webhook_listen_is_escaped() {
    let env = TestEnv::new("safelisten");
    // Its stderr stays open (held in `_stderr`) while it runs.
    let listen::Started { mut child, url, stderr: _stderr, .. } = listen::start(&env, &[], &[]);
    let lines = listen::lines(child.stdout.take().expect("stdout"));

    let (status, _) = http_with_headers("POST", &url, Some(&hostile_payload(&format!("Hi {HOSTILE}"))), &[]);
    assert_eq!(status, 200);
    let line = lines.recv_timeout(Duration::from_secs(10)).expect("a line from webhook listen");
    let _ = child.kill();
    let _ = child.wait();
    assert_no_raw_controls(&line, "webhook listen line");
    assert!(line.contains(&format!("Hi {SHOWN}")), "{line:?}");
}

#[test]
fn template_names_and_file_names_from_files_are_escaped_and_kept_in_json() {
    let env = TestEnv::new("safefile");
    let file = env.root.join("order\u{1b}[31m\u{202e}.json");
    let template = json!({
        "name": format!("order_update{HOSTILE}"),
        "language": "en",
        "category": "UTILITY",
        "components": [{"type": "BODY", "text": "Your order ships today"}]
    });
    std::fs::write(&file, template.to_string()).expect("template file");
    let file = file.to_str().expect("utf-8 path");

    let run = env.run(&["templates", "validate", file], &[]).expect_code(3);
    assert_no_raw_controls(&run.stdout, "templates validate stdout");
    assert_no_raw_controls(&run.stderr, "templates validate stderr");
    assert!(run.stdout.contains("order\\u{1b}[31m\\u{202e}.json"), "{}", run.stdout);
    assert!(run.stdout.contains("\\u{1b}"), "{}", run.stdout);

    let rows = env.run(&["templates", "validate", "--json", file], &[]).expect_code(3).json();
    assert_eq!(rows[0]["name"], format!("order_update{HOSTILE}"));
    assert_eq!(rows[0]["file"], file);
}

#[test]
fn template_languages_from_the_api_are_escaped_in_the_setup_prompt() {
    let env = TestEnv::new("safeprompt");
    let language = "en\u{202e}\u{1b}[2J\u{7}";
    let state = json!({"version": 1, "templates": [{
        "id": "tpl-prompt", "name": "channel_ready", "language": language, "status": "approved",
        "body": {"name": "channel_ready", "language": language, "category": "UTILITY",
            "components": [{"type": "BODY", "text": "Your channel is ready."}]},
        "created_at": 1_718_030_400_000_u64, "modified_at": 1_718_030_400_000_u64,
        "review_at": 1_718_030_400_000_u64
    }]});
    std::fs::write(env.state_path(), state.to_string()).expect("seed emulator state");
    let emu = env.emulator(&[]);
    let args = ["--profile", "shop", "setup", "--base-url", &emu.base_url, "--api", "cloud", "--no-webhook"];
    let mut session = pty::spawn(&env, &[&args[..], &["--test-recipient", "4915123456789"]].concat());
    answer(&mut session, "API key", &format!("{EMULATOR_KEY}\r"));
    let item = "template channel_ready (en\\u{202e}\\u{1b}[2J\\u{7}, utility)";
    let before = session.exp_string(item).unwrap_or_else(|e| panic!("the escaped item {item:?}: {e}"));
    session.send(ESCAPE).expect("type Escape");
    session.flush().expect("flush");
    let (code, rest) = finish(&mut session);
    assert_eq!(code, 130, "Escape aborts: {rest}");
    for screen in [&before, &rest] {
        assert!(!screen.contains("\u{202e}") && !screen.contains("\u{1b}[2J"), "raw: {screen:?}");
        assert!(!screen.contains('\u{7}'), "raw BEL: {screen:?}");
    }
}
