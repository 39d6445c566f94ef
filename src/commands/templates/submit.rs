//! `templates submit`: templates from files (or built from flags) are all validated first
//! (exit 3 and nothing sent when any breaks a rule), then created with bounded concurrency, each
//! exactly once even through ambiguous failures; a row per template, exit 1 if any failed.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;
use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::files::{Checked, check_files};
use crate::api::{self, Client};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::output::{Output, Report};

/// Templates created at once.
const CONCURRENCY: usize = 4;

#[derive(Debug, Args)]
#[command(after_help = crate::commands::help::SUBMIT)]
pub struct SubmitArgs {
    /// Template files: JSON bodies as the API takes them, one object or an array each
    #[arg(value_name = "FILE", required_unless_present = "name", conflicts_with = "name")]
    pub files: Vec<PathBuf>,
    /// Validate and show what would be sent, without sending
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub built: BuiltTemplate,
}

/// A template described by flags instead of a file.
#[derive(Debug, Args)]
pub struct BuiltTemplate {
    /// Template name (lower case, digits, underscores)
    #[arg(long, value_name = "N", requires_all = ["category", "language", "body"])]
    pub name: Option<String>,
    /// Category (any case)
    #[arg(long, value_name = "C", ignore_case = true, value_parser = super::list::CATEGORIES)]
    pub category: Option<String>,
    /// Language code (en_US, de, ...)
    #[arg(long, value_name = "L")]
    pub language: Option<String>,
    /// Body text; variables are {{1}}, {{2}}, ...
    #[arg(long, value_name = "TEXT")]
    pub body: Option<String>,
    /// Example value of the next body variable (repeat, in order)
    #[arg(long, value_name = "V")]
    pub example: Vec<String>,
    /// Text header (at most 60 characters, one variable)
    #[arg(long, value_name = "T")]
    pub header_text: Option<String>,
    /// Example value of the header variable
    #[arg(long, value_name = "V")]
    pub header_example: Option<String>,
    /// Footer (at most 60 characters, no variables)
    #[arg(long, value_name = "T")]
    pub footer: Option<String>,
    /// A quick-reply button (repeat)
    #[arg(long, value_name = "T")]
    pub quick_reply: Vec<String>,
    /// A URL button TEXT=URL; a {{1}} at the end of the URL is filled at send time
    #[arg(long, value_name = "TEXT=URL")]
    pub url_button: Vec<String>,
    /// Example suffix for a URL button's {{1}}
    #[arg(long, value_name = "V")]
    pub url_example: Option<String>,
    /// A phone-number button TEXT=PHONE
    #[arg(long, value_name = "TEXT=PHONE")]
    pub phone_button: Option<String>,
}

impl BuiltTemplate {
    /// The API body for these flags.
    fn to_template(&self) -> Result<Value> {
        let mut components = Vec::new();
        if let Some(text) = &self.header_text {
            let mut header = json!({"type": "HEADER", "format": "TEXT", "text": text});
            if let Some(example) = &self.header_example {
                header["example"] = json!({"header_text": [example]});
            }
            components.push(header);
        }
        let mut body = json!({"type": "BODY", "text": self.body});
        if !self.example.is_empty() {
            body["example"] = json!({"body_text": [self.example]});
        }
        components.push(body);
        if let Some(footer) = &self.footer {
            components.push(json!({"type": "FOOTER", "text": footer}));
        }
        let mut buttons: Vec<Value> =
            self.quick_reply.iter().map(|text| json!({"type": "QUICK_REPLY", "text": text})).collect();
        for spec in &self.url_button {
            let (text, url) = split_pair(spec, "--url-button", "TEXT=URL")?;
            let mut button = json!({"type": "URL", "text": text, "url": url});
            if let Some(example) = &self.url_example {
                button["example"] = json!([example]);
            }
            buttons.push(button);
        }
        if let Some(spec) = &self.phone_button {
            let (text, phone) = split_pair(spec, "--phone-button", "TEXT=PHONE")?;
            buttons.push(json!({"type": "PHONE_NUMBER", "text": text, "phone_number": phone}));
        }
        if !buttons.is_empty() {
            components.push(json!({"type": "BUTTONS", "buttons": buttons}));
        }
        Ok(json!({
            "name": self.name,
            "category": self.category.as_ref().map(|c| c.to_uppercase()),
            "language": self.language,
            "components": components,
        }))
    }
}

