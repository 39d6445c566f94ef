//! Command-line mistakes that clap finds: shown as clap shows them, or, when `--json` was
//! given, as the JSON error object on stderr like every other error (exit 2 either way).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::error::Error;
use crate::output::Output;

/// Reports a parse failure and returns the exit code (help and version exit 0 as usual).
pub fn report(mut err: clap::Error, args: &[OsString]) -> u8 {
    if let Some(tip) = descending_sort_tip(args) {
        let _ = err.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![tip.into()]));
    }
    let wants_json = args.iter().skip(1).take_while(|a| *a != "--").any(|a| a == "--json");
    if !wants_json || matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        err.exit();
    }
    Output::new(true, false, 0, true).error(&to_error(&err));
    crate::error::Kind::Usage.exit_code()
}

/// `--sort -name` reads `-name` as flags: the tip says to write `--sort=-name`.
fn descending_sort_tip(args: &[OsString]) -> Option<String> {
    let args: Vec<&str> = args.iter().take_while(|a| *a != "--").filter_map(|a| a.to_str()).collect();
    args.windows(2).find_map(|pair| match pair {
        ["--sort", value] if value.starts_with('-') && !value.starts_with("--") => {
            Some(format!("to sort descending, write the value with '=': '--sort={value}'"))
        }
        _ => None,
    })
}

/// clap's text as message, causes and hint: "error: X" / detail lines / "For more information ...".
fn to_error(err: &clap::Error) -> Error {
    let text = err.render().to_string();
    let mut lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    let first = lines.next().unwrap_or("invalid command line");
    let mut out = Error::usage(first.strip_prefix("error: ").unwrap_or(first));
    for line in lines {
        if line.starts_with("For more information") || line.starts_with("Usage:") {
            continue;
        }
        out = out.with_cause(line);
    }
    out.with_hint("see `whatsapp-ctl help` or add --help to the command for its usage")
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn a_clap_error_becomes_message_causes_and_hint() {
        let err = crate::cli::Cli::command()
            .try_get_matches_from(["whatsapp-ctl", "templates", "list", "--status", "aproved"])
            .err();
        let Some(err) = err else { panic!("a bad --status parsed") };
        let error = to_error(&err);
        assert!(error.message.starts_with("invalid value 'aproved' for '--status"), "{}", error.message);
        assert!(error.causes.iter().any(|c| c.contains("approved")), "{:?}", error.causes);
    }

    #[test]
    fn a_descending_sort_without_equals_gets_a_tip() {
        let args: Vec<OsString> =
            ["whatsapp-ctl", "templates", "list", "--sort", "-name"].iter().map(OsString::from).collect();
        assert_eq!(
            descending_sort_tip(&args).as_deref(),
            Some("to sort descending, write the value with '=': '--sort=-name'")
        );
        let Some(mut err) = crate::cli::Cli::command().try_get_matches_from(&args).err() else {
            panic!("`--sort -name` parsed")
        };
        let tip = descending_sort_tip(&args).unwrap_or_default();
        let _ = err.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![tip.into()]));
        assert!(to_error(&err).causes.iter().any(|c| c.contains("'--sort=-name'")), "{err}");
    }
}
