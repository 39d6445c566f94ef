//! `webhook parse` and `webhook listen` end to end: every fixture of `tests/fixtures/webhooks/`
//! through the real binary, malformed payloads refused with exit 3 and malformed items turned into
//! `invalid` events, a live receiver that gets the emulator's inbound message after `channel
//! activate` registered it, and one that answers 503 when its bounded queue is full.

mod common;
mod hook_server;

use std::io::{BufReader, Read, Write};
use std::process::Child;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use common::{EMULATOR_KEY, Run, TestEnv, http_with_headers, listen, wire};
use hook_server::HookServer;
use serde_json::{Value, json};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/webhooks/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn parse_json(env: &TestEnv, name: &str) -> Value {
    env.run(&["webhook", "parse", "--json", &fixture(name)], &[]).expect_code(0).json()
}

/// The message object of a fixture holding exactly one message event.
fn only_message(env: &TestEnv, name: &str) -> Value {
    let events = parse_json(env, name);
    assert_eq!(events.as_array().map(Vec::len), Some(1), "{name}: {events}");
    assert_eq!(events[0]["event"], "message", "{name}");
    events[0].clone()
}

#[test]
fn every_message_type_parses_with_the_channel_variables() {
    let env = TestEnv::new("parsetypes");
    let cases = [
        ("cloud_text.json", "text"),
        ("onpremise_text.json", "text"),
        ("cloud_image.json", "image"),
        ("onpremise_image.json", "image"),
        ("onpremise_document.json", "document"),
        ("cloud_audio.json", "audio"),
        ("onpremise_voice.json", "voice"),
        ("cloud_video.json", "video"),
        ("cloud_sticker.json", "sticker"),
        ("cloud_location.json", "location"),
        ("cloud_contacts.json", "contacts"),
        ("cloud_interactive_button_reply.json", "interactive"),
        ("cloud_interactive_list_reply.json", "interactive"),
        ("cloud_interactive_nfm_reply.json", "interactive"),
        ("cloud_button.json", "button"),
        ("cloud_reaction.json", "reaction"),
        ("cloud_unsupported.json", "unsupported"),
        ("cloud_system.json", "system"),
        ("cloud_order.json", "order"),
        ("cloud_text_referral.json", "text"),
        ("cloud_text_bom.json", "text"),
        ("onpremise_image_undownloaded.json", "image"),
        ("cloud_interactive_without_body.json", "interactive"),
        ("pywa_audio_voice.json", "audio"),
        ("pywa_sticker_animated.json", "sticker"),
    ];
    for (name, kind) in cases {
        let event = only_message(&env, name);
        assert_eq!(event["message"]["type"], kind, "{name}");
        let from = event["channel_visitor_id"].as_str().expect("from").to_owned();
        for var in ["channel_conversation_id", "channel_visitor_phone", "channel_visitor_account"] {
            assert_eq!(event[var], from.as_str(), "{name} {var}");
        }
        assert_eq!(event["channel_chat_id"], format!("{from}|dialog360"), "{name}");
        let (first, last) = expected_names(name);
        assert_eq!(
            (&event["channel_visitor_firstname"], &event["channel_visitor_lastname"]),
            (&first, &last),
            "{name}: the sender's profile name, split at its first space"
        );
        let human = env.run(&["webhook", "parse", &fixture(name)], &[]).expect_code(0);
        assert_eq!(human.stdout.lines().count(), 1, "{name}: {}", human.stdout);
        assert!(
            human.stdout.contains(&format!("  {from}  ")) && human.stdout.contains(&format!("  {kind}  "))
        );
    }
}

/// The first contact's profile name in a fixture, as (first name, rest), JSON null when absent.
fn expected_names(file: &str) -> (Value, Value) {
    let text = std::fs::read_to_string(fixture(file)).expect("fixture");
    let payload: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).expect("fixture JSON");
    let name = ["/entry/0/changes/0/value/contacts/0/profile/name", "/contacts/0/profile/name"]
        .iter()
        .find_map(|pointer| payload.pointer(pointer).and_then(Value::as_str));
    match name.map(|n| n.split_once(' ').unwrap_or((n, ""))) {
        Some((first, "")) => (json!(first), Value::Null),
        Some((first, rest)) => (json!(first), json!(rest)),
        None => (Value::Null, Value::Null),
    }
}

