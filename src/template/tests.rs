//! Unit tests of the template module: one per rule, the examples, the fixtures and their README,
//! file reading with lines, and robustness against odd input.

use serde_json::{Value, json};

use super::*;

const ORDER_UPDATE: &str = include_str!("../../examples/templates/order_update.json");
const SPRING_SALE: &str = include_str!("../../examples/templates/spring_sale.json");
const LOGIN_CODE: &str = include_str!("../../examples/templates/login_code.json");
const README: &str = include_str!("../../tests/fixtures/templates/README.md");

macro_rules! fixtures {
    ($($file:literal,)*) => {
        &[$(($file, include_str!(concat!("../../tests/fixtures/templates/", $file)))),*]
    };
}

/// Every fixture file, by its path under `tests/fixtures/templates/`.
const FIXTURES: &[(&str, &str)] = fixtures![
    "invalid/authentication_with_quick_reply.json",
    "invalid/authentication_without_otp_button.json",
    "invalid/body_empty.json",
    "invalid/body_missing.json",
    "invalid/body_too_long.json",
    "invalid/body_twice.json",
    "invalid/button_text_missing.json",
    "invalid/button_text_too_long.json",
    "invalid/button_type_unknown.json",
    "invalid/buttons_eleven.json",
    "invalid/buttons_empty.json",
    "invalid/buttons_three_url.json",
    "invalid/buttons_twice.json",
    "invalid/buttons_two_phone.json",
    "invalid/category_legacy.json",
    "invalid/category_missing.json",
    "invalid/category_unknown.json",
    "invalid/component_type_unknown.json",
    "invalid/components_missing.json",
    "invalid/copy_code_example_too_long.json",
    "invalid/copy_code_outside_marketing.json",
    "invalid/example_for_no_variables.json",
    "invalid/example_missing.json",
    "invalid/example_wrong_count.json",
    "invalid/example_wrong_shape.json",
    "invalid/footer_too_long.json",
    "invalid/footer_twice.json",
    "invalid/footer_with_variable.json",
    "invalid/header_format_unknown.json",
    "invalid/header_line_break.json",
    "invalid/header_location_in_authentication.json",
    "invalid/header_media_without_handle.json",
    "invalid/header_too_long.json",
    "invalid/header_twice.json",
    "invalid/header_two_variables.json",
    "invalid/header_variable_without_example.json",
    "invalid/language_missing.json",
    "invalid/language_unknown.json",
    "invalid/name_bad_chars.json",
    "invalid/name_missing.json",
    "invalid/name_too_long.json",
    "invalid/otp_outside_authentication.json",
    "invalid/otp_type_missing.json",
    "invalid/phone_number_missing.json",
    "invalid/phone_number_too_long.json",
    "invalid/quick_replies_split.json",
    "invalid/url_missing.json",
    "invalid/url_too_long.json",
    "invalid/url_variable_not_at_end.json",
    "invalid/url_variable_without_example.json",
    "invalid/variable_at_end.json",
    "invalid/variable_at_start.json",
    "invalid/variable_malformed.json",
    "invalid/variable_unclosed.json",
    "invalid/variable_zero.json",
    "invalid/variables_adjacent.json",
    "invalid/variables_not_sequential.json",
    "batch/two_templates.json",
    "unreadable/array_with_string.json",
    "unreadable/empty_array.json",
    "unreadable/not_a_template.json",
    "unreadable/syntax_error.json",
    "valid/authentication_meta_form.json",
    "valid/buttons_others_then_quick_replies.json",
    "valid/unknown_fields_kept.json",
];

fn parse(source: &str) -> Value {
    match serde_json::from_str(source) {
        Ok(value) => value,
        Err(error) => panic!("example is not JSON: {error}"),
    }
}

/// A valid UTILITY template with `components`.
fn template(components: Value) -> Value {
    json!({"name": "order_update", "category": "UTILITY", "language": "en_US", "components": components})
}

fn body() -> Value {
    json!({"type": "BODY", "text": "Hi {{1}}, your order {{2}} has shipped.",
           "example": {"body_text": [["Emilia", "#1234"]]}})
}

fn body_text(text: &str, examples: &[&str]) -> Value {
    template(json!([{"type": "BODY", "text": text, "example": {"body_text": [examples]}}]))
}

fn with_buttons(category: &str, buttons: Value) -> Value {
    let mut t = template(json!([body(), {"type": "BUTTONS", "buttons": buttons}]));
    t["category"] = json!(category);
    t
}

fn qr(text: &str) -> Value {
    json!({"type": "QUICK_REPLY", "text": text})
}

