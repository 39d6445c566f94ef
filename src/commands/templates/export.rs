//! `templates export [--dir DIR] [--status S]...`: every template of the channel (all pages) into
//! `DIR/<name>.json`, one file per name holding its languages sorted by code, in the format
//! `templates submit` and `plan` read; byte-stable, so a second export changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Serialize;
use serde_json::{Map, Value};

use super::lookup::status_of;
use crate::api::TemplateQuery;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::output::{Output, Report};

/// The fields an exported template keeps, in this order: what the create call takes.
const KEPT_FIELDS: [&str; 5] = ["name", "language", "category", "parameter_format", "components"];

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Folder to write `<name>.json` files into (created when missing)
    #[arg(long, value_name = "DIR", default_value = "templates")]
    pub dir: PathBuf,
    /// Only templates with this status (repeat for several: --status approved --status submitted)
    #[arg(long, value_name = "S")]
    pub status: Vec<String>,
}

/// One written file.
#[derive(Debug, Serialize)]
pub struct ExportedFile {
    file: String,
    name: String,
    languages: Vec<String>,
    /// False when the file already held exactly these bytes.
    changed: bool,
}

#[derive(Debug, Serialize)]
pub struct ExportReport {
    dir: String,
    files: Vec<ExportedFile>,
}

impl Report for ExportReport {
    fn human(&self, _out: &Output) -> String {
        let mut lines: Vec<String> = self
            .files
            .iter()
            .map(|f| {
                let note = if f.changed { "written" } else { "unchanged" };
                format!("{}  {}  ({note})", f.file, f.languages.join(", "))
            })
            .collect();
        let templates: usize = self.files.iter().map(|f| f.languages.len()).sum();
        lines.push(format!(
            "Exported {templates} template(s) of {} name(s) to {}",
            self.files.len(),
            self.dir
        ));
        lines.join("\n")
    }
}

/// The file text for the languages of one name: a 2-space-indented array sorted by language,
/// each holding only [`KEPT_FIELDS`], with a trailing newline.
pub fn file_text(languages: &mut [Value]) -> String {
    languages.sort_by(|a, b| text(a, "language").cmp(text(b, "language")));
    let kept: Vec<Value> = languages
        .iter()
        .map(|t| {
            let mut object = Map::new();
            for key in KEPT_FIELDS {
                if let Some(value) = t.get(key).filter(|v| !v.is_null()) {
                    object.insert(key.to_owned(), value.clone());
                }
            }
            Value::Object(object)
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&kept).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

fn text<'a>(template: &'a Value, key: &str) -> &'a str {
    template.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Names that are safe as a file name: the API's own rule (`^[a-z0-9_]+$`).
fn is_safe_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

pub async fn run(ctx: &Context, args: &ExportArgs) -> Result<ExportReport> {
    let (client, _) = ctx.client().await?;
    let wanted: Vec<String> = args.status.iter().map(|s| s.to_lowercase()).collect();
    let mut by_name: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    client
        .list_templates(&TemplateQuery::default(), 0, None, |page| {
            for template in page {
                if wanted.is_empty() || wanted.contains(&status_of(&template)) {
                    by_name.entry(text(&template, "name").to_owned()).or_default().push(template);
                }
            }
        })
        .await?;
    std::fs::create_dir_all(&args.dir).map_err(|err| write_error(&args.dir, err))?;
    let mut files = Vec::new();
    for (name, mut languages) in by_name {
        if !is_safe_name(&name) {
            ctx.out.warn(&format!(
                "skipped a template named {name:?}: not a valid template name, so not a safe file name"
            ));
            continue;
        }
        let path = args.dir.join(format!("{name}.json"));
        let body = file_text(&mut languages);
        let changed = std::fs::read(&path).ok().as_deref() != Some(body.as_bytes());
        if changed {
            fsutil::write_atomic(&path, body.as_bytes(), 0o644).map_err(|err| write_error(&path, err))?;
        }
        let languages = languages.iter().map(|t| text(t, "language").to_owned()).collect();
        files.push(ExportedFile { file: path.display().to_string(), name, languages, changed });
    }
    Ok(ExportReport { dir: args.dir.display().to_string(), files })
}

fn write_error(path: &Path, err: std::io::Error) -> Error {
    Error::failed(format!("cannot write {}", path.display()))
        .with_cause(err)
        .with_hint("check that the folder exists and is writable, or choose another with --dir")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn file_text_sorts_languages_keeps_create_fields_and_ends_with_newline() {
        let mut languages = vec![
            json!({"name": "a", "language": "en", "status": "approved", "id": "1", "category": "UTILITY",
                   "components": [{"type": "BODY", "text": "hi"}]}),
            json!({"name": "a", "language": "de", "category": "UTILITY", "parameter_format": "POSITIONAL",
                   "components": [{"type": "BODY", "text": "hallo"}]}),
        ];
        let text = file_text(&mut languages);
        assert!(text.ends_with("]\n"));
        assert!(text.starts_with("[\n  {\n    \"name\": \"a\",\n    \"language\": \"de\",\n"));
        assert!(!text.contains("status") && !text.contains("\"id\""));
        assert!(text.find("\"de\"") < text.find("\"en\""));
    }

    #[test]
    fn only_api_names_are_file_names() {
        assert!(is_safe_name("order_update_2"));
        assert!(!is_safe_name("../etc/passwd") && !is_safe_name("") && !is_safe_name("A"));
    }
}
