//! Driving the binary through a real pseudo-terminal: spawn it with stdin, stdout and stderr on a
//! pty, wait for text on the screen, type keys, and read the exit code.

use std::process::Stdio;
use std::time::Duration;

use nix::sys::termios::{LocalFlags, tcgetattr};

use rexpect::process::WaitStatus;
use rexpect::session::PtySession;

use super::TestEnv;

pub const ESCAPE: &str = "\x1b";
pub const CTRL_C: &str = "\x03";

/// `whatsapp-ctl ARGS` in a pseudo-terminal.
pub fn spawn(env: &TestEnv, args: &[&str]) -> PtySession {
    let mut cmd = env.cmd(args);
    cmd.stdin(Stdio::inherit());
    rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawn in a pty")
}

/// Waits for `text` on the screen, then types `keys`.
pub fn answer(session: &mut PtySession, text: &str, keys: &str) {
    session.exp_string(text).unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    wait_for_raw_mode(session, text);
    session.send(keys).expect("type");
    session.flush().expect("flush");
}

/// [`answer`], returning everything on the screen before `text`.
pub fn answer_after(session: &mut PtySession, text: &str, keys: &str) -> String {
    let before = session.exp_string(text).unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
    wait_for_raw_mode(session, text);
    session.send(keys).expect("type");
    session.flush().expect("flush");
    before
}

/// The exit code once the program ended, and everything it printed after the last expectation.
pub fn finish(session: &mut PtySession) -> (i32, String) {
    let rest = session.exp_eof().expect("end of output");
    let code = match session.process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => code,
        WaitStatus::Signaled(_, signal, _) => 128 + signal as i32,
        other => panic!("unexpected status {other:?}"),
    };
    (code, rest)
}

/// Which stream of [`run_split`] is the terminal; the other one is a pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tty {
    Stdout,
    Stderr,
}

/// What one [`run_split`] run printed on each stream.
#[derive(Debug)]
pub struct Split {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `whatsapp-ctl ARGS` to completion with one of stdout and stderr on a fresh pty and the
/// other on a pipe (stdin is null), as with `cmd > out.txt` or `cmd 2> err.txt` on a terminal.
pub fn run_split(env: &TestEnv, args: &[&str], envs: &[(&str, &str)], tty: Tty) -> Split {
    run_split_with_stdin(env, args, envs, tty, None)
}

/// [`run_split`] with `stdin` piped in when given.
pub fn run_split_with_stdin(
    env: &TestEnv,
    args: &[&str],
    envs: &[(&str, &str)],
    tty: Tty,
    stdin: Option<&str>,
) -> Split {
    use std::io::{Read, Write};
    let pty = nix::pty::openpty(None, None).expect("open a pty");
    let slave = Stdio::from(pty.slave);
    let mut cmd = env.cmd(args);
    cmd.envs(envs.iter().copied());
    match tty {
        Tty::Stdout => cmd.stdout(slave).stderr(Stdio::piped()),
        Tty::Stderr => cmd.stdout(Stdio::piped()).stderr(slave),
    };
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().expect("spawn whatsapp-ctl");
    if let (Some(text), Some(mut input)) = (stdin, child.stdin.take()) {
        input.write_all(text.as_bytes()).expect("write stdin");
    }
    // `cmd` holds the parent's copy of the slave: drop it, so the master reads EOF (EIO) at exit.
    drop(cmd);
    let mut master = std::fs::File::from(pty.master);
    let terminal = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 4096];
        // Linux answers EIO once the last slave is closed: the end of the output.
        while let Ok(n @ 1..) = master.read(&mut chunk) {
            bytes.extend_from_slice(&chunk[..n]);
        }
        String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
    });
    let mut piped = String::new();
    let pipe: &mut dyn Read = match tty {
        Tty::Stdout => child.stderr.as_mut().expect("stderr pipe"),
        Tty::Stderr => child.stdout.as_mut().expect("stdout pipe"),
    };
    pipe.read_to_string(&mut piped).expect("read the pipe");
    let code = child.wait().expect("wait").code().unwrap_or(-1);
    let on_terminal = terminal.join().expect("pty reader");
    match tty {
        Tty::Stdout => Split { code, stdout: on_terminal, stderr: piped },
        Tty::Stderr => Split { code, stdout: piped, stderr: on_terminal },
    }
}

/// Waits (bounded: 10 s) until the prompt has switched the terminal to raw mode (no canonical
/// input, no echo), so the keys typed next reach it as keys, not as a cooked line.
fn wait_for_raw_mode(session: &PtySession, text: &str) {
    let pty = session.process().get_file_handle().expect("pty handle");
    for _ in 0..10_000 {
        let flags = tcgetattr(&pty).expect("read the terminal settings").local_flags;
        if !flags.intersects(LocalFlags::ICANON | LocalFlags::ECHO) {
            return;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("the prompt {text:?} never put the terminal in raw mode");
}
