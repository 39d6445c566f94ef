//! What a media transfer shows while it runs: for a large one of known size (at least
//! [`BAR_FROM`]) a bar of bytes, percentage and rate fed by the client's byte count, otherwise a
//! spinner; both only on a terminal's stderr, never with `-q` or `--json` (see `output`).

use std::sync::Arc;

use crate::api::Progress;
use crate::media::MB;
use crate::output::Output;

/// The size from which a transfer shows a progress bar instead of a spinner (1 MiB).
pub const BAR_FROM: u64 = MB;

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

    /// The callback the client reports the bytes moved so far to.
    pub fn counter(&self) -> Progress {
        let bar = self.bar.clone();
        Arc::new(move |done| bar.set_position(done))
    }

    /// Ends it: a finished bar stays as its last line (100%); a spinner, or anything that
    /// failed, is cleared so the error stands alone.
    pub fn finish(self, ok: bool) {
        if ok && self.large {
            self.bar.finish();
        } else {
            self.bar.finish_and_clear();
        }
    }
}
