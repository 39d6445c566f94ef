//! `templates preview` end to end: a file is previewed with no request, its examples and the
//! --param values filled (in --json and in the drawn bubble), formatting kept as text without
//! colour; a submitted template is previewed by name through the emulator.

mod common;

use common::{EMULATOR_KEY, TestEnv};
use serde_json::json;

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

fn order_file(env: &TestEnv) -> String {
    let template = json!({"name": "order_update", "category": "UTILITY", "language": "en_US", "components": [
        {"type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": {"header_text": ["#48213"]}},
        {"type": "BODY", "text": "Hi {{1}}, your order {{2}} ships *today*.", "example": {"body_text": [["Emilia", "#48213"]]}},
        {"type": "FOOTER", "text": "Reply STOP to opt out"},
        {"type": "BUTTONS", "buttons": [
            {"type": "URL", "text": "Track parcel", "url": "https://shop.example/orders/{{1}}", "example": ["48213"]},
            {"type": "QUICK_REPLY", "text": "Cancel order"}]}]});
    let path = env.root.join("order.json");
    std::fs::write(&path, serde_json::to_string_pretty(&template).expect("json")).expect("write");
    path.display().to_string()
}

#[test]
fn a_file_preview_fills_the_examples_and_sends_nothing() {
    let env = TestEnv::new("preview-file");
    let emu = env.emulator(&[]);
    let file = order_file(&env);
    let base = ["--base-url", emu.base_url.as_str()];
    let json = env
        .run(&[&base[..], &["templates", "preview", &file, "--json"]].concat(), &[TOKEN])
        .expect_code(0)
        .json();
    assert_eq!(json["header"], "Order #48213");
    assert_eq!(json["body"], "Hi Emilia, your order #48213 ships *today*.");
    assert_eq!(json["footer"], "Reply STOP to opt out");
    assert_eq!(
        json["buttons"][0],
        json!({"type": "URL", "text": "Track parcel", "target": "https://shop.example/orders/48213"})
    );
    assert_eq!(json["buttons"][1]["text"], "Cancel order");
    let human = env.run(&[&base[..], &["templates", "preview", &file]].concat(), &[TOKEN]).expect_code(0);
    assert!(human.stdout.starts_with('╭'), "{}", human.stdout);
    assert!(human.stdout.contains("Order #48213"));
    assert!(human.stdout.contains("Hi Emilia, your order #48213 ships *today*."), "{}", human.stdout);
    assert!(human.stdout.contains("Reply STOP to opt out"));
    assert!(human.stdout.contains("↗ Track parcel") && human.stdout.contains("Cancel order"));
    assert!(!human.stdout.contains('\x1b'), "NO_COLOR keeps the formatting as text");
    assert!(emu.requests().is_empty(), "a file preview makes no request: {:?}", emu.requests());
}

#[test]
fn params_beat_the_examples_in_json_and_in_the_bubble() {
    let env = TestEnv::new("preview-params");
    let file = order_file(&env);
    let args = ["templates", "preview", &file, "--param", "Ada", "--param", "#7", "--header-param", "#7"];
    let json = env.run(&[&args[..], &["--json"]].concat(), &[]).expect_code(0).json();
    assert_eq!(json["header"], "Order #7");
    assert_eq!(json["body"], "Hi Ada, your order #7 ships *today*.");
    let human = env.run(&args, &[]).expect_code(0);
    assert!(human.stdout.contains("Hi Ada, your order #7 ships *today*."), "{}", human.stdout);
    assert!(!human.stdout.contains("Emilia"));
    let too_many =
        env.run(&["templates", "preview", &file, "--param", "a", "--param", "b", "--param", "c"], &[]);
    let too_many = too_many.expect_code(2);
    assert!(
        too_many.stderr.contains("3 --param values given, but the body has 2 variables"),
        "{}",
        too_many.stderr
    );
    let missing = env.run(&["templates", "preview", "./nope.json"], &[]).expect_code(3);
    assert!(missing.stderr.contains("no template file ./nope.json"), "{}", missing.stderr);
}

#[test]
fn a_submitted_template_is_previewed_by_name() {
    let env = TestEnv::new("preview-name");
    let emu = env.emulator(&[]);
    let file = order_file(&env);
    let base = ["--base-url", emu.base_url.as_str()];
    env.run(&[&base[..], &["templates", "submit", &file]].concat(), &[TOKEN]).expect_code(0);
    emu.clear_requests();
    let json = env
        .run(
            &[&base[..], &["templates", "preview", "order_update", "--param", "Bo", "--json"]].concat(),
            &[TOKEN],
        )
        .expect_code(0)
        .json();
    assert_eq!(json["body"], "Hi Bo, your order #48213 ships *today*.");
    let requests = emu.requests();
    assert!(!requests.is_empty() && requests.iter().all(|r| r["method"] == "GET"), "{requests:?}");
}
