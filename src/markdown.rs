//! Common Markdown turned into WhatsApp's own formatting, since WhatsApp does not render
//! Markdown: `**bold**`/`__bold__` → `*bold*`, `*italic*`/`_italic_` → `_italic_`,
//! `~~strike~~` → `~strike~`, `` `code` `` stays, fenced blocks become ```` ``` ```` blocks
//! without a language tag, `# Heading` → `*Heading*`, `[text](url)` → `text (url)`, `* item` /
//! `+ item` → `- item`, numbered items and `> quotes` stay. Code is never reformatted; anything
//! else passes through as written. Pure: no I/O.

mod inline;

pub use inline::inline;

/// Converts a Markdown document to WhatsApp formatting, line by line.
pub fn to_whatsapp(markdown: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for line in markdown.split('\n') {
        let (line, cr) = match line.strip_suffix('\r') {
            Some(stripped) => (stripped, "\r"),
            None => (line, ""),
        };
        if let Some((fence_char, fence_len)) = fence {
            if is_closing_fence(line, fence_char, fence_len) {
                fence = None;
                out.push(format!("```{cr}"));
            } else {
                out.push(format!("{line}{cr}"));
            }
            continue;
        }
        if let Some(opened) = opening_fence(line) {
            fence = Some(opened);
            out.push(format!("```{cr}"));
            continue;
        }
        out.push(format!("{}{cr}", block_line(line)));
    }
    if fence.is_some() {
        out.push("```".to_owned());
    }
    out.join("\n")
}

/// One line outside code blocks: headings, list items, quotes, rules, or plain text.
fn block_line(line: &str) -> String {
    let indent_len = line.len() - line.trim_start_matches([' ', '\t']).len();
    let (indent, body) = line.split_at(indent_len);
    let body = strip_hard_break(body);
    if is_rule(body) {
        return format!("{indent}{body}");
    }
    if let Some(text) = heading(body) {
        let text = inline(text);
        let text = text.trim_matches('*');
        return format!("{indent}*{text}*");
    }
    if let Some(rest) = body.strip_prefix(['-', '*', '+']).and_then(|r| r.strip_prefix([' ', '\t'])) {
        return format!("{indent}- {}", inline(rest.trim_start()));
    }
    if let Some((number, rest)) = ordered_item(body) {
        return format!("{indent}{number}. {}", inline(rest));
    }
    if let Some(rest) = body.strip_prefix('>') {
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        return format!("{indent}> {}", block_line(rest).trim_start());
    }
    format!("{indent}{}", inline(body))
}

/// `` ``` `` or `~~~` (3 or more, up to 3 spaces of indent), with an optional info string.
fn opening_fence(line: &str) -> Option<(char, usize)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let fence_char = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = trimmed.chars().take_while(|c| *c == fence_char).count();
    let info = &trimmed[len..];
    (len >= 3 && !(fence_char == '`' && info.contains('`'))).then_some((fence_char, len))
}

fn is_closing_fence(line: &str, fence_char: char, fence_len: usize) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= fence_len && trimmed.chars().all(|c| c == fence_char)
}

/// `# Title` to `###### Title` (closing hashes dropped).
fn heading(body: &str) -> Option<&str> {
    let hashes = body.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &body[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim();
    let text = text.trim_end_matches('#').trim_end();
    (!text.is_empty()).then_some(text)
}

/// `1. item` or `1) item`.
fn ordered_item(body: &str) -> Option<(&str, &str)> {
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let rest = body[digits..].strip_prefix(['.', ')'])?.strip_prefix([' ', '\t'])?;
    Some((&body[..digits], rest.trim_start()))
}

/// `---`, `***`, `___` (spaces allowed between): left as written.
fn is_rule(body: &str) -> bool {
    let chars: Vec<char> = body.chars().filter(|c| !c.is_whitespace()).collect();
    chars.len() >= 3 && ['-', '*', '_'].iter().any(|r| chars.iter().all(|c| c == r))
}

/// Markdown's hard line break (two trailing spaces or a backslash) is just the newline here.
fn strip_hard_break(body: &str) -> &str {
    if body.ends_with("  ") {
        return body.trim_end_matches(' ');
    }
    body.strip_suffix('\\').unwrap_or(body)
}

#[cfg(test)]
mod tests;