fn url() -> Value {
    json!({"type": "URL", "text": "Track", "url": "https://shop.example/o/{{1}}", "example": ["1234"]})
}

fn phone() -> Value {
    json!({"type": "PHONE_NUMBER", "text": "Call us", "phone_number": "+15550051310"})
}

/// Asserts `template` breaks exactly one rule, at `path`, with a message containing `fragment`.
#[track_caller]
fn assert_one(template: &Value, path: &str, fragment: &str) {
    let problems = validate(template);
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    assert_eq!(problems[0].path, path, "{problems:#?}");
    assert!(problems[0].message.contains(fragment), "{:?} lacks {fragment:?}", problems[0].message);
    assert_eq!(problems[0].line, None);
}

#[track_caller]
fn assert_valid(template: &Value) {
    let problems = validate(template);
    assert!(problems.is_empty(), "{problems:#?}");
}

// ---------------------------------------------------------------- examples and fixtures

#[test]
fn examples_validate_clean() {
    for source in [ORDER_UPDATE, SPRING_SALE, LOGIN_CODE] {
        assert_valid(&parse(source));
        let reports = validate_source(source).unwrap_or_default();
        assert_eq!(reports.len(), 1);
        assert!(reports[0].problems.is_empty());
    }
}

/// The cells of a README table row, code spans unwrapped (`` `x` `` and ``` `` x `` ```).
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    let unwrap = |cell: &str| {
        let cell = cell.trim();
        let double = cell.strip_prefix("`` ").and_then(|c| c.strip_suffix(" ``"));
        let single = cell.strip_prefix('`').and_then(|c| c.strip_suffix('`'));
        double.or(single).unwrap_or(cell).to_owned()
    };
    inner.split(" | ").map(unwrap).collect()
}

fn line_cell(cell: &str) -> Option<usize> {
    cell.parse().ok()
}

#[test]
fn fixtures_match_readme() {
    let rows: Vec<Vec<String>> = README.lines().filter(|l| l.starts_with("| `")).map(cells).collect();
    for (file, _) in FIXTURES {
        assert!(rows.iter().any(|row| row[0] == *file), "{file} is not in the README");
    }
    for row in &rows {
        let file = row[0].as_str();
        let Some((_, source)) = FIXTURES.iter().find(|(name, _)| *name == file) else {
            panic!("{file} is in the README but not in FIXTURES");
        };
        let result = validate_source(source);
        match (file.split('/').next(), row.len()) {
            (Some("invalid"), 4) => {
                let reports = result.unwrap_or_default();
                assert_eq!(reports.len(), 1, "{file}");
                let problems = &reports[0].problems;
                assert_eq!(problems.len(), 1, "{file}: {problems:#?}");
                assert_eq!(problems[0].path, row[1], "{file}");
                assert_eq!(problems[0].line, line_cell(&row[2]), "{file}");
                assert_eq!(problems[0].message, row[3], "{file}");
            }
            (Some("batch"), 5) => {
                let reports = result.unwrap_or_default();
                let found: Vec<(usize, &Problem)> =
                    reports.iter().flat_map(|r| r.problems.iter().map(move |p| (r.index, p))).collect();
                let expected = rows.iter().filter(|r| r[0] == file).count();
                assert_eq!(found.len(), expected, "{file}: {found:#?}");
                let index: usize = row[1].parse().unwrap_or(usize::MAX);
                let hit = found.iter().find(|(i, p)| *i == index && p.path == row[2]);
                let Some((_, problem)) = hit else { panic!("{file}: no problem at {}", row[2]) };
                assert_eq!(problem.line, line_cell(&row[3]), "{file}");
                assert_eq!(problem.message, row[4], "{file}");
            }
            (Some("unreadable"), 3) => {
                let Err(error) = result else { panic!("{file} should not be readable") };
                assert_eq!(error.line(), line_cell(&row[1]), "{file}");
                assert_eq!(error.to_string(), row[2], "{file}");
            }
            (Some("valid"), 2) => {
                let reports = result.unwrap_or_default();
                assert!(!reports.is_empty(), "{file}");
                for report in reports {
                    assert!(report.problems.is_empty(), "{file}: {:#?}", report.problems);
                }
            }
            _ => panic!("unexpected README row {row:?}"),
        }
    }
}

// ---------------------------------------------------------------- name, category, language

#[test]
fn name_refuses_capitals_and_dashes() {
    let mut t = template(json!([body()]));
    t["name"] = json!("Order-Update");
    assert_one(&t, "name", "e.g. \"order_update\"");
}

