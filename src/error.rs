//! The one error type commands return: a kind that fixes the exit code (SPEC 3), the message,
//! the chain of causes, an optional hint and the API's error code, rendered once by `output`.

use std::fmt;

use crate::api;

/// Exit codes of SPEC section 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 1: the operation failed (API refusal, failed check, rejected template, timeout of a wait).
    Failed,
    /// 2: bad flags, or a prompt was needed without a terminal.
    Usage,
    /// 3: invalid input found locally; nothing was sent.
    Invalid,
    /// 4: no API key, or the API rejected it.
    Auth,
    /// 5: unreachable, DNS, TLS, timeout after retries.
    Network,
    /// 130: interrupted.
    Interrupted,
}

impl Kind {
    /// The process exit code for this kind.
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Failed => 1,
            Kind::Usage => 2,
            Kind::Invalid => 3,
            Kind::Auth => 4,
            Kind::Network => 5,
            Kind::Interrupted => 130,
        }
    }
}

/// A failure as the user sees it.
#[derive(Debug)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub causes: Vec<String>,
    pub hint: Option<String>,
    /// The API's error code, when the API sent one.
    pub code: Option<i64>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), causes: Vec::new(), hint: None, code: None }
    }

    pub fn failed(message: impl Into<String>) -> Self {
        Self::new(Kind::Failed, message)
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(Kind::Invalid, message)
    }

    pub fn interrupted() -> Self {
        Self::new(Kind::Interrupted, "interrupted")
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_cause(mut self, cause: impl fmt::Display) -> Self {
        self.causes.push(cause.to_string());
        self
    }

    /// Puts `context` in front: the old message becomes the first cause.
    pub fn context(mut self, context: impl Into<String>) -> Self {
        let inner = std::mem::replace(&mut self.message, context.into());
        self.causes.insert(0, inner);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<crate::config::Error> for Error {
    fn from(err: crate::config::Error) -> Self {
        let hint = err.hint();
        let mut out = Error::new(Kind::Failed, err.to_string());
        if let crate::config::Error::Io { source, .. } = &err {
            out = out.with_cause(source);
        }
        match hint {
            Some(hint) => out.with_hint(hint),
            None => out,
        }
    }
}

impl From<api::Error> for Error {
    fn from(err: api::Error) -> Self {
        let mut out = Error::new(kind_of(&err), err.to_string());
        out.hint = api_hint(&err);
        if let api::Error::Api(api_err) = &err {
            out.code = api_err.code;
            out.causes.extend(api_err.details.iter().cloned());
        }
        if let api::Error::Network { cause, .. } = &err {
            out.causes.push(cause.clone());
        }
        out
    }
}

/// The exit-code kind of an API failure.
pub fn kind_of(err: &api::Error) -> Kind {
    match err {
        api::Error::Api(api_err) if api_err.is_auth() => Kind::Auth,
        api::Error::Api(_)
        | api::Error::Decode { .. }
        | api::Error::Redirect { .. }
        | api::Error::TooLarge { .. }
        | api::Error::Paging { .. }
        | api::Error::Internal(_) => Kind::Failed,
        api::Error::InsecureBaseUrl { .. } | api::Error::InvalidBaseUrl { .. } => Kind::Invalid,
        api::Error::InvalidKey => Kind::Auth,
        api::Error::Network { .. } => Kind::Network,
    }
}

fn api_hint(err: &api::Error) -> Option<String> {
    match err {
        api::Error::Api(api_err) if api_err.is_auth() => Some(
            "the API rejected the key: check it in the 360dialog hub, then run `whatsapp-ctl auth login`"
                .into(),
        ),
        api::Error::InsecureBaseUrl { .. } => Some(
            "use an https:// base URL; plain http:// is allowed only for loopback hosts such as 127.0.0.1"
                .into(),
        ),
        api::Error::Network { .. } => Some(
            "check the network and the base URL (`whatsapp-ctl auth status`), or raise --timeout / --retries"
                .into(),
        ),
        api::Error::Redirect { .. } => Some(
            "the base URL is out of date or not the API's: check it (`whatsapp-ctl auth status`); if the \
             API really moved, give the new address with --base-url or `auth login --base-url URL`"
                .into(),
        ),
        api::Error::TooLarge { .. } => Some(
            "check that the base URL points at the 360dialog API (`whatsapp-ctl auth status`); a listing \
             can be narrowed with --status, --name or --limit"
                .into(),
        ),
        api::Error::Paging { .. } => Some(
            "the server does not page like the 360dialog API: check the base URL (`whatsapp-ctl auth \
             status`), or fetch fewer with --limit"
                .into(),
        ),
        api::Error::Api(api_err) if (200..300).contains(&api_err.status) => Some(
            "a success status carrying an error: check that the base URL points at the 360dialog API \
             (`whatsapp-ctl auth status`); -vv shows the answer"
                .into(),
        ),
        api::Error::Decode { .. } => Some(
            "check that the base URL points at the 360dialog API (`whatsapp-ctl auth status`); -vv shows \
             the answer"
                .into(),
        ),
        _ => None,
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::failed(err.to_string())
    }
}
