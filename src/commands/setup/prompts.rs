//! The prompt/flag abstraction of the wizard: each answer comes from its flag, else from a prompt
//! on the terminal (stderr), else from `--yes` defaults; a question nobody can answer is found
//! before anything is sent and exits 2 naming its flags. Ctrl-C and Escape at any prompt abort
//! with exit 130; text prompts read raw keys, so Ctrl-C never leaves the terminal without echo.

use std::io::IsTerminal;

use dialoguer::console::{Key, Term};

use crate::error::{Error, Kind, Result};

/// One question of the wizard and whether its flags answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// What is asked, e.g. "API key".
    pub what: &'static str,
    /// The flags that answer it, e.g. "--token-stdin".
    pub flags: &'static str,
    /// A flag answered it.
    pub answered: bool,
    /// `--yes` answers it with the default.
    pub yes_answers: bool,
}

/// The questions nobody can answer: none on a terminal; without one, every question its flags
/// did not answer, except those `--yes` answers when given.
pub fn unanswerable(questions: &[Question], interactive: bool, yes: bool) -> Vec<&Question> {
    if interactive {
        return Vec::new();
    }
    questions.iter().filter(|q| !(q.answered || (yes && q.yes_answers))).collect()
}

/// Exit 2 listing the flags when a question cannot be answered.
pub fn require_answers(questions: &[Question], interactive: bool, yes: bool) -> Result<()> {
    let missing = unanswerable(questions, interactive, yes);
    if missing.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = missing.iter().map(|q| format!("{} ({})", q.what, q.flags)).collect();
    let needs_yes = missing.iter().any(|q| q.yes_answers);
    let mut error = Error::usage(format!(
        "setup needs a terminal to ask for: {}; standard input is not a terminal",
        list.join(", ")
    ));
    error = error.with_hint(if needs_yes {
        "pass those flags, or --yes to take the defaults for everything but the key, e.g. `printf %s \"$KEY\" | whatsapp-ctl setup --token-stdin --yes`"
    } else {
        "pipe the key in: `printf %s \"$KEY\" | whatsapp-ctl setup --token-stdin --yes`"
    });
    Err(error)
}

/// Whether prompts can be shown and answered (stdin and stderr are terminals).
pub fn terminal_attached() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Prompts on stderr. Only used when [`terminal_attached`] is true.
#[derive(Debug)]
pub struct Prompter {
    term: Term,
}

impl Default for Prompter {
    fn default() -> Self {
        Self { term: Term::stderr() }
    }
}

impl Prompter {
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

    /// One of `items`; Escape aborts.
    pub fn select(&self, label: &str, items: &[String], default: usize) -> Result<usize> {
        let chosen = dialoguer::Select::new()
            .with_prompt(label)
            .items(items)
            .default(default.min(items.len().saturating_sub(1)))
            .interact_on_opt(&self.term)
            .map_err(|err| self.failed(&err))?;
        chosen.ok_or_else(|| aborted(label))
    }

    /// Yes or no; Escape aborts.
    pub fn confirm(&self, label: &str, default: bool) -> Result<bool> {
        let answer = dialoguer::Confirm::new()
            .with_prompt(label)
            .default(default)
            .interact_on_opt(&self.term)
            .map_err(|err| self.failed(&err))?;
        answer.ok_or_else(|| aborted(label))
    }

    /// A line between questions.
    pub fn note(&self, text: &str) {
        let _ = self.term.write_line(text);
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
                    return Err(interrupted());
                }
                Key::Escape => {
                    let _ = term.write_line("");
                    return Err(aborted(label));
                }
                Key::Char('\u{4}') if typed.is_empty() => {
                    let _ = term.write_line("");
                    return Err(aborted(label));
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
            dialoguer::Error::IO(io) if io.kind() == std::io::ErrorKind::Interrupted => interrupted(),
            dialoguer::Error::IO(io) => io_failed(io),
        }
    }
}

fn io_failed(err: &std::io::Error) -> Error {
    Error::usage(format!("the prompt failed: {err}"))
}

/// An optional value: Enter takes `default`, `-` (or Enter without default) means none.
pub fn optional(
    ui: &Prompter,
    label: &str,
    default: Option<&str>,
    check: impl Fn(&str) -> std::result::Result<String, String>,
) -> Result<Option<String>> {
    let label = match default {
        Some(_) => format!("{label} ('-' for none)"),
        None => format!("{label} (Enter to skip)"),
    };
    ui.text(&label, default, |typed| match typed.trim() {
        "" | "-" => Ok(None),
        value => check(value).map(Some),
    })
}

/// Ctrl-C at a prompt.
pub fn interrupted() -> Error {
    Error::new(Kind::Interrupted, "setup interrupted; nothing was written")
}

/// Escape at a prompt.
fn aborted(question: &str) -> Error {
    Error::new(Kind::Interrupted, format!("setup aborted at \"{question}\"; nothing was written"))
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

/// A profile name as typed: letters, digits, `-`, `_`, `.`.
pub fn profile_name(text: &str) -> std::result::Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err("a profile name is needed".into());
    }
    if name.len() > 64 || !name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
        return Err(format!(
            "\"{name}\" is not a profile name: use up to 64 letters, digits, '-', '_' or '.'"
        ));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(what: &'static str, answered: bool, yes_answers: bool) -> Question {
        Question { what, flags: "--flag", answered, yes_answers }
    }

    #[test]
    fn without_a_terminal_unanswered_questions_are_missing_unless_yes_answers_them() {
        let questions =
            [question("key", false, false), question("webhook", false, true), question("api", true, true)];
        let names = |found: Vec<&Question>| found.iter().map(|q| q.what).collect::<Vec<_>>();
        assert_eq!(names(unanswerable(&questions, false, false)), ["key", "webhook"]);
        assert_eq!(names(unanswerable(&questions, false, true)), ["key"]);
        assert!(unanswerable(&questions, true, false).is_empty());
    }

    #[test]
    fn missing_answers_exit_2_naming_the_flags() {
        let questions =
            [Question { what: "API key", flags: "--token-stdin", answered: false, yes_answers: false }];
        let err = require_answers(&questions, false, true).expect_err("missing key");
        assert_eq!(err.kind, Kind::Usage);
        assert!(err.message.contains("API key (--token-stdin)"), "{}", err.message);
    }

    #[test]
    fn profile_names_are_plain_words() {
        assert_eq!(profile_name(" shop-1 ").as_deref(), Ok("shop-1"));
        assert!(profile_name("").is_err());
        assert!(profile_name("my shop").is_err());
        assert!(profile_name("a/b").is_err());
    }
}
