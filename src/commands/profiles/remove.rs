//! `profiles remove NAME`: the profile's settings and its stored key.

use serde::Serialize;

use crate::config::Store;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Serialize)]
pub struct RemoveReport {
    removed: String,
}

impl Report for RemoveReport {
    fn human(&self, _out: &Output) -> String {
        format!("Removed profile '{}' and its stored key.", self.removed)
    }
}

pub fn run(store: &Store, name: &str) -> Result<RemoveReport> {
    store.update(|files| {
        let had_config = files.config.profiles.remove(name).is_some();
        let had_key = files.credentials.profiles.remove(name).is_some();
        if !had_config && !had_key {
            return Err(super::no_such_profile(name, files));
        }
        if files.config.current_profile.as_deref() == Some(name) {
            files.config.current_profile = None;
        }
        Ok::<_, Error>(())
    })?;
    Ok(RemoveReport { removed: name.to_owned() })
}
