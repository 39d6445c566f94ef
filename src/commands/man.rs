//! The `man` command: the man page generated from the clap model (clap_mangen), one page
//! for `whatsapp-ctl` and one per subcommand (`whatsapp-ctl-templates-list.1`), the same bytes
//! as the committed `completions/man/` files.

use std::path::PathBuf;

use clap::{Args, CommandFactory};
use serde::Serialize;

use crate::cli::Cli;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{Output, Report};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write every page (main page and one per subcommand) into this folder instead of
    /// printing the main page
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// One rendered page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// `whatsapp-ctl.1`, `whatsapp-ctl-auth-login.1`, ...
    pub file_name: String,
    pub roff: String,
}

/// The files written by `man --out DIR`.
#[derive(Debug, Serialize)]
pub struct WrittenReport {
    dir: PathBuf,
    files: Vec<String>,
}

impl Report for WrittenReport {
    fn human(&self, _out: &Output) -> String {
        format!("Wrote {} man pages to {}.", self.files.len(), self.dir.display())
    }
}

pub fn run(ctx: &Context, args: &ManArgs) -> Result<u8> {
    let pages = pages()?;
    let Some(dir) = &args.out else {
        let main = pages.iter().find(|p| p.file_name == "whatsapp-ctl.1").map_or("", |p| &p.roff);
        ctx.out.write_stdout(main.trim_end());
        return Ok(0);
    };
    std::fs::create_dir_all(dir)
        .map_err(|err| Error::failed(format!("cannot create {}", dir.display())).with_cause(err))?;
    for page in &pages {
        let path = dir.join(&page.file_name);
        std::fs::write(&path, &page.roff)
            .map_err(|err| Error::failed(format!("cannot write {}", path.display())).with_cause(err))?;
    }
    let files = pages.into_iter().map(|p| p.file_name).collect();
    Ok(ctx.out.emit(&WrittenReport { dir: dir.clone(), files }))
}

/// Every page: subcommands first (depth first), the main page last; hidden commands skipped.
pub fn pages() -> Result<Vec<Page>> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut pages = Vec::new();
    collect(command, &mut pages)?;
    Ok(pages)
}

fn collect(command: clap::Command, pages: &mut Vec<Page>) -> Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
        collect(sub, pages)?;
    }
    let man = clap_mangen::Man::new(command);
    let mut buffer = Vec::new();
    man.render(&mut buffer).map_err(|err| Error::failed("cannot render the man page").with_cause(err))?;
    pages.push(Page { file_name: man.get_filename(), roff: String::from_utf8_lossy(&buffer).into_owned() });
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn there_is_a_main_page_and_one_per_visible_subcommand() {
        let pages = super::pages().expect("pages");
        let names: Vec<&str> = pages.iter().map(|p| p.file_name.as_str()).collect();
        assert!(names.contains(&"whatsapp-ctl.1"), "{names:?}");
        assert!(names.contains(&"whatsapp-ctl-auth-login.1"), "{names:?}");
        assert!(names.contains(&"whatsapp-ctl-setup.1"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("-help")), "{names:?}");
    }
}
