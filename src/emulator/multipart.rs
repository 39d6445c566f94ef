//! A small `multipart/form-data` reader (RFC 7578) for the media upload: the boundary from the
//! `Content-Type` header, then each part's name, file name, content type and exact bytes.

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The `name` of `Content-Disposition: form-data`.
    pub name: String,
    /// The `filename`, when the part is a file.
    pub filename: Option<String>,
    /// The part's own `Content-Type`.
    pub content_type: Option<String>,
    /// The exact bytes between the part's headers and the next boundary.
    pub data: Vec<u8>,
}

/// The boundary of a `multipart/form-data` content type, or `None` for any other type.
pub fn boundary(content_type: &str) -> Option<String> {
    let mut pieces = content_type.split(';');
    let essence = pieces.next()?.trim();
    if !essence.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    pieces.find_map(|piece| {
        let (key, value) = piece.split_once('=')?;
        key.trim().eq_ignore_ascii_case("boundary").then(|| value.trim().trim_matches('"').to_string())
    })
}

/// The parts of `body`, or why it is not a valid form.
pub fn parse(body: &[u8], boundary: &str) -> Result<Vec<Part>, String> {
    let opening = format!("--{boundary}");
    let delimiter = format!("\r\n--{boundary}");
    let start = find(body, opening.as_bytes(), 0).ok_or("the body has no opening boundary")?;
    let mut at = start + opening.len();
    let mut parts = Vec::new();
    loop {
        if body[at..].starts_with(b"--") {
            return Ok(parts);
        }
        if !body[at..].starts_with(b"\r\n") {
            return Err("a boundary is not followed by a line break".into());
        }
        at += 2;
        let head_end = find(body, b"\r\n\r\n", at).ok_or("a part's headers do not end")?;
        let head = String::from_utf8_lossy(&body[at..head_end]).into_owned();
        let data_start = head_end + 4;
        let data_end =
            find(body, delimiter.as_bytes(), data_start).ok_or("the body has no closing boundary")?;
        parts.push(part(&head, body[data_start..data_end].to_vec())?);
        at = data_end + delimiter.len();
    }
}

fn part(head: &str, data: Vec<u8>) -> Result<Part, String> {
    let mut name = None;
    let mut filename = None;
    let mut content_type = None;
    for line in head.split("\r\n") {
        let Some((key, value)) = line.split_once(':') else { continue };
        if key.trim().eq_ignore_ascii_case("content-disposition") {
            let mut extended = None;
            for (k, v) in parameters(value).into_iter().skip(1) {
                match k.as_str() {
                    "name" => name = Some(v),
                    "filename" => filename = Some(v),
                    "filename*" => extended = decode_extended(&v),
                    _ => {}
                }
            }
            // RFC 6266: `filename*` (non-ASCII names, spaces) wins over `filename`.
            filename = extended.or(filename);
        } else if key.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_string());
        }
    }
    let name = name.ok_or("a part has no Content-Disposition name")?;
    Ok(Part { name, filename, content_type, data })
}

/// The `;`-separated `key=value` parameters of a header value (keys lower-cased), a quoted
/// value unquoted and unescaped (`\"`, `\\`, as reqwest writes a file name): a `;` or `=`
/// inside quotes belongs to the value.
fn parameters(value: &str) -> Vec<(String, String)> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let (mut quoted, mut escaped) = (false, false);
    for c in value.chars() {
        match c {
            _ if escaped => {
                piece.push(c);
                escaped = false;
            }
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            // Outside quotes whitespace only separates (a token holds none); inside, it is kept.
            c if c.is_whitespace() && !quoted => {}
            ';' if !quoted => pieces.push(std::mem::take(&mut piece)),
            _ => piece.push(c),
        }
    }
    pieces.push(piece);
    pieces
        .iter()
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_ascii_lowercase(), v.to_string()),
            None => (p.to_ascii_lowercase(), String::new()),
        })
        .collect()
}

/// An RFC 5987 value (`utf-8''a%20b.png`), decoded; `None` for another charset or bad UTF-8.
fn decode_extended(value: &str) -> Option<String> {
    let (charset, rest) = value.split_once('\'')?;
    let (_language, encoded) = rest.split_once('\'')?;
    if !charset.eq_ignore_ascii_case("utf-8") {
        return None;
    }
    percent_encoding::percent_decode_str(encoded).decode_utf8().ok().map(|s| s.into_owned())
}

/// The first position of `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while at + needle.len() <= haystack.len() {
        let offset = haystack[at..].iter().position(|&b| b == first)?;
        at += offset;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_a_file_with_its_exact_bytes() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--X\r\n--XyZ--\r\n";
        let parts = parse(body, "XyZ").expect("valid form");
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "messaging_product");
        assert_eq!(parts[0].data, b"whatsapp");
        assert_eq!(parts[1].filename.as_deref(), Some("a.png"));
        assert_eq!(parts[1].content_type.as_deref(), Some("image/png"));
        assert_eq!(parts[1].data, b"\x89PNG\r\n--X");
    }

    #[test]
    fn boundary_comes_only_from_form_data() {
        assert_eq!(boundary("multipart/form-data; boundary=\"ab\"").as_deref(), Some("ab"));
        assert_eq!(boundary("application/json"), None);
    }

    #[test]
    fn a_file_name_keeps_its_semicolons_and_an_extended_name_is_decoded() {
        let form = |disposition: &str| {
            format!("--b\r\nContent-Disposition: form-data; {disposition}\r\n\r\nx\r\n--b--\r\n")
        };
        let filename = |disposition: &str| {
            parse(form(disposition).as_bytes(), "b").expect("valid form")[0].filename.clone()
        };
        // Found by tests/media_properties.rs: `a;b.png` was read as `a`.
        assert_eq!(filename(r#"name="file"; filename="a;b.png""#).as_deref(), Some("a;b.png"));
        assert_eq!(filename(r#"name="file"; filename="x=y\\z\".png""#).as_deref(), Some("x=y\\z\".png"));
        // Found by src/emulator/tests/multipart.rs: spaces inside the quotes were trimmed.
        assert_eq!(filename(r#"name="file" ; filename = " a b .png" "#).as_deref(), Some(" a b .png"));
        // reqwest writes names with spaces or non-ASCII letters this way (RFC 5987).
        let extended = r#"name="file"; filename*=utf-8''menu%20card%20%C3%A9.png"#;
        assert_eq!(filename(extended).as_deref(), Some("menu card é.png"));
        assert_eq!(parse(form(r#"name="a;b""#).as_bytes(), "b").expect("valid form")[0].name, "a;b");
    }

    #[test]
    fn a_form_without_closing_boundary_is_refused() {
        assert!(parse(b"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", "b").is_err());
    }
}
