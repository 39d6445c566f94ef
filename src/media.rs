//! What WhatsApp accepts as media (Meta's limits): the MIME types, each type's size limit, the
//! message kind a type is sent as, and the type of a file sniffed from its first bytes (the
//! `infer` crate), its extension as the fallback. Pure: callers read the bytes.

/// One mebibyte, as Meta counts its limits.
pub const MB: u64 = 1024 * 1024;

/// How many leading bytes [`sniff`] needs.
pub const SNIFF_BYTES: usize = 8192;

/// Office formats WhatsApp takes as documents.
const OFFICE: [&str; 6] = [
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
];

/// The message kind a MIME type is sent as, with its size limit; `None` when WhatsApp does not
/// take the type. `animated` matters only for webp stickers.
pub fn accepted(mime: &str, animated: bool) -> Option<(&'static str, u64)> {
    match mime {
        "image/jpeg" | "image/png" => Some(("image", 5 * MB)),
        "video/mp4" | "video/3gpp" => Some(("video", 16 * MB)),
        "audio/aac" | "audio/amr" | "audio/mpeg" | "audio/mp4" | "audio/ogg" => Some(("audio", 16 * MB)),
        "image/webp" if animated => Some(("sticker", 500 * 1024)),
        "image/webp" => Some(("sticker", 100 * 1024)),
        "text/plain" | "application/pdf" => Some(("document", 100 * MB)),
        office if OFFICE.contains(&office) => Some(("document", 100 * MB)),
        _ => None,
    }
}

/// Every accepted type, for error hints.
pub fn accepted_list() -> String {
    let mut all = vec![
        "image/jpeg",
        "image/png",
        "video/mp4",
        "video/3gpp",
        "audio/aac",
        "audio/amr",
        "audio/mpeg",
        "audio/mp4",
        "audio/ogg",
        "image/webp",
        "text/plain",
        "application/pdf",
    ];
    all.extend(OFFICE);
    all.join(", ")
}

/// A size for people: `5 MB`, `100 KB`, `1234 bytes`.
pub fn human_size(bytes: u64) -> String {
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// The type of content starting with `head`, or `None` when the bytes say nothing known.
/// Normalised to the names WhatsApp uses (`audio/m4a` → `audio/mp4`, ...).
pub fn sniff(head: &[u8]) -> Option<String> {
    let found = infer::get(head)?.mime_type();
    Some(
        match found {
            "audio/m4a" | "audio/x-m4a" => "audio/mp4",
            "audio/x-aac" => "audio/aac",
            "audio/opus" => "audio/ogg",
            "video/3gp" => "video/3gpp",
            other => other,
        }
        .to_string(),
    )
}

/// The type a file extension stands for (lower-case, without the dot).
pub fn from_extension(extension: &str) -> Option<&'static str> {
    Some(match extension.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "mp4" => "video/mp4",
        "3gp" => "video/3gpp",
        "aac" => "audio/aac",
        "amr" => "audio/amr",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "opus" => "audio/ogg",
        "txt" => "text/plain",
        "pdf" => "application/pdf",
        "doc" => OFFICE[0],
        "xls" => OFFICE[1],
        "ppt" => OFFICE[2],
        "docx" => OFFICE[3],
        "xlsx" => OFFICE[4],
        "pptx" => OFFICE[5],
        _ => return None,
    })
}

/// The usual extension of an accepted type (for download names).
pub fn extension_of(mime: &str) -> &'static str {
    match mime {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        "video/mp4" => "mp4",
        "video/3gpp" => "3gp",
        "audio/aac" => "aac",
        "audio/amr" => "amr",
        "audio/mpeg" => "mp3",
        "audio/mp4" => "m4a",
        "audio/ogg" => "ogg",
        "text/plain" => "txt",
        "application/pdf" => "pdf",
        m if m == OFFICE[0] => "doc",
        m if m == OFFICE[1] => "xls",
        m if m == OFFICE[2] => "ppt",
        m if m == OFFICE[3] => "docx",
        m if m == OFFICE[4] => "xlsx",
        m if m == OFFICE[5] => "pptx",
        _ => "bin",
    }
}

/// Whether a webp is animated (a `VP8X` header with the animation flag).
pub fn is_animated_webp(head: &[u8]) -> bool {
    head.len() > 20 && &head[12..16] == b"VP8X" && head[20] & 0x02 != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_is_sniffed_and_limited_to_5_mb() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(sniff(png).as_deref(), Some("image/png"));
        assert_eq!(accepted("image/png", false), Some(("image", 5 * MB)));
    }

    #[test]
    fn windows_executables_are_not_accepted() {
        let mut exe = b"MZ\x90\0".to_vec();
        exe.resize(256, 0);
        exe[0x3c] = 0x80;
        exe.resize(0x80, 0);
        exe.extend_from_slice(b"PE\0\0");
        exe.resize(512, 0);
        let mime = sniff(&exe).expect("an executable is recognised");
        assert_eq!(accepted(&mime, false), None, "{mime}");
    }

    #[test]
    fn webp_stickers_have_two_limits() {
        assert_eq!(accepted("image/webp", false).map(|a| a.1), Some(100 * 1024));
        assert_eq!(accepted("image/webp", true).map(|a| a.1), Some(500 * 1024));
    }

    #[test]
    fn extensions_and_sizes_read_well() {
        assert_eq!(from_extension("TXT"), Some("text/plain"));
        assert_eq!(extension_of("audio/mpeg"), "mp3");
        assert_eq!(human_size(100 * MB), "100 MB");
        assert_eq!(human_size(100 * 1024), "100 KB");
    }
}
