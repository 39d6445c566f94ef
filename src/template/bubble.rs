//! A filled template drawn as a chat bubble for the terminal: header, body and footer inside a
//! rounded box, the buttons beneath it. WhatsApp formatting (`*bold*`, `_italic_`, `~strike~`,
//! ```` ```mono``` ````) becomes terminal styles when colour is on and stays as written when it
//! is off. Pure: no I/O.

use unicode_width::UnicodeWidthChar;

use super::preview::Filled;

/// Text width inside the bubble.
pub const WIDTH: usize = 44;

const BOLD: u8 = 1;
const ITALIC: u8 = 2;
const STRIKE: u8 = 4;
const MONO: u8 = 8;
const DIM: u8 = 16;

/// One character and its styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    ch: char,
    style: u8,
}

/// Styles a run of text with SGR parameters (`1`, `3;36`): the renderer's own painter, so that
/// the styles pass its escaping of others' text.
pub type Painter<'a> = &'a dyn Fn(&str, &str) -> String;

/// The bubble, one line per row, without a trailing newline; styled only when given a painter.
pub fn draw(filled: &Filled, paint: Option<Painter>) -> String {
    let color = paint.is_some();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    if let Some(header) = &filled.header {
        rows.extend(wrap(&styled(header, color, BOLD), WIDTH));
        rows.push(Vec::new());
    }
    rows.extend(wrap(&styled(&filled.body, color, 0), WIDTH));
    if let Some(footer) = &filled.footer {
        rows.push(Vec::new());
        rows.extend(wrap(&styled(footer, color, if color { DIM } else { 0 }), WIDTH));
    }
    let mut out = vec![format!("╭{}╮", "─".repeat(WIDTH + 2))];
    for row in &rows {
        out.push(format!("│ {}{} │", render(row, paint), " ".repeat(WIDTH.saturating_sub(width(row)))));
    }
    out.push(format!("╰{}╯", "─".repeat(WIDTH + 2)));
    for button in &filled.buttons {
        let icon = match button.kind.as_str() {
            "URL" => "↗ ",
            "PHONE_NUMBER" => "✆ ",
            "OTP" | "COPY_CODE" => "⧉ ",
            _ => "↩ ",
        };
        let label = format!("{icon}{}", button.text);
        let label_width: usize = label.chars().map(|c| c.width().unwrap_or(0)).sum();
        let pad = (WIDTH + 2).saturating_sub(label_width);
        let left = pad / 2;
        out.push(format!("┌{}┐", "─".repeat(WIDTH + 2)));
        out.push(format!("│{}{label}{}│", " ".repeat(left), " ".repeat(pad - left)));
        out.push(format!("└{}┘", "─".repeat(WIDTH + 2)));
        if let Some(target) = &button.target {
            out.push(format!("  {target}"));
        }
    }
    out.join("\n")
}

/// `text` as cells: with colour, WhatsApp's delimiters become styles (and vanish); without
/// it, the text stays exactly as written. `base` styles every cell (a bold header).
fn styled(text: &str, color: bool, base: u8) -> Vec<Cell> {
    let chars: Vec<char> = text.chars().collect();
    if !color {
        return chars.into_iter().map(|ch| Cell { ch, style: 0 }).collect();
    }
    let mut cells = Vec::with_capacity(chars.len());
    let mut style = base;
    let mut i = 0;
    while i < chars.len() {
        if chars[i..].starts_with(&['`', '`', '`']) {
            if style & MONO != 0 || has_closing_fence(&chars[i + 3..]) {
                style ^= MONO;
                i += 3;
                continue;
            }
        } else if let Some(flag) = flag_of(chars[i])
            && style & MONO == 0
        {
            let opens = style & flag == 0
                && chars.get(i + 1).is_some_and(|c| !c.is_whitespace())
                && closes_later(&chars[i + 1..], chars[i]);
            let closes = style & flag != 0 && i > 0 && !chars[i - 1].is_whitespace();
            if opens || closes {
                style ^= flag;
                i += 1;
                continue;
            }
        }
        cells.push(Cell { ch: chars[i], style });
        i += 1;
    }
    cells
}

fn flag_of(c: char) -> Option<u8> {
    match c {
        '*' => Some(BOLD),
        '_' => Some(ITALIC),
        '~' => Some(STRIKE),
        _ => None,
    }
}

/// A closing `delimiter` later on the same line, right after a non-space.
fn closes_later(rest: &[char], delimiter: char) -> bool {
    let line_end = rest.iter().position(|c| *c == '\n').unwrap_or(rest.len());
    (1..line_end).any(|j| rest[j] == delimiter && !rest[j - 1].is_whitespace())
}

