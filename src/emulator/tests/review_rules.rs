//! The emulator's own review rules: each rule on a small template, and the template fixtures of
//! `tests/fixtures/templates` through the server (valid ones approved, each invalid one refused
//! at creation or rejected at review), so the fixtures judge the emulator and the client alike.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use super::super::review_rules::first_problem;
use super::Harness;

fn object(template: Value) -> Map<String, Value> {
    template.as_object().cloned().expect("a template object")
}

/// A `category` template with these components.
fn with(category: &str, components: Value) -> Map<String, Value> {
    object(json!({"name": "t", "language": "en", "category": category, "components": components}))
}

/// A UTILITY template of one BODY; `samples` is its `example.body_text[0]` when given.
fn body(text: &str, samples: Option<Value>) -> Map<String, Value> {
    let mut component = json!({"type": "BODY", "text": text});
    if let Some(samples) = samples {
        component["example"] = json!({"body_text": [samples]});
    }
    with("UTILITY", json!([component]))
}

/// A MARKETING template of a BODY and these buttons.
fn buttons(buttons: Value) -> Map<String, Value> {
    with("MARKETING", json!([{"type": "BODY", "text": "Hello."}, {"type": "BUTTONS", "buttons": buttons}]))
}

/// The path of the first broken rule (`None`: approved).
fn path_of(template: &Map<String, Value>) -> Option<String> {
    first_problem(template).map(|p| p.split(": ").next().unwrap_or_default().to_owned())
}

#[test]
fn body_variables_are_numbered_from_1_without_gaps_well_formed_and_apart() {
    assert_eq!(first_problem(&body("Hi {{1}}, order {{2}} is {{1}}.", Some(json!(["a", "b"])))), None);
    for text in [
        "Hi {{1}}, order {{3}}.",
        "Hi {{0}}, here.",
        "Hi {{ name }}, here.",
        "Hi {{01}}, here.",
        "Hi {{1}}, here {{",
        "Hi {{1}} {{2}} here.",
    ] {
        let problem = first_problem(&body(text, Some(json!(["a", "b"]))));
        assert!(
            problem.as_deref().is_some_and(|p| p.starts_with("components[0].text: ")),
            "{text}: {problem:?}"
        );
    }
}

#[test]
fn a_body_neither_starts_nor_ends_with_a_variable() {
    assert_eq!(path_of(&body(" {{1}} wins.", Some(json!(["a"])))).as_deref(), Some("components[0].text"));
    assert_eq!(
        path_of(&body("The winner is {{1}} \n", Some(json!(["a"])))).as_deref(),
        Some("components[0].text")
    );
    assert_eq!(path_of(&body("The winner is {{1}}!", Some(json!(["a"])))), None);
}

#[test]
fn body_samples_give_one_non_blank_string_per_variable() {
    let samples = "components[0].example.body_text";
    assert_eq!(path_of(&body("Hi {{1}}, order {{2}}.", None)).as_deref(), Some(samples));
    assert_eq!(path_of(&body("Hi {{1}}, order {{2}}.", Some(json!(["a"])))).as_deref(), Some(samples));
    assert_eq!(path_of(&body("Hi {{1}}, order {{2}}.", Some(json!(["a", " "])))).as_deref(), Some(samples));
    assert_eq!(path_of(&body("Hi {{1}}, order {{2}}.", Some(json!(["a", 2])))).as_deref(), Some(samples));
    assert_eq!(path_of(&body("Hello there.", Some(json!(["a"])))).as_deref(), Some(samples));
    assert_eq!(path_of(&body("Hello there.", None)), None);
}

#[test]
fn body_text_has_1_to_1024_characters() {
    assert_eq!(path_of(&body(&"é".repeat(1024), None)), None);
    assert_eq!(path_of(&body(&"é".repeat(1025), None)).as_deref(), Some("components[0].text"));
    assert_eq!(path_of(&body("  ", None)).as_deref(), Some("components[0].text"));
}

#[test]
fn a_template_has_one_body_and_at_most_one_of_each_other_component() {
    let twice = with("UTILITY", json!([{"type": "BODY", "text": "a"}, {"type": "body", "text": "b"}]));
    assert_eq!(path_of(&twice).as_deref(), Some("components[1]"));
    let footers = json!([
        {"type": "BODY", "text": "a"},
        {"type": "FOOTER", "text": "f"},
        {"type": "FOOTER", "text": "g"}
    ]);
    assert_eq!(path_of(&with("UTILITY", footers)).as_deref(), Some("components[2]"));
    assert_eq!(
        path_of(&with("UTILITY", json!([{"type": "FOOTER", "text": "f"}]))).as_deref(),
        Some("components")
    );
    let carousel = json!([{"type": "BODY", "text": "a"}, {"type": "CAROUSEL"}]);
    assert_eq!(path_of(&with("UTILITY", carousel)).as_deref(), Some("components[1].type"));
}

