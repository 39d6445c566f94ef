//! `templates list`: every page (fetched concurrently once `total` is known), filtered the API's
//! way plus `--name-contains`, as a table or a JSON array of the API's template objects (buffered
//! as raw text until every page has arrived, then written at once).

use clap::Args;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::lookup::{rejected_reason, status_of};
use crate::api::TemplateQuery;
use crate::commands::numbers;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::JsonArrayStream;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this status (any case)
    #[arg(long, value_name = "S", ignore_case = true, value_parser = STATUSES)]
    pub status: Option<String>,
    /// Only this category (any case)
    #[arg(long, value_name = "C", ignore_case = true, value_parser = CATEGORIES)]
    pub category: Option<String>,
    /// Only this language code (en_US, de, ...)
    #[arg(long, value_name = "L")]
    pub language: Option<String>,
    /// Only this exact name (filtered by the API)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Only names containing this text (filtered locally, case-insensitive)
    #[arg(long, value_name = "X")]
    pub name_contains: Option<String>,
    /// Sort by this field; a leading - sorts descending, written with = (--sort=-name)
    #[arg(long, value_name = "FIELD", value_parser = SORTS)]
    pub sort: Option<String>,
    /// At most this many templates
    #[arg(long, value_name = "N", value_parser = numbers::count::<usize>(0..=u32::MAX as u64))]
    pub limit: Option<usize>,
    /// Skip this many templates first
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = numbers::count::<usize>(0..=u32::MAX as u64))]
    pub offset: usize,
}

/// The statuses 360dialog and Meta report (lower case on the wire).
const STATUSES: [&str; 15] = [
    "approved",
    "rejected",
    "submitted",
    "pending",
    "created",
    "draft",
    "paused",
    "disabled",
    "in_appeal",
    "pending_deletion",
    "deleted",
    "limit_exceeded",
    "archived",
    "flagged",
    "reinstated",
];

/// Template categories.
pub const CATEGORIES: [&str; 3] = ["MARKETING", "UTILITY", "AUTHENTICATION"];

/// `--sort` values: a field, or `-` and a field for descending.
const SORTS: [&str; 10] =
    ["id", "name", "status", "category", "language", "-id", "-name", "-status", "-category", "-language"];

/// The API's `sort` value for `--sort`.
fn sort_field(sort: &str) -> Result<String> {
    let (descending, field) = match sort.strip_prefix('-') {
        Some(field) => (true, field),
        None => (false, sort),
    };
    let api_field = match field {
        "id" => "id",
        "name" => "business_templates.name",
        "status" => "status",
        "category" => "category",
        "language" => "language",
        other => {
            return Err(Error::usage(format!("--sort {other}: not a sort field"))
                .with_hint("use id, name, status, category or language, with - in front for descending"));
        }
    };
    Ok(format!("{}{api_field}", if descending { "-" } else { "" }))
}

fn query(args: &ListArgs) -> Result<TemplateQuery> {
    let mut filters = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            filters.insert(key.to_owned(), Value::String(value));
        }
    };
    put("status", args.status.as_ref().map(|s| s.to_lowercase()));
    put("category", args.category.as_ref().map(|c| c.to_uppercase()));
    put("language", args.language.clone());
    put("business_templates.name", args.name.clone());
    Ok(TemplateQuery { filters, sort: args.sort.as_deref().map(sort_field).transpose()? })
}

pub async fn run(ctx: &Context, args: &ListArgs) -> Result<u8> {
    let query = query(args)?;
    let (client, _) = ctx.client().await?;
    let needle = args.name_contains.as_ref().map(|n| n.to_lowercase());
    let name_matches = |name: Option<&str>| {
        needle.as_ref().is_none_or(|n| name.is_some_and(|s| s.to_lowercase().contains(n)))
    };
    let keep = |t: &Value| name_matches(t.get("name").and_then(Value::as_str));
    let keep_raw = |raw: &RawValue| {
        needle.is_none()
            || name_matches(serde_json::from_str::<NameOnly>(raw.get()).ok().and_then(|t| t.name).as_deref())
    };
    if ctx.out.json {
        // The templates go out as the server wrote them (no parsing into values and back), and
        // only once every page has arrived: a failure part-way leaves stdout empty (SPEC 4).
        let mut kept = Vec::new();
        client
            .list_templates_raw(&query, args.offset, args.limit, |page| {
                kept.extend(page.into_iter().filter(|raw| keep_raw(raw)));
            })
            .await?;
        if ctx.out.jq.is_some() {
            let items: Vec<&str> = kept.iter().map(|raw| raw.get()).collect();
            ctx.out.write_json_text(&format!("[{}]", items.join(",")))?;
            return Ok(0);
        }
        // A page's worth per write: one buffer of the whole array would double the peak.
        let mut stream = JsonArrayStream::default();
        for chunk in kept.chunks(crate::api::PAGE_SIZE) {
            stream.push_all(chunk.iter());
        }
        stream.finish();
        return Ok(0);
    }
    let mut rows = Vec::new();
    client
        .list_templates(&query, args.offset, args.limit, |page| {
            rows.extend(page.iter().filter(|t| keep(t)).map(row))
        })
        .await?;
    if rows.is_empty() {
        ctx.out.info("No templates match.");
        return Ok(0);
    }
    let count = rows.len();
    ctx.out
        .write_stdout(&ctx.out.table(&["NAME", "LANGUAGE", "CATEGORY", "STATUS", "REASON / QUALITY"], rows));
    ctx.out.info(&format!("{count} template{}", if count == 1 { "" } else { "s" }));
    Ok(0)
}

/// Every template `args` selects, as values (a fleet collects one list per profile).
pub async fn collect(ctx: &Context, args: &ListArgs) -> Result<Vec<Value>> {
    let query = query(args)?;
    let (client, _) = ctx.client().await?;
    let needle = args.name_contains.as_ref().map(|n| n.to_lowercase());
    let mut kept = Vec::new();
    client
        .list_templates(&query, args.offset, args.limit, |page| {
            kept.extend(page.into_iter().filter(|t| {
                let name = t.get("name").and_then(Value::as_str).map(str::to_lowercase);
                needle.as_ref().is_none_or(|n| name.is_some_and(|s| s.contains(n)))
            }))
        })
        .await?;
    Ok(kept)
}

/// Just the name of a template, read from its JSON text.
#[derive(serde::Deserialize)]
struct NameOnly {
    name: Option<String>,
}

pub(crate) fn row(template: &Value) -> Vec<String> {
    let text = |key: &str| template.get(key).and_then(Value::as_str).unwrap_or("-").to_owned();
    let quality = template.pointer("/quality_score/score").and_then(Value::as_str);
    let note = match (rejected_reason(template), quality) {
        (Some(reason), _) => reason.to_owned(),
        (None, Some(score)) if !score.eq_ignore_ascii_case("unknown") => format!("quality {score}"),
        _ => String::new(),
    };
    vec![text("name"), text("language"), text("category"), status_of(template), note]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_names_map_to_the_api_fields() {
        assert_eq!(sort_field("name").ok().as_deref(), Some("business_templates.name"));
        assert_eq!(sort_field("-status").ok().as_deref(), Some("-status"));
        assert!(sort_field("color").is_err());
    }
}
