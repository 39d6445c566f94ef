//! `media`, `send media --file` and `channel profile` end to end against the emulator: what the
//! emulator received and stored (the exact bytes of an upload), what the user saw, exit codes,
//! and that local checks send nothing.

#[allow(dead_code)]
#[path = "send/channel.rs"]
mod channel;
mod common;
mod hostile;
#[allow(dead_code)]
#[path = "send/schema.rs"]
mod schema;

use std::path::{Path, PathBuf};

use channel::{Channel, PHONE, send_media};
use common::http;
use serde_json::{Value, json};

/// A small PNG-looking file (the signature and an IHDR chunk header, then `filler`).
fn png(filler: usize) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..filler).map(|i| (i % 251) as u8));
    bytes
}

fn write(channel: &Channel, name: &str, bytes: &[u8]) -> PathBuf {
    let path = channel.env.root.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What the emulator stored for `id`.
fn stored(channel: &Channel, id: &str) -> Value {
    let (status, body) = http("GET", &format!("{}/_emulator/media/{id}", channel.emu.base_url), None);
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("stored media JSON")
}

fn uploads(channel: &Channel) -> Vec<Value> {
    channel.emu.requests().into_iter().filter(|r| r["method"] == "POST" && r["path"] == "/media").collect()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn upload_sends_a_multipart_form_with_messaging_product_the_type_and_the_exact_bytes() {
    let channel = Channel::cloud("media-upload");
    let bytes = png(3000);
    let file = write(&channel, "menu.png", &bytes);
    let report = channel.run(&["--json", "media", "upload", path_str(&file)]).expect_code(0).json();
    let id = report["id"].as_str().expect("id").to_owned();
    assert_eq!(report["mime_type"], "image/png");
    assert_eq!(report["file_size"], bytes.len());
    let sent = uploads(&channel);
    assert_eq!(sent.len(), 1, "one upload: {sent:?}");
    let content_type = sent[0]["content_type"].as_str().unwrap_or_default();
    assert!(content_type.starts_with("multipart/form-data; boundary="), "{content_type}");
    let form = sent[0]["body"].as_str().expect("form as text");
    assert!(form.contains("name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"), "{form}");
    assert!(form.contains("name=\"type\"\r\n\r\nimage/png\r\n"), "{form}");
    assert!(form.contains("filename=\"menu.png\"\r\nContent-Type: image/png\r\n"), "{form}");
    let kept = stored(&channel, &id);
    assert_eq!(kept["bytes_hex"], hex(&bytes), "the stored bytes are the file's");
    assert_eq!(kept["mime_type"], "image/png");
    assert_eq!(report["sha256"], kept["sha256"]);
    let human = channel.run(&["media", "upload", path_str(&file)]).expect_code(0);
    assert!(human.stdout.trim().chars().all(|c| c.is_ascii_digit()), "prints the id: {human:?}");
}

#[test]
fn a_text_file_without_magic_bytes_is_typed_by_its_extension_and_type_can_be_given() {
    let channel = Channel::cloud("media-type");
    let notes = write(&channel, "notes.txt", b"opening hours: 9-17\n");
    let report = channel.run(&["--json", "media", "upload", path_str(&notes)]).expect_code(0).json();
    assert_eq!(report["mime_type"], "text/plain");
    let voice = write(&channel, "voice.bin", b"not sniffable audio bytes");
    channel.run(&["media", "upload", path_str(&voice)]).expect_code(3);
    let report = channel
        .run(&["--json", "media", "upload", "--type", "audio/mp4", path_str(&voice)])
        .expect_code(0)
        .json();
    assert_eq!(report["mime_type"], "audio/mp4");
    assert_eq!(stored(&channel, report["id"].as_str().expect("id"))["mime_type"], "audio/mp4");
}

#[test]
fn an_oversized_png_and_a_windows_executable_exit_3_with_nothing_sent() {
    let channel = Channel::cloud("media-refused");
    let big = write(&channel, "big.png", &png(5 * 1024 * 1024));
    let run = channel.run(&["media", "upload", path_str(&big)]).expect_code(3);
    assert!(run.stderr.contains("over WhatsApp's limit of 5 MB for image/png"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was sent"), "{}", run.stderr);
    let mut exe = b"MZ\x90\0\x03\0\0\0".to_vec();
    exe.resize(0x3c, 0);
    exe.extend_from_slice(&[0x80, 0, 0, 0]);
    exe.resize(0x80, 0);
    exe.extend_from_slice(b"PE\0\0");
    exe.resize(1024, 0);
    // Named like an image: the content decides.
    let disguised = write(&channel, "photo.jpg", &exe);
    let run = channel.run(&["media", "upload", path_str(&disguised)]).expect_code(3);
    assert!(run.stderr.contains("a type WhatsApp does not take"), "{}", run.stderr);
    let run = channel.run(&["media", "upload", "--type", "image/jpeg", path_str(&disguised)]).expect_code(3);
    assert!(run.stderr.contains("portable-executable"), "{}", run.stderr);
    let sent = channel.run(&["send", "media", "--to", PHONE, "--file", path_str(&big)]).expect_code(3);
    assert!(sent.stderr.contains("5 MB"), "{}", sent.stderr);
    assert_eq!(channel.emu.requests(), Vec::<Value>::new(), "nothing reached the emulator");
}

#[test]
fn info_and_download_match_byte_for_byte_under_the_base_url_and_delete_removes_it() {
    let channel = Channel::cloud("media-download");
    let bytes = png(70_000);
    let file = write(&channel, "chart.png", &bytes);
    let id = channel.run(&["media", "upload", path_str(&file)]).expect_code(0).stdout.trim().to_owned();
    let info = channel.run(&["--json", "media", "info", &id]).expect_code(0).json();
    assert_eq!(info["file_size"], bytes.len());
    assert!(info["url"].as_str().unwrap_or_default().starts_with("https://lookaside.fbsbx.com/"), "{info}");
    channel.emu.clear_requests();
    let target = channel.env.root.join("out/chart-copy.png");
    std::fs::create_dir_all(target.parent().expect("parent")).expect("out dir");
    let saved =
        channel.run(&["--json", "media", "download", &id, "-o", path_str(&target)]).expect_code(0).json();
    assert_eq!(std::fs::read(&target).expect("downloaded file"), bytes);
    assert_eq!(saved["sha256"], info["sha256"]);
    let requests = channel.emu.requests();
    let download =
        requests.iter().find(|r| r["path"] == "/whatsapp_business/attachments/").expect("download");
    assert!(download["query"].as_str().unwrap_or_default().contains(&format!("mid={id}")), "{download}");
    assert_eq!(download["api_key"], "valid", "the key went to the base URL, the only host contacted");
    let deleted = channel.run(&["media", "delete", &id]).expect_code(0);
    assert!(deleted.stdout.contains(&id));
    let gone = channel.run(&["media", "info", &id]).expect_code(1);
    assert!(gone.stderr.contains("does not exist"), "{}", gone.stderr);
}

#[test]
fn a_corrupted_download_exits_1_and_leaves_no_file() {
    let channel = Channel::cloud("media-corrupt");
    let file = write(&channel, "doc.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    let id = channel.run(&["media", "upload", path_str(&file)]).expect_code(0).stdout.trim().to_owned();
    let (status, body) =
        http("POST", &format!("{}/_emulator/media/{id}/corrupt", channel.emu.base_url), None);
    assert_eq!(status, 200, "{body}");
    let folder = channel.env.root.join("downloads");
    std::fs::create_dir_all(&folder).expect("folder");
    let target = folder.join("doc.pdf");
    let run = channel.run(&["media", "download", &id, "-o", path_str(&target)]).expect_code(1);
    assert!(run.stderr.contains("does not match"), "{}", run.stderr);
    let left: Vec<_> = std::fs::read_dir(&folder).expect("list").collect();
    assert!(left.is_empty(), "nothing left behind: {left:?}");
}

#[test]
fn send_media_file_uploads_once_and_sends_by_id_with_the_kind_inferred() {
    let channel = Channel::cloud("media-send-file");
    channel.open_window(PHONE);
    channel.emu.clear_requests();
    let bytes = png(500);
    let file = write(&channel, "menu.png", &bytes);
    let report = channel
        .run(&["--json", "send", "media", "--to", PHONE, "--file", path_str(&file), "--caption", "Menu"])
        .expect_code(0)
        .json();
    assert_eq!((&report["kind"], &report["fallback"]), (&json!("image"), &Value::Null));
    let sent_uploads = uploads(&channel);
    assert_eq!(sent_uploads.len(), 1, "uploaded once");
    let sent = channel.sent();
    assert_eq!(sent.len(), 1, "sent once: {sent:?}");
    let id = sent[0]["image"]["id"].as_str().expect("sent by id").to_owned();
    assert_eq!(sent[0]["image"], json!({"id": id, "caption": "Menu"}));
    assert_eq!(stored(&channel, &id)["bytes_hex"], hex(&bytes));
    let pdf = write(&channel, "terms.pdf", b"%PDF-1.4\n%%EOF\n");
    let report = channel
        .run(&["--json", "send", "media", "--to", PHONE, "--file", path_str(&pdf)])
        .expect_code(0)
        .json();
    assert_eq!(report["kind"], "document");
    let last = channel.sent().pop().expect("document sent");
    assert_eq!(last["document"]["filename"], "terms.pdf");
    // Dropping the channel validates every body against Meta's `Message` schema.
}

#[test]
fn send_media_link_keeps_its_fallback_and_link_and_file_exclude_each_other() {
    let channel = Channel::cloud("media-send-link");
    channel.open_window(PHONE);
    let refused =
        channel.run(&send_media("image", "https://cdn.example.com/menu", &["--json"])).expect_code(0).json();
    assert_eq!(refused["fallback"], "text_link");
    let file = write(&channel, "a.png", &png(10));
    channel
        .run(&[
            "send",
            "media",
            "--to",
            PHONE,
            "--file",
            path_str(&file),
            "--link",
            "https://cdn.example.com/a.png",
        ])
        .expect_code(2);
    channel.run(&["send", "media", "--to", PHONE, "--link", "https://cdn.example.com/a.png"]).expect_code(2);
}

fn profile_posts(channel: &Channel) -> Vec<Value> {
    channel
        .emu
        .requests()
        .into_iter()
        .filter(|r| r["method"] != "GET")
        .map(|r| json!({"method": r["method"], "path": r["path"], "body": r["body"]}))
        .collect()
}

#[test]
fn profile_set_sends_only_the_given_fields_and_show_reads_them_back() {
    let channel = Channel::cloud("media-profile");
    let set = channel
        .run(&[
            "--json",
            "channel",
            "profile",
            "set",
            "--about",
            "Fresh bread daily",
            "--website",
            "https://bakery.example",
        ])
        .expect_code(0)
        .json();
    assert_eq!(set["updated"], json!({"about": "Fresh bread daily", "websites": ["https://bakery.example"]}));
    channel.run(&["channel", "profile", "set", "--vertical", "restaurant"]).expect_code(0);
    assert_eq!(
        profile_posts(&channel),
        vec![
            json!({"method": "POST", "path": "/whatsapp_business_profile", "body":
                {"messaging_product": "whatsapp", "about": "Fresh bread daily", "websites": ["https://bakery.example"]}}),
            json!({"method": "POST", "path": "/whatsapp_business_profile", "body":
                {"messaging_product": "whatsapp", "vertical": "RESTAURANT"}}),
        ]
    );
    let shown = channel.run(&["--json", "channel", "profile", "show"]).expect_code(0).json();
    assert_eq!(shown["about"], "Fresh bread daily");
    assert_eq!(shown["vertical"], "RESTAURANT");
    assert_eq!(shown["websites"], json!(["https://bakery.example"]));
    assert_eq!(shown["address"], Value::Null);
    let keys: Vec<&str> = shown.as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["about", "address", "description", "email", "websites", "vertical", "profile_picture_url"]
    );
}

#[test]
fn every_profile_limit_exits_3_with_nothing_sent() {
    let channel = Channel::cloud("media-profile-limits");
    let long = |n: usize| "x".repeat(n);
    let long_site = format!("https://example.com/{}", "p".repeat(240));
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["--about".into(), String::new()], "--about"),
        (vec!["--about".into(), long(140)], "--about"),
        (vec!["--address".into(), long(257)], "--address"),
        (vec!["--description".into(), long(257)], "--description"),
        (vec!["--email".into(), format!("{}@example.com", long(120))], "--email"),
        (vec!["--email".into(), "bakery.example.com".into()], "--email"),
        (
            [
                "--website",
                "https://a.example",
                "--website",
                "https://b.example",
                "--website",
                "https://c.example",
            ]
            .map(String::from)
            .to_vec(),
            "at most 2 websites",
        ),
        (vec!["--website".into(), long_site], "--website"),
        (vec!["--website".into(), "ftp://files.example".into()], "http(s)"),
        (vec!["--vertical".into(), "SHOES".into()], "--vertical"),
    ];
    for (flags, named) in cases {
        let mut args = vec!["channel", "profile", "set"];
        args.extend(flags.iter().map(String::as_str));
        let run = channel.run(&args).expect_code(3);
        assert!(
            run.stderr.contains(named) && run.stderr.contains("nothing was sent"),
            "{flags:?}: {}",
            run.stderr
        );
    }
    channel.run(&["channel", "profile", "set"]).expect_code(2);
    assert_eq!(channel.emu.requests(), Vec::<Value>::new(), "nothing reached the emulator");
}

#[test]
fn on_premise_profiles_use_the_settings_paths() {
    let channel = Channel::onpremise("media-profile-op");
    channel
        .run(&["channel", "profile", "set", "--about", "Open 9-17", "--address", "1 Main St"])
        .expect_code(0);
    assert_eq!(
        profile_posts(&channel),
        vec![
            json!({"method": "PATCH", "path": "/v1/settings/profile/about", "body": {"text": "Open 9-17"}}),
            json!({"method": "PATCH", "path": "/v1/settings/business/profile", "body": {"address": "1 Main St"}}),
        ]
    );
    let shown = channel.run(&["--json", "channel", "profile", "show"]).expect_code(0).json();
    assert_eq!((&shown["about"], &shown["address"]), (&json!("Open 9-17"), &json!("1 Main St")));
}

#[test]
fn automation_set_sends_only_the_given_settings_and_show_reads_them_back() {
    let channel = Channel::cloud("media-automation");
    let set = channel
        .run(&[
            "--json",
            "channel",
            "automation",
            "set",
            "--welcome",
            "on",
            "--prompt",
            "Opening hours?",
            "--command",
            "/status=Check your order status",
        ])
        .expect_code(0)
        .json();
    let expected = json!({"enable_welcome_message": true, "prompts": ["Opening hours?"],
        "commands": [{"command_name": "status", "command_description": "Check your order status"}]});
    assert_eq!(set["updated"], expected);
    channel.run(&["channel", "automation", "set", "--welcome", "off"]).expect_code(0);
    assert_eq!(
        profile_posts(&channel),
        vec![
            json!({"method": "POST", "path": "/conversational_automation", "body": expected}),
            json!({"method": "POST", "path": "/conversational_automation", "body": {"enable_welcome_message": false}}),
        ]
    );
    let shown = channel.run(&["--json", "channel", "automation", "show"]).expect_code(0).json();
    assert_eq!(shown["enable_welcome_message"], false);
    assert_eq!(shown["prompts"], json!(["Opening hours?"]));
    assert_eq!(shown["commands"][0]["command_name"], "status");
}

#[test]
fn automation_set_with_4_prompts_or_a_bad_command_exits_3_with_nothing_sent() {
    let channel = Channel::cloud("media-automation-limits");
    let four = ["--prompt", "a", "--prompt", "b", "--prompt", "c", "--prompt", "d"];
    let mut args = vec!["channel", "automation", "set"];
    args.extend(four);
    let run = channel.run(&args).expect_code(3);
    assert!(run.stderr.contains("at most 3 ice-breaker prompts"), "{}", run.stderr);
    let long = "p".repeat(81);
    channel.run(&["channel", "automation", "set", "--prompt", &long]).expect_code(3);
    channel.run(&["channel", "automation", "set", "--command", "order status=Track"]).expect_code(3);
    channel.run(&["channel", "automation", "set", "--command", "no-description"]).expect_code(3);
    channel.run(&["channel", "automation", "set"]).expect_code(2);
    assert_eq!(channel.emu.requests(), Vec::<Value>::new(), "nothing reached the emulator");
}

#[test]
fn a_media_url_on_another_host_is_fetched_under_the_base_url_so_the_key_stays_there() {
    let env = common::TestEnv::new("media-foreign-host");
    let foreign = hostile::Hostile::start(|_| hostile::Reply::json(200, "{}"));
    let url = format!("{}/whatsapp_business/attachments/?mid=12345678&hash=ARx", foreign.base_url);
    let info = json!({"id": "12345678", "url": url, "mime_type": "text/plain", "file_size": 6,
        "sha256": "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", "messaging_product": "whatsapp"})
    .to_string();
    let api = hostile::Hostile::start(move |request| match request.path() {
        "/12345678" => hostile::Reply::json(200, &info),
        "/whatsapp_business/attachments/" => {
            hostile::Reply::Full(200, vec![("Content-Type".into(), "text/plain".into())], b"hello\n".to_vec())
        }
        _ => hostile::Reply::json(404, "{}"),
    });
    let token = ("WHATSAPP_CTL_TOKEN", "test-key-9f8e7d6c");
    let target = env.root.join("hello.txt");
    let base = api.base_url.clone();
    env.run(&["--base-url", &base, "media", "download", "12345678", "-o", path_str(&target)], &[token])
        .expect_code(0);
    assert_eq!(std::fs::read(&target).expect("saved"), b"hello\n");
    assert!(foreign.received().is_empty(), "the host named in the URL got nothing");
    let download = api.received().into_iter().find(|r| r.path() == "/whatsapp_business/attachments/");
    let download = download.expect("the download went to the base URL");
    assert_eq!(download.query("mid").as_deref(), Some("12345678"));
    let stdout =
        env.run(&["--base-url", &base, "media", "download", "12345678", "-o", "-"], &[token]).expect_code(0);
    assert_eq!(stdout.stdout, "hello\n", "-o - writes the checked bytes and nothing else");
}

/// A Cloud webhook payload with one image message per media id.
fn image_payload(ids: &[&str]) -> String {
    let messages: Vec<Value> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            json!({"from": "5511987654321", "id": format!("wamid.IMG{i}"), "timestamp": "1718030460",
                   "type": "image", "image": {"caption": format!("photo {i}"), "mime_type": "image/png", "id": id}})
        })
        .collect();
    json!({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
        "value": {"messaging_product": "whatsapp",
                  "contacts": [{"profile": {"name": "Ana Silva"}, "wa_id": "5511987654321"}],
                  "messages": messages}}]}]})
    .to_string()
}