#[test]
fn name_allows_512_characters_but_not_513() {
    let mut t = template(json!([body()]));
    t["name"] = json!("a".repeat(512));
    assert_valid(&t);
    t["name"] = json!("a".repeat(513));
    assert_one(&t, "name", "513 characters long, the limit is 512");
}

#[test]
fn name_is_required_and_must_be_a_string() {
    let mut t = template(json!([body()]));
    t["name"] = json!(5);
    assert_one(&t, "name", "name must be a string, not a number");
    t["name"] = json!("");
    assert_one(&t, "name", "name is empty");
    if let Some(root) = t.as_object_mut() {
        root.remove("name");
    }
    assert_one(&t, "name", "name is missing");
}

#[test]
fn legacy_category_is_refused_for_new_templates_but_parsed_on_read() {
    let mut t = template(json!([body()]));
    t["category"] = json!("TICKET_UPDATE");
    assert_one(&t, "category", "legacy category");
    assert_eq!(Category::parse("OTP"), Some(Category::Legacy("OTP".into())));
    assert_eq!(Category::parse("UTILITY"), Some(Category::Utility));
    assert_eq!(Category::parse("utility"), None);
    assert_eq!(CATEGORIES, ["MARKETING", "UTILITY", "AUTHENTICATION"]);
}

#[test]
fn category_must_be_a_current_one_in_capitals() {
    let mut t = template(json!([body()]));
    t["category"] = json!("marketing");
    assert_one(&t, "category", "use \"MARKETING\"");
    t["category"] = json!("PROMOTION");
    assert_one(&t, "category", "unknown category \"PROMOTION\"");
}

#[test]
fn language_must_be_a_meta_code_and_gets_a_suggestion() {
    let mut t = template(json!([body()]));
    t["language"] = json!("en-us");
    assert_one(&t, "language", "use \"en_US\"");
    t["language"] = json!("klingon");
    assert_one(&t, "language", "Meta locale code");
    assert!(is_known_language("pt_BR") && is_known_language("fil") && !is_known_language("en-US"));
}

// ---------------------------------------------------------------- components

#[test]
fn components_must_be_an_array_with_one_body() {
    let mut t = template(json!("BODY"));
    assert_one(&t, "components", "must be an array, not a string");
    t["components"] = json!([]);
    assert_one(&t, "components", "no BODY component");
    t["components"] = json!([body(), body()]);
    assert_one(&t, "components[1]", "second BODY component");
}

#[test]
fn header_footer_and_buttons_appear_at_most_once() {
    let header = json!({"type": "HEADER", "format": "TEXT", "text": "Hello"});
    assert_one(&template(json!([header, body(), header])), "components[2]", "second HEADER");
    let footer = json!({"type": "FOOTER", "text": "Northwind"});
    assert_one(&template(json!([body(), footer, footer])), "components[2]", "second FOOTER");
    let buttons = json!({"type": "BUTTONS", "buttons": [qr("Yes")]});
    assert_one(&template(json!([body(), buttons, buttons])), "components[2]", "second BUTTONS");
}

#[test]
fn unknown_component_types_are_reported() {
    let t = template(json!([body(), {"type": "CAROUSEL"}, {"format": "TEXT"}, 7]));
    let problems = validate(&t);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["components[1].type", "components[2].type", "components[3]"]);
    assert!(problems[0].message.contains("unknown component type \"CAROUSEL\""));
    assert!(problems[1].message.contains("component type is missing"));
}

// ---------------------------------------------------------------- body

#[test]
fn body_length_counts_characters_not_bytes() {
    let text = format!("Hi {{{{1}}}}, {} ok", "é".repeat(1011));
    assert_eq!(text.chars().count(), 1024);
    assert_valid(&body_text(&text, &["Emilia"]));
    let text = format!("{text}!");
    assert_one(&body_text(&text, &["Emilia"]), "components[0].text", "1025 characters long");
}

#[test]
fn body_text_is_required() {
    assert_one(&template(json!([{"type": "BODY"}])), "components[0].text", "body text is missing");
    assert_one(&body_text("   ", &[]), "components[0].text", "body text is empty");
}

// ---------------------------------------------------------------- variables

#[test]
fn variables_must_be_sequential_but_may_repeat() {
    let t = body_text("Hi {{1}}, order {{3}} is ready.", &["Emilia", "#1"]);
    assert_one(&t, "components[0].text", "body uses {{3}} but not {{2}}");
    assert_valid(&body_text("Hi {{1}}, yes {{1}}, it is ready.", &["Emilia"]));
    let t = body_text("Hi {{2}}, it is ready.", &["Emilia"]);
    assert_one(&t, "components[0].text", "body uses {{2}} but not {{1}}");
}

