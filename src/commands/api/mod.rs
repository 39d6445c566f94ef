//! `api PATH`: a raw request under the base URL, like `gh api`, through the one client (key,
//! loopback-only plain http, no redirects, body cap, SPEC 2 retries). The body goes to stdout
//! whatever the status; a non-2xx then exits per SPEC 3. `--paginate` follows offset/total
//! envelopes and prints one array of their items.

mod fields;

use std::io::Read;
use std::path::PathBuf;

use clap::Args;
use reqwest::Method;

use crate::api::{self, Paged, RawReply};
use crate::context::Context;
use crate::error::{Error, Kind, Result};

#[derive(Debug, Args)]
pub struct ApiArgs {
    /// Path under the base URL, with an optional query, e.g. /v1/configs/templates?limit=5
    pub path: String,
    /// HTTP method [default: GET, or POST when fields or --input are given]
    #[arg(short = 'X', long, value_name = "METHOD")]
    pub method: Option<String>,
    /// A string field KEY=VALUE: in the JSON body, or in the query of a GET (repeatable)
    #[arg(short = 'f', long = "raw-field", value_name = "KEY=VALUE")]
    pub raw_fields: Vec<String>,
    /// A JSON field KEY=JSON, e.g. -F limit=5 or -F 'buttons=[...]' (repeatable)
    #[arg(short = 'F', long = "field", value_name = "KEY=JSON")]
    pub fields: Vec<String>,
    /// The request body from FILE, or `-` for standard input (fields then go to the query)
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Follow offset/total envelopes (templates, partner channels) and print one array of all items
    #[arg(long)]
    pub paginate: bool,
    /// Send to the partner API (hub) instead of the channel's base URL
    #[arg(long)]
    pub hub: bool,
    /// Print the status line and response headers before the body (never the key)
    #[arg(short = 'i', long)]
    pub include: bool,
}

pub async fn run(ctx: &Context, args: ApiArgs) -> Result<u8> {
    let path = checked_path(&args.path)?;
    let fields = fields::parse(&args.raw_fields, &args.fields)
        .map_err(|err| Error::invalid(err.to_string()).with_hint("nothing was sent"))?;
    let input = args.input.as_deref().map(read_input).transpose()?;
    let method = match &args.method {
        Some(name) => parse_method(name)?,
        None if !fields.is_empty() || input.is_some() => Method::POST,
        None => Method::GET,
    };
    if args.paginate && method != Method::GET {
        return Err(Error::usage(format!("--paginate follows GET listings; this request is {method}"))
            .with_hint("drop -X, the fields and --input, or drop --paginate"));
    }
    if args.hub {
        return Err(Error::new(
            Kind::Auth,
            "partner credentials are not set up, so --hub has no partner API to call",
        )
        .with_hint("this version has no `partner login` yet; run `api` without --hub for the channel API"));
    }
    let sends_fields_in_body = input.is_none() && !matches!(method, Method::GET | Method::HEAD);
    let (query, body) = match input {
        Some(bytes) => (fields::as_query(&fields), Some(bytes)),
        None if sends_fields_in_body && !fields.is_empty() => {
            (Vec::new(), Some(serde_json::Value::Object(fields).to_string().into_bytes()))
        }
        None => (fields::as_query(&fields), None),
    };
    let (client, _) = ctx.client().await?;
    if args.paginate {
        return match client.raw_paginate(&path, &query).await? {
            Paged::Items(items) => {
                let parts: Vec<&str> = items.iter().map(|raw| raw.get()).collect();
                print_json(ctx, format!("[{}]", parts.join(",")).as_bytes())?;
                Ok(0)
            }
            Paged::Refused(reply) | Paged::NotEnvelope(reply) => finish(ctx, &reply, args.include),
        };
    }
    let reply = client.raw(method, &path, &query, body.as_deref()).await?;
    finish(ctx, &reply, args.include)
}

/// Prints headers (with `-i`) and the body; a refusal then becomes the error of SPEC 3.
fn finish(ctx: &Context, reply: &RawReply, include: bool) -> Result<u8> {
    if include {
        let mut head = reply.status_line.clone();
        for (name, value) in &reply.headers {
            head.push_str(&format!("\n{name}: {value}"));
        }
        head.push('\n');
        ctx.out.write_stdout(&head);
    }
    match reply.refusal() {
        None => {
            print_json(ctx, &reply.body)?;
            Ok(0)
        }
        Some(refusal) => {
            ctx.out.write_stdout(String::from_utf8_lossy(&reply.body).trim_end());
            Err(Error::from(api::Error::Api(refusal)))
        }
    }
}

/// A body as it came, pretty on a terminal, through `--jq` when given; non-JSON as text.
fn print_json(ctx: &Context, body: &[u8]) -> Result<()> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        if ctx.out.jq.is_some() {
            return Err(Error::failed("--jq needs a JSON answer; this one is not JSON"));
        }
        ctx.out.write_stdout(String::from_utf8_lossy(body).trim_end());
        return Ok(());
    };
    if ctx.out.jq.is_some() {
        return ctx.out.write_json_text(&String::from_utf8_lossy(body));
    }
    if ctx.out.stdout_is_terminal {
        let text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string());
        ctx.out.write_stdout(&text);
    } else {
        // To a pipe the JSON body is data, kept exactly: escaping `\u{202e}` would break it.
        ctx.out.write_data(String::from_utf8_lossy(body).trim_end());
    }
    Ok(())
}

/// A path under the base URL: a full URL is refused (the key would go to another host).
fn checked_path(path: &str) -> Result<String> {
    let trimmed = path.trim();
    if trimmed.contains("://") {
        return Err(Error::usage(format!(
            "{} is a full URL; `api` takes a path under the base URL",
            api::redact_raw(trimmed)
        ))
        .with_hint("give the path (e.g. /v1/configs/templates) and set the host with --base-url"));
    }
    if trimmed.is_empty() {
        return Err(
            Error::usage("the path is empty").with_hint("e.g. `whatsapp-ctl api /v1/configs/webhook`")
        );
    }
    Ok(format!("/{}", trimmed.trim_start_matches('/')))
}

fn parse_method(name: &str) -> Result<Method> {
    let upper = name.trim().to_ascii_uppercase();
    match upper.as_str() {
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" => {
            Method::from_bytes(upper.as_bytes()).map_err(|err| Error::usage(err.to_string()))
        }
        _ => Err(Error::usage(format!("-X {name}: not an HTTP method"))
            .with_hint("use GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS")),
    }
}

/// The body of `--input FILE` or `--input -`.
fn read_input(path: &std::path::Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().lock().take(api::MAX_BODY_BYTES as u64 + 1).read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|file| file.take(api::MAX_BODY_BYTES as u64 + 1).read_to_end(&mut bytes))
            .map(|_| ())
    };
    read.map_err(|err| {
        Error::invalid(format!("cannot read --input {}: {err}", path.display())).with_hint("nothing was sent")
    })?;
    if bytes.len() > api::MAX_BODY_BYTES {
        return Err(Error::invalid(format!("--input {} is larger than 32 MiB", path.display())));
    }
    Ok(bytes)
}
