//! Unit tests of webhook parsing, driven by the payloads in `tests/fixtures/webhooks/`.

use serde_json::{Value, json};

use super::*;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("../../tests/fixtures/webhooks/", $name))
    };
}

fn value(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture is valid JSON")
}

fn events(text: &str) -> Vec<Event> {
    parse(&value(text), &MediaBase::default()).expect("payload parses")
}

fn error(text: &str) -> String {
    parse(&value(text), &MediaBase::default()).expect_err("payload is rejected").to_string()
}

fn only_message(text: &str) -> MessageEvent {
    let all = events(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all[0].as_message().expect("a message event").clone()
}

/// The `message` object of the only event, as JSON.
fn message_json(text: &str) -> Value {
    serde_json::to_value(only_message(text).message).expect("serializes")
}

fn keys(value: &Value) -> Vec<&str> {
    value.as_object().expect("an object").keys().map(String::as_str).collect()
}

#[test]
fn cloud_text_serializes_to_the_channel_variables_in_order() {
    let all = events(fixture!("cloud_text.json"));
    let json = serde_json::to_value(&all).expect("serializes");
    assert_eq!(
        json,
        json!([{
            "event": "message",
            "channel_visitor_id": "4915112345678",
            "channel_conversation_id": "4915112345678",
            "channel_visitor_firstname": "Kerry",
            "channel_visitor_lastname": "Fisher",
            "channel_visitor_phone": "4915112345678",
            "channel_visitor_account": "4915112345678",
            "channel_chat_id": "4915112345678|dialog360",
            "metadata": {"phone_number_id": "106540352242922", "display_phone_number": "49 30 901820"},
            "message": {
                "type": "text",
                "id": "wamid.HBgNNDkxNTExMjM0NTY3OBUCABIYFjNFQjBDMEU1RjhBMjQ1RDg2QkQ4AA==",
                "timestamp": "1718030400",
                "time": "2024-06-10T14:40:00Z",
                "text": "Hello, I have a question about my order"
            }
        }])
    );
    assert_eq!(
        keys(&json[0]),
        [
            "event",
            "channel_visitor_id",
            "channel_conversation_id",
            "channel_visitor_firstname",
            "channel_visitor_lastname",
            "channel_visitor_phone",
            "channel_visitor_account",
            "channel_chat_id",
            "metadata",
            "message"
        ]
    );
    assert_eq!(keys(&json[0]["message"]), ["type", "id", "timestamp", "time", "text"]);
}

#[test]
fn onpremise_text_gives_the_same_variables() {
    let event = only_message(fixture!("onpremise_text.json"));
    assert_eq!(event.channel_chat_id, "4915112345678|dialog360");
    assert_eq!(event.channel_visitor_firstname.as_deref(), Some("Kerry"));
    assert_eq!(event.channel_visitor_lastname.as_deref(), Some("Fisher"));
    assert_eq!(
        serde_json::to_value(&event.message).expect("serializes"),
        json!({"type": "text", "id": "ABGGFlA5FpafAgo6EhsHCvcSpP6z", "timestamp": "1454119029", "time": "2016-01-30T01:57:09Z", "text": "Hello World"})
    );
}

#[test]
fn accessors_give_what_the_listener_prints() {
    let event = only_message(fixture!("cloud_text.json"));
    assert_eq!(event.from(), "4915112345678");
    assert_eq!(event.display_name().as_deref(), Some("Kerry Fisher"));
    assert_eq!(event.message_type(), "text");
    assert_eq!(event.timestamp(), "1718030400");
    assert_eq!(event.text(), Some("Hello, I have a question about my order"));
    let image = only_message(fixture!("cloud_image.json"));
    assert_eq!(image.text(), Some("Broken screen on arrival"));
    let voice = only_message(fixture!("onpremise_voice.json"));
    assert_eq!(voice.text(), voice.message.file.as_deref());
}

#[test]
fn onpremise_document_gives_the_seed_file_form_exactly() {
    let event = only_message(fixture!("onpremise_document.json"));
    assert_eq!(
        event.message.file.as_deref(),
        Some(
            "file:document|7b825480-9148-44a7-9454-b60d7f433e14|https://waba.360dialog.io/v1/media/7b825480-9148-44a7-9454-b60d7f433e14"
        )
    );
    assert_eq!(event.channel_visitor_firstname.as_deref(), Some("Jean-Luc"));
    assert_eq!(event.channel_visitor_lastname.as_deref(), Some("de la Fontaine"));
    assert_eq!(
        serde_json::to_value(&event.message).expect("serializes"),
        json!({
            "type": "document",
            "id": "ABEGM2YSNFZ4Ago6EhsHCvcSpP6b",
            "timestamp": "1522189546",
            "time": "2018-03-27T22:25:46Z",
            "file": "file:document|7b825480-9148-44a7-9454-b60d7f433e14|https://waba.360dialog.io/v1/media/7b825480-9148-44a7-9454-b60d7f433e14",
            "media_id": "7b825480-9148-44a7-9454-b60d7f433e14",
            "media_url": "https://waba.360dialog.io/v1/media/7b825480-9148-44a7-9454-b60d7f433e14",
            "sha256": "3b11fa6ef2bde1dd14726e09d3edaf782120919d06f6484f32d5d5caa4b8e",
            "caption": "Invoice March",
            "filename": "invoice-2024-03.pdf",
            "mime_type": "application/pdf"
        })
    );
}

#[test]
fn cloud_image_uses_the_cloud_media_url_and_a_numeric_timestamp_becomes_a_string() {
    let event = only_message(fixture!("cloud_image.json"));
    assert_eq!(event.channel_visitor_firstname.as_deref(), Some("Ana"));
    assert_eq!(event.channel_visitor_lastname.as_deref(), Some("Maria da Silva"));
    assert_eq!(
        serde_json::to_value(&event.message).expect("serializes"),
        json!({
            "type": "image",
            "id": "wamid.HBgNNTUxMTk4NzY1NDMyMRUCABIYIDNBQzJBNjU0RkU4QjQ5MzE4RTVDMDgyNjI3QzE2AA==",
            "timestamp": "1718030460",
            "time": "2024-06-10T14:41:00Z",
            "file": "file:image|1479537139650973|https://waba-v2.360dialog.io/1479537139650973",
            "media_id": "1479537139650973",
            "media_url": "https://waba-v2.360dialog.io/1479537139650973",
            "sha256": "5Kc6o2HvMwGZVXZ3o0Mtq9w1jlKr6X9rAbsJn9Kf0l8=",
            "caption": "Broken screen on arrival",
            "mime_type": "image/jpeg"
        })
    );
}

#[test]
fn onpremise_image_uses_the_v1_media_url() {
    let json = message_json(fixture!("onpremise_image.json"));
    assert_eq!(
        json["file"],
        "file:image|b1c68f38-8734-4ad3-b4a1-ef0c10d0d683|https://waba.360dialog.io/v1/media/b1c68f38-8734-4ad3-b4a1-ef0c10d0d683"
    );
    assert_eq!(json["caption"], "Check out my new phone!");
    let event = only_message(fixture!("onpremise_image.json"));
    assert_eq!(event.channel_visitor_firstname.as_deref(), Some("Kerry"));
    assert_eq!(event.channel_visitor_lastname, None);
}

#[test]
fn audio_voice_video_and_sticker_give_their_file_kind() {
    let cases = [
        (
            fixture!("cloud_audio.json"),
            "file:audio|864202958814392|https://waba-v2.360dialog.io/864202958814392",
            "audio/mpeg",
        ),
        (
            fixture!("onpremise_voice.json"),
            "file:voice|463e2d6c-2a56-4e4b-9b0a-5b0a7f1a9f2b|https://waba.360dialog.io/v1/media/463e2d6c-2a56-4e4b-9b0a-5b0a7f1a9f2b",
            "audio/ogg; codecs=opus",
        ),
        (
            fixture!("cloud_video.json"),
            "file:video|1229478431256478|https://waba-v2.360dialog.io/1229478431256478",
            "video/mp4",
        ),
        (
            fixture!("cloud_sticker.json"),
            "file:sticker|780112357408215|https://waba-v2.360dialog.io/780112357408215",
            "image/webp",
        ),
    ];
    for (text, file, mime) in cases {
        let json = message_json(text);
        assert_eq!(json["file"], file);
        assert_eq!(json["mime_type"], mime);
        assert!(json.get("text").is_none(), "{json}");
    }
    assert_eq!(message_json(fixture!("cloud_video.json"))["caption"], "Unboxing");
}

#[test]
fn a_custom_media_base_is_used_and_a_trailing_slash_is_tolerated() {
    let media = MediaBase {
        cloud: "http://127.0.0.1:8080/".to_owned(),
        onpremise: "http://127.0.0.1:8080".to_owned(),
    };
    let cloud = parse(&value(fixture!("cloud_audio.json")), &media).expect("parses");
    let op = parse(&value(fixture!("onpremise_document.json")), &media).expect("parses");
    let file = |events: &[Event]| events[0].as_message().and_then(|m| m.message.file.clone());
    assert_eq!(
        file(&cloud).as_deref(),
        Some("file:audio|864202958814392|http://127.0.0.1:8080/864202958814392")
    );
    assert_eq!(
        file(&op).as_deref(),
        Some(
            "file:document|7b825480-9148-44a7-9454-b60d7f433e14|http://127.0.0.1:8080/v1/media/7b825480-9148-44a7-9454-b60d7f433e14"
        )
    );
}

#[test]
fn location_keeps_coordinates_and_reads_as_text() {
    let json = message_json(fixture!("cloud_location.json"));
    assert_eq!(json["text"], "52.52, 13.405 (Alexanderplatz, 10178 Berlin, Germany)");
    assert_eq!(
        json["location"],
        json!({"latitude": 52.52, "longitude": 13.405, "name": "Alexanderplatz", "address": "10178 Berlin, Germany"})
    );
    let bare = json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "location",
        "location": {"latitude": "-33.8688", "longitude": 151.2093}}]});
    let events = parse(&bare, &MediaBase::default()).expect("parses");
    let message = &events[0].as_message().expect("message").message;
    assert_eq!(message.text.as_deref(), Some("-33.8688, 151.2093"));
}