#[test]
fn a_document_gives_the_seeds_file_form() {
    let env = TestEnv::new("parsedoc");
    let event = only_message(&env, "onpremise_document.json");
    assert_eq!(
        event["message"]["file"],
        "file:document|7b825480-9148-44a7-9454-b60d7f433e14|https://waba.360dialog.io/v1/media/7b825480-9148-44a7-9454-b60d7f433e14"
    );
    assert_eq!(
        (&event["channel_visitor_firstname"], &event["channel_visitor_lastname"]),
        (&json!("Jean-Luc"), &json!("de la Fontaine"))
    );
    assert_eq!(event["message"]["filename"], "invoice-2024-03.pdf");
}

#[test]
fn media_urls_follow_the_profiles_base_url_for_its_flavour() {
    let env = TestEnv::new("parsemedia");
    env.write_config(
        "config.toml",
        "[profiles.default]\napi = \"onpremise\"\nbase_url = \"https://onprem.example.test/\"\n",
    );
    let doc = only_message(&env, "onpremise_document.json");
    assert_eq!(
        doc["message"]["file"],
        "file:document|7b825480-9148-44a7-9454-b60d7f433e14|https://onprem.example.test/v1/media/7b825480-9148-44a7-9454-b60d7f433e14"
    );
    let image = only_message(&env, "cloud_image.json");
    assert_eq!(
        image["message"]["file"],
        "file:image|1479537139650973|https://waba-v2.360dialog.io/1479537139650973"
    );
}

#[test]
fn a_failed_status_callback_carries_error_131047() {
    let env = TestEnv::new("parsestatus");
    let events = parse_json(&env, "cloud_status_failed_131047.json");
    assert_eq!(events.as_array().map(Vec::len), Some(1));
    let status = &events[0];
    assert_eq!(status["event"], "status");
    assert_eq!(status["status"], "failed");
    assert_eq!(status["recipient_id"], "4915112345678");
    assert_eq!(status["errors"][0]["code"], 131047);
    assert_eq!(status["errors"][0]["title"], "Re-engagement message");
    let human =
        env.run(&["webhook", "parse", &fixture("cloud_status_failed_131047.json")], &[]).expect_code(0);
    assert!(human.stdout.contains("status  failed: 131047 Re-engagement message"), "{}", human.stdout);
    let onprem = parse_json(&env, "onpremise_status_failed_470.json");
    assert_eq!(onprem[0]["errors"][0]["code"], 470);
    let errors = parse_json(&env, "onpremise_errors.json");
    assert_eq!(errors[0]["event"], "error");
    assert_eq!(errors[0]["errors"][0]["code"], 1014);
}

#[test]
fn a_mixed_payload_gives_every_event_in_order_and_an_empty_one_none() {
    let env = TestEnv::new("parsemulti");
    let events = parse_json(&env, "cloud_multi.json");
    let kinds: Vec<&str> =
        events.as_array().expect("array").iter().filter_map(|e| e["event"].as_str()).collect();
    assert_eq!(kinds, ["message", "message", "status", "message"]);
    let empty =
        env.run(&["webhook", "parse", "--json", &fixture("cloud_empty_entry.json")], &[]).expect_code(0);
    assert_eq!(empty.json(), json!([]));
}

#[test]
fn standard_input_is_read_for_a_dash_or_no_file() {
    let env = TestEnv::new("parsestdin");
    let payload = std::fs::read_to_string(fixture("cloud_text.json")).expect("fixture");
    for args in [&["webhook", "parse", "--json", "-"][..], &["webhook", "parse", "--json"][..]] {
        let events = env.run_with_stdin(args, &payload, &[]).expect_code(0).json();
        assert_eq!(events[0]["message"]["text"], "Hello, I have a question about my order");
    }
}

/// The expected error (`error `...``) or invalid-event reason (`invalid event `...``) of each
/// `malformed_*` fixture, from the fixtures README: `(file, is_payload_error, text)`.
fn malformed_cases() -> Vec<(String, bool, String)> {
    include_str!("fixtures/webhooks/README.md")
        .lines()
        .filter(|l| l.starts_with("| `malformed_"))
        .map(|row| {
            let file = row.split('`').nth(1).expect("file").to_owned();
            let (whole, cell) = match row.split_once("error `") {
                Some((_, cell)) => (true, cell),
                None => (false, row.split_once("invalid event `").expect("error or invalid cell").1),
            };
            let text = &cell[..cell.rfind('`').expect("closing backtick")];
            (file, whole, text.to_owned())
        })
        .collect()
}

