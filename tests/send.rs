//! `send` end to end against the emulator, for both API flavours: the exact body the emulator
//! received, what the user saw, exit codes, fallbacks, refusals with their hints, retries that
//! never duplicate a message. Every Cloud body the emulator receives is also validated against
//! the `Message` schema of Meta's OpenAPI description (`send/schema.rs`).

#[path = "send/channel.rs"]
mod channel;
mod common;
#[path = "send/schema.rs"]
mod schema;
#[path = "send/schema_tests.rs"]
mod schema_tests;

use channel::{Channel, PHONE, expected, flavours, send_media, send_template, stored_ids};
use common::{EMULATOR_KEY, TestEnv};
use serde_json::{Value, json};

#[test]
fn text_goes_with_the_flavours_exact_body_and_the_message_id_the_api_returned() {
    for channel in flavours("text") {
        channel.open_window(PHONE);
        let run =
            channel.run(&["--json", "send", "text", "--to", "+49 151 2345-6789", "Hello from whatsapp-ctl"]);
        let report = run.expect_code(0).json();
        let sent = channel.sent();
        assert_eq!(
            sent,
            vec![expected(
                &channel,
                json!({"recipient_type": "individual", "to": PHONE, "type": "text",
                "text": {"body": "Hello from whatsapp-ctl", "preview_url": false}})
            )]
        );
        let ids = stored_ids(&channel);
        assert_eq!(report["message_id"], ids[0]);
        assert_eq!(
            report,
            json!({"to": PHONE, "message_id": ids[0], "kind": "text", "fallback": null, "parts": [{"message_id": ids[0]}]})
        );
        let human = channel.run(&["send", "text", "--to", PHONE, "--preview-url", "see https://example.com"]);
        assert!(human.expect_code(0).stdout.starts_with(&format!("Sent text to {PHONE}: ")));
        assert_eq!(channel.sent()[1]["text"]["preview_url"], true);
    }
}

#[test]
fn a_10000_character_text_goes_in_parts_within_4096_that_join_back_to_the_input() {
    let sentence = "WhatsApp delivers long texts in parts, each one a message. ";
    let paragraph = sentence.repeat(12);
    let mut text = String::new();
    while text.chars().count() < 10_000 {
        text.push_str(&paragraph);
        text.push_str("\n\n");
    }
    let text: String = text.chars().take(10_000).collect();
    for channel in flavours("split") {
        channel.open_window(PHONE);
        let report = channel
            .run_with_stdin(&["--json", "send", "text", "--to", PHONE, "-"], &text)
            .expect_code(0)
            .json();
        let bodies: Vec<String> =
            channel.sent().iter().map(|b| b["text"]["body"].as_str().expect("body").to_owned()).collect();
        assert_eq!(bodies.len(), 3);
        assert!(
            bodies.iter().all(|b| b.chars().count() <= 4096),
            "{:?}",
            bodies.iter().map(|b| b.chars().count()).collect::<Vec<_>>()
        );
        assert_eq!(bodies.concat(), text);
        assert!(bodies[0].ends_with("\n\n"), "split at a paragraph break");
        let ids = stored_ids(&channel);
        let parts: Vec<Value> = ids.iter().map(|id| json!({"message_id": id})).collect();
        assert_eq!(report["parts"], Value::Array(parts));
        assert_eq!(report["message_id"], ids[0]);
    }
}

#[test]
fn markdown_becomes_whatsapp_formatting() {
    let channel = Channel::cloud("markdown");
    channel.open_window(PHONE);
    let cases = [
        ("**bold** and __bold__", "*bold* and *bold*"),
        ("*italic* and _italic_", "_italic_ and _italic_"),
        ("~~gone~~", "~gone~"),
        ("run `cargo **test**`", "run `cargo **test**`"),
        ("```sh\nls **x**\n```", "```\nls **x**\n```"),
        ("# Release notes", "*Release notes*"),
        ("see [the docs](https://example.com/docs)", "see the docs (https://example.com/docs)"),
        ("* one\n+ two\n1. first", "- one\n- two\n1. first"),
        ("snake_case and 2 * 3", "snake_case and 2 * 3"),
    ];
    for (markdown, whatsapp) in cases {
        channel.run(&["send", "text", "--to", PHONE, "--markdown", markdown]).expect_code(0);
        assert_eq!(channel.sent().last().expect("a send")["text"]["body"], whatsapp, "from {markdown:?}");
    }
    channel.run(&["send", "text", "--to", PHONE, "**as written**"]).expect_code(0);
    assert_eq!(channel.sent().last().expect("a send")["text"]["body"], "**as written**");
}

