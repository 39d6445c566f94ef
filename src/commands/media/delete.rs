//! `media delete ID`: Cloud `DELETE /{media_id}`, on-premise `DELETE /v1/media/{id}`.

use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The media id to delete
    #[arg(value_name = "ID")]
    pub id: String,
}

/// `{"id","deleted":true}`.
#[derive(Debug, Serialize)]
pub struct Deleted {
    pub id: String,
    pub deleted: bool,
}

impl Report for Deleted {
    fn human(&self, _out: &Output) -> String {
        format!("Deleted media {}", self.id)
    }
}

pub async fn run(ctx: &Context, args: &DeleteArgs) -> Result<Deleted> {
    let (client, _) = ctx.client().await?;
    client
        .delete_media(&args.id)
        .await
        .map_err(|e| Error::from(e).context(format!("deleting media {} failed", args.id)))?;
    Ok(Deleted { id: args.id.clone(), deleted: true })
}
