//! WhatsApp's conversational components (welcome message, ice-breaker prompts, commands),
//! checked locally against Meta's `ConversationalAutomationRequest`: at most 3 prompts of at most
//! 80 characters, at most 30 commands, each a name of at most 30 letters, digits or `_` with a
//! description of at most 256 characters. Pure: no I/O.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

pub const PROMPTS_MAX: usize = 3;
pub const PROMPT_MAX: usize = 80;
pub const COMMANDS_MAX: usize = 30;
pub const COMMAND_NAME_MAX: usize = 30;
pub const COMMAND_DESCRIPTION_MAX: usize = 256;

/// One bot command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Command {
    pub command_name: String,
    pub command_description: String,
}

/// The settings as shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Automation {
    pub enable_welcome_message: bool,
    pub prompts: Vec<String>,
    pub commands: Vec<Command>,
}

impl Automation {
    /// From the API's answer: flat, or under `conversational_automation`.
    pub fn from_value(raw: &Value) -> Self {
        let raw = raw.get("conversational_automation").filter(|v| v.is_object()).unwrap_or(raw);
        Automation {
            enable_welcome_message: raw
                .get("enable_welcome_message")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            prompts: raw
                .get("prompts")
                .and_then(Value::as_array)
                .map(|list| list.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default(),
            // Each command on its own: one the client cannot read does not hide the others.
            commands: raw
                .get("commands")
                .and_then(Value::as_array)
                .map(|list| {
                    // Only objects: serde would read `["a","b"]` as a command too.
                    list.iter()
                        .filter(|c| c.is_object())
                        .filter_map(|c| serde_json::from_value(c.clone()).ok())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// What to change; `None` is left as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Update {
    pub welcome: Option<bool>,
    pub prompts: Option<Vec<String>>,
    pub commands: Option<Vec<Command>>,
}

impl Update {
    pub fn is_empty(&self) -> bool {
        *self == Update::default()
    }

    /// Every violated limit as `(flag, message)`.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if let Some(prompts) = &self.prompts {
            if prompts.len() > PROMPTS_MAX {
                problems.push((
                    "--prompt",
                    format!(
                        "given {} times; Meta allows at most {PROMPTS_MAX} ice-breaker prompts",
                        prompts.len()
                    ),
                ));
            }
            for prompt in prompts {
                let n = prompt.chars().count();
                if n == 0 || n > PROMPT_MAX {
                    problems.push((
                        "--prompt",
                        format!("{prompt:.40?} has {n} characters; Meta allows 1 to {PROMPT_MAX}"),
                    ));
                }
            }
        }
        if let Some(commands) = &self.commands {
            if commands.len() > COMMANDS_MAX {
                problems.push((
                    "--command",
                    format!("given {} times; Meta allows at most {COMMANDS_MAX} commands", commands.len()),
                ));
            }
            for command in commands {
                let name = &command.command_name;
                let valid = !name.is_empty()
                    && name.chars().count() <= COMMAND_NAME_MAX
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    problems.push((
                        "--command",
                        format!("name {name:?} must be 1 to {COMMAND_NAME_MAX} letters, digits or _"),
                    ));
                }
                let n = command.command_description.chars().count();
                if n == 0 || n > COMMAND_DESCRIPTION_MAX {
                    problems.push((
                        "--command",
                        format!("the description of {name:?} has {n} characters; Meta allows 1 to {COMMAND_DESCRIPTION_MAX}"),
                    ));
                }
            }
        }
        problems
    }

    /// Only the given fields, as the request body.
    pub fn body(&self) -> Map<String, Value> {
        let mut body = Map::new();
        if let Some(welcome) = self.welcome {
            body.insert("enable_welcome_message".into(), json!(welcome));
        }
        if let Some(prompts) = &self.prompts {
            body.insert("prompts".into(), json!(prompts));
        }
        if let Some(commands) = &self.commands {
            body.insert("commands".into(), json!(commands));
        }
        body
    }
}

/// `NAME=DESCRIPTION` (a leading `/` on the name is dropped).
pub fn parse_command(raw: &str) -> Option<Command> {
    let (name, description) = raw.split_once('=')?;
    Some(Command {
        command_name: name.trim().trim_start_matches('/').to_owned(),
        command_description: description.trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_prompts_and_bad_command_names_are_refused() {
        let update = Update {
            prompts: Some(vec!["a".into(), "b".into(), "c".into(), "d".into()]),
            commands: Some(vec![parse_command("/order status=Track").expect("command")]),
            ..Update::default()
        };
        let flags: Vec<_> = update.problems().into_iter().map(|p| p.0).collect();
        assert_eq!(flags, ["--prompt", "--command"]);
    }

    #[test]
    fn limits_hold_at_their_edges_and_only_given_fields_are_sent() {
        let update = Update {
            prompts: Some(vec!["p".repeat(80); 3]),
            commands: Some(vec![Command {
                command_name: "n".repeat(30),
                command_description: "d".repeat(256),
            }]),
            ..Update::default()
        };
        assert!(update.problems().is_empty());
        assert_eq!(update.body().keys().collect::<Vec<_>>(), ["prompts", "commands"]);
    }
}