#[test]
fn body_must_not_start_or_end_with_a_variable() {
    let t = body_text("  {{1}}, your order is ready.", &["Emilia"]);
    assert_one(&t, "components[0].text", "body starts with variable {{1}}");
    let t = body_text("Your order is ready, {{1}} \n", &["Emilia"]);
    assert_one(&t, "components[0].text", "body ends with variable {{1}}");
    assert_valid(&body_text("Your order is ready, {{1}}.", &["Emilia"]));
}

#[test]
fn variables_must_not_be_side_by_side() {
    let t = body_text("Hi {{1}} \n {{2}}, ready.", &["a", "b"]);
    assert_one(&t, "components[0].text", "{{1}} and {{2}} side by side");
    assert_valid(&body_text("Hi {{1}} and {{2}}, ready.", &["a", "b"]));
}

#[test]
fn malformed_zero_and_unclosed_placeholders_are_reported() {
    let t = body_text("Hi {{ name }} and {{first}}, ready.", &[]);
    assert_one(&t, "components[0].text", "malformed variable {{ name }} (and 1 more)");
    assert_one(&body_text("Hi {{0}}, ready.", &[]), "components[0].text", "{{0}}");
    assert_one(&body_text("Hi {{01}}, ready.", &[]), "components[0].text", "malformed");
    assert_one(&body_text("Hi {{1, ready.", &[]), "components[0].text", "unclosed");
}

#[test]
fn body_variables_need_one_example_each() {
    let missing = template(json!([{"type": "BODY", "text": "Hi {{1}}, order {{2}}."}]));
    assert_one(&missing, "components[0].example", "body has 2 variables but no example");
    let t = body_text("Hi {{1}}, order {{2}}.", &["Emilia"]);
    let message = "body has 2 variables but example.body_text[0] has 1 value: give one example per variable";
    assert_one(&t, "components[0].example.body_text[0]", message);
    let no_body_text = template(json!([{"type": "BODY", "text": "Hi {{1}}.", "example": {}}]));
    assert_one(&no_body_text, "components[0].example.body_text", "no example.body_text");
    let flat = json!([{"type": "BODY", "text": "Hi {{1}}.", "example": {"body_text": ["Emilia"]}}]);
    assert_one(&template(flat), "components[0].example.body_text", "one array of strings");
    let number = json!([{"type": "BODY", "text": "Hi {{1}}.", "example": {"body_text": [[5]]}}]);
    assert_one(&template(number), "components[0].example.body_text[0][0]", "must be a string");
    assert_one(&body_text("Ready.", &["x"]), "components[0].example.body_text[0]", "no variables");
}

// ---------------------------------------------------------------- header

fn header(value: Value) -> Value {
    template(json!([value, body()]))
}

#[test]
fn text_header_is_at_most_60_characters_on_one_line() {
    assert_valid(&header(json!({"type": "HEADER", "format": "TEXT", "text": "h".repeat(60)})));
    let long = header(json!({"type": "HEADER", "format": "TEXT", "text": "h".repeat(61)}));
    assert_one(&long, "components[0].text", "61 characters long, the limit is 60");
    let lines = header(json!({"type": "HEADER", "format": "TEXT", "text": "Order\nupdate"}));
    assert_one(&lines, "components[0].text", "line breaks");
}

#[test]
fn text_header_has_at_most_one_variable_with_its_example() {
    let two = json!({"type": "HEADER", "format": "TEXT", "text": "{{1}} for {{2}}"});
    assert_one(&header(two), "components[0].text", "header has 2 variables, the limit is 1");
    let no_example = json!({"type": "HEADER", "format": "TEXT", "text": "Order {{1}}"});
    assert_one(&header(no_example), "components[0].example", "header has a variable but no example");
    let bad = json!({"type": "HEADER", "format": "TEXT", "text": "Order {{1}}",
                     "example": {"header_text": ["a", "b"]}});
    assert_one(&header(bad), "components[0].example.header_text", "one string");
    let good = json!({"type": "HEADER", "format": "TEXT", "text": "Order {{1}}",
                      "example": {"header_text": ["#1234"]}});
    assert_valid(&header(good));
}

