//! The review rules for a new template: name, category, language and the list of components
//! (each component's own rules are in `components` and `buttons`), plus the helpers those
//! share. Every problem is located by JSON path.

use serde_json::Value;

use super::{Category, LANGUAGES, Problem, buttons, components, is_known_language, locate};
use crate::json_kind::kind;

/// Problems collected while walking a template.
#[derive(Debug, Default)]
pub(super) struct Report(Vec<Problem>);

impl Report {
    pub(super) fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem { path: path.into(), message: message.into(), line: None });
    }
}

/// Every rule the template breaks, in document order; empty when it is valid.
///
/// These are the rules for creating a template: legacy categories are refused. A problem with
/// the template as a whole (not a JSON object) has an empty path.
pub fn validate(template: &Value) -> Vec<Problem> {
    let Some(root) = template.as_object() else {
        let message = format!(
            "template must be a JSON object with name, category, language and components, not {}",
            kind(template)
        );
        return vec![Problem { path: String::new(), message, line: None }];
    };
    let mut report = Report::default();
    check_name(root.get("name"), &mut report);
    let category = check_category(root.get("category"), &mut report);
    check_language(root.get("language"), &mut report);
    check_components(root.get("components"), category.as_ref(), &mut report);
    let mut problems = report.0;
    problems.sort_by_cached_key(|problem| order_key(template, &problem.path));
    problems
}

/// Where a path sits in the document: member and element positions from the root. A missing
/// value sorts with its nearest existing ancestor, before that ancestor's children.
fn order_key(template: &Value, path: &str) -> Vec<usize> {
    let mut key = Vec::new();
    let mut node = template;
    for segment in locate::parse_path(path).unwrap_or_default() {
        let next = match (&segment, node) {
            (locate::Segment::Key(name), Value::Object(map)) => {
                map.iter().enumerate().find(|(_, (k, _))| *k == name).map(|(i, (_, v))| (i, v))
            }
            (locate::Segment::Index(i), Value::Array(items)) => items.get(*i).map(|v| (*i, v)),
            _ => None,
        };
        let Some((position, value)) = next else { break };
        key.push(position);
        node = value;
    }
    key
}

/// The string at `path`; reports a problem when it is not a string, or when it is missing and
/// `missing` (the message) is not empty.
pub(super) fn string<'a>(
    value: Option<&'a Value>,
    path: &str,
    missing: &str,
    report: &mut Report,
) -> Option<&'a str> {
    match value {
        None => {
            if !missing.is_empty() {
                report.add(path, missing);
            }
            None
        }
        Some(Value::String(text)) => Some(text),
        Some(other) => {
            let field = path.rsplit('.').next().unwrap_or(path);
            report.add(path, format!("{field} must be a string, not {}", kind(other)));
            None
        }
    }
}

/// Length rule shared by every text: `what` must hold 1..=`limit` characters.
pub(super) fn check_length(text: &str, path: &str, what: &str, limit: usize, report: &mut Report) {
    let length = text.chars().count();
    if text.trim().is_empty() {
        report.add(path, format!("{what} is empty: write 1 to {limit} characters"));
    } else if length > limit {
        report.add(path, format!("{what} is {length} characters long, the limit is {limit}: shorten it"));
    }
}

fn check_name(value: Option<&Value>, report: &mut Report) {
    let missing = "name is missing: add a name made of lowercase letters, digits and underscores";
    let Some(name) = string(value, "name", missing, report) else {
        return;
    };
    check_length(name, "name", "name", 512, report);
    let mut bad: Vec<char> = Vec::new();
    for c in name.chars().filter(|c| !matches!(c, 'a'..='z' | '0'..='9' | '_')) {
        if !bad.contains(&c) {
            bad.push(c);
        }
    }
    if !bad.is_empty() {
        let listed: Vec<String> = bad.iter().take(5).map(|c| format!("{c:?}")).collect();
        let suggestion: String = name
            .chars()
            .map(|c| match c.to_ascii_lowercase() {
                c @ ('a'..='z' | '0'..='9') => c,
                _ => '_',
            })
            .take(512)
            .collect();
        report.add(
            "name",
            format!(
                "name contains {}: use only lowercase letters, digits and underscores, e.g. {suggestion:?}",
                listed.join(", ")
            ),
        );
    }
}

