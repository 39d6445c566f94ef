//! Send endpoints: the 24-hour window, body checks, media rule, template checks, on-premise shape.

use serde_json::{Value, json};

use super::Harness;
use crate::emulator::inbound;

const TO: &str = "4915112345678";

fn text(body: &str) -> Value {
    json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": TO, "type": "text", "text": {"body": body}})
}

fn code(error: &Value) -> i64 {
    error["error"]["code"].as_i64().unwrap_or_default()
}

#[tokio::test]
async fn free_form_needs_an_open_window_which_inbound_opens() {
    let h = Harness::start("window").await;
    let (status, error) = h.post("/messages", text("hello")).await;
    assert_eq!(status, 400);
    assert_eq!(error["error"]["message"], "(#131047) Re-engagement message");
    assert_eq!(error["error"]["code"], 131047);
    assert_eq!(error["error"]["type"], "OAuthException");
    assert_eq!(error["error"]["error_data"]["messaging_product"], "whatsapp");
    assert!(error["error"]["error_data"]["details"].as_str().unwrap_or_default().contains("24 hours"));

    let report = inbound(&h.state, &format!("+{TO}"), "hi there", Some("Kerry")).await.expect("inbound");
    assert_eq!(report.delivered_to, None, "no webhook registered");
    assert!(report.message_id.starts_with("wamid."));

    let (status, sent) = h.post("/messages", text("hello")).await;
    assert_eq!(status, 200, "{sent}");
    assert_eq!(sent["messaging_product"], "whatsapp");
    assert_eq!(sent["contacts"], json!([{"input": TO, "wa_id": TO}]));
    assert!(sent["messages"][0]["id"].as_str().is_some_and(|id| id.starts_with("wamid.")));
    let (_, stored) = h.send(h.client.get(h.url("/_emulator/messages"))).await;
    assert_eq!(stored[0]["to"], TO);
    assert_eq!(stored[0]["type"], "text");
    assert_eq!(stored[0]["body"]["text"]["body"], "hello");
    h.finish().await;
}

#[tokio::test]
async fn send_checks_recipient_type_text_length_and_messaging_product() {
    let h = Harness::start("checks").await;
    inbound(&h.state, TO, "hi", None).await.expect("inbound");
    let mut no_product = text("x");
    no_product.as_object_mut().expect("object").remove("messaging_product");
    let mut no_to = text("x");
    no_to.as_object_mut().expect("object").remove("to");
    let mut bad_to = text("x");
    bad_to["to"] = json!("12ab");
    let mut bad_type = text("x");
    bad_type["type"] = json!("hologram");
    let cases = [
        (no_product, 100),
        (no_to, 131008),
        (bad_to, 131009),
        (bad_type, 131009),
        (json!({"messaging_product": "whatsapp", "to": TO, "type": "text"}), 131008),
        (text(""), 131008),
        (text(&"a".repeat(4097)), 131009),
    ];
    for (body, expected) in cases {
        let (status, error) = h.post("/messages", body.clone()).await;
        assert_eq!((status, code(&error)), (400, expected), "{body} -> {error}");
    }
    assert_eq!(h.post("/messages", text(&"ä".repeat(4096))).await.0, 200, "4096 characters are fine");
    h.finish().await;
}

#[tokio::test]
async fn interactive_buttons_follow_metas_limits() {
    let h = Harness::start("buttons").await;
    inbound(&h.state, TO, "hi", None).await.expect("inbound");
    let buttons = |titles: &[&str]| {
        let buttons: Vec<Value> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| json!({"type": "reply", "reply": {"id": format!("b{i}"), "title": t}}))
            .collect();
        json!({"messaging_product": "whatsapp", "to": TO, "type": "interactive",
               "interactive": {"type": "button", "body": {"text": "Pick one"}, "action": {"buttons": buttons}}})
    };
    assert_eq!(h.post("/messages", buttons(&["Yes", "No", "Maybe"])).await.0, 200);
    for bad in [vec![], vec!["a", "b", "c", "d"], vec!["This title is too long!"], vec!["Same", "Same"]] {
        let (status, error) = h.post("/messages", buttons(&bad)).await;
        assert_eq!((status, code(&error)), (400, 131009), "{bad:?} -> {error}");
    }
    let mut no_body = buttons(&["Yes"]);
    no_body["interactive"]["body"] = json!({});
    assert_eq!(code(&h.post("/messages", no_body).await.1), 131008);
    h.finish().await;
}