#[test]
fn malformed_items_become_invalid_events_and_the_payload_still_parses() {
    let env = TestEnv::new("parseitems");
    let cases: Vec<_> = malformed_cases().into_iter().filter(|(_, whole, _)| !whole).collect();
    assert!(cases.len() >= 5, "{cases:?}");
    for (file, _, reason) in cases {
        let run = env.run(&["webhook", "parse", "--json", &fixture(&file)], &[]).expect_code(0);
        let events = run.json();
        let invalid: Vec<&Value> =
            events.as_array().expect("array").iter().filter(|e| e["event"] == "invalid").collect();
        assert_eq!(invalid.len(), 1, "{file}: {events}");
        assert_eq!(invalid[0]["reason"], reason.as_str(), "{file}");
        assert!(reason.starts_with(invalid[0]["path"].as_str().expect("path")), "{file}: {events}");
        assert!(run.stderr.contains("1 item(s) could not be read"), "{file}: {}", run.stderr);
        let human = env.run(&["webhook", "parse", &fixture(&file)], &[]).expect_code(0);
        assert!(human.stdout.contains(&format!("  invalid  {reason}")), "{file}: {}", human.stdout);
    }
}

#[test]
fn a_batch_with_one_bad_item_yields_every_good_event_and_one_invalid_event() {
    let env = TestEnv::new("parsebatch");
    let events = parse_json(&env, "cloud_batch_one_bad.json");
    let kinds: Vec<&str> =
        events.as_array().expect("array").iter().filter_map(|e| e["event"].as_str()).collect();
    assert_eq!(kinds, ["message", "invalid", "message", "status", "status"]);
    assert_eq!(events[1]["path"], "entry[0].changes[0].value.messages[1]");
    assert_eq!(events[1]["reason"], "entry[0].changes[0].value.messages[1].image.id is missing");
    assert_eq!(
        (&events[0]["message"]["text"], &events[2]["message"]["text"]),
        (&json!("first"), &json!("third"))
    );
    assert_eq!(events[2]["channel_visitor_firstname"], "Olu");
    let human = env.run(&["webhook", "parse", &fixture("cloud_batch_one_bad.json")], &[]).expect_code(0);
    let lines: Vec<&str> = human.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", human.stdout);
    assert!(lines[0].ends_with("  Kerry Fisher  text  first"), "{}", lines[0]);
    assert_eq!(lines[1], "-  -  -  invalid  entry[0].changes[0].value.messages[1].image.id is missing");
    assert!(lines[4].ends_with("  5511987654321  -  status  read"), "{}", lines[4]);
}

#[test]
fn real_shapes_are_read_user_ids_groups_statuses_without_recipient_pricing_and_media_details() {
    let env = TestEnv::new("parseshapes");
    let user = only_message(&env, "cloud_text_from_user_id.json");
    assert_eq!(user["channel_visitor_id"], "DE.2938475610293847561");
    assert_eq!(user["channel_visitor_phone"], Value::Null);
    assert_eq!(user["username"], "@kerryfisher");
    let group = only_message(&env, "cloud_group_text.json");
    assert_eq!(group["channel_conversation_id"], group["group_id"]);
    assert_eq!(group["channel_chat_id"], format!("{}|dialog360", group["group_id"].as_str().expect("id")));
    let status = parse_json(&env, "cloud_status_without_recipient.json");
    assert_eq!(status[0]["recipient_id"], Value::Null);
    assert_eq!(status[0]["errors"][0]["code"], "E_RECIPIENT_UNKNOWN");
    let human = env.run(&["webhook", "parse", &fixture("cloud_status_without_recipient.json")], &[]);
    assert!(human.expect_code(0).stdout.contains("failed: E_RECIPIENT_UNKNOWN Recipient unknown"));
    let sent = parse_json(&env, "pywa_status_sent.json");
    assert_eq!(sent[0]["pricing"]["pricing_model"], "CBP");
    assert_eq!(sent[0]["conversation"]["origin"]["type"], "service");
    assert_eq!(sent[0]["metadata"]["phone_number_id"], "1122334455667");
    assert_eq!(sent[0]["time"], "2023-10-25T20:49:05Z");
    let voice = only_message(&env, "pywa_audio_voice.json");
    assert_eq!(voice["metadata"]["display_phone_number"], "972123456789");
    let media = &voice["message"];
    assert_eq!((&media["media_id"], &media["voice"]), (&json!("1234567890987654321"), &json!(true)));
    assert_eq!(media["sha256"], "m04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI=");
    assert_eq!(media["media_url"], "https://waba-v2.360dialog.io/1234567890987654321");
}

