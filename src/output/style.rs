//! Our own colours, kept apart from others' text: `paint` wraps a span in markers that carry a
//! per-process secret, and [`Styles::render`] escapes everything else (see [`crate::text`]) and
//! turns only those markers into ANSI styles, or drops them on a stream without colour. Text
//! from outside cannot forge a marker, so it can never switch a colour on.

use std::hash::{BuildHasher, Hasher};

use crate::text;

/// Starts and ends a marker; between them: the secret, then the SGR parameters.
const OPEN: char = '\u{fdd0}';
const CLOSE: char = '\u{fdd1}';

/// The markers of one process.
#[derive(Clone)]
pub struct Styles {
    /// `OPEN` followed by this process's secret.
    prefix: String,
}

impl std::fmt::Debug for Styles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Styles(..)")
    }
}

impl Styles {
    /// Markers with this process's random secret: every `Output` of the process shares it, so
    /// text painted by one (a fleet profile's section) renders through another.
    pub fn new() -> Self {
        static SECRET: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        let secret =
            *SECRET.get_or_init(|| std::collections::hash_map::RandomState::new().build_hasher().finish());
        Self::with_secret(secret)
    }

    fn with_secret(secret: u64) -> Self {
        Self { prefix: format!("{OPEN}{secret:016x}") }
    }

    /// `text` (escaped) between the markers of `style` (SGR parameters such as `31;1`) and reset.
    pub fn paint(&self, text: &str, style: &str) -> String {
        let style: String = style.chars().filter(|c| c.is_ascii_digit() || *c == ';').collect();
        let text = text::escape(text);
        format!("{p}{style}{CLOSE}{text}{p}0{CLOSE}", p = self.prefix)
    }

    /// What reaches the terminal: others' text escaped, our markers as ANSI styles when `color`
    /// is on for this stream, else removed.
    pub fn render(&self, text: &str, color: bool) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(&self.prefix) {
            out.push_str(&text::escape(&rest[..at]));
            let after = &rest[at + self.prefix.len()..];
            let Some(end) = after.find(CLOSE) else {
                rest = after;
                continue;
            };
            let style = &after[..end];
            if color && style.bytes().all(|b| b.is_ascii_digit() || b == b';') {
                out.push_str(&format!("\x1b[{style}m"));
            }
            rest = &after[end + CLOSE.len_utf8()..];
        }
        out.push_str(&text::escape(rest));
        out
    }
}

impl Default for Styles {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn painted_text_is_coloured_on_a_colour_stream() {
        let styles = Styles::with_secret(7);
        let line = format!("file: {}", styles.paint("ok", "32"));
        assert_eq!(styles.render(&line, true), "file: \x1b[32mok\x1b[0m");
    }

    #[test]
    fn painted_text_is_plain_on_a_stream_without_colour() {
        let styles = Styles::with_secret(7);
        let line = format!("{} body", styles.paint("error:", "31;1"));
        assert_eq!(styles.render(&line, false), "error: body");
    }

    #[test]
    fn others_escapes_around_our_colours_are_escaped() {
        let styles = Styles::with_secret(7);
        let line = format!("\x1b[2J{} \x1b]0;x\x07", styles.paint("ok", "32"));
        assert_eq!(styles.render(&line, true), "\\u{1b}[2J\x1b[32mok\x1b[0m \\u{1b}]0;x\\u{7}");
    }

    #[test]
    fn painted_data_is_escaped_before_it_is_styled() {
        let styles = Styles::with_secret(7);
        let line = styles.paint("name\x1b[8m", "1");
        assert_eq!(styles.render(&line, true), "\x1b[1mname\\u{1b}[8m\x1b[0m");
    }

    #[test]
    fn a_marker_without_the_secret_is_not_a_style() {
        let styles = Styles::with_secret(7);
        let forged = Styles::with_secret(8).paint("x", "5");
        let rendered = styles.render(&forged, true);
        assert!(!rendered.contains('\x1b'), "{rendered:?}");
        assert!(rendered.contains('x'));
    }

    #[test]
    fn every_output_of_a_process_shares_its_secret() {
        // A fleet renders each profile's section (painted by that profile's `Output`) through
        // the command's own `Output`: the markers must match. The secret is still random per
        // process, so text from outside cannot forge one (see the test above).
        assert_eq!(Styles::new().prefix, Styles::new().prefix);
        assert_eq!(Styles::new().render(&Styles::new().paint("x", "1"), false), "x");
    }
}
