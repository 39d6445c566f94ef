//! Bad input never panics and every rejection says what is wrong: property tests (proptest, 256
//! cases each, no failure files) on template validation (`template::validate`,
//! `validate_source`, `locate_line`), webhook parsing (`webhook::parse`) and API error parsing
//! (`api::ApiError::parse`). Inputs are arbitrary JSON, arbitrary text and bytes, and the
//! fixtures under tests/fixtures/ with random parts replaced, removed or added, so that the
//! generated documents get past the first shape checks and reach the deeper rules.

mod json_edits;

use std::path::Path;
use std::sync::OnceLock;

use json_edits::{Size, apply};
use proptest::prelude::*;
use serde_json::{Value, json};
use whatsapp_ctl::api::ApiError;
use whatsapp_ctl::template;
use whatsapp_ctl::webhook::{self, MediaBase};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() }
}

/// Keys the parsers look for, so that random objects hit real branches.
const KEYS: &[&str] = &[
    "name",
    "category",
    "language",
    "components",
    "type",
    "format",
    "text",
    "example",
    "body_text",
    "header_text",
    "header_handle",
    "buttons",
    "url",
    "phone_number",
    "otp_type",
    "autofill_text",
    "allow_category_change",
    "object",
    "entry",
    "changes",
    "field",
    "value",
    "messages",
    "statuses",
    "errors",
    "contacts",
    "profile",
    "wa_id",
    "from",
    "id",
    "timestamp",
    "body",
    "image",
    "status",
    "recipient_id",
    "interactive",
    "button_reply",
    "list_reply",
    "location",
    "reaction",
    "error",
    "error_data",
    "details",
    "message",
    "code",
    "title",
    "meta",
    "developer_message",
    "developerMessage",
    "error_subcode",
    "error_user_msg",
];

/// Strings the rules care about, next to arbitrary text.
const WORDS: &[&str] = &[
    "",
    " ",
    "{{1}}",
    "{{0}}",
    "{{1}}{{2}}",
    "{{ 1 }}",
    "{{",
    "}}",
    "Hi {{1}}, order {{2}}",
    "MARKETING",
    "UTILITY",
    "AUTHENTICATION",
    "BODY",
    "HEADER",
    "FOOTER",
    "BUTTONS",
    "TEXT",
    "IMAGE",
    "LOCATION",
    "URL",
    "QUICK_REPLY",
    "PHONE_NUMBER",
    "OTP",
    "COPY_CODE",
    "en_US",
    "whatsapp_business_account",
    "messages",
    "(#131047) Re-engagement message",
    "(#",
    "é\u{0}\u{202e}\n\r\t",
];

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        2 => any::<String>(),
        1 => "[a-z_{}0-9 ]{0,40}",
        1 => "[ \t\r\n]{0,3}",
        1 => ".{0,2000}",
    ]
}

fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![4 => proptest::sample::select(KEYS).prop_map(str::to_owned), 1 => arb_text()]
}

const SIZE: Size = Size { depth: 4, nodes: 48, branch: 6, steps: 8 };

/// Any JSON value, up to a few levels deep.
fn arb_json() -> impl Strategy<Value = Value> {
    json_edits::arb_json(arb_key().boxed(), arb_text().boxed(), SIZE)
}

/// The parsed JSON files of a fixtures folder (recursively), read once.
fn fixtures(folder: &str) -> Vec<Value> {
    fn walk(dir: &Path, out: &mut Vec<Value>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                walk(&path, out);
            } else if let Ok(text) = std::fs::read_to_string(&path)
                && let Ok(value) = serde_json::from_str(&text)
            {
                out.push(value);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(folder), &mut out);
    assert!(!out.is_empty(), "no fixtures in {folder}");
    out
}

fn template_seeds() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds = fixtures("tests/fixtures/templates");
        seeds.extend(fixtures("examples/templates"));
        seeds
    })
}

fn webhook_seeds() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| fixtures("tests/fixtures/webhooks"))
}

fn api_error_seeds() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| fixtures("tests/fixtures/api-errors"))
}

fn arb_edits() -> impl Strategy<Value = Vec<json_edits::Edit>> {
    json_edits::arb_edits(arb_key().boxed(), arb_json().boxed(), SIZE)
}

/// A fixture from `seeds` with random edits, or (one time in four) arbitrary JSON.
fn arb_document(seeds: fn() -> &'static [Value]) -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => (any::<usize>(), arb_edits()).prop_map(move |(n, edits)| {
            let seeds = seeds();
            apply(seeds[n % seeds.len()].clone(), &edits)
        }),
        1 => arb_json(),
    ]
}

/// An error body of one of the shapes the API sends, with arbitrary field values.
fn arb_error_body() -> impl Strategy<Value = Value> {
    (0u8..6, arb_text(), arb_text(), arb_json()).prop_map(|(shape, a, b, extra)| match shape {
        0 => json!({"error": {"message": a, "code": extra, "error_user_msg": b}}),
        1 => json!({"error": a, "error_description": b}),
        2 => json!({"errors": [{"title": a, "message": b, "code": extra}]}),
        3 => json!({"meta": {"developer_message": a, "developerMessage": b, "details": [extra]}}),
        4 => json!({"message": a, "detail": extra}),
        _ => extra,
    })
}

/// The highest line number `source` has.
fn last_line(source: &str) -> usize {
    source.matches('\n').count() + 1
}

