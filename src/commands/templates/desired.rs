//! What `plan` and `apply` work from: the template files under the given paths (folders walked
//! for `*.json`), read and checked before any request, and the channel's templates (all pages),
//! planned with [`crate::template::plan`]; local validation of what would be sent comes last.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::files::{Checked, check_files, parse_files};
use crate::api::{Client, TemplateQuery};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::template;
use crate::template::plan::{self, Action, Change};

/// The files' templates, the channel's, and the plan between them.
pub struct Planned {
    /// Every template of the files, in file order.
    pub rows: Vec<Checked>,
    /// One change per (name, language), sorted by name then language.
    pub changes: Vec<Change>,
    /// (name, language) -> index in `rows`.
    index: HashMap<(String, String), usize>,
}

impl Planned {
    /// The file row of a planned (name, language), when the files hold it.
    pub fn row(&self, name: &str, language: &str) -> Option<&Checked> {
        self.index.get(&(name.to_owned(), language.to_owned())).map(|&i| &self.rows[i])
    }
}

/// The problems of `rows` as "file:line: path: message" lines, at most 20 and a count.
fn problem_lines<'a>(ctx: &Context, rows: impl IntoIterator<Item = &'a Checked>) -> Vec<String> {
    let lines: Vec<String> = rows
        .into_iter()
        .flat_map(|r| {
            if r.problems.is_empty() {
                return vec![format!(
                    "{}: a template without a text name and language cannot be planned",
                    r.file
                )];
            }
            r.human(&ctx.out, "ok").lines().map(str::to_owned).collect()
        })
        .collect();
    let mut shown: Vec<String> = lines.iter().take(20).cloned().collect();
    if lines.len() > 20 {
        shown.push(format!("... and {} more", lines.len() - 20));
    }
    shown
}

fn with_causes(mut err: Error, causes: Vec<String>) -> Error {
    for cause in causes {
        err = err.with_cause(cause);
    }
    err
}

/// Every `*.json` file under `paths` (files as given, folders recursively), sorted per folder.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|err| {
            Error::invalid(format!("cannot read {}", path.display()))
                .with_cause(err)
                .with_hint("give template files or folders that hold them (*.json, searched recursively)")
        })?;
        if meta.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Walks `dir` for `*.json` files in name order; symbolic links to folders are not followed
/// (no loops), links to files are read.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let read_error = |err: std::io::Error| {
        Error::invalid(format!("cannot read the folder {}", dir.display()))
            .with_cause(err)
            .with_hint("check its permissions")
    };
    let mut entries: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)
        .map_err(read_error)?
        .filter_map(|e| e.ok())
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
        .collect();
    entries.sort();
    for (entry, is_dir) in entries {
        if is_dir {
            walk(&entry, files)?;
        } else if entry.extension().is_some_and(|e| e == "json") && entry.is_file() {
            files.push(entry);
        }
    }
    Ok(())
}

/// Reads every file (WhatsApp's rules are checked later, on what would be sent); exit 3 before
/// any request when a file cannot be read or parsed, a template has no name or language, or one
/// (name, language) is in two places.
pub async fn read_files(ctx: &Context, paths: &[PathBuf]) -> Result<Vec<Checked>> {
    let files = collect_files(paths)?;
    if files.is_empty() {
        return Err(Error::invalid("no template files (*.json) under the given paths").with_hint(
            "export the channel's templates first: `whatsapp-ctl templates export --dir templates`",
        ));
    }
    let rows = parse_files(&ctx.out, &files).await;
    let unusable: Vec<&Checked> = rows.iter().filter(|r| r.name.is_none() || r.language.is_none()).collect();
    if !unusable.is_empty() {
        let err = Error::invalid(format!(
            "{} template file(s) cannot be planned: each template needs a name and a language; nothing was sent",
            unusable.len()
        ))
        .with_hint("fix the problems above (`whatsapp-ctl templates validate FILE...` shows them all)");
        return Err(with_causes(err, problem_lines(ctx, unusable)));
    }
    let mut seen: BTreeMap<(&str, &str), &str> = BTreeMap::new();
    for row in &rows {
        let key = (row.name.as_deref().unwrap_or(""), row.language.as_deref().unwrap_or(""));
        if let Some(first) = seen.insert(key, &row.file) {
            return Err(Error::invalid(format!(
                "template {} ({}) is in two places: {first} and {}; nothing was sent",
                key.0, key.1, row.file
            ))
            .with_hint("keep each name and language in one file only"));
        }
    }
    Ok(rows)
}

