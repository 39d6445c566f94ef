//! Splitting a long text into messages of at most N characters (WhatsApp's text limit is
//! 4096): at the last paragraph break that fits, else the last sentence end or line break, else
//! the last space; inside a word only when one word alone is longer than the limit. Separators
//! stay at the end of the part they follow, so the parts joined back are exactly the input.
//! Pure: no I/O. Characters are Unicode scalar values, as the API counts them.

/// The most characters one text message may carry.
pub const TEXT_LIMIT: usize = 4096;

/// Splits `text` into parts of at most `limit` characters (`limit` ≥ 1) whose concatenation is
/// `text`. A text within the limit comes back as one part; an empty text as no part.
pub fn split(text: &str, limit: usize) -> Vec<&str> {
    let limit = limit.max(1);
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let window_end = rest.char_indices().nth(limit).map_or(rest.len(), |(i, _)| i);
        if window_end == rest.len() {
            parts.push(rest);
            break;
        }
        let cut = cut_point(rest, window_end);
        parts.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    parts
}

/// Where to end the next part: a byte index in `1..=window_end` on a char boundary, where
/// `rest[window_end..]` is not empty.
fn cut_point(rest: &str, window_end: usize) -> usize {
    let window = &rest[..window_end];
    // A cut may sit only where the next part would not start with the separator's own
    // whitespace: extend every boundary over the whole whitespace run after it.
    let candidates = boundaries(window, &rest[window_end..]);
    candidates.paragraph.or(candidates.sentence).or(candidates.word).unwrap_or_else(|| hard_cut(window))
}

/// The last boundary of each level inside `window` (byte index just after its separator).
#[derive(Debug, Default)]
struct Boundaries {
    paragraph: Option<usize>,
    sentence: Option<usize>,
    word: Option<usize>,
}

fn boundaries(window: &str, after: &str) -> Boundaries {
    let mut found = Boundaries::default();
    let chars: Vec<(usize, char)> = window.char_indices().collect();
    let next_after = after.chars().next();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_whitespace() {
            i += 1;
            continue;
        }
        // A run of whitespace: chars[i..j].
        let mut j = i;
        let mut newlines = 0;
        while j < chars.len() && chars[j].1.is_whitespace() {
            newlines += usize::from(chars[j].1 == '\n');
            j += 1;
        }
        let end = chars.get(j).map_or(window.len(), |&(b, _)| b);
        // A run that reaches the window's end continues into the next part: not a clean cut
        // unless the next part starts with a non-space.
        let clean = j < chars.len() || next_after.is_some_and(|n| !n.is_whitespace());
        if clean && start > 0 {
            let before = window[..start].trim_end_matches(['"', '\'', ')', ']', '»', '”', '’']);
            let sentence_end = before.ends_with(['.', '!', '?', '…', ':', ';']);
            if newlines >= 2 {
                found.paragraph = Some(end);
            } else if newlines == 1 || sentence_end {
                found.sentence = Some(end);
            } else {
                found.word = Some(end);
            }
        }
        i = j;
    }
    found
}

/// No boundary at all: cut at the window's end (one word longer than the limit).
fn hard_cut(window: &str) -> usize {
    window.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, limit: usize) -> Vec<&str> {
        let parts = split(text, limit);
        assert_eq!(parts.concat(), text, "parts must join back to the input");
        for part in &parts {
            assert!(part.chars().count() <= limit, "part over {limit}: {part:?}");
            assert!(!part.is_empty());
        }
        parts
    }

    #[test]
    fn short_text_is_one_part_and_empty_text_none() {
        assert_eq!(check("hello", 10), vec!["hello"]);
        assert_eq!(check("exactly10!", 10), vec!["exactly10!"]);
        assert!(split("", 10).is_empty());
    }

    #[test]
    fn paragraph_breaks_win_over_sentences() {
        let text = "First para. Still first.\n\nSecond para here.";
        assert_eq!(check(text, 30), vec!["First para. Still first.\n\n", "Second para here."]);
    }

    #[test]
    fn sentences_win_over_words() {
        let text = "One sentence here. Another one that runs long";
        assert_eq!(check(text, 30), vec!["One sentence here. ", "Another one that runs long"]);
    }

    #[test]
    fn a_line_break_counts_as_a_sentence_end() {
        let text = "line one without stop\nline two goes on and on";
        assert_eq!(check(text, 30), vec!["line one without stop\n", "line two goes on and on"]);
    }

    #[test]
    fn words_are_kept_whole() {
        let text = "alpha beta gamma delta epsilon";
        assert_eq!(check(text, 12), vec!["alpha beta ", "gamma delta ", "epsilon"]);
    }

    #[test]
    fn a_word_longer_than_the_limit_is_cut() {
        assert_eq!(check("abcdefghij klm", 4), vec!["abcd", "efgh", "ij ", "klm"]);
    }

    #[test]
    fn whitespace_runs_stay_with_the_part_before() {
        let text = "aaaa   bbbb";
        assert_eq!(check(text, 8), vec!["aaaa   ", "bbbb"]);
        // The run crosses the window's end: cut before it rather than leave spaces leading.
        let parts = check("aaaa bbbb     cccc", 10);
        assert_eq!(parts, vec!["aaaa ", "bbbb     ", "cccc"]);
    }

    #[test]
    fn quotes_after_a_full_stop_still_end_a_sentence() {
        let text = "He said \"stop.\" Then he left the room quietly";
        assert_eq!(check(text, 25), vec!["He said \"stop.\" ", "Then he left the room ", "quietly"]);
    }

    #[test]
    fn multibyte_characters_count_once() {
        let text = "äöü äöü äöü";
        assert_eq!(check(text, 8), vec!["äöü äöü ", "äöü"]);
        let emoji = "😀😀😀😀😀";
        assert_eq!(check(emoji, 2), vec!["😀😀", "😀😀", "😀"]);
    }

    #[test]
    fn ten_thousand_characters_split_into_parts_within_the_api_limit() {
        let paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(20);
        let text = format!("{paragraph}\n\n").repeat(9);
        let text = &text[..10_000];
        let parts = check(text, TEXT_LIMIT);
        assert_eq!(parts.len(), 3);
        assert!(parts[0].ends_with("\n\n"), "{:?}", &parts[0][parts[0].len() - 20..]);
    }
}
