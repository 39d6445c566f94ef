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