#[test]
fn media_header_needs_one_header_handle() {
    for format in ["IMAGE", "VIDEO", "DOCUMENT"] {
        let t = header(json!({"type": "HEADER", "format": format}));
        assert_one(&t, "components[0].example", &format!("{format} header needs a sample file"));
    }
    let two = json!({"type": "HEADER", "format": "IMAGE",
                     "example": {"header_handle": ["https://a.example/1.jpg", "https://a.example/2.jpg"]}});
    assert_one(&header(two), "components[0].example.header_handle", "one upload handle or URL");
    let one = json!({"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1h"]}});
    assert_valid(&header(one));
}

#[test]
fn header_format_is_checked() {
    let t = header(json!({"type": "HEADER", "format": "GIF"}));
    assert_one(&t, "components[0].format", "unknown HEADER format \"GIF\"");
    assert_one(&header(json!({"type": "HEADER"})), "components[0].format", "format is missing");
    assert_valid(&header(json!({"type": "HEADER", "format": "LOCATION"})));
}

// ---------------------------------------------------------------- footer

#[test]
fn footer_is_plain_text_up_to_60_characters() {
    let t = template(json!([body(), {"type": "FOOTER", "text": "Sent to {{1}}"}]));
    assert_one(&t, "components[1].text", "footer cannot contain variables: remove {{1}}");
    let t = template(json!([body(), {"type": "FOOTER", "text": "f".repeat(61)}]));
    assert_one(&t, "components[1].text", "61 characters long, the limit is 60");
    let t = template(json!([body(), {"type": "FOOTER"}]));
    assert_one(&t, "components[1].text", "footer text is missing");
}

// ---------------------------------------------------------------- buttons

#[test]
fn at_most_ten_buttons() {
    let ten: Vec<Value> = (1..=10).map(|i| qr(&format!("Option {i}"))).collect();
    assert_valid(&with_buttons("MARKETING", json!(ten)));
    let mut eleven = ten.clone();
    eleven.push(qr("Option 11"));
    assert_one(
        &with_buttons("MARKETING", json!(eleven)),
        "components[1].buttons",
        "11 buttons, the limit is 10",
    );
}

#[test]
fn at_most_two_url_buttons_and_one_phone_button() {
    let t = with_buttons("UTILITY", json!([url(), url(), url()]));
    assert_one(&t, "components[1].buttons[2]", "too many URL buttons");
    let t = with_buttons("UTILITY", json!([phone(), phone()]));
    assert_one(&t, "components[1].buttons[1]", "too many PHONE_NUMBER buttons");
    assert_valid(&with_buttons("UTILITY", json!([url(), url(), phone()])));
}

#[test]
fn copy_code_is_marketing_only_and_single() {
    let code = json!({"type": "COPY_CODE", "example": "SPRING20"});
    assert_one(&with_buttons("UTILITY", json!([code])), "components[1].buttons[0]", "only in MARKETING");
    let t = with_buttons("MARKETING", json!([code, code]));
    assert_one(&t, "components[1].buttons[1]", "too many COPY_CODE buttons");
    let long = json!([{"type": "COPY_CODE", "example": "x".repeat(16)}]);
    assert_one(&with_buttons("MARKETING", long), "components[1].buttons[0].example", "limit is 15");
}

#[test]
fn otp_is_authentication_only() {
    let otp = json!({"type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code"});
    let t = with_buttons("UTILITY", json!([otp]));
    assert_one(&t, "components[1].buttons[0]", "OTP buttons are allowed only in AUTHENTICATION");
    assert_valid(&with_buttons("AUTHENTICATION", json!([otp])));
    let t = with_buttons("AUTHENTICATION", json!([otp, qr("Not me")]));
    assert_one(&t, "components[1].buttons[1]", "take only one OTP button");
    let t = with_buttons("AUTHENTICATION", json!([{"type": "OTP", "otp_type": "MAGIC"}]));
    assert_one(&t, "components[1].buttons[0].otp_type", "unknown otp_type \"MAGIC\"");
    let t = with_buttons("AUTHENTICATION", json!([{"type": "OTP", "otp_type": "ONE_TAP"}]));
    assert_one(&t, "components[1].buttons[0]", "supported_apps");
}

#[test]
fn authentication_needs_an_otp_button() {
    let mut t = template(json!([body()]));
    t["category"] = json!("AUTHENTICATION");
    assert_one(&t, "components", "need a BUTTONS component with one OTP button");
}

#[test]
fn button_text_is_1_to_25_characters() {
    assert_valid(&with_buttons("UTILITY", json!([qr(&"b".repeat(25))])));
    let t = with_buttons("UTILITY", json!([qr(&"b".repeat(26))]));
    assert_one(&t, "components[1].buttons[0].text", "26 characters long, the limit is 25");
    let t = with_buttons("UTILITY", json!([{"type": "QUICK_REPLY"}]));
    assert_one(&t, "components[1].buttons[0].text", "button text is missing");
}

