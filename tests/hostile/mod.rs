//! Tiny hostile HTTP/1.1 servers on loopback for the hardening tests: each answers every request
//! with what its handler says (a redirect, a lying envelope, an endless body) and records what
//! it received, so a test can assert that a redirect target or a proxy got nothing.

#![allow(dead_code)]

use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

pub use crate::common::wire::Received;
use crate::common::wire::read_request;

/// What to answer.
pub enum Reply {
    /// Status, extra headers, body (sent with its Content-Length).
    Full(u16, Vec<(String, String)>, Vec<u8>),
    /// 200 with no Content-Length and `bytes` of filler streamed until done or the client leaves.
    Endless(usize),
    /// 200 with no Content-Length, then one byte of filler every 50 ms until the client leaves.
    Trickle,
    /// No answer: the connection is closed once the whole request was read (it broke after
    /// the request went out).
    HangUp,
}

impl Reply {
    pub fn json(status: u16, body: &str) -> Self {
        Reply::Full(
            status,
            vec![("Content-Type".into(), "application/json".into())],
            body.as_bytes().to_vec(),
        )
    }

    pub fn redirect(status: u16, location: &str) -> Self {
        Reply::Full(status, vec![("Location".into(), location.into())], Vec::new())
    }
}

type Handler = dyn Fn(&Received) -> Reply + Send + Sync;

/// A server running on a thread; stopped when dropped.
pub struct Hostile {
    pub base_url: String,
    port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    stop: Arc<AtomicBool>,
}

impl Hostile {
    pub fn start(handler: impl Fn(&Received) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind hostile server");
        let port = listener.local_addr().expect("addr").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (log, flag) = (received.clone(), stop.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (log, handler) = (log.clone(), handler.clone());
                thread::spawn(move || serve(stream, &log, &*handler));
            }
        });
        Hostile { base_url: format!("http://127.0.0.1:{port}"), port, received, stop }
    }

    /// Every request received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("log").clone()
    }
}

impl Drop for Hostile {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(stream: TcpStream, log: &Mutex<Vec<Received>>, handler: &Handler) {
    // Head and body go out in separate writes: without this, Nagle's algorithm and delayed ACKs
    // add tens of milliseconds to every answer on a kept-alive connection.
    let _ = stream.set_nodelay(true);
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    loop {
        let Some(request) = read_request(&mut reader) else { return };
        log.lock().expect("log").push(request.clone());
        let ok = match handler(&request) {
            Reply::Full(status, headers, body) => {
                let mut head = format!("HTTP/1.1 {status} Hostile\r\nContent-Length: {}\r\n", body.len());
                for (name, value) in headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                writer.write_all(head.as_bytes()).and_then(|()| writer.write_all(&body)).is_ok()
            }
            Reply::Endless(total) => {
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
                let chunk = vec![b' '; 64 * 1024];
                let mut sent = 0;
                let mut ok = writer.write_all(head.as_bytes()).is_ok();
                while ok && sent < total {
                    ok = writer.write_all(&chunk).is_ok();
                    sent += chunk.len();
                }
                return;
            }
            Reply::Trickle => {
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
                let mut ok = writer.write_all(head.as_bytes()).is_ok();
                while ok {
                    thread::sleep(std::time::Duration::from_millis(50));
                    ok = writer.write_all(b" ").and_then(|()| writer.flush()).is_ok();
                }
                return;
            }
            Reply::HangUp => return,
        };
        if !ok {
            return;
        }
    }
}

/// One template of a listing, distinct per `n`.
pub fn template(n: usize) -> String {
    format!(
        r#"{{"id":"{n}","name":"t{n}","language":"en_US","status":"approved","category":"UTILITY","components":[{{"type":"BODY","text":"Hello {n}"}}]}}"#
    )
}

/// A listing page: `templates` from `from`, claiming `total`.
pub fn page(from: usize, count: usize, total: u64) -> String {
    let items: Vec<String> = (from..from + count).map(template).collect();
    format!(r#"{{"count":{count},"offset":{from},"total":{total},"waba_templates":[{}]}}"#, items.join(","))
}
