//! The emulator's `multipart/form-data` reader under property tests (proptest, bounded, no
//! failure files): any bytes under any boundary give parts or an error, never a panic; a form
//! written by the RFC 7578 rules gives back every part with its exact bytes, whatever they hold
//! (boundary-like runs, CRLFs, dashes); the same form cut short anywhere before its closing
//! delimiter is an error.

use proptest::prelude::*;

use super::super::multipart::{Part, boundary, parse};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() }
}

/// Boundaries as clients make them (reqwest: hex groups joined by dashes) and odd short ones.
fn arb_boundary() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9a-f]{16}-[0-9a-f]{16}", "[A-Za-z0-9'()+_,./:=?-]{1,20}", "-{1,4}[a-z]{1,3}"]
}

/// Bytes that look like the form's own syntax, and random ones.
fn arb_data(boundary: String) -> impl Strategy<Value = Vec<u8>> {
    let delimiter = format!("\r\n--{boundary}");
    let look_alike = vec![
        b"\r\n".to_vec(),
        b"--".to_vec(),
        b"\r\n--".to_vec(),
        b"\r\n\r\n".to_vec(),
        format!("--{boundary}").into_bytes(),
        format!("--{boundary}--").into_bytes(),
        format!("\n--{boundary}").into_bytes(),
        format!("\r\n-{boundary}").into_bytes(),
        delimiter.as_bytes()[..delimiter.len() - 1].to_vec(),
        b"Content-Disposition: form-data; name=\"x\"\r\n\r\n".to_vec(),
    ];
    let chunk =
        prop_oneof![proptest::sample::select(look_alike), proptest::collection::vec(any::<u8>(), 0..32)];
    // A client picks a boundary its content does not hold; only that one run is left out.
    proptest::collection::vec(chunk, 0..12)
        .prop_map(|chunks| chunks.concat())
        .prop_filter("content holding the delimiter", move |data| {
            !data.windows(delimiter.len()).any(|w| w == delimiter.as_bytes())
        })
}

fn arb_part(boundary: String) -> impl Strategy<Value = Part> {
    (
        "[a-z_]{1,12}",
        proptest::option::of("[a-zA-Z0-9 ;=._\"\\\\-]{1,16}"),
        proptest::option::of(proptest::sample::select(vec!["image/png", "text/plain", "application/pdf"])),
        arb_data(boundary),
    )
        .prop_map(|(name, filename, content_type, data)| Part {
            name,
            filename,
            content_type: content_type.map(str::to_owned),
            data,
        })
}

fn arb_form() -> impl Strategy<Value = (String, Vec<Part>)> {
    arb_boundary().prop_flat_map(|b| {
        let parts = proptest::collection::vec(arb_part(b.clone()), 0..4);
        (Just(b), parts)
    })
}

/// The form as RFC 7578 writes it, with the position where its closing `--` starts.
fn write(boundary: &str, parts: &[Part]) -> (Vec<u8>, usize) {
    let mut body = Vec::new();
    for part in parts {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"", part.name).bytes(),
        );
        if let Some(filename) = &part.filename {
            // Quoted as reqwest quotes it: `\` and `"` escaped with a backslash.
            let quoted = filename.replace('\\', "\\\\").replace('"', "\\\"");
            body.extend(format!("; filename=\"{quoted}\"").bytes());
        }
        if let Some(content_type) = &part.content_type {
            body.extend(format!("\r\nContent-Type: {content_type}").bytes());
        }
        body.extend(b"\r\n\r\n");
        body.extend(&part.data);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}").bytes());
    let closing = body.len();
    body.extend(b"--\r\n");
    (body, closing)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_under_any_boundary_are_parts_or_an_error(
        body in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..400),
            arb_form().prop_map(|(b, parts)| write(&b, &parts).0),
        ],
        boundary in prop_oneof![arb_boundary(), any::<String>()],
    ) {
        if let Err(message) = parse(&body, &boundary) {
            prop_assert!(!message.trim().is_empty());
        }
    }

    #[test]
    fn a_written_form_gives_back_every_part_with_its_exact_bytes((b, parts) in arb_form()) {
        let (body, _) = write(&b, &parts);
        let parsed = parse(&body, &b);
        prop_assert_eq!(parsed.as_ref(), Ok(&parts), "boundary {:?}", b);
        let content_type = format!("multipart/form-data; boundary={b}");
        prop_assert_eq!(boundary(&content_type), Some(b.clone()));
        prop_assert_eq!(boundary(&format!("Multipart/Form-Data; charset=utf-8; boundary=\"{b}\"")), Some(b));
    }

    #[test]
    fn a_form_cut_before_its_closing_delimiter_is_an_error((b, parts) in arb_form(), cut in any::<usize>()) {
        let (body, closing) = write(&b, &parts);
        let cut = cut % (closing + 2);
        prop_assert!(parse(&body[..cut], &b).is_err(), "{:?} cut at {}", String::from_utf8_lossy(&body), cut);
    }

    #[test]
    fn any_content_type_gives_a_boundary_or_none(content_type in any::<String>()) {
        let _ = boundary(&content_type);
    }
}
