//! What a media transfer shows while it runs: for a large one of known size (at least
//! [`BAR_FROM`]) a bar of bytes, percentage and rate fed by the client's byte count, otherwise a
//! spinner; both only on a terminal's stderr, never with `-q` or `--json` (see `output`).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::api::Progress;
use crate::media::MB;
use crate::output::Output;

/// The size from which a transfer shows a progress bar instead of a spinner (1 MiB).
pub const BAR_FROM: u64 = MB;

/// The shortest time between two updates of a bar (at most 10 redraws a second).
const REDRAW_EVERY: Duration = Duration::from_millis(100);

/// The progress of one upload or download.
pub struct Transfer {
    bar: indicatif::ProgressBar,
    large: bool,
}

impl Transfer {
    /// Starts showing `message` for a transfer of `total` bytes (`None`: not known).
    pub fn start(out: &Output, message: String, total: Option<u64>) -> Self {
        match total.filter(|total| *total >= BAR_FROM) {
            Some(total) => Self { bar: out.transfer_bar(total, message), large: true },
            None => Self { bar: out.spinner(message), large: false },
        }
    }

    /// The callback the client reports the bytes moved so far to; it moves the bar at most
    /// every [`REDRAW_EVERY`], and always to the end.
    pub fn counter(&self) -> Progress {
        let bar = self.bar.clone();
        let last: Mutex<Option<Instant>> = Mutex::new(None);
        Arc::new(move |done| {
            let Ok(mut last) = last.lock() else { return };
            let due = last.is_none_or(|at| at.elapsed() >= REDRAW_EVERY);
            if due || bar.length().is_some_and(|total| done >= total) {
                *last = Some(Instant::now());
                bar.set_position(done);
            }
        })
    }

    /// Ends it: a finished bar stays as its last line (100%); a spinner, or anything that
    /// failed, is cleared so the error stands alone.
    pub fn finish(self, out: &Output, ok: bool) {
        if ok && self.large {
            out.finish_transfer_bar(&self.bar);
        } else {
            self.bar.finish_and_clear();
        }
    }
}
