//! `api PATH` end to end against the emulator: GET and POST reach it with the key and print its
//! answers, --paginate gathers every page, refusals print the body and exit per SPEC 3, -i shows
//! the status and headers, --jq filters, and a bad --jq expression sends nothing.

mod common;

use common::{EMULATOR_KEY, Emulator, TestEnv};
use serde_json::{Value, json};

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

fn ctl(env: &TestEnv, emu: &Emulator, args: &[&str]) -> common::Run {
    let mut full = vec!["--base-url", emu.base_url.as_str()];
    full.extend_from_slice(args);
    env.run(&full, &[TOKEN])
}

/// Submits `count` templates named t000... through `templates submit`.
fn submit_batch(env: &TestEnv, emu: &Emulator, count: usize) {
    let templates: Vec<Value> = (0..count)
        .map(|n| {
            json!({"name": format!("t{n:03}"), "category": "UTILITY", "language": "en_US",
                   "components": [{"type": "BODY", "text": format!("Message number {n}.")}]})
        })
        .collect();
    let path = env.root.join("batch.json");
    std::fs::write(&path, Value::Array(templates).to_string()).expect("write batch");
    ctl(env, emu, &["templates", "submit", &path.display().to_string()]).expect_code(0);
    emu.clear_requests();
}

#[test]
fn get_reaches_the_emulator_with_the_key_and_prints_its_answer() {
    let env = TestEnv::new("api-get");
    let emu = env.emulator(&[]);
    let run = ctl(&env, &emu, &["api", "v1/configs/webhook"]).expect_code(0);
    let (status, direct) = common::http_with_headers(
        "GET",
        &format!("{}/v1/configs/webhook", emu.base_url),
        None,
        &[("D360-API-KEY", EMULATOR_KEY)],
    );
    assert_eq!(status, 200);
    assert_eq!(run.json(), serde_json::from_str::<Value>(&direct).expect("direct JSON"));
    let requests = emu.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert_eq!(
        (requests[0]["method"].as_str(), requests[0]["path"].as_str()),
        (Some("GET"), Some("/v1/configs/webhook"))
    );
    assert_eq!(requests[0]["api_key"], "valid");
}

