//! Media typing and the upload form: property tests (proptest, bounded, no failure files).
//! The sniffer and `media upload`'s local check never panic on any bytes and any file name:
//! they give an accepted type within its size limit or an error saying what to do; known magic
//! numbers with random tails get their type or a refusal, executables always a refusal. And
//! the form the real binary sends round-trips through the emulator's parser with the exact
//! bytes, whatever the content (boundary-like runs, CRLFs, dashes).

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{EMULATOR_KEY, TestEnv, http};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde_json::Value;
use whatsapp_ctl::commands::media::upload::{Checked, check};
use whatsapp_ctl::media;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// A scratch folder for the files the checks read, one per test binary run.
fn scratch() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("wctl-media-props-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    })
}

/// Writes `bytes` (then grown to `size` with a hole, when larger) under a fresh folder as `name`.
fn write(name: &str, bytes: &[u8], size: u64) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = scratch().join(N.fetch_add(1, Ordering::SeqCst).to_string());
    std::fs::create_dir_all(&dir).expect("case dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write case file");
    if size > bytes.len() as u64 {
        std::fs::File::options().write(true).open(&path).and_then(|f| f.set_len(size)).expect("grow file");
    }
    path
}

/// Removes the folder `write` made for `path`.
fn remove_case(path: &Path) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// File names: extensions the fallback knows, odd ones, none, and arbitrary text.
fn arb_file_name() -> impl Strategy<Value = String> {
    let stem = prop_oneof!["[a-zA-Z0-9 _.;-]{1,12}", "[^/\u{0}]{1,12}"];
    let extension = prop_oneof![
        proptest::sample::select(vec![
            "", ".png", ".PNG", ".jpg", ".pdf", ".txt", ".mp4", ".ogg", ".exe", ".webp", ".docx", ".tar.gz",
            ".",
        ])
        .prop_map(str::to_owned),
        "\\.[^/\u{0}]{0,5}",
    ];
    (stem, extension)
        .prop_map(|(s, e)| format!("{s}{e}"))
        .prop_filter("a file name", |n| !matches!(n.as_str(), "." | "..") && n.len() < 200)
}

