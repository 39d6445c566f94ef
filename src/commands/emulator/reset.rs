//! `emulator reset`.

use std::path::PathBuf;

use serde::Serialize;

use crate::context::emulator_state_path;
use crate::emulator;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Serialize)]
pub struct ResetReport {
    state: PathBuf,
}

impl Report for ResetReport {
    fn human(&self, _out: &Output) -> String {
        format!("Emulator state {} reset.", self.state.display())
    }
}

pub fn run(state: Option<PathBuf>) -> Result<ResetReport> {
    let state = emulator_state_path(state)?;
    emulator::reset(&state).map_err(|err| Error::failed(format!("cannot reset the emulator: {err}")))?;
    Ok(ResetReport { state })
}
