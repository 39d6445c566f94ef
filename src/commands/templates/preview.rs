//! `templates preview FILE|NAME`: the message as a phone shows it, drawn as a chat bubble; a
//! file is previewed without any request, a NAME is looked up through the API first.

use std::path::Path;

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::lookup;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};
use crate::template::{self, bubble, preview};

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// A template file (JSON or an array of templates), or the name of a submitted template
    #[arg(value_name = "FILE|NAME")]
    pub template: String,
    /// Language of the template, needed when the file or name holds several
    #[arg(long, value_name = "L")]
    pub language: Option<String>,
    /// Value of the next body variable ({{1}}, then {{2}}, ...); else the template's example
    #[arg(long = "param", value_name = "V")]
    pub params: Vec<String>,
    /// Value of the header variable {{1}}; else the template's example
    #[arg(long, value_name = "V")]
    pub header_param: Option<String>,
}

/// The filled texts; drawn as a bubble for people.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Preview(preview::Filled);

impl Report for Preview {
    fn human(&self, out: &Output) -> String {
        let paint = |text: &str, codes: &str| out.paint(text, codes);
        bubble::draw(&self.0, out.color_stdout.then_some(&paint))
    }
}

pub async fn run(ctx: &Context, args: &PreviewArgs) -> Result<Preview> {
    let template = if Path::new(&args.template).is_file() {
        from_file(&args.template, args.language.as_deref())?
    } else if looks_like_a_path(&args.template) {
        return Err(Error::invalid(format!("no template file {}", args.template))
            .with_hint("give an existing file, or the name of a submitted template"));
    } else {
        let (client, _) = ctx.client().await?;
        lookup::one(&client, &args.template, args.language.as_deref()).await?
    };
    let values = preview::Values { body: &args.params, header: args.header_param.as_deref() };
    let filled = preview::fill(&template, &values).map_err(|err| {
        Error::usage(err.to_string()).with_hint("give one --param per body variable, in order")
    })?;
    Ok(Preview(filled))
}

fn looks_like_a_path(text: &str) -> bool {
    text.contains('/') || text.ends_with(".json") || text.ends_with(".yaml") || text.ends_with(".yml")
}

/// The one template of a file (picked by `--language` when the file holds several).
fn from_file(path: &str, language: Option<&str>) -> Result<Value> {
    let source =
        std::fs::read_to_string(path).map_err(|err| Error::invalid(format!("cannot read {path}: {err}")))?;
    let templates = template::parse_source(&source).map_err(|err| {
        Error::invalid(format!("{path}: {err}")).with_hint("check it with `whatsapp-ctl templates validate`")
    })?;
    let mut matching: Vec<Value> = templates
        .into_iter()
        .filter(|t| language.is_none_or(|l| lookup::language_of(t).eq_ignore_ascii_case(l)))
        .collect();
    match matching.len() {
        1 => Ok(matching.remove(0)),
        0 => Err(Error::invalid(match language {
            Some(language) => format!("{path} holds no template in language {language}"),
            None => format!("{path} holds no template"),
        })),
        _ => {
            let names: Vec<String> = matching
                .iter()
                .map(|t| {
                    format!(
                        "{} ({})",
                        t.get("name").and_then(Value::as_str).unwrap_or("?"),
                        lookup::language_of(t)
                    )
                })
                .collect();
            Err(Error::usage(format!("{path} holds {} templates: {}", names.len(), names.join(", ")))
                .with_hint("pick one with --language, or preview a file with one template"))
        }
    }
}