#[test]
fn webhook_parse_download_saves_each_media_by_id_and_a_failed_one_is_a_warning() {
    let channel = Channel::cloud("webhook-download");
    let bytes = png(40_000);
    let file = write(&channel, "photo.png", &bytes);
    let id = channel.run(&["media", "upload", path_str(&file)]).expect_code(0).stdout.trim().to_owned();
    let payload = write(&channel, "hook.json", image_payload(&[&id, "404404404"]).as_bytes());
    let dir = channel.env.root.join("inbox");
    channel.emu.clear_requests();
    let run = channel
        .run(&["--json", "webhook", "parse", "--download", path_str(&dir), path_str(&payload)])
        .expect_code(0);
    let events = run.json();
    let saved = dir.join(format!("{id}.png"));
    assert_eq!(std::fs::read(&saved).expect("downloaded media"), bytes, "the uploaded bytes exactly");
    assert_eq!(events[0]["message"]["media_id"], id.as_str());
    assert_eq!(events[0]["message"]["media_path"], path_str(&saved));
    assert_eq!(events[1]["message"]["media_id"], "404404404");
    assert!(events[1]["message"].get("media_path").is_none(), "no path for the unknown id: {events}");
    assert!(
        run.stderr.contains("media 404404404 of message wamid.IMG1 was not downloaded"),
        "the warning names the media id: {}",
        run.stderr
    );
    let listed: Vec<_> =
        std::fs::read_dir(&dir).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(listed.len(), 1, "only the downloaded file, no temp files: {listed:?}");
    let requests = channel.emu.requests();
    let download =
        requests.iter().find(|r| r["path"] == "/whatsapp_business/attachments/").expect("download request");
    assert_eq!(download["api_key"], "valid", "fetched with the profile's key");

    let human =
        channel.run(&["webhook", "parse", "--download", path_str(&dir), path_str(&payload)]).expect_code(0);
    let lines: Vec<&str> = human.stdout.lines().collect();
    assert!(lines[0].ends_with(&format!("image  photo 0 (saved to {})", path_str(&saved))), "{lines:?}");
    assert!(lines[1].ends_with("image  photo 1"), "{lines:?}");
}

