//! What the benchmarks that drive a real server share: a minimal HTTP/1.1 client on one
//! keep-alive connection, lean enough to be the load generator (no wrk or ab is assumed on
//! the machine), and latency percentiles.
// Each bench includes this module and uses part of it.
#![allow(dead_code)]

use std::io;
use std::net::SocketAddr;
use std::ops::Range;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A response as received: the body exactly as sent (compressed or not, de-chunked).
pub struct Response {
    pub status: u16,
    /// Every header but the framing ones, in order; empty when the response was read
    /// without keeping it.
    pub headers: Vec<(String, String)>,
    /// The body; empty when the response was read without keeping it.
    pub body: Vec<u8>,
    /// The body's length in bytes, kept or not.
    pub length: usize,
}

impl Response {
    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A minimal HTTP/1.1 client on one keep-alive connection: Content-Length or chunked
/// bodies, no pipelining.
pub struct Client {
    stream: TcpStream,
    /// Bytes read from the connection; those before `start` are consumed.
    buffer: Vec<u8>,
    start: usize,
    token: Option<String>,
}

impl Client {
    pub async fn connect(addr: SocketAddr, token: Option<String>) -> Self {
        Self::try_connect(addr, token).await.unwrap()
    }

    pub async fn try_connect(addr: SocketAddr, token: Option<String>) -> io::Result<Self> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Self {
            stream,
            buffer: Vec::with_capacity(64 * 1024),
            start: 0,
            token,
        })
    }

    /// Sends a JSON request (with the bearer token, if any); returns the status and body.
    pub async fn send(&mut self, method: &str, path: &str, body: Option<&Value>) -> (u16, Vec<u8>) {
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nContent-Length: {}\r\n",
            body.len()
        );
        if !body.is_empty() {
            head.push_str("Content-Type: application/json\r\n");
        }
        if let Some(token) = &self.token {
            head.push_str(&format!("Authorization: Bearer {token}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(&body);
        let response = self.exchange(head.as_bytes(), true).await.unwrap();
        (response.status, response.body)
    }

    /// A GET of `path` with these extra headers (and the bearer token, if any), kept whole.
    pub async fn get(&mut self, path: &str, headers: &[(&str, &str)]) -> Response {
        let request = get_request(path, headers, self.token.as_deref());
        self.exchange(&request, true).await.unwrap()
    }

    /// Writes a request already in wire form and reads its response, keeping its headers
    /// and body only when asked (a load generator counts bytes, it does not copy them).
    pub async fn exchange(&mut self, request: &[u8], keep: bool) -> io::Result<Response> {
        self.stream.write_all(request).await?;
        self.read_response(keep).await
    }

    /// Reads more of the connection into the buffer, dropping what was consumed first.
    async fn fill(&mut self) -> io::Result<()> {
        if self.start > 0 {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        self.buffer.reserve(32 * 1024);
        if self.stream.read_buf(&mut self.buffer).await? == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the server closed the connection",
            ));
        }
        Ok(())
    }

    /// The next line (without its line end) as a range of the buffer, consumed; valid
    /// until the next read.
    async fn line(&mut self) -> io::Result<Range<usize>> {
        loop {
            if let Some(at) = self.buffer[self.start..].iter().position(|&b| b == b'\n') {
                let begin = self.start;
                let end = begin + at;
                self.start = end + 1;
                let end = if end > begin && self.buffer[end - 1] == b'\r' {
                    end - 1
                } else {
                    end
                };
                return Ok(begin..end);
            }
            self.fill().await?;
        }
    }

    /// Takes `n` bytes of body, copying them only when kept.
    async fn take(&mut self, n: usize, keep: bool, body: &mut Vec<u8>) -> io::Result<()> {
        while self.buffer.len() - self.start < n {
            self.fill().await?;
        }
        if keep {
            body.extend_from_slice(&self.buffer[self.start..self.start + n]);
        }
        self.start += n;
        Ok(())
    }

    async fn read_response(&mut self, keep: bool) -> io::Result<Response> {
        let line = self.line().await?;
        let status = parse_status(&self.buffer[line])?;
        let (mut length, mut chunked) = (0usize, false);
        let mut headers = Vec::new();
        loop {
            let line = self.line().await?;
            if line.is_empty() {
                break;
            }
            let line = &self.buffer[line];
            let colon = line.iter().position(|&b| b == b':').unwrap_or(line.len());
            let name = &line[..colon];
            let value = line.get(colon + 1..).unwrap_or_default().trim_ascii();
            if name.eq_ignore_ascii_case(b"content-length") {
                length = parse_number(value, 10)?;
            } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
                chunked = value.eq_ignore_ascii_case(b"chunked");
            } else if keep {
                headers.push((
                    String::from_utf8_lossy(name).into_owned(),
                    String::from_utf8_lossy(value).into_owned(),
                ));
            }
        }
        let mut body = Vec::new();
        if chunked {
            length = 0;
            loop {
                let line = self.line().await?;
                let line = &self.buffer[line];
                let size = line.split(|&b| b == b';').next().unwrap_or_default();
                let size = parse_number(size.trim_ascii(), 16)?;
                if size == 0 {
                    while !self.line().await?.is_empty() {}
                    break;
                }
                self.take(size, keep, &mut body).await?;
                length += size;
                self.line().await?;
            }
        } else {
            self.take(length, keep, &mut body).await?;
        }
        Ok(Response {
            status,
            headers,
            body,
            length,
        })
    }
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