#[test]
fn contacts_keep_names_and_phones_with_a_summary() {
    let json = message_json(fixture!("cloud_contacts.json"));
    assert_eq!(
        json["contacts"],
        json!([
            {"name": "Jane Doe", "phones": ["+49 30 1234567", "+49 151 7654321"]},
            {"name": "Max Mustermann", "phones": ["+49 40 555000"]}
        ])
    );
    assert_eq!(json["text"], "Jane Doe (+49 30 1234567, +49 151 7654321); Max Mustermann (+49 40 555000)");
}

#[test]
fn interactive_button_reply_gives_title_and_reply_id_and_keeps_context() {
    let json = message_json(fixture!("cloud_interactive_button_reply.json"));
    assert_eq!(json["type"], "interactive");
    assert_eq!(json["interactive_type"], "button_reply");
    assert_eq!(json["text"], "Yes, confirm");
    assert_eq!(json["reply_id"], "confirm-yes");
    assert_eq!(
        json["context"],
        json!({"from": "4930901820", "id": "wamid.HBgNNDkzMDkwMTgyMBUCABEYEkRDMEE5NUQ5QzNGMDg5RjNFNQA="})
    );
}

#[test]
fn interactive_list_reply_gives_title_reply_id_and_description() {
    let json = message_json(fixture!("cloud_interactive_list_reply.json"));
    assert_eq!(json["interactive_type"], "list_reply");
    assert_eq!(json["text"], "Tuesday 10:00");
    assert_eq!(json["reply_id"], "slot-tue-10");
    assert_eq!(json["description"], "Berlin Mitte store");
}

