//! The schema validator itself: it accepts what Meta documents and refuses what Meta refuses.

use serde_json::{Value, json};

use super::schema::meta;

fn text_body() -> Value {
    json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "4915123456789",
           "type": "text", "text": {"body": "hi", "preview_url": false}})
}

#[test]
fn every_keyword_of_the_message_schema_is_checked_or_deliberately_skipped() {
    let keywords = meta().keywords("Message");
    for keyword in
        ["$ref", "allOf", "oneOf", "additionalProperties", "maxLength", "maxItems", "enum", "required"]
    {
        assert!(keywords.contains(keyword), "{keyword} no longer used: {keywords:?}");
    }
    assert_eq!(meta().unsupported_keywords("Message"), Vec::<String>::new());
}

#[test]
fn allof_members_are_merged_before_additional_properties_apply() {
    assert_eq!(meta().validate("Message", &text_body()), Vec::<String>::new());
    let mut extra = text_body();
    extra["unknown"] = json!(1);
    assert!(meta().validate("Message", &extra).iter().any(|e| e.contains("unknown")));
    let mut nested = text_body();
    nested["text"]["bold"] = json!(true);
    assert!(!meta().validate("Message", &nested).is_empty());
}

#[test]
fn required_fields_types_and_limits_are_enforced() {
    let mut no_recipient_type = text_body();
    no_recipient_type.as_object_mut().expect("object").remove("recipient_type");
    assert!(!meta().validate("Message", &no_recipient_type).is_empty());
    let mut bad_type = text_body();
    bad_type["type"] = json!("txt");
    assert!(!meta().validate("Message", &bad_type).is_empty());
    let button = |title: &str| json!({"type": "reply", "reply": {"id": "1", "title": title}});
    let interactive = |buttons: Vec<Value>| {
        json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "1", "type": "interactive",
               "interactive": {"type": "button", "body": {"text": "t"}, "action": {"buttons": buttons}}})
    };
    assert!(meta().validate("Message", &interactive(vec![button("ok")])).is_empty());
    assert!(!meta().validate("Message", &interactive(vec![button("ok"); 4])).is_empty());
    assert!(!meta().validate("Message", &interactive(vec![button(&"x".repeat(21))])).is_empty());
    let media = json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "1", "type": "image", "image": {"caption": "no link"}});
    assert!(!meta().validate("Message", &media).is_empty());
    let template = json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": "1", "type": "template",
                          "template": {"name": "t", "language": {"code": "en"}}});
    assert!(meta().validate("Message", &template).iter().any(|e| e.contains("policy")));
}
