//! The only place that writes to the terminal: command results as human text (tables on a
//! terminal) or one JSON document, warnings and progress on stderr, and the error renderer
//! (`error:` / `caused by:` / `hint:`, or the JSON error object). A closed stdout is not an error.

use std::io::{self, IsTerminal, Write};

use comfy_table::{Table, presets};
use serde::Serialize;

use crate::error::{Error, Kind};

/// `eprintln!` that never panics: a closed stderr loses the line, nothing more.
macro_rules! stderr_line {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr().lock(), $($arg)*);
    }};
}

/// A command's result: serializable for `--json`, renderable for people.
pub trait Report: Serialize {
    /// The human form, without trailing newline (empty prints nothing).
    fn human(&self, out: &Output) -> String;
    /// A non-zero outcome that still prints its report (a failed check, a rejected template).
    fn failure(&self) -> Option<Kind> {
        None
    }
}

/// How and where to write.
#[derive(Debug, Clone)]
pub struct Output {
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
}

impl Output {
    pub fn new(json: bool, quiet: bool, verbose: u8, no_color: bool) -> Self {
        let stderr_is_terminal = io::stderr().is_terminal();
        Self {
            json,
            quiet,
            verbose,
            color: !no_color && stderr_is_terminal,
            stdout_is_terminal: io::stdout().is_terminal(),
            stderr_is_terminal,
        }
    }

    /// Prints a report; returns the exit code it stands for.
    pub fn emit<R: Report>(&self, report: &R) -> u8 {
        let text = if self.json {
            match serde_json::to_string(report) {
                Ok(text) => text,
                Err(err) => {
                    self.error(&Error::failed(format!("cannot encode the result as JSON: {err}")));
                    return Kind::Failed.exit_code();
                }
            }
        } else {
            report.human(self)
        };
        self.write_stdout(&text);
        report.failure().map_or(0, Kind::exit_code)
    }

    /// Writes one line (or block) of data to stdout, ignoring a closed pipe.
    pub fn write_stdout(&self, text: &str) {
        if text.is_empty() {
            return;
        }
        let mut stdout = io::stdout().lock();
        let _ = writeln!(stdout, "{text}").and_then(|()| stdout.flush());
    }

    /// Copies raw bytes (a downloaded file) to stdout; a closed pipe is not an error.
    pub fn copy_to_stdout(&self, reader: &mut dyn io::Read) -> io::Result<u64> {
        let mut stdout = io::stdout().lock();
        match io::copy(reader, &mut stdout).and_then(|n| stdout.flush().map(|()| n)) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(0),
            other => other,
        }
    }

    /// Progress and notes for people: hidden by `-q` and by `--json`.
    pub fn info(&self, text: &str) {
        if !self.quiet && !self.json {
            stderr_line!("{text}");
        }
    }

    /// A status line scripts may rely on (a listening address, a forward's result): on stderr
    /// also with `--json`, hidden only by `-q`.
    pub fn notice(&self, text: &str) {
        if !self.quiet {
            stderr_line!("{text}");
        }
    }

    /// Something the user should know; hidden only by `-q`.
    pub fn warn(&self, text: &str) {
        if !self.quiet {
            let label = self.paint("warning:", "33;1");
            stderr_line!("{label} {text}");
        }
    }

    /// Diagnostics for `-v` (level 1) and `-vv` (level 2).
    pub fn debug(&self, level: u8, text: &str) {
        if self.verbose >= level {
            stderr_line!("{} {text}", self.paint("debug:", "2"));
        }
    }

    /// Renders an error on stderr: text, or the JSON error object with `--json`.
    pub fn error(&self, err: &Error) {
        if self.json {
            let object = serde_json::json!({"error": {
                "kind": err.kind,
                "message": err.message,
                "code": err.code,
                "causes": err.causes,
                "hint": err.hint,
            }});
            stderr_line!("{object}");
            return;
        }
        let mut text = format!("{} {}", self.paint("error:", "31;1"), err.message);
        for cause in &err.causes {
            text.push_str(&format!("\n{} {cause}", self.paint("caused by:", "1")));
        }
        if let Some(hint) = &err.hint {
            text.push_str(&format!("\n{} {hint}", self.paint("hint:", "36;1")));
        }
        stderr_line!("{text}");
    }

    /// A table: boxed on a terminal, plain aligned columns otherwise.
    pub fn table(&self, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
        let mut table = Table::new();
        if self.stdout_is_terminal {
            table.load_preset(presets::UTF8_FULL_CONDENSED);
        } else {
            table.load_preset(presets::NOTHING);
        }
        table.set_header(header.iter().copied());
        for row in rows {
            table.add_row(row);
        }
        if !self.stdout_is_terminal {
            for column in table.column_iter_mut() {
                column.set_padding((0, 2));
            }
        }
        let text = table.to_string();
        text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
    }

    /// A spinner on a terminal's stderr; hidden with `-q`, `--json` or without a terminal.
    pub fn spinner(&self, message: impl Into<String>) -> indicatif::ProgressBar {
        if !self.shows_progress() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = indicatif::ProgressBar::new_spinner().with_message(message.into());
        bar.enable_steady_tick(std::time::Duration::from_millis(100));
        bar
    }

    /// A progress bar of `total` steps on a terminal's stderr; hidden like [`Output::spinner`].
    pub fn progress_bar(&self, total: usize, message: &'static str) -> indicatif::ProgressBar {
        if !self.shows_progress() {
            return indicatif::ProgressBar::hidden();
        }
        indicatif::ProgressBar::new(total as u64).with_message(message)
    }

    fn shows_progress(&self) -> bool {
        self.stderr_is_terminal && !self.quiet && !self.json
    }

    /// `text` in an ANSI style when colour is on.
    pub fn paint(&self, text: &str, style: &str) -> String {
        if self.color { format!("\x1b[{style}m{text}\x1b[0m") } else { text.to_owned() }
    }

    /// `text` in an ANSI style for data on stdout: only when colour is on and stdout is a terminal.
    pub fn paint_stdout(&self, text: &str, style: &str) -> String {
        if self.stdout_is_terminal { self.paint(text, style) } else { text.to_owned() }
    }
}

/// Writes a JSON array to stdout item by item, so long lists stream instead of piling up.
#[derive(Debug, Default)]
pub struct JsonArrayStream {
    started: bool,
    broken: bool,
}

impl JsonArrayStream {
    /// Appends one item.
    pub fn push<T: Serialize>(&mut self, item: &T) {
        let Ok(text) = serde_json::to_string(item) else { return };
        let separator = if self.started { "," } else { "[" };
        self.started = true;
        self.write(&format!("{separator}{text}"));
    }

    /// Appends several items with one write (a page of a long list, say).
    pub fn push_all<T: Serialize>(&mut self, items: impl IntoIterator<Item = T>) {
        let mut text = String::new();
        for item in items {
            let Ok(json) = serde_json::to_string(&item) else { continue };
            text.push_str(if self.started { "," } else { "[" });
            self.started = true;
            text.push_str(&json);
        }
        if !text.is_empty() {
            self.write(&text);
        }
    }

    /// Closes the array (an empty one if nothing was pushed).
    pub fn finish(mut self) {
        let tail = if self.started { "]\n" } else { "[]\n" };
        self.write(tail);
    }

    fn write(&mut self, text: &str) {
        if self.broken {
            return;
        }
        let mut stdout = io::stdout().lock();
        if stdout.write_all(text.as_bytes()).is_err() {
            self.broken = true;
        }
    }
}
