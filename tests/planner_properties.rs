//! The templates-as-code planner (`template::plan`) against a model of apply: property tests
//! (proptest, bounded, no failure files). For any two sets of templates sharing names,
//! languages, categories and statuses, with names locked by an earlier delete, applying the
//! plan's changes to the remote set the way `templates apply` does (each deleted or replaced
//! name deleted whole, locking it when an approved or paused language goes; then every create
//! and replace made, refused for a locked name) yields the desired set everywhere except at
//! exactly the changes the plan calls blocked (each with a reason that fits the channel) and
//! the creates a locked name refuses. The plan does not depend on the order of its inputs, and
//! planning again against the result plans nothing more.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::{Value, json};
use whatsapp_ctl::template::plan::{
    Action, Change, REASON_LOCKED, REASON_PRUNE_APPROVED, REASON_REMOTE_ONLY, REASON_REPLACED_NAME,
    REASON_REVIEW, diff, plan,
};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() }
}

const NAMES: &[&str] = &["order_update", "welcome", "otp", "promo"];
const LANGUAGES: &[&str] = &["en", "de", "pt_BR"];
/// Categories as files and the API write them (compared case-insensitively).
const CATEGORIES: &[&str] = &["UTILITY", "utility", "MARKETING"];
const BODIES: &[&str] = &["Hi {{1}}", "Hello {{1}}", "Order {{1}} shipped"];
/// Statuses as the API shows them, in both cases.
const STATUSES: &[&str] = &[
    "APPROVED",
    "approved",
    "REJECTED",
    "rejected",
    "PENDING",
    "PAUSED",
    "DISABLED",
    "submitted",
    "in review",
];
/// The status of a template just created (review pending).
const CREATED_STATUS: &str = "submitted";

type Key = (String, String);

fn template(name: &str, language: &str, category: &str, body: &str, footer: bool) -> Value {
    let mut components = vec![json!({"type": "BODY", "text": body})];
    if footer {
        components.push(json!({"text": "Reply STOP to opt out", "type": "FOOTER"}));
    }
    json!({"name": name, "language": language, "category": category, "components": components})
}

fn arb_key() -> impl Strategy<Value = Key> {
    (proptest::sample::select(NAMES), proptest::sample::select(LANGUAGES))
        .prop_map(|(n, l)| (n.to_owned(), l.to_owned()))
}

fn arb_content() -> impl Strategy<Value = (&'static str, &'static str, bool)> {
    (proptest::sample::select(CATEGORIES), proptest::sample::select(BODIES), any::<bool>())
}

/// The files' templates: one per (name, language), as `templates plan` checks.
fn arb_desired() -> impl Strategy<Value = BTreeMap<Key, Value>> {
    proptest::collection::btree_map(arb_key(), arb_content(), 0..8).prop_map(|m| {
        m.into_iter()
            .map(|((n, l), (c, b, f))| {
                let t = template(&n, &l, c, b, f);
                ((n, l), t)
            })
            .collect()
    })
}

/// The channel's templates: one per (name, language), each with a status and an id.
fn arb_remote() -> impl Strategy<Value = BTreeMap<Key, Value>> {
    proptest::collection::btree_map(
        arb_key(),
        (arb_content(), proptest::sample::select(STATUSES), 0u32..1000),
        0..8,
    )
    .prop_map(|m| {
        m.into_iter()
            .map(|((n, l), ((c, b, f), status, id))| {
                let mut t = template(&n, &l, c, b, f);
                t["status"] = json!(status);
                t["id"] = json!(id.to_string());
                ((n, l), t)
            })
            .collect()
    })
}

/// A plan's inputs, with the same templates in two random orders.
#[derive(Debug, Clone)]
struct Case {
    desired: BTreeMap<Key, Value>,
    remote: BTreeMap<Key, Value>,
    /// Names an earlier delete of an approved template locked.
    locked: BTreeSet<String>,
    prune: bool,
    shuffled_desired: Vec<Value>,
    shuffled_remote: Vec<Value>,
}