#[test]
fn malformed_payloads_exit_3_naming_what_is_wrong() {
    let env = TestEnv::new("parsebad");
    let cases: Vec<_> = malformed_cases().into_iter().filter(|(_, whole, _)| *whole).collect();
    assert!(cases.len() >= 4, "{cases:?}");
    for (file, _, error) in cases {
        let run = env.run(&["webhook", "parse", &fixture(&file)], &[]).expect_code(3);
        assert!(run.stdout.is_empty(), "{file}: {}", run.stdout);
        assert!(run.stderr.contains(&error), "{file}: expected {error:?} in {}", run.stderr);
        let json = env.run(&["webhook", "parse", "--json", &fixture(&file)], &[]).expect_code(3);
        let object: Value = serde_json::from_str(json.stderr.trim()).expect("JSON error");
        assert_eq!(object["error"]["kind"], "invalid", "{file}");
    }
    let not_json = env.run_with_stdin(&["webhook", "parse", "-"], "{\"object\": ", &[]).expect_code(3);
    assert!(not_json.stderr.contains("standard input is not JSON"), "{}", not_json.stderr);
    let empty = env.run_with_stdin(&["webhook", "parse"], " \n", &[]).expect_code(3);
    assert!(empty.stderr.contains("standard input is empty"), "{}", empty.stderr);
    let missing = env.run(&["webhook", "parse", "/nonexistent/payload.json"], &[]).expect_code(3);
    assert!(missing.stderr.contains("cannot read /nonexistent/payload.json"), "{}", missing.stderr);
}

/// A running `webhook listen`; stopped with SIGINT, killed if the test fails first.
struct Listener {
    child: Child,
    url: String,
    lines: mpsc::Receiver<String>,
    stderr: mpsc::Receiver<String>,
}

impl Listener {
    fn start(env: &TestEnv, extra: &[&str]) -> Self {
        Self::start_with(env, extra, &[])
    }

