//! `templates validate FILE...`: WhatsApp's review rules checked locally, every problem at once
//! with its JSON path and line; exit 3 when any template breaks one. Sends nothing.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::files::{Checked, check_files};
use crate::error::Kind;
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Template files: JSON bodies as the API takes them, one object or an array each; `-` reads
    /// standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ValidateReport(pub Vec<Checked>);

impl Report for ValidateReport {
    fn human(&self, out: &Output) -> String {
        let mut text: Vec<String> = self.0.iter().map(|row| row.human(out, "ok")).collect();
        let bad = self.0.iter().filter(|r| !r.ok).count();
        if bad > 0 {
            let problems: usize = self.0.iter().map(|r| r.problems.len()).sum();
            text.push(format!(
                "{problems} problem(s) in {bad} of {} template(s); nothing was sent",
                self.0.len()
            ));
        }
        text.join("\n")
    }

    fn failure(&self) -> Option<Kind> {
        self.0.iter().any(|r| !r.ok).then_some(Kind::Invalid)
    }
}

pub async fn run(out: &Output, args: &ValidateArgs) -> ValidateReport {
    ValidateReport(check_files(out, &args.files).await)
}