#[test]
fn three_buttons_go_as_reply_buttons() {
    for channel in flavours("buttons3") {
        channel.open_window(PHONE);
        let args = [
            "--json", "send", "buttons", "--to", PHONE, "--text", "Coming?", "--button", "Yes", "--button",
            "No", "--button", "Maybe",
        ];
        let report = channel.run(&args).expect_code(0).json();
        assert_eq!((&report["kind"], &report["fallback"]), (&json!("interactive"), &Value::Null));
        assert_eq!(
            channel.sent(),
            vec![expected(
                &channel,
                json!({"recipient_type": "individual", "to": PHONE, "type": "interactive",
                "interactive": {"type": "button", "body": {"text": "Coming?"}, "action": {"buttons": [
                    {"type": "reply", "reply": {"id": "1", "title": "Yes"}},
                    {"type": "reply", "reply": {"id": "2", "title": "No"}},
                    {"type": "reply", "reply": {"id": "3", "title": "Maybe"}}]}}})
            )]
        );
    }
}

#[test]
fn four_buttons_go_as_a_numbered_list_with_a_warning() {
    for channel in flavours("buttons4") {
        channel.open_window(PHONE);
        let mut args = vec!["--json", "send", "buttons", "--to", PHONE, "--text", "Pick a size:"];
        for label in ["S", "M", "L", "XL"] {
            args.extend(["--button", label]);
        }
        let run = channel.run(&args).expect_code(0);
        assert!(run.stderr.contains("warning: sending the buttons as a numbered list"), "{}", run.stderr);
        let report = run.json();
        assert_eq!((&report["kind"], &report["fallback"]), (&json!("text"), &json!("numbered_list")));
        assert_eq!(
            channel.sent(),
            vec![expected(
                &channel,
                json!({"recipient_type": "individual", "to": PHONE, "type": "text",
                "text": {"body": "Pick a size:\n\n1. S\n2. M\n3. L\n4. XL", "preview_url": false}})
            )]
        );
    }
}

#[test]
fn media_goes_by_link_with_caption_and_filename() {
    for channel in flavours("media") {
        channel.open_window(PHONE);
        let image = ["--caption", "Today's menu", "--json"];
        let report = channel
            .run(&send_media("image", "https://cdn.example.com/menu.png", &image))
            .expect_code(0)
            .json();
        assert_eq!((&report["kind"], &report["fallback"]), (&json!("image"), &Value::Null));
        let document = ["--caption", "Terms", "--filename", "terms.pdf"];
        channel.run(&send_media("document", "https://cdn.example.com/terms.pdf", &document)).expect_code(0);
        channel.run(&send_media("audio", "https://cdn.example.com/hello.mp3", &[])).expect_code(0);
        let base = |kind: &str, object: Value| {
            expected(
                &channel,
                json!({"recipient_type": "individual", "to": PHONE, "type": kind, kind: object}),
            )
        };
        assert_eq!(
            channel.sent(),
            vec![
                base("image", json!({"link": "https://cdn.example.com/menu.png", "caption": "Today's menu"})),
                base(
                    "document",
                    json!({"link": "https://cdn.example.com/terms.pdf", "caption": "Terms", "filename": "terms.pdf"})
                ),
                base("audio", json!({"link": "https://cdn.example.com/hello.mp3"})),
            ]
        );
    }
}

