//! `channel profile show`: `{"about","address","description","email","websites","vertical",
//! "profile_picture_url"}`, `null` (websites: `[]`) for what is not set.

use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};
use crate::profile::Profile;

/// The profile report.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Shown(pub Profile);

impl Report for Shown {
    fn human(&self, out: &Output) -> String {
        let p = &self.0;
        let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        let websites = if p.websites.is_empty() { "-".to_owned() } else { p.websites.join("\n") };
        let rows = [
            ("about", or_dash(&p.about)),
            ("address", or_dash(&p.address)),
            ("description", or_dash(&p.description)),
            ("email", or_dash(&p.email)),
            ("websites", websites),
            ("vertical", or_dash(&p.vertical)),
            ("profile picture", or_dash(&p.profile_picture_url)),
        ];
        let rows = rows.into_iter().map(|(k, v)| vec![k.to_owned(), v]);
        out.table(&["", ""], rows).lines().skip(1).collect::<Vec<_>>().join("\n")
    }
}

pub async fn run(ctx: &Context) -> Result<Shown> {
    let (client, _) = ctx.client().await?;
    let fields = client
        .business_profile()
        .await
        .map_err(|e| Error::from(e).context("reading the business profile failed"))?;
    Ok(Shown(Profile::from_fields(&fields)))
}