#[tokio::test]
async fn media_links_must_fit_the_kind_else_131053() {
    let h = Harness::start("media").await;
    inbound(&h.state, TO, "hi", None).await.expect("inbound");
    let media = |kind: &str, object: Value| json!({"messaging_product": "whatsapp", "to": TO, "type": kind, kind: object});
    let ok = [
        media("image", json!({"link": "https://cdn.example.com/a/photo.JPG?x=1", "caption": "hi"})),
        media("video", json!({"link": "https://cdn.example.com/clip.mp4"})),
        media("audio", json!({"link": "https://cdn.example.com/voice.ogg"})),
        media("document", json!({"link": "https://cdn.example.com/report", "filename": "r.pdf"})),
        media("sticker", json!({"link": "https://cdn.example.com/s.webp"})),
        media("image", json!({"id": "1234567890"})),
    ];
    for body in ok {
        assert_eq!(h.post("/messages", body.clone()).await.0, 200, "{body}");
    }
    let refused = [
        (media("image", json!({"link": "https://cdn.example.com/anim.gif"})), 131053),
        (media("video", json!({"link": "https://cdn.example.com/clip.mov"})), 131053),
        (media("document", json!({"link": "https://unreachable.invalid/r.pdf"})), 131053),
        (media("audio", json!({"link": "https://cdn.example.com/v.mp3", "caption": "no"})), 131009),
        (media("image", json!({"link": "ftp://cdn.example.com/a.png"})), 131009),
        (media("image", json!({})), 131008),
    ];
    for (body, expected) in refused {
        let (status, error) = h.post("/messages", body.clone()).await;
        assert_eq!((status, code(&error)), (400, expected), "{body} -> {error}");
    }
    h.finish().await;
}

fn template_send(name: &str, language: &str, body_params: usize) -> Value {
    let parameters: Vec<Value> =
        (0..body_params).map(|i| json!({"type": "text", "text": format!("p{i}")})).collect();
    json!({"messaging_product": "whatsapp", "to": TO, "type": "template",
           "template": {"name": name, "language": {"policy": "deterministic", "code": language},
                        "components": [{"type": "body", "parameters": parameters}]}})
}

#[tokio::test]
async fn templates_need_no_window_but_must_exist_be_approved_and_match_parameters() {
    let h = Harness::start("tplsend").await;
    assert_eq!(h.create("order_update", "en_US", "Hi {{1}}, order {{2}} shipped.").await.0, 200);
    let (status, sent) = h.post("/messages", template_send("order_update", "en_US", 2)).await;
    assert_eq!(status, 200, "no window needed for templates: {sent}");

    let (status, error) = h.post("/messages", template_send("order_update", "de", 2)).await;
    assert_eq!((status, code(&error)), (404, 132001), "{error}");
    let (status, error) = h.post("/messages", template_send("nope", "en_US", 0)).await;
    assert_eq!((status, code(&error)), (404, 132001));
    let (status, error) = h.post("/messages", template_send("order_update", "en_US", 1)).await;
    assert_eq!((status, code(&error)), (400, 132000));
    assert!(error["error"]["error_data"]["details"].as_str().unwrap_or_default().contains("(1)"));
    h.finish().await;
}

#[tokio::test]
async fn submitted_templates_cannot_be_sent_yet() {
    let h = Harness::with("tplwait", |o| o.review_delay = std::time::Duration::from_secs(3600)).await;
    h.create("later", "en", "Hello").await;
    let (status, error) = h.post("/messages", template_send("later", "en", 0)).await;
    assert_eq!((status, code(&error)), (404, 132001));
    h.finish().await;
}

#[tokio::test]
async fn on_premise_path_needs_no_messaging_product_and_answers_its_own_shapes() {
    let h = Harness::start("onprem").await;
    let plain = json!({"to": TO, "type": "text", "text": {"body": "hi"}});
    let (status, error) = h.post("/v1/messages", plain.clone()).await;
    assert_eq!(status, 400);
    assert_eq!(error["meta"]["api_status"], "stable");
    assert_eq!(error["errors"][0]["code"], 470, "{error}");
    assert!(error["errors"][0]["title"].is_string() && error["errors"][0]["details"].is_string());

    inbound(&h.state, TO, "hi", None).await.expect("inbound");
    let (status, sent) = h.post("/v1/messages", plain).await;
    assert_eq!(status, 200, "{sent}");
    assert!(sent["messages"][0]["id"].as_str().is_some_and(|id| id.starts_with("gBEG")));
    assert_eq!(sent["meta"]["api_status"], "stable");

    h.create("order_update", "en", "Hi {{1}}, welcome.").await;
    let mut send = template_send("order_update", "en", 1);
    send.as_object_mut().expect("object").remove("messaging_product");
    let (status, error) = h.post("/v1/messages", send.clone()).await;
    assert_eq!(
        (status, error["errors"][0]["code"].as_i64()),
        (400, Some(1008)),
        "namespace is required: {error}"
    );
    let (_, listed) = h.get("/v1/configs/templates").await;
    send["template"]["namespace"] = listed["waba_templates"][0]["namespace"].clone();
    assert_eq!(h.post("/v1/messages", send.clone()).await.0, 200);
    send["template"]["components"][0]["parameters"] = json!([]);
    let (status, error) = h.post("/v1/messages", send).await;
    assert_eq!((status, error["errors"][0]["code"].as_i64()), (400, Some(2000)));
    h.finish().await;
}