    fn start_with(env: &TestEnv, extra: &[&str], envs: &[(&str, &str)]) -> Self {
        let listen::Started { mut child, url, mut stderr, .. } = listen::start(env, extra, envs);
        let (err_tx, err_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut rest = String::new();
            let _ = stderr.read_to_string(&mut rest);
            let _ = err_tx.send(rest);
        });
        let lines = listen::lines(child.stdout.take().expect("stdout"));
        Self { child, url, lines, stderr: err_rx }
    }

    fn next_line(&self) -> String {
        self.lines.recv_timeout(Duration::from_secs(5)).expect("a line from webhook listen")
    }

    /// Ctrl-C; returns the exit code and the rest of stderr.
    fn interrupt(mut self) -> (i32, String) {
        let pid = self.child.id().to_string();
        std::process::Command::new("kill").args(["-INT", &pid]).status().expect("kill -INT");
        let deadline = Instant::now() + Duration::from_secs(5);
        let code = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "webhook listen did not stop on SIGINT");
            std::thread::sleep(Duration::from_millis(20));
        };
        (code, self.stderr.recv_timeout(Duration::from_secs(5)).unwrap_or_default())
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn listen_prints_the_emulators_inbound_message_after_activate() {
    let env = TestEnv::new("listen");
    let emu = env.emulator(&[]);
    let listener = Listener::start(&env, &["--require-header", "X-Hook-Secret=abcdefghijkl"]);
    assert!(listener.url.starts_with("http://127.0.0.1:") && listener.url.ends_with('/'), "{}", listener.url);
    let token = [("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)];
    let activate = env.run(
        &[
            "--base-url",
            &emu.base_url,
            "channel",
            "activate",
            "--webhook-url",
            &listener.url,
            "--header",
            "X-Hook-Secret=abcdefghijkl",
        ],
        &token,
    );
    let activate = activate.expect_code(0);
    assert!(activate.stdout.contains("PASS  webhook-reachable"), "{}", activate.stdout);
    let inbound: Run = env
        .run(
            &[
                "emulator",
                "inbound",
                "--from",
                "+4915112345678",
                "--text",
                "Hi there",
                "--name",
                "Ada Lovelace",
            ],
            &[],
        )
        .expect_code(0);
    assert!(inbound.stdout.contains("(HTTP 200)"), "{}", inbound.stdout);
    let line = listener.next_line();
    let columns: Vec<&str> = line.split("  ").collect();
    assert_eq!(columns.len(), 5, "{line}");
    assert!(columns[0].ends_with('Z'), "{line}");
    assert_eq!(&columns[1..], ["4915112345678", "Ada Lovelace", "text", "Hi there"], "{line}");
    let (code, stderr) = listener.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("refused"), "{stderr}");
}

#[test]
fn listen_json_prints_one_event_object_per_line() {
    let env = TestEnv::new("listenjson");
    let listener = Listener::start(&env, &["--json"]);
    let multi = std::fs::read_to_string(fixture("cloud_multi.json")).expect("fixture");
    let (status, _) = http_with_headers("POST", &listener.url, Some(&multi), &[]);
    assert_eq!(status, 200);
    let events: Vec<Value> =
        (0..4).map(|_| serde_json::from_str(&listener.next_line()).expect("NDJSON line")).collect();
    assert_eq!(events[0]["event"], "message");
    assert_eq!(events[0]["channel_chat_id"], "5511987654321|dialog360");
    assert_eq!(events[1]["channel_visitor_firstname"], "Kerry");
    assert_eq!(events[2]["event"], "status");
    assert_eq!(events[3]["message"]["type"], "document");
    assert_eq!(listener.interrupt().0, 0);
}

#[test]
fn listen_refuses_requests_without_the_required_header() {
    let env = TestEnv::new("listenauth");
    let listener = Listener::start(&env, &["--require-header", "X-Secret=right-value"]);
    let payload = std::fs::read_to_string(fixture("cloud_text.json")).expect("fixture");
    let (missing, _) = http_with_headers("POST", &listener.url, Some(&payload), &[]);
    let (wrong, _) = http_with_headers("POST", &listener.url, Some(&payload), &[("X-Secret", "wrong")]);
    let (right, _) = http_with_headers("POST", &listener.url, Some(&payload), &[("X-Secret", "right-value")]);
    assert_eq!((missing, wrong, right), (401, 403, 200));
    assert!(listener.next_line().ends_with("Hello, I have a question about my order"));
    assert!(
        listener.lines.recv_timeout(Duration::from_millis(200)).is_err(),
        "refused requests print nothing"
    );
    let (code, stderr) = listener.interrupt();
    assert_eq!(code, 0);
    assert!(stderr.contains("header X-Secret is missing (HTTP 401)"), "{stderr}");
    assert!(stderr.contains("header X-Secret has the wrong value (HTTP 403)"), "{stderr}");
    assert!(!stderr.contains("right-value"), "{stderr}");
}

#[test]
fn listen_forwards_the_raw_body_and_headers_and_reports_the_status() {
    let env = TestEnv::new("listenfwd");
    let target = HookServer::ok();
    let listener = Listener::start(&env, &["--forward-to", &target.url]);
    let payload = std::fs::read_to_string(fixture("onpremise_text.json")).expect("fixture");
    let (status, _) = http_with_headers("POST", &listener.url, Some(&payload), &[("X-Custom", "kept")]);
    assert_eq!(status, 200);
    assert!(listener.next_line().ends_with("Hello World"));
    let deadline = Instant::now() + Duration::from_secs(5);
    while target.requests().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let forwarded = target.requests();
    assert_eq!(forwarded.len(), 1);
    assert_eq!(forwarded[0].body, payload);
    assert_eq!(forwarded[0].header("x-custom"), Some("kept"));
    assert_eq!(forwarded[0].header("content-type"), Some("application/json"));
    let (code, stderr) = listener.interrupt();
    assert_eq!(code, 0);
    assert!(stderr.contains(&format!("forwarded to {}: HTTP 200", target.url)), "{stderr}");
}

#[test]
fn listen_refuses_a_bad_bind_address_or_forward_url() {
    let env = TestEnv::new("listenbad");
    let bind = env.run(&["webhook", "listen", "--port", "0", "--bind", "example.com"], &[]).expect_code(3);
    assert!(bind.stderr.contains("is not an IP address"), "{}", bind.stderr);
    let forward = env.run(&["webhook", "listen", "--port", "0", "--forward-to", "nope"], &[]).expect_code(3);
    assert!(forward.stderr.contains("is not an http:// or https:// URL"), "{}", forward.stderr);
}

#[test]
fn listen_acknowledges_a_batch_with_a_bad_item_and_prints_every_event() {
    let env = TestEnv::new("listenbatch");
    let listener = Listener::start(&env, &["--json"]);
    let batch = std::fs::read_to_string(fixture("cloud_batch_one_bad.json")).expect("fixture");
    let (status, _) = http_with_headers("POST", &listener.url, Some(&batch), &[]);
    assert_eq!(status, 200);
    let events: Vec<Value> =
        (0..5).map(|_| serde_json::from_str(&listener.next_line()).expect("NDJSON line")).collect();
    let kinds: Vec<&str> = events.iter().filter_map(|e| e["event"].as_str()).collect();
    assert_eq!(kinds, ["message", "invalid", "message", "status", "status"]);
    assert_eq!(events[1]["path"], "entry[0].changes[0].value.messages[1]");
    // A body with a byte order mark is read too.
    let bom = std::fs::read(fixture("cloud_text_bom.json")).expect("fixture");
    let (status, _) =
        http_with_headers("POST", &listener.url, Some(&String::from_utf8(bom).expect("UTF-8")), &[]);
    assert_eq!(status, 200);
    let text: Value = serde_json::from_str(&listener.next_line()).expect("NDJSON line");
    assert_eq!(text["message"]["text"], "Hello, I have a question about my order");
    assert_eq!(listener.interrupt().0, 0);
}

/// POSTs `body` to `url`: the status and the response head (status line and headers).
fn post_with_head(url: &str, body: &str) -> (u16, String) {
    use std::io::Write;
    let rest = url.strip_prefix("http://").expect("http URL");
    let host = rest.split('/').next().expect("host");
    let mut stream = std::net::TcpStream::connect(host).expect("connect to the listener");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let head = response.split("\r\n\r\n").next().unwrap_or_default().to_ascii_lowercase();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head)
}