fn parse_status(line: &[u8]) -> io::Result<u16> {
    let code = line.split(|&b| b == b' ').nth(1).unwrap_or_default();
    Ok(parse_number(code, 10)? as u16)
}

fn parse_number(digits: &[u8], radix: u32) -> io::Result<usize> {
    std::str::from_utf8(digits)
        .ok()
        .and_then(|s| usize::from_str_radix(s, radix).ok())
        .ok_or_else(|| invalid("a number in the response head"))
}

/// A GET request in wire form, to send again and again.
pub fn get_request(path: &str, headers: &[(&str, &str)], token: Option<&str>) -> Vec<u8> {
    let mut head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(token) = token {
        head.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    head.push_str("\r\n");
    head.into_bytes()
}

/// The `p`th percentile of sorted values (nearest rank).
pub fn percentile<T: Copy>(sorted: &[T], p: f64) -> T {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// PDFs typeset as `serve` has them typeset: each by a `roundtable typeset` child.
#[allow(dead_code)]
pub fn typeset_in_children() {
    roundtable::pdf::child::typeset_in_children(env!("CARGO_BIN_EXE_roundtable").into());
}

/// The largest peak memory of the typesetting children, if any ran.
#[allow(dead_code)]
pub fn typesetting_rss() -> String {
    match roundtable::pdf::child::largest_child_rss() {
        0 => "no PDF typeset".into(),
        bytes => format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0)),
    }
}

/// Peak resident memory of this process, from /proc (Linux).
#[allow(dead_code)]
pub fn peak_rss() -> Option<String> {
    vm_hwm("/proc/self/status")
}

/// Roundtable as `roundtable serve` runs it: the binary Cargo built with the bench, in its
/// own process and folder, so that its memory is measured apart from the load generator's.
/// Killed when dropped.
pub struct Server {
    child: std::process::Child,
    pub addr: SocketAddr,
    /// The server's working folder (its outbox is there); removed when dropped.
    _dir: tempfile::TempDir,
}

impl Server {
    /// Starts `roundtable serve` on a free port of 127.0.0.1 with this database (migrated
    /// already or not) and these `ROUNDTABLE_…` settings; returns once it answers.
    pub async fn start(database_url: &str, settings: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        // A port free now; nothing else on the machine is expected to take it meanwhile.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
            .arg("serve")
            .args(["--bind", &addr.to_string()])
            .args(["--database-url", database_url])
            .arg("--mail-url")
            .arg(format!("file://{}", dir.path().join("outbox").display()))
            .current_dir(dir.path())
            .env("ROUNDTABLE_LOG__FILTER", "warn")
            .envs(settings.iter().copied())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("roundtable serve starts");
        // Killed when dropped, a failure to answer included.
        let mut server = Self {
            child,
            addr,
            _dir: dir,
        };
        let started = std::time::Instant::now();
        loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("roundtable serve ended with {status} before answering");
            }
            if TcpStream::connect(addr).await.is_ok() {
                return server;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "roundtable serve did not answer on {addr} within 60 s"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The server process's peak resident memory so far (Linux).
    pub fn peak_rss(&self) -> Option<String> {
        vm_hwm(&format!("/proc/{}/status", self.child.id()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn vm_hwm(status: &str) -> Option<String> {
    let status = std::fs::read_to_string(status).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}
