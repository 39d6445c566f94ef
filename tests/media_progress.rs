//! The progress bar of a large media transfer: on a terminal's stderr `media upload`, `send media
//! --file` and `media download` of a ~5 MB file draw bytes done / total with a percentage and a
//! rate, reaching 100%; without a terminal, with `--json` or below the 1 MiB threshold there is no
//! bar; and the emulator still receives (and the download still writes) exactly the file's bytes.

mod common;

use std::path::{Path, PathBuf};

use common::pty::{Tty, run_split};
use common::{EMULATOR_KEY, Emulator, TestEnv, http};
use serde_json::{Value, json};

const TOKEN: (&str, &str) = ("WHATSAPP_CTL_TOKEN", EMULATOR_KEY);

/// A PDF-looking file of `size` bytes (the `%PDF-` signature, then filler).
fn pdf(env: &TestEnv, name: &str, size: usize) -> (PathBuf, Vec<u8>) {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend((0..size - bytes.len()).map(|i| (i % 253) as u8));
    let path = env.root.join(name);
    std::fs::write(&path, &bytes).expect("write test file");
    (path, bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn stored(emu: &Emulator, id: &str) -> Value {
    let (status, body) = http("GET", &format!("{}/_emulator/media/{id}", emu.base_url), None);
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).expect("stored media JSON")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// Signs of a drawn bar: a percentage, or the bar's brackets filled with `=`.
fn has_bar(stderr: &str) -> bool {
    stderr.contains('%') || stderr.contains("[==")
}

#[test]
fn a_large_upload_and_download_draw_a_bar_reaching_100_percent_on_a_terminal_only() {
    let env = TestEnv::new("media-progress");
    let emu = env.emulator(&[]);
    emu.settings(json!({"latency_ms": 300}));
    let (file, bytes) = pdf(&env, "catalogue.pdf", 5_000_000);
    let upload = ["--base-url", emu.base_url.as_str(), "media", "upload", path_str(&file)];

    // stderr on a terminal: the bar, drawn there only, ending at 100% of the file's bytes.
    let shown = run_split(&env, &upload, &[TOKEN], Tty::Stderr);
    assert_eq!(shown.code, 0, "{shown:#?}");
    let id = shown.stdout.trim().to_owned();
    assert!(!id.is_empty() && id.chars().all(|c| c.is_ascii_digit()), "stdout is the id alone: {shown:#?}");
    assert!(shown.stderr.contains("uploading catalogue.pdf (4.8 MB)"), "{shown:#?}");
    assert!(shown.stderr.contains("=] 100% 4.77 MiB/4.77 MiB"), "a full bar, bytes done / total: {shown:#?}");
    assert!(shown.stderr.ends_with('\n'), "the finished bar ends its line: {shown:#?}");
    assert!(shown.stderr.contains("/s"), "a rate: {shown:#?}");
    assert_eq!(stored(&emu, &id)["bytes_hex"], hex(&bytes), "the emulator got the exact bytes");

    // No terminal: the same upload, and no progress at all on stderr.
    let quiet = env.run(&upload, &[TOKEN]).expect_code(0);
    assert!(!has_bar(&quiet.stderr) && !quiet.stderr.contains("uploading"), "{quiet:#?}");
    assert!(!quiet.stderr.contains('\r') && !quiet.stderr.contains('\x1b'), "{quiet:#?}");
    assert_eq!(stored(&emu, quiet.stdout.trim())["bytes_hex"], hex(&bytes));

    // --json on a terminal: no bar either.
    let mut json_upload = upload.to_vec();
    json_upload.insert(0, "--json");
    let json_run = run_split(&env, &json_upload, &[TOKEN], Tty::Stderr);
    assert_eq!(json_run.code, 0, "{json_run:#?}");
    assert!(!has_bar(&json_run.stderr), "{json_run:#?}");

    // Below the threshold (1 MiB): no bar, only the spinner.
    let (small, _) = pdf(&env, "leaflet.pdf", 200_000);
    let small_run = run_split(
        &env,
        &["--base-url", emu.base_url.as_str(), "media", "upload", path_str(&small)],
        &[TOKEN],
        Tty::Stderr,
    );
    assert_eq!(small_run.code, 0, "{small_run:#?}");
    assert!(!has_bar(&small_run.stderr), "{small_run:#?}");

    // A download of known size draws the same bar, and writes the exact bytes.
    let target = env.root.join("back.pdf");
    let download = ["--base-url", emu.base_url.as_str(), "media", "download", &id, "-o", path_str(&target)];
    let got = run_split(&env, &download, &[TOKEN], Tty::Stderr);
    assert_eq!(got.code, 0, "{got:#?}");
    assert!(got.stderr.contains(&format!("downloading {id}")), "{got:#?}");
    assert!(got.stderr.contains("=] 100% 4.77 MiB/4.77 MiB"), "{got:#?}");
    assert_eq!(std::fs::read(&target).expect("downloaded file"), bytes);
    std::fs::remove_file(&target).expect("remove");
    let piped = env.run(&download, &[TOKEN]).expect_code(0);
    assert!(!has_bar(&piped.stderr), "{piped:#?}");
    assert_eq!(std::fs::read(&target).expect("downloaded file"), bytes);

    // `send media --file` uploads through the same path: the same bar, then the send by id.
    let phone = "4915123456789";
    env.run(&["emulator", "inbound", "--from", phone, "--text", "hi"], &[]).expect_code(0);
    let send =
        ["--base-url", emu.base_url.as_str(), "send", "media", "--to", phone, "--file", path_str(&file)];
    let sent = run_split(&env, &send, &[TOKEN], Tty::Stderr);
    assert_eq!(sent.code, 0, "{sent:#?}");
    assert!(sent.stderr.contains("=] 100% 4.77 MiB/4.77 MiB"), "{sent:#?}");
    let bodies: Vec<Value> =
        emu.requests().into_iter().filter(|r| r["method"] == "POST" && r["path"] == "/messages").collect();
    let media_id = bodies.last().and_then(|r| r["body"]["document"]["id"].as_str()).expect("sent by id");
    assert_eq!(stored(&emu, media_id)["bytes_hex"], hex(&bytes));
}
