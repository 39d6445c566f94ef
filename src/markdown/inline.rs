//! Inline Markdown within one line: emphasis, strike-through, code spans, links, autolinks and
//! backslash escapes. A delimiter without a partner stays as written.

/// Converts the inline Markdown of `text` to WhatsApp formatting.
pub fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    convert(&chars, &mut out);
    out
}

fn convert(chars: &[char], out: &mut String) {
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(next);
                i += 2;
            }
            '`' => i = code_span(chars, i, out),
            '!' if next == Some('[') => match link(chars, i + 1) {
                Some(found) => i = found.write(chars, out),
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            '[' => match link(chars, i) {
                Some(found) => i = found.write(chars, out),
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '<' => i = autolink(chars, i, out),
            '*' | '_' | '~' => i = emphasis(chars, i, out),
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// Length of the run of `c` starting at `i`.
fn run_len(chars: &[char], i: usize, c: char) -> usize {
    chars[i..].iter().take_while(|x| **x == c).count()
}

/// A code span: kept as WhatsApp's `` `inline` ``, its content untouched.
fn code_span(chars: &[char], i: usize, out: &mut String) -> usize {
    let n = run_len(chars, i, '`');
    let mut k = i + n;
    while k < chars.len() {
        if chars[k] == '`' {
            let r = run_len(chars, k, '`');
            if r == n {
                let mut content: String = chars[i + n..k].iter().collect();
                if content.len() > 2 && content.starts_with(' ') && content.ends_with(' ') {
                    content = content[1..content.len() - 1].to_owned();
                }
                out.push('`');
                out.push_str(&content);
                out.push('`');
                return k + n;
            }
            k += r;
        } else {
            k += 1;
        }
    }
    out.extend(&chars[i..i + n]);
    i + n
}

/// `*`, `_` and `~` runs: `**x**`/`__x__` bold, `*x*`/`_x_` italic, `***x***` both,
/// `~~x~~` strike-through.
fn emphasis(chars: &[char], i: usize, out: &mut String) -> usize {
    let c = chars[i];
    let n = run_len(chars, i, c);
    let (open, close) = match (c, n) {
        ('~', 2) => ("~", "~"),
        ('*' | '_', 1) => ("_", "_"),
        ('*' | '_', 2) => ("*", "*"),
        ('*' | '_', 3) => ("*_", "_*"),
        _ => {
            out.extend(&chars[i..i + n]);
            return i + n;
        }
    };
    let follows_space = chars.get(i + n).is_none_or(|x| x.is_whitespace());
    let intraword = c == '_' && i > 0 && chars[i - 1].is_alphanumeric();
    let closing = if follows_space || intraword { None } else { find_closing(chars, i + n, c, n) };
    match closing {
        Some(k) => {
            out.push_str(open);
            convert(&chars[i + n..k], out);
            out.push_str(close);
            k + n
        }
        None => {
            out.extend(&chars[i..i + n]);
            i + n
        }
    }
}

/// The start of a run of exactly `n` × `c` after `from` that can close emphasis: preceded by a
/// non-space, and for `_` not followed by a letter or digit. Code spans are skipped.
fn find_closing(chars: &[char], from: usize, c: char, n: usize) -> Option<usize> {
    let mut k = from;
    while k < chars.len() {
        let x = chars[k];
        if x == '`' {
            let r = run_len(chars, k, '`');
            let mut scratch = String::new();
            k = code_span(chars, k, &mut scratch).max(k + r);
            continue;
        }
        if x == '\\' {
            k += 2;
            continue;
        }
        if x != c {
            k += 1;
            continue;
        }
        let r = run_len(chars, k, c);
        let after = chars.get(k + r).copied();
        let ok = r == n
            && k > from
            && !chars[k - 1].is_whitespace()
            && !(c == '_' && after.is_some_and(char::is_alphanumeric));
        if ok {
            return Some(k);
        }
        k += r;
    }
    None
}

/// A link or image found at `[`: the text's char range, the URL and the index after `)`.
struct Link {
    text: (usize, usize),
    url: String,
    end: usize,
}

impl Link {
    /// Writes `text (url)`, or the bare URL when the text is empty or the URL itself.
    fn write(&self, chars: &[char], out: &mut String) -> usize {
        let mut text = String::new();
        convert(&chars[self.text.0..self.text.1], &mut text);
        let text = text.trim();
        if text.is_empty() || text == self.url {
            out.push_str(&self.url);
        } else {
            out.push_str(&format!("{text} ({})", self.url));
        }
        self.end
    }
}

fn link(chars: &[char], open: usize) -> Option<Link> {
    let close = matching(chars, open, '[', ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = matching(chars, close + 1, '(', ')')?;
    let inside: String = chars[close + 2..end].iter().collect();
    let inside = inside.trim();
    let url = match inside.strip_prefix('<') {
        Some(rest) => rest.split('>').next().unwrap_or_default(),
        None => inside.split_whitespace().next().unwrap_or_default(),
    };
    Some(Link { text: (open + 1, close), url: url.to_owned(), end: end + 1 })
}

/// The index of the bracket closing the one at `open`, honouring nesting and escapes.
fn matching(chars: &[char], open: usize, left: char, right: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut k = open;
    while k < chars.len() {
        match chars[k] {
            '\\' => k += 1,
            x if x == left => depth += 1,
            x if x == right => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
        k += 1;
    }
    None
}

/// `<https://…>` becomes the bare URL (`<mailto:x@y>` the address); other `<` stay.
fn autolink(chars: &[char], i: usize, out: &mut String) -> usize {
    if let Some(len) = chars[i + 1..].iter().position(|c| *c == '>') {
        let inside: String = chars[i + 1..i + 1 + len].iter().collect();
        let is_url = ["http://", "https://", "mailto:"].iter().any(|p| inside.starts_with(p));
        if is_url && !inside.contains(char::is_whitespace) {
            out.push_str(inside.strip_prefix("mailto:").unwrap_or(&inside));
            return i + len + 2;
        }
    }
    out.push('<');
    i + 1
}
