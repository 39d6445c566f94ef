//! The templates-as-code planner (SPEC 7): desired templates from files and the channel's
//! templates in, one typed change per (name, language) out. Pure: no I/O.

use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// What apply would do for one (name, language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    Replace,
    Delete,
    Blocked,
    Unchanged,
}

/// One field that differs between the file and the channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffEntry {
    pub path: String,
    pub local: Value,
    pub remote: Value,
}

/// One planned change, shaped as SPEC 7's `plan --json` entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub action: Action,
    pub name: String,
    pub language: String,
    pub remote_status: Option<String>,
    pub reason: Option<String>,
    pub diff: Vec<DiffEntry>,
}

/// Counts per action, shaped as SPEC 7's `summary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub create: usize,
    pub replace: usize,
    pub delete: usize,
    pub blocked: usize,
    pub unchanged: usize,
}

/// Reason given for a template Meta will not let be edited or safely deleted.
pub const REASON_LOCKED: &str =
    "cannot be changed in place, and deleting it locks the name for 30 days: submit it under a new name";
/// Reason given for a template still under review.
pub const REASON_REVIEW: &str = "wait for the verdict (`templates status --wait`), then plan again";
/// Reason given for a remote-only language of a name the files keep.
pub const REASON_REMOTE_ONLY: &str = "this language is not in the files, but deleting it would delete every language of the name: add it to the files, or remove the whole name from them";
/// Warning given when pruning an approved template.
pub const REASON_PRUNE_APPROVED: &str = "deleting an approved template locks its name for 30 days";
/// Reason given for a language deleted because its name is replaced.
pub const REASON_REPLACED_NAME: &str = "deleted with its name, which is replaced";

fn text<'a>(template: &'a Value, key: &str) -> &'a str {
    template.get(key).and_then(Value::as_str).unwrap_or("")
}

fn status(template: &Value) -> String {
    text(template, "status").to_ascii_lowercase()
}

fn is_locked_status(status: &str) -> bool {
    matches!(status, "approved" | "paused" | "disabled")
}

/// The differing JSON paths of `category` (case-insensitive) and `components` (key order ignored).
pub fn diff(local: &Value, remote: &Value) -> Vec<DiffEntry> {
    let mut out = Vec::new();
    let (lc, rc) = (text(local, "category"), text(remote, "category"));
    if !lc.eq_ignore_ascii_case(rc) {
        out.push(DiffEntry {
            path: "category".into(),
            local: local.get("category").cloned().unwrap_or(Value::Null),
            remote: remote.get("category").cloned().unwrap_or(Value::Null),
        });
    }
    let null = Value::Null;
    diff_value(
        "components",
        local.get("components").unwrap_or(&null),
        remote.get("components").unwrap_or(&null),
        &mut out,
    );
    out
}

fn diff_value(path: &str, local: &Value, remote: &Value, out: &mut Vec<DiffEntry>) {
    let null = Value::Null;
    match (local, remote) {
        (Value::Object(l), Value::Object(r)) => {
            let mut keys: Vec<&String> = l.keys().collect();
            keys.extend(r.keys().filter(|k| !l.contains_key(*k)));
            keys.sort();
            for key in keys {
                let child = format!("{path}.{key}");
                diff_value(&child, l.get(key).unwrap_or(&null), r.get(key).unwrap_or(&null), out);
            }
        }
        (Value::Array(l), Value::Array(r)) => {
            for i in 0..l.len().max(r.len()) {
                let child = format!("{path}[{i}]");
                diff_value(&child, l.get(i).unwrap_or(&null), r.get(i).unwrap_or(&null), out);
            }
        }
        _ if local == remote => {}
        _ => out.push(DiffEntry { path: path.to_string(), local: local.clone(), remote: remote.clone() }),
    }
}

fn change(action: Action, name: &str, language: &str, remote: Option<&Value>) -> Change {
    Change {
        action,
        name: name.to_string(),
        language: language.to_string(),
        remote_status: remote.map(status),
        reason: None,
        diff: Vec::new(),
    }
}

