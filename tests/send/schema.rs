//! Validates message bodies against the `Message` schema of Meta's official OpenAPI description
//! (`tests/fixtures/meta-openapi/business-messaging-api_v23.0.yaml`, MIT, see its LICENSE).
//!
//! A small validator for the subset of JSON Schema that `Message` and everything it references
//! use: `$ref` (within the document), `allOf` (merged first: the file combines `allOf` with
//! `additionalProperties: false`, which only makes sense over the merged properties), `oneOf`,
//! `anyOf`, `type`, `properties`, `required`, `additionalProperties`, `enum`, `minLength`,
//! `maxLength`, `minItems`, `maxItems`, `items`. Annotations are skipped, and so are:
//! - `discriminator`: OpenAPI's dispatch hint; the `oneOf` beside it does the validation;
//! - `format`: an annotation in JSON Schema 2020-12 (OpenAPI 3.1);
//! - `pattern`: used once, on `TemplateComponent.index`, as `^[2-6, 11-14]$`, a character class
//!   that refuses "0", the index of Meta's own example beside it: a bug in the file.
//!
//! Any other keyword makes the validator panic, so a newer file cannot be half-checked.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde_json::{Map, Value, json};

/// Keywords that carry no constraint here (see the module documentation).
const SKIPPED: [&str; 8] =
    ["description", "example", "examples", "default", "title", "discriminator", "format", "pattern"];
/// Keywords this validator checks.
const CHECKED: [&str; 14] = [
    "$ref",
    "allOf",
    "oneOf",
    "anyOf",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "enum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "items",
];

const SPEC: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/meta-openapi/business-messaging-api_v23.0.yaml");

/// Meta's OpenAPI document, parsed once per test process.
pub fn meta() -> &'static Schemas {
    static DOC: OnceLock<Schemas> = OnceLock::new();
    DOC.get_or_init(|| {
        let text = std::fs::read_to_string(SPEC).unwrap_or_else(|e| panic!("read {SPEC}: {e}"));
        let doc: Value = serde_norway::from_str(&text).unwrap_or_else(|e| panic!("parse {SPEC}: {e}"));
        Schemas { doc }
    })
}

/// An OpenAPI document whose `components.schemas` can be validated against.
pub struct Schemas {
    doc: Value,
}

impl Schemas {
    /// The problems of `instance` against `#/components/schemas/{name}` (empty when valid).
    pub fn validate(&self, name: &str, instance: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(&json!({"$ref": format!("#/components/schemas/{name}")}), instance, "$", &mut errors);
        errors
    }

    /// Panics with the problems when `body` is not a valid `Message`.
    #[track_caller]
    pub fn assert_message(&self, body: &Value) {
        let errors = self.validate("Message", body);
        assert!(
            errors.is_empty(),
            "body does not validate against Meta's Message schema:\n  {}\nbody: {body}",
            errors.join("\n  ")
        );
    }

    /// Keywords used by `name` (and what it references) that this validator neither checks nor
    /// deliberately skips.
    pub fn unsupported_keywords(&self, name: &str) -> Vec<String> {
        let known = |k: &String| CHECKED.contains(&k.as_str()) || SKIPPED.contains(&k.as_str());
        self.keywords(name).into_iter().filter(|k| !known(k)).collect()
    }

    /// Every keyword used by `name` and the schemas it references.
    pub fn keywords(&self, name: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut keywords = BTreeSet::new();
        let mut stack = vec![self.resolve(&format!("#/components/schemas/{name}")).clone()];
        while let Some(schema) = stack.pop() {
            let Value::Object(map) = schema else { continue };
            for (key, value) in &map {
                keywords.insert(key.clone());
                match key.as_str() {
                    "$ref" => {
                        let target = value.as_str().unwrap_or_default().to_owned();
                        if seen.insert(target.clone()) {
                            stack.push(self.resolve(&target).clone());
                        }
                    }
                    "properties" => {
                        stack.extend(value.as_object().into_iter().flat_map(|m| m.values().cloned()))
                    }
                    "allOf" | "oneOf" | "anyOf" => {
                        stack.extend(value.as_array().into_iter().flatten().cloned())
                    }
                    "items" | "additionalProperties" => stack.push(value.clone()),
                    _ => {}
                }
            }
        }
        keywords
    }

    fn resolve(&self, reference: &str) -> &Value {
        let pointer = reference.strip_prefix('#').unwrap_or_else(|| panic!("only local $refs: {reference}"));
        self.doc.pointer(pointer).unwrap_or_else(|| panic!("dangling $ref {reference}"))
    }

    /// `schema` with `$ref` replaced by its target (siblings kept) and `allOf` merged.
    fn normalized(&self, schema: &Value) -> Map<String, Value> {
        let Value::Object(map) = schema else { return Map::new() };
        let mut out = map.clone();
        if let Some(reference) = out.remove("$ref") {
            let target = self.normalized(self.resolve(reference.as_str().unwrap_or_default()));
            for (key, value) in target {
                out.entry(key).or_insert(value);
            }
        }
        if let Some(Value::Array(members)) = out.remove("allOf") {
            for member in &members {
                merge(&mut out, self.normalized(member));
            }
        }
        out
    }