fn check_category(value: Option<&Value>, report: &mut Report) -> Option<Category> {
    let allowed = "use MARKETING, UTILITY or AUTHENTICATION";
    let missing = format!("category is missing: {allowed}");
    let name = string(value, "category", &missing, report)?;
    match Category::parse(name) {
        Some(Category::Legacy(_)) => {
            let message =
                format!("category {name} is a legacy category, refused for new templates: {allowed}");
            report.add("category", message);
            None
        }
        Some(category) => Some(category),
        None if Category::parse(&name.to_ascii_uppercase()).is_some() => {
            let upper = name.to_ascii_uppercase();
            report.add("category", format!("category {name:?} must be in capitals: use {upper:?}"));
            None
        }
        None => {
            report.add("category", format!("unknown category {name:?}: {allowed}"));
            None
        }
    }
}

fn check_language(value: Option<&Value>, report: &mut Report) {
    let missing = "language is missing: add a Meta locale code such as \"en_US\"";
    let Some(code) = string(value, "language", missing, report) else {
        return;
    };
    if is_known_language(code) {
        return;
    }
    let mut parts = code.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let guess = match parts.next() {
        Some(region) => format!("{language}_{}", region.to_ascii_uppercase()),
        None => language,
    };
    let message = if LANGUAGES.contains(&guess.as_str()) {
        format!("unknown language code {code:?}: use {guess:?}")
    } else {
        format!("unknown language code {code:?}: use a Meta locale code such as en, en_US, es_MX, pt_BR")
    };
    report.add("language", message);
}

fn check_components(value: Option<&Value>, category: Option<&Category>, report: &mut Report) {
    let Some(value) = value else {
        report.add("components", "components is missing: add an array with at least a BODY component");
        return;
    };
    let Some(components) = value.as_array() else {
        report.add("components", format!("components must be an array, not {}", kind(value)));
        return;
    };
    let mut first: [Option<usize>; 4] = [None; 4];
    for (index, component) in components.iter().enumerate() {
        let path = format!("components[{index}]");
        let Some(component) = component.as_object() else {
            report.add(&path, format!("component must be an object with a type, not {}", kind(component)));
            continue;
        };
        let missing = "component type is missing: use HEADER, BODY, FOOTER or BUTTONS";
        let type_path = format!("{path}.type");
        let Some(name) = string(component.get("type"), &type_path, missing, report) else {
            continue;
        };
        let Some(slot) = ["HEADER", "BODY", "FOOTER", "BUTTONS"].iter().position(|t| *t == name) else {
            let message = format!("unknown component type {name:?}: use HEADER, BODY, FOOTER or BUTTONS");
            report.add(type_path, message);
            continue;
        };
        if let Some(earlier) = first[slot] {
            let rule = if name == "BODY" { "exactly" } else { "at most" };
            let message = format!(
                "second {name} component: a template has {rule} one, merge it into components[{earlier}] or remove it"
            );
            report.add(path, message);
            continue;
        }
        first[slot] = Some(index);
        match name {
            "HEADER" => components::check_header(component, &path, category, report),
            "BODY" => components::check_body(component, &path, category, report),
            "FOOTER" => components::check_footer(component, &path, category, report),
            _ => buttons::check(component, &path, category, report),
        }
    }
    if first[1].is_none() {
        report.add("components", "no BODY component: add {\"type\": \"BODY\", \"text\": \"...\"}");
    }
    if category == Some(&Category::Authentication) && first[3].is_none() {
        let message = "AUTHENTICATION templates need a BUTTONS component with one OTP button";
        report.add("components", message);
    }
}

/// The single non-empty string of a `["value"]` array.
pub(super) fn one_string(value: &Value) -> Option<&str> {
    match value.as_array().map(Vec::as_slice) {
        Some([Value::String(text)]) if !text.trim().is_empty() => Some(text),
        _ => None,
    }
}

/// `1 variable`, `2 variables`.
pub(super) fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}
