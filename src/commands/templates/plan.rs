//! `templates plan PATH... [--prune] [--check]`: what `apply` would do to make the channel match
//! the files, one line per change like `terraform plan`; never writes. `--check` exits 1 on drift.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::desired;
use super::files::Checked;
use crate::context::Context;
use crate::error::{Kind, Result};
use crate::output::{Output, Report};
use crate::template::plan::{Action, Change, Summary, summarize};

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Template files or folders of them (*.json, searched recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also plan deleting names that none of the files hold
    #[arg(long)]
    pub prune: bool,
    /// Exit 1 when anything but `unchanged` is planned (drift check for CI)
    #[arg(long)]
    pub check: bool,
}

/// SPEC 7's `plan --json` document.
#[derive(Debug, Serialize)]
pub struct PlanReport {
    pub changes: Vec<Change>,
    pub summary: Summary,
    #[serde(skip)]
    pub check: bool,
}

impl Report for PlanReport {
    fn human(&self, out: &Output) -> String {
        render(out, &self.changes, &self.summary)
    }

    fn failure(&self) -> Option<Kind> {
        (self.check && has_drift(&self.summary)).then_some(Kind::Failed)
    }
}

/// Whether anything but `unchanged` is planned.
pub fn has_drift(s: &Summary) -> bool {
    s.create + s.replace + s.delete + s.blocked > 0
}

/// The human plan: one line per change that is not unchanged, with its sign, the reason of
/// blocked ones and deletes, the differing paths of replaced and blocked ones; a summary line.
pub fn render(out: &Output, changes: &[Change], summary: &Summary) -> String {
    let mut lines = Vec::new();
    for change in changes.iter().filter(|c| c.action != Action::Unchanged) {
        let (sign, word, style) = match change.action {
            Action::Create => ("+", "create", "32"),
            Action::Replace => ("~", "replace", "33"),
            Action::Delete => ("-", "delete", "31"),
            Action::Blocked => ("!", "blocked", "35;1"),
            Action::Unchanged => (" ", "unchanged", "2"),
        };
        let head = out.paint(&format!("{sign} {word:<8}"), style);
        let status = change.remote_status.as_deref().map(|s| format!(" [{s}]")).unwrap_or_default();
        let mut line = format!("{head} {} ({}){status}", change.name, change.language);
        if let Some(reason) = &change.reason {
            line.push_str(&format!(": {reason}"));
        }
        lines.push(line);
        for entry in &change.diff {
            lines.push(format!("      {}: {} -> {}", entry.path, short(&entry.remote), short(&entry.local)));
        }
    }
    if lines.is_empty() {
        lines.push(format!("No changes: the channel matches the files ({} unchanged).", summary.unchanged));
    } else {
        lines.push(format!(
            "Plan: {} to create, {} to replace, {} to delete, {} blocked, {} unchanged.",
            summary.create, summary.replace, summary.delete, summary.blocked, summary.unchanged
        ));
    }
    lines.join("\n")
}

/// A JSON value on one line, cut to 60 characters.
fn short(value: &Value) -> String {
    let text = if value.is_null() { "(none)".to_owned() } else { value.to_string() };
    if text.chars().count() > 60 { format!("{}…", text.chars().take(59).collect::<String>()) } else { text }
}

pub async fn run(ctx: &Context, args: &PlanArgs) -> Result<PlanReport> {
    let rows = desired::read_files(ctx, &args.paths).await?;
    plan_rows(ctx, rows, args).await
}

/// [`run`] for template files read and checked already (a fleet reads them once).
pub async fn plan_rows(ctx: &Context, rows: Vec<Checked>, args: &PlanArgs) -> Result<PlanReport> {
    let (client, _) = ctx.client().await?;
    let remote = desired::channel_templates(&client).await?;
    let planned = desired::plan(ctx, rows, &remote, args.prune).await?;
    let summary = summarize(&planned.changes);
    Ok(PlanReport { changes: planned.changes, summary, check: args.check })
}
