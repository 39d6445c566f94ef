//! Template endpoints: create checks, duplicate, list envelope, paging, filters, sort, delete,
//! review simulation.

use std::time::Duration;

use serde_json::{Value, json};

use super::{Harness, template_body};

fn names(list: &Value) -> Vec<String> {
    list["waba_templates"]
        .as_array()
        .expect("waba_templates")
        .iter()
        .filter_map(|t| t["name"].as_str().map(String::from))
        .collect()
}

#[tokio::test]
async fn create_answers_submitted_and_keeps_unknown_fields_verbatim() {
    let h = Harness::with("create", |o| o.review_delay = Duration::from_secs(3600)).await;
    let mut body = template_body("order_update", "en_US", "Hi {{1}}, order {{2}} shipped.");
    body["allow_category_change"] = json!(true);
    body["x_custom"] = json!({"kept": [1, 2]});
    body["category"] = json!("utility");
    let (status, created) = h.post("/v1/configs/templates", body.clone()).await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["status"], "submitted");
    assert_eq!(created["category"], "UTILITY");
    assert_eq!(created["rejected_reason"], Value::Null);
    assert!(created["id"].as_str().is_some_and(|id| !id.is_empty()));
    assert!(created["namespace"].as_str().is_some_and(|ns| ns.len() == 36));

    let (_, listed) = h.get("/v1/configs/templates").await;
    let t = &listed["waba_templates"][0];
    assert_eq!(t["status"], "submitted");
    assert_eq!(t["components"], body["components"]);
    assert_eq!(t["x_custom"], json!({"kept": [1, 2]}));
    assert_eq!(t["rejected_reason"], "NONE");
    assert_eq!(t["quality_score"], json!({"score": "UNKNOWN", "reasons": null}));
    for field in ["id", "namespace", "partner_id", "waba_account_id", "created_at", "modified_at"] {
        assert!(t[field].is_string(), "{field} in {t}");
    }
    h.finish().await;
}

#[tokio::test]
async fn create_refuses_bad_names_categories_languages_and_bodiless_templates_with_code_100() {
    let h = Harness::start("create-bad").await;
    let good = template_body("fine_name", "en", "Hello");
    let mut cases = Vec::new();
    for (key, value) in [
        ("name", json!("Bad-Name")),
        ("name", json!("a".repeat(513))),
        ("category", json!("TRANSACTIONAL")),
        ("language", Value::Null),
        ("language", json!("english")),
        ("components", json!([{"type": "FOOTER", "text": "x"}])),
    ] {
        let mut body = good.clone();
        body[key] = value;
        cases.push(body);
    }
    let mut no_name = good.clone();
    no_name.as_object_mut().expect("object").remove("name");
    cases.push(no_name);
    for body in cases {
        let (status, error) = h.post("/v1/configs/templates", body.clone()).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(error["error"]["code"], 100, "{error}");
        assert_eq!(error["error"]["message"], "(#100) Invalid parameter");
        assert_eq!(error["error"]["type"], "OAuthException");
        assert!(error["error"]["error_user_msg"].is_string(), "{error}");
        assert!(error["error"]["fbtrace_id"].is_string());
    }
    let (_, listed) = h.get("/v1/configs/templates").await;
    assert_eq!(listed["total"], 0, "nothing was stored");
    h.finish().await;
}

#[tokio::test]
async fn duplicate_name_and_language_answers_subcode_2388024_but_other_languages_are_fine() {
    let h = Harness::start("dup").await;
    assert_eq!(h.create("welcome", "en", "Hello").await.0, 200);
    let (status, error) = h.create("welcome", "en", "Hello again").await;
    assert_eq!(status, 400);
    assert_eq!(error["error"]["code"], 100);
    assert_eq!(error["error"]["error_subcode"], 2388024);
    assert_eq!(error["error"]["message"], "(#100) Invalid parameter");
    assert_eq!(error["error"]["error_user_title"], "Content in This Language Already Exists");
    assert!(error["error"]["error_user_msg"].as_str().unwrap_or_default().contains("en"));
    assert_eq!(h.create("welcome", "de", "Hallo").await.0, 200);
    h.finish().await;
}