fn split_pair<'a>(spec: &'a str, flag: &str, shape: &str) -> Result<(&'a str, &'a str)> {
    spec.split_once('=')
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
        .ok_or_else(|| Error::usage(format!("{flag} {spec:?} is not {shape}")))
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SubmitReport {
    rows: Vec<Checked>,
    #[serde(skip)]
    failure: Option<Kind>,
    #[serde(skip)]
    dry_run: bool,
}

impl Report for SubmitReport {
    fn human(&self, out: &Output) -> String {
        if self.dry_run {
            return self
                .rows
                .iter()
                .filter_map(|row| row.body.as_ref().map(Value::to_string))
                .collect::<Vec<_>>()
                .join("\n");
        }
        let rows = self.rows.iter().map(|row| {
            let outcome = match (&row.status, row.problems.first()) {
                (_, Some(problem)) => problem.message.clone(),
                (Some(status), None) => status.clone(),
                (None, None) => String::new(),
            };
            vec![
                row.name.clone().unwrap_or_default(),
                row.language.clone().unwrap_or_default(),
                if row.ok { "ok".into() } else { "failed".into() },
                outcome,
            ]
        });
        out.table(&["NAME", "LANGUAGE", "RESULT", "STATUS / ERROR"], rows)
    }

    fn failure(&self) -> Option<Kind> {
        self.failure
    }
}

/// Submits, prints the rows, and ends with a summary line ("3 submitted, 1 failed") on stderr;
/// when no template was submitted, stderr says so as an error.
pub async fn run(ctx: &Context, args: &SubmitArgs) -> Result<u8> {
    let report = submit(ctx, args).await?;
    let code = ctx.out.emit(&report);
    if report.dry_run || ctx.out.json {
        return Ok(code);
    }
    let failed = report.rows.iter().filter(|row| !row.ok).count();
    let submitted = report.rows.len() - failed;
    let summary = format!("{submitted} submitted, {failed} failed");
    if submitted == 0 {
        ctx.out.error(
            &Error::failed(format!("no template was submitted ({summary})"))
                .with_hint("see the STATUS / ERROR column above for each template's reason"),
        );
    } else if report.rows.len() > 1 {
        ctx.out.info(&summary);
    }
    Ok(code)
}

async fn submit(ctx: &Context, args: &SubmitArgs) -> Result<SubmitReport> {
    let mut rows = if args.built.name.is_some() {
        vec![Checked::from_value("(flags)", args.built.to_template()?)]
    } else {
        check_files(&ctx.out, &args.files).await
    };
    if rows.iter().any(|r| !r.ok) {
        if ctx.out.json {
            ctx.out.emit(&SubmitReport { rows, failure: None, dry_run: false });
        } else {
            for row in rows.iter().filter(|r| !r.ok) {
                ctx.out.info(&row.human(&ctx.out, "ok"));
            }
        }
        return Err(Error::invalid("templates break WhatsApp's rules; nothing was sent").with_hint(
            "fix the problems above (`whatsapp-ctl templates validate FILE...` checks without sending)",
        ));
    }
    if args.dry_run {
        for row in &mut rows {
            row.status = Some("dry-run".into());
            row.body = Some(row.template.clone());
        }
        ctx.out.info(&format!(
            "dry run: {} template{} valid; each line below is the exact body of one POST /v1/configs/templates (nothing was sent)",
            rows.len(),
            if rows.len() == 1 { " is" } else { "s are" }
        ));
        return Ok(SubmitReport { rows, failure: None, dry_run: true });
    }
    let (client, _) = ctx.client().await?;
    let outcomes = submit_all(ctx, &client, &rows).await;
    let mut kinds = Vec::new();
    for (row, outcome) in rows.iter_mut().zip(outcomes) {
        match outcome {
            Ok(created) => {
                row.status =
                    Some(created.get("status").and_then(Value::as_str).unwrap_or("submitted").to_lowercase())
            }
            Err(err) => {
                row.ok = false;
                kinds.push(crate::error::kind_of(&err));
                row.problems.push(crate::template::Problem {
                    path: String::new(),
                    message: describe_failure(&err, row),
                    line: None,
                });
            }
        }
    }
    let failure = match kinds.first() {
        None => None,
        Some(first) if kinds.iter().all(|k| k == first) && matches!(first, Kind::Auth | Kind::Network) => {
            Some(*first)
        }
        Some(_) => Some(Kind::Failed),
    };
    Ok(SubmitReport { rows, failure, dry_run: false })
}

pub(super) async fn submit_all(ctx: &Context, client: &Client, rows: &[Checked]) -> Vec<api::Result<Value>> {
    let bar = if rows.len() < 2 {
        indicatif::ProgressBar::hidden()
    } else {
        ctx.out.progress_bar(rows.len(), "submitting")
    };
    let gate = Arc::new(Semaphore::new(CONCURRENCY));
    let mut tasks = JoinSet::new();
    for (index, row) in rows.iter().enumerate() {
        let (client, gate, template) = (client.clone(), gate.clone(), row.template.clone());
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await;
            (index, client.submit_template(&template).await)
        });
    }
    let mut outcomes: Vec<Option<api::Result<Value>>> = rows.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        if let Ok((index, outcome)) = joined {
            outcomes[index] = Some(outcome);
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    outcomes
        .into_iter()
        .map(|o| {
            o.unwrap_or_else(|| {
                Err(api::Error::Internal("a submission task failed before it answered".into()))
            })
        })
        .collect()
}

fn describe_failure(err: &api::Error, row: &Checked) -> String {
    match err.api() {
        Some(api_err) if api_err.code == Some(100) && api_err.subcode == Some(2388024) => {
            format!("already exists in {}", row.language.as_deref().unwrap_or("this language"))
        }
        _ => err.to_string(),
    }
}
