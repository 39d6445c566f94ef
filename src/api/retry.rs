//! When to try a request again and how long to wait: exponential backoff with jitter, capped,
//! and `Retry-After` honoured. Which failures qualify depends on whether the request may have
//! acted already (SPEC 2: side effects happen once).

use std::time::Duration;

const BASE_DELAY: Duration = Duration::from_millis(200);
const MAX_DELAY: Duration = Duration::from_secs(10);
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// How safe a request is to repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Safety {
    /// GET and DELETE: repeating does no harm.
    Idempotent,
    /// POST: repeat only when the server certainly did not act.
    SideEffect,
}

/// The delay before retry number `attempt` (0-based): 200 ms doubling, ±50 % jitter, at most 10 s.
pub fn backoff(attempt: u32) -> Duration {
    let exponential = BASE_DELAY.saturating_mul(2u32.saturating_pow(attempt.min(16)));
    let capped = exponential.min(MAX_DELAY);
    capped.mul_f64(0.5 + fastrand::f64())
}

/// The server's `Retry-After` in seconds, if sent and sane.
pub fn retry_after(header: Option<&str>) -> Option<Duration> {
    let seconds: f64 = header?.trim().parse().ok()?;
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds).min(MAX_RETRY_AFTER))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_stays_capped() {
        assert!(backoff(0) <= Duration::from_millis(300));
        assert!(backoff(3) >= Duration::from_millis(800));
        assert!(backoff(30) <= Duration::from_secs(15));
    }

    #[test]
    fn retry_after_reads_seconds_and_ignores_garbage() {
        assert_eq!(retry_after(Some("2")), Some(Duration::from_secs(2)));
        assert_eq!(retry_after(Some("9999")), Some(MAX_RETRY_AFTER));
        assert_eq!(retry_after(Some("soon")), None);
        assert_eq!(retry_after(None), None);
    }
}
