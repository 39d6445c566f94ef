//! Unit tests of the shapes real senders use and of batches with a bad item, driven by the
//! fixtures of `tests/fixtures/webhooks/` (some taken from pywa's test data, see its README).

use serde_json::{Value, json};

use super::*;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../tests/fixtures/webhooks/", $name))
    };
}

fn events(text: &str) -> Vec<Event> {
    let value = from_slice(text.as_bytes()).expect("fixture is JSON");
    parse(&value, &MediaBase::default()).expect("payload parses")
}

fn json_of(text: &str) -> Value {
    serde_json::to_value(events(text)).expect("serializes")
}

#[test]
fn a_batch_with_one_bad_message_yields_every_good_event_and_one_invalid_event() {
    let all = json_of(fixture!("cloud_batch_one_bad.json"));
    let kinds: Vec<&str> =
        all.as_array().expect("array").iter().filter_map(|e| e["event"].as_str()).collect();
    assert_eq!(kinds, ["message", "invalid", "message", "status", "status"]);
    assert_eq!(
        all[1],
        json!({
            "event": "invalid",
            "item": "message",
            "path": "entry[0].changes[0].value.messages[1]",
            "reason": "entry[0].changes[0].value.messages[1].image.id is missing"
        })
    );
    assert_eq!(all[0]["message"]["text"], "first");
    // The third message keeps its own contact although the second could not be read.
    assert_eq!(all[2]["channel_visitor_firstname"], "Olu");
    assert_eq!(all[2]["message"]["text"], "third");
    assert_eq!((&all[3]["status"], &all[4]["status"]), (&json!("delivered"), &json!("read")));
}

#[test]
fn bad_statuses_contacts_errors_and_changes_each_become_one_invalid_event() {
    let payload = json!({"object": "whatsapp_business_account", "entry": [
        {"changes": [
            {"field": "messages", "value": "not an object"},
            {"field": "messages", "value": {
                "contacts": [{"profile": {"name": 5}, "wa_id": "1"}, {"profile": {"name": "Bo"}, "wa_id": "2"}],
                "messages": [{"from": "2", "id": "m", "timestamp": "1", "type": "text", "text": {"body": "hi"}}],
                "statuses": [{"id": "s1", "timestamp": "1"}, {"id": "s2", "status": "sent", "timestamp": "2"}],
                "errors": [{"code": 1, "title": []}, {"code": 2, "title": "ok"}]
            }}
        ]},
        "not an entry"
    ]});
    let all = parse(&payload, &MediaBase::default()).expect("parses");
    let summary: Vec<(&str, String)> = all
        .iter()
        .map(|e| match e {
            Event::Invalid(i) => (i.item, i.path.clone()),
            Event::Message(m) => ("message", m.display_name().unwrap_or_default()),
            Event::Status(s) => ("status", s.id.clone()),
            Event::Error(e) => ("errors", e.errors.len().to_string()),
        })
        .collect();
    let path = |p: &str| p.to_owned();
    assert_eq!(
        summary,
        [
            ("change", path("entry[0].changes[0]")),
            ("contact", path("entry[0].changes[1].value.contacts[0]")),
            ("message", path("Bo")),
            ("status", path("entry[0].changes[1].value.statuses[0]")),
            ("status", path("s2")),
            ("error", path("entry[0].changes[1].value.errors[0]")),
            ("errors", path("1")),
            ("entry", path("entry[1]")),
        ]
    );
}

#[test]
fn a_sender_known_only_by_user_id_is_the_visitor_without_a_phone() {
    let all = json_of(fixture!("cloud_text_from_user_id.json"));
    let event = &all[0];
    assert_eq!(event["channel_visitor_id"], "DE.2938475610293847561");
    assert_eq!(event["channel_visitor_account"], "DE.2938475610293847561");
    assert_eq!(event["channel_chat_id"], "DE.2938475610293847561|dialog360");
    assert_eq!(event["channel_visitor_phone"], Value::Null);
    assert_eq!(event["user_id"], "DE.2938475610293847561");
    assert_eq!(event["username"], "@kerryfisher");
    assert_eq!(event["channel_visitor_firstname"], "Kerry");
}

#[test]
fn a_group_message_keeps_its_group_as_the_conversation() {
    let all = json_of(fixture!("cloud_group_text.json"));
    let group = "Y2FwaV9ncm91cDo0OTMwOTAxODIwOjEyMDM2MzIyMjc3MTk2MzA2Nw";
    assert_eq!(all[0]["group_id"], group);
    assert_eq!(all[0]["channel_conversation_id"], group);
    assert_eq!(all[0]["channel_chat_id"], format!("{group}|dialog360"));
    assert_eq!(all[0]["channel_visitor_id"], "4915112345678");
    assert_eq!(all[0]["channel_visitor_phone"], "4915112345678");
}

#[test]
fn undownloaded_onpremise_media_has_no_id_and_no_file_but_is_read() {
    let message = &json_of(fixture!("onpremise_image_undownloaded.json"))[0]["message"];
    assert_eq!(message["media_status"], "undownloaded");
    assert_eq!(message["caption"], "Receipt");
    assert_eq!(message["sha256"], "29ed500fa64eb55fc19dc4124acb300e5dcc54a0f822a301ae99944db6b0e1a");
    assert!(message.get("file").is_none() && message.get("media_id").is_none(), "{message}");
}