/// Heads the sniffer knows (with the type it must find; `None`: an executable, always refused).
const MAGIC: &[(&[u8], Option<&str>)] = &[
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("image/png")),
    (b"\xff\xd8\xff\xe0\0\x10JFIF\0", Some("image/jpeg")),
    (b"%PDF-1.7\n", Some("application/pdf")),
    (b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2", Some("video/mp4")),
    (b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom", Some("video/mp4")),
    (b"OggS\0\x02\0\0\0\0\0\0\0\0", Some("audio/ogg")),
    (b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", None),
    (b"MZ", None),
    // An ELF header is 64 bytes (and anything shorter is no program).
    (b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x40\0\x38\0\0\0\0\0\0\0\0\0", None),
];

fn arb_bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..max)
}

/// What a successful check promises: an accepted type, its kind and a size within its limit.
fn check_accepted(checked: &Checked, head: &[u8], size: u64) -> Result<(), TestCaseError> {
    let animated = checked.mime == "image/webp" && media::is_animated_webp(head);
    let accepted = media::accepted(&checked.mime, animated);
    prop_assert!(accepted.is_some(), "{checked:?} is not a type WhatsApp takes");
    let (kind, limit) = accepted.unwrap_or_default();
    prop_assert_eq!(checked.kind, kind);
    prop_assert_eq!(checked.size, size);
    prop_assert!(size > 0 && size <= limit, "{checked:?} over the limit of {limit}");
    Ok(())
}

/// What a refusal promises: it names the file, says nothing was sent, and what to do.
fn check_refused(err: &whatsapp_ctl::error::Error, path: &Path) -> Result<(), TestCaseError> {
    prop_assert_eq!(err.kind.exit_code(), 3, "{:?}", err);
    prop_assert!(err.message.contains(&path.display().to_string()), "the file is not named: {err:?}");
    prop_assert!(err.message.contains("nothing was sent"), "{err:?}");
    let says_what_to_do =
        err.hint.as_deref().is_some_and(|h| !h.trim().is_empty()) || err.message.contains("is empty");
    prop_assert!(says_what_to_do, "no hint: {err:?}");
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn sniff_of_any_bytes_never_panics_and_names_a_type(bytes in arb_bytes(600)) {
        if let Some(mime) = media::sniff(&bytes) {
            prop_assert!(mime.contains('/'), "{mime:?}");
        }
        let _ = media::is_animated_webp(&bytes);
    }

    #[test]
    fn check_of_any_file_is_an_accepted_type_or_a_refusal_saying_what_to_do(
        bytes in prop_oneof![arb_bytes(600), (0..MAGIC.len(), arb_bytes(300)).prop_map(|(m, tail)| {
            let mut b = MAGIC[m].0.to_vec();
            b.extend(tail);
            b
        })],
        name in arb_file_name(),
        declared in proptest::option::of(prop_oneof![
            proptest::sample::select(vec!["image/png", "IMAGE/PNG ", "audio/mp4", "application/x-msdownload", ""])
                .prop_map(str::to_owned),
            "[ -~]{0,20}",
        ]),
        grow in prop_oneof![3 => Just(0u64), 1 => 1u64..=120 * media::MB],
    ) {
        let size = (bytes.len() as u64).max(grow);
        let path = write(&name, &bytes, size);
        let result = check(&path, declared.as_deref());
        remove_case(&path);
        match result {
            Ok(checked) => check_accepted(&checked, &bytes, size)?,
            Err(err) => check_refused(&err, &path)?,
        }
    }

    #[test]
    fn a_known_magic_number_gets_its_type_or_a_refusal_and_executables_always_a_refusal(
        magic in 0..MAGIC.len(),
        tail in arb_bytes(2000),
        name in arb_file_name(),
        declared in proptest::option::of(Just("image/png")),
    ) {
        let (head, expected) = MAGIC[magic];
        let mut bytes = head.to_vec();
        bytes.extend(&tail);
        let path = write(&name, &bytes, 0);
        let result = check(&path, declared);
        remove_case(&path);
        match (expected, result) {
            (None, Ok(checked)) => prop_assert!(false, "an executable passed as {checked:?}"),
            (None, Err(err)) => {
                check_refused(&err, &path)?;
                prop_assert!(err.message.contains("does not take"), "{err:?}");
            }
            (Some(mime), Ok(checked)) => {
                check_accepted(&checked, &bytes, bytes.len() as u64)?;
                // Without --type the content decides, whatever the extension says.
                if declared.is_none() {
                    prop_assert_eq!(checked.mime.as_str(), mime, "{:?} sniffed wrong", head);
                }
            }
            (Some(_), Err(err)) => check_refused(&err, &path)?,
        }
    }
}

/// Content an upload must carry exactly: runs that look like the form's own syntax.
fn arb_content() -> impl Strategy<Value = Vec<u8>> {
    let chunk = prop_oneof![
        proptest::sample::select(vec![
            &b"\r\n"[..],
            b"--",
            b"\r\n--",
            b"\r\n\r\n",
            b"--\r\n",
            b"\r\n------------------------",
            b"Content-Disposition: form-data; name=\"file\"\r\n",
            b"\r\n--boundary\r\n",
            b"\r\n--boundary--\r\n",
            b"\0",
        ])
        .prop_map(<[u8]>::to_vec),
        arb_bytes(64),
    ];
    proptest::collection::vec(chunk, 0..24).prop_map(|chunks| {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        bytes.extend(chunks.concat());
        bytes
    })
}

/// Every case uploads through the binary to one emulator, then reads what it stored.
#[test]
fn any_upload_reaches_the_emulator_with_its_exact_bytes_and_file_name() {
    let env = TestEnv::new("media-props");
    let emu = env.emulator(&[]);
    let dir = env.root.join("files");
    std::fs::create_dir_all(&dir).expect("files dir");
    let names = prop_oneof![
        "[a-zA-Z0-9_-]{1,16}\\.png",
        proptest::sample::select(vec![
            "menu card.png",
            "a;b.png",
            "x=y.png",
            "dash--dash.png",
            "é.png",
            " lead.png",
            "back\\slash.png",
            "quote\"d.png"
        ])
        .prop_map(str::to_owned),
    ];
    let mut runner = TestRunner::new(config(24));
    let outcome = runner.run(&(arb_content(), names), |(content, name)| {
        let path = dir.join(&name);
        std::fs::write(&path, &content).expect("write upload");
        let args =
            ["--base-url", emu.base_url.as_str(), "--json", "media", "upload", path.to_str().expect("utf-8")];
        let run = env.run(&args, &[("WHATSAPP_CTL_TOKEN", EMULATOR_KEY)]);
        prop_assert_eq!(run.code, 0, "{:?}", run);
        let report: Value = serde_json::from_str(&run.stdout).expect("upload report");
        let id = report["id"].as_str().unwrap_or_default();
        let (status, body) = http("GET", &format!("{}/_emulator/media/{id}", emu.base_url), None);
        prop_assert_eq!(status, 200, "{}", body);
        let stored: Value = serde_json::from_str(&body).expect("stored media");
        let hex: String = content.iter().map(|b| format!("{b:02x}")).collect();
        prop_assert!(stored["bytes_hex"] == hex.as_str(), "the stored bytes differ from the file's");
        prop_assert_eq!(&stored["filename"], &Value::from(name.as_str()));
        prop_assert_eq!(&stored["sha256"], &report["sha256"]);
        Ok(())
    });
    if let Err(err) = outcome {
        panic!("{err}");
    }
}
