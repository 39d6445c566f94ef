//! `templates apply PATH... [--prune] [--yes]`: prints the plan, asks on a terminal (needs
//! `--yes` without one: exit 2 before any change), then deletes the names to delete or replace
//! and creates what the files add or replace (bounded concurrency, each create idempotent as in
//! `templates submit`). Exit 0 when every change was made and nothing was blocked, else 1.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;
use serde::Serialize;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::desired;
use super::files::Checked;
use super::plan::render;
use super::submit::submit_all;
use crate::api::{self, Client};
use crate::commands::input;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};
use crate::template::plan::{Action, Change, Summary, summarize};

/// Names deleted at once.
const CONCURRENCY: usize = 4;

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// Template files or folders of them (*.json, searched recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also delete names that none of the files hold
    #[arg(long)]
    pub prune: bool,
    /// Apply without asking (needed without a terminal)
    #[arg(long, short)]
    pub yes: bool,
}

/// What became of one change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Done,
    Failed,
    Skipped,
}

/// One planned change with its outcome.
#[derive(Debug, Serialize)]
pub struct Applied {
    #[serde(flatten)]
    pub change: Change,
    pub result: Outcome,
    pub error: Option<String>,
}

/// SPEC 7's `apply --json` document: the plan with a result on each change.
#[derive(Debug, Serialize)]
pub struct ApplyReport {
    changes: Vec<Applied>,
    summary: Summary,
    /// The plan was already printed (human output, before asking).
    #[serde(skip)]
    plan_shown: bool,
}

impl Report for ApplyReport {
    fn human(&self, out: &Output) -> String {
        let mut lines = Vec::new();
        if !self.plan_shown {
            let changes: Vec<Change> = self.changes.iter().map(|a| a.change.clone()).collect();
            lines.push(render(out, &changes, &self.summary));
        }
        let acted = self.changes.iter().filter(|a| is_action(a.change.action));
        if acted.clone().next().is_none() {
            return lines.join("\n");
        }
        for applied in self.changes.iter().filter(|a| a.result == Outcome::Failed) {
            let c = &applied.change;
            let error = applied.error.as_deref().unwrap_or("failed");
            lines.push(format!("{} {} ({}): {error}", out.paint("failed", "31;1"), c.name, c.language));
        }
        let count = |o: Outcome| acted.clone().filter(|a| a.result == o).count();
        lines.push(format!(
            "Apply: {} done, {} failed, {} blocked.",
            count(Outcome::Done),
            count(Outcome::Failed),
            self.summary.blocked
        ));
        lines.join("\n")
    }

    fn failure(&self) -> Option<Kind> {
        let failed = self.changes.iter().any(|a| a.result == Outcome::Failed);
        (failed || self.summary.blocked > 0).then_some(Kind::Failed)
    }
}

fn is_action(action: Action) -> bool {
    matches!(action, Action::Create | Action::Replace | Action::Delete)
}

/// One channel's plan, ready to apply: the client that listed it and the changes.
pub struct Prepared {
    client: Client,
    planned: desired::Planned,
    summary: Summary,
}

impl Prepared {
    /// How many creates, replaces and deletes would be made.
    pub fn acting(&self) -> usize {
        self.summary.create + self.summary.replace + self.summary.delete
    }

    /// The human plan.
    pub fn render(&self, out: &Output) -> String {
        render(out, &self.planned.changes, &self.summary)
    }
}

/// Lists the channel and plans the checked `rows` against it; writes nothing.
pub async fn prepare(ctx: &Context, rows: Vec<Checked>, prune: bool) -> Result<Prepared> {
    let (client, _) = ctx.client().await?;
    let remote = desired::channel_templates(&client).await?;
    let planned = desired::plan(ctx, rows, &remote, prune).await?;
    let summary = summarize(&planned.changes);
    Ok(Prepared { client, planned, summary })
}

pub async fn run(ctx: &Context, args: &ApplyArgs) -> Result<ApplyReport> {
    let rows = desired::read_files(ctx, &args.paths).await?;
    let prepared = prepare(ctx, rows, args.prune).await?;
    if prepared.acting() == 0 {
        return Ok(execute(ctx, prepared, false).await);
    }
    if !ctx.out.json {
        ctx.out.write_stdout(&prepared.render(&ctx.out));
    }
    let acting = prepared.acting();
    if !input::confirm(&format!("Apply {acting} change(s) to the channel?"), args.yes)? {
        return Err(Error::failed("nothing was changed"));
    }
    Ok(execute(ctx, prepared, !ctx.out.json).await)
}

