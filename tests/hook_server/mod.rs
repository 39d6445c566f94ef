//! A tiny HTTP server on loopback for the channel and webhook tests: it stands in for the user's
//! own webhook (answering at once, slowly, with an error, or never) or for a fake 360dialog API,
//! and records every request it receives. Each connection is handled on its own thread and
//! closed after one answer; a connection that is never answered is dropped after 10 s.
#![allow(dead_code)]

use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::wire;

/// One request as received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == &name.to_ascii_lowercase()).map(|(_, v)| v.as_str())
    }
}

/// How to answer a request.
pub enum Reply {
    /// Status and JSON body, at once.
    Answer(u16, String),
    /// Status and JSON body after a delay.
    After(Duration, u16, String),
    /// Accept, read, never answer.
    Never,
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A running server.
pub struct HookServer {
    /// `http://127.0.0.1:PORT/`.
    pub url: String,
    /// `http://127.0.0.1:PORT` (for use as an API base URL).
    pub base_url: String,
    received: Arc<Mutex<Vec<Request>>>,
}

impl HookServer {
    /// Answers every request with `handler`'s reply.
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind hook server");
        let port = listener.local_addr().expect("addr").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let log = Arc::clone(&received);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let handler = Arc::clone(&handler);
                let log = Arc::clone(&log);
                std::thread::spawn(move || serve(stream, &*handler, &log));
            }
        });
        Self {
            url: format!("http://127.0.0.1:{port}/"),
            base_url: format!("http://127.0.0.1:{port}"),
            received,
        }
    }

    /// 200 `{}` at once.
    pub fn ok() -> Self {
        Self::start(|_| Reply::Answer(200, "{}".into()))
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.received.lock().expect("log").clone()
    }
}

fn serve(stream: TcpStream, handler: &Handler, log: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream);
    let Some(request) = read_request(&mut reader) else { return };
    log.lock().expect("log").push(request.clone());
    let (status, body) = match handler(&request) {
        Reply::Answer(status, body) => (status, body),
        Reply::After(delay, status, body) => {
            std::thread::sleep(delay);
            (status, body)
        }
        Reply::Never => {
            std::thread::sleep(Duration::from_secs(10));
            return;
        }
    };
    let mut stream = reader.into_inner();
    let _ = write!(
        stream,
        "HTTP/1.1 {status} Test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.flush();
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let wire::Received { method, target, headers, body } = wire::read_request(reader)?;
    Some(Request { method, path: target, headers, body: String::from_utf8_lossy(&body).into_owned() })
}
