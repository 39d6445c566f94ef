//! Path-aware reads from a `serde_json::Value`: every accessor names the exact place
//! (`entry[0].changes[1].value.messages[0].from`) in the error it returns.

use serde_json::{Map, Value};

use super::ParseError;
use crate::json_kind::kind;

/// A JSON object together with its path from the payload root ("" for the root itself).
pub(super) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

fn wrong(path: &str, expected: &'static str, found: &Value) -> ParseError {
    ParseError::WrongType {
        path: if path.is_empty() { "payload".to_owned() } else { path.to_owned() },
        expected,
        found: kind(found),
    }
}

/// Identifiers and timestamps: a string, or a number kept as its JSON text.
fn id_like(value: &Value, path: &str) -> Result<String, ParseError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(wrong(path, "a string or number", other)),
    }
}

impl<'a> Obj<'a> {
    /// `value` as an object located at `path` ("" is the payload root).
    pub(super) fn new(value: &'a Value, path: String) -> Result<Self, ParseError> {
        match value {
            Value::Object(map) => Ok(Self { map, path }),
            other => Err(wrong(&path, "an object", other)),
        }
    }

    /// Its own path ("" for the payload root).
    pub(super) fn path(&self) -> &str {
        &self.path
    }

    /// The path of one of its keys.
    pub(super) fn at(&self, key: &str) -> String {
        if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) }
    }

    /// Whether the key is present at all (even as null).
    pub(super) fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The raw value of a key, null included.
    pub(super) fn raw(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// The value of a key; absent and null both read as `None`.
    pub(super) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn required(&self, key: &str) -> Result<&'a Value, ParseError> {
        self.map.get(key).ok_or_else(|| ParseError::Missing { path: self.at(key) })
    }

    /// A required string or number, as a string.
    pub(super) fn id(&self, key: &str) -> Result<String, ParseError> {
        id_like(self.required(key)?, &self.at(key))
    }

    /// An optional string or number, as a string.
    pub(super) fn opt_id(&self, key: &str) -> Result<Option<String>, ParseError> {
        self.get(key).map(|v| id_like(v, &self.at(key))).transpose()
    }

    /// A required string.
    pub(super) fn str(&self, key: &str) -> Result<String, ParseError> {
        match self.required(key)? {
            Value::String(s) => Ok(s.clone()),
            other => Err(wrong(&self.at(key), "a string", other)),
        }
    }

    /// An optional string.
    pub(super) fn opt_str(&self, key: &str) -> Result<Option<String>, ParseError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(wrong(&self.at(key), "a string", other)),
        }
    }

    /// An optional boolean.
    pub(super) fn opt_bool(&self, key: &str) -> Result<Option<bool>, ParseError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(wrong(&self.at(key), "a boolean", other)),
        }
    }

    /// A required number (a numeric string is accepted too).
    pub(super) fn number(&self, key: &str) -> Result<f64, ParseError> {
        let value = self.required(key)?;
        let parsed = match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
            _ => None,
        };
        parsed.ok_or_else(|| wrong(&self.at(key), "a number", value))
    }

    /// A required nested object.
    pub(super) fn obj(&self, key: &str) -> Result<Obj<'a>, ParseError> {
        Obj::new(self.required(key)?, self.at(key))
    }

    /// An optional nested object (absent or null reads as `None`).
    pub(super) fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>, ParseError> {
        self.get(key).map(|v| Obj::new(v, self.at(key))).transpose()
    }

    /// An optional array of objects; absent and null read as empty.
    pub(super) fn objects(&self, key: &str) -> Result<Vec<Obj<'a>>, ParseError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(_) => self.req_objects(key),
        }
    }

    /// A required array of objects.
    pub(super) fn req_objects(&self, key: &str) -> Result<Vec<Obj<'a>>, ParseError> {
        let path = self.at(key);
        match self.required(key)? {
            Value::Array(items) => {
                items.iter().enumerate().map(|(i, item)| Obj::new(item, format!("{path}[{i}]"))).collect()
            }
            other => Err(wrong(&path, "an array", other)),
        }
    }

    /// The items of an optional array, each read as an object on its own: the outer error is
    /// about the array (not an array), an inner one about one item (not an object), so that one
    /// bad item does not hide the others. Absent and null read as empty.
    pub(super) fn items(&self, key: &str) -> Result<Vec<Result<Obj<'a>, ParseError>>, ParseError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(_) => self.req_items(key),
        }
    }

    /// [`Obj::items`] of a required array.
    pub(super) fn req_items(&self, key: &str) -> Result<Vec<Result<Obj<'a>, ParseError>>, ParseError> {
        let path = self.at(key);
        match self.required(key)? {
            Value::Array(items) => {
                Ok(items.iter().enumerate().map(|(i, item)| Obj::new(item, format!("{path}[{i}]"))).collect())
            }
            other => Err(wrong(&path, "an array", other)),
        }
    }
}