fn arb_case() -> impl Strategy<Value = Case> {
    (
        arb_desired(),
        arb_remote(),
        proptest::collection::btree_set(proptest::sample::select(NAMES), 0..2),
        any::<bool>(),
    )
        .prop_flat_map(|(desired, remote, locked, prune)| {
            let d: Vec<Value> = desired.values().cloned().collect();
            let r: Vec<Value> = remote.values().cloned().collect();
            (
                Just(desired),
                Just(remote),
                Just(locked),
                Just(prune),
                Just(d).prop_shuffle(),
                Just(r).prop_shuffle(),
            )
        })
        .prop_map(|(desired, remote, locked, prune, shuffled_desired, shuffled_remote)| Case {
            desired,
            remote,
            locked: locked.into_iter().map(str::to_owned).collect(),
            prune,
            shuffled_desired,
            shuffled_remote,
        })
}

fn key_of(change: &Change) -> Key {
    (change.name.clone(), change.language.clone())
}

fn status_of(template: &Value) -> String {
    template["status"].as_str().unwrap_or_default().to_ascii_lowercase()
}

/// What apply leaves on the channel, and the changes the API refused (a locked name).
struct Applied {
    channel: BTreeMap<Key, Value>,
    locked: BTreeSet<String>,
    refused: BTreeSet<Key>,
}

/// The model of `templates apply` against the API: deletes first (by name, every language;
/// deleting an approved or paused language locks the name), then creates and replaces, which
/// a locked name refuses.
fn apply(
    changes: &[Change],
    desired: &BTreeMap<Key, Value>,
    channel: &BTreeMap<Key, Value>,
    locked: &BTreeSet<String>,
) -> Applied {
    let mut channel = channel.clone();
    let mut locked = locked.clone();
    let deleted: BTreeSet<&str> = changes
        .iter()
        .filter(|c| matches!(c.action, Action::Delete | Action::Replace))
        .map(|c| c.name.as_str())
        .collect();
    for name in deleted {
        if channel
            .iter()
            .any(|((n, _), t)| n == name && matches!(status_of(t).as_str(), "approved" | "paused"))
        {
            locked.insert(name.to_owned());
        }
        channel.retain(|(n, _), _| n != name);
    }
    let mut refused = BTreeSet::new();
    for change in changes.iter().filter(|c| matches!(c.action, Action::Create | Action::Replace)) {
        let key = key_of(change);
        if locked.contains(&change.name) {
            refused.insert(key);
            continue;
        }
        let mut created = desired.get(&key).cloned().unwrap_or(Value::Null);
        created["status"] = json!(CREATED_STATUS);
        channel.insert(key, created);
    }
    Applied { channel, locked, refused }
}

/// The keys where `channel` is not what the files say: a file's template missing or different,
/// or (with `prune`) a template no file holds.
fn mismatched(desired: &BTreeMap<Key, Value>, channel: &BTreeMap<Key, Value>, prune: bool) -> BTreeSet<Key> {
    let mut out: BTreeSet<Key> = desired
        .iter()
        .filter(|(key, local)| channel.get(*key).is_none_or(|remote| !diff(local, remote).is_empty()))
        .map(|(key, _)| key.clone())
        .collect();
    if prune {
        out.extend(channel.keys().filter(|key| !desired.contains_key(*key)).cloned());
    }
    out
}

fn with(changes: &[Change], action: Action) -> BTreeSet<Key> {
    changes.iter().filter(|c| c.action == action).map(key_of).collect()
}

