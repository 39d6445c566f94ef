//! A running `webhook listen` for end-to-end tests that follow it over time (restarts, kills):
//! started by `listen::spawn`, its stdout lines as they come, the rest of stderr once it ends;
//! stopped with SIGINT, or killed (SIGKILL) when dropped or asked to.

use std::io::Read;
use std::process::{Child, Command};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub struct Listener {
    child: Child,
    /// `http://127.0.0.1:PORT/`.
    pub url: String,
    lines: mpsc::Receiver<String>,
    stderr: mpsc::Receiver<String>,
}

impl Listener {
    /// Spawns `cmd` (a `webhook listen` command) and waits for its `listening on` line.
    pub fn spawn(cmd: Command) -> Self {
        let super::listen::Started { mut child, url, mut stderr, .. } = super::listen::spawn(cmd);
        let (err_tx, err_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut rest = String::new();
            let _ = stderr.read_to_string(&mut rest);
            let _ = err_tx.send(rest);
        });
        let lines = super::listen::lines(child.stdout.take().expect("stdout"));
        Self { child, url, lines, stderr: err_rx }
    }

    /// The next stdout line (a generous wait: the machine may be busy).
    pub fn next_line(&self) -> String {
        self.lines.recv_timeout(Duration::from_secs(20)).expect("a line from webhook listen")
    }

    /// Stdout lines until one satisfies `done` (that one included).
    pub fn lines_until(&self, done: impl Fn(&str) -> bool) -> Vec<String> {
        let mut lines = Vec::new();
        loop {
            let line = self.next_line();
            let last = done(&line);
            lines.push(line);
            if last {
                return lines;
            }
        }
    }

    /// Ctrl-C; returns the exit code, the stdout lines not read yet and the rest of stderr.
    pub fn interrupt(mut self) -> (i32, Vec<String>, String) {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().expect("kill -INT");
        let code = self.wait();
        let stderr = self.stderr.recv_timeout(Duration::from_secs(20)).unwrap_or_default();
        // The reader thread ends at the end of stdout, which disconnects the channel.
        let mut rest = Vec::new();
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(20)) {
            rest.push(line);
        }
        (code, rest, stderr)
    }

    /// SIGKILL: no chance to clean up.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        self.wait();
    }

    fn wait(&mut self) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "webhook listen did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
