//! `templates show NAME`: one template with its components, as the API returns it.

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::lookup::{self, rejected_reason, status_of};
use crate::context::Context;
use crate::error::Result;
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Template name
    pub name: String,
    /// Language code, needed when the name exists in several languages
    #[arg(long, value_name = "L")]
    pub language: Option<String>,
}

/// The API's template object, shown in full.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TemplateView(pub Value);

impl Report for TemplateView {
    fn human(&self, _out: &Output) -> String {
        describe(&self.0)
    }
}

/// Name, language, category, status, then each component.
pub fn describe(template: &Value) -> String {
    let text = |key: &str| template.get(key).and_then(Value::as_str).unwrap_or("-");
    let mut lines = vec![
        format!("{} ({})", text("name"), text("language")),
        format!("  category  {}", text("category")),
        format!("  status    {}", status_of(template)),
    ];
    if let Some(reason) = rejected_reason(template) {
        lines.push(format!("  rejected  {reason}"));
    }
    if let Some(score) = template.pointer("/quality_score/score").and_then(Value::as_str) {
        lines.push(format!("  quality   {score}"));
    }
    lines.push(format!("  id        {}", text("id")));
    for component in template.get("components").and_then(Value::as_array).into_iter().flatten() {
        lines.push(component_line(component));
    }
    lines.join("\n")
}

fn component_line(component: &Value) -> String {
    let field = |key: &str| component.get(key).and_then(Value::as_str).unwrap_or("");
    let kind = field("type").to_uppercase();
    match kind.as_str() {
        "BUTTONS" => {
            let buttons: Vec<String> = component
                .get("buttons")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|b| {
                    let get = |k: &str| b.get(k).and_then(Value::as_str).unwrap_or("");
                    let target = [get("url"), get("phone_number")].into_iter().find(|t| !t.is_empty());
                    match target {
                        Some(target) => format!("[{}: {} → {target}]", get("type"), get("text")),
                        None => format!("[{}: {}]", get("type"), get("text")),
                    }
                })
                .collect();
            format!("  BUTTONS   {}", buttons.join(" "))
        }
        "HEADER" if field("format").to_uppercase() != "TEXT" => format!("  HEADER    ({})", field("format")),
        _ => format!("  {kind:<9} {}", field("text").replace('\n', "\n            ")),
    }
}

pub async fn run(ctx: &Context, args: &ShowArgs) -> Result<TemplateView> {
    let (client, _) = ctx.client().await?;
    Ok(TemplateView(lookup::one(&client, &args.name, args.language.as_deref()).await?))
}