#[test]
fn interactive_nfm_reply_gives_body_and_response_json() {
    let json = message_json(fixture!("cloud_interactive_nfm_reply.json"));
    assert_eq!(json["interactive_type"], "nfm_reply");
    assert_eq!(json["text"], "Sent");
    assert_eq!(json["response_json"], r#"{"flow_token":"f-123","rating":"5"}"#);
}

#[test]
fn template_quick_reply_button_gives_text_and_payload() {
    let json = message_json(fixture!("cloud_button.json"));
    assert_eq!(json["type"], "button");
    assert_eq!(json["text"], "Track my order");
    assert_eq!(json["payload"], "TRACK");
    assert_eq!(json["context"]["from"], "4930901820");
}

#[test]
fn reaction_gives_emoji_and_the_reacted_message() {
    let json = message_json(fixture!("cloud_reaction.json"));
    assert_eq!(json["emoji"], "\u{1f44d}");
    assert_eq!(json["text"], "\u{1f44d}");
    assert_eq!(json["reacted_message_id"], "wamid.HBgNNDkzMDkwMTgyMBUCABEYEkRDMEE5NUQ5QzNGMDg5RjNFOAA=");
}

#[test]
fn unsupported_keeps_raw_object_and_message_errors() {
    let json = message_json(fixture!("cloud_unsupported.json"));
    assert_eq!(json["type"], "unsupported");
    assert!(json.get("text").is_none());
    assert_eq!(json["unsupported"], json!({"type": "poll"}));
    assert_eq!(
        json["errors"],
        json!([{"code": 131051, "title": "Message type unknown", "message": "Message type unknown",
                "details": "Message type is currently not supported."}])
    );
}

#[test]
fn system_order_and_referral_keep_raw_objects_and_their_text() {
    let system = message_json(fixture!("cloud_system.json"));
    assert_eq!(system["text"], "Kerry changed from 4915112345678 to 4915187654321");
    assert_eq!(system["system"]["type"], "user_changed_number");
    let order = message_json(fixture!("cloud_order.json"));
    assert_eq!(order["text"], "Please deliver before Friday");
    assert_eq!(order["order"]["product_items"][0]["product_retailer_id"], "sku-42");
    let referral = message_json(fixture!("cloud_text_referral.json"));
    assert_eq!(referral["text"], "Hi, is the sale still on?");
    assert_eq!(referral["referral"]["source_type"], "ad");
}

#[test]
fn unknown_type_keeps_its_sub_object_and_a_clashing_name_goes_to_raw() {
    let payload = json!({"messages": [
        {"from": "1", "id": "a", "timestamp": "1", "type": "ephemeral", "ephemeral": {"text": "gone"}},
        {"from": "1", "id": "b", "timestamp": "1", "type": "caption", "caption": "odd"},
        {"from": "1", "id": "c", "timestamp": "1", "type": "request_welcome"}
    ]});
    let json = serde_json::to_value(parse(&payload, &MediaBase::default()).expect("parses")).expect("json");
    assert_eq!(json[0]["message"]["ephemeral"], json!({"text": "gone"}));
    assert_eq!(json[0]["message"]["text"], "gone");
    assert_eq!(json[1]["message"]["raw"], "odd");
    assert!(json[1]["message"].get("caption").is_none());
    assert_eq!(keys(&json[2]["message"]), ["type", "id", "timestamp", "time"]);
}

#[test]
fn cloud_failed_status_carries_error_131047() {
    let json = serde_json::to_value(events(fixture!("cloud_status_failed_131047.json"))).expect("json");
    assert_eq!(
        json,
        json!([{
            "event": "status",
            "id": "wamid.HBgNNDkxNTExMjM0NTY3OBUCABEYEjQ2QkVGMkMxNjdCMEY4MzM1NAA=",
            "recipient_id": "4915112345678",
            "status": "failed",
            "timestamp": "1718035000",
            "time": "2024-06-10T15:56:40Z",
            "metadata": {"phone_number_id": "106540352242922", "display_phone_number": "49 30 901820"},
            "errors": [{
                "code": 131047,
                "title": "Re-engagement message",
                "message": "Re-engagement message",
                "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
                "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
            }]
        }])
    );
    assert_eq!(
        keys(&json[0]),
        ["event", "id", "recipient_id", "status", "timestamp", "time", "metadata", "errors"]
    );
}

#[test]
fn onpremise_failed_status_carries_error_470() {
    let all = events(fixture!("onpremise_status_failed_470.json"));
    let Event::Status(status) = &all[0] else { panic!("not a status: {all:?}") };
    assert_eq!(status.status, "failed");
    assert_eq!(status.recipient_id.as_deref(), Some("4915112345678"));
    assert_eq!(status.errors.len(), 1);
    assert_eq!(status.errors[0].code, Some(ErrorCode::Number(470)));
    assert!(status.errors[0].title.as_deref().is_some_and(|t| t.contains("support window")));
    assert_eq!(status.errors[0].details, None);
}

#[test]
fn delivered_status_has_conversation_pricing_and_no_errors() {
    let json = serde_json::to_value(events(fixture!("cloud_status_delivered.json"))).expect("json");
    assert_eq!(
        json[0],
        json!({
            "event": "status",
            "id": "wamid.HBgNNDkxNTExMjM0NTY3OBUCABEYEjQ2QkVGMkMxNjdCMEY4MzM1NQA=",
            "recipient_id": "4915112345678",
            "status": "delivered",
            "timestamp": "1718035060",
            "time": "2024-06-10T15:57:40Z",
            "conversation_id": "9f2d1d8e4b6a3c7f0e5b2a1c8d7e6f50",
            "pricing_category": "utility",
            "conversation": {
                "id": "9f2d1d8e4b6a3c7f0e5b2a1c8d7e6f50",
                "expiration_timestamp": "1718121460",
                "origin": {"type": "utility"}
            },
            "pricing": {"billable": true, "pricing_model": "CBP", "category": "utility"},
            "metadata": {"phone_number_id": "106540352242922", "display_phone_number": "49 30 901820"},
            "errors": []
        })
    );
}

#[test]
fn standalone_errors_become_error_events() {
    let op = serde_json::to_value(events(fixture!("onpremise_errors.json"))).expect("json");
    assert_eq!(
        op,
        json!([{"event": "error", "errors": [{
            "code": 1014,
            "title": "Internal error",
            "details": "Upload failed on /v1/media: connection to wacore timed out",
            "href": "https://developers.facebook.com/docs/whatsapp/on-premises/errors"
        }]}])
    );
    let cloud = serde_json::to_value(events(fixture!("cloud_value_errors.json"))).expect("json");
    assert_eq!(cloud[0]["event"], "error");
    assert_eq!(cloud[0]["errors"][0]["code"], 131000);
    assert_eq!(cloud[0]["errors"][0]["details"], "Message failed to send because of an unknown error.");
}

#[test]
fn multi_payload_gives_every_event_in_order_and_matches_names_by_wa_id() {
    let all = events(fixture!("cloud_multi.json"));
    let summary: Vec<(String, String, Option<String>)> = all
        .iter()
        .map(|e| match e {
            Event::Message(m) => ("message".into(), m.from().to_owned(), m.display_name()),
            Event::Status(s) => {
                ("status".into(), s.recipient_id.clone().unwrap_or_default(), Some(s.status.clone()))
            }
            Event::Error(_) | Event::Invalid(_) => ("other".into(), String::new(), None),
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("message".into(), "5511987654321".into(), Some("Ana Maria da Silva".into())),
            ("message".into(), "4915112345678".into(), Some("Kerry Fisher".into())),
            ("status".into(), "4915112345678".into(), Some("read".into())),
            ("message".into(), "2348031234567".into(), Some("Olu".into())),
        ]
    );
    let olu = all[3].as_message().expect("message");
    assert_eq!(olu.channel_visitor_lastname, None);
    assert_eq!(
        olu.message.file.as_deref(),
        Some("file:document|1055331842597543|https://waba-v2.360dialog.io/1055331842597543")
    );
    assert_eq!(olu.message.filename.as_deref(), Some("passport.pdf"));
}

#[test]
fn empty_cloud_envelope_yields_no_events() {
    assert!(events(fixture!("cloud_empty_entry.json")).is_empty());
    assert!(parse(&json!({"entry": []}), &MediaBase::default()).expect("parses").is_empty());
    assert!(parse(&json!({"messages": []}), &MediaBase::default()).expect("parses").is_empty());
}

#[test]
fn names_fall_back_to_the_only_contact_or_stay_null() {
    let base = MediaBase::default();
    let msg =
        json!({"from": "5511987654321", "id": "m", "timestamp": "1", "type": "text", "text": {"body": "oi"}});
    // wa_id differs from `from` (Brazilian ninth digit): the only contact is still the sender.
    let only = json!({"contacts": [{"profile": {"name": "  Ana   Maria  "}, "wa_id": "551187654321"}], "messages": [msg]});
    let event = parse(&only, &base).expect("parses");
    let m = event[0].as_message().expect("message");
    assert_eq!(m.channel_visitor_firstname.as_deref(), Some("Ana"));
    assert_eq!(m.channel_visitor_lastname.as_deref(), Some("Maria"));
    // No contacts at all: both names null but present in the JSON.
    let none = parse(&json!({"messages": [msg]}), &base).expect("parses");
    let json = serde_json::to_value(&none[0]).expect("json");
    assert_eq!(json["channel_visitor_firstname"], Value::Null);
    assert_eq!(json["channel_visitor_lastname"], Value::Null);
    // The contact of another sender in the same payload is not borrowed.
    let other = json!({"contacts": [{"profile": {"name": "Kerry Fisher"}, "wa_id": "4915112345678"}],
        "messages": [msg, {"from": "4915112345678", "id": "n", "timestamp": "1", "type": "text", "text": {"body": "hi"}}]});
    let both = parse(&other, &base).expect("parses");
    assert_eq!(both[0].as_message().and_then(MessageEvent::display_name), None);
    assert_eq!(both[1].as_message().and_then(MessageEvent::display_name).as_deref(), Some("Kerry Fisher"));
}

#[test]
fn numbers_where_strings_are_expected_are_kept_as_text() {
    let payload = json!({"messages": [{"from": 4915112345678_u64, "id": 17, "timestamp": 1718030400, "type": "text", "text": {"body": "hi"}}]});
    let all = parse(&payload, &MediaBase::default()).expect("parses");
    let m = all[0].as_message().expect("message");
    assert_eq!(m.channel_chat_id, "4915112345678|dialog360");
    assert_eq!(m.message.id, "17");
    assert_eq!(m.timestamp(), "1718030400");
}

#[test]
fn a_payload_that_is_not_a_webhook_is_an_error_naming_what_is_wrong() {
    let cases = [
        (
            fixture!("malformed_wrong_object.json"),
            r#"object is "page", expected "whatsapp_business_account""#,
        ),
        (
            fixture!("malformed_neither.json"),
            "payload is neither a Cloud API envelope (object: whatsapp_business_account) nor an on-premise payload (contacts/messages/statuses)",
        ),
        (fixture!("malformed_array.json"), "payload is not an object (found an array)"),
        (fixture!("malformed_entry_not_array.json"), "entry is not an array (found an object)"),
    ];
    for (text, expected) in cases {
        assert_eq!(error(text), expected);
    }
    let err = parse(&value(fixture!("malformed_entry_not_array.json")), &MediaBase::default())
        .expect_err("rejected");
    assert_eq!(err.path(), Some("entry"));
    assert_eq!(ParseError::UnknownShape.path(), None);
    for (payload, expected) in [
        (json!({"object": 5}), "object is 5, expected \"whatsapp_business_account\""),
        (json!({"object": "whatsapp_business_account"}), "entry is missing"),
    ] {
        assert_eq!(parse(&payload, &MediaBase::default()).expect_err("rejected").to_string(), expected);
    }
}

/// `(item, path, reason)` of every invalid event of a payload, which must parse.
fn invalid(payload: &Value) -> Vec<(&'static str, String, String)> {
    parse(payload, &MediaBase::default())
        .expect("payload parses")
        .iter()
        .filter_map(Event::as_invalid)
        .map(|i| (i.item, i.path.clone(), i.reason.clone()))
        .collect()
}

#[test]
fn every_malformed_item_fixture_gives_an_invalid_event_naming_what_and_where() {
    let cases = [
        (fixture!("malformed_missing_from.json"), "message", "messages[0]", "messages[0].from is missing"),
        (
            fixture!("malformed_value_not_object.json"),
            "change",
            "entry[0].changes[1]",
            "entry[0].changes[1].value is not an object (found a string)",
        ),
        (
            fixture!("malformed_timestamp_type.json"),
            "message",
            "messages[0]",
            "messages[0].timestamp is not a string or number (found a boolean)",
        ),
        (
            fixture!("malformed_image_without_id.json"),
            "message",
            "entry[0].changes[0].value.messages[0]",
            "entry[0].changes[0].value.messages[0].image.id is missing",
        ),
        (
            fixture!("malformed_status_missing_status.json"),
            "status",
            "statuses[0]",
            "statuses[0].status is missing",
        ),
    ];
    for (text, item, path, reason) in cases {
        assert_eq!(invalid(&value(text)), [(item, path.to_owned(), reason.to_owned())], "{text}");
    }
}

#[test]
fn specific_reasons_for_broken_items() {
    let cases = [
        (json!({"entry": [{"id": "1"}]}), "entry[0].changes is missing"),
        (
            json!({"entry": [{"changes": [{"field": 3, "value": {}}]}]}),
            "entry[0].changes[0].field is not a string (found a number)",
        ),
        (json!({"messages": [{"from": null}]}), "messages[0].from is missing"),
        (json!({"messages": [{"from": []}]}), "messages[0].from is not a string or number (found an array)"),
        (json!({"messages": {}}), "messages is not an array (found an object)"),
        (json!({"messages": [7]}), "messages[0] is not an object (found a number)"),
        (
            json!({"contacts": [{"profile": {"name": 1}}]}),
            "contacts[0].profile.name is not a string (found a number)",
        ),
        (
            json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "text"}]}),
            "messages[0].text is missing",
        ),
        (
            json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "location", "location": {"latitude": "north", "longitude": 1}}]}),
            "messages[0].location.latitude is not a number (found a string)",
        ),
        (
            json!({"statuses": [{"id": "s", "recipient_id": "1", "status": "failed", "timestamp": "1", "errors": [{"code": 1, "title": 5}]}]}),
            "statuses[0].errors[0].title is not a string (found a number)",
        ),
        (
            json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "interactive", "interactive": {"type": "list_reply", "list_reply": {"id": "r"}}}]}),
            "messages[0].interactive.list_reply.title is missing",
        ),
        (json!({"errors": [{"code": 1, "href": []}]}), "errors[0].href is not a string (found an array)"),
    ];
    for (payload, expected) in cases {
        let found = invalid(&payload);
        assert_eq!(found.len(), 1, "for {payload}: {found:?}");
        assert_eq!(found[0].2, expected, "for {payload}");
    }
}

