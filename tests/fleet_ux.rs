//! Fleets as a person meets them: a key variable set in the shell is ignored by a fleet (each
//! profile uses its own stored key) and says so once on stderr, never in the `--json` document;
//! and a fleet `templates apply` asks one question for the whole fleet on a terminal, where "n"
//! changes nothing on any channel and "y" applies to every one. (Without a terminal and without
//! `--yes` it exits 2 with nothing written: `tests/partner.rs` pins that.)

mod common;

use std::path::PathBuf;

use common::pty::{self, answer, answer_after, finish};
use common::{EMULATOR_KEY, Emulator, TestEnv, write_templates};
use serde_json::Value;

const WARNING: &str = "is ignored in a fleet";

/// Each channel's template names (sorted), read from the emulator's per-channel state files.
fn channel_templates(env: &TestEnv) -> Vec<Vec<String>> {
    let mut dir = env.state_path().into_os_string();
    dir.push(".partner");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(PathBuf::from(dir))
        .expect("partner folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json") && p.file_name().is_some_and(|n| n != "partner.json")
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let state: Value =
                serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
            let mut names: Vec<String> = state["templates"]
                .as_array()
                .map(|all| all.iter().filter_map(|t| t["name"].as_str().map(str::to_owned)).collect())
                .unwrap_or_default();
            names.sort();
            names
        })
        .collect()
}

fn writes(emu: &Emulator) -> Vec<Value> {
    emu.requests().into_iter().filter(|r| r["method"] == "POST" || r["method"] == "DELETE").collect()
}

#[test]
fn a_key_variable_is_ignored_by_every_fleet_command_with_one_warning_on_stderr_only() {
    let env = TestEnv::new("fleet-ux-token");
    let emu = env.emulator(&["--channels", "2"]);
    let profiles = env.adopt_all(&emu);
    assert_eq!(profiles.len(), 2);
    let dir = env.root.join("templates");
    write_templates(&dir, &["token_a"]);
    let dir_arg = dir.to_str().expect("utf-8 path");
    // A key that no channel takes: were it used, every profile would fail with exit 4.
    let token = [("WHATSAPP_CTL_TOKEN", "not_the_channel_key_0123456789")];

    let apply = env.run(&["--all-profiles", "--json", "templates", "apply", "--yes", dir_arg], &token);
    let apply = apply.expect_code(0);
    assert_eq!(apply.stderr.matches(WARNING).count(), 1, "one warning: {apply:#?}");
    assert!(apply.stderr.contains("WHATSAPP_CTL_TOKEN"), "{apply:#?}");
    assert!(apply.stderr.contains("its own stored key"), "says why: {apply:#?}");
    assert!(!apply.stdout.contains(WARNING), "the JSON document stays clean: {apply:#?}");
    let report = apply.json();
    assert!(
        report["profiles"].as_array().expect("profiles").iter().all(|e| e["exit_code"] == 0),
        "{report:#}"
    );
    assert_eq!(channel_templates(&env), vec![vec!["token_a".to_owned()]; 2]);

    // Each profile's stored key passes auth (the channels have no webhook yet: exit 1).
    let check = env.run(&["--profiles", &profiles[0], "channel", "check"], &token).expect_code(1);
    assert_eq!(check.stderr.matches(WARNING).count(), 1, "{check:#?}");
    assert!(check.stdout.contains("auth                the API accepts the key"), "{check:#?}");
    // The section is rendered like any output: no style marker leaks into it.
    assert!(!check.stdout.contains('\u{fdd0}'), "{check:#?}");

    // The emulator's own key in the variable: still ignored, still said.
    let list = env.run(&["--all-profiles", "templates", "list"], &[("D360_API_KEY", EMULATOR_KEY)]);
    let list = list.expect_code(0);
    assert_eq!(list.stderr.matches(WARNING).count(), 1, "{list:#?}");

    // -q hides it; without a key variable there is nothing to say.
    let quiet = env.run(&["-q", "--all-profiles", "templates", "plan", dir_arg], &token).expect_code(0);
    assert!(!quiet.stderr.contains(WARNING), "{quiet:#?}");
    let plain = env.run(&["--all-profiles", "templates", "plan", dir_arg], &[]).expect_code(0);
    assert!(!plain.stderr.contains(WARNING), "{plain:#?}");
}

#[test]
fn on_a_terminal_a_fleet_apply_asks_once_and_no_changes_nothing_while_yes_applies_everywhere() {
    let env = TestEnv::new("fleet-ux-confirm");
    let emu = env.emulator(&["--channels", "3"]);
    let profiles = env.adopt_all(&emu);
    assert_eq!(profiles.len(), 3);
    let dir = env.root.join("templates");
    write_templates(&dir, &["ask_a", "ask_b"]);
    let dir_arg = dir.to_str().expect("utf-8 path");
    let question = "Apply 6 change(s) to 3 channel(s)?";

    emu.clear_requests();
    let mut session = pty::spawn(&env, &["--all-profiles", "templates", "apply", dir_arg]);
    answer(&mut session, question, "n");
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("nothing was changed on any channel"), "{screen}");
    assert!(writes(&emu).is_empty(), "nothing sent: {:?}", writes(&emu));
    assert!(!emu.requests().is_empty(), "every channel was planned");
    assert_eq!(channel_templates(&env), vec![Vec::<String>::new(); 3]);

    let mut session = pty::spawn(&env, &["--all-profiles", "templates", "apply", dir_arg]);
    let before = answer_after(&mut session, question, "y");
    let (code, after) = finish(&mut session);
    assert_eq!(code, 0, "{after}");
    for profile in &profiles {
        assert!(before.contains(&format!("== profile {profile}")), "plan of {profile} shown first: {before}");
    }
    let screen = format!("{before}{question}{after}");
    assert_eq!(screen.matches("[y/N]").count(), 1, "asked exactly once: {screen}");
    let expected = vec!["ask_a".to_owned(), "ask_b".to_owned()];
    assert_eq!(channel_templates(&env), vec![expected; 3]);
    let created = writes(&emu).iter().filter(|r| r["path"] == "/v1/configs/templates").count();
    assert_eq!(created, 6, "two templates on each of three channels: {:?}", writes(&emu));
}