#[test]
fn refused_media_goes_as_a_text_link_with_a_warning() {
    for channel in flavours("media-fallback") {
        channel.open_window(PHONE);
        // An image link to a PDF: the emulator refuses it like Meta (131053; on-premise 2008).
        let args = send_media("image", "https://cdn.example.com/menu.pdf", &["--caption", "Menu", "--json"]);
        let run = channel.run(&args).expect_code(0);
        let code = if channel.cloud { "131053" } else { "2008" };
        assert!(
            run.stderr.contains("sending the link as plain text instead") && run.stderr.contains(code),
            "{}",
            run.stderr
        );
        let report = run.json();
        assert_eq!((&report["kind"], &report["fallback"]), (&json!("text"), &json!("text_link")));
        assert_eq!(report["message_id"], stored_ids(&channel)[0]);
        let sent = channel.sent();
        assert_eq!(sent.len(), 2);
        assert_eq!(sent[0]["type"], "image");
        assert_eq!(
            sent[1],
            expected(
                &channel,
                json!({"recipient_type": "individual", "to": PHONE, "type": "text",
                "text": {"body": "Menu\nhttps://cdn.example.com/menu.pdf", "preview_url": true}})
            )
        );
        let unreachable = send_media("video", "https://unreachable.invalid/a.mp4", &[]);
        assert!(channel.run(&unreachable).expect_code(0).stdout.contains("the media link as text"));
    }
}

#[test]
fn media_flags_the_api_would_refuse_are_refused_before_sending() {
    let channel = Channel::cloud("media-local");
    let audio = send_media("audio", "https://x.example/a.mp3", &["--caption", "no"]);
    assert!(channel.run(&audio).expect_code(2).stderr.contains("--caption is not allowed with --kind audio"));
    channel.run(&send_media("image", "https://x.example/a.png", &["--filename", "a.png"])).expect_code(2);
    let long = "c".repeat(1025);
    let caption = send_media("image", "https://x.example/a.png", &["--caption", &long]);
    assert!(channel.run(&caption).expect_code(3).stderr.contains("1025 characters"));
    channel.run(&send_media("image", "ftp://x.example/a.png", &[])).expect_code(3);
    assert!(channel.emu.requests().is_empty());
}

#[test]
fn template_parameters_fill_header_body_and_url_button() {
    for channel in flavours("template") {
        let template = channel.approved_template("order_update");
        let params =
            ["--header-param", "#48213", "--param", "Emilia", "--param", "#48213", "--param", "Thursday"];
        let mut args = send_template("order_update", "en_US", &params);
        args.extend(["--button-param", "48213", "--json"]);
        let report = channel.run(&args).expect_code(0).json();
        assert_eq!((&report["kind"], &report["to"]), (&json!("template"), &json!(PHONE)));
        let mut object = json!({"name": "order_update", "language": {"policy": "deterministic", "code": "en_US"},
            "components": [
                {"type": "header", "parameters": [{"type": "text", "text": "#48213"}]},
                {"type": "body", "parameters": [{"type": "text", "text": "Emilia"}, {"type": "text", "text": "#48213"}, {"type": "text", "text": "Thursday"}]},
                {"type": "button", "sub_type": "url", "index": "0", "parameters": [{"type": "text", "text": "48213"}]}]});
        if !channel.cloud {
            assert!(template["namespace"].as_str().is_some_and(|n| !n.is_empty()));
            object["namespace"] = template["namespace"].clone();
        }
        let want = expected(
            &channel,
            json!({"recipient_type": "individual", "to": PHONE, "type": "template", "template": object}),
        );
        assert_eq!(channel.sent(), vec![want]);
    }
}

