//! Template messages: the template must exist in the requested language and be approved
//! (132001, HTTP 404; on-premise 2001), on-premise sends must name this account's `namespace`
//! (missing: 1008; wrong: 2001), and the parameters given for the header, the body and each button
//! must match the template's variables (132000; on-premise 2000).
//!
//! Expected counts come from the emulator's own reading of the stored template
//! ([`super::send_rules`]), not from the client's template rules.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::errors::{ApiError, Flavour, MetaError, missing_parameter};
use super::send_rules;
use super::state::StateData;

/// Checks the `template` object of a send request against the stored templates.
pub fn check(state: &StateData, flavour: Flavour, object: &Value) -> Result<(), ApiError> {
    let name = object.get("name").and_then(Value::as_str).filter(|n| !n.is_empty());
    let Some(name) = name else {
        return Err(missing_parameter("Parameter 'template.name' is required"));
    };
    let language = object.get("language").and_then(|l| l.get("code")).and_then(Value::as_str);
    let Some(language) = language.filter(|l| !l.is_empty()) else {
        return Err(missing_parameter("Parameter 'template.language.code' is required"));
    };
    if flavour == Flavour::OnPremise {
        match object.get("namespace").and_then(Value::as_str) {
            None | Some("") => {
                return Err(missing_parameter("Parameter 'template.namespace' is required"));
            }
            Some(namespace) if namespace != state.namespace => {
                return Err(not_found(format!(
                    "namespace {namespace} does not match this account's namespace {}",
                    state.namespace
                )));
            }
            Some(_) => {}
        }
    }
    let stored = state.templates.iter().find(|t| t.name == name && t.language == language);
    let template = match stored {
        None => {
            return Err(not_found(format!("template name ({name}) does not exist in {language}")));
        }
        Some(t) if t.status != "approved" => {
            return Err(not_found(format!("template {name} ({language}) is {}, not approved", t.status)));
        }
        Some(t) => t,
    };
    let given = Given::of(object);
    let expected = send_rules::needed(&template.body);
    compare("header", given.header, expected.header)?;
    compare("body", given.body, expected.body)?;
    let indices: BTreeSet<usize> = given.buttons.keys().chain(expected.buttons.keys()).copied().collect();
    for index in indices {
        let given = given.buttons.get(&index).copied().unwrap_or(0);
        let (min, max) = expected.buttons.get(&index).copied().unwrap_or((0, 0));
        if given < min || given > max {
            return Err(mismatch(&format!("button {index}"), given, max));
        }
    }
    Ok(())
}

fn compare(part: &str, given: usize, expected: usize) -> Result<(), ApiError> {
    if given == expected { Ok(()) } else { Err(mismatch(part, given, expected)) }
}

fn not_found(details: String) -> ApiError {
    MetaError::new(404, 132001, "Template name does not exist in the translation").details(details).into()
}

fn mismatch(part: &str, given: usize, expected: usize) -> ApiError {
    MetaError::new(400, 132000, "Number of parameters does not match the expected number of params")
        .details(format!(
            "{part}: number of localizable_params ({given}) does not match the expected number of params ({expected})"
        ))
        .into()
}

/// Parameter counts in a send request.
#[derive(Debug, Default)]
struct Given {
    header: usize,
    body: usize,
    buttons: BTreeMap<usize, usize>,
}

impl Given {
    fn of(object: &Value) -> Self {
        let mut given = Given::default();
        let components = object.get("components").and_then(Value::as_array);
        for component in components.into_iter().flatten() {
            let count = component.get("parameters").and_then(Value::as_array).map_or(0, Vec::len);
            match lower(component, "type").as_str() {
                "header" => given.header += count,
                "body" => given.body += count,
                "button" => {
                    let index = match component.get("index") {
                        Some(Value::String(s)) => s.trim().parse().unwrap_or(usize::MAX),
                        Some(Value::Number(n)) => {
                            n.as_u64().and_then(|n| usize::try_from(n).ok()).unwrap_or(usize::MAX)
                        }
                        _ => usize::MAX,
                    };
                    *given.buttons.entry(index).or_insert(0) += count;
                }
                _ => {}
            }
        }
        given
    }
}

fn lower(object: &Value, key: &str) -> String {
    object.get(key).and_then(Value::as_str).unwrap_or_default().to_ascii_lowercase()
}
