//! The format rules the emulator's review rejects a template by (`INVALID_FORMAT`), read by the
//! emulator itself from the API reference (section 3, Meta's rules as 360dialog relays them),
//! not with the client's validator in `crate::template`: a bug there then shows as a test whose
//! template the client passes and the emulator rejects, instead of hiding behind agreement.
//!
//! Name, category and language were checked when the template was created (`templates.rs`);
//! these are the rules of its components. Component types, header formats and button types
//! are read case-insensitively, as creation and `send_rules` read them.

use serde_json::{Map, Value};

/// A broken rule: where (a JSON path in the template) and what.
type Broken = (String, String);

/// The first format rule `template` (a stored creation body) breaks, as `path: what`.
pub fn first_problem(template: &Map<String, Value>) -> Option<String> {
    check(template).err().map(|(path, what)| format!("{path}: {what}"))
}

fn broken<T>(path: impl Into<String>, what: impl Into<String>) -> Result<T, Broken> {
    Err((path.into(), what.into()))
}

/// The upper-cased string at `key`, or "" when it is missing or not a string.
fn upper(object: &Map<String, Value>, key: &str) -> String {
    object.get(key).and_then(Value::as_str).unwrap_or_default().to_ascii_uppercase()
}

fn check(template: &Map<String, Value>) -> Result<(), Broken> {
    let category = upper(template, "category");
    let Some(components) = template.get("components").and_then(Value::as_array) else {
        return broken("components", "not an array of components");
    };
    let mut seen: Vec<String> = Vec::new();
    let mut buttons = None;
    for (index, component) in components.iter().enumerate() {
        let path = format!("components[{index}]");
        let Some(component) = component.as_object() else {
            return broken(path, "a component must be an object");
        };
        let kind = upper(component, "type");
        if seen.contains(&kind) {
            return broken(path, format!("a second {kind} component: a template has one at most"));
        }
        match kind.as_str() {
            "HEADER" => header(component, &path, &category)?,
            "BODY" => body(component, &path, &category)?,
            "FOOTER" => footer(component, &path, &category)?,
            "BUTTONS" => buttons = Some(button_list(component, &path, &category)?),
            _ => {
                return broken(
                    format!("{path}.type"),
                    "unknown component type: use HEADER, BODY, FOOTER or BUTTONS",
                );
            }
        }
        seen.push(kind);
    }
    if !seen.iter().any(|k| k == "BODY") {
        return broken("components", "no BODY component: a template has exactly one");
    }
    if category == "AUTHENTICATION" && buttons != Some(1) {
        return broken("components", "an AUTHENTICATION template needs exactly one button, an OTP one");
    }
    Ok(())
}

/// Checks the length of a text: 1 to `max` characters, not only white space.
fn length(text: &str, path: &str, max: usize) -> Result<(), Broken> {
    if text.trim().is_empty() || text.chars().count() > max {
        return broken(path, format!("the text must have 1 to {max} characters"));
    }
    Ok(())
}

/// The string at `key` (a rule broken when it is missing or no string).
fn text<'a>(object: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a str, Broken> {
    match object.get(key).and_then(Value::as_str) {
        Some(text) => Ok(text),
        None => broken(format!("{path}.{key}"), format!("{key} is missing or not a string")),
    }
}

/// A variable `{{n}}` found in a text: its byte range and number.
struct Variable {
    start: usize,
    end: usize,
    number: u32,
}

/// The variables of `text`, which must be `{{1}}`..`{{n}}` without gaps, well formed and not
/// side by side.
fn variables(text: &str, path: &str) -> Result<Vec<Variable>, Broken> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find("{{").map(|i| rest + i) {
        let Some(close) = text[open + 2..].find("}}").map(|i| open + 2 + i) else {
            return broken(path, "a \"{{\" is not closed by \"}}\"");
        };
        let inner = &text[open + 2..close];
        let number = inner.parse::<u32>().ok().filter(|n| *n > 0 && inner == n.to_string());
        let Some(number) = number else {
            let what = format!("{{{{{inner}}}}} is not a variable: write {{{{1}}}}, {{{{2}}}}, ...");
            return broken(path, what);
        };
        found.push(Variable { start: open, end: close + 2, number });
        rest = close + 2;
    }
    let mut numbers: Vec<u32> = found.iter().map(|v| v.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.iter().zip(1..).any(|(n, expected)| *n != expected) {
        return broken(path, "variables must be numbered from {{1}} without gaps");
    }
    if found.windows(2).any(|pair| text[pair[0].end..pair[1].start].trim().is_empty()) {
        return broken(path, "two variables side by side: put words between them");
    }
    Ok(found)
}

