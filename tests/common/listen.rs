//! A `webhook listen` process for the end-to-end tests: spawned on a free loopback port
//! (`--port 0`) with stdout and stderr piped, the URL taken from its first stderr line
//! (`listening on URL`), and, for the tests that read events as they come, its stdout lines
//! handed over a channel.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, ChildStderr, ChildStdout, Command, Stdio};
use std::sync::mpsc;

use super::TestEnv;

/// A started `webhook listen`.
pub struct Started {
    pub child: Child,
    /// The URL it listens on.
    pub url: String,
    /// The first stderr line as printed (`listening on URL\n`).
    pub first: String,
    /// The rest of stderr, unread.
    pub stderr: BufReader<ChildStderr>,
}

/// Spawns `webhook listen --port 0` followed by `extra` (its flags, global ones included) and
/// waits for the line that tells where it listens.
pub fn start(env: &TestEnv, extra: &[&str], envs: &[(&str, &str)]) -> Started {
    let mut args = vec!["webhook", "listen", "--port", "0"];
    args.extend_from_slice(extra);
    let mut cmd = env.cmd(&args);
    cmd.envs(envs.iter().copied());
    spawn(cmd)
}

/// Spawns `cmd` (a `webhook listen` command line of the caller's) with stdout and stderr piped
/// and waits for the line that tells where it listens.
pub fn spawn(mut cmd: Command) -> Started {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn webhook listen");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut first = String::new();
    stderr.read_line(&mut first).expect("the first stderr line of webhook listen");
    let url = first.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("{first:?}")).to_owned();
    Started { child, url, first, stderr }
}

/// The lines of `stdout`, sent over a channel as they are printed.
pub fn lines(stdout: ChildStdout) -> mpsc::Receiver<String> {
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    lines
}

/// A `webhook listen` whose whole output is read at the end: stopped with Ctrl-C, or killed
/// when dropped.
pub struct Listening {
    pub child: Child,
    /// The URL it listens on.
    pub url: String,
    output: mpsc::Receiver<(String, String)>,
}

impl Listening {
    /// `start`, with stdout and the rest of stderr gathered on a thread until the process ends.
    pub fn start(env: &TestEnv, extra: &[&str], envs: &[(&str, &str)]) -> Self {
        let Started { mut child, url, first, mut stderr } = start(env, extra, envs);
        let mut stdout = child.stdout.take().expect("stdout");
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let (mut out, mut err) = (String::new(), first);
            let _ = stdout.read_to_string(&mut out);
            let _ = stderr.read_to_string(&mut err);
            let _ = tx.send((out, err));
        });
        Self { child, url, output }
    }

    /// The process's arguments as the system shows them to every user (`ps`).
    pub fn argv(&self) -> String {
        let raw = std::fs::read(format!("/proc/{}/cmdline", self.child.id())).expect("cmdline");
        String::from_utf8_lossy(&raw).replace('\0', " ")
    }

    /// Ctrl-C; the exit code, stdout and the whole of stderr.
    pub fn interrupt(mut self) -> (Option<i32>, String, String) {
        Command::new("kill").args(["-INT", &self.child.id().to_string()]).status().expect("kill");
        // A watchdog, not a timing assertion: a listener that ignores Ctrl-C fails here.
        let (stdout, stderr) = self
            .output
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("webhook listen stops on Ctrl-C");
        (self.child.wait().expect("wait").code(), stdout, stderr)
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
