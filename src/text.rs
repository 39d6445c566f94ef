//! Making others' text safe for a terminal: characters that move the cursor, recolour, retitle,
//! ring, or reorder what is shown (C0 controls but newline and tab, DEL, C1 controls, the line
//! and paragraph separators, bidi controls) are replaced by a visible `\u{..}` escape. Pure: no
//! I/O. `output` applies it to all human output; `--json` keeps the data as sent.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        // C0 (ESC and BEL included), DEL, C1.
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Line and paragraph separators: a line break the reader does not see coming.
        '\u{2028}' | '\u{2029}' => true,
        // Bidi marks, embeddings, overrides and isolates ("Trojan Source").
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `text` with every unsafe character shown as `\u{hex}`; borrowed when nothing needed escaping.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            safe.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "Hello {{1}}, your order ✓ ships today — مرحبا";
        assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn newline_and_tab_are_kept() {
        assert_eq!(escape("a\nb\tc"), "a\nb\tc");
    }

    #[test]
    fn escape_is_shown_visibly() {
        assert_eq!(escape("\x1b[31mred\x1b[0m"), "\\u{1b}[31mred\\u{1b}[0m");
    }

    #[test]
    fn bell_is_shown_visibly() {
        assert_eq!(escape("ding\x07"), "ding\\u{7}");
    }

    #[test]
    fn carriage_return_and_other_c0_are_shown_visibly() {
        assert_eq!(escape("ok\rFAIL"), "ok\\u{d}FAIL");
        assert_eq!(escape("\0\x08\x0b\x0c\x1f"), "\\u{0}\\u{8}\\u{b}\\u{c}\\u{1f}");
    }

    #[test]
    fn delete_is_shown_visibly() {
        assert_eq!(escape("a\x7fb"), "a\\u{7f}b");
    }

    #[test]
    fn c1_controls_are_shown_visibly() {
        // CSI and OSC as single C1 characters, and the ends of the C1 range.
        assert_eq!(escape("\u{9b}31m\u{9d}0;title\u{80}\u{9f}"), "\\u{9b}31m\\u{9d}0;title\\u{80}\\u{9f}");
    }

    #[test]
    fn line_and_paragraph_separators_are_shown_visibly() {
        assert_eq!(escape("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
    }

    #[test]
    fn bidi_overrides_and_embeddings_are_shown_visibly() {
        let all: String = ('\u{202a}'..='\u{202e}').collect();
        assert_eq!(escape(&all), "\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{202e}");
    }

    #[test]
    fn bidi_isolates_are_shown_visibly() {
        let all: String = ('\u{2066}'..='\u{2069}').collect();
        assert_eq!(escape(&all), "\\u{2066}\\u{2067}\\u{2068}\\u{2069}");
    }

    #[test]
    fn bidi_marks_are_shown_visibly() {
        assert_eq!(escape("\u{200e}\u{200f}\u{61c}"), "\\u{200e}\\u{200f}\\u{61c}");
    }

    #[test]
    fn neighbours_of_the_unsafe_ranges_are_kept() {
        // Space, '~', NBSP, zero-width joiner (emoji), the narrow NBSP, and letters of RTL scripts.
        let text = " ~\u{a0}👩\u{200d}💻\u{202f}\u{2065}שלום";
        assert_eq!(escape(text), text);
    }

    #[test]
    fn escaping_twice_changes_nothing_more() {
        let once = escape("\x1b]0;pwned\x07").into_owned();
        assert_eq!(escape(&once), once);
    }
}
