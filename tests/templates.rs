//! Templates end to end against the emulator: local validation refuses every broken rule without
//! a request, submit/list/show/status/delete, paging, filters, duplicates, ambiguous failures.

mod common;

use common::{EMULATOR_KEY, Emulator, TestEnv};
use serde_json::{Value, json};

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

/// Runs a templates command against `emu` with the emulator's key from the environment.
fn ctl(env: &TestEnv, emu: &Emulator, args: &[&str]) -> common::Run {
    let mut full = vec!["--base-url", emu.base_url.as_str()];
    full.extend_from_slice(args);
    env.run(&full, &[TOKEN])
}

/// The expected (path, line, message) of an `invalid/` fixture, from the fixtures README table.
fn expected_problem(file: &str) -> (String, usize, String) {
    let readme = include_str!("fixtures/templates/README.md");
    let row = readme
        .lines()
        .find(|l| l.starts_with(&format!("| `invalid/{file}`")))
        .unwrap_or_else(|| panic!("{file} is not in the fixtures README"));
    let cells: Vec<&str> =
        row.split(" | ").map(|c| c.trim_matches(|ch| ch == '|' || ch == ' ' || ch == '`')).collect();
    (cells[1].to_owned(), cells[2].parse().expect("line"), cells[3].to_owned())
}

/// What is wrong with the client's answer for one `invalid/` fixture (empty: all as expected).
/// `requests_before` is the emulator's request count before the fixture ran.
fn refusal_problems(env: &TestEnv, emu: &Emulator, file: &str) -> Vec<String> {
    let path = format!("{}/tests/fixtures/templates/invalid/{file}", env!("CARGO_MANIFEST_DIR"));
    let (want_path, want_line, want_message) = expected_problem(file);
    let mut wrong = Vec::new();
    let before = emu.requests().len();
    let run = ctl(env, emu, &["templates", "submit", "--json", &path]);
    if run.code != 3 {
        wrong.push(format!("submit exited {} (want 3): {}", run.code, run.stderr.trim()));
    }
    let rows: Value = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
    let problems = rows[0]["problems"].as_array().cloned().unwrap_or_default();
    let want = json!([{"path": want_path, "line": want_line, "message": want_message}]);
    let got: Vec<Value> = problems
        .iter()
        .map(|p| json!({"path": p["path"], "line": p["line"], "message": p["message"]}))
        .collect();
    if Value::Array(got.clone()) != want || rows[0]["ok"] != false {
        wrong.push(format!("problems {got:?}, want {want}"));
    }
    let sent = emu.requests().len() - before;
    if sent != 0 {
        wrong.push(format!("the emulator received {sent} request(s)"));
    }
    let human = ctl(env, emu, &["templates", "validate", &path]);
    let line = format!("{path}:{want_line}: {want_path}: {want_message}");
    if human.code != 3 || !human.stdout.contains(&line) {
        wrong.push(format!("validate exited {} without {line:?}: {}", human.code, human.stdout));
    }
    wrong
}

/// Every `invalid/` fixture against one emulator: each is refused by `submit` with its one
/// problem (path, line, message from the fixtures README) and no request, and `validate` prints
/// it. Every failing fixture is reported by name, not just the first.
#[test]
fn submit_refuses_every_invalid_fixture_without_calling_the_api() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/templates/invalid");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() >= 57, "fixtures missing: {files:?}");
    let env = TestEnv::new("rules");
    let emu = env.emulator(&[]);
    let failures: Vec<String> = files
        .iter()
        .flat_map(|file| refusal_problems(&env, &emu, file).into_iter().map(move |p| format!("{file}: {p}")))
        .collect();
    assert!(failures.is_empty(), "{} fixture problem(s):\n{}", failures.len(), failures.join("\n"));
}

