//! The `reachability` check ("Can't reach channel"): DNS resolution, TCP connect, TLS handshake
//! (https) and one HTTP request to the base URL, each timed and bounded. Any HTTP answer counts
//! as reachable; the request carries no API key. With a proxy configured for the scheme, only the
//! HTTP request is made (through the proxy), as direct connections would not tell the truth.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::{self, pki_types::ServerName};
use url::{Host, Url};

use super::Outcome;
use crate::api;

const CANT_REACH: &str = "Can't reach channel";

/// Runs the four stages against `base` (None: the base URL is unusable, see `config`).
pub async fn check(base: Option<Url>, step: Duration) -> Outcome {
    let Some(base) = base else {
        return Outcome::skip("skipped: no usable base URL (see config)");
    };
    let mut stages = Vec::new();
    if proxy_configured(&base) {
        stages.push("via proxy (DNS/TCP/TLS not measured)".to_owned());
    } else {
        match direct(&base, step, &mut stages).await {
            Ok(()) => {}
            Err(failure) => return Outcome::fail(format!("{CANT_REACH}: {failure}")),
        }
    }
    match http(&base, step).await {
        Ok((status, ms)) => stages.push(format!("HTTP {status} in {ms} ms")),
        Err(failure) => {
            let shown = api::redact_url(&base);
            return Outcome::fail(format!("{CANT_REACH}: HTTP request to {shown} failed: {failure}"));
        }
    }
    Outcome::pass(stages.join(", "))
}

/// DNS, TCP and TLS, appending each stage's timing to `stages`.
async fn direct(base: &Url, step: Duration, stages: &mut Vec<String>) -> Result<(), String> {
    let port = base.port_or_known_default().unwrap_or(443);
    let host = base.host().ok_or("the base URL has no host")?;
    let addrs: Vec<SocketAddr> = match &host {
        Host::Ipv4(ip) => {
            stages.push("DNS n/a (IP address)".to_owned());
            vec![SocketAddr::new((*ip).into(), port)]
        }
        Host::Ipv6(ip) => {
            stages.push("DNS n/a (IP address)".to_owned());
            vec![SocketAddr::new((*ip).into(), port)]
        }
        Host::Domain(domain) => {
            let started = Instant::now();
            let found = tokio::time::timeout(step, tokio::net::lookup_host((*domain, port)))
                .await
                .map_err(|_| format!("DNS lookup of {domain} timed out after {} ms", step.as_millis()))?
                .map_err(|err| format!("DNS lookup of {domain} failed: {err}"))?
                .collect::<Vec<_>>();
            let first = found.first().ok_or_else(|| format!("DNS lookup of {domain} found no address"))?;
            stages.push(format!("DNS {} ms ({})", ms(started), first.ip()));
            found
        }
    };
    let started = Instant::now();
    let mut last_error = String::new();
    let mut stream = None;
    for addr in addrs.iter().take(3) {
        match tokio::time::timeout(step, TcpStream::connect(addr)).await {
            Ok(Ok(connected)) => {
                stream = Some(connected);
                break;
            }
            Ok(Err(err)) => last_error = format!("TCP connect to {addr} failed: {err}"),
            Err(_) => last_error = format!("TCP connect to {addr} timed out after {} ms", step.as_millis()),
        }
    }
    let stream = stream.ok_or(last_error)?;
    stages.push(format!("TCP {} ms", ms(started)));
    if base.scheme() != "https" {
        stages.push("TLS n/a (http)".to_owned());
        return Ok(());
    }
    let name = match &host {
        Host::Domain(domain) => ServerName::try_from((*domain).to_owned()),
        Host::Ipv4(ip) => Ok(ServerName::IpAddress((*ip).into())),
        Host::Ipv6(ip) => Ok(ServerName::IpAddress((*ip).into())),
    }
    .map_err(|err| format!("TLS: {host} is not a valid server name: {err}"))?;
    let started = Instant::now();
    tokio::time::timeout(step, tls_connector()?.connect(name, stream))
        .await
        .map_err(|_| format!("TLS handshake with {host} timed out after {} ms", step.as_millis()))?
        .map_err(|err| format!("TLS handshake with {host} failed: {err}"))?;
    stages.push(format!("TLS {} ms", ms(started)));
    Ok(())
}

/// A TLS client with the Mozilla roots, as the API client uses.
fn tls_connector() -> Result<TlsConnector, String> {
    let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let config =
        rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|err| format!("TLS setup failed: {err}"))?
            .with_root_certificates(roots)
            .with_no_client_auth();
    Ok(TlsConnector::from(Arc::new(config)))
}

/// One GET of the base URL without the key: (status, ms).
async fn http(base: &Url, step: Duration) -> Result<(u16, u64), String> {
    // A redirect is reported as its status, never followed: it may point anywhere.
    let mut builder = reqwest::Client::builder()
        .timeout(step)
        .connect_timeout(step)
        .redirect(reqwest::redirect::Policy::none());
    if api::is_loopback(base) {
        builder = builder.no_proxy();
    }
    let client = builder.build().map_err(|err| err.to_string())?;
    let started = Instant::now();
    let response = client.get(base.clone()).send().await.map_err(|err| {
        if err.is_timeout() { format!("no answer within {} ms", step.as_millis()) } else { chain(&err) }
    })?;
    Ok((response.status().as_u16(), ms(started)))
}

/// A proxy variable applies to `base` (loopback hosts never go through a proxy here).
fn proxy_configured(base: &Url) -> bool {
    if api::is_loopback(base) {
        return false;
    }
    let names: &[&str] = match base.scheme() {
        "https" => &["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"],
        _ => &["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"],
    };
    names.iter().any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

fn ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        let part = inner.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;

    #[tokio::test]
    async fn a_closed_port_cannot_be_reached_and_says_why() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        let base = Url::parse(&format!("http://127.0.0.1:{port}")).ok();
        let outcome = check(base, Duration::from_secs(2)).await;
        assert_eq!(outcome.status, Status::Fail, "{outcome:?}");
        assert!(outcome.detail.starts_with("Can't reach channel: TCP connect to 127.0.0.1:"), "{outcome:?}");
    }

    #[tokio::test]
    async fn no_base_url_is_a_skip() {
        assert_eq!(check(None, Duration::from_secs(1)).await.status, Status::Skip);
    }
}