/// Each blocked change's reason fits the channel; other changes carry only the delete warnings.
fn check_reasons(case: &Case, changes: &[Change]) -> Result<(), TestCaseError> {
    for change in changes {
        let name = change.name.as_str();
        let statuses: Vec<String> =
            case.remote.iter().filter(|((n, _), _)| n == name).map(|(_, t)| status_of(t)).collect();
        let locking = statuses.iter().any(|s| matches!(s.as_str(), "approved" | "paused" | "disabled"));
        let unrejected = statuses.iter().any(|s| s != "rejected");
        let reason = change.reason.as_deref();
        match change.action {
            Action::Blocked if !case.desired.contains_key(&key_of(change)) => {
                prop_assert_eq!(reason, Some(REASON_REMOTE_ONLY), "{:?}", change);
                prop_assert!(
                    case.prune,
                    "a remote-only language is blocked only under --prune: {:?}",
                    change
                );
            }
            Action::Blocked => {
                prop_assert!(unrejected, "blocked, yet every language is rejected: {:?}", change);
                let expected = if locking { REASON_LOCKED } else { REASON_REVIEW };
                prop_assert_eq!(reason, Some(expected), "{:?}", change);
                prop_assert!(!change.diff.is_empty(), "blocked without a difference: {:?}", change);
            }
            Action::Delete if case.desired.keys().any(|(n, _)| n == name) => {
                prop_assert_eq!(reason, Some(REASON_REPLACED_NAME), "{:?}", change);
            }
            Action::Delete => {
                let approved = change.remote_status.as_deref() == Some("approved");
                prop_assert_eq!(reason, approved.then_some(REASON_PRUNE_APPROVED), "{:?}", change);
            }
            _ => prop_assert_eq!(reason, None, "{:?}", change),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn applying_the_plan_yields_the_files_except_where_it_says_blocked(case in arb_case()) {
        let changes = plan(case.desired.values(), case.remote.values(), case.prune);

        // One change per (name, language), sorted, covering every file's template.
        let keys: Vec<Key> = changes.iter().map(key_of).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(&keys, &sorted, "changes unsorted or repeated");
        for key in case.desired.keys() {
            prop_assert!(keys.contains(key), "{key:?} is in the files but not in the plan");
        }
        check_reasons(&case, &changes)?;

        // The same templates in another order: the same plan.
        let again = plan(&case.shuffled_desired, &case.shuffled_remote, case.prune);
        prop_assert_eq!(&again, &changes, "the plan depends on the order of its inputs");

        let applied = apply(&changes, &case.desired, &case.remote, &case.locked);
        let mut expected = with(&changes, Action::Blocked);
        expected.extend(applied.refused.iter().cloned());
        prop_assert_eq!(
            mismatched(&case.desired, &applied.channel, case.prune),
            expected,
            "where the channel differs from the files after apply, against what the plan blocked \
             and the locked names refused; plan: {:?}",
            changes
        );
        // Only locked names refuse, and only names the files create.
        for (name, _) in &applied.refused {
            prop_assert!(applied.locked.contains(name));
        }

        // Planning against the result plans nothing but what stayed blocked or was refused.
        let second = plan(case.desired.values(), applied.channel.values(), case.prune);
        prop_assert_eq!(with(&second, Action::Blocked), with(&changes, Action::Blocked), "{:?}", second);
        prop_assert_eq!(with(&second, Action::Create), applied.refused.clone(), "{:?}", second);
        prop_assert!(with(&second, Action::Replace).is_empty(), "{:?}", second);
        prop_assert!(with(&second, Action::Delete).is_empty(), "{:?}", second);
        // And applying that changes nothing.
        let third = apply(&second, &case.desired, &applied.channel, &applied.locked);
        prop_assert_eq!(third.channel, applied.channel);
    }

    #[test]
    fn unchanged_means_equal_content_whatever_the_status_unless_the_name_is_replaced(case in arb_case()) {
        let changes = plan(case.desired.values(), case.remote.values(), case.prune);
        for change in &changes {
            let key = key_of(change);
            let equal = match (case.desired.get(&key), case.remote.get(&key)) {
                (Some(local), Some(remote)) => diff(local, remote).is_empty(),
                _ => false,
            };
            // Equal content is unchanged, unless the name is replaced: then every language of it
            // is deleted with the name and created again.
            let replaced = changes.iter().any(|c| c.name == change.name && c.action == Action::Replace);
            if change.action == Action::Unchanged {
                prop_assert!(equal, "{:?}", change);
            }
            if equal {
                let expected = if replaced { Action::Replace } else { Action::Unchanged };
                prop_assert_eq!(change.action, expected, "{:?}", change);
            }
            let status = case.remote.get(&key).map(status_of);
            prop_assert_eq!(&change.remote_status, &status, "{:?}", change);
        }
    }
}