#[test]
fn listen_answers_503_with_retry_after_once_its_queue_to_a_blocked_forward_target_is_full() {
    let env = TestEnv::new("listenfull");
    // The forward target takes every request and never answers: each forward waits out its timeout.
    let target = HookServer::start(|_| hook_server::Reply::Never);
    let listener = Listener::start(&env, &["--timeout", "10", "--forward-to", &target.url]);
    let payload = std::fs::read_to_string(fixture("cloud_text.json")).expect("fixture");
    let posts = 400;
    let (mut accepted, mut refused) = (0, 0);
    for _ in 0..posts {
        let (status, head) = post_with_head(&listener.url, &payload);
        match status {
            200 => accepted += 1,
            503 => {
                assert!(head.contains("\r\nretry-after: 5"), "{head}");
                refused += 1;
            }
            other => panic!("unexpected HTTP {other}: {head}"),
        }
    }
    assert_eq!(accepted + refused, posts);
    assert!(refused > 0, "never answered 503: the queue grew to {accepted} requests");
    // What was accepted is bounded: two queues of 64, one request held by the printer, one being
    // forwarded, and those the target has already taken off the queue.
    let taken = target.requests().len();
    assert!(accepted <= 2 * 64 + 2 + taken, "accepted {accepted} with {taken} forwarded");
    // The listener still answers while it is full.
    let (status, _) = http_with_headers("GET", &listener.url, None, &[]);
    assert_eq!(status, 200);
    let printed = (0..accepted.min(3)).map(|_| listener.next_line()).collect::<Vec<_>>();
    assert!(printed.iter().all(|l| l.ends_with("Hello, I have a question about my order")), "{printed:?}");
}

