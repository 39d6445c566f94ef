//! Colour is decided per stream: stdout and stderr each get colour only when that stream is a
//! terminal, and never with `NO_COLOR`, `--no-color` or `TERM=dumb`. `templates validate` paints
//! its `ok` on stdout; a failing `templates show` paints `error:` on stderr; `setup` paints the
//! `Next:` of its summary on stdout.

mod common;

use common::pty::{Split, Tty, run_split, run_split_with_stdin};
use common::{EMULATOR_KEY, TestEnv};

/// Green `ok` and bold red `error:`, as painted on a colour terminal.
const GREEN_OK: &str = "\x1b[32mok\x1b[0m";
const RED_ERROR: &str = "\x1b[31;1merror:\x1b[0m";

/// A colour terminal's environment (the suite's default `NO_COLOR=1` undone: empty is unset).
const COLOUR_TERMINAL: [(&str, &str); 2] = [("NO_COLOR", ""), ("TERM", "xterm-256color")];

fn valid_template() -> String {
    format!("{}/tests/fixtures/templates/valid/unknown_fields_kept.json", env!("CARGO_MANIFEST_DIR"))
}

/// `templates validate` of a valid file: its `ok` line is on stdout.
fn validate(env: &TestEnv, envs: &[(&str, &str)], extra: &[&str], tty: Tty) -> Split {
    let file = valid_template();
    let mut args = vec!["templates", "validate", file.as_str()];
    args.extend_from_slice(extra);
    let run = run_split(env, &args, envs, tty);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("ok"), "{run:?}");
    run
}

/// A `templates show` of a template the emulator does not have: the error is on stderr.
fn failing_show(env: &TestEnv, envs: &[(&str, &str)], extra: &[&str], tty: Tty) -> Split {
    let mut args = vec!["--emulator", "templates", "show", "no_such_template"];
    args.extend_from_slice(extra);
    let run = run_split(env, &args, envs, tty);
    assert_ne!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("error:"), "{run:?}");
    run
}

fn assert_plain(stream: &str, what: &str) {
    assert!(!stream.contains('\x1b'), "{what} must have no escape codes: {stream:?}");
}

#[test]
fn stdout_piped_while_stderr_is_a_terminal_gets_no_colour_but_stderr_does() {
    let env = TestEnv::new("colourpipeout");
    let run = validate(&env, &COLOUR_TERMINAL, &[], Tty::Stderr);
    assert_plain(&run.stdout, "piped stdout");
    let run = failing_show(&env, &COLOUR_TERMINAL, &[], Tty::Stderr);
    assert!(run.stderr.contains(RED_ERROR), "stderr is the terminal: {run:?}");
    assert_plain(&run.stdout, "piped stdout");
}

#[test]
fn stderr_piped_while_stdout_is_a_terminal_gets_no_colour_but_stdout_does() {
    let env = TestEnv::new("colourpipeerr");
    let run = validate(&env, &COLOUR_TERMINAL, &[], Tty::Stdout);
    assert!(run.stdout.contains(GREEN_OK), "stdout is the terminal: {run:?}");
    let run = failing_show(&env, &COLOUR_TERMINAL, &[], Tty::Stdout);
    assert_plain(&run.stderr, "piped stderr");
}

#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    let env = TestEnv::new("colournocolor");
    let envs = [("NO_COLOR", "1"), ("TERM", "xterm-256color")];
    assert_plain(&validate(&env, &envs, &[], Tty::Stdout).stdout, "stdout terminal with NO_COLOR");
    assert_plain(&failing_show(&env, &envs, &[], Tty::Stderr).stderr, "stderr terminal with NO_COLOR");
}

#[test]
fn no_color_flag_turns_colour_off_on_a_terminal() {
    let env = TestEnv::new("colourflag");
    let stdout = validate(&env, &COLOUR_TERMINAL, &["--no-color"], Tty::Stdout).stdout;
    assert_plain(&stdout, "stdout terminal with --no-color");
    let stderr = failing_show(&env, &COLOUR_TERMINAL, &["--no-color"], Tty::Stderr).stderr;
    assert_plain(&stderr, "stderr terminal with --no-color");
}

#[test]
fn term_dumb_turns_colour_off_on_a_terminal() {
    let env = TestEnv::new("colourdumb");
    let envs = [("NO_COLOR", ""), ("TERM", "dumb")];
    assert_plain(&validate(&env, &envs, &[], Tty::Stdout).stdout, "stdout terminal with TERM=dumb");
    assert_plain(&failing_show(&env, &envs, &[], Tty::Stderr).stderr, "stderr terminal with TERM=dumb");
}

/// A non-interactive `setup` against a test emulator: its summary is on stdout.
fn setup(env: &TestEnv, tty: Tty) -> Split {
    let emu = env.emulator(&[]);
    let args = ["setup", "--base-url", &emu.base_url, "--token-stdin", "--yes"];
    let run = run_split_with_stdin(env, &args, &COLOUR_TERMINAL, tty, Some(EMULATOR_KEY));
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Next:"), "{run:?}");
    run
}

#[test]
fn the_setup_summary_on_a_pipe_has_no_colour_and_on_a_terminal_it_has() {
    let env = TestEnv::new("coloursetuppipe");
    assert_plain(&setup(&env, Tty::Stderr).stdout, "piped setup summary");
    let env = TestEnv::new("coloursetuptty");
    let run = setup(&env, Tty::Stdout);
    assert!(run.stdout.contains("\x1b[1mNext:\x1b[0m"), "stdout is the terminal: {run:?}");
}
