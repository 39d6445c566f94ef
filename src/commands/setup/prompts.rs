//! The flag/prompt logic of the wizard: each answer comes from its flag, else from a prompt on
//! the terminal ([`Prompter`]), else from `--yes` defaults; a question nobody can answer is found
//! before anything is sent and exits 2 naming its flags.

pub use crate::commands::prompter::{Prompter, catch_ctrl_c, terminal_attached};
use crate::error::{Error, Result};

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
    use crate::error::Kind;

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
