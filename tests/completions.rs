//! The committed completion scripts driven by the real shells: bash through `complete -p` and
//! `COMPREPLY`, fish through `complete -C`, zsh interactively in a pty with `compinit`. Each
//! asks the real binary (found on `PATH`, as an installed one would be) at every TAB, so the
//! checks below cover subcommands below the top level, closed value sets and profile names.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{BIN, TestEnv};

/// The folder holding the committed scripts.
fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("completions")
}

/// `PATH` with the test binary's folder first, so the loaders call back this build.
fn path_with_binary() -> String {
    let bin_dir = Path::new(BIN).parent().expect("binary folder");
    format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default())
}

/// A shell found on `PATH`; the suite needs bash, zsh and fish (`tests/install-shells.sh`).
fn shell(name: &str) -> Command {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file());
    let Some(program) = found else {
        panic!(
            "{name} is not installed: run tests/install-shells.sh (installs bash, zsh and fish), then the tests again"
        );
    };
    Command::new(program)
}

/// A test folder with two stored profiles, and a file in it that must never be offered.
fn env_with_profiles(name: &str) -> TestEnv {
    let env = TestEnv::new(name);
    env.write_config(
        "config.toml",
        "[profiles.shop]\napi = \"cloud\"\n\n[profiles.support]\napi = \"cloud\"\n",
    );
    std::fs::write(env.root.join("stray-file-in-cwd.txt"), "not a subcommand").expect("write stray file");
    env
}

/// The environment every shell below runs in: hermetic, the binary on `PATH`, no colour.
fn hermetic(cmd: &mut Command, env: &TestEnv) {
    cmd.env_clear()
        .env("PATH", path_with_binary())
        .env("HOME", env.root.join("home"))
        .env("XDG_CONFIG_HOME", env.root.join("home/.config"))
        .env("XDG_DATA_HOME", env.root.join("home/.local/share"))
        .env("WHATSAPP_CTL_CONFIG_DIR", env.config_dir())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .current_dir(&env.root);
}

/// Runs `script` in a non-interactive shell and returns its standard output.
fn run_script(mut cmd: Command, env: &TestEnv, script: &str) -> String {
    hermetic(&mut cmd, env);
    let output = cmd.arg("-c").arg(script).output().expect("run the shell");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "shell failed: {:?}\nstdout: {stdout}\nstderr: {stderr}", output.status);
    stdout
}

