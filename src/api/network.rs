//! What a network failure was (never connected, timed out, broke after sending), the one walker
//! over an error's causes, and URLs as they may be shown (credentials in them masked).

use std::fmt;

use url::Url;

/// How a request failed on the network; decides whether the server may have acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkKind {
    /// No connection was made (refused, DNS, TLS handshake, connect timeout): nothing was sent.
    NotConnected,
    /// No answer in time after the request went out.
    TimedOut,
    /// The connection broke after the request went out.
    Broken,
}

impl NetworkKind {
    /// Sorts a reqwest failure; `connect` says reqwest saw it while connecting.
    pub(super) fn of(err: &reqwest::Error) -> Self {
        if err.is_connect() {
            NetworkKind::NotConnected
        } else if err.is_timeout() {
            NetworkKind::TimedOut
        } else {
            NetworkKind::Broken
        }
    }

    /// False only when the request certainly never reached the server.
    pub fn may_have_reached_server(self) -> bool {
        self != NetworkKind::NotConnected
    }
}

impl fmt::Display for NetworkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NetworkKind::NotConnected => "connection failed",
            NetworkKind::TimedOut => "timed out",
            NetworkKind::Broken => "the connection broke",
        })
    }
}

/// Every distinct message along an error's `source()` chain, outermost first.
pub fn error_chain(err: &(dyn std::error::Error + 'static)) -> Vec<String> {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(inner) = source {
        let text = inner.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = inner.source();
    }
    parts
}

/// The URL with any `user:password@` replaced by `redacted@`, for messages and traces.
pub fn redact_url(url: &Url) -> String {
    if url.username().is_empty() && url.password().is_none() {
        return url.to_string();
    }
    let mut shown = url.clone();
    // Both setters only fail for URLs that cannot have credentials, which then have none.
    let _ = shown.set_password(None);
    let _ = shown.set_username("redacted");
    shown.to_string()
}

/// [`redact_url`] for text that may not parse as a URL.
pub fn redact_raw(raw: &str) -> String {
    if let Ok(url) = Url::parse(raw.trim()) {
        if url.username().is_empty() && url.password().is_none() {
            return raw.to_owned();
        }
        return redact_url(&url);
    }
    let start = raw.find("://").map_or(0, |i| i + 3);
    let authority_end = raw[start..].find(['/', '?', '#']).map_or(raw.len(), |i| start + i);
    match raw[start..authority_end].rfind('@') {
        Some(at) => format!("{}redacted{}", &raw[..start], &raw[start + at..]),
        None => raw.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_urls_are_masked() {
        let url = Url::parse("https://user:s3cret@example.com/v1?x=1").expect("url");
        assert_eq!(redact_url(&url), "https://redacted@example.com/v1?x=1");
        assert_eq!(redact_raw("https://u:s3cret@exa mple.com/x"), "https://redacted@exa mple.com/x");
        assert_eq!(redact_raw("no url at all"), "no url at all");
        let plain = Url::parse("http://127.0.0.1:8080/").expect("url");
        assert_eq!(redact_url(&plain), "http://127.0.0.1:8080/");
    }

    #[test]
    fn a_refused_connection_never_reached_the_server() {
        assert!(!NetworkKind::NotConnected.may_have_reached_server());
        assert!(NetworkKind::TimedOut.may_have_reached_server());
        assert!(NetworkKind::Broken.may_have_reached_server());
    }
}
