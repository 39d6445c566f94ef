//! Prompts on the terminal (stderr) for every command that asks something: a line of text, hidden
//! input, a choice, yes or no. Text prompts read raw keys, so Ctrl-C and Escape abort cleanly (exit
//! 130) and never leave the terminal without echo. Only used when [`terminal_attached`] is true;
//! commands decide what happens without a terminal.

use std::io::IsTerminal;

use dialoguer::console::{Key, Term};

use crate::error::{Error, Kind, Result};
use crate::text;

/// Whether prompts can be shown and answered (stdin and stderr are terminals).
pub fn terminal_attached() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Prompts on stderr. Only used when [`terminal_attached`] is true.
#[derive(Debug)]
pub struct Prompter {
    term: Term,
    /// What an abort means for the caller, e.g. "nothing was written".
    outcome: &'static str,
}

impl Prompter {
    /// Prompts on stderr; `outcome` ends the message of an abort (Ctrl-C, Escape).
    pub fn new(outcome: &'static str) -> Self {
        Self { term: Term::stderr(), outcome }
    }

    /// A line of text: Enter on an empty line takes `default`; `check` turns the typed text into
    /// the value or says what is wrong (then the question is asked again).
    pub fn text<T>(
        &self,
        label: &str,
        default: Option<&str>,
        check: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<T> {
        let shown = default.map(|d| format!(" [{d}]")).unwrap_or_default();
        loop {
            let typed = self.read_line(label, &shown, false, default)?;
            let typed = typed.trim();
            let value = if typed.is_empty() { default.unwrap_or("") } else { typed };
            match check(value) {
                Ok(value) => return Ok(value),
                Err(problem) => self.note(&format!("  {problem}")),
            }
        }
    }

    /// Hidden input (nothing is echoed); empty input is returned as typed.
    pub fn secret(&self, label: &str) -> Result<String> {
        self.read_line(label, "", true, None)
    }

    /// One of `items` (shown escaped: they may come from the API); Escape aborts.
    pub fn select(&self, label: &str, items: &[String], default: usize) -> Result<usize> {
        let shown: Vec<String> = items.iter().map(|item| text::escape(item).into_owned()).collect();
        let chosen = dialoguer::Select::new()
            .with_prompt(text::escape(label))
            .items(&shown)
            .default(default.min(items.len().saturating_sub(1)))
            .interact_on_opt(&self.term)
            .map_err(|err| self.failed(&err))?;
        chosen.ok_or_else(|| aborted(label, self.outcome))
    }

    /// Yes or no; Escape aborts.
    pub fn confirm(&self, label: &str, default: bool) -> Result<bool> {
        let answer = dialoguer::Confirm::new()
            .with_prompt(label)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(|err| self.failed(&err))?;
        answer.ok_or_else(|| aborted(label, self.outcome))
    }

    /// A line between questions.
    pub fn note(&self, line: &str) {
        let _ = self.term.write_line(&text::escape(line));
    }

    /// Reads keys until Enter, echoing them unless `hidden` (and `fill` when Enter is pressed on
    /// an empty line); Escape, Ctrl-C and Ctrl-D abort.
    fn read_line(&self, label: &str, suffix: &str, hidden: bool, fill: Option<&str>) -> Result<String> {
        let term = &self.term;
        term.write_str(&format!("{label}{suffix}: ")).map_err(|err| io_failed(&err))?;
        let mut typed = String::new();
        loop {
            let key = match term.read_key_raw() {
                Ok(key) => key,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => Key::CtrlC,
                Err(err) => return Err(io_failed(&err)),
            };
            match key {
                Key::Enter => {
                    let _ = term.write_line(if typed.is_empty() { fill.unwrap_or("") } else { "" });
                    return Ok(typed);
                }
                Key::CtrlC => {
                    let _ = term.write_line("");
                    return Err(interrupted(self.outcome));
                }
                Key::Escape => {
                    let _ = term.write_line("");
                    return Err(aborted(label, self.outcome));
                }
                Key::Char('\u{4}') if typed.is_empty() => {
                    let _ = term.write_line("");
                    return Err(aborted(label, self.outcome));
                }
                Key::Backspace => {
                    let removed = typed.pop().is_some();
                    if removed && !hidden {
                        let _ = term.clear_chars(1);
                    }
                }
                Key::Char(c) if !c.is_control() => {
                    typed.push(c);
                    if !hidden {
                        let _ = term.write_str(c.encode_utf8(&mut [0; 4]));
                    }
                }
                _ => {}
            }
        }
    }

    fn failed(&self, err: &dialoguer::Error) -> Error {
        let _ = self.term.show_cursor();
        match err {
            dialoguer::Error::IO(io) if io.kind() == std::io::ErrorKind::Interrupted => {
                interrupted(self.outcome)
            }
            dialoguer::Error::IO(io) => io_failed(io),
        }
    }
}

fn io_failed(err: &std::io::Error) -> Error {
    Error::usage(format!("the prompt failed: {err}"))
}

/// Ctrl-C at a prompt.
pub fn interrupted(outcome: &str) -> Error {
    Error::new(Kind::Interrupted, format!("interrupted; {outcome}"))
}

/// Escape at a prompt.
fn aborted(question: &str, outcome: &str) -> Error {
    Error::new(Kind::Interrupted, format!("aborted at \"{question}\"; {outcome}"))
}

/// Keeps Ctrl-C from killing the process while a prompt reads raw keys: the prompt sees it and
/// returns [`interrupted`] (dialoguer raises SIGINT itself when it reads Ctrl-C).
pub fn catch_ctrl_c() -> Option<impl Sized> {
    #[cfg(unix)]
    {
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt()).ok()
    }
    #[cfg(not(unix))]
    {
        None::<()>
    }
}
