//! `-f KEY=VALUE` and `-F KEY=JSON` of `api`: parsed into one JSON object (the body of a POST)
//! or into query pairs (a GET). Pure: no I/O.

use serde_json::{Map, Value};

/// Why a field cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("{flag} {given:?} has no '=': write {flag} KEY=VALUE")]
    NoEquals { flag: &'static str, given: String },
    #[error("{flag} {given:?} has an empty key")]
    EmptyKey { flag: &'static str, given: String },
    #[error("-F {key}=...: the value is not JSON ({reason}); for a plain string use -f {key}=VALUE")]
    NotJson { key: String, reason: String },
}

/// The fields in the order given: `-f` values as strings, `-F` values parsed as JSON.
pub fn parse(raw: &[String], typed: &[String]) -> Result<Map<String, Value>, FieldError> {
    let mut fields = Map::new();
    for given in raw {
        let (key, value) = split("-f", given)?;
        fields.insert(key.to_owned(), Value::String(value.to_owned()));
    }
    for given in typed {
        let (key, value) = split("-F", given)?;
        let value = serde_json::from_str(value)
            .map_err(|err| FieldError::NotJson { key: key.to_owned(), reason: err.to_string() })?;
        fields.insert(key.to_owned(), value);
    }
    Ok(fields)
}

/// Fields as query pairs: strings as they are, other values as JSON text.
pub fn as_query(fields: &Map<String, Value>) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(key, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            (key.clone(), text)
        })
        .collect()
}

fn split<'a>(flag: &'static str, given: &'a str) -> Result<(&'a str, &'a str), FieldError> {
    let (key, value) =
        given.split_once('=').ok_or_else(|| FieldError::NoEquals { flag, given: given.to_owned() })?;
    if key.trim().is_empty() {
        return Err(FieldError::EmptyKey { flag, given: given.to_owned() });
    }
    Ok((key.trim(), value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_and_json_values() {
        let fields = parse(
            &["name=hello_world".into(), "note=a=b".into()],
            &["limit=5".into(), "components=[{\"type\":\"BODY\"}]".into()],
        )
        .expect("fields");
        assert_eq!(
            Value::Object(fields.clone()),
            json!({"name":"hello_world","note":"a=b","limit":5,"components":[{"type":"BODY"}]})
        );
        let query = as_query(&fields);
        assert!(query.contains(&("limit".into(), "5".into())));
        assert!(query.contains(&("note".into(), "a=b".into())));
    }

    #[test]
    fn malformed_fields_are_named() {
        assert!(matches!(parse(&["novalue".into()], &[]), Err(FieldError::NoEquals { flag: "-f", .. })));
        assert!(matches!(parse(&[], &["=1".into()]), Err(FieldError::EmptyKey { .. })));
        assert!(matches!(parse(&[], &["x={".into()]), Err(FieldError::NotJson { .. })));
    }
}
