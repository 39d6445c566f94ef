//! Small helpers shared by the emulator modules: the clock, RFC 3339 rendering, random
//! identifiers, phone numbers and URL hosts.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Seconds since the Unix epoch.
pub fn now_secs() -> u64 {
    now_ms() / 1000
}

/// `2024-05-01T12:00:00Z` for a Unix time in milliseconds.
pub fn rfc3339(ms: u64) -> String {
    let secs = ms / 1000;
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rest = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// `n` random ASCII letters and digits.
pub fn random_alnum(n: usize) -> String {
    (0..n).map(|_| fastrand::alphanumeric()).collect()
}

/// `n` random lower-case hexadecimal digits.
pub fn random_hex(n: usize) -> String {
    const HEX: &[u8] = b"0123456789abcdef";
    (0..n).map(|_| char::from(HEX[fastrand::usize(..HEX.len())])).collect()
}

/// The WhatsApp id of a phone number written with an optional leading `+` and 8 to 15 digits.
pub fn normalize_phone(raw: &str) -> Option<String> {
    let digits = raw.trim().strip_prefix('+').unwrap_or(raw.trim());
    let ok = (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| digits.to_string())
}

/// The parts of an absolute URL that the emulator's rules look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    /// Lower-case scheme (`https`).
    pub scheme: String,
    /// Host as written, without brackets around IPv6 addresses.
    pub host: String,
    /// Whether the authority names a port explicitly (`:8443`).
    pub explicit_port: bool,
    /// Path without query and fragment.
    pub path: String,
}

/// Splits `scheme://[userinfo@]host[:port]/path?query#fragment`; `None` when it is not an
/// absolute URL with a host.
pub fn split_url(raw: &str) -> Option<UrlParts> {
    reqwest::Url::parse(raw).ok()?;
    let (scheme, rest) = raw.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, explicit_port) = if let Some(inner) = host_port.strip_prefix('[') {
        let (host, after) = inner.split_once(']')?;
        (host, after.starts_with(':'))
    } else {
        match host_port.split_once(':') {
            Some((host, _)) => (host, true),
            None => (host_port, false),
        }
    };
    if host.is_empty() {
        return None;
    }
    let tail = &rest[end..];
    let path_end = tail.find(['?', '#']).unwrap_or(tail.len());
    Some(UrlParts {
        scheme: scheme.to_ascii_lowercase(),
        host: host.to_string(),
        explicit_port,
        path: tail[..path_end].to_string(),
    })
}

/// Whether `host` is `localhost`, an address in 127.0.0.0/8, or `::1`.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_renders_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_709_294_400_000), "2024-03-01T12:00:00Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn normalize_phone_accepts_plus_and_refuses_letters_and_short_numbers() {
        assert_eq!(normalize_phone("+4915112345678").as_deref(), Some("4915112345678"));
        assert_eq!(normalize_phone("12345678").as_deref(), Some("12345678"));
        assert_eq!(normalize_phone("1234567"), None);
        assert_eq!(normalize_phone("49151abc45678"), None);
        assert_eq!(normalize_phone("1234567890123456"), None);
    }

    #[test]
    fn split_url_sees_explicit_ports_and_ipv6_hosts() {
        let parts = split_url("https://user@hooks.example.com:8443/a/b.png?x=1").expect("url");
        assert_eq!(parts.host, "hooks.example.com");
        assert!(parts.explicit_port);
        assert_eq!(parts.path, "/a/b.png");
        let v6 = split_url("http://[::1]:9000/hook").expect("url");
        assert_eq!(v6.host, "::1");
        assert!(v6.explicit_port);
        assert!(is_loopback_host(&v6.host));
        assert!(is_loopback_host("127.8.9.10"));
        assert!(!is_loopback_host("128.0.0.1"));
        assert!(split_url("not a url").is_none());
    }
}