/// Makes the changes of `prepared` (confirmed already); `plan_shown`: the plan was printed.
pub async fn execute(ctx: &Context, prepared: Prepared, plan_shown: bool) -> ApplyReport {
    let Prepared { client, planned, summary } = prepared;
    let skipped = |change: Change| Applied { change, result: Outcome::Skipped, error: None };
    if !planned.changes.iter().any(|c| is_action(c.action)) {
        let changes = planned.changes.into_iter().map(skipped).collect();
        return ApplyReport { changes, summary, plan_shown: false };
    }

    let names: BTreeSet<&str> = planned
        .changes
        .iter()
        .filter(|c| matches!(c.action, Action::Delete | Action::Replace))
        .map(|c| c.name.as_str())
        .collect();
    let deleted = delete_all(ctx, &client, names.into_iter().map(str::to_owned).collect()).await;

    let mut to_create: Vec<(usize, Checked)> = Vec::new();
    for (index, change) in planned.changes.iter().enumerate() {
        let create = change.action == Action::Create
            || (change.action == Action::Replace && deleted.get(&change.name).is_some_and(Option::is_none));
        if let (true, Some(row)) = (create, planned.row(&change.name, &change.language)) {
            to_create.push((index, row.clone()));
        }
    }
    let rows: Vec<Checked> = to_create.iter().map(|(_, row)| row.clone()).collect();
    let outcomes = submit_all(ctx, &client, &rows).await;
    let mut created: BTreeMap<usize, api::Result<serde_json::Value>> = BTreeMap::new();
    for ((index, _), outcome) in to_create.into_iter().zip(outcomes) {
        created.insert(index, outcome);
    }

    let mut changes = Vec::new();
    for (index, change) in planned.changes.into_iter().enumerate() {
        let deletion = deleted.get(&change.name).cloned().flatten();
        let (result, error) = match change.action {
            Action::Unchanged | Action::Blocked => (Outcome::Skipped, None),
            Action::Delete => match deletion {
                None => (Outcome::Done, None),
                Some(err) => (Outcome::Failed, Some(err)),
            },
            Action::Create | Action::Replace => match (deletion, created.remove(&index)) {
                (Some(err), _) => {
                    (Outcome::Failed, Some(format!("not re-created: the delete failed: {err}")))
                }
                (None, Some(Ok(_))) => (Outcome::Done, None),
                (None, Some(Err(err))) => (Outcome::Failed, Some(describe(&err))),
                (None, None) => (Outcome::Failed, Some("not attempted".into())),
            },
        };
        changes.push(Applied { change, result, error });
    }
    ApplyReport { changes, summary, plan_shown }
}

/// Deletes each name once (every language goes with it); name -> the error, if it failed. A name
/// already gone (a retried delete that had landed) counts as deleted.
async fn delete_all(ctx: &Context, client: &Client, names: Vec<String>) -> BTreeMap<String, Option<String>> {
    let gate = Arc::new(Semaphore::new(CONCURRENCY));
    let mut tasks = JoinSet::new();
    for name in names.iter().cloned() {
        let (client, gate) = (client.clone(), gate.clone());
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await;
            let outcome = match client.delete_template(&name).await {
                Err(err) if err.api().is_some_and(|e| e.status == 404) => Ok(()),
                other => other,
            };
            (name, outcome)
        });
    }
    let mut results: BTreeMap<String, Option<String>> = names
        .into_iter()
        .map(|n| (n, Some("the delete task failed before it answered".to_owned())))
        .collect();
    while let Some(joined) = tasks.join_next().await {
        if let Ok((name, outcome)) = joined {
            if let Err(err) = &outcome {
                ctx.out.debug(1, &format!("deleting {name} failed: {err}"));
            }
            results.insert(name, outcome.err().map(|e| describe(&e)));
        }
    }
    results
}

/// Meta's subcode for a name whose approved template was deleted less than 30 days ago.
const NAME_LOCKED_SUBCODE: i64 = 2388023;

/// The error with the API's own explanation, and what to do for a locked name.
fn describe(err: &api::Error) -> String {
    let Some(api_err) = err.api() else { return err.to_string() };
    let mut text = api_err.to_string();
    if !api_err.details.is_empty() {
        text.push_str(&format!(" ({})", api_err.details.join("; ")));
    }
    if api_err.subcode == Some(NAME_LOCKED_SUBCODE) {
        text.push_str(
            ": an approved template of this name was deleted, so the name is locked for 30 days; submit it under a new name",
        );
    }
    text
}