#[test]
fn quick_replies_form_one_contiguous_group() {
    assert_valid(&with_buttons("UTILITY", json!([qr("a"), qr("b"), url()])));
    assert_valid(&with_buttons("UTILITY", json!([url(), qr("a"), qr("b")])));
    assert_valid(&with_buttons("UTILITY", json!([qr("a"), qr("b"), url(), phone()])));
    let t = with_buttons("UTILITY", json!([qr("a"), url(), qr("b")]));
    assert_one(
        &t,
        "components[1].buttons[2]",
        "move this QUICK_REPLY button next to the other quick replies",
    );
    let t = with_buttons("UTILITY", json!([url(), qr("a"), phone()]));
    assert_one(&t, "components[1].buttons[2]", "move this PHONE_NUMBER button");
}

#[test]
fn phone_number_is_required_and_at_most_20_characters() {
    let long = json!([{"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+".repeat(21)}]);
    assert_one(&with_buttons("UTILITY", long), "components[1].buttons[0].phone_number", "limit is 20");
    let missing = json!([{"type": "PHONE_NUMBER", "text": "Call"}]);
    assert_one(
        &with_buttons("UTILITY", missing),
        "components[1].buttons[0].phone_number",
        "needs a phone_number",
    );
}

fn url_button(url: &str, example: Option<Value>) -> Value {
    let mut button = json!({"type": "URL", "text": "Open", "url": url});
    if let Some(example) = example {
        button["example"] = example;
    }
    with_buttons("UTILITY", json!([button]))
}

#[test]
fn url_is_required_at_most_2000_characters_with_one_trailing_variable() {
    let path = "components[1].buttons[0].url";
    assert_valid(&url_button("https://shop.example/", None));
    let long = format!("https://shop.example/{}", "a".repeat(1980));
    assert_one(&url_button(&long, None), path, "2001 characters long, the limit is 2000");
    let t = url_button("https://shop.example/{{1}}/track", Some(json!(["1"])));
    assert_one(&t, path, "at the very end");
    let t = url_button("https://shop.example/{{1}}/{{2}}", Some(json!(["1"])));
    assert_one(&t, path, "url has 2 variables, the limit is 1");
    let t = url_button("https://shop.example/{{2}}", Some(json!(["1"])));
    assert_one(&t, path, "must be {{1}}");
    assert_one(&url_button("shop.example/x", None), path, "must start with https://");
    let t = with_buttons("UTILITY", json!([{"type": "URL", "text": "Open"}]));
    assert_one(&t, path, "needs a url");
}

#[test]
fn url_variable_needs_one_example() {
    let path = "components[1].buttons[0].example";
    assert_one(&url_button("https://shop.example/{{1}}", None), path, "url has a variable but no example");
    let t = url_button("https://shop.example/{{1}}", Some(json!("1234")));
    assert_one(&t, path, "an array with one string");
    assert_valid(&url_button("https://shop.example/{{1}}", Some(json!(["1234"]))));
}

#[test]
fn unknown_and_malformed_buttons_are_reported() {
    let t = with_buttons("UTILITY", json!([{"type": "CALL", "text": "Call"}, "QUICK_REPLY", {"text": "x"}]));
    let paths: Vec<String> = validate(&t).into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        ["components[1].buttons[0].type", "components[1].buttons[1]", "components[1].buttons[2].type"]
    );
    let t = template(json!([body(), {"type": "BUTTONS"}]));
    assert_one(&t, "components[1].buttons", "has no buttons");
}

// ---------------------------------------------------------------- all at once, in order

#[test]
fn every_problem_is_reported_in_document_order() {
    let t = json!({
        "category": "ALERT_UPDATE",
        "components": [
            {"type": "BODY", "text": "{{1}} {{2}}"},
            {"type": "FOOTER", "text": "{{1}}"},
            {"type": "BUTTONS", "buttons": [qr(""), url(), qr("b")]}
        ],
        "name": "Bad Name",
        "language": "xx"
    });
    let problems = validate(&t);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "category",
            "components[0].example", // missing: sorts with components[0], before its text
            "components[0].text",
            "components[0].text",
            "components[0].text",
            "components[1].text",
            "components[2].buttons[0].text",
            "components[2].buttons[2]",
            "name",
            "language",
        ],
        "{problems:#?}"
    );
}

