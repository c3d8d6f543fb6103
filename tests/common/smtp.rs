//! A small real SMTP server for tests: it speaks enough of RFC 5321 for lettre (EHLO,
//! MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps every message it receives, and can be
//! stopped and started again on the same port to test delivery across an outage.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

pub struct SmtpSink {
    pub addr: SocketAddr,
    pub received: Arc<Mutex<Vec<Received>>>,
    /// Connections accepted so far.
    pub connections: Arc<AtomicUsize>,
    task: Option<JoinHandle<()>>,
    delay_ms: u64,
}

impl SmtpSink {
    /// Starts on a free port of 127.0.0.1.
    pub async fn start() -> Self {
        Self::start_slow(0).await
    }

    /// A server that takes `delay_ms` to accept each message, like a busy relay.
    pub async fn start_slow(delay_ms: u64) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let task = Some(tokio::spawn(serve(
            listener,
            received.clone(),
            connections.clone(),
            delay_ms,
        )));
        Self {
            addr,
            received,
            connections,
            task,
            delay_ms,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://{}:{}", self.addr.ip(), self.addr.port())
    }

    pub fn messages(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Stops accepting connections (the port is closed).
    pub fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }

    /// Listens again on the same port.
    pub async fn restart(&mut self) {
        self.stop();
        let listener = TcpListener::bind(self.addr).await.unwrap();
        self.task = Some(tokio::spawn(serve(
            listener,
            self.received.clone(),
            self.connections.clone(),
            self.delay_ms,
        )));
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn serve(
    listener: TcpListener,
    received: Arc<Mutex<Vec<Received>>>,
    connections: Arc<AtomicUsize>,
    delay_ms: u64,
) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            return;
        };
        connections.fetch_add(1, Ordering::Relaxed);
        // As real servers do: without it, small replies wait for delayed ACKs (~40 ms each).
        let _ = stream.set_nodelay(true);
        let received = received.clone();
        tokio::spawn(async move {
            let (read, mut write) = stream.into_split();
            let mut lines = BufReader::new(read);
            let _ = write.write_all(b"220 sink.test ESMTP\r\n").await;
            let mut from = String::new();
            let mut to = Vec::new();
            let mut line = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                    return;
                }
                let command = line.trim_end().to_ascii_uppercase();
                let reply: &[u8] = if command.starts_with("EHLO") {
                    b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
                } else if command.starts_with("HELO") {
                    b"250 sink.test\r\n"
                } else if command.starts_with("MAIL FROM") {
                    from = line.trim_end()[10..].to_string();
                    to.clear();
                    b"250 OK\r\n"
                } else if command.starts_with("RCPT TO") {
                    to.push(line.trim_end()[8..].to_string());
                    b"250 OK\r\n"
                } else if command == "DATA" {
                    let _ = write.write_all(b"354 end with .\r\n").await;
                    let mut data = Vec::new();
                    loop {
                        let mut chunk = String::new();
                        if lines.read_line(&mut chunk).await.unwrap_or(0) == 0 {
                            return;
                        }
                        if chunk == ".\r\n" {
                            break;
                        }
                        let chunk = chunk.strip_prefix('.').map(str::to_string).unwrap_or(chunk);
                        data.extend_from_slice(chunk.as_bytes());
                    }
                    if delay_ms > 0 {
                        tokio::time::sleep(std::time::Duration::from_millis(delay_ms)).await;
                    }
                    received.lock().unwrap().push(Received {
                        from: from.clone(),
                        to: to.clone(),
                        data,
                    });
                    b"250 queued\r\n"
                } else if command == "QUIT" {
                    let _ = write.write_all(b"221 bye\r\n").await;
                    return;
                } else if command == "RSET" || command == "NOOP" {
                    b"250 OK\r\n"
                } else {
                    b"502 not implemented\r\n"
                };
                if write.write_all(reply).await.is_err() {
                    return;
                }
            }
        });
    }
}
