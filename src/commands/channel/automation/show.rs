//! `channel automation show`: `{"enable_welcome_message","prompts","commands"}`.

use serde::Serialize;

use crate::automation::Automation;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

/// The settings report.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Shown(pub Automation);

impl Report for Shown {
    fn human(&self, out: &Output) -> String {
        let a = &self.0;
        let mut rows = vec![vec![
            "welcome message".to_owned(),
            if a.enable_welcome_message { "on" } else { "off" }.to_owned(),
        ]];
        rows.extend(a.prompts.iter().map(|p| vec!["prompt".to_owned(), p.clone()]));
        rows.extend(
            a.commands.iter().map(|c| vec![format!("/{}", c.command_name), c.command_description.clone()]),
        );
        out.table(&["", ""], rows).lines().skip(1).collect::<Vec<_>>().join("\n")
    }
}

pub async fn run(ctx: &Context) -> Result<Shown> {
    let client = super::cloud_client(ctx).await?;
    let raw = client
        .conversational_automation()
        .await
        .map_err(|e| Error::from(e).context("reading the conversational components failed"))?;
    Ok(Shown(Automation::from_value(&raw)))
}
