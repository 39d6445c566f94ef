//! Command-line mistakes that clap finds: shown as clap shows them, or, when `--json` was
//! given, as the JSON error object on stderr like every other error (exit 2 either way).

use std::ffi::OsString;

use clap::error::ErrorKind;

use crate::error::Error;
use crate::output::Output;

/// Reports a parse failure and returns the exit code (help and version exit 0 as usual).
pub fn report(err: clap::Error, args: &[OsString]) -> u8 {
    let wants_json = args.iter().skip(1).take_while(|a| *a != "--").any(|a| a == "--json");
    if !wants_json || matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        err.exit();
    }
    Output::new(true, false, 0, true).error(&to_error(&err));
    crate::error::Kind::Usage.exit_code()
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
}