#[test]
fn template_parameter_counts_are_checked_before_sending() {
    for channel in flavours("template-guard") {
        channel.approved_template("order_update");
        let run = channel.run(&send_template("order_update", "en_US", &["--param", "Emilia"])).expect_code(3);
        assert!(
            run.stderr.contains("the template takes 1 header parameter (text), 3 body parameters and 1 button parameter (URL button 0); given 0 header, 1 body and 0 button parameters"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("hint: `whatsapp-ctl templates show order_update --language en_US`"));
        assert!(channel.sent().is_empty(), "nothing may be sent");
        let run = channel.run(&send_template("order_update", "de", &[])).expect_code(1);
        assert!(
            run.stderr.contains("no template 'order_update' in language de")
                && run.stderr.contains("exists in en_US")
        );
        assert!(channel.sent().is_empty());
    }
}

#[test]
fn outside_the_24_hour_window_the_refusal_names_the_template_command_to_send_instead() {
    for channel in flavours("window") {
        channel.approved_template("order_update");
        let run = channel.run(&["send", "text", "--to", PHONE, "Hello?"]).expect_code(1);
        assert!(
            run.stderr.contains(&format!("error: WhatsApp did not deliver the message: {PHONE} has not written to this number in the last 24 hours")),
            "{}",
            run.stderr
        );
        let command = format!(
            "send template --to {PHONE} --name order_update --language en_US --header-param <header> --param <1> --param <2> --param <3> --button-param <button>`"
        );
        assert!(
            run.stderr.contains(
                "hint: outside the 24-hour customer-service window only approved templates can be sent"
            ) && run.stderr.contains(&command),
            "{}",
            run.stderr
        );
        let json = channel.run(&["--json", "send", "text", "--to", PHONE, "Hello?"]).expect_code(1);
        assert!(json.stdout.is_empty());
        let error: Value = serde_json::from_str(json.stderr.trim()).expect("JSON error");
        assert_eq!(error["error"]["code"], if channel.cloud { 131047 } else { 470 });
        assert_eq!(channel.sent().len(), 2, "sent once per run, never retried");
    }
}

#[test]
fn a_429_is_retried_and_the_message_sent_once() {
    let channel = Channel::cloud("retry429");
    channel.open_window(PHONE);
    channel.emu.fail_next(json!([{"status": 429, "retry_after": 0}]));
    let report = channel.run(&["--json", "send", "text", "--to", PHONE, "once"]).expect_code(0).json();
    let sent = channel.sent();
    assert_eq!(sent.len(), 2, "the throttled attempt and the retry");
    assert_eq!(sent[0], sent[1]);
    assert_eq!(stored_ids(&channel), vec![report["message_id"].clone()], "delivered exactly once");
}

#[test]
fn a_500_is_not_resent_and_may_or_may_not_have_been_delivered() {
    for channel in flavours("no-resend") {
        channel.open_window(PHONE);
        channel.emu.fail_next(json!([{"status": 500}]));
        let run = channel.run(&["send", "text", "--to", PHONE, "once"]).expect_code(1);
        assert!(
            run.stderr.contains("may or may not have been delivered, so it was not sent again"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("hint: check 4915123456789's phone"), "{}", run.stderr);
        assert_eq!(channel.sent().len(), 1, "exactly one request");
    }
}

#[test]
fn a_500_after_the_message_went_out_does_not_duplicate_it() {
    let channel = Channel::cloud("after-effect");
    channel.open_window(PHONE);
    channel.emu.fail_next(json!([{"status": 500, "after_effect": true}]));
    channel.run(&["send", "text", "--to", PHONE, "once"]).expect_code(1);
    assert_eq!(channel.sent().len(), 1, "exactly one request");
    assert_eq!(stored_ids(&channel).len(), 1, "the emulator delivered it once");
}

#[test]
fn a_timeout_is_not_resent_and_exits_with_the_network_code() {
    let channel = Channel::cloud("timeout");
    channel.open_window(PHONE);
    channel.emu.settings(json!({"latency_ms": 2000}));
    let run = channel.run(&["--timeout", "0.3", "send", "text", "--to", PHONE, "once"]).expect_code(5);
    assert!(run.stderr.contains("may or may not have been delivered"), "{}", run.stderr);
    channel.emu.settings(json!({"latency_ms": 0}));
    assert_eq!(channel.sent().len(), 1, "exactly one request");
}

#[test]
fn rate_limits_explain_how_long_to_wait() {
    let channel = Channel::cloud("ratelimits");
    channel.open_window(PHONE);
    channel.emu.fail_next(json!([{"status": 429, "retry_after": 0, "code": 131056}]));
    let run = channel.run(&["--retries", "0", "send", "text", "--to", PHONE, "again"]).expect_code(1);
    assert!(
        run.stderr.contains("hint: wait about 6 seconds before sending to 4915123456789 again"),
        "{}",
        run.stderr
    );
    channel.emu.fail_next(json!([{"status": 429, "retry_after": 0, "code": 130429}]));
    let run =
        channel.run(&["--retries", "0", "--json", "send", "text", "--to", PHONE, "again"]).expect_code(1);
    let error: Value = serde_json::from_str(run.stderr.trim()).expect("JSON error");
    assert_eq!(error["error"]["code"], 130429);
    assert!(error["error"]["hint"].as_str().is_some_and(|h| h.contains("send more slowly")));
}

#[test]
fn phone_numbers_are_normalised_or_refused_with_the_reason() {
    let channel = Channel::cloud("phones");
    let valid = [
        ("+49 151 2345-6789", PHONE),
        ("0049 151 23456789", PHONE),
        ("(49) 151.2345.6789", PHONE),
        ("+(49) 151 2345 6789", PHONE),
        ("4915123456789", PHONE),
        ("+1 (555) 010-2030", "15550102030"),
        ("12345678", "12345678"),
        ("123456789012345", "123456789012345"),
    ];
    for (_, digits) in &valid {
        channel.open_window(digits);
    }
    for (input, digits) in valid {
        channel.run(&["send", "text", "--to", input, "hi"]).expect_code(0);
        assert_eq!(channel.sent().last().expect("a send")["to"], digits, "{input:?}");
    }
    let sent_before = channel.sent().len();
    let invalid = [
        ("", "is empty"),
        ("+49 151 2345 678x", "contains 'x' at position 17, which is not a digit"),
        ("49+15123456789", "has a '+' that is not at the start"),
        ("0151 23456789", "starts with a single 0"),
        ("1234567", "has 7 digits; a number with its country code has 8 to 15"),
        ("1234567890123456", "has 16 digits"),
    ];
    for (input, reason) in invalid {
        let run = channel.run(&["send", "text", "--to", input, "hi"]).expect_code(3);
        assert!(
            run.stderr.contains(&format!("--to {input:?} is not a phone number: it {reason}")),
            "{input:?}: {}",
            run.stderr
        );
    }
    assert_eq!(channel.sent().len(), sent_before, "nothing sent for invalid numbers");
}

#[test]
fn the_profiles_test_recipient_is_used_without_to() {
    let channel = Channel::onpremise("recipient");
    channel.open_window(PHONE);
    let run = channel.run(&["send", "text", "hi"]).expect_code(2);
    assert!(
        run.stderr.contains("no recipient") && run.stderr.contains("hint: pass --to PHONE"),
        "{}",
        run.stderr
    );
    let config = format!(
        "[profiles.default]\napi = \"onpremise\"\nbase_url = \"{}\"\ntest_recipient = \"+49 151 2345-6789\"\n",
        channel.emu.base_url
    );
    channel.env.write_config("config.toml", &config);
    channel.run(&["send", "text", "hi"]).expect_code(0);
    assert_eq!(channel.sent()[0]["to"], PHONE);
    channel.env.write_config("config.toml", &config.replace("+49 151 2345-6789", "0151 2345"));
    let run = channel.run(&["send", "text", "hi"]).expect_code(3);
    assert!(
        run.stderr.contains("the test recipient \"0151 2345\" of profile 'default' (config.toml)"),
        "{}",
        run.stderr
    );
}

#[test]
fn auth_login_with_api_onpremise_sends_on_premise_bodies() {
    let env = TestEnv::new("login-onprem");
    let emu = env.emulator(&[]);
    let base = emu.base_url.as_str();
    env.run_with_stdin(
        &["--base-url", base, "auth", "login", "--api", "onpremise", "--token-stdin"],
        EMULATOR_KEY,
        &[],
    )
    .expect_code(0);
    env.run(&["emulator", "inbound", "--from", PHONE, "--text", "hi"], &[]).expect_code(0);
    env.run(&["--base-url", base, "send", "text", "--to", PHONE, "hi"], &[]).expect_code(0);
    let sends: Vec<Value> = emu.requests().into_iter().filter(|r| r["method"] == "POST").collect();
    assert_eq!(sends.len(), 1);
    assert_eq!(sends[0]["path"], "/v1/messages");
    assert!(sends[0]["body"].get("messaging_product").is_none());
}