#[test]
fn an_interactive_message_without_its_body_is_read_with_its_errors() {
    let message = &json_of(fixture!("cloud_interactive_without_body.json"))[0]["message"];
    assert_eq!(message["type"], "interactive");
    assert_eq!(message["errors"][0]["code"], 131051);
    assert_eq!(message["errors"][0]["details"], "Message type is currently not supported.");
    // Without errors, the missing body is still a reason to refuse that one message.
    let bare = json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "interactive"}]});
    let all = parse(&bare, &MediaBase::default()).expect("parses");
    assert_eq!(all[0].as_invalid().map(|i| i.reason.as_str()), Some("messages[0].interactive is missing"));
}

#[test]
fn a_status_without_recipient_and_with_a_text_error_code_is_read() {
    let status = &json_of(fixture!("cloud_status_without_recipient.json"))[0];
    assert_eq!(status["recipient_id"], Value::Null);
    assert_eq!(status["recipient_user_id"], "DE.2938475610293847561");
    assert_eq!(status["errors"][0]["code"], "E_RECIPIENT_UNKNOWN");
    let codes = json!({"errors": [{"code": "131026"}, {"code": 1.5}, {"title": "no code"}, {"code": true}]});
    let all = serde_json::to_value(parse(&codes, &MediaBase::default()).expect("parses")).expect("json");
    let codes: Vec<&Value> =
        all[0]["errors"].as_array().expect("errors").iter().map(|e| &e["code"]).collect();
    assert_eq!(codes, [&json!(131026), &json!("1.5"), &Value::Null, &json!("true")]);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    assert!(fixture!("cloud_text_bom.json").starts_with('\u{feff}'));
    assert_eq!(json_of(fixture!("cloud_text_bom.json")), json_of(fixture!("cloud_text.json")));
    assert!(from_slice(b"\xEF\xBB\xBF").is_err());
}

#[test]
fn pywa_media_carries_id_url_sha256_and_the_voice_and_animated_flags() {
    let voice = &json_of(fixture!("pywa_audio_voice.json"))[0];
    assert_eq!(
        voice["metadata"],
        json!({"phone_number_id": "1122334455667", "display_phone_number": "972123456789"})
    );
    let message = &voice["message"];
    assert_eq!(message["media_id"], "1234567890987654321");
    assert_eq!(message["media_url"], "https://waba-v2.360dialog.io/1234567890987654321");
    assert_eq!(message["sha256"], "m04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI=");
    assert_eq!(message["voice"], true);
    assert_eq!(message["time"], "2023-10-11T16:57:53Z");
    let sticker = &json_of(fixture!("pywa_sticker_animated.json"))[0]["message"];
    assert_eq!(sticker["animated"], true);
    assert!(sticker.get("voice").is_none());
}

#[test]
fn pywa_statuses_carry_pricing_conversation_and_errors() {
    let sent = &json_of(fixture!("pywa_status_sent.json"))[0];
    assert_eq!(sent["pricing"], json!({"billable": true, "pricing_model": "CBP", "category": "service"}));
    assert_eq!(sent["conversation"]["expiration_timestamp"], "1698339900");
    assert_eq!(sent["conversation_id"], "7270432eae37498234f4444b35ffc5");
    assert_eq!(sent["time"], "2023-10-25T20:49:05Z");
    let failed = &json_of(fixture!("pywa_status_failed_130472.json"))[0];
    assert_eq!(failed["errors"][0]["code"], 130472);
    assert_eq!(
        failed["errors"][0]["details"],
        "Failed to send message because this user's phone number is part of an experiment"
    );
}

#[test]
fn many_contacts_are_matched_to_their_messages_by_id_in_any_order() {
    let count = 5_000;
    let messages: Vec<Value> = (0..count)
        .map(|i| json!({"from": format!("49{i:09}"), "id": format!("m{i}"), "timestamp": "1", "type": "text", "text": {"body": "x"}}))
        .collect();
    // Contacts in reverse order, plus one extra: matching must go by wa_id, not by position.
    let mut contacts: Vec<Value> = (0..=count)
        .rev()
        .map(|i| json!({"profile": {"name": format!("N{i}")}, "wa_id": format!("49{i:09}")}))
        .collect();
    contacts.rotate_left(1);
    let all =
        parse(&json!({"contacts": contacts, "messages": messages}), &MediaBase::default()).expect("parses");
    assert_eq!(all.len(), count);
    for (i, event) in all.iter().enumerate() {
        let name = event.as_message().and_then(|m| m.channel_visitor_firstname.clone());
        assert_eq!(name, Some(format!("N{i}")));
    }
}

#[test]
fn times_are_iso_8601_utc_only_for_unix_seconds() {
    assert_eq!(iso_time("0").as_deref(), Some("1970-01-01T00:00:00Z"));
    assert_eq!(iso_time(" 1718030400 ").as_deref(), Some("2024-06-10T14:40:00Z"));
    assert_eq!(iso_time("253402300799").as_deref(), Some("9999-12-31T23:59:59Z"));
    for odd in ["253402300800", "-1", "1.5", "", "18446744073709551615", "soon"] {
        assert_eq!(iso_time(odd), None, "{odd}");
    }
}
