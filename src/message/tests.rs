//! Bodies per flavour, the buttons decision, and the template parameter guard.

use serde_json::json;

use super::template::{self, ButtonSlot, TemplateParams, TemplateRef};
use super::*;
use crate::template::{ExpectedParameters, HeaderFormat, HeaderParameter};

fn labels(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn text_body_per_flavour() {
    assert_eq!(
        text(Flavour::Cloud, "4915123456789", "hi", false),
        json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "4915123456789",
               "type": "text", "text": {"body": "hi", "preview_url": false}})
    );
    assert_eq!(
        text(Flavour::OnPremise, "4915123456789", "hi", true),
        json!({"recipient_type": "individual", "to": "4915123456789", "type": "text",
               "text": {"body": "hi", "preview_url": true}})
    );
}

#[test]
fn up_to_three_short_buttons_are_reply_buttons() {
    let three = labels(&["Yes", "No", "Maybe later"]);
    assert_eq!(plan_buttons("Coming?", &three), Ok(ButtonsPlan::Interactive));
    assert_eq!(
        buttons(Flavour::Cloud, "4915123456789", "Coming?", &three)["interactive"],
        json!({"type": "button", "body": {"text": "Coming?"}, "action": {"buttons": [
            {"type": "reply", "reply": {"id": "1", "title": "Yes"}},
            {"type": "reply", "reply": {"id": "2", "title": "No"}},
            {"type": "reply", "reply": {"id": "3", "title": "Maybe later"}},
        ]}})
    );
}

#[test]
fn four_buttons_or_a_long_title_become_a_numbered_list() {
    let four = labels(&["A", "B", "C", "D"]);
    assert!(
        matches!(plan_buttons("Pick", &four), Ok(ButtonsPlan::NumberedList { reason }) if reason.starts_with("4 buttons"))
    );
    assert_eq!(numbered_list("Pick one:", &four), "Pick one:\n\n1. A\n2. B\n3. C\n4. D");
    let long = labels(&["Yes", "Twenty-one characters"]);
    assert!(
        matches!(plan_buttons("Pick", &long), Ok(ButtonsPlan::NumberedList { reason }) if reason.contains("21 characters"))
    );
    let exactly_twenty = labels(&["Twenty characters ok"]);
    assert_eq!(plan_buttons("Pick", &exactly_twenty), Ok(ButtonsPlan::Interactive));
    let body = "x".repeat(INTERACTIVE_BODY_LIMIT + 1);
    assert!(matches!(plan_buttons(&body, &labels(&["A"])), Ok(ButtonsPlan::NumberedList { .. })));
}

#[test]
fn unusable_buttons_are_refused() {
    assert_eq!(plan_buttons(" ", &labels(&["A"])), Err(ButtonsError::EmptyText));
    assert_eq!(plan_buttons("t", &labels(&["A", " "])), Err(ButtonsError::EmptyLabel(2)));
    assert_eq!(
        plan_buttons("t", &labels(&["A", "B", "A "])),
        Err(ButtonsError::Duplicate { first: 1, later: 3, label: "A ".into() })
    );
    let many: Vec<String> = (0..300).map(|i| format!("option number {i}")).collect();
    assert!(matches!(plan_buttons("t", &many), Err(ButtonsError::TooLong(_))));
}

#[test]
fn media_bodies_and_their_text_fallback() {
    let body = media(
        Flavour::Cloud,
        "15550102030",
        MediaKind::Document,
        "https://x.io/a.pdf",
        Some("Invoice"),
        Some("a.pdf"),
    );
    assert_eq!(body["type"], "document");
    assert_eq!(
        body["document"],
        json!({"link": "https://x.io/a.pdf", "caption": "Invoice", "filename": "a.pdf"})
    );
    let audio = media(Flavour::OnPremise, "15550102030", MediaKind::Audio, "https://x.io/a.mp3", None, None);
    assert_eq!(
        audio,
        json!({"recipient_type": "individual", "to": "15550102030", "type": "audio", "audio": {"link": "https://x.io/a.mp3"}})
    );
    assert_eq!(link_text("https://x.io/a.png", Some("Logo"), None), "Logo\nhttps://x.io/a.png");
    assert_eq!(link_text("https://x.io/a.pdf", None, Some("a.pdf")), "a.pdf\nhttps://x.io/a.pdf");
    assert_eq!(link_text("https://x.io/a.png", None, None), "https://x.io/a.png");
    assert!(is_media_refusal(Flavour::Cloud, Some(131053)));
    assert!(is_media_refusal(Flavour::OnPremise, Some(2008)));
    assert!(!is_media_refusal(Flavour::Cloud, Some(131047)));
    assert!(!is_media_refusal(Flavour::Cloud, None));
}

fn order_update() -> ExpectedParameters {
    ExpectedParameters {
        header: HeaderParameter::Text,
        body: 2,
        url_buttons: vec![0],
        copy_code_buttons: vec![2],
        otp_buttons: vec![],
    }
}

