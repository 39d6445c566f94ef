//! Runs checks one after the other: times each, bounds it, and skips a check whose
//! prerequisites did not pass (a prerequisite that warned counts as passed).

use std::future::Future;
use std::time::{Duration, Instant};

use super::{CheckResult, Status};

/// What a check found: its status and a one-line detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// How it ended.
    pub status: Status,
    /// What was found.
    pub detail: String,
}

impl Outcome {
    /// A pass.
    pub fn pass(detail: impl Into<String>) -> Self {
        Self { status: Status::Pass, detail: detail.into() }
    }

    /// A warning.
    pub fn warn(detail: impl Into<String>) -> Self {
        Self { status: Status::Warn, detail: detail.into() }
    }

    /// A failure.
    pub fn fail(detail: impl Into<String>) -> Self {
        Self { status: Status::Fail, detail: detail.into() }
    }

    /// Nothing to check.
    pub fn skip(detail: impl Into<String>) -> Self {
        Self { status: Status::Skip, detail: detail.into() }
    }
}

/// Collects results in run order.
#[derive(Debug)]
pub struct Runner {
    results: Vec<CheckResult>,
    bound: Duration,
}

impl Runner {
    /// A runner whose checks may take up to `bound` each (unless given their own bound).
    pub fn new(bound: Duration) -> Self {
        Self { results: Vec::new(), bound }
    }

    /// Runs `check` as `name` with the default bound, unless one of `needs` did not pass.
    pub async fn run(&mut self, name: &str, needs: &[&str], check: impl Future<Output = Outcome>) -> Status {
        self.run_bounded(name, needs, self.bound, check).await
    }

    /// Runs `check` as `name`, failing it when it takes longer than `bound`, unless one of
    /// `needs` did not pass (then `check` is dropped unpolled and `name` is skipped).
    pub async fn run_bounded(
        &mut self,
        name: &str,
        needs: &[&str],
        bound: Duration,
        check: impl Future<Output = Outcome>,
    ) -> Status {
        if let Some(reason) = self.unmet(needs) {
            self.skip(name, &reason);
            return Status::Skip;
        }
        let started = Instant::now();
        let outcome = match tokio::time::timeout(bound, check).await {
            Ok(outcome) => outcome,
            Err(_) => Outcome::fail(format!("no result within {} ms; gave up", bound.as_millis())),
        };
        self.push(name, outcome, elapsed_ms(started));
        self.results.last().map_or(Status::Skip, |r| r.status)
    }

    /// Records `name` as skipped with `detail`.
    pub fn skip(&mut self, name: &str, detail: &str) {
        self.push(name, Outcome::skip(detail), 0);
    }

    /// The status of an earlier check.
    pub fn status(&self, name: &str) -> Option<Status> {
        self.results.iter().find(|r| r.name == name).map(|r| r.status)
    }

    /// The results, in run order.
    pub fn finish(self) -> Vec<CheckResult> {
        self.results
    }

    fn unmet(&self, needs: &[&str]) -> Option<String> {
        needs.iter().find_map(|need| match self.status(need) {
            Some(Status::Pass | Status::Warn) => None,
            Some(Status::Fail) => Some(format!("skipped: {need} failed")),
            Some(Status::Skip) => Some(format!("skipped: {need} was skipped")),
            None => Some(format!("skipped: {need} did not run")),
        })
    }

    fn push(&mut self, name: &str, outcome: Outcome, elapsed_ms: u64) {
        self.results.push(CheckResult {
            name: name.to_owned(),
            status: outcome.status,
            detail: outcome.detail,
            elapsed_ms,
        });
    }
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn dependents_of_a_failed_or_skipped_check_are_skipped_without_running() {
        let mut runner = Runner::new(Duration::from_secs(1));
        runner.run("a", &[], async { Outcome::fail("broken") }).await;
        runner.run("b", &["a"], async { panic!("must not run") }).await;
        runner.run("c", &["b"], async { panic!("must not run") }).await;
        runner.run("d", &[], async { Outcome::warn("meh") }).await;
        runner.run("e", &["d"], async { Outcome::pass("fine") }).await;
        let results = runner.finish();
        let summary: Vec<(&str, Status, &str)> =
            results.iter().map(|r| (r.name.as_str(), r.status, r.detail.as_str())).collect();
        assert_eq!(
            summary,
            [
                ("a", Status::Fail, "broken"),
                ("b", Status::Skip, "skipped: a failed"),
                ("c", Status::Skip, "skipped: b was skipped"),
                ("d", Status::Warn, "meh"),
                ("e", Status::Pass, "fine"),
            ]
        );
    }

    #[tokio::test]
    async fn a_check_that_hangs_fails_at_its_bound() {
        let mut runner = Runner::new(Duration::from_secs(5));
        let status = runner
            .run_bounded("slow", &[], Duration::from_millis(20), async {
                tokio::time::sleep(Duration::from_secs(60)).await;
                Outcome::pass("never")
            })
            .await;
        assert_eq!(status, Status::Fail);
        let results = runner.finish();
        assert_eq!(results[0].detail, "no result within 20 ms; gave up");
        assert!(results[0].elapsed_ms >= 20 && results[0].elapsed_ms < 1000, "{results:?}");
    }

    #[tokio::test]
    async fn a_need_that_never_ran_skips() {
        let mut runner = Runner::new(Duration::from_secs(1));
        runner.run("x", &["nothing"], async { Outcome::pass("no") }).await;
        assert_eq!(runner.finish()[0].detail, "skipped: nothing did not run");
    }
}
