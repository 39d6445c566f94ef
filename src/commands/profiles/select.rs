//! `profiles use NAME`.

use serde::Serialize;

use crate::config::Store;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Serialize)]
pub struct UseReport {
    current_profile: String,
}

impl Report for UseReport {
    fn human(&self, _out: &Output) -> String {
        format!("Now using profile '{}'.", self.current_profile)
    }
}

pub fn run(store: &Store, name: &str) -> Result<UseReport> {
    store.update(|files| {
        if !files.config.profiles.contains_key(name) && !files.credentials.profiles.contains_key(name) {
            return Err(super::no_such_profile(name, files));
        }
        files.config.current_profile = Some(name.to_owned());
        Ok::<_, Error>(())
    })?;
    Ok(UseReport { current_profile: name.to_owned() })
}
