//! The webhook checks: `webhook-url` (360dialog's URL rules; a loopback host is fine for a local
//! channel and a warning otherwise) and `webhook-reachable` (harmless POSTs of an empty Cloud
//! envelope answer 2xx, with a median latency under the slow threshold).

use std::collections::BTreeMap;
use std::time::Duration;

use super::probe::post_to_hook;
use super::rules::check_webhook_url;
use super::{CheckOptions, Outcome};

/// The body of a probe: a Cloud envelope without entries, which a receiver ignores.
pub const PROBE_BODY: &str = r#"{"object":"whatsapp_business_account","entry":[]}"#;

/// Judges `target` (None: nothing to judge). `local_channel`: the API base URL is loopback too
/// (the emulator), so a loopback webhook is exactly right.
pub async fn url(target: Option<&str>, local_channel: bool) -> Outcome {
    let Some(target) = target else {
        return Outcome::skip("skipped: no webhook URL to check (none registered, no --webhook-url)");
    };
    match check_webhook_url(target) {
        Err(problem) => Outcome::fail(format!("{problem}; {}", problem.hint())),
        Ok(url) if url.loopback && local_channel => {
            Outcome::pass(format!("{target}: loopback host, allowed because the channel is local too"))
        }
        Ok(url) if url.loopback => Outcome::warn(format!(
            "{target}: loopback host, only this machine can reach it; 360dialog cannot deliver to it"
        )),
        Ok(_) => Outcome::pass(format!("{target}: https, no port, no underscore")),
    }
}

/// POSTs [`PROBE_BODY`] `options.probes` times (stopping at the first failure).
pub async fn reachable(
    target: Option<&str>,
    headers: &BTreeMap<String, String>,
    options: &CheckOptions,
) -> Outcome {
    let Some(target) = target else {
        return Outcome::skip("skipped: no webhook URL");
    };
    let headers: Vec<(String, String)> = headers.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut times = Vec::new();
    for _ in 0..options.probes.max(1) {
        let sent = post_to_hook(
            target,
            &headers,
            "application/json",
            PROBE_BODY.as_bytes().to_vec(),
            options.step_timeout,
        )
        .await;
        match sent {
            Ok(reply) if (200..300).contains(&reply.status) => times.push(reply.elapsed),
            Ok(reply) => {
                return Outcome::fail(format!(
                    "{target} answered HTTP {} to a test POST; 360dialog needs a 2xx (it retries otherwise)",
                    reply.status
                ));
            }
            Err(err) => return Outcome::fail(format!("{target} did not answer a test POST: {err}")),
        }
    }
    let median = median(&mut times);
    let summary = format!("median {} ms over {} POSTs", median.as_millis(), times.len());
    if median > options.slow_webhook {
        Outcome::warn(format!(
            "{target} answers 2xx but slowly ({summary}; over {} ms): answer 200 at once and work afterwards",
            options.slow_webhook.as_millis()
        ))
    } else {
        Outcome::pass(format!("{target} answers 2xx ({summary})"))
    }
}

/// The middle value (upper middle for an even count); zero for none.
pub fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;

    #[test]
    fn median_is_the_middle_of_the_sorted_times() {
        let ms = Duration::from_millis;
        assert_eq!(median(&mut [ms(900), ms(10), ms(300)]), ms(300));
        assert_eq!(median(&mut [ms(5)]), ms(5));
        assert_eq!(median(&mut []), Duration::ZERO);
    }

    #[tokio::test]
    async fn loopback_webhooks_pass_for_a_local_channel_and_warn_for_a_remote_one() {
        assert_eq!(url(Some("http://127.0.0.1:9/"), true).await.status, Status::Pass);
        let remote = url(Some("http://127.0.0.1:9/"), false).await;
        assert_eq!(remote.status, Status::Warn);
        assert!(remote.detail.contains("360dialog cannot deliver"), "{remote:?}");
        assert_eq!(url(Some("https://hooks.example.com/wa"), false).await.status, Status::Pass);
        let bad = url(Some("https://hooks.example.com:8443/wa"), false).await;
        assert_eq!(bad.status, Status::Fail);
        assert!(bad.detail.contains("port"), "{bad:?}");
        assert_eq!(url(None, false).await.status, Status::Skip);
    }
}