fn check_problems(problems: &[template::Problem], source: Option<&str>) -> Result<(), TestCaseError> {
    for problem in problems {
        prop_assert!(!problem.message.trim().is_empty(), "problem without a message: {problem:?}");
        if let (Some(line), Some(source)) = (problem.line, source) {
            prop_assert!(
                (1..=last_line(source)).contains(&line),
                "line {line} outside the file: {problem:?}"
            );
        }
    }
    Ok(())
}

fn check_source(source: &str) -> Result<(), TestCaseError> {
    match template::validate_source(source) {
        Ok(reports) => {
            prop_assert!(!reports.is_empty());
            for report in &reports {
                check_problems(&report.problems, Some(source))?;
            }
        }
        Err(err) => {
            prop_assert!(!err.to_string().trim().is_empty(), "empty error for {source:?}");
            if let Some(line) = err.line() {
                prop_assert!((1..=last_line(source)).contains(&line), "{err} outside the file");
            }
        }
    }
    Ok(())
}

/// A path into `doc` made by walking `steps`, in the `a.b[2].c` syntax, sometimes broken.
fn path_into(doc: &Value, steps: &[usize], garbage: &str) -> String {
    let mut path = String::new();
    let mut node = doc;
    for step in steps {
        match node {
            Value::Array(items) if !items.is_empty() => {
                let n = step % items.len();
                path.push_str(&format!("[{n}]"));
                node = &items[n];
            }
            Value::Object(map) if !map.is_empty() => {
                let n = step % map.len();
                let Some((key, child)) = map.iter().nth(n) else { break };
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                node = child;
            }
            _ => break,
        }
    }
    path.push_str(garbage);
    path
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn validate_never_panics_and_every_problem_has_a_message(doc in arb_document(template_seeds)) {
        check_problems(&template::validate(&doc), None)?;
    }

    #[test]
    fn validate_source_of_any_text_is_reports_or_a_clear_error(text in arb_text()) {
        check_source(&text)?;
    }

    #[test]
    fn validate_source_of_edited_template_files_locates_every_problem(
        docs in proptest::collection::vec(arb_document(template_seeds), 1..3),
        as_array in any::<bool>(),
        pretty in any::<bool>(),
        cut in any::<usize>(),
    ) {
        let value = if as_array || docs.len() > 1 { Value::Array(docs) } else { docs[0].clone() };
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap_or_default()
        } else {
            value.to_string()
        };
        check_source(&text)?;
        // The same file cut short at a character boundary: a syntax error with a line.
        let boundary = (0..=cut % (text.len() + 1)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        check_source(&text[..boundary])?;
    }

    #[test]
    fn locate_line_stays_inside_the_file(
        doc in arb_document(template_seeds),
        steps in proptest::collection::vec(any::<usize>(), 0..8),
        garbage in prop_oneof![Just(String::new()), "[\\[\\]a-z0-9_.$ ]{0,12}", any::<String>()],
        pretty in any::<bool>(),
        text in arb_text(),
    ) {
        let source = if pretty { serde_json::to_string_pretty(&doc).unwrap_or_default() } else { doc.to_string() };
        let path = path_into(&doc, &steps, &garbage);
        if let Some(line) = template::locate_line(&source, &path) {
            prop_assert!((1..=last_line(&source)).contains(&line), "{path:?} -> line {line}");
        }
        if let Some(line) = template::locate_line(&text, &path) {
            prop_assert!((1..=last_line(&text)).contains(&line), "{path:?} in {text:?} -> line {line}");
        }
    }

    #[test]
    fn webhook_parse_never_panics_and_names_what_is_wrong(payload in arb_document(webhook_seeds)) {
        match webhook::parse(&payload, &MediaBase::default()) {
            Err(err) => {
                prop_assert!(!err.to_string().trim().is_empty(), "empty error for {payload}");
                if let Some(path) = err.path() {
                    prop_assert!(!path.trim().is_empty(), "{err:?} has an empty path");
                }
            }
            // Every item that could not be read says where it is and why, naming a field under it.
            Ok(events) => {
                for invalid in events.iter().filter_map(webhook::Event::as_invalid) {
                    prop_assert!(!invalid.path.is_empty(), "{invalid:?} in {payload}");
                    prop_assert!(
                        invalid.reason.starts_with(&invalid.path) || invalid.path == "payload",
                        "{invalid:?} in {payload}"
                    );
                }
            }
        }
    }

    #[test]
    fn api_error_parse_of_any_json_gives_a_message(
        status in prop_oneof![400u16..600, any::<u16>()],
        body in prop_oneof![arb_document(api_error_seeds), arb_error_body()],
    ) {
        let err = ApiError::parse(status, body.to_string().as_bytes());
        prop_assert!(!err.message.trim().is_empty(), "no message for HTTP {status} {body}: {err:?}");
        prop_assert!(err.to_string().contains(&status.to_string()));
    }

    #[test]
    fn api_error_parse_of_any_bytes_gives_a_message(
        status in any::<u16>(),
        body in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..600),
            arb_text().prop_map(String::into_bytes),
        ],
    ) {
        let err = ApiError::parse(status, &body);
        prop_assert!(!err.message.trim().is_empty(), "no message for HTTP {status} {body:?}: {err:?}");
        if serde_json::from_slice::<Value>(&body).is_err() {
            prop_assert!(err.message.chars().count() <= 201, "a non-JSON body is cut short: {err:?}");
        }
    }
}