/// Plans one change per (name, language): `desired` are the templates of the files (already
/// checked for duplicates), `remote` every template of the channel (all pages). Changes come
/// sorted by name, then language.
pub fn plan<'a>(
    desired: impl IntoIterator<Item = &'a Value>,
    remote: impl IntoIterator<Item = &'a Value>,
    prune: bool,
) -> Vec<Change> {
    let mut local_by_name: BTreeMap<&str, BTreeMap<&str, &Value>> = BTreeMap::new();
    for template in desired {
        local_by_name.entry(text(template, "name")).or_default().insert(text(template, "language"), template);
    }
    let mut remote_by_name: BTreeMap<&str, BTreeMap<&str, &Value>> = BTreeMap::new();
    for template in remote {
        remote_by_name
            .entry(text(template, "name"))
            .or_default()
            .insert(text(template, "language"), template);
    }
    let empty = BTreeMap::new();
    let mut changes = Vec::new();
    let names: BTreeSet<&str> = local_by_name.keys().chain(remote_by_name.keys()).copied().collect();
    for name in names {
        let on_channel = remote_by_name.get(name).unwrap_or(&empty);
        match local_by_name.get(name) {
            Some(local) => plan_name(name, local, on_channel, prune, &mut changes),
            None if prune => {
                for (language, template) in on_channel {
                    let mut c = change(Action::Delete, name, language, Some(template));
                    if status(template) == "approved" {
                        c.reason = Some(REASON_PRUNE_APPROVED.into());
                    }
                    changes.push(c);
                }
            }
            None => {}
        }
    }
    changes
}

fn plan_name(
    name: &str,
    local: &BTreeMap<&str, &Value>,
    remote: &BTreeMap<&str, &Value>,
    prune: bool,
    changes: &mut Vec<Change>,
) {
    let diffs: BTreeMap<&str, Vec<DiffEntry>> = local
        .iter()
        .filter_map(|(language, template)| remote.get(language).map(|r| (*language, diff(template, r))))
        .collect();
    let differs = diffs.values().any(|d| !d.is_empty());
    let all_rejected = remote.values().all(|t| status(t) == "rejected");
    if differs && all_rejected {
        let mut languages: BTreeSet<&str> = local.keys().copied().collect();
        languages.extend(remote.keys().copied());
        for language in languages {
            let r = remote.get(language).copied();
            let c = match local.get(language) {
                Some(_) => Change {
                    diff: diffs.get(language).cloned().unwrap_or_default(),
                    ..change(Action::Replace, name, language, r)
                },
                None => Change {
                    reason: Some(REASON_REPLACED_NAME.into()),
                    ..change(Action::Delete, name, language, r)
                },
            };
            changes.push(c);
        }
        return;
    }
    let blocker =
        remote.values().map(|t| status(t)).filter(|s| s != "rejected").fold(None, |reason, s| match reason {
            Some(REASON_LOCKED) => reason,
            _ if is_locked_status(&s) => Some(REASON_LOCKED),
            _ => Some(REASON_REVIEW),
        });
    let mut languages: BTreeSet<&str> = local.keys().copied().collect();
    if prune {
        languages.extend(remote.keys().copied());
    }
    for language in languages {
        let r = remote.get(language).copied();
        let c = match (local.get(language), r) {
            (Some(_), None) => change(Action::Create, name, language, None),
            (Some(_), Some(_)) => match diffs.get(language) {
                Some(d) if !d.is_empty() => Change {
                    reason: blocker.map(str::to_string),
                    diff: d.clone(),
                    ..change(Action::Blocked, name, language, r)
                },
                _ => change(Action::Unchanged, name, language, r),
            },
            (None, _) => Change {
                reason: Some(REASON_REMOTE_ONLY.into()),
                ..change(Action::Blocked, name, language, r)
            },
        };
        changes.push(c);
    }
}