/// Bash's candidates for `line` (words split on spaces; a trailing space starts an empty word).
fn bash_candidates(env: &TestEnv, line: &str) -> Vec<String> {
    let script = format!(
        r#"source '{}'
spec=$(complete -p whatsapp-ctl) || exit 3
function=$(printf '%s' "$spec" | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
[ -n "$function" ] || exit 4
COMP_LINE='{line}'
COMP_POINT=${{#COMP_LINE}}
read -r -a COMP_WORDS <<< "$COMP_LINE"
if [ "${{COMP_LINE: -1}}" = " " ]; then COMP_WORDS+=(""); fi
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_TYPE=9
"$function" whatsapp-ctl "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        scripts().join("whatsapp-ctl.bash").display()
    );
    let mut cmd = shell("bash");
    cmd.args(["--norc", "--noprofile"]);
    lines(&run_script(cmd, env, &script))
}

/// Fish's candidates for `line`, through its own completion API (`complete -C`).
fn fish_candidates(env: &TestEnv, line: &str) -> Vec<String> {
    let script = format!("source '{}'; complete -C '{line}'", scripts().join("whatsapp-ctl.fish").display());
    let mut cmd = shell("fish");
    cmd.arg("--no-config");
    // fish prints `candidate<TAB>description`: keep the candidate.
    lines(&run_script(cmd, env, &script))
        .into_iter()
        .map(|line| line.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim_end().to_owned()).filter(|l| !l.is_empty()).collect()
}

fn assert_offers(candidates: &[String], expected: &[&str], context: &str) {
    for value in expected {
        assert!(candidates.iter().any(|c| c == value), "{context}: {value:?} not offered in {candidates:?}");
    }
    assert!(
        !candidates.iter().any(|c| c.contains("stray-file")),
        "{context}: files offered instead of subcommands: {candidates:?}"
    );
}

#[test]
fn bash_registers_the_loader_and_completes_below_the_top_level() {
    let env = env_with_profiles("compl-bash");
    assert_eq!(bash_candidates(&env, "whatsapp-ctl templates su"), ["submit"]);
    assert_offers(
        &bash_candidates(&env, "whatsapp-ctl templates "),
        &["submit", "list", "delete", "status"],
        "templates",
    );
    assert_offers(
        &bash_candidates(&env, "whatsapp-ctl "),
        &["templates", "send", "channel", "auth"],
        "top level",
    );
    assert_offers(
        &bash_candidates(&env, "whatsapp-ctl templates list --status "),
        &["approved", "rejected"],
        "status",
    );
    assert_offers(&bash_candidates(&env, "whatsapp-ctl templates submit --cat"), &["--category"], "flag");
    assert_offers(&bash_candidates(&env, "whatsapp-ctl --profile "), &["shop", "support"], "profiles");
}

#[test]
fn fish_completes_subcommands_values_and_profiles() {
    let env = env_with_profiles("compl-fish");
    assert_eq!(fish_candidates(&env, "whatsapp-ctl templates su"), ["submit"]);
    assert_offers(
        &fish_candidates(&env, "whatsapp-ctl templates "),
        &["submit", "list", "delete", "status"],
        "templates",
    );
    assert_offers(
        &fish_candidates(&env, "whatsapp-ctl templates list --status "),
        &["approved", "rejected"],
        "status",
    );
    assert_offers(&fish_candidates(&env, "whatsapp-ctl --profile "), &["shop", "support"], "profiles");
}

/// zsh has no completion API outside its line editor: run it interactively in a pty with the
/// script installed on `fpath` the way the README says, and type TAB.
#[test]
fn zsh_autoloads_the_script_from_fpath_and_completes_below_the_top_level() {
    let env = env_with_profiles("compl-zsh");
    let zdotdir = env.root.join("zdotdir");
    let functions = env.root.join("zfunc");
    std::fs::create_dir_all(&zdotdir).expect("zdotdir");
    std::fs::create_dir_all(&functions).expect("fpath folder");
    std::fs::copy(scripts().join("_whatsapp-ctl"), functions.join("_whatsapp-ctl")).expect("install script");
    std::fs::write(
        zdotdir.join(".zshrc"),
        format!(
            "fpath=('{}' $fpath)\nautoload -Uz compinit && compinit -u -d '{}/.zcompdump'\nPS1='READY> '\nunsetopt beep\n",
            functions.display(),
            zdotdir.display()
        ),
    )
    .expect("write .zshrc");

    let mut cmd = shell("zsh");
    hermetic(&mut cmd, &env);
    cmd.env("ZDOTDIR", &zdotdir).arg("-i");
    let mut zsh = rexpect::session::spawn_command(cmd, Some(20_000)).expect("zsh in a pty");
    zsh.exp_string("READY> ").expect("zsh prompt");

    // A unique candidate is inserted in place: the line now ends in "submit".
    zsh.send("whatsapp-ctl templates su\t").expect("type");
    zsh.flush().expect("flush");
    zsh.exp_string("bmit").expect("`templates su<TAB>` completes to submit");
    // Clear the line, then list the candidates of `templates <TAB>`.
    zsh.send("\x15whatsapp-ctl templates \t").expect("type");
    zsh.flush().expect("flush");
    let (listed, _) = zsh
        .exp_regex("delete[\\s\\S]*submit|submit[\\s\\S]*delete")
        .expect("templates <TAB> lists subcommands");
    assert!(!listed.contains("stray-file"), "zsh offered files: {listed}");
    zsh.send("\x15whatsapp-ctl --profile sh\t").expect("type");
    zsh.flush().expect("flush");
    zsh.exp_string("op").expect("--profile sh<TAB> completes to shop");
    zsh.send("\x15exit\n").expect("exit");
    zsh.exp_eof().expect("zsh ends");
}
