//! Byte counting for media transfers: a callback the client calls with the bytes moved so far
//! (for a progress bar the caller draws; the client never prints), and a reader that counts
//! what the upload's body stream takes from the file, as it takes it.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

/// Called with the bytes moved so far in the current attempt (from 0 again on a retry).
pub type Progress = Arc<dyn Fn(u64) + Send + Sync>;

/// A progress callback that does nothing.
pub fn ignore() -> Progress {
    Arc::new(|_| {})
}

/// A reader that reports the running total of the bytes read through it.
pub(super) struct Counting<R> {
    inner: R,
    total: u64,
    progress: Progress,
}

impl<R> Counting<R> {
    pub(super) fn new(inner: R, progress: Progress) -> Self {
        Self { inner, total: 0, progress }
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for Counting<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        let read = buf.filled().len() - before;
        if read > 0 {
            self.total += read as u64;
            (self.progress)(self.total);
        }
        polled
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use tokio::io::AsyncReadExt;

    use super::*;

    #[tokio::test]
    async fn reports_the_running_total_of_every_read() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        let progress: Progress = Arc::new(move |n| record.lock().expect("lock").push(n));
        let data = [7u8; 10];
        let mut reader = Counting::new(&data[..], progress);
        let mut chunk = [0u8; 4];
        while reader.read(&mut chunk).await.expect("read") > 0 {}
        assert_eq!(*seen.lock().expect("lock"), vec![4, 8, 10]);
    }
}
