//! The rules of the HEADER, BODY and FOOTER components: lengths, formats, variables and the
//! `example` each variable needs.

use serde_json::{Map, Value};

use super::placeholders::{self, var};
use super::rules::{Report, check_length, one_string, plural, string};
use super::{Category, HeaderFormat};
use crate::json_kind::kind;

/// Checks the HEADER component at `path` (`components[i]`): format, text or sample file.
pub(super) fn check_header(
    component: &Map<String, Value>,
    path: &str,
    category: Option<&Category>,
    report: &mut Report,
) {
    let formats = "use TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION";
    let format_path = format!("{path}.format");
    let missing = format!("HEADER format is missing: {formats}");
    let Some(name) = string(component.get("format"), &format_path, &missing, report) else {
        return;
    };
    let Some(format) = HeaderFormat::parse(name) else {
        report.add(format_path, format!("unknown HEADER format {name:?}: {formats}"));
        return;
    };
    match format {
        HeaderFormat::Text => check_text_header(component, path, report),
        HeaderFormat::Location if category == Some(&Category::Authentication) => {
            let message = "LOCATION headers are allowed only in UTILITY and MARKETING templates";
            report.add(format_path, message);
        }
        HeaderFormat::Location => {}
        media => {
            let example = format!("{path}.example");
            let handle = component.get("example").and_then(|e| e.get("header_handle"));
            let missing = format!(
                "{} header needs a sample file: add \"example\": {{\"header_handle\": [\"<upload handle or https URL>\"]}}",
                media.as_str()
            );
            match (component.get("example"), handle) {
                (None, _) => report.add(example, missing),
                (Some(_), None) => report.add(format!("{example}.header_handle"), missing),
                (Some(_), Some(handle)) if one_string(handle).is_none() => report.add(
                    format!("{example}.header_handle"),
                    "example.header_handle must be an array with one upload handle or URL",
                ),
                _ => {}
            }
        }
    }
}

fn check_text_header(component: &Map<String, Value>, path: &str, report: &mut Report) {
    let text_path = format!("{path}.text");
    let missing = "header text is missing: add 1 to 60 characters, or use another format";
    let Some(text) = string(component.get("text"), &text_path, missing, report) else {
        return;
    };
    check_length(text, &text_path, "header text", 60, report);
    if text.contains('\n') {
        report.add(&text_path, "header text cannot contain line breaks: keep it on one line");
    }
    let scan = placeholders::scan(text);
    for message in placeholders::variable_problems(&scan, text, "header") {
        report.add(&text_path, message);
    }
    let count = scan.numbers().count();
    if count > 1 {
        let message = format!("header has {count} variables, the limit is 1: keep only {}", var(1));
        report.add(&text_path, message);
        return;
    }
    let example = component.get("example");
    let sample = example.and_then(|e| e.get("header_text"));
    let example_path = format!("{path}.example");
    let shape = "example.header_text must be an array with one string, like [\"#1234\"]";
    match (count, example, sample) {
        (1, None, _) => report.add(
            example_path,
            "header has a variable but no example: add \"example\": {\"header_text\": [\"...\"]}",
        ),
        (1, Some(_), None) => report.add(
            format!("{example_path}.header_text"),
            "header has a variable but no example.header_text: add \"header_text\": [\"...\"]",
        ),
        (1, Some(_), Some(sample)) if one_string(sample).is_none() => {
            report.add(format!("{example_path}.header_text"), shape);
        }
        (0, Some(_), Some(_)) => report.add(
            format!("{example_path}.header_text"),
            format!(
                "header has no variable but example.header_text is set: remove it or add {} to the header",
                var(1)
            ),
        ),
        _ => {}
    }
}

/// Checks the BODY component at `path`: text, variables and `example.body_text`.
pub(super) fn check_body(
    component: &Map<String, Value>,
    path: &str,
    category: Option<&Category>,
    report: &mut Report,
) {
    let text_path = format!("{path}.text");
    if component.get("text").is_none() && category == Some(&Category::Authentication) {
        return; // Meta supplies the text of authentication bodies.
    }
    let missing = "body text is missing: add the message text (1 to 1024 characters)";
    let Some(text) = string(component.get("text"), &text_path, missing, report) else {
        return;
    };
    check_length(text, &text_path, "body text", 1024, report);
    let scan = placeholders::scan(text);
    let mut messages = placeholders::variable_problems(&scan, text, "body");
    messages.extend(placeholders::dangling_problems(&scan, text));
    for message in messages {
        report.add(&text_path, message);
    }
    let mut numbers: Vec<u32> = scan.numbers().collect();
    numbers.sort_unstable();
    numbers.dedup();
    check_body_example(component.get("example"), path, numbers.len(), report);
}

fn check_body_example(example: Option<&Value>, path: &str, count: usize, report: &mut Report) {
    let example_path = format!("{path}.example");
    let variables = plural(count, "variable");
    let Some(example) = example else {
        if count > 0 {
            let message = format!(
                "body has {variables} but no example: add \"example\": {{\"body_text\": [[...]]}} with one value per variable"
            );
            report.add(example_path, message);
        }
        return;
    };
    let samples_path = format!("{example_path}.body_text");
    let Some(samples) = example.get("body_text") else {
        if count > 0 {
            let message = format!(
                "body has {variables} but no example.body_text: add \"body_text\": [[...]] with one value per variable"
            );
            report.add(samples_path, message);
        }
        return;
    };
    let Some([Value::Array(values)]) = samples.as_array().map(Vec::as_slice) else {
        let message =
            "example.body_text must be an array holding one array of strings, like [[\"Emilia\", \"#1234\"]]";
        report.add(samples_path, message);
        return;
    };
    if values.len() != count {
        let given = plural(values.len(), "value");
        let message = match count {
            0 => format!("body has no variables but example.body_text[0] has {given}: remove the example"),
            _ => format!(
                "body has {variables} but example.body_text[0] has {given}: give one example per variable"
            ),
        };
        report.add(format!("{samples_path}[0]"), message);
    }
    for (index, value) in values.iter().enumerate() {
        let value_path = format!("{samples_path}[0][{index}]");
        match value {
            Value::String(text) if text.trim().is_empty() => {
                report.add(value_path, "example value is empty: give a realistic sample value");
            }
            Value::String(_) => {}
            other => report.add(value_path, format!("example value must be a string, not {}", kind(other))),
        }
    }
}

/// Checks the FOOTER component at `path`: plain text up to 60 characters.
pub(super) fn check_footer(
    component: &Map<String, Value>,
    path: &str,
    category: Option<&Category>,
    report: &mut Report,
) {
    let expiration = component.get("code_expiration_minutes");
    if let Some(minutes) = expiration
        && !minutes.as_u64().is_some_and(|m| (1..=90).contains(&m))
    {
        let message = "code_expiration_minutes must be a whole number from 1 to 90";
        report.add(format!("{path}.code_expiration_minutes"), message);
    }
    let text_path = format!("{path}.text");
    if component.get("text").is_none() && expiration.is_some() && category == Some(&Category::Authentication)
    {
        return; // Meta writes the expiration footer itself.
    }
    let missing = "footer text is missing: add 1 to 60 characters or remove the FOOTER";
    let Some(text) = string(component.get("text"), &text_path, missing, report) else {
        return;
    };
    check_length(text, &text_path, "footer text", 60, report);
    let scan = placeholders::scan(text);
    if let Some(first) = scan.found.first() {
        report.add(text_path, format!("footer cannot contain variables: remove {}", first.raw));
    }
}