#[test]
fn component_and_button_types_are_read_in_any_case() {
    let lower = json!([
        {"type": "header", "format": "text", "text": "Order"},
        {"type": "body", "text": "Hello."},
        {"type": "buttons", "buttons": [{"type": "quick_reply", "text": "OK"}]}
    ]);
    assert_eq!(first_problem(&with("MARKETING", lower)), None);
}

#[test]
fn a_text_header_is_one_line_of_60_characters_with_one_sampled_variable_at_most() {
    let header = |component: Value| with("UTILITY", json!([component, {"type": "BODY", "text": "Hello."}]));
    let sample = json!({"header_text": ["#1"]});
    let ok = json!({"type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": sample});
    assert_eq!(first_problem(&header(ok)), None);
    let cases = [
        (
            json!({"type": "HEADER", "format": "TEXT", "text": "Order {{1}}"}),
            "components[0].example.header_text",
        ),
        (json!({"type": "HEADER", "format": "TEXT", "text": "x".repeat(61)}), "components[0].text"),
        (json!({"type": "HEADER", "format": "TEXT", "text": "Two\nlines"}), "components[0].text"),
        (json!({"type": "HEADER", "format": "TEXT", "text": "{{1}} {{1}}"}), "components[0].text"),
        (json!({"type": "HEADER", "format": "TEXT", "text": "A {{1}} b {{1}}"}), "components[0].text"),
        (
            json!({"type": "HEADER", "format": "TEXT", "text": "Hi", "example": {"header_text": ["x"]}}),
            "components[0].example",
        ),
        (json!({"type": "HEADER", "format": "IMAGE"}), "components[0].example.header_handle"),
        (json!({"type": "HEADER", "format": "GIF"}), "components[0].format"),
    ];
    for (component, path) in cases {
        assert_eq!(path_of(&header(component.clone())).as_deref(), Some(path), "{component}");
    }
    let handle = json!({"header_handle": ["https://x.example/a.png"]});
    let image = json!({"type": "HEADER", "format": "IMAGE", "example": handle});
    assert_eq!(first_problem(&header(image)), None);
}

#[test]
fn a_footer_has_60_characters_and_no_variable() {
    let footer = |text: &str| {
        with("UTILITY", json!([{"type": "BODY", "text": "Hi."}, {"type": "FOOTER", "text": text}]))
    };
    assert_eq!(first_problem(&footer("Reply STOP to opt out")), None);
    assert_eq!(path_of(&footer("Hi {{1}}")).as_deref(), Some("components[1].text"));
    assert_eq!(path_of(&footer(&"x".repeat(61))).as_deref(), Some("components[1].text"));
}

#[test]
fn buttons_keep_the_per_type_limits_and_two_groups() {
    let qr = |text: &str| json!({"type": "QUICK_REPLY", "text": text});
    let link = json!({"type": "URL", "text": "Open", "url": "https://shop.example/o"});
    let call = json!({"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+15550051310"});
    assert_eq!(first_problem(&buttons(json!([link, call, qr("a"), qr("b")]))), None);
    assert_eq!(first_problem(&buttons(json!([qr("a"), qr("b"), link, call]))), None);
    let list = "components[1].buttons";
    assert_eq!(path_of(&buttons(json!([qr("a"), link, qr("b")]))).as_deref(), Some(list));
    assert_eq!(path_of(&buttons(json!([]))).as_deref(), Some(list));
    let eleven: Vec<Value> = (0..11).map(|i| qr(&format!("r{i}"))).collect();
    assert_eq!(path_of(&buttons(json!(eleven))).as_deref(), Some(list));
    assert_eq!(path_of(&buttons(json!([link, link, link]))).as_deref(), Some("components[1].buttons[2]"));
    assert_eq!(path_of(&buttons(json!([call, call]))).as_deref(), Some("components[1].buttons[1]"));
    assert_eq!(
        path_of(&buttons(json!([qr(&"x".repeat(26))]))).as_deref(),
        Some("components[1].buttons[0].text")
    );
    assert_eq!(
        path_of(&buttons(json!([{"type": "CALL", "text": "x"}]))).as_deref(),
        Some("components[1].buttons[0].type")
    );
}

#[test]
fn a_url_button_has_at_most_a_sampled_variable_at_its_very_end() {
    let url = |url: &str, example: Option<Value>| {
        let mut button = json!({"type": "URL", "text": "Open", "url": url});
        if let Some(example) = example {
            button["example"] = example;
        }
        buttons(json!([button]))
    };
    assert_eq!(first_problem(&url("https://shop.example/o/{{1}}", Some(json!(["1234"])))), None);
    let at = |path: &str| Some(format!("components[1].buttons[0].{path}"));
    assert_eq!(path_of(&url("https://shop.example/o/{{1}}", None)), at("example"));
    assert_eq!(path_of(&url("https://shop.example/o", Some(json!(["1234"])))), at("example"));
    assert_eq!(path_of(&url("https://shop.example/{{1}}/o", Some(json!(["1"])))), at("url"));
    assert_eq!(path_of(&url("https://shop.example/o/{{2}}", Some(json!(["1"])))), at("url"));
    assert_eq!(path_of(&url("ftp://shop.example/o", None)), at("url"));
}

