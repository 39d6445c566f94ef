//! Whether an API accepts a key, as `auth status` and `partner status` report it: the `verified`
//! field, the reason it could not be told, and the exit kind of the report.

use serde::Serialize;

use crate::error::{Error, Kind};
use crate::output::Output;

/// The outcome of checking a key. Only `verified` is in the JSON (flattened into the report);
/// the rest decides the human text and the exit code.
#[derive(Debug, Default, Serialize)]
pub struct KeyCheck {
    /// `true` accepted, `false` rejected, `null` not checked or not told.
    pub verified: Option<bool>,
    /// Why the check could not tell (the API could not be reached, a server error).
    #[serde(skip)]
    pub problem: Option<String>,
    /// The exit kind of the report: `Auth` for no key or a rejected one.
    #[serde(skip)]
    pub failure: Option<Kind>,
}

impl KeyCheck {
    /// No key to check: exit 4, and `warning` (on stderr) says how to get one.
    pub fn missing(out: &Output, warning: &str) -> Self {
        out.warn(warning);
        Self { failure: Some(Kind::Auth), ..Self::default() }
    }

    /// The result of the call that checks the key: accepted (the call's value is returned),
    /// rejected (an auth error, exit 4), or not told (the error's own exit code, its message
    /// kept as the reason). A failure is also warned on stderr.
    pub fn judge<T>(out: &Output, result: Result<T, Error>) -> (Self, Option<T>) {
        let err = match result {
            Ok(value) => return (Self { verified: Some(true), ..Self::default() }, Some(value)),
            Err(err) => err,
        };
        out.warn(&err.message);
        let mut check = Self { failure: Some(err.kind), ..Self::default() };
        if err.kind == Kind::Auth {
            check.verified = Some(false);
        } else {
            check.problem = Some(format!("could not check: {}", err.message));
        }
        (check, None)
    }

    /// The value of the `verified` row; `api` names the judge ("API", "partner API").
    pub fn human(&self, api: &str) -> String {
        match self.verified {
            Some(true) => format!("yes, the {api} accepts the key"),
            Some(false) => format!("no, the {api} rejected the key"),
            None => self.problem.clone().unwrap_or_else(|| "not checked".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiet() -> Output {
        Output::new(false, true, 0, true)
    }

    #[test]
    fn an_accepted_key_is_verified_and_keeps_the_value() {
        let (check, value) = KeyCheck::judge(&quiet(), Ok::<_, Error>(3));
        assert_eq!((check.verified, check.failure, value), (Some(true), None, Some(3)));
        assert_eq!(check.human("API"), "yes, the API accepts the key");
    }

    #[test]
    fn a_rejected_key_is_not_verified_and_exits_as_auth() {
        let (check, value) = KeyCheck::judge::<()>(&quiet(), Err(Error::new(Kind::Auth, "HTTP 401")));
        assert_eq!((check.verified, check.failure, value), (Some(false), Some(Kind::Auth), None));
        assert_eq!(check.human("partner API"), "no, the partner API rejected the key");
    }

    #[test]
    fn an_unreachable_api_tells_nothing_and_keeps_its_exit_kind() {
        let (check, _) = KeyCheck::judge::<()>(&quiet(), Err(Error::new(Kind::Network, "can't reach it")));
        assert_eq!((check.verified, check.failure), (None, Some(Kind::Network)));
        assert_eq!(check.human("API"), "could not check: can't reach it");
        assert_eq!(serde_json::to_value(&check).ok(), Some(serde_json::json!({"verified": null})));
    }

    #[test]
    fn a_missing_key_is_not_checked_and_exits_as_auth() {
        let check = KeyCheck::missing(&quiet(), "no key");
        assert_eq!((check.verified, check.failure), (None, Some(Kind::Auth)));
        assert_eq!(check.human("API"), "not checked");
    }
}
