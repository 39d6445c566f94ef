//! 360dialog's rules for what a webhook registration may hold, as pure functions shared by
//! `channel check`, `channel activate` and `webhook listen`: the URL (https, no explicit port,
//! no underscore in the host; loopback hosts allowed), `NAME=VALUE` header arguments, and the
//! masking of header values for display.

use url::{Host, Url};

/// A webhook URL that passed the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookUrl {
    /// The parsed URL.
    pub url: Url,
    /// The host is `localhost`, 127.0.0.0/8 or `::1`: allowed (any scheme of http/https, any
    /// port) so that the emulator and `webhook listen` can be used, but 360dialog itself can never
    /// deliver there.
    pub loopback: bool,
}

/// Why a webhook URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    /// Nothing was given.
    #[error("the webhook URL is empty")]
    Empty,
    /// Not an absolute URL.
    #[error("{url:?} is not an absolute URL ({reason})")]
    NotAUrl {
        /// What was given.
        url: String,
        /// The parser's complaint.
        reason: String,
    },
    /// The URL has no host part.
    #[error("{url:?} has no host")]
    NoHost {
        /// What was given.
        url: String,
    },
    /// Not https (and not a loopback host).
    #[error("{url:?} uses {scheme}://, but 360dialog delivers only to https:// URLs")]
    NotHttps {
        /// What was given.
        url: String,
        /// Its scheme.
        scheme: String,
    },
    /// The host has an underscore.
    #[error("the host {host:?} contains '_', which 360dialog does not accept in webhook URLs")]
    Underscore {
        /// The host.
        host: String,
    },
    /// The URL names a port.
    #[error("{url:?} names a port ({port}), which 360dialog does not accept in webhook URLs")]
    ExplicitPort {
        /// What was given.
        url: String,
        /// The port as written, with its colon.
        port: String,
    },
}

impl UrlProblem {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            UrlProblem::Empty | UrlProblem::NotAUrl { .. } | UrlProblem::NoHost { .. } => {
                "give the full URL of your webhook, e.g. https://hooks.example.com/whatsapp"
            }
            UrlProblem::NotHttps { .. } => {
                "serve the webhook over https (plain http is accepted only for loopback hosts such as 127.0.0.1)"
            }
            UrlProblem::Underscore { .. } => "use a host name without '_' (e.g. a '-' instead)",
            UrlProblem::ExplicitPort { .. } => {
                "serve the webhook on the default https port 443 (e.g. behind a reverse proxy) and drop the :port"
            }
        }
    }
}

/// Checks a webhook URL against 360dialog's rules: https, no explicit `:port`, no `_` in the
/// host. Loopback hosts are accepted with http or https and any port (see [`WebhookUrl::loopback`]).
pub fn check_webhook_url(raw: &str) -> Result<WebhookUrl, UrlProblem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(UrlProblem::Empty);
    }
    let url = Url::parse(raw)
        .map_err(|err| UrlProblem::NotAUrl { url: raw.to_owned(), reason: err.to_string() })?;
    let host = match url.host() {
        Some(Host::Domain(domain)) if !domain.is_empty() => domain.to_owned(),
        Some(Host::Domain(_)) | None => return Err(UrlProblem::NoHost { url: raw.to_owned() }),
        Some(other) => other.to_string(),
    };
    let loopback = crate::api::is_loopback(&url);
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        scheme => return Err(UrlProblem::NotHttps { url: raw.to_owned(), scheme: scheme.to_owned() }),
    }
    if loopback {
        return Ok(WebhookUrl { url, loopback });
    }
    if host.contains('_') {
        return Err(UrlProblem::Underscore { host });
    }
    if let Some(port) = explicit_port(raw) {
        return Err(UrlProblem::ExplicitPort { url: raw.to_owned(), port });
    }
    Ok(WebhookUrl { url, loopback })
}

/// The `:port` written in the authority of `raw`, if any (the URL parser drops a default port,
/// but 360dialog refuses any `:xxxx`).
fn explicit_port(raw: &str) -> Option<String> {
    let rest = raw.split_once("://")?.1;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let after_host = match host_port.strip_prefix('[') {
        Some(inner) => inner.split_once(']').map_or("", |(_, after)| after),
        None => host_port.find(':').map_or("", |at| &host_port[at..]),
    };
    (!after_host.is_empty()).then(|| after_host.to_owned())
}

/// Why a `NAME=VALUE` header argument is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeaderProblem {
    /// No `=`.
    #[error("header {0:?} is not NAME=VALUE")]
    NoEquals(String),
    /// The name is empty or has characters a header name cannot have.
    #[error("header name {0:?} is not a valid HTTP header name")]
    BadName(String),
    /// The name has an underscore.
    #[error("header name {0:?} contains '_', which 360dialog does not accept in webhook headers")]
    Underscore(String),
    /// The value has control characters.
    #[error("the value of header {0} has control characters (line breaks?)")]
    BadValue(String),
    /// `@FILE` or `env:VAR` could not be read.
    #[error("the value of header {name} could not be read: {reason}")]
    Source { name: String, reason: String },
}

/// Splits a `NAME=VALUE` argument (`--header`, `--require-header`) and checks both halves.
pub fn parse_header(arg: &str) -> Result<(String, String), HeaderProblem> {
    let Some((name, value)) = arg.split_once('=') else {
        // The argument may be a secret with its `=` forgotten: never shown.
        return Err(HeaderProblem::NoEquals(mask(arg)));
    };
    let name = name.trim();
    let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(token) {
        return Err(HeaderProblem::BadName(name.to_owned()));
    }
    if name.contains('_') {
        return Err(HeaderProblem::Underscore(name.to_owned()));
    }
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Err(HeaderProblem::BadValue(name.to_owned()));
    }
    Ok((name.to_owned(), value.to_owned()))
}