fn has_closing_fence(rest: &[char]) -> bool {
    rest.windows(3).any(|w| w == ['`', '`', '`'])
}

/// Greedy word wrap at `width` columns; explicit line breaks kept, long words cut.
fn wrap(cells: &[Cell], width: usize) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for line in cells.split(|c| c.ch == '\n') {
        let mut row: Vec<Cell> = Vec::new();
        for word in line.split_inclusive(|c| c.ch == ' ') {
            let word_width = self::width(word);
            if !row.is_empty() && self::width(&row) + width_trimmed(word) > width {
                trim_end(&mut row);
                rows.push(std::mem::take(&mut row));
            }
            if word_width > width {
                for cell in word {
                    if self::width(&row) + cell.ch.width().unwrap_or(0) > width {
                        rows.push(std::mem::take(&mut row));
                    }
                    row.push(*cell);
                }
            } else {
                row.extend_from_slice(word);
            }
        }
        trim_end(&mut row);
        rows.push(row);
    }
    rows
}

fn width(cells: &[Cell]) -> usize {
    cells.iter().map(|c| c.ch.width().unwrap_or(0)).sum()
}

fn width_trimmed(cells: &[Cell]) -> usize {
    let end = cells.iter().rposition(|c| c.ch != ' ').map_or(0, |p| p + 1);
    width(&cells[..end])
}

fn trim_end(row: &mut Vec<Cell>) {
    while row.last().is_some_and(|c| c.ch == ' ') {
        row.pop();
    }
}

/// Cells as text, each run of one style through the painter when there is one.
fn render(row: &[Cell], paint: Option<Painter>) -> String {
    let Some(paint) = paint else {
        return row.iter().map(|cell| cell.ch).collect();
    };
    let mut out = String::new();
    for run in row.chunk_by(|a, b| a.style == b.style) {
        let text: String = run.iter().map(|cell| cell.ch).collect();
        let codes = sgr(run[0].style);
        if codes.is_empty() { out.push_str(&text) } else { out.push_str(&paint(&text, &codes)) }
    }
    out
}

fn sgr(style: u8) -> String {
    let codes: Vec<&str> = [(BOLD, "1"), (DIM, "2"), (ITALIC, "3"), (STRIKE, "9"), (MONO, "36")]
        .iter()
        .filter(|(flag, _)| style & flag != 0)
        .map(|(_, code)| *code)
        .collect();
    codes.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::preview::Button;

    fn ansi(text: &str, codes: &str) -> String {
        format!("\x1b[{codes}m{text}\x1b[0m")
    }

    fn filled(body: &str) -> Filled {
        Filled {
            header: Some("Order #7".into()),
            body: body.into(),
            footer: Some("Reply STOP".into()),
            buttons: vec![Button { kind: "QUICK_REPLY".into(), text: "Cancel".into(), target: None }],
        }
    }

    #[test]
    fn without_colour_the_formatting_stays_as_text_in_an_even_box() {
        let drawing = draw(&filled("Hi *Ada*, your _order_ is ~late~ ```ok```"), None);
        assert!(!drawing.contains('\x1b'));
        assert!(drawing.contains("│ Hi *Ada*, your _order_ is ~late~ ```ok```"), "{drawing}");
        let widths: Vec<usize> = drawing.lines().map(|l| l.chars().count()).collect();
        assert!(widths.iter().all(|w| *w == WIDTH + 4), "{drawing}");
        let lines: Vec<&str> = drawing.lines().collect();
        assert!(lines[1].contains("Order #7") && lines.iter().any(|l| l.contains("Reply STOP")));
        assert!(lines.iter().rev().nth(1).is_some_and(|l| l.contains("↩ Cancel")), "{drawing}");
    }

    #[test]
    fn with_colour_delimiters_become_styles() {
        let drawing = draw(&filled("Hi *Ada*, _soon_ ~x~ ```mono``` and 2 * 3 * 4"), Some(&ansi));
        assert!(drawing.contains("\x1b[1mAda\x1b[0m"), "{drawing:?}");
        assert!(drawing.contains("\x1b[3msoon\x1b[0m"), "{drawing:?}");
        assert!(drawing.contains("\x1b[9mx\x1b[0m"), "{drawing:?}");
        assert!(drawing.contains("\x1b[36mmono\x1b[0m"), "{drawing:?}");
        assert!(drawing.contains("2 * 3 * 4"), "a lone * is text: {drawing:?}");
    }

    #[test]
    fn long_text_wraps_inside_the_bubble() {
        let long = "word ".repeat(30);
        let drawing = draw(&filled(long.trim()), None);
        assert!(drawing.lines().filter(|l| l.contains("word")).count() >= 3);
        assert!(drawing.lines().all(|l| l.chars().count() == WIDTH + 4), "{drawing}");
    }
}
