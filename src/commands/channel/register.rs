//! Registering a webhook: `POST /v1/configs/webhook`, read it back, and compare URL and headers.
//! Shared by `channel activate` and the setup wizard.

use crate::api::{Client, Webhook};
use crate::checks::rules::{mask, same_url};
use crate::error::{Error, Result};

/// Sets `wanted` and reads it back; "Couldn't register the webhook" (exit 1) when either call
/// fails or the registration read back differs.
pub async fn register(client: &Client, wanted: &Webhook) -> Result<Webhook> {
    client
        .set_webhook(wanted)
        .await
        .map_err(|err| Error::from(err).context("Couldn't register the webhook"))?;
    let got = client
        .get_webhook()
        .await
        .map_err(|err| Error::from(err).context("Couldn't register the webhook: reading it back failed"))?;
    verify(wanted, &got)?;
    Ok(got)
}

/// The read-back registration equals what was sent (URL and every header).
fn verify(wanted: &Webhook, got: &Webhook) -> Result<()> {
    let wanted_url = wanted.url.as_deref().unwrap_or_default();
    let got_url = got.url.as_deref().unwrap_or_default();
    let mut causes = Vec::new();
    if !same_url(wanted_url, got_url) {
        let shown = if got_url.is_empty() { "no URL" } else { got_url };
        causes.push(format!("360dialog reports {shown}, not {wanted_url}"));
    }
    for (name, value) in &wanted.headers {
        match got.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
            None => causes.push(format!("header {name} is missing from the registration")),
            Some((_, v)) if v != value => causes.push(format!("header {name} is registered as {}", mask(v))),
            Some(_) => {}
        }
    }
    for name in got.headers.keys().filter(|k| !wanted.headers.keys().any(|w| w.eq_ignore_ascii_case(k))) {
        causes.push(format!("header {name} is registered but was not asked for"));
    }
    if causes.is_empty() {
        return Ok(());
    }
    let mut err = Error::failed("Couldn't register the webhook: the registration read back differs");
    for cause in causes {
        err = err.with_cause(cause);
    }
    Err(err.with_hint("try again; if it persists, set the webhook in the 360dialog hub and run `whatsapp-ctl channel check`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;

    fn hook(url: &str, headers: &[(&str, &str)]) -> Webhook {
        Webhook {
            url: Some(url.into()),
            headers: headers.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect(),
        }
    }

    #[test]
    fn a_matching_read_back_verifies() {
        let sent = hook("http://127.0.0.1:9", &[("X-Secret", "abc")]);
        assert!(verify(&sent, &hook("http://127.0.0.1:9/", &[("x-secret", "abc")])).is_ok());
    }

    #[test]
    fn a_different_read_back_names_each_difference_without_the_secret() {
        let sent = hook("https://a.example/wa", &[("X-Secret", "super-secret-value")]);
        let err = verify(&sent, &hook("https://b.example/wa", &[("X-Other", "1")])).expect_err("differs");
        assert_eq!(err.kind, Kind::Failed);
        assert!(err.message.starts_with("Couldn't register the webhook"), "{}", err.message);
        let causes = err.causes.join("\n");
        assert!(
            causes.contains("360dialog reports https://b.example/wa, not https://a.example/wa"),
            "{causes}"
        );
        assert!(causes.contains("header X-Secret is missing"), "{causes}");
        assert!(causes.contains("header X-Other is registered but was not asked for"), "{causes}");
        assert!(!causes.contains("super-secret"), "{causes}");
    }
}
