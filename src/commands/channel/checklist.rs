//! The human form of a check report: one line per check (status, name, detail, time) and a
//! summary line; the JSON form is the report itself (SPEC 4).

use serde::Serialize;

use crate::checks::{CheckReport, Status};
use crate::error::Kind;
use crate::output::{Output, Report};

/// `channel check`'s result: `{"ok","checks"}`.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ChecksView(pub CheckReport);

impl Report for ChecksView {
    fn human(&self, out: &Output) -> String {
        render(out, &self.0)
    }

    fn failure(&self) -> Option<Kind> {
        (!self.0.ok).then_some(Kind::Failed)
    }
}

/// The checklist and its summary.
pub fn render(out: &Output, report: &CheckReport) -> String {
    // Shown in colour only where the stream it is written to has colour.
    let paint = |text: &str, style: &str| out.paint(text, style);
    let width = report.checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut lines: Vec<String> = report
        .checks
        .iter()
        .map(|check| {
            let (word, style) = match check.status {
                Status::Pass => ("PASS", "32"),
                Status::Warn => ("WARN", "33;1"),
                Status::Fail => ("FAIL", "31;1"),
                Status::Skip => ("SKIP", "2"),
            };
            let time = if check.status == Status::Skip {
                String::new()
            } else {
                format!(" ({} ms)", check.elapsed_ms)
            };
            format!("{}  {:<width$}  {}{time}", paint(word, style), check.name, check.detail)
        })
        .collect();
    lines.push(String::new());
    lines.push(summary(report));
    lines.join("\n")
}

fn summary(report: &CheckReport) -> String {
    let counts = [
        (report.count(Status::Pass), "passed"),
        (report.count(Status::Warn), "warned"),
        (report.count(Status::Fail), "failed"),
        (report.count(Status::Skip), "skipped"),
    ];
    let parts: Vec<String> =
        counts.iter().filter(|(n, _)| *n > 0).map(|(n, word)| format!("{n} {word}")).collect();
    let verdict = if report.ok {
        "channel ok"
    } else if report.count(Status::Fail) > 0 {
        "channel NOT ok"
    } else {
        "channel NOT ok (--strict: warnings count as failures)"
    };
    format!("{verdict}: {}", parts.join(", "))
}