#[test]
fn copy_code_is_for_marketing_and_otp_for_authentication_alone() {
    let copy = json!({"type": "COPY_CODE", "example": "SPRING15"});
    assert_eq!(first_problem(&buttons(json!([copy]))), None);
    let long = json!({"type": "COPY_CODE", "example": ["SPRING15SPRING15"]});
    assert_eq!(path_of(&buttons(json!([long]))).as_deref(), Some("components[1].buttons[0].example"));
    let utility =
        with("UTILITY", json!([{"type": "BODY", "text": "Hi."}, {"type": "BUTTONS", "buttons": [copy]}]));
    assert_eq!(path_of(&utility).as_deref(), Some("components[1].buttons[0]"));
    let otp = json!({"type": "OTP", "otp_type": "COPY_CODE"});
    assert_eq!(path_of(&buttons(json!([otp]))).as_deref(), Some("components[1].buttons[0]"));
}

#[test]
fn an_authentication_template_has_one_otp_button_and_may_leave_body_and_footer_text_to_meta() {
    let auth_with = |minutes: u64, buttons: Value| {
        let footer = json!({"type": "FOOTER", "code_expiration_minutes": minutes});
        with("AUTHENTICATION", json!([{"type": "BODY"}, footer, {"type": "BUTTONS", "buttons": buttons}]))
    };
    let auth = |buttons: Value| auth_with(5, buttons);
    assert_eq!(first_problem(&auth(json!([{"type": "OTP", "otp_type": "COPY_CODE"}]))), None);
    let one_tap = json!({"type": "OTP", "otp_type": "ONE_TAP"});
    assert_eq!(path_of(&auth(json!([one_tap]))).as_deref(), Some("components[2].buttons[0]"));
    let two = json!([{"type": "OTP", "otp_type": "COPY_CODE"}, {"type": "QUICK_REPLY", "text": "No"}]);
    assert_eq!(path_of(&auth(two)).as_deref(), Some("components[2].buttons[1]"));
    let no_buttons = with("AUTHENTICATION", json!([{"type": "BODY"}]));
    assert_eq!(path_of(&no_buttons).as_deref(), Some("components"));
    let minutes = auth_with(91, json!([{"type": "OTP", "otp_type": "COPY_CODE"}]));
    assert_eq!(path_of(&minutes).as_deref(), Some("components[1].code_expiration_minutes"));
}

fn in_repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn fixtures(folder: &str) -> Vec<PathBuf> {
    let dir = in_repo(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read fixture")).expect("fixture JSON")
}

/// The invalid fixtures whose broken rule creation itself refuses (name, category, language,
/// no BODY), as Meta answers them at once with code 100.
const REFUSED_AT_CREATION: [&str; 10] = [
    "body_missing",
    "category_legacy",
    "category_missing",
    "category_unknown",
    "components_missing",
    "language_missing",
    "language_unknown",
    "name_bad_chars",
    "name_missing",
    "name_too_long",
];

#[tokio::test]
async fn the_template_fixtures_are_approved_or_refused_as_their_readme_says() {
    let h = Harness::start("review_fixtures").await;
    let mut valid: Vec<Value> = ["tests/fixtures/templates/valid", "examples/templates"]
        .iter()
        .flat_map(|folder| fixtures(folder))
        .map(|path| read(&path))
        .collect();
    // The first template of the batch file is valid (its README).
    valid.push(read(&in_repo("tests/fixtures/templates/batch/two_templates.json"))[0].clone());
    let mut names = Vec::new();
    for (index, mut template) in valid.into_iter().enumerate() {
        let name = format!("valid_{index}");
        template["name"] = json!(name);
        let (status, created) = h.post("/v1/configs/templates", template).await;
        assert_eq!(status, 200, "{created}");
        names.push(name);
    }
    let invalid = fixtures("tests/fixtures/templates/invalid");
    assert!(invalid.len() > 40, "{invalid:?}");
    let mut reviewed = Vec::new();
    for path in invalid {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let mut template = read(&path);
        if !stem.starts_with("name_") {
            template["name"] = json!(stem);
        }
        let (status, answer) = h.post("/v1/configs/templates", template).await;
        let refused = REFUSED_AT_CREATION.contains(&stem.as_str());
        assert_eq!(status, if refused { 400 } else { 200 }, "{stem}: {answer}");
        if !refused {
            reviewed.push(stem);
        }
    }
    let (_, listed) = h.get("/v1/configs/templates?limit=1000").await;
    let status = |name: &str| {
        let all = listed["waba_templates"].as_array().expect("list");
        let template = all.iter().find(|t| t["name"] == name).unwrap_or_else(|| panic!("{name} listed"));
        (template["status"].as_str().unwrap_or_default().to_owned(), template["rejected_reason"].clone())
    };
    for name in &names {
        assert_eq!(status(name), ("approved".to_owned(), json!("NONE")), "{name}");
    }
    for name in &reviewed {
        assert_eq!(status(name), ("rejected".to_owned(), json!("INVALID_FORMAT")), "{name}");
    }
    h.finish().await;
}