/// A forward target that keeps connections open (HTTP/1.1 keep-alive) and counts the connections
/// it accepted and the requests it answered.
struct KeepAliveTarget {
    url: String,
    connections: Arc<AtomicUsize>,
    requests: Arc<AtomicUsize>,
}

impl KeepAliveTarget {
    fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(AtomicUsize::new(0));
        let (accepted, answered) = (Arc::clone(&connections), Arc::clone(&requests));
        std::thread::spawn(move || {
            for stream in listener.incoming().map_while(Result::ok) {
                accepted.fetch_add(1, Ordering::SeqCst);
                let answered = Arc::clone(&answered);
                std::thread::spawn(move || serve_keep_alive(stream, &answered));
            }
        });
        Self { url, connections, requests }
    }
}

fn serve_keep_alive(stream: std::net::TcpStream, answered: &AtomicUsize) {
    let mut writer = stream.try_clone().expect("clone stream");
    let mut reader = BufReader::new(stream);
    while wire::read_request(&mut reader).is_some() {
        answered.fetch_add(1, Ordering::SeqCst);
        let reply = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n";
        if writer.write_all(reply).and_then(|()| writer.flush()).is_err() {
            return;
        }
    }
}

#[test]
fn listen_forwards_every_request_over_one_reused_connection() {
    let env = TestEnv::new("listenreuse");
    let target = KeepAliveTarget::start();
    let listener = Listener::start(&env, &["--forward-to", &target.url]);
    let payload = std::fs::read_to_string(fixture("onpremise_text.json")).expect("fixture");
    for _ in 0..5 {
        let (status, _) = http_with_headers("POST", &listener.url, Some(&payload), &[]);
        assert_eq!(status, 200);
        assert!(listener.next_line().ends_with("Hello World"));
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while target.requests.load(Ordering::SeqCst) < 5 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(target.requests.load(Ordering::SeqCst), 5, "every request was forwarded");
    // A new HTTP client per forward opens a new connection each time.
    assert_eq!(target.connections.load(Ordering::SeqCst), 1, "the forwarder reuses one client");
    let (code, _) = listener.interrupt();
    assert_eq!(code, 0);
}

#[test]
fn listen_download_saves_each_messages_media_and_warns_for_an_unknown_id() {
    let env = TestEnv::new("listendownload");
    let emu = env.emulator(&[]);
    let token = [("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)];
    let bytes: Vec<u8> =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".iter().copied().chain((0..5000).map(|i| (i % 251) as u8)).collect();
    let file = env.root.join("photo.png");
    std::fs::write(&file, &bytes).expect("write test file");
    let file = file.to_str().expect("utf-8").to_owned();
    let upload = env.run(&["--base-url", &emu.base_url, "media", "upload", &file], &token).expect_code(0);
    let id = upload.stdout.trim().to_owned();
    let dir = env.root.join("inbox");
    let dir_arg = dir.to_str().expect("utf-8").to_owned();
    let listener =
        Listener::start_with(&env, &["--json", "--base-url", &emu.base_url, "--download", &dir_arg], &token);
    let image = |n: u32, media: &str| {
        json!({"from": "5511987654321", "id": format!("wamid.L{n}"), "timestamp": "1718030460",
               "type": "image", "image": {"mime_type": "image/png", "id": media}})
    };
    let payload = json!({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{
        "field": "messages", "value": {"messaging_product": "whatsapp",
        "messages": [image(1, &id), image(2, "404404404")]}}]}]});
    let (status, _) = http_with_headers("POST", &listener.url, Some(&payload.to_string()), &[]);
    assert_eq!(status, 200);
    let events: Vec<Value> =
        (0..2).map(|_| serde_json::from_str(&listener.next_line()).expect("NDJSON line")).collect();
    let saved = dir.join(format!("{id}.png"));
    assert_eq!(events[0]["message"]["media_path"], saved.to_str().expect("utf-8"));
    assert_eq!(std::fs::read(&saved).expect("saved media"), bytes, "the uploaded bytes exactly");
    assert!(events[1]["message"].get("media_path").is_none(), "{}", events[1]);
    let (code, stderr) = listener.interrupt();
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("media 404404404 of message wamid.L2 was not downloaded"), "{stderr}");
}
