//! Reading template files (one object or an array, exactly the API's body) and checking them
//! against WhatsApp's rules; the per-template rows `validate` and `submit` report.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::commands::input::{self, Source, TEMPLATE_FILE};
use crate::output::Output;
use crate::template::{self, Problem};

/// One template of one file, checked; `status` is filled by `submit`.
#[derive(Debug, Clone, Serialize)]
pub struct Checked {
    pub file: String,
    pub name: Option<String>,
    pub language: Option<String>,
    pub ok: bool,
    pub problems: Vec<Problem>,
    pub status: Option<String>,
    /// With `submit --dry-run`: the exact body that would be sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    #[serde(skip)]
    pub template: Value,
}

impl Checked {
    /// A row for a template that came from somewhere other than a file (flags).
    pub fn from_value(file: &str, template: Value) -> Self {
        let problems = template::validate(&template);
        Self::new(file, template, problems)
    }

    fn new(file: &str, template: Value, problems: Vec<Problem>) -> Self {
        let text = |key: &str| template.get(key).and_then(Value::as_str).map(str::to_owned);
        Checked {
            file: file.to_owned(),
            name: text("name"),
            language: text("language"),
            ok: problems.is_empty(),
            problems,
            status: None,
            body: None,
            template,
        }
    }

    /// "file:line: path: message" lines, or "file: name (language) ok".
    pub fn human(&self, out: &Output, ok_word: &str) -> String {
        if self.problems.is_empty() {
            let name = self.name.as_deref().unwrap_or("?");
            let language = self.language.as_deref().unwrap_or("?");
            return format!("{}: {name} ({language}) {}", self.file, out.paint(ok_word, "32"));
        }
        self.problems
            .iter()
            .map(|p| {
                let place = p.line.map_or_else(|| self.file.clone(), |line| format!("{}:{line}", self.file));
                let path = if p.path.is_empty() { String::new() } else { format!("{}: ", p.path) };
                format!("{place}: {path}{}", p.message)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Reads (`-`: standard input; each at most [`TEMPLATE_FILE`]) and checks every file;
/// unreadable files and JSON syntax errors become problems too, so one run reports everything.
pub async fn check_files(out: &Output, paths: &[impl AsRef<Path>]) -> Vec<Checked> {
    let rows = read_each(out, paths, |file, read| {
        let source = match read {
            Ok(source) => source,
            Err(err) => return vec![failed_file(file, unreadable(file, &err), None)],
        };
        match template::validate_source(&source) {
            Ok(reports) => reports.into_iter().map(|r| Checked::new(file, r.template, r.problems)).collect(),
            Err(err) => vec![failed_file(file, err.to_string(), err.line())],
        }
    });
    rows.await.into_iter().flatten().collect()
}

/// `rows_of(name, text)` for every path in order. The files are read and turned into rows on
/// one blocking thread (10,000 files are not 10,000 hand-offs between threads); `-` is
/// standard input, read first (a second `-` reads nothing more).
async fn read_each<T: Send + 'static>(
    out: &Output,
    paths: &[impl AsRef<Path>],
    rows_of: fn(&str, crate::error::Result<String>) -> T,
) -> Vec<T> {
    let sources: Vec<Source> = paths.iter().map(|p| Source::of(Some(p.as_ref()))).collect();
    let mut stdin = match sources.contains(&Source::Stdin) {
        true => Some(input::read_text(out, &Source::Stdin, &TEMPLATE_FILE).await),
        false => None,
    };
    let work = move || {
        sources
            .iter()
            .map(|source| {
                let read = match source {
                    Source::Stdin => stdin.take().unwrap_or_else(|| Ok(String::new())),
                    Source::File(path) => input::read_file_text(path, &TEMPLATE_FILE),
                };
                rows_of(&source.name(), read)
            })
            .collect()
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(rows) => rows,
        // A panic while reading is a bug: it stays one (no silently empty folder).
        Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
        Err(_) => Vec::new(),
    }
}

/// A read failure as a problem of the file's row, which names the file: "is larger than 8 MiB,
/// ... (hint)", "cannot read the file: No such file or directory (os error 2) (hint)".
fn unreadable(file: &str, err: &crate::error::Error) -> String {
    let message = match err.message.strip_prefix(file) {
        Some(rest) => rest.trim_start().to_owned(),
        None => err.message.replace(file, "the file"),
    };
    let mut text = err.causes.iter().fold(message, |text, cause| format!("{text}: {cause}"));
    if let Some(hint) = &err.hint {
        text.push_str(&format!(" ({hint})"));
    }
    text
}

/// Reads every file without checking WhatsApp's rules (`plan` checks only what it would send):
/// unreadable files and JSON syntax errors become problems, as in [`check_files`].
pub async fn parse_files(out: &Output, paths: &[impl AsRef<Path>]) -> Vec<Checked> {
    let rows = read_each(out, paths, |file, read| {
        let parsed = match read {
            Ok(source) => template::parse_source(&source).map_err(|err| (err.to_string(), err.line())),
            Err(err) => Err((unreadable(file, &err), None)),
        };
        match parsed {
            Ok(templates) => templates.into_iter().map(|t| Checked::new(file, t, Vec::new())).collect(),
            Err((message, line)) => vec![failed_file(file, message, line)],
        }
    });
    rows.await.into_iter().flatten().collect()
}

fn failed_file(file: &str, message: String, line: Option<usize>) -> Checked {
    Checked {
        file: file.to_owned(),
        name: None,
        language: None,
        ok: false,
        problems: vec![Problem { path: String::new(), message, line }],
        status: None,
        body: None,
        template: Value::Null,
    }
}