/// What the planner reads of a channel template; the rest (ids, namespace, quality, ...) is
/// skipped while parsing, so 10,000 templates stay small in memory.
#[derive(serde::Deserialize)]
struct Compared {
    #[serde(default)]
    name: Value,
    #[serde(default)]
    language: Value,
    #[serde(default)]
    category: Value,
    #[serde(default)]
    status: Value,
    #[serde(default)]
    components: Value,
}

/// Every template of the channel (all pages), with the fields the planner compares.
pub async fn channel_templates(client: &Client) -> Result<Vec<Value>> {
    let mut remote = Vec::new();
    let mut failure = None;
    client
        .list_templates_raw(&TemplateQuery::default(), 0, None, |page| {
            for raw in page {
                match serde_json::from_str::<Compared>(raw.get()) {
                    Ok(t) => remote.push(serde_json::json!({
                        "name": t.name, "language": t.language, "category": t.category,
                        "status": t.status, "components": t.components,
                    })),
                    Err(err) => {
                        failure.get_or_insert(err);
                    }
                }
            }
        })
        .await?;
    match failure {
        Some(err) => Err(Error::failed("the API sent a template listing that is not template objects")
            .with_cause(err)
            .with_hint("rerun with -vv to see the answer; if it persists, report it to 360dialog")),
        None => Ok(remote),
    }
}

/// Plans the files against the channel; exit 3 (nothing sent) when a template that would be
/// created or replaced breaks WhatsApp's rules (its file is read and checked again, for the
/// lines). Unchanged templates are not validated: old ones may predate today's rules.
pub async fn plan(ctx: &Context, rows: Vec<Checked>, remote: &[Value], prune: bool) -> Result<Planned> {
    let index = rows
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.name.clone().unwrap_or_default(), r.language.clone().unwrap_or_default()), i))
        .collect();
    let planned =
        Planned { changes: plan::plan(rows.iter().map(|r| &r.template), remote, prune), rows, index };
    let broken_keys: BTreeSet<(&str, &str)> = planned
        .changes
        .iter()
        .filter(|c| matches!(c.action, Action::Create | Action::Replace))
        .filter(|c| {
            planned.row(&c.name, &c.language).is_some_and(|r| !template::validate(&r.template).is_empty())
        })
        .map(|c| (c.name.as_str(), c.language.as_str()))
        .collect();
    // Their files are read and checked again for the line of each problem.
    let mut files: Vec<&str> =
        broken_keys.iter().filter_map(|(n, l)| planned.row(n, l)).map(|r| r.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let checked = if broken_keys.is_empty() { Vec::new() } else { check_files(&ctx.out, &files).await };
    let broken: Vec<&Checked> = checked
        .iter()
        .filter(|r| {
            let key = (r.name.as_deref().unwrap_or(""), r.language.as_deref().unwrap_or(""));
            !r.ok && broken_keys.contains(&key)
        })
        .collect();
    if broken.is_empty() && !broken_keys.is_empty() {
        return Err(Error::invalid("template files changed while they were planned; nothing was sent")
            .with_hint("run the command again"));
    }
    if !broken.is_empty() {
        let err = Error::invalid(format!(
            "{} template(s) to send break WhatsApp's rules; nothing was sent",
            broken.len()
        ))
        .with_hint(
            "fix the problems above (`whatsapp-ctl templates validate FILE...` checks without sending)",
        );
        return Err(with_causes(err, problem_lines(ctx, broken)));
    }
    Ok(planned)
}
