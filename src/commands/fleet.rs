//! Fleets: `--all-profiles` / `--profiles A,B` run `channel check`, `templates list`, `templates
//! plan` or `templates apply` once per profile (the template files read and checked once, before
//! any request), `--concurrency` at a time, each with its own settings (its key and base URL; the
//! key variables and `--base-url` are not applied to a fleet). One section per profile, or the
//! JSON document `{"profiles":[{"profile","exit_code","result","error"}]}`; exit 1 when any
//! profile did not exit 0. Other commands refuse fleet flags (exit 2).

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::Serialize;
use serde_json::{Value, json};

use super::channel::ChannelCommand;
use super::channel::check::{self, CheckArgs};
use super::templates::TemplatesCommand;
use super::templates::desired;
use super::templates::files::Checked;
use super::templates::list::{self, ListArgs};
use super::templates::plan::{self, PlanArgs};
use crate::checks::{Status, names};
use crate::cli::{Command, GlobalArgs};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};
use crate::settings::{Given, Inputs};

/// The command a fleet runs.
enum Job {
    Check(Arc<CheckArgs>),
    List(Arc<ListArgs>),
    Plan(Arc<PlanArgs>, Arc<Vec<Checked>>),
}

mod apply;

/// One profile's outcome.
#[derive(Debug, Serialize)]
pub struct Entry {
    profile: String,
    exit_code: u8,
    result: Option<Value>,
    error: Option<Value>,
    #[serde(skip)]
    human: String,
}

#[derive(Debug, Serialize)]
pub struct FleetReport {
    profiles: Vec<Entry>,
}

impl Report for FleetReport {
    fn human(&self, _out: &Output) -> String {
        let sections: Vec<String> = self
            .profiles
            .iter()
            .map(|e| {
                let verdict =
                    if e.exit_code == 0 { "ok".to_owned() } else { format!("exit {}", e.exit_code) };
                format!("== profile {} ({verdict})\n{}", e.profile, e.human)
            })
            .collect();
        let failed = self.profiles.iter().filter(|e| e.exit_code != 0).count();
        format!("{}\n\n{failed} of {} profiles failed", sections.join("\n\n"), self.profiles.len())
    }

    fn failure(&self) -> Option<Kind> {
        self.profiles.iter().any(|e| e.exit_code != 0).then_some(Kind::Failed)
    }
}

pub async fn run(ctx: &Context, command: Command) -> Result<u8> {
    let job = match command {
        Command::Channel(ChannelCommand::Check(args)) => Job::Check(Arc::new(args)),
        Command::Templates(TemplatesCommand::List(args)) => Job::List(Arc::new(args)),
        Command::Templates(TemplatesCommand::Plan(args)) => {
            let rows = read_once(ctx, &args.paths).await?;
            Job::Plan(Arc::new(args), Arc::new(rows))
        }
        Command::Templates(TemplatesCommand::Apply(args)) => {
            let rows = read_once(ctx, &args.paths).await?;
            let profiles = select(ctx)?;
            warn_ignored_token(ctx);
            return apply::run(ctx, &args, rows, profiles).await;
        }
        _ => {
            return Err(Error::usage(
                "--all-profiles and --profiles work only with `channel check`, `templates list`, `templates plan` and `templates apply`",
            )
            .with_hint("drop the fleet flag, or run the command once per --profile"));
        }
    };
    if ctx.global.emulator {
        return Err(Error::usage("a fleet runs over stored profiles; --emulator uses none"));
    }
    let profiles = select(ctx)?;
    warn_ignored_token(ctx);
    let job = Arc::new(job);
    let global = ctx.global.clone();
    let results = crate::fleet::fan_out(
        profiles,
        ctx.global.concurrency,
        |name| {
            let job = Arc::clone(&job);
            let global = global.clone();
            async move { run_one(global, name, &job).await }
        },
        |name| Entry {
            profile: name.to_owned(),
            exit_code: Kind::Failed.exit_code(),
            result: None,
            error: Some(json!({"kind": Kind::Failed, "message": "internal failure", "code": null})),
            human: "error: internal failure".into(),
        },
    )
    .await;
    Ok(ctx.out.emit(&FleetReport { profiles: results.into_iter().map(|(_, entry)| entry).collect() }))
}

/// The template files of a fleet `plan` / `apply`, read and checked once against WhatsApp's rules
/// (every template, as if each were created): an invalid file stops the fleet with exit 3
/// before any request.
async fn read_once(ctx: &Context, paths: &[std::path::PathBuf]) -> Result<Vec<Checked>> {
    if ctx.global.emulator {
        return Err(Error::usage("a fleet runs over stored profiles; --emulator uses none"));
    }
    select(ctx)?;
    let rows = desired::read_files(ctx, paths).await?;
    desired::plan(ctx, rows.clone(), &[], false).await?;
    Ok(rows)
}

