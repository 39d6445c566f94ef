//! Random JSON near real shapes, for the property tests: any JSON value built from the caller's
//! keys and texts, and random edits of a real document (walk down to a node, then replace it,
//! remove one of its children or add one). Pure; each test file brings its own keys and words.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{Map, Value};

/// How big the generated values get.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Levels of nesting.
    pub depth: u32,
    /// Nodes in all, roughly.
    pub nodes: u32,
    /// Children per array or object.
    pub branch: usize,
    /// Steps an edit walks down.
    pub steps: usize,
}

/// Any JSON value of at most `size`, its object keys from `key` and its strings from `text`.
pub fn arb_json(
    key: BoxedStrategy<String>,
    text: BoxedStrategy<String>,
    size: Size,
) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text.prop_map(Value::String),
    ];
    leaf.prop_recursive(size.depth, size.nodes, size.branch as u32, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..size.branch).prop_map(Value::Array),
            proptest::collection::vec((key.clone(), inner), 0..size.branch)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// One random edit: walk down by `steps` (each picks a child), then replace that node, remove
/// one of its children, or add `value` under `key`.
#[derive(Debug, Clone)]
pub struct Edit {
    steps: Vec<usize>,
    action: u8,
    key: String,
    value: Value,
}

/// One to three edits, their keys from `key` and their new values from `json`.
pub fn arb_edits(
    key: BoxedStrategy<String>,
    json: BoxedStrategy<Value>,
    size: Size,
) -> impl Strategy<Value = Vec<Edit>> {
    let edit = (proptest::collection::vec(any::<usize>(), 0..size.steps), 0u8..3, key, json)
        .prop_map(|(steps, action, key, value)| Edit { steps, action, key, value });
    proptest::collection::vec(edit, 1..4)
}

/// `doc` with `edits` applied in order.
pub fn apply(mut doc: Value, edits: &[Edit]) -> Value {
    for edit in edits {
        apply_at(&mut doc, &edit.steps, edit);
    }
    doc
}

fn apply_at(node: &mut Value, steps: &[usize], edit: &Edit) {
    if let Some((step, rest)) = steps.split_first() {
        let child = match node {
            Value::Array(items) if !items.is_empty() => {
                let n = step % items.len();
                items.get_mut(n)
            }
            Value::Object(map) if !map.is_empty() => {
                let n = step % map.len();
                map.values_mut().nth(n)
            }
            _ => None,
        };
        if let Some(child) = child {
            return apply_at(child, rest, edit);
        }
    }
    let pick = edit.steps.len();
    match (edit.action, &mut *node) {
        (1, Value::Array(items)) if !items.is_empty() => {
            items.remove(pick % items.len());
        }
        (1, Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().nth(pick % map.len()).cloned().unwrap_or_default();
            map.remove(&key);
        }
        (2, Value::Array(items)) => items.push(edit.value.clone()),
        (2, Value::Object(map)) => {
            map.insert(edit.key.clone(), edit.value.clone());
        }
        _ => *node = edit.value.clone(),
    }
}
