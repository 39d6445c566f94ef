//! `{{n}}` variables in template texts: finding them, and the rules on how they are written
//! (numbered from 1 without gaps, well formed, not side by side, not dangling in the body).

/// A `{{...}}` found in a text, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placeholder<'a> {
    pub raw: &'a str,
    pub start: usize,
    pub end: usize,
    /// `Some(n)` for `{{n}}` written with digits only (`{{0}}` gives `Some(0)`).
    pub number: Option<u32>,
}

/// Every `{{...}}` of a text in order; `unclosed` when a `{{` has no `}}` after it.
#[derive(Debug, Default)]
pub(crate) struct Scan<'a> {
    pub found: Vec<Placeholder<'a>>,
    pub unclosed: bool,
}

impl Scan<'_> {
    /// The numbers of well-formed variables (`{{1}}` and up), in order, duplicates kept.
    pub fn numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.found.iter().filter_map(|p| p.number.filter(|n| *n > 0))
    }
}

/// Finds the placeholders of `text` in one linear pass.
pub(crate) fn scan(text: &str) -> Scan<'_> {
    let mut scan = Scan::default();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|rest| rest.find("{{")) {
        let open = from + open;
        let inner_start = open + 2;
        let Some(close) = text.get(inner_start..).and_then(|rest| rest.find("}}")) else {
            scan.unclosed = true;
            break;
        };
        let close = inner_start + close;
        let inner = &text[inner_start..close];
        let digits = !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit());
        let number =
            if digits && (inner == "0" || !inner.starts_with('0')) { inner.parse().ok() } else { None };
        let end = close + 2;
        scan.found.push(Placeholder { raw: &text[open..end], start: open, end, number });
        from = end;
    }
    scan
}

/// The numbers of the variables `{{1}}`, `{{2}}`... of `text`, in order of appearance,
/// duplicates kept; malformed placeholders and `{{0}}` are left out.
pub fn placeholder_numbers(text: &str) -> Vec<u32> {
    scan(text).numbers().collect()
}

/// `{{n}}` as written in a template.
pub(crate) fn var(n: u32) -> String {
    format!("{{{{{n}}}}}")
}

/// Problems with how the variables of `text` are written; `label` names the text ("body").
pub(crate) fn variable_problems(scan: &Scan<'_>, text: &str, label: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let malformed: Vec<&str> = scan.found.iter().filter(|p| p.number.is_none()).map(|p| p.raw).collect();
    if let Some(first) = malformed.first() {
        let more = match malformed.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        problems.push(format!(
            "{label} has malformed variable {}{more}: write variables as {{{{1}}}}, {{{{2}}}}, ... with digits only, no spaces or names",
            shorten(first)
        ));
    }
    if scan.found.iter().any(|p| p.number == Some(0)) {
        problems.push(format!("{label} uses {{{{0}}}}: variables are numbered from {{{{1}}}}"));
    }
    if scan.unclosed {
        problems.push(format!(
            "{label} has an unclosed \"{{{{\": close the variable with \"}}}}\" or remove the braces"
        ));
    }
    let mut numbers: Vec<u32> = scan.numbers().collect();
    numbers.sort_unstable();
    numbers.dedup();
    if let Some(missing) = (1u32..).zip(&numbers).find(|(expected, n)| expected != *n) {
        let (expected, used) = missing;
        problems.push(format!(
            "{label} uses {} but not {}: number variables {} to {{{{n}}}} without gaps",
            var(*used),
            var(expected),
            var(1)
        ));
    }
    let adjacent = scan.found.windows(2).find_map(|pair| match pair {
        [a, b]
            if a.number.is_some_and(|n| n > 0)
                && b.number.is_some_and(|n| n > 0)
                && text[a.end..b.start].trim().is_empty() =>
        {
            Some((a.raw, b.raw))
        }
        _ => None,
    });
    if let Some((a, b)) = adjacent {
        problems.push(format!("{label} has variables {a} and {b} side by side: put words between them"));
    }
    problems
}

/// Body-only rule: the (trimmed) body must not start or end with a variable.
pub(crate) fn dangling_problems(scan: &Scan<'_>, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    let variable = |p: &&Placeholder<'_>| p.number.is_some_and(|n| n > 0);
    if let Some(first) = scan.found.first().filter(variable).filter(|p| p.start == start) {
        problems.push(format!("body starts with variable {}: put words before it", first.raw));
    }
    if let Some(last) = scan.found.last().filter(variable).filter(|p| p.end == end) {
        problems.push(format!(
            "body ends with variable {}: put words after it (a full stop is enough)",
            last.raw
        ));
    }
    problems
}

/// A placeholder cut to a readable length for messages.
fn shorten(raw: &str) -> String {
    if raw.chars().count() <= 24 {
        return raw.to_owned();
    }
    let head: String = raw.chars().take(20).collect();
    format!("{head}...")
}