    fn check(&self, schema: &Value, instance: &Value, path: &str, errors: &mut Vec<String>) {
        let schema = self.normalized(schema);
        for key in schema.keys() {
            assert!(
                CHECKED.contains(&key.as_str()) || SKIPPED.contains(&key.as_str()) || key == "x-also",
                "schema keyword {key:?} at {path} is not supported by this validator"
            );
        }
        for also in schema.get("x-also").and_then(Value::as_array).into_iter().flatten() {
            self.check(also, instance, path, errors);
        }
        if let Some(expected) = schema.get("type")
            && !has_type(expected, instance)
        {
            errors.push(format!("{path}: expected type {expected}, got {instance}"));
            return;
        }
        if let Some(Value::Array(allowed)) = schema.get("enum")
            && !allowed.contains(instance)
        {
            errors.push(format!("{path}: {instance} is not one of {}", Value::Array(allowed.clone())));
        }
        if let Some(Value::Array(branches)) = schema.get("oneOf") {
            self.branches(branches, instance, path, errors, true);
        }
        if let Some(Value::Array(branches)) = schema.get("anyOf") {
            self.branches(branches, instance, path, errors, false);
        }
        match instance {
            Value::Object(object) => self.check_object(&schema, object, path, errors),
            Value::Array(items) => {
                let n = items.len() as u64;
                if let Some(min) = schema.get("minItems").and_then(Value::as_u64).filter(|m| n < *m) {
                    errors.push(format!("{path}: {n} items, fewer than minItems {min}"));
                }
                if let Some(max) = schema.get("maxItems").and_then(Value::as_u64).filter(|m| n > *m) {
                    errors.push(format!("{path}: {n} items, more than maxItems {max}"));
                }
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.check(item_schema, item, &format!("{path}[{i}]"), errors);
                    }
                }
            }
            Value::String(text) => {
                let n = text.chars().count() as u64;
                if let Some(max) = schema.get("maxLength").and_then(Value::as_u64).filter(|m| n > *m) {
                    errors.push(format!("{path}: {n} characters, more than maxLength {max}"));
                }
                if let Some(min) = schema.get("minLength").and_then(Value::as_u64).filter(|m| n < *m) {
                    errors.push(format!("{path}: {n} characters, fewer than minLength {min}"));
                }
            }
            _ => {}
        }
    }

    fn check_object(
        &self,
        schema: &Map<String, Value>,
        object: &Map<String, Value>,
        path: &str,
        errors: &mut Vec<String>,
    ) {
        let empty = Map::new();
        let properties = schema.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        for required in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let key = required.as_str().unwrap_or_default();
            if !object.contains_key(key) {
                errors.push(format!("{path}: required property {key:?} is missing"));
            }
        }
        for (key, value) in object {
            let at = format!("{path}.{key}");
            match (properties.get(key), schema.get("additionalProperties")) {
                (Some(sub), _) => self.check(sub, value, &at, errors),
                (None, Some(Value::Bool(false))) => {
                    errors.push(format!("{at}: property not allowed (additionalProperties: false)"));
                }
                (None, Some(sub @ Value::Object(_))) => self.check(sub, value, &at, errors),
                (None, _) => {}
            }
        }
    }

    fn branches(
        &self,
        branches: &[Value],
        instance: &Value,
        path: &str,
        errors: &mut Vec<String>,
        one: bool,
    ) {
        let results: Vec<Vec<String>> = branches
            .iter()
            .map(|branch| {
                let mut branch_errors = Vec::new();
                self.check(branch, instance, path, &mut branch_errors);
                branch_errors
            })
            .collect();
        let matching = results.iter().filter(|r| r.is_empty()).count();
        let keyword = if one { "oneOf" } else { "anyOf" };
        if matching == 0 {
            let closest = results.iter().min_by_key(|r| r.len()).cloned().unwrap_or_default();
            errors.push(format!(
                "{path}: matches no branch of {keyword}; the closest fails with: {}",
                closest.join("; ")
            ));
        } else if one && matching > 1 {
            errors.push(format!("{path}: matches {matching} branches of oneOf, not exactly one"));
        }
    }
}

/// Merges one normalized `allOf` member into `out`: properties and required lists are united,
/// `additionalProperties: false` holds over the united properties, equal keywords stay once,
/// and differing ones are kept to be checked one by one (`x-also`).
fn merge(out: &mut Map<String, Value>, member: Map<String, Value>) {
    for (key, value) in member {
        match key.as_str() {
            "properties" => {
                let target = out.entry("properties").or_insert_with(|| json!({}));
                for (name, schema) in value.as_object().cloned().unwrap_or_default() {
                    let slot = target.as_object_mut().expect("properties is an object");
                    match slot.remove(&name) {
                        Some(existing) => slot.insert(name, json!({"allOf": [existing, schema]})),
                        None => slot.insert(name, schema),
                    };
                }
            }
            "required" => {
                let target = out.entry("required").or_insert_with(|| json!([]));
                let list = target.as_array_mut().expect("required is an array");
                for name in value.as_array().cloned().unwrap_or_default() {
                    if !list.contains(&name) {
                        list.push(name);
                    }
                }
            }
            "additionalProperties" if value == Value::Bool(false) => {
                out.insert(key, value);
            }
            _ => match out.get(&key) {
                None => {
                    out.insert(key, value);
                }
                Some(existing) if *existing == value || SKIPPED.contains(&key.as_str()) => {}
                Some(_) => {
                    let also = out.entry("x-also").or_insert_with(|| json!([]));
                    let mut single = Map::new();
                    single.insert(key, value);
                    also.as_array_mut().expect("x-also is an array").push(Value::Object(single));
                }
            },
        }
    }
}

fn has_type(expected: &Value, instance: &Value) -> bool {
    let one = |name: &str| match name {
        "object" => instance.is_object(),
        "array" => instance.is_array(),
        "string" => instance.is_string(),
        "boolean" => instance.is_boolean(),
        "null" => instance.is_null(),
        "number" => instance.is_number(),
        "integer" => instance.as_f64().is_some_and(|n| n.fract() == 0.0),
        other => panic!("unknown type {other:?}"),
    };
    match expected {
        Value::String(name) => one(name),
        Value::Array(names) => names.iter().filter_map(Value::as_str).any(one),
        other => panic!("type must be a string or an array, not {other}"),
    }
}