fn example(name: &str) -> String {
    format!("{}/examples/templates/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn examples_validate_and_are_sent_exactly_as_written() {
    let env = TestEnv::new("examples");
    let emu = env.emulator(&[]);
    let files = [example("order_update"), example("spring_sale"), example("login_code")];
    let mut args = vec!["templates", "validate"];
    args.extend(files.iter().map(String::as_str));
    ctl(&env, &emu, &args).expect_code(0);
    assert!(emu.requests().is_empty());
    args[1] = "submit";
    args.push("--json");
    let rows = ctl(&env, &emu, &args).expect_code(0).json();
    assert_eq!(rows.as_array().map(Vec::len), Some(3));
    assert!(
        rows.as_array().expect("rows").iter().all(|r| r["ok"] == true && r["status"] == "submitted"),
        "{rows}"
    );
    let mut posted: Vec<Value> =
        emu.requests().into_iter().filter(|r| r["method"] == "POST").map(|r| r["body"].clone()).collect();
    let mut written: Vec<Value> = files
        .iter()
        .map(|f| serde_json::from_str(&std::fs::read_to_string(f).expect("read")).expect("json"))
        .collect();
    let by_name = |v: &Value| v["name"].as_str().unwrap_or_default().to_owned();
    posted.sort_by_key(by_name);
    written.sort_by_key(by_name);
    assert_eq!(posted, written);
}

#[test]
fn duplicate_name_and_language_reads_already_exists() {
    let env = TestEnv::new("duplicate");
    let emu = env.emulator(&[]);
    ctl(&env, &emu, &["templates", "submit", &example("order_update")]).expect_code(0);
    let run = ctl(&env, &emu, &["templates", "submit", &example("order_update")]).expect_code(1);
    assert!(run.stdout.contains("already exists in en_US"), "{run:#?}");
    let json =
        ctl(&env, &emu, &["templates", "submit", "--json", &example("order_update")]).expect_code(1).json();
    assert_eq!(json[0]["problems"][0]["message"], "already exists in en_US");
}

#[test]
fn submit_through_an_ambiguous_502_creates_the_template_once() {
    let env = TestEnv::new("ambiguous");
    let emu = env.emulator(&[]);
    emu.fail_next(json!([{"status": 502, "after_effect": true}]));
    ctl(&env, &emu, &["templates", "submit", &example("order_update")]).expect_code(0);
    let posts = emu.requests().iter().filter(|r| r["method"] == "POST").count();
    assert_eq!(posts, 1, "looked up instead of posting again: {:?}", emu.requests());
    let list = ctl(&env, &emu, &["templates", "list", "--json"]).expect_code(0).json();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
}

#[test]
fn submit_from_flags_builds_the_api_body() {
    let env = TestEnv::new("flags");
    let emu = env.emulator(&[]);
    let args = [
        "templates",
        "submit",
        "--name",
        "shipping_note",
        "--category",
        "utility",
        "--language",
        "de",
        "--body",
        "Hallo {{1}}, Ihr Paket {{2}} ist unterwegs.",
        "--example",
        "Ada",
        "--example",
        "#42",
        "--footer",
        "Antworten Sie STOP",
        "--quick-reply",
        "Danke",
        "--url-button",
        "Verfolgen=https://shop.example/t/{{1}}",
        "--url-example",
        "42",
    ];
    ctl(&env, &emu, &args).expect_code(0);
    let body = emu.requests().into_iter().find(|r| r["method"] == "POST").expect("post")["body"].clone();
    assert_eq!(body["category"], "UTILITY");
    assert_eq!(body["components"][0]["example"]["body_text"], json!([["Ada", "#42"]]));
    assert_eq!(
        body["components"][2]["buttons"][1],
        json!({"type": "URL", "text": "Verfolgen", "url": "https://shop.example/t/{{1}}", "example": ["42"]})
    );
}

/// `count` templates named t000..., in one array file.
fn batch_file(env: &TestEnv, count: usize) -> String {
    let templates: Vec<Value> = (0..count)
        .map(|n| {
            json!({"name": format!("t{n:03}"), "category": if n % 2 == 0 { "UTILITY" } else { "MARKETING" },
                   "language": "en_US", "components": [{"type": "BODY", "text": format!("Message number {n}.")}]})
        })
        .collect();
    let path = env.root.join("batch.json");
    std::fs::write(&path, Value::Array(templates).to_string()).expect("write batch");
    path.display().to_string()
}

#[test]
fn list_fetches_every_page_when_the_server_caps_the_page_size() {
    let env = TestEnv::new("paging");
    let emu = env.emulator(&["--page-cap", "7"]);
    let file = batch_file(&env, 25);
    ctl(&env, &emu, &["templates", "submit", &file]).expect_code(0);
    emu.clear_requests();
    let list = ctl(&env, &emu, &["templates", "list", "--json", "--sort", "name"]).expect_code(0).json();
    let names: Vec<&str> =
        list.as_array().expect("array").iter().filter_map(|t| t["name"].as_str()).collect();
    let expected: Vec<String> = (0..25).map(|n| format!("t{n:03}")).collect();
    assert_eq!(names, expected);
    let gets = emu.requests().iter().filter(|r| r["method"] == "GET").count();
    assert!(gets >= 4, "25 templates at 7 a page take at least 4 requests, saw {gets}");
    assert!(
        list[0]["components"].is_array() && list[0]["id"].is_string(),
        "whole template objects: {}",
        list[0]
    );
}

#[test]
fn filters_and_sort_reach_the_server_as_the_api_expects() {
    let env = TestEnv::new("filters");
    let emu = env.emulator(&[]);
    ctl(&env, &emu, &["templates", "submit", &batch_file(&env, 6)]).expect_code(0);
    emu.clear_requests();
    let list = ctl(
        &env,
        &emu,
        &[
            "templates",
            "list",
            "--json",
            "--status",
            "APPROVED",
            "--category",
            "utility",
            "--language",
            "en_US",
            "--sort=-name",
        ],
    )
    .expect_code(0)
    .json();
    let names: Vec<&str> =
        list.as_array().expect("array").iter().filter_map(|t| t["name"].as_str()).collect();
    assert_eq!(names, vec!["t004", "t002", "t000"]);
    let query = emu.requests()[0]["query"].as_str().expect("query").to_owned();
    let filters = r#"filters=%7B%22status%22%3A%22approved%22%2C%22category%22%3A%22UTILITY%22%2C%22language%22%3A%22en_US%22%7D"#;
    assert!(query.contains(filters), "{query}");
    assert!(query.contains("sort=-business_templates.name"), "{query}");
    let contains =
        ctl(&env, &emu, &["templates", "list", "--json", "--name-contains", "T00"]).expect_code(0).json();
    assert_eq!(contains.as_array().map(Vec::len), Some(6));
    let table = ctl(&env, &emu, &["templates", "list"]).expect_code(0);
    assert!(
        table.stdout.lines().next().is_some_and(|h| h.contains("NAME") && h.contains("STATUS")),
        "{}",
        table.stdout
    );
}

#[test]
fn status_wait_ends_approved_with_exit_0() {
    let env = TestEnv::new("approved");
    let emu = env.emulator(&[]);
    ctl(&env, &emu, &["templates", "submit", &example("order_update")]).expect_code(0);
    let shown =
        ctl(&env, &emu, &["templates", "status", "order_update", "--wait", "--json"]).expect_code(0).json();
    assert_eq!(shown["status"], "approved");
    assert_eq!(shown["name"], "order_update");
}

#[test]
fn status_wait_ends_rejected_with_exit_1_and_the_reason() {
    let env = TestEnv::new("rejected");
    let emu = env.emulator(&[]);
    let broken = json!({"name": "bad_promo", "category": "MARKETING", "language": "en", "components": [{"type": "BODY", "text": "{{1}} wins"}]});
    let (status, body) = http_with_key(&emu, "/v1/configs/templates", &broken);
    assert_eq!(status, 200, "{body}");
    let run = ctl(&env, &emu, &["templates", "status", "bad_promo", "--wait"]).expect_code(1);
    assert!(run.stderr.contains("error: template 'bad_promo' (en) is rejected"), "{}", run.stderr);
    assert!(run.stderr.contains("reason: INVALID_FORMAT"), "{}", run.stderr);
    assert!(run.stdout.contains("rejected"), "{}", run.stdout);
}

fn http_with_key(emu: &Emulator, path: &str, body: &Value) -> (u16, String) {
    let url = format!("{}{path}", emu.base_url);
    common::http_with_headers("POST", &url, Some(&body.to_string()), &[("D360-API-KEY", &emu.key)])
}

#[test]
fn delete_needs_yes_without_a_terminal_and_removes_every_language() {
    let env = TestEnv::new("delete");
    let emu = env.emulator(&[]);
    ctl(&env, &emu, &["templates", "submit", &example("order_update")]).expect_code(0);
    ctl(
        &env,
        &emu,
        &[
            "templates",
            "submit",
            "--name",
            "order_update",
            "--category",
            "UTILITY",
            "--language",
            "de",
            "--body",
            "Ihre Bestellung ist da.",
        ],
    )
    .expect_code(0);
    emu.clear_requests();
    let refused = ctl(&env, &emu, &["templates", "delete", "order_update"]).expect_code(2);
    assert!(refused.stderr.contains("--yes"), "{}", refused.stderr);
    assert!(refused.stderr.contains("every language of it: en_US, de"), "{}", refused.stderr);
    assert!(emu.requests().iter().all(|r| r["method"] != "DELETE"));
    ctl(&env, &emu, &["templates", "delete", "order_update", "--yes"]).expect_code(0);
    let list = ctl(&env, &emu, &["templates", "list", "--json"]).expect_code(0).json();
    assert_eq!(list, json!([]));
    ctl(&env, &emu, &["templates", "show", "order_update"]).expect_code(1);
}

#[test]
fn show_needs_a_language_when_the_name_has_several() {
    let env = TestEnv::new("show");
    let emu = env.emulator(&[]);
    for language in ["en", "de"] {
        let args = [
            "templates",
            "submit",
            "--name",
            "hello",
            "--category",
            "UTILITY",
            "--language",
            language,
            "--body",
            "Hello there.",
        ];
        ctl(&env, &emu, &args).expect_code(0);
    }
    let run = ctl(&env, &emu, &["templates", "show", "hello"]).expect_code(2);
    assert!(run.stderr.contains("exists in 2 languages"), "{}", run.stderr);
    let shown = ctl(&env, &emu, &["templates", "show", "hello", "--language", "de"]).expect_code(0);
    assert!(
        shown.stdout.contains("hello (de)") && shown.stdout.contains("BODY      Hello there."),
        "{}",
        shown.stdout
    );
}

/// The README's first set-up command, split into the argument lists of its `cargo run` steps.
fn readme_main_job() -> Vec<Vec<String>> {
    let readme = include_str!("../README.md");
    let line = readme
        .lines()
        .find(|l| l.starts_with("cargo run --locked -q -- ") && l.contains("--emulator"))
        .expect("README quick start command");
    line.split(" && ")
        .map(|step| {
            let args = step.strip_prefix("cargo run --locked -q -- ").expect("each step runs the binary");
            args.split_whitespace().map(str::to_owned).collect()
        })
        .collect()
}

#[test]
fn the_readme_main_job_works_twice_in_a_row_and_emulator_invocations_share_state() {
    let env = TestEnv::new("readme");
    for _ in 0..2 {
        let steps = readme_main_job();
        assert_eq!(steps.len(), 3, "{steps:?}");
        let mut last = None;
        for step in &steps {
            let args: Vec<&str> = step.iter().map(String::as_str).collect();
            last = Some(env.run(&args, &[]).expect_code(0));
        }
        assert!(last.expect("ran").stdout.contains("status    approved"));
    }
    let list = env.run(&["--emulator", "templates", "list", "--json"], &[]).expect_code(0).json();
    assert_eq!(list[0]["name"], "order_update", "the submit's template is seen by a later invocation");
    assert!(env.read_config("config.toml").is_none(), "--emulator reads and writes no profile");
}
