//! Fan-out of one job over many profiles: at most `concurrency` at once, one result per profile
//! in the order given, and one profile's failure (or panic) never stopping the others. Knows no
//! command and prints nothing.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Runs `job` for every name, at most `concurrency` at a time; results come back in the order
/// of `names`. A job that panics yields `on_panic(name)` instead.
pub async fn fan_out<T, F, Fut>(
    names: Vec<String>,
    concurrency: usize,
    job: F,
    on_panic: impl Fn(&str) -> T,
) -> Vec<(String, T)>
where
    T: Send + 'static,
    F: Fn(String) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
{
    let permits = Arc::new(Semaphore::new(concurrency.max(1)));
    let mut tasks = JoinSet::new();
    for (index, name) in names.iter().enumerate() {
        let permits = Arc::clone(&permits);
        let work = job(name.clone());
        tasks.spawn(async move {
            // The semaphore is never closed, so acquiring only waits.
            let _permit = permits.acquire_owned().await.ok();
            (index, work.await)
        });
    }
    let mut results: Vec<Option<T>> = names.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        if let Ok((index, value)) = joined {
            results[index] = Some(value);
        }
    }
    names
        .into_iter()
        .zip(results)
        .map(|(name, value)| {
            let value = value.unwrap_or_else(|| on_panic(&name));
            (name, value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn results_keep_the_order_and_a_panic_stops_no_other() {
        let names: Vec<String> = ["a", "boom", "c"].iter().map(|s| s.to_string()).collect();
        let results = fan_out(
            names,
            2,
            |name| async move {
                if name == "boom" {
                    panic!("boom");
                }
                name.len()
            },
            |_| 0,
        )
        .await;
        assert_eq!(results, vec![("a".into(), 1), ("boom".into(), 0), ("c".into(), 1)]);
    }
}