/// How many distinct variables a list checked by [`variables`] has (numbered without gaps).
fn distinct(found: &[Variable]) -> usize {
    found.iter().map(|v| v.number).max().unwrap_or(0) as usize
}

/// `example` is an array of exactly one non-blank string (a header sample, a URL suffix).
fn one_sample(example: Option<&Value>, path: &str) -> Result<(), Broken> {
    match example.and_then(Value::as_array).map(Vec::as_slice) {
        Some([Value::String(sample)]) if !sample.trim().is_empty() => Ok(()),
        _ => broken(path, "must be an array with one sample value"),
    }
}

fn header(component: &Map<String, Value>, path: &str, category: &str) -> Result<(), Broken> {
    let example = component.get("example");
    match upper(component, "format").as_str() {
        "TEXT" => {
            let text_path = format!("{path}.text");
            let text = text(component, "text", path)?;
            length(text, &text_path, 60)?;
            if text.contains('\n') {
                return broken(text_path, "a header cannot hold a line break");
            }
            let found = variables(text, &text_path)?;
            let sample = example.and_then(|e| e.get("header_text"));
            match found.len() {
                0 if sample.is_some() => {
                    broken(format!("{path}.example"), "a sample for no variable: remove it")
                }
                0 => Ok(()),
                1 => one_sample(sample, &format!("{path}.example.header_text")),
                _ => broken(text_path, "a header has one variable at most: keep {{1}} alone"),
            }
        }
        "IMAGE" | "VIDEO" | "DOCUMENT" => {
            one_sample(example.and_then(|e| e.get("header_handle")), &format!("{path}.example.header_handle"))
        }
        "LOCATION" if category == "AUTHENTICATION" => broken(
            format!("{path}.format"),
            "LOCATION headers are allowed only in UTILITY and MARKETING templates",
        ),
        "LOCATION" => Ok(()),
        _ => broken(
            format!("{path}.format"),
            "unknown header format: use TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION",
        ),
    }
}

fn body(component: &Map<String, Value>, path: &str, category: &str) -> Result<(), Broken> {
    if category == "AUTHENTICATION" && !component.contains_key("text") {
        return Ok(()); // Meta writes the text of an authentication body.
    }
    let text_path = format!("{path}.text");
    let text = text(component, "text", path)?;
    length(text, &text_path, 1024)?;
    let found = variables(text, &text_path)?;
    let (first, last) = (found.first(), found.last());
    let trimmed_start = text.len() - text.trim_start().len();
    let trimmed_end = text.trim_end().len();
    if first.is_some_and(|v| v.start == trimmed_start) || last.is_some_and(|v| v.end == trimmed_end) {
        return broken(
            text_path,
            "the body starts or ends with a variable (a dangling parameter): put words around it",
        );
    }
    let samples_path = format!("{path}.example.body_text");
    let samples = component.get("example").and_then(|e| e.get("body_text"));
    let values = match samples.and_then(Value::as_array).map(Vec::as_slice) {
        None if samples.is_none() && found.is_empty() => return Ok(()),
        Some([Value::Array(values)]) => values,
        _ => return broken(samples_path, "must be one array with a sample value per variable"),
    };
    if values.len() != distinct(&found) {
        return broken(
            samples_path,
            format!("{} samples for {} variables: give one per variable", values.len(), distinct(&found)),
        );
    }
    if !values.iter().all(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())) {
        return broken(samples_path, "a sample value is blank or not a string");
    }
    Ok(())
}

fn footer(component: &Map<String, Value>, path: &str, category: &str) -> Result<(), Broken> {
    let minutes = component.get("code_expiration_minutes");
    if minutes.is_some_and(|m| !m.as_u64().is_some_and(|m| (1..=90).contains(&m))) {
        return broken(
            format!("{path}.code_expiration_minutes"),
            "must be a whole number of minutes, 1 to 90",
        );
    }
    if category == "AUTHENTICATION" && minutes.is_some() && !component.contains_key("text") {
        return Ok(()); // Meta writes the expiration footer.
    }
    let text_path = format!("{path}.text");
    let text = text(component, "text", path)?;
    length(text, &text_path, 60)?;
    if text.contains("{{") {
        return broken(text_path, "a footer cannot hold variables");
    }
    Ok(())
}

