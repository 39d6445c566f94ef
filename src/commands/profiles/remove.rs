//! `profiles remove NAME`: the profile's settings and its stored key; asks first on a terminal,
//! needs `--yes` without one (exit 2, nothing removed).

use serde::Serialize;

use crate::commands::input;
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

pub fn run(store: &Store, name: &str, yes: bool) -> Result<RemoveReport> {
    let files = store.load()?;
    if !files.config.profiles.contains_key(name) && !files.credentials.profiles.contains_key(name) {
        return Err(super::no_such_profile(name, &files));
    }
    if !input::confirm(&format!("Remove profile '{name}' and its stored key?"), yes)? {
        return Err(Error::failed("nothing was removed"));
    }
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