#[test]
fn missing_values_sort_with_their_parent() {
    let t = json!({"components": [{"type": "BODY", "text": "Hi {{1}}."}], "category": "UTILITY"});
    let paths: Vec<String> = validate(&t).into_iter().map(|p| p.path).collect();
    assert_eq!(paths, ["name", "language", "components[0].example"]);
}

// ---------------------------------------------------------------- helpers for send

#[test]
fn placeholder_numbers_keep_order_and_duplicates() {
    assert_eq!(placeholder_numbers("Hi {{1}}, {{2}} or {{1}}? {{ x }} {{0}} {{3"), [1, 2, 1]);
    assert!(placeholder_numbers("").is_empty());
}

#[test]
fn expected_parameters_of_the_examples() {
    let order = expected_parameters(&parse(ORDER_UPDATE));
    assert_eq!(order.header, HeaderParameter::Text);
    assert_eq!(order.body, 3);
    assert_eq!(order.url_buttons, [0]);
    let sale = expected_parameters(&parse(SPRING_SALE));
    assert_eq!(sale.header, HeaderParameter::Media(HeaderFormat::Image));
    assert_eq!((sale.body, sale.copy_code_buttons.as_slice()), (2, &[2][..]));
    let login = expected_parameters(&parse(LOGIN_CODE));
    assert_eq!(
        (login.header, login.body, login.otp_buttons.as_slice()),
        (HeaderParameter::None, 1, &[0][..])
    );
}

#[test]
fn expected_parameters_reads_api_listings_leniently() {
    let listed = json!({"category": "authentication", "components": [
        {"type": "body"}, {"type": "buttons", "buttons": [{"type": "otp", "otp_type": "COPY_CODE"}]}]});
    let expected = expected_parameters(&listed);
    assert_eq!((expected.body, expected.otp_buttons.as_slice()), (1, &[0][..]));
    let located = json!({"components": [{"type": "HEADER", "format": "LOCATION"},
        {"type": "BODY", "text": "{{1}} {{1}} {{2}}"},
        {"type": "BUTTONS", "buttons": [url(), {"type": "URL", "url": "https://x.example"}, url()]}]});
    let expected = expected_parameters(&located);
    assert_eq!(expected.header, HeaderParameter::Location);
    assert_eq!(expected.body, 2);
    assert_eq!(expected.url_buttons, [0, 2]);
    assert_eq!(expected_parameters(&json!(null)), ExpectedParameters::default());
}

// ---------------------------------------------------------------- files and lines

#[test]
fn locate_line_follows_nested_paths() {
    assert_eq!(locate_line(ORDER_UPDATE, "name"), Some(2));
    assert_eq!(locate_line(ORDER_UPDATE, "components[1].example.body_text[0]"), Some(16));
    assert_eq!(locate_line(ORDER_UPDATE, "components[3].buttons[0].url"), Some(28));
    assert_eq!(locate_line(ORDER_UPDATE, "components[3].buttons[1]"), Some(31));
    assert_eq!(locate_line(ORDER_UPDATE, "$"), Some(1));
}

#[test]
fn locate_line_falls_back_to_the_nearest_ancestor() {
    assert_eq!(locate_line(ORDER_UPDATE, "components[2].example"), Some(18));
    assert_eq!(locate_line(ORDER_UPDATE, "components[9].text"), Some(6));
    assert_eq!(locate_line(ORDER_UPDATE, "nothing.here"), Some(1));
}

#[test]
fn locate_line_targets_array_elements_and_decodes_keys() {
    let source = "[\n  {\"name\": \"a\"},\n  {\n    \"na\\u006de\": \"b\",\n    \"x\": \"}\\\"{\"\n  }\n]";
    assert_eq!(locate_line(source, "[1].name"), Some(4));
    assert_eq!(locate_line(source, "[1].x"), Some(5));
    assert_eq!(locate_line(source, "[0].name"), Some(2));
    assert_eq!(locate_line(source, "[2].name"), Some(1));
    assert_eq!(locate_line("{\"a\": 1, \"a\":\n 2}", "a"), Some(1));
    assert_eq!(locate_line("{\"a\": 1,\n \"a\": 2}", "a"), Some(2));
}

#[test]
fn locate_line_refuses_broken_json_and_paths() {
    assert_eq!(locate_line("{\"a\": ", "a"), None);
    assert_eq!(locate_line(ORDER_UPDATE, "components[x]"), None);
    assert_eq!(locate_line(ORDER_UPDATE, "components..text"), None);
}