/// [`parse_header`] with the value taken from a file (`NAME=@PATH`, trailing newline dropped) or
/// the environment (`NAME=env:VAR`), so that a secret need not be a process argument.
pub fn parse_header_arg(arg: &str) -> Result<(String, String), HeaderProblem> {
    let (name, value) = parse_header(arg)?;
    let source = |reason: String| HeaderProblem::Source { name: name.clone(), reason };
    let value = match crate::secret::SecretSource::of(&value) {
        crate::secret::SecretSource::Literal => value,
        other => other.read().map_err(source)?,
    };
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Err(HeaderProblem::BadValue(name));
    }
    Ok((name, value))
}

/// A header value for display: `…` and its last 4 characters when it has more than 8, else
/// `****` (short values would be guessable from their tail).
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= 8 {
        return "****".to_owned();
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("…{tail}")
}

/// Two webhook URLs name the same place: equal once parsed (so `http://h:1` = `http://h:1/`),
/// else equal as trimmed text.
pub fn same_url(a: &str, b: &str) -> bool {
    match (Url::parse(a.trim()), Url::parse(b.trim())) {
        (Ok(a), Ok(b)) => a == b,
        _ => a.trim() == b.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(raw: &str) -> UrlProblem {
        check_webhook_url(raw).expect_err("refused")
    }

    #[test]
    fn https_without_port_or_underscore_is_accepted() {
        let ok = check_webhook_url(" https://hooks.example.com/wa?x=1 ").expect("accepted");
        assert!(!ok.loopback);
        assert_eq!(ok.url.as_str(), "https://hooks.example.com/wa?x=1");
        assert!(check_webhook_url("https://user@hooks.example.com/").is_ok());
    }

    #[test]
    fn cloud_rules_refuse_http_ports_and_underscores() {
        assert!(
            matches!(problem("http://hooks.example.com/wa"), UrlProblem::NotHttps { scheme, .. } if scheme == "http")
        );
        assert!(matches!(problem("ftp://hooks.example.com/"), UrlProblem::NotHttps { .. }));
        assert_eq!(
            problem("https://my_hooks.example.com/wa"),
            UrlProblem::Underscore { host: "my_hooks.example.com".into() }
        );
        assert!(
            matches!(problem("https://hooks.example.com:8443/wa"), UrlProblem::ExplicitPort { port, .. } if port == ":8443")
        );
        // The parser drops the default port; 360dialog still refuses the written ":443".
        assert!(matches!(problem("https://hooks.example.com:443/wa"), UrlProblem::ExplicitPort { .. }));
        assert!(matches!(problem("https://[2001:db8::1]:8443/"), UrlProblem::ExplicitPort { .. }));
        assert!(check_webhook_url("https://[2001:db8::1]/wa").is_ok());
        // An underscore in the path is fine.
        assert!(check_webhook_url("https://hooks.example.com/my_hook").is_ok());
    }

    #[test]
    fn garbage_is_refused_with_a_reason() {
        assert_eq!(problem("  "), UrlProblem::Empty);
        assert!(matches!(problem("hooks.example.com/wa"), UrlProblem::NotAUrl { .. }));
        assert!(matches!(problem("https://"), UrlProblem::NotAUrl { .. } | UrlProblem::NoHost { .. }));
        assert!(problem("http://hooks.example.com").to_string().contains("only to https://"));
    }

    #[test]
    fn loopback_hosts_are_allowed_with_http_and_ports() {
        for raw in
            ["http://127.0.0.1:8090/", "http://localhost:9/hook", "https://[::1]:8443/", "http://127.1.2.3/"]
        {
            let ok = check_webhook_url(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert!(ok.loopback, "{raw}");
        }
        assert!(matches!(problem("ftp://127.0.0.1/"), UrlProblem::NotHttps { .. }));
    }

    #[test]
    fn headers_are_name_equals_value() {
        assert_eq!(parse_header("X-Secret=a=b c"), Ok(("X-Secret".into(), "a=b c".into())));
        assert_eq!(parse_header("X-Empty="), Ok(("X-Empty".into(), String::new())));
        assert_eq!(parse_header("X-Secret"), Err(HeaderProblem::NoEquals("****".into())));
        assert_eq!(
            parse_header("sk-live-123456789"),
            Err(HeaderProblem::NoEquals(mask("sk-live-123456789")))
        );
        assert_eq!(parse_header("=v"), Err(HeaderProblem::BadName(String::new())));
        assert_eq!(parse_header("X Secret=v"), Err(HeaderProblem::BadName("X Secret".into())));
        assert_eq!(parse_header("X_Secret=v"), Err(HeaderProblem::Underscore("X_Secret".into())));
        assert_eq!(parse_header("X-Secret=a\nb"), Err(HeaderProblem::BadValue("X-Secret".into())));
    }

    #[test]
    fn masks_keep_only_a_short_tail_of_long_values() {
        assert_eq!(mask("s3cr3t-value-9876"), "…9876");
        assert_eq!(mask("12345678"), "****");
        assert_eq!(mask(""), "****");
    }

    #[test]
    fn same_url_ignores_the_implicit_root_path() {
        assert!(same_url("http://127.0.0.1:1", "http://127.0.0.1:1/"));
        assert!(!same_url("https://a.example/x", "https://a.example/y"));
        assert!(same_url("not a url", " not a url "));
    }
}
