//! Prompts outside the wizard, at a real terminal: `auth login` reads the key hidden, Ctrl-C or
//! Escape there stores nothing (exit 130), and `templates delete` asks before deleting.

mod common;

use common::pty::{self, CTRL_C, ESCAPE, answer, finish};
use common::{EMULATOR_KEY, TestEnv};

#[test]
fn auth_login_reads_the_key_hidden_and_stores_it() {
    let env = TestEnv::new("prompt-login");
    let emu = env.emulator(&[]);
    let mut session = pty::spawn(&env, &["auth", "login", "--base-url", &emu.base_url]);
    answer(&mut session, "API key (D360-API-KEY, hidden)", &format!("{EMULATOR_KEY}\r"));
    let (code, screen) = finish(&mut session);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("verified and stored"), "{screen}");
    assert!(!screen.contains(EMULATOR_KEY), "the key was echoed: {screen}");
    assert!(env.read_config("credentials.toml").is_some_and(|c| c.contains(EMULATOR_KEY)));
}

#[test]
fn ctrl_c_or_escape_at_the_key_prompt_exit_130_and_store_nothing() {
    let env = TestEnv::new("prompt-abort");
    let emu = env.emulator(&[]);
    for keys in [format!("abc{CTRL_C}"), ESCAPE.to_owned()] {
        let mut session = pty::spawn(&env, &["auth", "login", "--base-url", &emu.base_url]);
        answer(&mut session, "API key", &keys);
        let (code, screen) = finish(&mut session);
        assert_eq!(code, 130, "{keys:?}: {screen}");
        assert!(screen.contains("nothing was stored"), "{screen}");
    }
    assert!(env.read_config("credentials.toml").is_none());
    assert!(emu.requests().is_empty(), "nothing was sent");
}

#[test]
fn templates_delete_asks_first_on_a_terminal() {
    let env = TestEnv::new("prompt-delete");
    let emu = env.emulator(&[]);
    env.run_with_stdin(&["auth", "login", "--token-stdin", "--base-url", &emu.base_url], EMULATOR_KEY, &[])
        .expect_code(0);
    let submit = ["templates", "submit", "--name", "hello", "--category", "UTILITY", "--language", "en"];
    env.run(&[&submit[..], &["--body", "Hello there."]].concat(), &[]).expect_code(0);
    let delete = |keys: &str| {
        let mut session = pty::spawn(&env, &["templates", "delete", "hello"]);
        answer(&mut session, "Delete template 'hello'?", keys);
        finish(&mut session)
    };
    let (code, screen) = delete("n");
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("nothing was deleted"), "{screen}");
    assert!(emu.requests().iter().all(|r| r["method"] != "DELETE"));
    let (code, screen) = delete("y");
    assert_eq!(code, 0, "{screen}");
    assert!(
        emu.requests().iter().any(|r| r["method"] == "DELETE" && r["path"] == "/v1/configs/templates/hello")
    );
}
