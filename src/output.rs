//! Writes command output to the terminal (the other writer is `commands::prompter`, which draws
//! its prompts on stderr): command results as human text (tables on a
//! terminal) or one JSON document, warnings and progress on stderr, and the error renderer
//! (`error:` / `caused by:` / `hint:`, or the JSON error object). A closed stdout is not an error.
//! Human output passes through [`style::Styles::render`]: others' text is escaped for the
//! terminal ([`crate::text`]) and colour is decided per stream; `--json` is written as it is.

mod style;

use std::io::{self, IsTerminal, Write};

use comfy_table::{Table, presets};
use serde::Serialize;

use crate::error::{Error, Kind};
use crate::text;

mod jq;

/// `eprintln!` that never panics: a closed stderr loses the line, nothing more.
macro_rules! stderr_line {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr().lock(), $($arg)*);
    }};
}

/// Whether one stream gets colour: a terminal, no `--no-color` / `NO_COLOR`, and not `TERM=dumb`.
pub fn stream_color(is_terminal: bool, no_color: bool, term: Option<&std::ffi::OsStr>) -> bool {
    is_terminal && !no_color && term.is_none_or(|term| term != "dumb")
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
    /// Colour on stdout (decided for stdout alone, see [`stream_color`]).
    pub color_stdout: bool,
    /// Colour on stderr (decided for stderr alone).
    pub color_stderr: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    styles: style::Styles,
    /// `--jq EXPR`: JSON documents go through this filter before they are printed.
    pub jq: Option<String>,
}

impl Output {
    pub fn new(json: bool, quiet: bool, verbose: u8, no_color: bool) -> Self {
        let stdout_is_terminal = io::stdout().is_terminal();
        let stderr_is_terminal = io::stderr().is_terminal();
        let term = std::env::var_os("TERM");
        Self {
            json,
            quiet,
            verbose,
            color_stdout: stream_color(stdout_is_terminal, no_color, term.as_deref()),
            color_stderr: stream_color(stderr_is_terminal, no_color, term.as_deref()),
            stdout_is_terminal,
            stderr_is_terminal,
            styles: style::Styles::new(),
            jq: None,
        }
    }

    /// Sets `--jq EXPR` after checking it: a bad expression is a usage error (exit 2), found
    /// before any request is made.
    pub fn set_jq(&mut self, expr: &str) -> Result<(), Error> {
        jq::check(expr).map_err(|why| {
            Error::usage(format!("invalid --jq expression {expr:?}: {why}")).with_hint(
                "--jq takes jq syntax, e.g. --jq '.[].name' or --jq '.[] | select(.status == \"approved\")'",
            )
        })?;
        self.jq = Some(expr.to_owned());
        Ok(())
    }

