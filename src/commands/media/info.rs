//! `media info ID`: Cloud `GET /{media_id}`: url, type, sha256 and size.

use clap::Args;
use serde::Serialize;

use crate::api::{Flavour, MediaInfo};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// The media id (from `media upload` or an incoming message)
    #[arg(value_name = "ID")]
    pub id: String,
}

/// `{"id","url","mime_type","sha256","file_size"}`.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Info(pub MediaInfo);

impl Report for Info {
    fn human(&self, out: &Output) -> String {
        let m = &self.0;
        let rows = [
            ("id", m.id.clone()),
            ("url", m.url.clone()),
            ("mime_type", m.mime_type.clone()),
            ("sha256", m.sha256.clone()),
            ("file_size", m.file_size.to_string()),
        ];
        let rows = rows.into_iter().map(|(k, v)| vec![k.to_owned(), v]);
        out.table(&["", ""], rows).lines().skip(1).collect::<Vec<_>>().join("\n")
    }
}

pub async fn run(ctx: &Context, args: &InfoArgs) -> Result<Info> {
    let (client, _) = ctx.client().await?;
    if client.flavour() == Flavour::OnPremise {
        return Err(Error::usage(
            "media info needs the Cloud API: on-premise has no media metadata endpoint",
        )
        .with_hint(format!("download it instead: whatsapp-ctl media download {}", args.id)));
    }
    let info = client
        .media_info(&args.id)
        .await
        .map_err(|e| Error::from(e).context(format!("media {}", args.id)))?;
    Ok(Info(info))
}