#[test]
fn weird_values_never_panic() {
    let nested = format!("{}{}", "[".repeat(120), "]".repeat(120));
    let mut weird = vec![
        json!(null),
        json!(true),
        json!(12.5),
        json!("messages"),
        json!([]),
        json!({}),
        json!({"messages": null, "statuses": null}),
        json!({"messages": "x", "contacts": 5}),
        json!({"messages": [null, [], {}]}),
        json!({"messages": [{"from": [], "id": {}, "timestamp": -1.5e300, "type": null}]}),
        json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "image", "image": []}]}),
        json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "contacts", "contacts": [{"name": "x", "phones": [1]}]}]}),
        json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "interactive", "interactive": {"type": {}}}]}),
        json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "reaction", "reaction": {"emoji": 1}}]}),
        json!({"messages": [{"from": "1", "id": "m", "timestamp": "1", "type": "", "": {"body": []}, "context": "x"}]}),
        json!({"statuses": [{"errors": "none"}], "errors": [{"code": "4x"}]}),
        json!({"statuses": [{"id": 1, "recipient_id": 2, "status": "sent", "timestamp": 3, "errors": [{"code": 1.5}]}]}),
        json!({"object": null, "entry": null}),
        json!({"object": "whatsapp_business_account", "entry": [[], null, {"changes": [null]}]}),
        json!({"object": "whatsapp_business_account", "entry": [{"changes": [{"value": {"messages": [{"from": {"a": {"b": [1, 2, {"c": null}]}}}]}}]}]}),
        json!({"object": "x".repeat(500)}),
        json!({"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages"}]}]}),
    ];
    weird.push(serde_json::from_str(&nested).expect("nested arrays parse"));
    weird.push(json!({"messages": serde_json::from_str::<Value>(&nested).expect("parses")}));
    for payload in &weird {
        match parse(payload, &MediaBase::default()) {
            Ok(events) => {
                serde_json::to_string(&events).expect("events serialize");
            }
            Err(err) => assert!(!err.to_string().is_empty()),
        }
    }
}
