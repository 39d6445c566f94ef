//! `webhook parse [FILE|-]`: the events of one webhook payload (either API shape). Human: one
//! line per event. `--json`: one JSON array of every event in payload order, each tagged with
//! `"event"`: `message` objects carry the channel variables and `message`, `status` and `error`
//! objects the delivery statuses and errors. A payload that is not JSON or not a webhook exits 3
//! naming what is wrong; an item in it that cannot be read becomes an `invalid` event (with its
//! path and reason, and a warning on stderr) and the rest comes out as usual (exit 0).
//! `--download DIR` then fetches each message's media into DIR (see `download`).

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::download::Downloader;
use super::lines::line;
use crate::commands::input::{self, Source, WEBHOOK_PAYLOAD};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};
use crate::webhook::{self, Event};

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The payload (the JSON body 360dialog POSTs); `-` or nothing reads standard input
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,
    /// Fetch each message's media into this folder as <media id>.<ext> (its path becomes `media_path`)
    #[arg(long, value_name = "DIR")]
    pub download: Option<PathBuf>,
}

/// Every event of the payload.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ParseReport(Vec<Event>);

impl Report for ParseReport {
    fn human(&self, _out: &Output) -> String {
        self.0.iter().map(line).collect::<Vec<_>>().join("\n")
    }
}

pub async fn run(ctx: &Context, args: &ParseArgs) -> Result<ParseReport> {
    let source = Source::of(args.file.as_deref());
    let name = source.name();
    let bytes = input::read(&ctx.out, &source, &WEBHOOK_PAYLOAD).await?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::invalid(format!("{name} is empty: expected a webhook payload (JSON)")));
    }
    let value =
        webhook::from_slice(&bytes).map_err(|err| Error::invalid(format!("{name} is not JSON: {err}")))?;
    let media = super::media_base(ctx).await;
    let mut events = webhook::parse(&value, &media).map_err(|err| {
        Error::invalid(format!("{name} is not a readable webhook payload: {err}")).with_hint(
            "give the JSON body 360dialog POSTs to the webhook: a Cloud API envelope or an on-premise payload",
        )
    })?;
    if events.is_empty() {
        ctx.out.info(&format!("{name}: no message, status or error events in this payload"));
    }
    let invalid = events.iter().filter(|e| e.as_invalid().is_some()).count();
    if invalid > 0 {
        ctx.out.warn(&format!(
            "{name}: {invalid} item(s) could not be read; each is an `invalid` event with its path and reason"
        ));
    }
    if let Some(dir) = &args.download {
        Downloader::new(ctx, dir).await?.fetch(&ctx.out, &mut events).await;
    }
    Ok(ParseReport(events))
}
