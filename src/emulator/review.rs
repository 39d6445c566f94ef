//! Simulated template review. A created template is `submitted`; once its `review_at` has passed
//! (creation time + the creating server's review delay), the next read decides it and persists
//! the decision:
//!
//! 1. `rejected` / `INVALID_FORMAT` when the template breaks one of the emulator's own format
//!    rules ([`super::review_rules`]; the first broken one is kept in `rejected_detail`);
//! 2. `rejected` / `INCORRECT_CATEGORY` when a `UTILITY` or `AUTHENTICATION` template's body
//!    contains promotional wording (one of [`PROMOTIONAL_WORDS`], case-insensitive), unless it
//!    was submitted with `"allow_category_change": true`: then, like Meta, the category becomes
//!    `MARKETING` and the template is approved;
//! 3. `approved` otherwise.

use std::sync::Arc;

use serde_json::{Value, json};

use super::EmulatorError;
use super::review_rules;
use super::state::{StateData, StoredTemplate};
use super::store::Store;
use super::util::now_ms;

/// Wording that makes a non-marketing template "incorrectly categorised".
pub const PROMOTIONAL_WORDS: [&str; 5] = ["discount", "% off", "coupon", "promo code", "special offer"];

/// Whether the review of `template` is due at `now` (Unix ms) and not yet decided.
pub fn is_due(template: &StoredTemplate, now: u64) -> bool {
    template.status == "submitted" && template.review_at <= now
}

/// The state with every due review decided and persisted.
pub fn settled(store: &Store) -> Result<Arc<StateData>, EmulatorError> {
    let data = store.read()?;
    let now = now_ms();
    if !data.templates.iter().any(|t| is_due(t, now)) {
        return Ok(data);
    }
    store.mutate(|state| {
        for template in state.templates.iter_mut().filter(|t| is_due(t, now)) {
            decide(template, now);
        }
        Ok::<_, EmulatorError>(())
    })?;
    store.read()
}

/// Applies the review rules to `template`.
pub fn decide(template: &mut StoredTemplate, now: u64) {
    template.modified_at = now;
    if let Some(problem) = review_rules::first_problem(&template.body) {
        template.status = "rejected".into();
        template.rejected_reason = Some("INVALID_FORMAT".into());
        template.rejected_detail = Some(problem);
        return;
    }
    let category = template.body.get("category").and_then(Value::as_str).unwrap_or_default();
    if matches!(category, "UTILITY" | "AUTHENTICATION") && is_promotional(&template.body) {
        if template.body.get("allow_category_change") == Some(&Value::Bool(true)) {
            template.body.insert("category".into(), json!("MARKETING"));
        } else {
            template.status = "rejected".into();
            template.rejected_reason = Some("INCORRECT_CATEGORY".into());
            template.rejected_detail =
                Some(format!("promotional wording in a {category} template; submit it as MARKETING"));
            return;
        }
    }
    template.status = "approved".into();
    template.rejected_reason = None;
    template.rejected_detail = None;
}

fn is_promotional(body: &serde_json::Map<String, Value>) -> bool {
    let components = body.get("components").and_then(Value::as_array);
    components.into_iter().flatten().any(|component| {
        let is_body =
            component.get("type").and_then(Value::as_str).is_some_and(|t| t.eq_ignore_ascii_case("BODY"));
        let text = component.get("text").and_then(Value::as_str).unwrap_or_default().to_lowercase();
        is_body && PROMOTIONAL_WORDS.iter().any(|w| text.contains(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(category: &str, text: &str, allow_change: bool) -> StoredTemplate {
        let body = json!({
            "name": "t", "language": "en", "category": category,
            "allow_category_change": allow_change,
            "components": [{"type": "BODY", "text": text}]
        });
        StoredTemplate {
            status: "submitted".into(),
            body: body.as_object().cloned().unwrap_or_default(),
            ..StoredTemplate::default()
        }
    }

    #[test]
    fn promotional_utility_template_is_rejected_as_incorrect_category() {
        let mut t = template("UTILITY", "Get 20% off with this coupon", false);
        decide(&mut t, 5);
        assert_eq!(t.status, "rejected");
        assert_eq!(t.rejected_reason.as_deref(), Some("INCORRECT_CATEGORY"));
        assert_eq!(t.body["category"], "UTILITY");
    }

    #[test]
    fn allowed_category_change_turns_promotional_utility_into_approved_marketing() {
        let mut t = template("UTILITY", "Get 20% off with this coupon", true);
        decide(&mut t, 5);
        assert_eq!(t.status, "approved");
        assert_eq!(t.body["category"], "MARKETING");
        assert_eq!(t.rejected_reason, None);
    }

    #[test]
    fn a_broken_format_is_rejected_as_invalid_format_with_the_first_broken_rule() {
        let mut t = template("MARKETING", "{{1}} wins", false);
        decide(&mut t, 5);
        assert_eq!((t.status.as_str(), t.rejected_reason.as_deref()), ("rejected", Some("INVALID_FORMAT")));
        let detail = t.rejected_detail.unwrap_or_default();
        assert!(detail.starts_with("components[0].text: "), "{detail}");
        assert_eq!(t.modified_at, 5);
    }

    #[test]
    fn due_only_after_review_time() {
        let mut t = template("UTILITY", "Your order shipped", false);
        t.review_at = 10;
        assert!(!is_due(&t, 9));
        assert!(is_due(&t, 10));
        t.status = "approved".into();
        assert!(!is_due(&t, 11));
    }
}