#[test]
fn counts_must_match_the_template() {
    let expected = order_update();
    let params = TemplateParams {
        header: Some("#1234".into()),
        body: vec!["Emilia".into(), "#1234".into()],
        buttons: vec!["1234".into(), "SAVE10".into()],
    };
    assert_eq!(template::check_counts(&expected, &params), Ok(()));
    let short = TemplateParams { body: vec!["Emilia".into()], ..params.clone() };
    let err = template::check_counts(&expected, &short).expect_err("mismatch");
    assert_eq!(
        err.to_string(),
        "the template takes 1 header parameter (text), 2 body parameters and 2 button parameters \
         (URL button 0, copy-code button 2); given 1 header, 1 body and 2 button parameters"
    );
    let none = ExpectedParameters::default();
    let err = template::check_counts(&none, &TemplateParams { body: vec!["x".into()], ..Default::default() })
        .expect_err("mismatch");
    assert_eq!(err.expected, "no header parameter, no body parameter and no button parameter");
}

#[test]
fn template_body_per_flavour() {
    let expected = order_update();
    let params = TemplateParams {
        header: Some("#1234".into()),
        body: vec!["Emilia".into(), "#1234".into()],
        buttons: vec!["1234".into(), "SAVE10".into()],
    };
    let reference = TemplateRef { name: "order_update", language: "en_US", namespace: Some("ns_1") };
    let cloud =
        template::build(Flavour::Cloud, "4915123456789", &reference, &expected, &params).expect("body");
    assert_eq!(
        cloud,
        json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "4915123456789",
        "type": "template", "template": {"name": "order_update",
        "language": {"policy": "deterministic", "code": "en_US"}, "components": [
            {"type": "header", "parameters": [{"type": "text", "text": "#1234"}]},
            {"type": "body", "parameters": [{"type": "text", "text": "Emilia"}, {"type": "text", "text": "#1234"}]},
            {"type": "button", "sub_type": "url", "index": "0", "parameters": [{"type": "text", "text": "1234"}]},
            {"type": "button", "sub_type": "copy_code", "index": "2", "parameters": [{"type": "coupon_code", "coupon_code": "SAVE10"}]},
        ]}})
    );
    let onprem =
        template::build(Flavour::OnPremise, "4915123456789", &reference, &expected, &params).expect("body");
    assert_eq!(onprem["template"]["namespace"], "ns_1");
    assert!(onprem.get("messaging_product").is_none());
    assert!(cloud["template"].get("namespace").is_none());
}

#[test]
fn header_media_and_location_parameters() {
    let reference = TemplateRef { name: "t", language: "de", namespace: None };
    let image =
        ExpectedParameters { header: HeaderParameter::Media(HeaderFormat::Image), ..Default::default() };
    let params = TemplateParams { header: Some("https://x.io/a.png".into()), ..Default::default() };
    let body = template::build(Flavour::Cloud, "15550102030", &reference, &image, &params).expect("body");
    assert_eq!(
        body["template"]["components"][0]["parameters"][0],
        json!({"type": "image", "image": {"link": "https://x.io/a.png"}})
    );
    let document =
        ExpectedParameters { header: HeaderParameter::Media(HeaderFormat::Document), ..Default::default() };
    let params = TemplateParams { header: Some("4490709327384033".into()), ..Default::default() };
    let body = template::build(Flavour::Cloud, "15550102030", &reference, &document, &params).expect("body");
    assert_eq!(
        body["template"]["components"][0]["parameters"][0],
        json!({"type": "document", "document": {"id": "4490709327384033"}})
    );
    let location = ExpectedParameters { header: HeaderParameter::Location, ..Default::default() };
    let params = TemplateParams {
        header: Some("52.52, 13.405, Shop, Main St 1, Berlin".into()),
        ..Default::default()
    };
    let body = template::build(Flavour::Cloud, "15550102030", &reference, &location, &params).expect("body");
    assert_eq!(
        body["template"]["components"][0]["parameters"][0],
        json!({"type": "location", "location": {"latitude": "52.52", "longitude": "13.405", "name": "Shop", "address": "Main St 1, Berlin"}})
    );
    let params = TemplateParams { header: Some("Berlin".into()), ..Default::default() };
    assert!(template::build(Flavour::Cloud, "15550102030", &reference, &location, &params).is_err());
    let otp = ExpectedParameters { body: 1, otp_buttons: vec![0], ..Default::default() };
    assert_eq!(template::button_slots(&otp), vec![ButtonSlot::Otp(0)]);
    let params =
        TemplateParams { body: vec!["123456".into()], buttons: vec!["123456".into()], ..Default::default() };
    let body = template::build(Flavour::Cloud, "15550102030", &reference, &otp, &params).expect("body");
    assert_eq!(body["template"]["components"][1]["sub_type"], "url");
}