#[test]
fn webhook_parse_download_skips_undownloaded_on_premise_media_with_a_note() {
    let channel = Channel::onpremise("webhook-download-undownloaded");
    let payload = json!({"contacts": [{"profile": {"name": "Kerry"}, "wa_id": "4915112345678"}],
        "messages": [{"from": "4915112345678", "id": "ABGG", "timestamp": "1718030460", "type": "image",
                      "image": {"status": "undownloaded", "mime_type": "image/jpeg"}}]});
    let payload = write(&channel, "hook.json", payload.to_string().as_bytes());
    let dir = channel.env.root.join("inbox");
    channel.emu.clear_requests();
    let run = channel
        .run(&["--json", "webhook", "parse", "--download", path_str(&dir), path_str(&payload)])
        .expect_code(0);
    assert!(run.json()[0]["message"].get("media_path").is_none(), "{}", run.stdout);
    let human =
        channel.run(&["webhook", "parse", "--download", path_str(&dir), path_str(&payload)]).expect_code(0);
    assert!(human.stderr.contains("message ABGG: its image is undownloaded"), "{}", human.stderr);
    assert!(!human.stdout.contains("saved to"), "{}", human.stdout);
    assert!(std::fs::read_dir(&dir).expect("folder").next().is_none(), "nothing saved");
    assert!(channel.emu.requests().is_empty(), "nothing fetched: {:?}", channel.emu.requests());
}