/// One warning on stderr (also with `--json`, hidden by `-q`) when a key variable is set: a
/// fleet ignores it, as each profile uses its own stored key.
fn warn_ignored_token(ctx: &Context) {
    if ctx.inputs.env_token.is_some() {
        ctx.out.warn(
            "WHATSAPP_CTL_TOKEN / D360_API_KEY is ignored in a fleet: each profile uses its own stored key (unset it to silence this)",
        );
    }
}

/// The profiles named, each checked to exist, or every stored one.
fn select(ctx: &Context) -> Result<Vec<String>> {
    let files = ctx.store()?.load()?;
    let stored: BTreeSet<String> =
        files.config.profiles.keys().chain(files.credentials.profiles.keys()).cloned().collect();
    if ctx.global.all_profiles {
        if stored.is_empty() {
            return Err(Error::usage("--all-profiles: there are no stored profiles")
                .with_hint("run `whatsapp-ctl auth login` or `whatsapp-ctl partner adopt --all` first"));
        }
        return Ok(stored.into_iter().collect());
    }
    let mut chosen = Vec::new();
    for name in ctx.global.profiles.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if !stored.contains(name) {
            return Err(Error::usage(format!("--profiles: there is no profile '{name}'"))
                .with_hint("`whatsapp-ctl profiles list` shows the stored profiles"));
        }
        if !chosen.iter().any(|c| c == name) {
            chosen.push(name.to_owned());
        }
    }
    if chosen.is_empty() {
        return Err(Error::usage("--profiles names no profile"));
    }
    Ok(chosen)
}

/// Runs the job with `profile`'s own settings; never fails, the failure is in the entry.
async fn run_one(global: GlobalArgs, profile: String, job: &Job) -> Entry {
    let (ctx, human_out) = profile_context(global, &profile);
    let outcome = match job {
        Job::Check(args) => check::run(&ctx, args).await.map(|view| {
            let auth_failed = view.0.checks.iter().any(|c| c.name == names::AUTH && c.status == Status::Fail);
            let code = match view.failure() {
                None => 0,
                Some(_) if auth_failed => Kind::Auth.exit_code(),
                Some(kind) => kind.exit_code(),
            };
            (code, serde_json::to_value(&view).ok(), view.human(&human_out))
        }),
        Job::List(args) => list::collect(&ctx, args).await.map(|templates| {
            let rows = templates.iter().map(list::row);
            let table =
                human_out.table(&["NAME", "LANGUAGE", "CATEGORY", "STATUS", "REASON / QUALITY"], rows);
            let human = if templates.is_empty() { "No templates match.".to_owned() } else { table };
            (0, Some(Value::Array(templates)), human)
        }),
        Job::Plan(args, rows) => plan::plan_rows(&ctx, rows.to_vec(), args).await.map(|report| {
            let code = report.failure().map_or(0, |kind| kind.exit_code());
            (code, serde_json::to_value(&report).ok(), report.human(&human_out))
        }),
    };
    entry(profile, outcome)
}

/// `profile`'s own context (its key and base URL; it prints nothing but -v lines), and the
/// renderer of its section.
fn profile_context(mut global: GlobalArgs, profile: &str) -> (Context, Output) {
    global.profile = Some(profile.to_owned());
    global.base_url = None;
    let human_out = Output::new(false, global.quiet, global.verbose, global.no_color);
    // The profile's own run prints nothing: progress and notes stay quiet, -v lines still go.
    global.json = true;
    let inputs =
        Inputs { profile: Given { value: Some(profile.to_owned()), from_env: false }, ..Inputs::default() };
    (Context::new(global, inputs), human_out)
}

/// One profile's entry from its exit code, JSON document and section, or its error.
fn entry(profile: String, outcome: Result<(u8, Option<Value>, String)>) -> Entry {
    match outcome {
        Ok((exit_code, result, human)) => Entry { profile, exit_code, result, error: None, human },
        Err(err) => {
            let mut human = format!("error: {}", err.message);
            for cause in &err.causes {
                human.push_str(&format!("\ncaused by: {cause}"));
            }
            if let Some(hint) = &err.hint {
                human.push_str(&format!("\nhint: {hint}"));
            }
            Entry {
                profile,
                exit_code: err.kind.exit_code(),
                result: None,
                error: Some(json!({
                    "kind": err.kind, "message": err.message, "code": err.code,
                    "causes": err.causes, "hint": err.hint,
                })),
                human,
            }
        }
    }
}