#[test]
fn validate_source_fills_lines_for_each_template_of_an_array() {
    let source = format!(
        "[\n{ORDER_UPDATE},\n{{\n  \"name\": \"Bad\",\n  \"category\": \"UTILITY\",\n  \"language\": \"en\",\n  \"components\": [{{\"type\": \"BODY\", \"text\": \"Hi\"}}]\n}}\n]"
    );
    let reports = validate_source(&source).unwrap_or_default();
    assert_eq!(reports.len(), 2);
    assert!(reports[0].problems.is_empty());
    assert_eq!(reports[0].name.as_deref(), Some("order_update"));
    assert_eq!(reports[1].index, 1);
    assert_eq!(reports[1].language.as_deref(), Some("en"));
    let line = source.lines().position(|l| l.contains("\"Bad\"")).map(|i| i + 1);
    let problem = &reports[1].problems[0];
    assert_eq!((problem.path.as_str(), problem.line), ("name", line));
    assert_eq!(reports[1].problems.len(), 1);
    assert_eq!(reports[1].template["components"][0]["text"], "Hi");
}

#[test]
fn parse_errors_carry_line_and_column() {
    let error = parse_source("{\n  \"name\": \"a\",\n  \"language\" \"en\"\n}");
    let Err(SourceError::Syntax { line, column, message }) = error else { panic!("{error:?}") };
    assert_eq!((line, column), (3, 14));
    assert!(message.starts_with("expected `:`"), "{message}");
    assert_eq!(parse_source("[]"), Err(SourceError::Empty));
    let Err(error) = parse_source("\n\n42") else { panic!("a number is not a template") };
    assert_eq!(error.line(), Some(3));
    assert!(error.to_string().contains("expected a template object or an array of template objects"));
    assert!(matches!(parse_source(""), Err(SourceError::Syntax { line: 1, .. })));
}

#[test]
fn parse_source_reads_one_object_or_an_array_and_skips_a_bom() {
    assert_eq!(parse_source("\u{feff}{\"name\": \"a\"}").map(|t| t.len()), Ok(1));
    assert_eq!(parse_source("[{}, {}]").map(|t| t.len()), Ok(2));
}

#[test]
fn problems_serialize_without_an_unknown_line() {
    let problem = Problem { path: "name".into(), message: "m".into(), line: None };
    assert_eq!(serde_json::to_value(&problem).ok(), Some(json!({"path": "name", "message": "m"})));
    let encoded = serde_json::to_value(expected_parameters(&parse(SPRING_SALE))).ok();
    assert_eq!(encoded.and_then(|v| v.get("header").cloned()), Some(json!({"media": "IMAGE"})));
}

// ---------------------------------------------------------------- robustness

#[test]
fn odd_values_never_panic() {
    for odd in [json!([]), json!(null), json!(42), json!("x"), json!({})] {
        assert!(!validate(&odd).is_empty());
    }
    assert_eq!(validate(&json!([]))[0].path, "");
    let weird = json!({"name": 1, "category": [], "language": {}, "components": [
        null, [], "BODY", {"type": 5}, {"type": "BODY", "text": 5, "example": 5},
        {"type": "HEADER", "format": "TEXT", "text": ["x"], "example": {"header_text": 5}},
        {"type": "FOOTER", "text": {}, "code_expiration_minutes": "ten"},
        {"type": "BUTTONS", "buttons": [null, {"type": "URL", "url": 5, "text": 5, "example": {}},
            {"type": "PHONE_NUMBER", "phone_number": []}, {"type": "COPY_CODE", "example": [1]},
            {"type": "OTP", "otp_type": 1}]}
    ]});
    let problems = validate(&weird);
    assert!(problems.len() > 10, "{problems:#?}");
    assert!(problems.iter().all(|p| !p.message.is_empty()));
}

#[test]
fn huge_texts_are_handled_in_linear_time() {
    let braces = "{{".repeat(500_000);
    let problems = validate(&body_text(&braces, &[]));
    assert!(problems.iter().any(|p| p.message.contains("unclosed")));
    let many = format!("{}end.", "a {{1}} ".repeat(100_000));
    let problems = validate(&body_text(&many, &["x"]));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].message.contains("800004 characters long"));
    assert_eq!(placeholder_numbers(&many).len(), 100_000);
    let malformed = "{{x}} ".repeat(10_000);
    let problems = validate(&body_text(&format!("a {malformed}b"), &[]));
    assert!(problems[1].message.contains("{{x}} (and 9999 more)"), "{problems:#?}");
}

#[test]
fn deep_nesting_does_not_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(locate_line(&deep, "[0]"), None);
    assert!(parse_source(&deep).is_err());
    assert!(validate_source("[[[]]]").is_err());
}