/// Checks the BUTTONS component; how many buttons it has.
fn button_list(component: &Map<String, Value>, path: &str, category: &str) -> Result<usize, Broken> {
    let list_path = format!("{path}.buttons");
    let buttons = match component.get("buttons").and_then(Value::as_array) {
        Some(buttons) if (1..=10).contains(&buttons.len()) => buttons,
        _ => return broken(list_path, "must be an array of 1 to 10 buttons"),
    };
    let mut kinds: Vec<String> = Vec::new();
    for (index, button) in buttons.iter().enumerate() {
        let path = format!("{list_path}[{index}]");
        let Some(button) = button.as_object() else {
            return broken(path, "a button must be an object");
        };
        let kind = upper(button, "type");
        let earlier = kinds.iter().filter(|k| **k == kind).count();
        let (most, allowed) = match kind.as_str() {
            "QUICK_REPLY" => (10, category != "AUTHENTICATION"),
            "URL" => (2, category != "AUTHENTICATION"),
            "PHONE_NUMBER" => (1, category != "AUTHENTICATION"),
            "COPY_CODE" => (1, category == "MARKETING"),
            "OTP" => (1, category == "AUTHENTICATION"),
            _ => {
                let what = "unknown button type: use QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE or OTP";
                return broken(format!("{path}.type"), what);
            }
        };
        if !allowed {
            return broken(path, format!("{kind} buttons are not allowed in a {category} template"));
        }
        if earlier >= most {
            return broken(path, format!("too many {kind} buttons: a template has {most} at most"));
        }
        button_fields(button, &kind, &path)?;
        kinds.push(kind);
    }
    let groups = 1 + kinds.windows(2).filter(|p| (p[0] == "QUICK_REPLY") != (p[1] == "QUICK_REPLY")).count();
    if groups > 2 {
        return broken(list_path, "quick replies and the other buttons must stand in two groups, not mixed");
    }
    Ok(buttons.len())
}

fn button_fields(button: &Map<String, Value>, kind: &str, path: &str) -> Result<(), Broken> {
    // COPY_CODE and OTP buttons have a label of Meta's when they carry none.
    if button.contains_key("text") || !matches!(kind, "COPY_CODE" | "OTP") {
        length(text(button, "text", path)?, &format!("{path}.text"), 25)?;
    }
    match kind {
        "URL" => url(button, path),
        "PHONE_NUMBER" => length(text(button, "phone_number", path)?, &format!("{path}.phone_number"), 20),
        "COPY_CODE" => {
            let code = match button.get("example") {
                Some(Value::Array(items)) if items.len() == 1 => items[0].as_str(),
                other => other.and_then(Value::as_str),
            };
            match code {
                Some(code) => length(code, &format!("{path}.example"), 15),
                None => broken(format!("{path}.example"), "a COPY_CODE button needs a sample code"),
            }
        }
        "OTP" => match upper(button, "otp_type").as_str() {
            "COPY_CODE" => Ok(()),
            "ONE_TAP" | "ZERO_TAP" if names_the_app(button) => Ok(()),
            "ONE_TAP" | "ZERO_TAP" => broken(path, "ONE_TAP and ZERO_TAP buttons must name the Android app"),
            _ => broken(format!("{path}.otp_type"), "otp_type must be COPY_CODE, ONE_TAP or ZERO_TAP"),
        },
        _ => Ok(()),
    }
}

fn names_the_app(button: &Map<String, Value>) -> bool {
    button.contains_key("supported_apps") || button.contains_key("package_name")
}

fn url(button: &Map<String, Value>, path: &str) -> Result<(), Broken> {
    let url_path = format!("{path}.url");
    let url = text(button, "url", path)?;
    length(url, &url_path, 2000)?;
    if !url.starts_with("https://") && !url.starts_with("http://") {
        return broken(url_path, "a url must start with https:// or http://");
    }
    let found = variables(url, &url_path)?;
    let example_path = format!("{path}.example");
    match found.as_slice() {
        [] if button.contains_key("example") => broken(example_path, "a sample for no variable: remove it"),
        [] => Ok(()),
        [only] if only.number == 1 && only.end == url.len() => {
            one_sample(button.get("example"), &example_path)
        }
        _ => broken(url_path, "a url has one variable at most, {{1}} at its very end"),
    }
}