#[tokio::test]
async fn list_envelope_paging_page_cap_filters_and_sort() {
    let h = Harness::with("list", |o| o.page_cap = Some(2)).await;
    for (name, language) in
        [("bravo", "en"), ("alpha", "en"), ("charlie", "de"), ("alpha", "de"), ("delta", "en")]
    {
        assert_eq!(h.create(name, language, "Hello").await.0, 200);
    }
    let (status, page) = h.get("/v1/configs/templates?limit=1000&offset=0&sort=-name").await;
    assert_eq!(status, 200);
    let keys: Vec<&String> = page.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["count", "filters", "limit", "offset", "sort", "total", "waba_templates"]);
    assert_eq!(page["count"], 2);
    assert_eq!(page["limit"], 2, "the page cap wins over the asked limit");
    assert_eq!(page["total"], 5);
    assert_eq!(page["sort"], json!(["-name"]));
    assert_eq!(page["filters"], json!({}));
    assert_eq!(names(&page), ["delta", "charlie"]);
    let (_, last) = h.get("/v1/configs/templates?limit=2&offset=4&sort=-name").await;
    assert_eq!(names(&last), ["alpha"]);
    assert_eq!(last["count"], 1);

    let (_, default_sort) = h.get("/v1/configs/templates?limit=5").await;
    assert_eq!(default_sort["sort"], json!(["id"]));
    assert_eq!(names(&default_sort), ["bravo", "alpha"], "by id = creation order");

    let filter = r#"{"business_templates.name":"alpha","status":"APPROVED"}"#;
    let path = format!("/v1/configs/templates?sort=language&filters={}", urlencode(filter));
    let (_, filtered) = h.get(&path).await;
    assert_eq!(filtered["total"], 2, "{filtered}");
    assert_eq!(filtered["filters"], json!({"business_templates.name": "alpha", "status": "APPROVED"}));
    let languages: Vec<&str> = filtered["waba_templates"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|t| t["language"].as_str())
        .collect();
    assert_eq!(languages, ["de", "en"]);

    let (_, by_language) = h
        .get(&format!("/v1/configs/templates?filters={}", urlencode(r#"{"name":"alpha","language":"de"}"#)))
        .await;
    assert_eq!(by_language["total"], 1);

    for bad in ["limit=abc", "sort=colour", "filters=%7Bnot-json", "filters=%7B%22owner%22%3A%22x%22%7D"] {
        let (status, error) = h.get(&format!("/v1/configs/templates?{bad}")).await;
        assert_eq!(status, 400, "{bad}");
        assert_eq!(error["meta"]["success"], false);
    }
    h.finish().await;
}

fn urlencode(raw: &str) -> String {
    raw.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn delete_removes_every_language_and_unknown_names_answer_404() {
    let h = Harness::start("delete").await;
    h.create("bye", "en", "Bye").await;
    h.create("bye", "de", "Tschüss").await;
    h.create("stay", "en", "Stay").await;
    let (status, answer) = h.delete("/v1/configs/templates/bye").await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["meta"]["success"], true);
    let (_, listed) = h.get("/v1/configs/templates").await;
    assert_eq!(names(&listed), ["stay"]);
    let (status, error) = h.delete("/v1/configs/templates/bye").await;
    assert_eq!(status, 404);
    assert_eq!(error["error"]["code"], 100);
    assert!(error["error"]["error_user_msg"].as_str().unwrap_or_default().contains("bye"));
    h.finish().await;
}

#[tokio::test]
async fn review_approves_after_the_delay_and_persists_the_decision() {
    let h = Harness::with("review", |o| o.review_delay = Duration::from_secs(1)).await;
    h.create("soon_ok", "en", "Your order {{1}} has shipped.").await;
    let (_, before) = h.get("/v1/configs/templates").await;
    assert_eq!(before["waba_templates"][0]["status"], "submitted");
    // Decided on the first read after the delay: poll (bounded) instead of guessing a sleep.
    let mut after = before;
    for _ in 0..200 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        after = h.get("/v1/configs/templates").await.1;
        if after["waba_templates"][0]["status"] != "submitted" {
            break;
        }
    }
    let template = &after["waba_templates"][0];
    assert_eq!(template["status"], "approved", "{template}");
    assert_eq!(template["quality_score"]["score"], "GREEN");
    assert_eq!(template["rejected_reason"], "NONE");
    let stored = std::fs::read_to_string(&h.state).expect("state");
    assert!(!stored.contains("\"submitted\""), "the decision is persisted");
    h.finish().await;
}

#[tokio::test]
async fn review_rejects_invalid_format_and_promotional_utility_templates() {
    let h = Harness::start("reject").await;
    let broken = json!({
        "name": "broken", "category": "MARKETING", "language": "en",
        "components": [{"type": "BODY", "text": "{{1}} {{3}}"}, {"type": "FOOTER", "text": "Hi {{1}}"}]
    });
    h.post("/v1/configs/templates", broken.clone()).await;
    h.create("promo", "en", "Use coupon SAVE20 for 20% off").await;
    let (_, listed) = h.get("/v1/configs/templates?sort=name").await;
    let by_name = |name: &str| {
        listed["waba_templates"]
            .as_array()
            .expect("list")
            .iter()
            .find(|t| t["name"] == name)
            .cloned()
            .expect("template")
    };
    let broken_view = by_name("broken");
    assert_eq!(broken_view["status"], "rejected", "{broken_view}");
    assert_eq!(broken_view["rejected_reason"], "INVALID_FORMAT");
    assert!(broken_view["rejected_detail"].is_string());
    let promo = by_name("promo");
    assert_eq!(promo["status"], "rejected", "{promo}");
    assert_eq!(promo["rejected_reason"], "INCORRECT_CATEGORY");
    let (_, rejected) = h.get("/v1/configs/templates?filters=%7B%22status%22%3A%22rejected%22%7D").await;
    assert!(rejected["total"].as_u64().is_some_and(|n| n >= 1));
    h.finish().await;
}

#[tokio::test]
async fn deleting_an_approved_name_locks_it_for_30_days_with_metas_error() {
    let h = Harness::start("name_lock").await;
    h.create("gone", "en", "Your order shipped.").await;
    h.create("gone", "de", "Ihre Bestellung ist unterwegs.").await;
    let (_, listed) = h.get("/v1/configs/templates").await;
    assert_eq!(listed["waba_templates"][0]["status"], "approved");
    assert_eq!(h.delete("/v1/configs/templates/gone").await.0, 200);
    let (status, error) = h.create("gone", "fr", "Votre commande est partie.").await;
    assert_eq!(status, 400, "{error}");
    assert_eq!(error["error"]["code"], 100);
    assert_eq!(error["error"]["error_subcode"], 2388023);
    assert!(error["error"]["error_user_msg"].as_str().unwrap_or_default().contains("4 weeks"));
    assert_eq!(h.create("other", "en", "Your order shipped.").await.0, 200, "other names are free");
    let stored: Value =
        serde_json::from_str(&std::fs::read_to_string(&h.state).expect("state")).expect("json");
    let until = stored["locked_names"]["gone"].as_u64().expect("lock persisted");
    let now = crate::emulator::util::now_ms();
    assert!(
        until > now + crate::emulator::templates::NAME_LOCK_MS - 60_000
            && until <= now + crate::emulator::templates::NAME_LOCK_MS
    );
    h.finish().await;
}

#[tokio::test]
async fn a_deleted_rejected_name_is_free_and_its_recreation_is_reviewed_anew() {
    let h = Harness::start("recreate").await;
    h.create("fix_me", "en", "Use coupon SAVE10 today.").await;
    let (_, listed) = h.get("/v1/configs/templates").await;
    assert_eq!(listed["waba_templates"][0]["status"], "rejected", "{listed}");
    assert_eq!(h.delete("/v1/configs/templates/fix_me").await.0, 200);
    let (status, created) = h.create("fix_me", "en", "Your order shipped.").await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["status"], "submitted");
    let (_, listed) = h.get("/v1/configs/templates").await;
    assert_eq!(listed["waba_templates"][0]["status"], "approved", "{listed}");
    assert_eq!(listed["waba_templates"][0]["rejected_reason"], "NONE");
    h.finish().await;
}
