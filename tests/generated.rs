//! The committed shell completions (`completions/`) and man pages (`completions/man/`) must be
//! what the clap model generates. After changing the CLI, regenerate them with
//! `UPDATE_GENERATED=1 cargo test --test generated` and commit the result.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::TestEnv;
use whatsapp_ctl::commands::{completions, man};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions")
}

/// Every generated file, by path relative to the repository root.
fn expected() -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    for shell in completions::SHELLS {
        files.insert(root().join(completions::file_name(shell)), completions::script(shell));
    }
    for page in man::pages().expect("man pages") {
        files.insert(root().join("man").join(page.file_name), page.roff);
    }
    files
}

/// Generated files on disk (completion scripts and man pages), including stale ones.
fn on_disk() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for dir in [root(), root().join("man")] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        found.extend(entries.map(|e| e.expect("entry").path()).filter(|p| p.is_file()));
    }
    found.retain(|p| p.file_name().is_some_and(|n| n != "README.md"));
    found
}

#[test]
fn completions_and_man_pages_match_the_clap_model() {
    let expected = expected();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(root().join("man")).expect("create completions/man");
        for stale in on_disk().into_iter().filter(|p| !expected.contains_key(p)) {
            std::fs::remove_file(&stale).expect("remove stale file");
        }
        for (path, text) in &expected {
            std::fs::write(path, text).expect("write generated file");
        }
        return;
    }
    let mut drift = Vec::new();
    for (path, text) in &expected {
        if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
            drift.push(format!("differs or missing: {}", path.display()));
        }
    }
    for stale in on_disk().into_iter().filter(|p| !expected.contains_key(p)) {
        drift.push(format!("no longer generated: {}", stale.display()));
    }
    assert!(
        drift.is_empty(),
        "generated files drifted from the CLI:\n  {}\nregenerate with: UPDATE_GENERATED=1 cargo test --test generated",
        drift.join("\n  ")
    );
}

#[test]
fn the_completions_command_prints_the_committed_script() {
    let env = TestEnv::new("completions");
    for shell in completions::SHELLS {
        let run = env.run(&["completions", &shell.to_string()], &[]).expect_code(0);
        assert_eq!(run.stdout, completions::script(shell), "{shell}");
    }
    let json = env.run(&["completions", "zsh", "--json"], &[]).expect_code(0).json();
    assert_eq!(json["file"], "_whatsapp-ctl");
    env.run(&["completions", "tcsh"], &[]).expect_code(2);
}

#[test]
fn the_man_command_prints_the_main_page_and_writes_all_of_them() {
    let env = TestEnv::new("man");
    let pages = man::pages().expect("pages");
    let main = pages.iter().find(|p| p.file_name == "whatsapp-ctl.1").expect("main page");
    let run = env.run(&["man"], &[]).expect_code(0);
    assert_eq!(run.stdout.trim_end(), main.roff.trim_end());
    let out = env.root.join("man");
    env.run(&["man", "--out", out.to_str().expect("path")], &[]).expect_code(0);
    for page in &pages {
        let written = std::fs::read_to_string(out.join(&page.file_name)).expect("page written");
        assert_eq!(written, page.roff, "{}", page.file_name);
    }
}

#[test]
fn dynamic_completion_offers_the_stored_profile_names_wherever_a_profile_is_named() {
    let env = TestEnv::new("dynamic-completion");
    env.write_config("config.toml", "[profiles.shop]\napi = \"cloud\"\n");
    env.write_config("credentials.toml", "[profiles.staging]\napi_key = \"k\"\n");
    let complete = |words: &[&str]| {
        let index = words.len().to_string();
        let args = [&["--", "whatsapp-ctl"][..], words].concat();
        let envs = [("COMPLETE", "bash"), ("_CLAP_COMPLETE_INDEX", index.as_str()), ("_CLAP_IFS", "\n")];
        env.run(&args, &envs).expect_code(0).stdout
    };
    for words in [&["--profile", ""][..], &["profiles", "use", ""], &["profiles", "remove", ""]] {
        let offered = complete(words);
        let offered: Vec<&str> = offered.split_whitespace().collect();
        assert!(offered.contains(&"shop") && offered.contains(&"staging"), "{words:?}: {offered:?}");
    }
}