/// Counts the changes per action.
pub fn summarize(changes: &[Change]) -> Summary {
    let mut s = Summary::default();
    for c in changes {
        match c.action {
            Action::Create => s.create += 1,
            Action::Replace => s.replace += 1,
            Action::Delete => s.delete += 1,
            Action::Blocked => s.blocked += 1,
            Action::Unchanged => s.unchanged += 1,
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn local(name: &str, language: &str, body: &str) -> Value {
        json!({"name": name, "language": language, "category": "UTILITY",
               "components": [{"type": "BODY", "text": body}]})
    }

    fn remote(name: &str, language: &str, body: &str, status: &str) -> Value {
        json!({"name": name, "language": language, "category": "UTILITY", "status": status,
               "components": [{"type": "BODY", "text": body}]})
    }

    fn actions(changes: &[Change]) -> Vec<(Action, &str, &str)> {
        changes.iter().map(|c| (c.action, c.name.as_str(), c.language.as_str())).collect()
    }

    #[test]
    fn same_content_is_unchanged_whatever_its_status() {
        for s in ["approved", "rejected", "pending", "paused"] {
            let c = plan(&[local("a", "en", "hi")], &[remote("a", "en", "hi", s)], true);
            assert_eq!(actions(&c), vec![(Action::Unchanged, "a", "en")]);
            assert_eq!(c[0].remote_status.as_deref(), Some(s));
        }
    }

    #[test]
    fn rejected_template_with_same_content_is_left_unchanged() {
        let c = plan(&[local("a", "en", "hi")], &[remote("a", "en", "hi", "REJECTED")], false);
        assert_eq!(actions(&c), vec![(Action::Unchanged, "a", "en")]);
    }

    #[test]
    fn category_is_compared_case_insensitively() {
        let mut l = local("a", "en", "hi");
        l["category"] = json!("utility");
        let c = plan(&[l], &[remote("a", "en", "hi", "approved")], false);
        assert_eq!(c[0].action, Action::Unchanged);
    }

    #[test]
    fn component_key_order_is_ignored() {
        let l: Value = serde_json::from_str(
            r#"{"name":"a","language":"en","category":"UTILITY","components":[{"text":"hi","type":"BODY"}]}"#,
        )
        .expect("valid JSON");
        let c = plan(&[l], &[remote("a", "en", "hi", "approved")], false);
        assert_eq!(c[0].action, Action::Unchanged);
    }

    #[test]
    fn missing_on_channel_is_created() {
        let c = plan(&[local("a", "en", "hi")], &[], false);
        assert_eq!(actions(&c), vec![(Action::Create, "a", "en")]);
        assert_eq!(c[0].remote_status, None);
    }

    #[test]
    fn differing_rejected_name_is_replaced_with_paths() {
        let c = plan(&[local("a", "en", "new")], &[remote("a", "en", "old", "rejected")], false);
        assert_eq!(actions(&c), vec![(Action::Replace, "a", "en")]);
        assert_eq!(
            c[0].diff,
            vec![DiffEntry { path: "components[0].text".into(), local: json!("new"), remote: json!("old") }]
        );
    }

    #[test]
    fn differing_approved_is_blocked_with_new_name_advice() {
        for s in ["approved", "paused", "disabled"] {
            let c = plan(&[local("a", "en", "new")], &[remote("a", "en", "old", s)], false);
            assert_eq!(c[0].action, Action::Blocked);
            assert_eq!(c[0].reason.as_deref(), Some(REASON_LOCKED));
            assert_eq!(c[0].diff.len(), 1);
        }
    }

    #[test]
    fn differing_in_review_is_blocked_with_wait_advice() {
        for s in ["submitted", "pending", "in review"] {
            let c = plan(&[local("a", "en", "new")], &[remote("a", "en", "old", s)], false);
            assert_eq!(c[0].action, Action::Blocked);
            assert_eq!(c[0].reason.as_deref(), Some(REASON_REVIEW));
        }
    }

    #[test]
    fn several_languages_of_one_name_are_planned_each() {
        let c = plan(
            &[local("a", "en", "hi"), local("a", "de", "hallo"), local("a", "fr", "salut")],
            &[remote("a", "en", "hi", "approved"), remote("a", "de", "hallo!", "approved")],
            false,
        );
        assert_eq!(
            actions(&c),
            vec![(Action::Blocked, "a", "de"), (Action::Unchanged, "a", "en"), (Action::Create, "a", "fr")]
        );
    }

    #[test]
    fn one_unrejected_language_blocks_the_whole_name_from_replace() {
        let c = plan(
            &[local("a", "en", "new"), local("a", "de", "neu")],
            &[remote("a", "en", "old", "rejected"), remote("a", "de", "neu", "approved")],
            false,
        );
        assert_eq!(actions(&c), vec![(Action::Unchanged, "a", "de"), (Action::Blocked, "a", "en")]);
        assert_eq!(c[1].reason.as_deref(), Some(REASON_LOCKED));
    }

    #[test]
    fn replace_recreates_every_language_of_the_name() {
        let c = plan(
            &[local("a", "en", "new"), local("a", "de", "neu")],
            &[remote("a", "en", "old", "rejected"), remote("a", "de", "neu", "rejected")],
            false,
        );
        assert_eq!(actions(&c), vec![(Action::Replace, "a", "de"), (Action::Replace, "a", "en")]);
        assert!(c[0].diff.is_empty());
    }

    #[test]
    fn prune_deletes_names_absent_from_files_and_warns_for_approved() {
        let r = [remote("gone", "en", "x", "approved"), remote("gone", "de", "x", "rejected")];
        assert!(plan(&[], &r, false).is_empty());
        let c = plan(&[], &r, true);
        assert_eq!(actions(&c), vec![(Action::Delete, "gone", "de"), (Action::Delete, "gone", "en")]);
        assert_eq!(c[0].reason, None);
        assert_eq!(c[1].reason.as_deref(), Some(REASON_PRUNE_APPROVED));
    }

    #[test]
    fn remote_only_language_of_kept_name_is_blocked_under_prune() {
        let l = [local("a", "en", "hi")];
        let r = [remote("a", "en", "hi", "approved"), remote("a", "de", "hallo", "approved")];
        assert_eq!(actions(&plan(&l, &r, false)), vec![(Action::Unchanged, "a", "en")]);
        let c = plan(&l, &r, true);
        assert_eq!(actions(&c), vec![(Action::Blocked, "a", "de"), (Action::Unchanged, "a", "en")]);
        assert_eq!(c[0].reason.as_deref(), Some(REASON_REMOTE_ONLY));
    }

    #[test]
    fn remote_only_language_of_replaced_name_is_deleted_with_it() {
        let l = [local("a", "en", "new")];
        let r = [remote("a", "en", "old", "rejected"), remote("a", "de", "x", "rejected")];
        let c = plan(&l, &r, false);
        assert_eq!(actions(&c), vec![(Action::Delete, "a", "de"), (Action::Replace, "a", "en")]);
        assert_eq!(c[0].reason.as_deref(), Some(REASON_REPLACED_NAME));
    }

    #[test]
    fn category_change_is_a_diff_path() {
        let mut l = local("a", "en", "hi");
        l["category"] = json!("MARKETING");
        let c = plan(&[l], &[remote("a", "en", "hi", "rejected")], false);
        assert_eq!(c[0].action, Action::Replace);
        assert_eq!(c[0].diff[0].path, "category");
    }

    #[test]
    fn summary_counts_each_action() {
        let c = plan(
            &[local("a", "en", "hi"), local("b", "en", "x")],
            &[remote("a", "en", "hi", "approved"), remote("z", "en", "x", "approved")],
            true,
        );
        let s = summarize(&c);
        assert_eq!((s.create, s.delete, s.unchanged, s.replace, s.blocked), (1, 1, 1, 0, 0));
    }
}