#[test]
fn webhook_parse_download_refuses_an_id_that_is_not_a_file_name_and_needs_a_key() {
    let channel = Channel::cloud("webhook-download-unsafe");
    let payload = write(&channel, "hook.json", image_payload(&["../../escaped"]).as_bytes());
    let dir = channel.env.root.join("inbox");
    channel.emu.clear_requests();
    let run = channel
        .run(&["--json", "webhook", "parse", "--download", path_str(&dir), path_str(&payload)])
        .expect_code(0);
    assert!(run.json()[0]["message"].get("media_path").is_none(), "{}", run.stdout);
    assert!(run.stderr.contains("is not a safe file name; not downloaded"), "{}", run.stderr);
    assert!(
        !channel.env.root.join("escaped.png").exists() && !channel.env.root.join("../escaped.png").exists()
    );
    assert!(channel.emu.requests().is_empty(), "nothing fetched: {:?}", channel.emu.requests());

    let no_key = channel.env.run(
        &[
            "--base-url",
            &channel.emu.base_url,
            "webhook",
            "parse",
            "--download",
            path_str(&dir),
            path_str(&payload),
        ],
        &[],
    );
    let no_key = no_key.expect_code(4);
    assert!(no_key.stderr.contains("no API key"), "{}", no_key.stderr);
    assert!(no_key.stdout.is_empty(), "{}", no_key.stdout);
}
