//! How a JSON value is named in error messages ("an array", "null"), shared by the pure parsers
//! of templates and webhook payloads.

use serde_json::Value;

/// The article-prefixed kind of `value`.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