    /// Prints a JSON document: as it is, or through `--jq` (one result per line, strings raw).
    pub fn write_json_text(&self, text: &str) -> Result<(), Error> {
        let Some(expr) = &self.jq else {
            self.write_stdout(text);
            return Ok(());
        };
        let lines = jq::run(expr, text.as_bytes())
            .map_err(|why| Error::failed(format!("the --jq filter {expr:?} failed: {why}")))?;
        self.write_stdout(&lines.join("\n"));
        Ok(())
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
            self.for_stdout(&report.human(self))
        };
        if self.json && self.jq.is_some() {
            if let Err(err) = self.write_json_text(&text) {
                self.error(&err);
                return err.kind.exit_code();
            }
            return report.failure().map_or(0, Kind::exit_code);
        }
        write_line(&text);
        report.failure().map_or(0, Kind::exit_code)
    }

    /// Writes one line (or block) of data to stdout, ignoring a closed pipe: with `--json` as
    /// it is, otherwise made safe for the terminal.
    pub fn write_stdout(&self, text: &str) {
        if self.json {
            write_line(text);
        } else {
            write_line(&self.for_stdout(text));
        }
    }

    /// Writes a document as it came (the body of `api` to a pipe), as `--json` output is: data
    /// for a script, not text for a terminal.
    pub fn write_data(&self, text: &str) {
        write_line(text);
    }

    /// Human text as it may reach stdout: others' text escaped, colour as stdout allows.
    fn for_stdout(&self, text: &str) -> String {
        self.styles.render(text, self.color_stdout)
    }

    /// Human text as it may reach stderr: others' text escaped, colour as stderr allows.
    fn for_stderr(&self, text: &str) -> String {
        self.styles.render(text, self.color_stderr)
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
            stderr_line!("{}", self.for_stderr(text));
        }
    }

    /// A status line scripts may rely on (a listening address, a forward's result): on stderr
    /// also with `--json`, hidden only by `-q`.
    pub fn notice(&self, text: &str) {
        if !self.quiet {
            stderr_line!("{}", self.for_stderr(text));
        }
    }

    /// Something the user should know; hidden only by `-q`.
    pub fn warn(&self, text: &str) {
        if !self.quiet {
            let label = self.paint("warning:", "33;1");
            stderr_line!("{}", self.for_stderr(&format!("{label} {text}")));
        }
    }

    /// Diagnostics for `-v` (level 1) and `-vv` (level 2).
    pub fn debug(&self, level: u8, text: &str) {
        if self.verbose >= level {
            stderr_line!("{}", self.for_stderr(&format!("{} {text}", self.paint("debug:", "2"))));
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
        stderr_line!("{}", self.for_stderr(&text));
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
            // Escaped before the layout, so columns line up with what is shown.
            table.add_row(row.iter().map(|cell| text::escape(cell).into_owned()));
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
        let message = text::escape(&message.into()).into_owned();
        let bar = indicatif::ProgressBar::new_spinner().with_message(message);
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

    /// A byte-transfer bar of `total` bytes on a terminal's stderr (done / total, percentage,
    /// rate) as wide as the terminal, drawn at most 10 times a second (callers also update it
    /// no more often); hidden like [`Output::spinner`].
    pub fn transfer_bar(&self, total: u64, message: impl Into<String>) -> indicatif::ProgressBar {
        if !self.shows_progress() {
            return indicatif::ProgressBar::hidden();
        }
        let message = text::escape(&message.into()).into_owned();
        let target = indicatif::ProgressDrawTarget::stderr_with_hz(10);
        let bar = indicatif::ProgressBar::with_draw_target(Some(total), target).with_message(message);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{wide_bar}] {percent:>3}% {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar
    }

    /// Ends a [`Output::transfer_bar`]: drawn once more at its final position, and left on a
    /// line of its own (what follows starts on the next line).
    pub fn finish_transfer_bar(&self, bar: &indicatif::ProgressBar) {
        if !bar.is_hidden() {
            bar.finish();
            stderr_line!("");
        }
    }

    fn shows_progress(&self) -> bool {
        self.stderr_is_terminal && !self.quiet && !self.json
    }

    /// `text` in an ANSI style (SGR parameters such as `31;1`), shown when the stream it is
    /// written to has colour; only human text written through `Output` may contain it.
    pub fn paint(&self, text: &str, style: &str) -> String {
        self.styles.paint(text, style)
    }
}

/// Writes one line (or block) to stdout as it is, ignoring a closed pipe.
fn write_line(text: &str) {
    if text.is_empty() {
        return;
    }
    let mut stdout = io::stdout().lock();
    let _ = writeln!(stdout, "{text}").and_then(|()| stdout.flush());
}

/// Writes a JSON array to stdout, one item or a batch per write (`templates list --json` pushes
/// every page at once, after the last one arrived, so a failure part-way leaves stdout empty).
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

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::stream_color;

    #[test]
    fn a_terminal_gets_colour() {
        assert!(stream_color(true, false, Some(OsStr::new("xterm-256color"))));
        assert!(stream_color(true, false, None));
    }

    #[test]
    fn a_pipe_or_file_gets_no_colour() {
        assert!(!stream_color(false, false, Some(OsStr::new("xterm-256color"))));
    }

    #[test]
    fn no_color_turns_it_off_on_a_terminal() {
        assert!(!stream_color(true, true, Some(OsStr::new("xterm-256color"))));
    }

    #[test]
    fn term_dumb_turns_it_off_on_a_terminal() {
        assert!(!stream_color(true, false, Some(OsStr::new("dumb"))));
    }
}