#[test]
fn fields_make_a_post_whose_json_body_the_emulator_receives() {
    let env = TestEnv::new("api-post");
    let emu = env.emulator(&[]);
    let run = ctl(
        &env,
        &emu,
        &[
            "api",
            "/v1/configs/templates",
            "-f",
            "name=raw_made",
            "-f",
            "category=UTILITY",
            "-f",
            "language=en_US",
            "-F",
            r#"components=[{"type":"BODY","text":"Made by a raw request."}]"#,
        ],
    )
    .expect_code(0);
    let answer = run.json();
    assert_eq!(answer["name"], "raw_made", "{answer}");
    let requests = emu.requests();
    assert_eq!(requests.len(), 1, "one POST, no retry: {requests:?}");
    assert_eq!(requests[0]["method"], "POST");
    assert_eq!(requests[0]["api_key"], "valid");
    assert_eq!(requests[0]["content_type"], "application/json");
    assert_eq!(requests[0]["body"]["components"][0]["text"], "Made by a raw request.");
    assert_eq!(requests[0]["body"]["language"], "en_US");
    // The same body from a file with --input, and -X GET puts fields in the query instead.
    let file = env.root.join("webhook.json");
    std::fs::write(&file, r#"{"url":"https://hooks.example.com/in"}"#).expect("write input");
    emu.clear_requests();
    ctl(&env, &emu, &["api", "/v1/configs/webhook", "--input", &file.display().to_string()]).expect_code(0);
    ctl(&env, &emu, &["api", "-X", "get", "/v1/configs/templates", "-F", "limit=2", "-f", "sort=name"])
        .expect_code(0);
    let requests = emu.requests();
    assert_eq!(requests[0]["method"], "POST");
    assert_eq!(requests[0]["body"]["url"], "https://hooks.example.com/in");
    assert_eq!(requests[1]["method"], "GET");
    let query = requests[1]["query"].as_str().unwrap_or_default();
    assert!(query.contains("limit=2") && query.contains("sort=name"), "{}", requests[1]);
}

#[test]
fn paginate_returns_every_template_across_pages_and_jq_filters_it() {
    let env = TestEnv::new("api-pages");
    let emu = env.emulator(&["--page-cap", "7"]);
    submit_batch(&env, &emu, 25);
    let list =
        ctl(&env, &emu, &["api", "/v1/configs/templates?sort=name", "--paginate"]).expect_code(0).json();
    let names: Vec<&str> =
        list.as_array().expect("one array").iter().filter_map(|t| t["name"].as_str()).collect();
    let expected: Vec<String> = (0..25).map(|n| format!("t{n:03}")).collect();
    assert_eq!(names, expected);
    let gets = emu.requests().len();
    assert!(gets >= 4, "25 templates at 7 a page take at least 4 requests, saw {gets}");
    let filtered = ctl(
        &env,
        &emu,
        &[
            "api",
            "/v1/configs/templates?sort=name",
            "--paginate",
            "--jq",
            ".[] | select(.name < \"t003\") | .name",
        ],
    )
    .expect_code(0);
    assert_eq!(filtered.stdout, "t000\nt001\nt002\n");
    // --jq on a command's --json document too.
    let count = ctl(&env, &emu, &["templates", "list", "--json", "--jq", "length"]).expect_code(0);
    assert_eq!(count.stdout, "25\n");
    let first = ctl(&env, &emu, &["templates", "list", "--sort", "name", "--jq", ".[0] | {name, language}"])
        .expect_code(0);
    assert_eq!(first.stdout, "{\"name\":\"t000\",\"language\":\"en_US\"}\n");
}

#[test]
fn a_bad_jq_expression_exits_2_with_nothing_sent() {
    let env = TestEnv::new("api-badjq");
    let emu = env.emulator(&[]);
    for args in [
        vec!["--jq", ".[", "api", "/v1/configs/templates"],
        vec!["templates", "list", "--jq", "nosuchfilter(1)"],
    ] {
        let run = ctl(&env, &emu, &args).expect_code(2);
        assert!(run.stderr.contains("invalid --jq expression"), "{}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    assert!(emu.requests().is_empty(), "nothing may be sent: {:?}", emu.requests());
}

#[test]
fn refusals_print_the_body_and_exit_per_spec() {
    let env = TestEnv::new("api-errors");
    let emu = env.emulator(&[]);
    let missing = ctl(&env, &emu, &["api", "/v1/no/such/thing"]).expect_code(1);
    assert!(missing.stdout.contains("is not an endpoint of this API"), "{missing:?}");
    assert!(missing.stderr.starts_with("error:"), "{}", missing.stderr);
    let mut args = vec!["--base-url", emu.base_url.as_str(), "api", "/v1/configs/webhook"];
    let wrong = env.run(&args, &[("WHATSAPP_CTL_TOKEN", "wrong-key-0000")]).expect_code(4);
    assert!(wrong.stdout.contains("Invalid api_key"), "{wrong:?}");
    assert!(wrong.stderr.contains("auth login"), "{}", wrong.stderr);
    args.push("--json");
    let json = env.run(&args, &[("WHATSAPP_CTL_TOKEN", "wrong-key-0000")]).expect_code(4);
    assert!(json.stderr.contains("\"kind\":\"auth\""), "{}", json.stderr);
    // A 503 on a GET is retried; the answer that finally comes is printed.
    emu.clear_requests();
    emu.fail_next(json!([{"status": 503}]));
    ctl(&env, &emu, &["api", "/v1/configs/webhook"]).expect_code(0);
    assert_eq!(emu.requests().len(), 2);
    // A 503 on a POST may have acted: it is not repeated (SPEC 2), and exits 1 with the body.
    emu.clear_requests();
    emu.fail_next(json!([{"status": 503}]));
    let post = ctl(&env, &emu, &["api", "/v1/configs/webhook", "-f", "url=https://hooks.example.com/in"]);
    let post = post.expect_code(1);
    assert!(!post.stdout.is_empty(), "the body is printed: {post:?}");
    assert_eq!(emu.requests().len(), 1, "{:?}", emu.requests());
}

#[test]
fn include_shows_status_and_headers_and_hub_and_full_urls_are_refused() {
    let env = TestEnv::new("api-include");
    let emu = env.emulator(&[]);
    let run = ctl(&env, &emu, &["api", "-i", "/v1/configs/webhook"]).expect_code(0);
    let (head, body) = run.stdout.split_once("\n\n").expect("headers, blank line, body");
    assert!(head.starts_with("HTTP/1.1 200 OK\n"), "{head}");
    assert!(head.to_ascii_lowercase().contains("content-type: application/json"), "{head}");
    serde_json::from_str::<Value>(body).expect("body is JSON");
    let hub = ctl(&env, &emu, &["api", "--hub", "/api/v2/partners/x/channels"]).expect_code(4);
    assert!(hub.stderr.contains("partner credentials are not set up"), "{}", hub.stderr);
    let full = ctl(&env, &emu, &["api", "https://elsewhere.example/v1/configs/webhook"]).expect_code(2);
    assert!(full.stderr.contains("full URL"), "{}", full.stderr);
    let bad_field = ctl(&env, &emu, &["api", "/v1/configs/webhook", "-F", "url={"]).expect_code(3);
    assert!(bad_field.stderr.contains("not JSON"), "{}", bad_field.stderr);
    assert_eq!(emu.requests().len(), 1, "only the -i request was sent");
}
