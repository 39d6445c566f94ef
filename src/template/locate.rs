//! Template files: reading one template or an array of them, and mapping a JSON path such as
//! `components[1].example.body_text[0]` back to its line. serde_json keeps no positions, so a
//! small scanner records the line of every member and element.

use serde_json::Value;

/// Why a template file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// Not valid JSON.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Syntax { line: usize, column: usize, message: String },
    /// Valid JSON, but not a template object or an array of them.
    #[error("expected a template object or an array of template objects, found {found} (line {line})")]
    NotTemplates { found: String, line: usize },
    /// An empty array.
    #[error("the file holds an empty array: expected a template object or an array of template objects")]
    Empty,
}

impl SourceError {
    /// The line the error points at, when it has one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Syntax { line, .. } | Self::NotTemplates { line, .. } => Some(*line),
            Self::Empty => None,
        }
    }
}

/// The templates of a file holding one template object or an array of them.
pub fn parse_source(source: &str) -> Result<Vec<Value>, SourceError> {
    parse_templates(source).map(|(templates, _)| templates)
}

/// The templates, and whether the file is an array (so paths need an index prefix).
pub(super) fn parse_templates(source: &str) -> Result<(Vec<Value>, bool), SourceError> {
    let source = strip_bom(source);
    let value: Value = serde_json::from_str(source).map_err(|error| {
        let text = error.to_string();
        let message = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_owned(),
            None => text,
        };
        SourceError::Syntax { line: error.line(), column: error.column(), message }
    })?;
    let describe = |value: &Value| crate::json_kind::kind(value).to_owned();
    match value {
        Value::Object(_) => Ok((vec![value], false)),
        Value::Array(items) if items.is_empty() => Err(SourceError::Empty),
        Value::Array(items) => {
            if let Some(index) = items.iter().position(|item| !item.is_object()) {
                let line = Document::scan(source).and_then(|d| d.line_of(Some(index), "$")).unwrap_or(1);
                let found = format!("{} as element [{index}]", describe(&items[index]));
                return Err(SourceError::NotTemplates { found, line });
            }
            Ok((items, true))
        }
        other => {
            let line = Document::scan(source).map_or(1, |d| d.root.line);
            Err(SourceError::NotTemplates { found: describe(&other), line })
        }
    }
}

/// The 1-based line of the value at `path` in `source`, or of its nearest existing ancestor.
/// Paths look like `components[2].buttons[0].text`; `$` is the root. For a file holding an
/// array, start the path with the element: `[1].components[0]`. `None` when `source` is not
/// valid JSON or `path` cannot be parsed. Object members are located at their key.
pub fn locate_line(source: &str, path: &str) -> Option<usize> {
    Document::scan(source)?.line_of(None, path)
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    Key(String),
    Index(usize),
}

/// Splits `a.b[2].c` into segments; `$` and the empty path are the root.
pub(crate) fn parse_path(path: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    let mut rest = path.trim();
    rest = rest.strip_prefix('$').unwrap_or(rest);
    rest = rest.strip_prefix('.').unwrap_or(rest);
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']')?;
            segments.push(Segment::Index(after[..close].trim().parse().ok()?));
            rest = &after[close + 1..];
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            segments.push(Segment::Key(rest[..end].to_owned()));
            rest = &rest[end..];
        }
        if let Some(after) = rest.strip_prefix('.') {
            if after.is_empty() || after.starts_with(['.', '[']) {
                return None;
            }
            rest = after;
        }
    }
    Some(segments)
}

fn strip_bom(source: &str) -> &str {
    source.strip_prefix('\u{feff}').unwrap_or(source)
}

/// A scanned JSON document: every value with the line it starts on.
#[derive(Debug)]
pub(crate) struct Document {
    root: Node,
}

#[derive(Debug)]
struct Node {
    line: usize,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Scalar,
    Array(Vec<Node>),
    /// Members as (key, line of the key, value).
    Object(Vec<(String, usize, Node)>),
}

impl Document {
    /// Scans `source`; `None` when it is not valid JSON (or nests deeper than 512 levels).
    pub(crate) fn scan(source: &str) -> Option<Self> {
        let mut scanner = Scanner { bytes: strip_bom(source).as_bytes(), pos: 0, line: 1 };
        let root = scanner.value(0)?;
        Some(Self { root })
    }

    /// The line of `path` (or of its nearest existing ancestor) inside array element `element`
    /// when given, else from the root.
    pub(crate) fn line_of(&self, element: Option<usize>, path: &str) -> Option<usize> {
        let mut segments = parse_path(path)?;
        if let Some(index) = element {
            segments.insert(0, Segment::Index(index));
        }
        let mut node = &self.root;
        let mut line = node.line;
        for segment in &segments {
            let next = match (segment, &node.kind) {
                (Segment::Key(key), Kind::Object(members)) => {
                    // The last duplicate wins, as in serde_json.
                    members.iter().rev().find(|(k, _, _)| k == key).map(|(_, line, value)| (*line, value))
                }
                (Segment::Index(index), Kind::Array(items)) => {
                    items.get(*index).map(|item| (item.line, item))
                }
                _ => None,
            };
            let Some((next_line, next_node)) = next else {
                break;
            };
            line = next_line;
            node = next_node;
        }
        Some(line)
    }
}

const MAX_DEPTH: usize = 512;

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl Scanner<'_> {
    fn skip_whitespace(&mut self) {
        while let Some(&byte) = self.bytes.get(self.pos) {
            match byte {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => break,
            }
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.bytes.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        let line = self.line;
        let kind = match self.bytes.get(self.pos)? {
            b'{' => {
                self.pos += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.skip_whitespace();
                        let key_line = self.line;
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        members.push((key, key_line, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Kind::Object(members)
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Kind::Array(items)
            }
            b'"' => {
                self.string()?;
                Kind::Scalar
            }
            _ => {
                let start = self.pos;
                while self
                    .bytes
                    .get(self.pos)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
                {
                    self.pos += 1;
                }
                if self.pos == start {
                    return None;
                }
                Kind::Scalar
            }
        };
        Some(Node { line, kind })
    }

    /// A string starting at the current `"`, decoded (keys are compared decoded).
    fn string(&mut self) -> Option<String> {
        if self.bytes.get(self.pos) != Some(&b'"') {
            return None;
        }
        self.pos += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            match byte {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let escape = *self.bytes.get(self.pos)?;
                    self.pos += 1;
                    let decoded = match escape {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => self.unicode_escape()?,
                        other => char::from(other),
                    };
                    out.extend_from_slice(decoded.encode_utf8(&mut [0; 4]).as_bytes());
                }
                b'\n' => {
                    self.line += 1;
                    out.push(byte);
                }
                _ => out.push(byte),
            }
        }
    }

    /// The character of `\uXXXX` (the `\u` already read), joining surrogate pairs.
    fn unicode_escape(&mut self) -> Option<char> {
        let high = self.hex4()?;
        if (0xD800..0xDC00).contains(&high) && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u") {
            let saved = self.pos;
            self.pos += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Some(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            self.pos = saved;
        }
        Some(char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        let value = u32::from_str_radix(text, 16).ok()?;
        self.pos += 4;
        Some(value)
    }
}
